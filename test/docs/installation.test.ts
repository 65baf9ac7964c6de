// The README's ways to install the CLI today: the action's own dist/cli, the same folder built by
// `npm run build` and copied anywhere, and the tarball `npm pack` writes. Each must run on its own,
// without this repository's node_modules.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);
const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { version: string; bin: Record<string, string>; engines: { node: string } };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'installation-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a CLI entry point with the Node that runs the tests, away from this repository. */
async function runs(entry: string): Promise<void> {
  const { stdout } = await run(process.execPath, [entry, '--help'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  expect(stdout).toContain('Usage: ci-oidc-broker');
  const version = await run(process.execPath, [entry, '--version'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  expect(version.stdout).toBe(`${packageJson.version}\n`);
}

describe('the CLI as the README installs it', () => {
  it('is the package’s bin, and the action runs on the Node the CLI needs', async () => {
    expect(packageJson.bin).toEqual({ 'ci-oidc-broker': 'dist/cli/index.js' });
    expect((await readFile('dist/cli/index.js', 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    const action = parseYaml(await readFile('action.yml', 'utf8')) as { runs: { using: string } };
    expect(`>=${action.runs.using.replace('node', '')}`).toBe(packageJson.engines.node);
  });

  it('runs from a copy of dist/cli, as in a checkout of the action or after `npm run build`', async () => {
    const copy = join(dir, 'copied-cli');
    await cp('dist/cli', copy, { recursive: true });
    await runs(join(copy, 'index.js'));
  });

  it('runs from the tarball `npm pack` writes, which holds all of dist/cli', async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { maxBuffer: 16 * 1024 * 1024 });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: Array<{ path: string }> }];
    expect(filename).toBe(`ci-oidc-broker-${packageJson.version}.tgz`);
    const inTarball = new Set(files.map((file) => file.path));
    const bundled = (await readdir('dist/cli', { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(bundled.length).toBeGreaterThan(1);
    for (const entry of bundled) expect(inTarball).toContain(relative('.', join(entry.parentPath, entry.name)).split(sep).join('/'));
    await run('tar', ['-xzf', join(dir, filename), '-C', dir]);
    await runs(join(dir, 'package', 'dist', 'cli', 'index.js'));
  });
});
