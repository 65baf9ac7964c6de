import * as core from '@actions/core';
import type { Allowed, AwsGrantRequest } from '../core/authorize.ts';
import { issueAws } from '../core/issue.ts';
import type { TokenSource } from '../oidc/token-source.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn } from '../providers/aws/export.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { runnerMinter } from './authorize.ts';
import type { AwsInputs } from './inputs.ts';
import type { IssuanceReport } from './summary.ts';

/** What the step's inputs ask of AWS; the deciding rule may narrow it. */
export function awsGrantRequest(inputs: AwsInputs): AwsGrantRequest {
  return {
    role: inputs.roleToAssume,
    durationSeconds: inputs.roleDurationSeconds,
    sessionPolicy: inputs.inlineSessionPolicy,
    managedSessionPolicyArns: inputs.managedSessionPolicies,
  };
}

/**
 * Assumes the granted role, then masks, records and exports the session, in that order: nothing may
 * print a credential before the runner knows to hide it, and nothing is exported that the post step
 * would not know to clear.
 */
export async function issueAwsCredentials(inputs: AwsInputs, tokens: TokenSource, authorization: Allowed, remember: (record: IssuedCredential) => void): Promise<IssuanceReport> {
  const { rule, claims } = authorization;
  const grant = authorization.grants.aws!;
  if (grant.capped) core.notice(`role-duration-seconds lowered to ${grant.durationSeconds}, the most that rule "${rule.name}" grants.`);

  const session = await issueAws(grant, claims, inputs.roleSessionName, runnerMinter(tokens, { region: inputs.region }));
  for (const secret of awsSecretValues(session, { maskAccountId: inputs.maskAccountId })) core.setSecret(secret);

  const environment = awsEnvironment(session);
  remember(awsCredentialRecord(session, Object.keys(environment), { audience: inputs.audience, revokerRoleArn: inputs.revokeRole ?? grant.revokeRole }));
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(awsOutputs(session, { includeCredentials: inputs.outputCredentials }))) core.setOutput(name, value);

  const expiresAt = session.expiration.toISOString();
  core.info(`AWS: assumed ${grant.roleArn} as session "${session.sessionName}" until ${expiresAt}; exported ${Object.keys(environment).join(', ')}.`);
  return {
    cloud: 'AWS',
    rule: rule.name,
    checkedClaims: authorization.checkedClaims,
    identity: `${displayArn(grant.roleArn, { maskAccountId: inputs.maskAccountId })}, session ${session.sessionName}`,
    expiresAt,
  };
}
