import * as core from '@actions/core';
import type { Allowed, GcpGrantRequest } from '../core/authorize.ts';
import { issueGcp } from '../core/issue.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { TokenSource } from '../oidc/token-source.ts';
import { mintGoogleIdToken } from '../providers/gcp/exchange.ts';
import { gcpCredentialRecord, gcpEnvironment, gcpOutputs, gcpSecretValues, projectOfServiceAccount, writeGcpCredentialFiles, type GcpCredentialFiles } from '../providers/gcp/export.ts';
import { runnerMinter } from './authorize.ts';
import { bundledCli } from './bundled-cli.ts';
import type { IssueContext } from './issue-context.ts';
import type { GcpInputs } from './inputs.ts';
import type { IssuanceReport } from './summary.ts';

/** What the step's inputs ask of Google Cloud; the deciding rule may narrow it. */
export function gcpGrantRequest(inputs: GcpInputs): GcpGrantRequest {
  return {
    provider: inputs.workloadIdentityProvider,
    serviceAccount: inputs.serviceAccount,
    lifetimeSeconds: inputs.lifetimeSeconds,
    scopes: inputs.scopes,
    idTokenAudience: inputs.idToken?.audience,
  };
}

/**
 * Mints what the step asked for (an access token, or an ID token) under the granted provider and
 * service account, then masks it, writes the credentials files for ADC and gcloud, records them and
 * exports them, in that order.
 */
export async function issueGcpCredentials(inputs: GcpInputs, { tokens, authorization, remember, renewal }: IssueContext, env: NodeJS.ProcessEnv = process.env): Promise<IssuanceReport> {
  const { rule, claims } = authorization;
  const grant = authorization.grants.gcp!;
  if (grant.capped) core.notice(`access_token_lifetime lowered to ${grant.lifetimeSeconds}s, the most that rule "${rule.name}" grants.`);

  const minted = await mint(inputs, tokens, authorization);
  for (const secret of minted.secrets) core.setSecret(secret);

  let files: GcpCredentialFiles | undefined;
  if (inputs.createCredentialsFile) {
    const runnerTemp = env.RUNNER_TEMP;
    if (!runnerTemp) {
      throw new BrokerError(ErrorCode.InputInvalid, 'RUNNER_TEMP is not set, so the Google credentials file has nowhere safe to go.', {
        hint: 'Run the step on a GitHub Actions runner, or set `create_credentials_file: false` and use the access_token output.',
      });
    }
    files = await writeGcpCredentialFiles({
      directory: runnerTemp,
      workspace: env.GITHUB_WORKSPACE,
      workloadIdentityProvider: grant.workloadIdentityProvider,
      serviceAccount: grant.serviceAccount,
      lifetimeSeconds: grant.lifetimeSeconds,
      endpoints: inputs.endpoints,
      renewal: {
        issuer: renewal.issuer,
        audience: inputs.audience,
        grant: { provider: grant.workloadIdentityProvider, serviceAccount: grant.serviceAccount, lifetimeSeconds: grant.lifetimeSeconds },
        policy: renewal.policy,
      },
      cli: bundledCli(),
    });
  }
  // With no service account asked for, the rule's only one is granted: its project is known only now.
  const projectId = inputs.projectId ?? projectOfServiceAccount(grant.serviceAccount);
  const environment = gcpEnvironment(files, projectId);
  const holder = grant.serviceAccount ?? 'the federated principal';
  remember(gcpCredentialRecord({ serviceAccount: grant.serviceAccount, workloadIdentityProvider: grant.workloadIdentityProvider, expiration: minted.expiration }, files, Object.keys(environment), String(claims.sub)));
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  const outputs = { ...minted.outputs, ...(files && { credentials_file_path: files.configPath }), ...(projectId && { project_id: projectId }) };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

  const expiresAt = minted.expiration.toISOString();
  core.info(`Google Cloud: obtained ${minted.what} for ${holder} until ${expiresAt}${files ? `; wrote ${files.configPath}, which renews access tokens for the rest of the job` : ''}; exported ${Object.keys(environment).join(', ') || 'nothing'}.`);
  return { cloud: 'Google Cloud', rule: rule.name, checkedClaims: authorization.checkedClaims, identity: holder, expiresAt };
}

interface Minted {
  what: string;
  expiration: Date;
  secrets: string[];
  outputs: Record<string, string>;
}

async function mint(inputs: GcpInputs, tokens: TokenSource, authorization: Allowed): Promise<Minted> {
  const grant = authorization.grants.gcp!;
  if (grant.idTokenAudience !== undefined) {
    const { idToken, expiration } = await mintGoogleIdToken({
      workloadIdentityProvider: grant.workloadIdentityProvider,
      // The grant refuses an ID token without a service account.
      serviceAccount: grant.serviceAccount!,
      audience: grant.idTokenAudience,
      includeEmail: inputs.idToken?.includeEmail ?? false,
      endpoints: inputs.endpoints,
      getToken: async () => (await tokens.get()).token,
    });
    return { what: `an ID token for ${JSON.stringify(grant.idTokenAudience)}`, expiration, secrets: [idToken], outputs: { id_token: idToken } };
  }
  const session = await issueGcp(grant, authorization.claims, runnerMinter(tokens, { gcpEndpoints: inputs.endpoints }));
  return { what: 'an access token', expiration: session.expiration, secrets: gcpSecretValues(session), outputs: gcpOutputs(session) };
}
