import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { AwsEmulator } from '../../../src/sandbox/aws/aws-emulator.ts';
import { AwsApiError } from '../../../src/sandbox/aws/query-protocol.ts';
import { WebIdentityVerifier, type OidcProvider } from '../../../src/sandbox/aws/web-identity.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { oidcProviderKeyPrefix } from '../../../src/providers/aws/oidc-provider.ts';
import { anonymousSts, awsError, STS_AUDIENCE } from './aws-fixture.ts';

let issuer: OidcIssuer;
let providers: Map<string, OidcProvider>;
beforeAll(async () => {
  issuer = await OidcIssuer.start();
  const keyPrefix = oidcProviderKeyPrefix(issuer.url);
  providers = new Map([[issuer.url, { issuer: issuer.url, clientIds: [STS_AUDIENCE], keyPrefix, arn: `arn:aws:iam::111122223333:oidc-provider/${keyPrefix}` }]]);
});
afterAll(() => issuer.close());

async function rejectionOf(promise: Promise<unknown>): Promise<AwsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AwsApiError)) throw new Error(`expected an AwsApiError, got ${String(error)}`);
  return error;
}

describe('WebIdentityVerifier', () => {
  it('returns the payload and the provider of a valid token', async () => {
    const { payload, provider } = await new WebIdentityVerifier().verify(await issuer.mint({ audience: STS_AUDIENCE }), providers, new Date());
    expect(payload.sub).toBe('repo:octo-org/app:environment:production');
    expect(provider).toBe(providers.get(issuer.url));
  });

  it('accepts a token whose audience list includes a client ID', async () => {
    const token = await issuer.mint({ audience: ['https://github.com/octo-org', STS_AUDIENCE] });
    await expect(new WebIdentityVerifier().verify(token, providers, new Date())).resolves.toMatchObject({ payload: { aud: ['https://github.com/octo-org', STS_AUDIENCE] } });
  });

  it('refuses a token without an audience', async () => {
    const error = await rejectionOf(new WebIdentityVerifier().verify(await issuer.mint({ claims: { aud: undefined } }), providers, new Date()));
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({ code: 'InvalidIdentityToken', status: 400, message: 'Incorrect token audience' });
  });

  it('judges expiry by the clock it is given', async () => {
    const token = await issuer.mint({ audience: STS_AUDIENCE, issuedAt: 1_700_000_000 });
    await expect(new WebIdentityVerifier().verify(token, providers, new Date(1_700_000_100_000))).resolves.toBeDefined();
    const error = await rejectionOf(new WebIdentityVerifier().verify(token, providers, new Date(1_700_000_400_000)));
    expect(error.code).toBe('ExpiredTokenException');
    expect(error.message).toBe('Token expired: current date/time 2023-11-14T22:20:00.000Z must be before the expiration date/time 2023-11-14T22:18:20.000Z');
  });

  it('refuses an unsigned token', async () => {
    const [, body] = (await issuer.mint({ audience: STS_AUDIENCE })).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect((await rejectionOf(new WebIdentityVerifier().verify(unsigned, providers, new Date()))).code).toBe('InvalidIdentityToken');
  });

  it('refuses a token whose issuer claim is not a string', async () => {
    const error = await rejectionOf(new WebIdentityVerifier().verify(await issuer.mint({ audience: STS_AUDIENCE, claims: { iss: 42 } }), providers, new Date()));
    expect(error.message).toBe('No OpenIDConnect provider found in your account for 42');
  });

  it('says it cannot reach the identity provider while discovery fails, and recovers once it is back', async () => {
    const verifier = new WebIdentityVerifier();
    const token = await issuer.mint({ audience: STS_AUDIENCE });
    issuer.outage();
    try {
      const error = await rejectionOf(verifier.verify(token, providers, new Date()));
      expect({ code: error.code, status: error.status }).toEqual({ code: 'IDPCommunicationError', status: 400 });
      expect(error.message).toBe('Couldn\'t retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements');
    } finally {
      issuer.restore();
    }
    await expect(verifier.verify(token, providers, new Date())).resolves.toBeDefined();
  });

  it('says it cannot reach the identity provider when discovery works but the key set cannot be fetched', async () => {
    const verifier = new WebIdentityVerifier();
    await verifier.verify(await issuer.mint({ audience: STS_AUDIENCE }), providers, new Date());
    // A token under a new key makes the verifier fetch the key set again, from an issuer that is down.
    await issuer.rotateKeys();
    const token = await issuer.mint({ audience: STS_AUDIENCE });
    issuer.outage();
    try {
      const error = await rejectionOf(verifier.verify(token, providers, new Date()));
      expect({ code: error.code, status: error.status }).toEqual({ code: 'IDPCommunicationError', status: 400 });
    } finally {
      issuer.restore();
    }
    await expect(verifier.verify(token, providers, new Date())).resolves.toBeDefined();
  });

  it('reads discovery once per issuer, then reuses the key set', async () => {
    const verifier = new WebIdentityVerifier();
    const discoveries = () => issuer.requestCounts.get('/.well-known/openid-configuration') ?? 0;
    const before = discoveries();
    await verifier.verify(await issuer.mint({ audience: STS_AUDIENCE }), providers, new Date());
    await verifier.verify(await issuer.mint({ audience: STS_AUDIENCE }), providers, new Date());
    expect(discoveries()).toBe(before + 1);
  });
});

