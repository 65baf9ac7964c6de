import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { verifyToken } from '../oidc/verify.ts';
import { requestRunnerToken, runnerTokenRequestFromEnv } from '../oidc/request-token.ts';
import { TokenSource } from '../oidc/token-source.ts';
import { loadPolicy } from '../policy/load.ts';
import { checkedClaims, evaluatePolicy } from '../policy/evaluate.ts';
import { denialError, explainDecision } from '../policy/explain.ts';
import { chooseAwsRole } from '../policy/aws-grant.ts';
import { assumeRoleWithWebIdentity } from '../providers/aws/exchange.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn } from '../providers/aws/export.ts';
import { readMainInputs } from './inputs.ts';
import { openPolicySource } from './policy-source.ts';
import { saveIssuedCredentials } from './state.ts';
import { writeDenialSummary, writeIssuanceSummary } from './summary.ts';

// A token this close to expiry is replaced before it is sent to STS.
const MIN_TOKEN_VALIDITY_SECONDS = 60;

/** The main step: token → verified claims → decision → credentials → masked export. */
export async function runMain(): Promise<void> {
  const inputs = readMainInputs();
  const runner = runnerTokenRequestFromEnv(process.env);
  const tokens = new TokenSource({
    fetchToken: async () => {
      const token = await requestRunnerToken({ ...runner, audience: inputs.audience });
      core.setSecret(token);
      return token;
    },
    verify: (token) => verifyToken(token, { issuer: inputs.issuer, audience: inputs.audience }),
  });
  const { claims } = await tokens.get();
  core.info(`Verified the OIDC token from ${inputs.issuer} for audience "${inputs.audience}"; subject "${claims.sub}".`);

  const policy = await loadPolicy(openPolicySource(inputs.policySource, claims, inputs.githubToken), inputs.policyPath);
  const decision = evaluatePolicy(policy, claims);
  const explanation = explainDecision(decision);
  core.startGroup(`Policy ${policy.source}: ${decision.allowed ? 'allowed' : 'denied'}`);
  for (const line of explanation) core.info(line);
  core.endGroup();
  if (!decision.allowed) {
    await writeDenialSummary(explanation);
    throw denialError(decision, policy.source);
  }

  const { roleArn, durationSeconds, capped, sessionPolicy } = chooseAwsRole(decision.rule, inputs.roleToAssume, inputs.roleDurationSeconds);
  if (capped) core.notice(`role-duration-seconds lowered to ${durationSeconds}, the most that rule "${decision.rule.name}" grants.`);
  if (sessionPolicy && inputs.inlineSessionPolicy) {
    throw new BrokerError(ErrorCode.InputInvalid, `Rule "${decision.rule.name}" sets a session policy, so the input \`inline-session-policy\` cannot replace it.`, {
      hint: 'Remove inline-session-policy, or narrow further with managed-session-policies; STS takes one inline session policy.',
    });
  }

  const session = await assumeRoleWithWebIdentity({
    roleArn,
    sessionName: inputs.roleSessionName,
    durationSeconds,
    region: inputs.awsRegion,
    inlineSessionPolicy: sessionPolicy ?? inputs.inlineSessionPolicy,
    managedSessionPolicyArns: inputs.managedSessionPolicies,
    subject: String(claims.sub),
    getToken: async ({ forceRefresh }) => (await tokens.get({ forceRefresh, minValiditySeconds: MIN_TOKEN_VALIDITY_SECONDS })).token,
  });
  // Masking comes first: nothing may print a credential before the runner knows to hide it.
  for (const secret of awsSecretValues(session, { maskAccountId: inputs.maskAwsAccountId })) core.setSecret(secret);

  const environment = awsEnvironment(session);
  saveIssuedCredentials([awsCredentialRecord(session, Object.keys(environment))]);
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(awsOutputs(session, { includeCredentials: inputs.outputCredentials }))) core.setOutput(name, value);
  core.setOutput('policy-rule', decision.rule.name);

  const expiresAt = session.expiration.toISOString();
  core.info(`Assumed ${roleArn} as session "${session.sessionName}" until ${expiresAt}; exported ${Object.keys(environment).join(', ')}.`);
  await writeIssuanceSummary({
    rule: decision.rule.name,
    checkedClaims: checkedClaims(decision),
    role: displayArn(roleArn, { maskAccountId: inputs.maskAwsAccountId }),
    sessionName: session.sessionName,
    expiresAt,
  });
}
