import * as core from '@actions/core';
import type { AwsGrantRequest } from '../core/authorize.ts';
import { issueAws } from '../core/issue.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { RunnerTokenRequest } from '../oidc/request-token.ts';
import { readWebIdentityTokenFile, TokenSource } from '../oidc/token-source.ts';
import { verifyToken } from '../oidc/verify.ts';
import { chooseChainedRole } from '../policy/aws-grant.ts';
import { assumeChainedRole } from '../providers/aws/chain.ts';
import type { AwsSession } from '../providers/aws/exchange.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn } from '../providers/aws/export.ts';
import { runnerMinter, runnerTokens } from './authorize.ts';
import { DEFAULT_AWS_PROFILE, prepareRenewingProfile, writeRenewingProfile } from './aws-renewal.ts';
import { bundledCli } from './bundled-cli.ts';
import type { IssueContext } from './issue-context.ts';
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
 * The tokens for AWS: the runner's, or those a platform keeps fresh in a file (web-identity-token-file),
 * each masked as it is read and verified like the runner's.
 */
export function awsTokens(inputs: AwsInputs, runner: () => RunnerTokenRequest, issuer: string): TokenSource {
  const file = inputs.webIdentityTokenFile;
  if (file === undefined) return runnerTokens(runner(), issuer, inputs.audience);
  return new TokenSource({
    fetchToken: async () => {
      const token = await readWebIdentityTokenFile(file);
      core.setSecret(token);
      return token;
    },
    verify: (token) => verifyToken(token, { issuer, audience: inputs.audience }),
  });
}

// The variables configure-aws-credentials' unset-current-credentials clears, and AWS_PROFILE, which would
// otherwise keep pointing the tools at an earlier step's profile.
const CURRENT_CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

/** unset-current-credentials: clears, for this step and the later ones, what earlier steps left. */
export function unsetCurrentAwsCredentials(env: NodeJS.ProcessEnv = process.env): void {
  const present = CURRENT_CREDENTIAL_VARIABLES.filter((name) => env[name]);
  for (const name of present) {
    core.exportVariable(name, '');
    delete env[name];
  }
  core.info(present.length > 0 ? `AWS: cleared ${present.join(', ')}, left by earlier steps (unset-current-credentials).` : 'AWS: no AWS credential variables were set (unset-current-credentials).');
}

/**
 * With a broker, the broker mints from the runner's token for its own audience: a profile that renews
 * locally, a second hop or a token file would bypass or contradict it, so they are refused, not ignored.
 */
export function refuseLocalOnlyAwsInputs(inputs: AwsInputs): void {
  const local = [
    inputs.profile !== undefined ? 'aws-profile' : inputs.renewCredentials ? 'aws-renew-credentials' : undefined,
    inputs.chainToRole !== undefined ? 'chain-to-role' : undefined,
    inputs.webIdentityTokenFile !== undefined ? 'web-identity-token-file' : undefined,
  ].find((name) => name !== undefined);
  if (local === undefined) return;
  throw new BrokerError(ErrorCode.InputInvalid, `The input \`${local}\` is not used with \`broker-url\`: the broker mints every session itself.`, {
    hint: 'Leave it out, or drop broker-url to have the step mint with the job’s own token under the workspace policy.',
  });
}

/**
 * Assumes the granted role (and, with chain-to-role, the chained one), then masks, records and exports,
 * in that order: nothing may print a credential before the runner knows to hide it, and nothing is
 * exported that the post step would not know to clear.
 */
