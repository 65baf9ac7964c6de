import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityPoolClient, OAuth2Client } from 'google-auth-library';
import { exportGcpAttributeCondition } from '../../../../src/policy/export/gcp-attribute-condition.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { GoogleCloudEmulator, type PoolProviderDefinition } from '../../../../src/sandbox/gcp/google-emulator.ts';
import { OidcIssuer } from '../../../../src/sandbox/issuer/oidc-issuer.ts';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/github';
const POOL = '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci';
const DEPLOYER = 'deployer@octo-project.iam.gserviceaccount.com';
const OTHER = 'other@octo-project.iam.gserviceaccount.com';
let issuer: OidcIssuer;
let google: GoogleCloudEmulator;
let definition: PoolProviderDefinition;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
  google = await GoogleCloudEmulator.start();
  definition = {
    name: PROVIDER,
    issuer: issuer.url,
    attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository', 'attribute.repository_id': 'assertion.repository_id' },
    attributeCondition: "assertion.repository_owner_id == '1342004' && assertion.ref.startsWith('refs/heads/')",
  };
  google.putProvider(definition);
  google.putServiceAccount({ email: DEPLOYER, impersonators: [`principalSet:${POOL}/attribute.repository_id/8429`] });
  google.putServiceAccount({ email: OTHER, impersonators: [`principal:${POOL}/subject/repo:octo-org/other:ref:refs/heads/main`] });
});
afterAll(async () => {
  await google.close();
  await issuer.close();
});

function client(token: Promise<string> | string, options: { serviceAccount?: string; lifetime?: number } = {}) {
  return new IdentityPoolClient({
    type: 'external_account',
    audience: `//iam.googleapis.com/${PROVIDER}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: google.tokenUrl,
    service_account_impersonation_url: google.impersonationUrl(options.serviceAccount ?? DEPLOYER),
    service_account_impersonation: { token_lifetime_seconds: options.lifetime ?? 600 },
    subject_token_supplier: { getSubjectToken: async () => token },
  });
}

const googleToken = (claims: Record<string, unknown> = {}) => issuer.mint({ audience: `https://iam.googleapis.com/${PROVIDER}`, claims });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { message: string; response?: { data?: unknown } } | undefined;
  if (!error) throw new Error('the call succeeded');
  return JSON.stringify(error.response?.data ?? error.message);
}

describe('GoogleCloudEmulator with google-auth-library', () => {
  it('exchanges a token, impersonates the account for the requested lifetime, and the token works until it expires', async () => {
    const { token } = await client(googleToken()).getAccessToken();
    expect(token).toMatch(/^ya29\.c\./);
    const info = await new OAuth2Client({ endpoints: { tokenInfoUrl: google.tokenInfoUrl } }).getTokenInfo(token!);
    expect(info.email).toBe(DEPLOYER);
    expect(info.scopes).toEqual(['https://www.googleapis.com/auth/cloud-platform']);
    expect(info.expiry_date - Date.now()).toBeLessThanOrEqual(600_000);
    const realNow = google.now;
    google.now = () => realNow() + 601_000;
    try {
      expect(await failure(new OAuth2Client({ endpoints: { tokenInfoUrl: google.tokenInfoUrl } }).getTokenInfo(token!))).toContain('invalid_token');
    } finally {
      google.now = realNow;
    }
  });

  it('rejects a token that the attribute condition does not admit', async () => {
    expect(await failure(client(googleToken({ ref: 'refs/tags/v1' })).getAccessToken())).toContain('The given credential is rejected by the attribute condition.');
  });

  it('admits by an exported condition as the policy decides, a job without the claim a deny rule tests included', async () => {
    const policy = parsePolicy(
      `version: 1
issuers: [${issuer.url}]
custom-claims: [event_name, repository_owner_id, ref]
rules:
  - name: no-pull-requests
    effect: deny
    match: {event_name: [pull_request, pull_request_target]}
  - name: main
    match: {repository_owner_id: "1342004", ref: {glob: "refs/heads/*"}}
    grant: {aws: {roles: ["arn:aws:iam::111122223333:role/deploy"]}}
`,
      'p.yml',
    );
    google.putProvider({ ...definition, attributeCondition: exportGcpAttributeCondition(policy).condition });
    try {
      expect((await client(googleToken({ event_name: undefined })).getAccessToken()).token).toMatch(/^ya29\.c\./);
      expect(await failure(client(googleToken({ event_name: 'pull_request' })).getAccessToken())).toContain('rejected by the attribute condition');
    } finally {
      google.putProvider(definition);
    }
  });

  it('rejects a token for another audience, or forged', async () => {
    expect(await failure(client(issuer.mint({ audience: 'sts.amazonaws.com' })).getAccessToken())).toContain('The audience in ID Token does not match the expected audience.');
    expect(await failure(client(issuer.mint({ audience: `https://iam.googleapis.com/${PROVIDER}`, forgeSignature: true })).getAccessToken())).toContain('The ID Token could not be verified.');
  });

  it('refuses impersonation to a principal without the binding', async () => {
    expect(await failure(client(googleToken(), { serviceAccount: OTHER }).getAccessToken())).toContain("Permission 'iam.serviceAccounts.getAccessToken' denied");
  });

  it('enforces the lifetime bound', async () => {
    expect(await failure(client(googleToken(), { lifetime: 7200 }).getAccessToken())).toContain('outside the allowed range of 1 to 3600 seconds');
  });
});
