// The bundled CLI (dist/cli) as people run it: exit codes, output, and errors with their hints.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';

const CLI = 'dist/cli/index.js';
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

describe('ci-oidc-broker verify', () => {
  it('prints the claims of a valid token and never the token itself', async () => {
    const token = await issuer.mint({ audience: 'sts.amazonaws.com' });
    await writeFile(join(dir, 'token'), token);
    const result = await cli(['verify', '--issuer', issuer.url, '--audience', 'sts.amazonaws.com', join(dir, 'token')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { claims: { sub: string; repository_id: string } };
    expect(printed.claims.sub).toBe('repo:octo-org/app:environment:production');
    expect(printed.claims.repository_id).toBe('8429');
    expect(result.stdout).not.toContain(token);
  });

  it('refuses a token for another audience, naming both audiences', async () => {
    await writeFile(join(dir, 'token'), await issuer.mint({ audience: 'https://github.com/octo-org' }));
    const result = await cli(['verify', '--issuer', issuer.url, '--audience', 'sts.amazonaws.com', join(dir, 'token')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TOKEN_AUDIENCE_MISMATCH');
    expect(result.stderr).toContain('"sts.amazonaws.com"');
    expect(result.stderr).toContain('Hint:');
  });

  it('refuses a plain-http issuer that is not on loopback', async () => {
    await writeFile(join(dir, 'token'), 'a.b.c');
    const result = await cli(['verify', '--issuer', 'http://issuer.example.com', '--audience', 'x', join(dir, 'token')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OIDC_ISSUER_INVALID');
  });
});

describe('ci-oidc-broker policy check', () => {
  it('accepts the demo policy and lists its rules', async () => {
    const result = await cli(['policy', 'check', 'demo/policy.yml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no-pull-requests (deny), deploy-from-main (allow)');
  });

  it('reports a typo with file:line:col', async () => {
    await writeFile(join(dir, 'policy.yml'), 'version: 1\nrules:\n  - name: a\n    mach:\n      ref: refs/heads/main\n');
    const result = await cli(['policy', 'check', join(dir, 'policy.yml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('POLICY_INVALID');
    expect(result.stderr).toMatch(/policy\.yml:4:5/);
  });
});

describe('ci-oidc-broker usage', () => {
  it('exits 2 with the usage on an unknown command', async () => {
    const result = await cli(['bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: ci-oidc-broker');
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