export async function issueAwsCredentials(inputs: AwsInputs, { tokens, authorization, remember, renewal }: IssueContext, env: NodeJS.ProcessEnv = process.env): Promise<IssuanceReport> {
  const { rule, claims } = authorization;
  const grant = authorization.grants.aws!;
  if (grant.capped) core.notice(`role-duration-seconds lowered to ${grant.durationSeconds}, the most that rule "${rule.name}" grants.`);
  // Checked before any session exists: the action never hops where the rule does not list.
  const chainTo = inputs.chainToRole === undefined ? undefined : chooseChainedRole(rule, inputs.chainToRole);
  const revocation = { audience: inputs.audience, revokerRoleArn: inputs.revokeRole ?? grant.revokeRole, tokenFile: inputs.webIdentityTokenFile };
  const mask = (session: AwsSession): void => {
    for (const secret of awsSecretValues(session, { maskAccountId: inputs.maskAccountId })) core.setSecret(secret);
  };

  const first = await issueAws(grant, claims, inputs.roleSessionName, runnerMinter(tokens, { region: inputs.region }));
  mask(first);
  core.info(`AWS: assumed ${grant.roleArn} as session "${first.sessionName}" until ${first.expiration.toISOString()}.`);
  const sessions = [first];
  if (chainTo) {
    // Its keys are never exported, but the session exists and is the post step's to deny.
    remember(awsCredentialRecord(first, [], revocation));
    const chained = await assumeChainedRole(first, { roleArn: chainTo, sessionName: inputs.roleSessionName, durationSeconds: grant.durationSeconds });
    mask(chained);
    core.info(`AWS: then assumed ${chainTo} (chain-to-role) with that session, until ${chained.expiration.toISOString()}.`);
    sessions.push(chained);
  }
  const session = sessions.at(-1)!;

  let environment: Record<string, string>;
  if (inputs.renewCredentials) {
    const paths = await prepareRenewingProfile(env.RUNNER_TEMP, env.GITHUB_WORKSPACE, inputs.profile ?? DEFAULT_AWS_PROFILE);
    environment = renewingEnvironment(paths.configFile, inputs);
    remember({ ...awsCredentialRecord(session, Object.keys(environment), revocation), files: [paths.folder], renewal: { ledger: paths.ledger, configFile: paths.configFile, profile: paths.profile } });
    await writeRenewingProfile(paths, {
      settings: {
        issuer: renewal.issuer,
        audience: inputs.audience,
        region: inputs.region,
        tokenFile: inputs.webIdentityTokenFile,
        request: { role: grant.roleArn, durationSeconds: inputs.roleDurationSeconds, sessionPolicy: inputs.inlineSessionPolicy, managedSessionPolicyArns: inputs.managedSessionPolicies },
        chainToRole: chainTo,
        sessionName: inputs.roleSessionName,
        identities: Object.fromEntries(sessions.map((issued) => [issued.roleArn, { identity: issued.assumedRoleId, principal: issued.assumedRoleArn }])),
      },
      policy: renewal.policy,
      sessions,
      cli: bundledCli(),
    });
    core.info(`AWS: wrote the renewing profile "${paths.profile}" to ${paths.configFile}; its credential_process renews the session before it expires, until the post step closes it.`);
  } else {
    environment = inputs.outputEnvCredentials ? awsEnvironment(session) : {};
    remember(awsCredentialRecord(session, Object.keys(environment), revocation));
  }
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(awsOutputs(session, { includeCredentials: inputs.outputCredentials }))) core.setOutput(name, value);
  core.info(`AWS: exported ${Object.keys(environment).join(', ') || 'nothing (output-env-credentials: false)'}.`);

  return {
    cloud: 'AWS',
    rule: rule.name,
    checkedClaims: authorization.checkedClaims,
    identity: `${displayArn(session.roleArn, { maskAccountId: inputs.maskAccountId })}, session ${session.sessionName}`,
    expiresAt: session.expiration.toISOString(),
  };
}

/**
 * A renewing profile is found through AWS_CONFIG_FILE. Without a name of its own it becomes the
 * tools' profile (AWS_PROFILE, with the region), and static keys from an earlier step are cleared, as
 * every SDK would prefer them to the profile. A named profile leaves the environment's own credentials
 * alone: it is chosen per command (--profile) or per step (AWS_PROFILE).
 */
function renewingEnvironment(configFile: string, inputs: AwsInputs): Record<string, string> {
  if (inputs.profile !== undefined) return { AWS_CONFIG_FILE: configFile };
  return { AWS_CONFIG_FILE: configFile, AWS_PROFILE: DEFAULT_AWS_PROFILE, AWS_REGION: inputs.region, AWS_DEFAULT_REGION: inputs.region, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' };
}
