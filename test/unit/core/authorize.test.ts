import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, SignJWT, type JWK } from 'jose';
import { authorizeClaims, authorizeToken } from '../../../src/core/authorize.ts';
import { issueAws, issueGcp, type AwsMintRequest, type CredentialMinter, type GcpMintRequest } from '../../../src/core/issue.ts';
import { webIdentityMinter } from '../../../src/core/web-identity-minter.ts';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import type { VerifiedClaims } from '../../../src/oidc/verify.ts';
import { denialError, explainDecision } from '../../../src/policy/explain.ts';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { rejection, thrown } from '../../helpers/broker-error.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const DEPLOY = 'arn:aws:iam::111122223333:role/deploy';
const READ = 'arn:aws:iam::111122223333:role/read';
const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/ci-pool/providers/github';
const SA = 'deploy@p.iam.gserviceaccount.com';
const policy = parsePolicy(
  `version: 1
rules:
  - name: main
    match: {repository: octo-org/app, ref: refs/heads/main}
    grant:
      aws: {roles: [${DEPLOY}, ${READ}], max-duration: 30m}
      gcp: {workload-identity-provider: ${PROVIDER}, service-accounts: [${SA}], max-lifetime: 10m}
  - name: no-forks
    effect: deny
    match: {event_name: pull_request_target}
`,
  'policy.yml',
);

function claims(extra: Record<string, unknown> = {}): VerifiedClaims {
  return { iss: ISSUER, sub: 'repo:octo-org/app:ref:refs/heads/main', aud: 'broker', exp: 2e9, iat: 1.9e9, repository: 'octo-org/app', ref: 'refs/heads/main', event_name: 'push', ...extra };
}

describe('authorizeClaims', () => {
  it('narrows what was asked to what the deciding rule grants, and says which claims it checked', () => {
    const result = authorizeClaims(policy, claims(), { aws: { role: READ, durationSeconds: 3600 }, gcp: { lifetimeSeconds: 3600 } });
    if (!result.allowed) throw result.error;
    expect(result.rule.name).toBe('main');
    expect(result.checkedClaims).toEqual([
      ['repository', 'octo-org/app'],
      ['ref', 'refs/heads/main'],
    ]);
    expect(result.grants.aws).toMatchObject({ roleArn: READ, durationSeconds: 1800, requestedSeconds: 3600, capped: true, sessionPolicy: undefined, managedSessionPolicyArns: [] });
    expect(result.grants.gcp).toMatchObject({ workloadIdentityProvider: PROVIDER, serviceAccount: SA, lifetimeSeconds: 600, capped: true });
    expect(result.explanation[0]).toBe('Allowed by rule "main".');
  });

  it('resolves only the clouds asked for', () => {
    const result = authorizeClaims(policy, claims(), { gcp: { lifetimeSeconds: 60 } });
    expect(result.allowed && result.grants).toEqual({ aws: undefined, gcp: expect.objectContaining({ lifetimeSeconds: 60, capped: false }) });
  });

  it('returns a denial explained exactly as the action explains it', () => {
    const denied = claims({ ref: 'refs/heads/dev' });
    const result = authorizeClaims(policy, denied, { aws: { durationSeconds: 900 } });
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    const decision = evaluatePolicy(policy, denied);
    expect(result.explanation).toEqual(explainDecision(decision));
    if (decision.allowed) return;
    expect(result.error.describe()).toBe(denialError(decision, 'policy.yml').describe());
    expect(result.error.code).toBe(ErrorCode.PolicyDenied);
  });

  it('refuses a role the rule does not grant, and a request session policy where the rule sets one', () => {
    expect(thrown(() => authorizeClaims(policy, claims(), { aws: { role: 'arn:aws:iam::111122223333:role/admin', durationSeconds: 900 } })).code).toBe(ErrorCode.RoleNotGranted);
    expect(thrown(() => authorizeClaims(policy, claims(), { aws: { role: READ, durationSeconds: 60 } })).code).toBe(ErrorCode.InputInvalid);
    expect(thrown(() => authorizeClaims(policy, claims(), { gcp: { lifetimeSeconds: 0 } })).code).toBe(ErrorCode.InputInvalid);
    const withPolicy = parsePolicy(policyWithSessionPolicy, 'p.yml');
    const rule = withPolicy.rules[0]!;
    rule.grant!.aws!.sessionPolicy!.document = '{"Statement":[]}';
    expect(thrown(() => authorizeClaims(withPolicy, claims(), { aws: { durationSeconds: 900, sessionPolicy: '{"Statement":[]}' } })).code).toBe(ErrorCode.InputInvalid);
    const own = authorizeClaims(withPolicy, claims(), { aws: { durationSeconds: 900 } });
    expect(own.allowed && own.grants.aws?.sessionPolicy).toBe('{"Statement":[]}');
  });
});

