import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityPoolClient, JWT, OAuth2Client } from 'google-auth-library';
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

describe('generateAccessToken as another service account (roles/iam.serviceAccountTokenCreator)', () => {
  const BROKER = 'ci-broker@octo-project.iam.gserviceaccount.com';
  const STRANGER = 'stranger@octo-project.iam.gserviceaccount.com';
  const RELEASE = 'release@octo-project.iam.gserviceaccount.com';
  beforeAll(() => {
    google.putServiceAccount({ email: RELEASE, impersonators: [`principalSet:${POOL}/*`], tokenCreators: [`serviceAccount:${BROKER}`] });
  });

  const scoped = (email: string, options: { scopes?: string[]; key?: ReturnType<GoogleCloudEmulator['createServiceAccountKey']> } = {}) => {
    const key = options.key ?? google.createServiceAccountKey(email);
    const jwt = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: options.scopes ?? ['https://www.googleapis.com/auth/cloud-platform'] });
    // As the broker's minter asks: a self-signed JWT with the scope, the emulator serving no OAuth token endpoint.
    jwt.useJWTAccessWithScope = true;
    return jwt;
  };
  const mint = (caller: JWT, target = RELEASE) =>
    caller
      .request<{ accessToken: string }>({ url: google.impersonationUrl(target), method: 'POST', data: { scope: ['https://www.googleapis.com/auth/cloud-platform'], lifetime: '300s' }, retry: false })
      .then((r) => ({ status: r.status, email: r.data.accessToken }))
      .catch((error: { status?: number }) => ({ status: error.status, email: undefined }));

  it('mints for a member of the target’s token creators, who signs with its own key', async () => {
    const minted = await mint(scoped(BROKER));
    expect(minted.status).toBe(200);
    const info = await fetch(`${google.tokenInfoUrl}?access_token=${minted.email}`);
    expect(await info.json()).toMatchObject({ email: RELEASE });
  });

  it('refuses a service account that holds no token-creator role on the target, and any caller on an account naming none', async () => {
    expect((await mint(scoped(STRANGER))).status).toBe(403);
    expect((await mint(scoped(BROKER), DEPLOYER)).status).toBe(403);
  });

  it('refuses a JWT without an IAM scope, or signed by a key the emulator never issued', async () => {
    expect((await mint(scoped(BROKER, { scopes: ['https://www.googleapis.com/auth/devstorage.read_only'] }))).status).toBe(401);
    const genuine = google.createServiceAccountKey(BROKER);
    const forged = { ...genuine, private_key: google.createServiceAccountKey(STRANGER).private_key };
    expect((await mint(scoped(BROKER, { key: forged }))).status).toBe(401);
  });

  it('refuses a self-signed JWT past its expiry', async () => {
    const caller = scoped(BROKER);
    const clock = google.now;
    google.now = () => Date.now() + 2 * 3600 * 1000;
    try {
      expect((await mint(caller)).status).toBe(401);
    } finally {
      google.now = clock;
    }
  });
});
