import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OAuth2Client } from 'google-auth-library';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { exchangeForGoogleToken, mintGoogleIdToken, type GcpExchange } from '../../../../src/providers/gcp/exchange.ts';
import { GoogleCloudEmulator } from '../../../../src/sandbox/gcp/google-emulator.ts';
import { OidcIssuer } from '../../../../src/sandbox/issuer/oidc-issuer.ts';
import { rejection } from '../../../helpers/broker-error.ts';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/github';
const POOL = '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci';
const DEPLOYER = 'deployer@octo-project.iam.gserviceaccount.com';
const STRANGER = 'stranger@octo-project.iam.gserviceaccount.com';
let issuer: OidcIssuer;
let google: GoogleCloudEmulator;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
  google = await GoogleCloudEmulator.start();
  google.putProvider({
    name: PROVIDER,
    issuer: issuer.url,
    attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository_id': 'assertion.repository_id' },
    attributeCondition: "assertion.repository_owner_id == '1342004'",
  });
  google.putServiceAccount({ email: DEPLOYER, impersonators: [`principalSet:${POOL}/attribute.repository_id/8429`] });
  google.putServiceAccount({ email: STRANGER, impersonators: [] });
});
afterAll(async () => {
  await google.close();
  await issuer.close();
});

function exchange(overrides: Partial<GcpExchange> = {}, claims: Record<string, unknown> = {}) {
  return exchangeForGoogleToken({
    workloadIdentityProvider: PROVIDER,
    serviceAccount: DEPLOYER,
    lifetimeSeconds: 600,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    getToken: () => issuer.mint({ audience: `https://iam.googleapis.com/${PROVIDER}`, claims }),
    endpoints: { tokenUrl: google.tokenUrl, iamCredentialsUrl: google.url },
    ...overrides,
  });
}

describe('exchangeForGoogleToken', () => {
  it('returns a service-account token for the requested lifetime, which Google accepts', async () => {
    const session = await exchange();
    expect(session.serviceAccount).toBe(DEPLOYER);
    expect(session.expiration.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    expect(session.expiration.getTime() - Date.now()).toBeGreaterThan(590_000);
    const info = await new OAuth2Client({ endpoints: { tokenInfoUrl: google.tokenInfoUrl } }).getTokenInfo(session.accessToken);
    expect(info.email).toBe(DEPLOYER);
  });

  it('returns the federated token itself without a service account', async () => {
    const session = await exchange({ serviceAccount: undefined });
    expect(session.accessToken).toMatch(/^ya29\.federated\./);
  });

  it('explains a denial by the attribute condition', async () => {
    const error = await rejection(exchange({}, { repository_owner_id: '1' }));
    expect(error.code).toBe(ErrorCode.GcpAccessDenied);
    expect(error.message).toBe(`Google refused a token for ${DEPLOYER}: "The given credential is rejected by the attribute condition.".`);
    expect(error.hint).toContain('policy export --gcp-attribute-condition');
  });

  it('explains a missing impersonation permission', async () => {
    const error = await rejection(exchange({ serviceAccount: STRANGER }));
    expect(error.code).toBe(ErrorCode.GcpAccessDenied);
    expect(error.message).toContain("Permission 'iam.serviceAccounts.getAccessToken' denied");
    expect(error.hint).toContain('roles/iam.workloadIdentityUser');
  });

  it('passes on a lifetime over the bound, and never quotes the token', async () => {
    let sent = '';
    const error = await rejection(
      exchange({
        lifetimeSeconds: 7200,
        getToken: async () => (sent = await issuer.mint({ audience: `https://iam.googleapis.com/${PROVIDER}` })),
      }),
    );
    expect(error.code).toBe(ErrorCode.GcpExchangeFailed);
    expect(error.message).toContain('(HTTP 400)');
    expect(error.message).toContain('outside the allowed range of 1 to 3600 seconds');
    expect(error.describe()).not.toContain(sent);
  });

  it('ends at its deadline when Google does not answer', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const error = await rejection(exchange({ endpoints: { tokenUrl: `${url}/v1/token`, iamCredentialsUrl: url }, timeoutMs: 300 }));
      expect(error.code).toBe(ErrorCode.GcpExchangeTimedOut);
      expect(error.message).toBe(`Gave up obtaining a Google token for ${DEPLOYER} after 0.3 s.`);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('mintGoogleIdToken', () => {
  const mint = (serviceAccount: string) =>
    mintGoogleIdToken({
      workloadIdentityProvider: PROVIDER,
      serviceAccount,
      audience: 'https://app-abc.a.run.app',
      includeEmail: false,
      getToken: () => issuer.mint({ audience: `https://iam.googleapis.com/${PROVIDER}` }),
      endpoints: { tokenUrl: google.tokenUrl, iamCredentialsUrl: google.url },
    });

  it('mints an ID token that Google’s certificates verify, for the audience, without the email unless asked', async () => {
    const { idToken, expiration } = await mint(DEPLOYER);
    const ticket = await new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: google.pemCertsUrl } }).verifyIdToken({ idToken, audience: 'https://app-abc.a.run.app' });
    expect(ticket.getPayload()?.email).toBeUndefined();
    expect(expiration.getTime()).toBe(ticket.getPayload()!.exp * 1000);
  });

  it('names the missing permission when the job may not act as the account', async () => {
    const error = await rejection(mint(STRANGER));
    expect(error.code).toBe(ErrorCode.GcpAccessDenied);
    expect(error.message).toContain("Permission 'iam.serviceAccounts.getOpenIdToken' denied");
    expect(error.hint).toContain('roles/iam.workloadIdentityUser');
  });
});
