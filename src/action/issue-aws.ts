import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { chooseAwsRole } from '../policy/aws-grant.ts';
import { assumeRoleWithWebIdentity } from '../providers/aws/exchange.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn } from '../providers/aws/export.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import type { Authorization } from './authorize.ts';
import type { AwsInputs } from './inputs.ts';
import type { IssuanceReport } from './summary.ts';

// A token this close to expiry is replaced before it is sent to STS.
const MIN_TOKEN_VALIDITY_SECONDS = 60;

/**
 * Assumes the granted role, then masks, records and exports the session, in that order: nothing may
 * print a credential before the runner knows to hide it, and nothing is exported that the post step
 * would not know to clear.
 */
export async function issueAwsCredentials(inputs: AwsInputs, authorization: Authorization, remember: (record: IssuedCredential) => void): Promise<IssuanceReport> {
  const { rule, claims, tokens } = authorization;
  const { roleArn, durationSeconds, capped, sessionPolicy, revokeRole } = chooseAwsRole(rule, inputs.roleToAssume, inputs.roleDurationSeconds);
  if (capped) core.notice(`role-duration-seconds lowered to ${durationSeconds}, the most that rule "${rule.name}" grants.`);
  if (sessionPolicy && inputs.inlineSessionPolicy) {
    throw new BrokerError(ErrorCode.InputInvalid, `Rule "${rule.name}" sets a session policy, so the input \`inline-session-policy\` cannot replace it.`, {
      hint: 'Remove inline-session-policy, or narrow further with managed-session-policies; STS takes one inline session policy.',
    });
  }

  const session = await assumeRoleWithWebIdentity({
    roleArn,
    sessionName: inputs.roleSessionName,
    durationSeconds,
    region: inputs.region,
    inlineSessionPolicy: sessionPolicy ?? inputs.inlineSessionPolicy,
    managedSessionPolicyArns: inputs.managedSessionPolicies,
    subject: String(claims.sub),
    issuer: String(claims.iss),
    getToken: async ({ forceRefresh }) => (await tokens.get({ forceRefresh, minValiditySeconds: MIN_TOKEN_VALIDITY_SECONDS })).token,
  });
  for (const secret of awsSecretValues(session, { maskAccountId: inputs.maskAccountId })) core.setSecret(secret);

  const environment = awsEnvironment(session);
  remember(awsCredentialRecord(session, Object.keys(environment), { audience: inputs.audience, revokerRoleArn: inputs.revokeRole ?? revokeRole }));
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(awsOutputs(session, { includeCredentials: inputs.outputCredentials }))) core.setOutput(name, value);

  const expiresAt = session.expiration.toISOString();
  core.info(`AWS: assumed ${roleArn} as session "${session.sessionName}" until ${expiresAt}; exported ${Object.keys(environment).join(', ')}.`);
  return {
    cloud: 'AWS',
    rule: rule.name,
    checkedClaims: authorization.checkedClaims,
    identity: `${displayArn(roleArn, { maskAccountId: inputs.maskAccountId })}, session ${session.sessionName}`,
    expiresAt,
  };
}
