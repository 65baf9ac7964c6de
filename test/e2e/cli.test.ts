// The bundled CLI (dist/cli) as people run it: exit codes, output, and errors with their hints.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeProtectedHeader } from 'jose';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';
import { CLI } from '../helpers/dist.ts';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let issuer: OidcIssuer;
let dir: string;
beforeAll(async () => {
  issuer = await OidcIssuer.start();
  dir = await mkdtemp(join(tmpdir(), 'cli-test-'));
});
afterAll(async () => {
  await issuer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ci-oidc-broker token verify', () => {
  it('prints the claims of a valid token and never the token itself', async () => {
    const token = await issuer.mint({ audience: 'sts.amazonaws.com' });
    await writeFile(join(dir, 'token'), token);
    const result = await cli(['token', 'verify', '--token', join(dir, 'token'), '--issuer', issuer.url, '--audience', 'sts.amazonaws.com']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout.slice(result.stdout.indexOf('\n') + 1)) as { sub: string; repository_id: string };
    expect(result.stdout.split('\n')[0]).toBe(`valid: signed by ${issuer.url} (RS256, key ${decodeProtectedHeader(token).kid}) for sts.amazonaws.com; subject repo:octo-org/app:environment:production`);
    expect(printed.sub).toBe('repo:octo-org/app:environment:production');
    expect(printed.repository_id).toBe('8429');
    expect(result.stdout).not.toContain(token);
  });

  it('refuses a token for another audience, naming both audiences', async () => {
    await writeFile(join(dir, 'token'), await issuer.mint({ audience: 'https://github.com/octo-org' }));
    const result = await cli(['token', 'verify', '--token', join(dir, 'token'), '--issuer', issuer.url, '--audience', 'sts.amazonaws.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TOKEN_AUDIENCE_MISMATCH');
    expect(result.stderr).toContain('"sts.amazonaws.com"');
    expect(result.stderr).toContain('Hint:');
  });

  it('refuses a plain-http issuer that is not on loopback', async () => {
    await writeFile(join(dir, 'token'), 'a.b.c');
    const result = await cli(['token', 'verify', '--token', join(dir, 'token'), '--issuer', 'http://issuer.example.com', '--audience', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OIDC_ISSUER_INVALID');
  });
});

describe('ci-oidc-broker policy validate', () => {
  it('accepts the example policy and lists its rules', async () => {
    const result = await cli(['policy', 'validate', '.github/ci-oidc-broker.yml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('.github/ci-oidc-broker.yml: valid; 2 rule(s): no-pull-requests (deny), example-from-main (allow)\n');
  });

  it('reports a typo with file:line:col', async () => {
    await writeFile(join(dir, 'policy.yml'), 'version: 1\nrules:\n  - name: a\n    mach:\n      ref: refs/heads/main\n');
    const result = await cli(['policy', 'validate', join(dir, 'policy.yml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('POLICY_INVALID');
    expect(result.stderr).toMatch(/policy\.yml:4:5/);
  });
});

describe('ci-oidc-broker token verify --jwks', () => {
  it('verifies offline against a saved JWKS, and refuses a token its keys did not sign', async () => {
    const token = await issuer.mint({ audience: 'sts.amazonaws.com' });
    await writeFile(join(dir, 'token'), token);
    await writeFile(join(dir, 'jwks.json'), await (await fetch(issuer.jwksUrl)).text());
    const before = issuer.requestCounts.get('/.well-known/openid-configuration') ?? 0;
    const valid = await cli(['token', 'verify', '--token', join(dir, 'token'), '--issuer', issuer.url, '--audience', 'sts.amazonaws.com', '--jwks', join(dir, 'jwks.json'), '--format', 'json']);
    expect(valid.code).toBe(0);
    expect((JSON.parse(valid.stdout) as { valid: boolean; claims: { sub: string } }).claims.sub).toBe('repo:octo-org/app:environment:production');
    expect(issuer.requestCounts.get('/.well-known/openid-configuration') ?? 0).toBe(before);
    await writeFile(join(dir, 'forged'), await issuer.mint({ audience: 'sts.amazonaws.com', forgeSignature: true }));
    const forged = await cli(['token', 'verify', '--token', join(dir, 'forged'), '--issuer', issuer.url, '--audience', 'sts.amazonaws.com', '--jwks', join(dir, 'jwks.json')]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('TOKEN_SIGNATURE_INVALID');
  });
});

describe('ci-oidc-broker policy explain, test, lint and export', () => {
  const ROLE = 'arn:aws:iam::111122223333:role/deploy';
  const policyText = `version: 1
audiences: [sts.amazonaws.com]
rules:
  - name: main
    match: {repository: octo-org/app, repository_id: "8429", ref: refs/heads/main}
    grant: {aws: {roles: [${ROLE}], max-duration: 15m}}
`;
  const claims = (ref: string) => JSON.stringify({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', repository: 'octo-org/app', repository_id: '8429', ref });

  it('explain exits 0 on allow and 1 on deny, with the decision as JSON', async () => {
    await writeFile(join(dir, 'explain.yml'), policyText);
    await writeFile(join(dir, 'main.json'), claims('refs/heads/main'));
    await writeFile(join(dir, 'dev.json'), claims('refs/heads/dev'));
    const allowed = await cli(['policy', 'explain', '--policy', join(dir, 'explain.yml'), '--claims', join(dir, 'main.json'), '--format', 'json']);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toEqual({ decision: 'allow', rule: 'main', grant: { aws: { roles: [ROLE], 'max-duration': 900 } }, rules: [{ name: 'main', effect: 'allow', matched: true }] });
    const denied = await cli(['policy', 'explain', '--policy', join(dir, 'explain.yml'), '--claims', join(dir, 'dev.json')]);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toContain('rule "main" (allow, line 4): no match, ref was "refs/heads/dev", expected "refs/heads/main"');
    const invalid = await cli(['policy', 'explain', '--policy', join(dir, 'explain.yml')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('policy explain needs exactly one of --claims, --token and --token-env.');
  });

  it('test exits 1 with a diff when a case fails', async () => {
    await writeFile(join(dir, 'test.yml'), policyText);
    await writeFile(join(dir, 'cases.yml'), `- name: main deploys\n  claims: ${claims('refs/heads/main')}\n  expect: {decision: allow, rule: main}\n- name: dev deploys\n  claims: ${claims('refs/heads/dev')}\n  expect: {decision: allow}\n`);
    const result = await cli(['policy', 'test', join(dir, 'test.yml'), '--cases', join(dir, 'cases.yml')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL dev deploys');
    expect(result.stdout).toContain('  - expected: allow\n  + actual:   deny by no rule\n');
    expect(result.stdout).toContain('1 passed, 1 failed');
  });

  it('lint exits 1 on an error finding and gives JSON findings', async () => {
    await writeFile(join(dir, 'unbound.yml'), `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: any-main\n    match: {ref: refs/heads/main}\n    grant: {aws: {roles: [${ROLE}]}}\n`);
    const result = await cli(['policy', 'lint', join(dir, 'unbound.yml'), '--format', 'json']);
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout) as { findings: Array<{ id: string; severity: string; rule: string; message: string; fix: string }> };
    expect(findings[0]).toMatchObject({ id: 'no-repository-binding', severity: 'error', rule: 'any-main' });
    expect(findings[0]!.fix).toBeTruthy();
  });

  it('export prints a trust policy that lint aws-trust-policy accepts', async () => {
    await writeFile(join(dir, 'export.yml'), policyText);
    const exported = await cli(['policy', 'export', '--policy', join(dir, 'export.yml'), '--aws-trust-policy']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`note: Trust policy for ${ROLE}.\n`);
    await writeFile(join(dir, 'trust.json'), exported.stdout);
    const linted = await cli(['lint', 'aws-trust-policy', join(dir, 'trust.json')]);
    expect(linted.code).toBe(0);
    const gcp = await cli(['policy', 'export', '--policy', join(dir, 'export.yml'), '--gcp-attribute-condition']);
    expect(gcp.stdout).toBe(
      'has(assertion.repository) && type(assertion.repository) == string && assertion.repository == "octo-org/app" && has(assertion.repository_id) && type(assertion.repository_id) == string && assertion.repository_id == "8429" && has(assertion.ref) && type(assertion.ref) == string && assertion.ref == "refs/heads/main"\n',
    );
  });
});

describe('ci-oidc-broker usage', () => {
  it('exits 2 with the usage on an unknown command', async () => {
    const result = await cli(['bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown command 'bogus'");
    expect(result.stderr).toContain('Usage: ci-oidc-broker');
  });
});

describe('ci-oidc-broker sandbox', () => {
  it('starts the issuer and the AWS emulator, prints a job environment, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'sandbox', '--aws-config', 'demo/sandbox-aws.json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${stdout}`)), 20_000);
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await ready;
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const discovery = /OIDC issuer\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(discovery).toBeDefined();
    const document = (await (await fetch(`${discovery}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(document.issuer).toBe(discovery);
    expect(stdout).toContain('role/ci-deploy');
    expect(stdout).toMatch(/export AWS_ENDPOINT_URL_STS='http:\/\/127\.0\.0\.1:\d+'/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
