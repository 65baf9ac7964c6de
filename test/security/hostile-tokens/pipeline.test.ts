import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { runMain } from '../../../src/action/run-main.ts';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { MintOptions } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { listenOnLoopback, sendJson, type LoopbackServer } from '../../../src/sandbox/http.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { rejection } from '../../helpers/broker-error.ts';
import { expectNoEcho } from './token-kit.ts';

// A representative subset of the hostile tokens, handed to the action's main step by the sandbox
// runner's token endpoint. STS and IAM point at a tripwire that records any request: a refusal must
// leave it untouched and the AWS emulator without a new session. The controls show both would notice.
const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const POLICY_PATH = '.github/ci-oidc-broker.yml';

let sandbox: Sandbox;
let tripwire: LoopbackServer;
const tripped: string[] = [];
let attacker: LoopbackServer;
const attackerRequests: string[] = [];
// core.summary keeps the file it first wrote to, so every step shares one summary file.
let scratch: string;
let context: ActionContext | undefined;
let workspace: string | undefined;

beforeAll(async () => {
  sandbox = await startSandbox();
  scratch = await mkdtemp(join(tmpdir(), 'hostile-pipeline-summary-'));
  await writeFile(join(scratch, 'summary'), '');
  tripwire = await listenOnLoopback((req, res) => {
    tripped.push(`${req.method} ${req.url}`);
    sendJson(res, 403, { message: 'the tripwire is not STS' });
  });
  attacker = await listenOnLoopback((req, res) => {
    attackerRequests.push(req.url ?? '/');
    sendJson(res, 404, {});
  });
});
afterEach(async () => {
  await context?.restore();
  context = undefined;
  if (workspace) await rm(workspace, { recursive: true, force: true });
  workspace = undefined;
  sandbox.issuer.runnerTokenShape = {};
  tripped.length = 0;
});
afterAll(async () => {
  await Promise.all([sandbox.close(), tripwire.close(), attacker.close()]);
  await rm(scratch, { recursive: true, force: true });
});

/** Sets the step up as a runner would, with STS and IAM at the emulator or at the tripwire. */
async function prepare(endpoint: 'tripwire' | 'emulator'): Promise<void> {
  workspace = await mkdtemp(join(tmpdir(), 'hostile-pipeline-'));
  await mkdir(join(workspace, '.github'));
  const policy = `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: app\n    match: {repository: octo-org/app, repository_id: "8429"}\n    grant: {aws: {roles: [${ROLE}]}}\n`;
  await writeFile(join(workspace, POLICY_PATH), policy);
  const aws: Record<string, string> = endpoint === 'tripwire' ? { AWS_ENDPOINT_URL_STS: tripwire.url, AWS_ENDPOINT_URL_IAM: tripwire.url, AWS_MAX_ATTEMPTS: '1' } : {};
  context = await actionContext(
    { issuer: sandbox.issuer.url, 'aws-region': 'eu-west-1', 'role-to-assume': ROLE },
    sandbox.runnerEnv({ GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: join(scratch, 'summary'), ...aws }),
  );
}

const now = () => Math.floor(Date.now() / 1000);
const cases: Array<{ name: string; shape: () => Omit<MintOptions, 'audience'>; code: string; says: string }> = [
  { name: 'a token for another audience', shape: () => ({ claims: { aud: 'https://github.com/octo-org' } }), code: ErrorCode.TokenAudienceMismatch, says: 'but "sts.amazonaws.com" was expected' },
  { name: 'a token of another issuer', shape: () => ({ claims: { iss: 'https://token.actions.githubusercontent.com' } }), code: ErrorCode.TokenIssuerMismatch, says: `The token's issuer is "https://token.actions.githubusercontent.com"` },
  { name: 'an expired token', shape: () => ({ issuedAt: now() - 600, lifetimeSeconds: 300 }), code: ErrorCode.TokenExpired, says: 'The token expired at' },
  { name: 'a token not valid for ten minutes', shape: () => ({ claims: { nbf: now() + 600, exp: now() + 900 } }), code: ErrorCode.TokenNotYetValid, says: 'not valid before' },
  { name: 'a token issued in the future', shape: () => ({ claims: { iat: now() + 3600, exp: now() + 3900 } }), code: ErrorCode.TokenIssuedInFuture, says: 'in the future' },
  { name: 'a forged signature', shape: () => ({ forgeSignature: true }), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  { name: 'a forged token pointing jku at the attacker', shape: () => ({ forgeSignature: true, header: { jku: `${attacker.url}/jwks` } }), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  { name: 'an access token (typ at+jwt)', shape: () => ({ header: { typ: 'at+jwt' } }), code: ErrorCode.TokenMalformed, says: 'not "JWT"' },
  { name: 'a nested JWT (cty JWT)', shape: () => ({ header: { cty: 'JWT' } }), code: ErrorCode.TokenMalformed, says: 'nested JWT' },
  { name: 'an unencoded payload (b64 false)', shape: () => ({ header: { b64: false } }), code: ErrorCode.TokenMalformed, says: '`b64`' },
  { name: 'a token without sub', shape: () => ({ claims: { sub: undefined } }), code: ErrorCode.TokenClaimInvalid, says: '`sub` claim is not present' },
  { name: 'exp as a string', shape: () => ({ claims: { exp: String(now() + 300) } }), code: ErrorCode.TokenClaimInvalid, says: '`exp` claim is not a number' },
  { name: 'repository as an array (denied by the policy)', shape: () => ({ claims: { repository: ['octo-org/app'] } }), code: ErrorCode.PolicyDenied, says: 'not a string' },
];

describe('hostile tokens through the action main step', () => {
  it('issues a session for an honest token, through the emulator (control)', async () => {
    const before = sandbox.aws.sessions.length;
    await prepare('emulator');
    await runMain();
    expect(sandbox.aws.sessions).toHaveLength(before + 1);
  });

  it('reaches the tripwire with an honest token (control)', async () => {
    await prepare('tripwire');
    await rejection(runMain());
    expect(tripped.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s before STS', async (_name, hostile) => {
    sandbox.issuer.runnerTokenShape = hostile.shape();
    const sessions = sandbox.aws.sessions.length;
    const served = sandbox.issuer.servedToRunner.length;
    await prepare('tripwire');
    const error = await rejection(runMain());
    expect(error.code).toBe(hostile.code);
    expect(error.message).toContain(hostile.says);
    const token = sandbox.issuer.servedToRunner.at(-1)?.token ?? '';
    expect(sandbox.issuer.servedToRunner).toHaveLength(served + 1);
    expectNoEcho(error, token, [sandbox.issuer.tokenRequestBearer]);
    // The step announces the token to the runner's masker; nothing else it prints may carry it.
    const printed = context!.stdout().split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.filter((line) => line.includes(token.split('.')[2]!))).toEqual([]);
    expect(tripped).toEqual([]);
    expect(sandbox.aws.sessions).toHaveLength(sessions);
    expect(attackerRequests).toEqual([]);
    expect(await context!.env()).toEqual(new Map());
  });
});
