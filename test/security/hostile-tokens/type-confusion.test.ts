import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { denialError } from '../../../src/policy/explain.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { AUDIENCE, b64url, expectNoEcho, expectRefusal, Kit, type HostileCase } from './token-kit.ts';

// Claims of the wrong JSON type. The verifier owns the registered claims; custom claims such as
// `repository` are the policy's to judge, and it must deny a value that is not a string rather than
// stringify it into a match (["octo-org/app"] would print as octo-org/app).
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const verifierCases: HostileCase[] = [
  { name: 'sub as a number', token: (k) => k.sign({ claims: { sub: 8429 } }), code: ErrorCode.TokenClaimInvalid, says: '`sub` claim is not a non-empty string' },
  { name: 'sub as an array of subjects', token: (k) => k.sign({ claims: { sub: ['repo:octo-org/app:ref:refs/heads/main'] } }), code: ErrorCode.TokenClaimInvalid, says: '`sub` claim is not a non-empty string' },
  { name: 'sub as an empty string', token: (k) => k.sign({ claims: { sub: '' } }), code: ErrorCode.TokenClaimInvalid, says: '`sub` claim is not a non-empty string' },
  { name: 'no sub at all', token: (k) => k.sign({ claims: { sub: undefined } }), code: ErrorCode.TokenClaimInvalid, says: '`sub` claim is not present' },
  { name: 'a cty of "JWT" over an ordinary payload', token: (k) => k.sign({ header: { cty: 'jwt' } }), code: ErrorCode.TokenMalformed, says: 'nested JWT (`cty` "JWT")', early: true },
  {
    name: 'a nested JWT: cty "JWT" wrapping an inner token',
    token: (k) => {
      const [header] = k.sign({ header: { cty: 'JWT' } }).split('.');
      const inner = k.sign({ key: k.attackerRsa, claims: { repository: 'octo-org/evil' } });
      return `${header}.${b64url(inner)}.${b64url('signature')}`;
    },
    code: ErrorCode.TokenMalformed,
    says: 'nested JWT',
    early: true,
  },
  { name: 'a cty that is not a string', token: (k) => k.sign({ header: { cty: ['JWT'] } }), code: ErrorCode.TokenMalformed, says: '`cty` header is ["JWT"], not a string', early: true },
];

const POLICY = (issuer: string) => `version: 1
issuers: ["${issuer}"]
audiences: [${AUDIENCE}]
rules:
  - name: deploy
    match:
      repository: octo-org/app
      repository_id: "8429"
      ref: refs/heads/main
    grant:
      aws:
        roles: [arn:aws:iam::111122223333:role/deploy]
`;

const policyCases: Array<{ name: string; claims: Record<string, unknown>; says: string }> = [
  { name: 'repository as an array holding the allowed value', claims: { repository: ['octo-org/app'] }, says: 'repository is ["octo-org/app"], not a string' },
  { name: 'repository_id as a number where the policy expects a string', claims: { repository_id: 8429 }, says: 'repository_id is 8429, not a string' },
  { name: 'ref as an object mimicking a policy matcher', claims: { ref: { glob: 'refs/heads/*' } }, says: 'not a string' },
  { name: 'repository_id as a boolean', claims: { repository_id: true }, says: 'repository_id is true, not a string' },
];

describe('hostile tokens: claim types the verifier refuses', () => {
  it.each(verifierCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});

describe('hostile tokens: claim types the policy denies', () => {
  it('allows the honest claims, so the denials below are about the types alone', async () => {
    const { claims } = await verifyToken(kit.sign(), { issuer: kit.issuer.url, audience: AUDIENCE });
    expect(evaluatePolicy(parsePolicy(POLICY(kit.issuer.url), 'policy.yml'), claims).allowed).toBe(true);
  });

  it.each(policyCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    const token = kit.sign({ claims: hostile.claims });
    const { claims } = await verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE });
    const decision = evaluatePolicy(parsePolicy(POLICY(kit.issuer.url), 'policy.yml'), claims);
    if (decision.allowed) throw new Error(`the policy allowed ${JSON.stringify(hostile.claims)}`);
    const error = denialError(decision, 'policy.yml');
    expect(error.code).toBe(ErrorCode.PolicyDenied);
    expect(error.message).toContain(hostile.says);
    expectNoEcho(error, token);
  });
});
