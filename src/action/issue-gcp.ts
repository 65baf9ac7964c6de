import * as core from '@actions/core';
import type { Allowed, GcpGrantRequest } from '../core/authorize.ts';
import { issueGcp } from '../core/issue.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { TokenSource } from '../oidc/token-source.ts';
import { gcpCredentialRecord, gcpEnvironment, gcpOutputs, gcpSecretValues, writeGcpCredentialFiles, type GcpCredentialFiles } from '../providers/gcp/export.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { runnerMinter } from './authorize.ts';
import type { GcpInputs } from './inputs.ts';
import type { IssuanceReport } from './summary.ts';

/** What the step's inputs ask of Google Cloud; the deciding rule may narrow it. */
export function gcpGrantRequest(inputs: GcpInputs): GcpGrantRequest {
  return { provider: inputs.workloadIdentityProvider, serviceAccount: inputs.serviceAccount, lifetimeSeconds: inputs.lifetimeSeconds };
}

/**
 * Exchanges the verified token for a Google access token under the granted provider and service
 * account, then masks it, writes the credentials files for ADC and gcloud, records them and exports
 * them, in that order.
 */
export async function issueGcpCredentials(inputs: GcpInputs, tokens: TokenSource, authorization: Allowed, remember: (record: IssuedCredential) => void, env: NodeJS.ProcessEnv = process.env): Promise<IssuanceReport> {
  const { rule, claims } = authorization;
  const grant = authorization.grants.gcp!;
  if (grant.capped) core.notice(`gcp-access-token-lifetime lowered to ${grant.lifetimeSeconds}s, the most that rule "${rule.name}" grants.`);

  const session = await issueGcp(grant, claims, runnerMinter(tokens, { gcpEndpoints: inputs.endpoints }));
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
