import * as core from '@actions/core';
import { chooseGcpGrant } from '../policy/gcp-grant.ts';
import { exchangeForGoogleToken } from '../providers/gcp/exchange.ts';
import { gcpCredentialRecord, gcpEnvironment, gcpOutputs, gcpSecretValues, writeGcpCredentialFiles, type GcpCredentialFiles } from '../providers/gcp/export.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { Authorization } from './authorize.ts';
import type { GcpInputs } from './inputs.ts';
import type { IssuanceReport } from './summary.ts';

// Google STS refuses a subject token that expires in flight; leave a margin for the two hops.
const MIN_TOKEN_VALIDITY_SECONDS = 60;

/**
 * Exchanges the verified token for a Google access token under the granted provider and service
 * account, then masks it, writes the credentials files for ADC and gcloud, records them and exports
 * them, in that order.
 */
export async function issueGcpCredentials(inputs: GcpInputs, authorization: Authorization, remember: (record: IssuedCredential) => void, env: NodeJS.ProcessEnv = process.env): Promise<IssuanceReport> {
  const { rule, claims, tokens } = authorization;
  const grant = chooseGcpGrant(rule, { provider: inputs.workloadIdentityProvider, serviceAccount: inputs.serviceAccount, lifetimeSeconds: inputs.lifetimeSeconds });
  if (grant.capped) core.notice(`gcp-access-token-lifetime lowered to ${grant.lifetimeSeconds}s, the most that rule "${rule.name}" grants.`);

  const session = await exchangeForGoogleToken({
    workloadIdentityProvider: grant.workloadIdentityProvider,
    serviceAccount: grant.serviceAccount,
    lifetimeSeconds: grant.lifetimeSeconds,
    scopes: grant.scopes,
    endpoints: inputs.endpoints,
    getToken: async () => (await tokens.get({ minValiditySeconds: MIN_TOKEN_VALIDITY_SECONDS })).token,
  });
  for (const secret of gcpSecretValues(session)) core.setSecret(secret);

  let files: GcpCredentialFiles | undefined;
  if (inputs.createCredentialsFile) {
    const runnerTemp = env.RUNNER_TEMP;
    if (!runnerTemp) {
      throw new BrokerError(ErrorCode.InputInvalid, 'RUNNER_TEMP is not set, so the Google credentials file has nowhere safe to go.', {
        hint: 'Run the step on a GitHub Actions runner, or set `gcp-create-credentials-file: false` and use the gcp-access-token output.',
      });
    }
    files = await writeGcpCredentialFiles({
      directory: runnerTemp,
      workspace: env.GITHUB_WORKSPACE,
      workloadIdentityProvider: grant.workloadIdentityProvider,
      serviceAccount: grant.serviceAccount,
      lifetimeSeconds: grant.lifetimeSeconds,
      endpoints: inputs.endpoints,
      subjectToken: (await tokens.get()).token,
    });
  }
  const environment = gcpEnvironment(files, inputs.projectId);
  remember(gcpCredentialRecord(session, files, Object.keys(environment), String(claims.sub)));
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(gcpOutputs(session))) core.setOutput(name, value);

  const expiresAt = session.expiration.toISOString();
  const holder = grant.serviceAccount ?? 'the federated principal';
  core.info(`Google Cloud: obtained an access token for ${holder} until ${expiresAt}${files ? `; wrote ${files.configPath}` : ''}; exported ${Object.keys(environment).join(', ') || 'nothing'}.`);
  return { cloud: 'Google Cloud', rule: rule.name, checkedClaims: authorization.checkedClaims, identity: holder, expiresAt };
}