const policyWithSessionPolicy = `version: 1
rules:
  - name: main
    match: {repository: octo-org/app}
    grant: {aws: {roles: [${DEPLOY}], session-policy: narrow.json}}
`;

describe('authorizeToken', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const keys = createLocalJWKSet({ keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' }] });
  const sign = (payload: Record<string, unknown>, audience: string) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).setIssuer(ISSUER).setAudience(audience).setSubject('repo:octo-org/app:ref:refs/heads/main').setIssuedAt().setExpirationTime('5m').sign(privateKey);

  it('verifies the token before the policy sees its claims', async () => {
    const token = await sign({ repository: 'octo-org/app', ref: 'refs/heads/main' }, 'https://broker.example');
    const result = await authorizeToken(token, { issuer: ISSUER, audience: 'https://broker.example', policy, wanted: { aws: { durationSeconds: 900, role: DEPLOY } }, verify: { keys } });
    expect(result.allowed && result.grants.aws?.roleArn).toBe(DEPLOY);
    const error = await rejection(authorizeToken(token, { issuer: ISSUER, audience: 'sts.amazonaws.com', policy, wanted: {}, verify: { keys } }));
    expect(error.code).toBe(ErrorCode.TokenAudienceMismatch);
  });
});

describe('issueAws and issueGcp', () => {
  it('hand the minter exactly what was granted', async () => {
    const seen: Array<AwsMintRequest | GcpMintRequest> = [];
    const minter: CredentialMinter = {
      aws: async (request) => (seen.push(request), { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: new Date(0), assumedRoleId: 'AROA:x', assumedRoleArn: 'arn', accountId: '1', sessionName: request.sessionName, roleArn: request.roleArn, region: 'r' }),
      gcp: async (request) => (seen.push(request), { accessToken: 'ya29', expiration: new Date(0), serviceAccount: request.serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider }),
    };
    const result = authorizeClaims(policy, claims(), { aws: { role: DEPLOY, durationSeconds: 900, managedSessionPolicyArns: ['arn:aws:iam::111122223333:policy/p'] }, gcp: { lifetimeSeconds: 300 } });
    if (!result.allowed) throw result.error;
    await issueAws(result.grants.aws!, result.claims, 'octo-org.app@1-1-deploy', minter);
    await issueGcp(result.grants.gcp!, result.claims, minter);
    expect(seen).toEqual([
      { roleArn: DEPLOY, durationSeconds: 900, sessionName: 'octo-org.app@1-1-deploy', sessionPolicy: undefined, managedSessionPolicyArns: ['arn:aws:iam::111122223333:policy/p'], claims: result.claims },
      { workloadIdentityProvider: PROVIDER, serviceAccount: SA, lifetimeSeconds: 300, scopes: ['https://www.googleapis.com/auth/cloud-platform'], claims: result.claims },
    ]);
  });
});

describe('webIdentityMinter', () => {
  it('refuses AWS without a region before any token is asked for', async () => {
    let asked = 0;
    const minter = webIdentityMinter({ getToken: async () => (asked++, 'token') });
    const error = await rejection(minter.aws({ roleArn: DEPLOY, durationSeconds: 900, sessionName: 'n', sessionPolicy: undefined, managedSessionPolicyArns: [], claims: claims() }));
    expect([error.code, asked]).toEqual([ErrorCode.InputInvalid, 0]);
  });
});