describe('AwsEmulator.start', () => {
  it('takes providers, roles and an account from its options, and answers STS through the SDK', async () => {
    const keyPrefix = oidcProviderKeyPrefix(issuer.url);
    const aws = await AwsEmulator.start({
      accountId: '444455556666',
      oidcProviders: [{ issuer: issuer.url, clientIds: [STS_AUDIENCE] }],
      roles: [
        {
          name: 'ci',
          trustPolicy: { Statement: { Effect: 'Allow', Principal: { Federated: `arn:aws:iam::444455556666:oidc-provider/${keyPrefix}` }, Action: 'sts:AssumeRoleWithWebIdentity' } },
        },
      ],
    });
    const sts = anonymousSts(aws.url);
    try {
      expect(aws.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const result = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::444455556666:role/ci', RoleSessionName: 's1', WebIdentityToken: await issuer.mint({ audience: STS_AUDIENCE }) }));
      expect(result.AssumedRoleUser?.Arn).toBe('arn:aws:sts::444455556666:assumed-role/ci/s1');
      expect(result.Provider).toBe(`arn:aws:iam::444455556666:oidc-provider/${keyPrefix}`);
    } finally {
      sts.destroy();
      await aws.close();
    }
  });

  it('answers IDPCommunicationError through the SDK when the issuer is down', async () => {
    const aws = await AwsEmulator.start({ oidcProviders: [{ issuer: issuer.url, clientIds: [STS_AUDIENCE] }] });
    const sts = anonymousSts(aws.url);
    const token = await issuer.mint({ audience: STS_AUDIENCE });
    issuer.outage();
    try {
      const error = await awsError(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::111122223333:role/ci', RoleSessionName: 's1', WebIdentityToken: token })));
      expect({ name: error.name, status: error.status }).toEqual({ name: 'IDPCommunicationErrorException', status: 400 });
    } finally {
      issuer.restore();
      sts.destroy();
      await aws.close();
    }
  });

  it('refuses a role whose MaxSessionDuration IAM would not accept', async () => {
    const aws = await AwsEmulator.start();
    try {
      const trustPolicy = { Statement: [] };
      expect(() => aws.putRole({ name: 'short', trustPolicy, maxSessionDuration: 3599 })).toThrow('role short: MaxSessionDuration must be 3600 to 43200 seconds');
      expect(() => aws.putRole({ name: 'long', trustPolicy, maxSessionDuration: 43201 })).toThrow('role long: MaxSessionDuration must be 3600 to 43200 seconds');
      expect(aws.putRole({ name: 'ok', trustPolicy, maxSessionDuration: 43200 })).toBe('arn:aws:iam::111122223333:role/ok');
    } finally {
      await aws.close();
    }
  });

  it('names an OIDC provider by its issuer’s host and path', async () => {
    const aws = await AwsEmulator.start({ accountId: '123456789012' });
    try {
      expect(aws.addOidcProvider('https://token.actions.githubusercontent.com/', [STS_AUDIENCE])).toEqual({
        issuer: 'https://token.actions.githubusercontent.com/',
        clientIds: [STS_AUDIENCE],
        keyPrefix: 'token.actions.githubusercontent.com',
        arn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      });
      expect(aws.addOidcProvider('https://ghe.example.com/_services/token', [STS_AUDIENCE]).keyPrefix).toBe('ghe.example.com/_services/token');
    } finally {
      await aws.close();
    }
  });
});
