import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SimulatedRunner } from '../../../src/sandbox/runner/simulated-runner.ts';

// Small step scripts, written once; each behaves like one part of an action's entry point.
const SCRIPTS: Record<string, string> = {
  'print-env.mjs': `console.log(JSON.stringify({ env: process.env, cwd: process.cwd() }));`,
  'file-commands.mjs': `
    import { appendFileSync } from 'node:fs';
    appendFileSync(process.env.GITHUB_ENV, 'PLAIN=one\\nMULTI<<ghadelimiter_1\\nline 1\\nline 2\\nghadelimiter_1\\n');
    appendFileSync(process.env.GITHUB_OUTPUT, 'role<<ghadelimiter_2\\narn:aws:iam::111122223333:role/ci\\nghadelimiter_2\\n');
    appendFileSync(process.env.GITHUB_STATE, 'issued=yes\\n');
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, '<h3>Issued</h3>\\n');`,
  'masks.mjs': `
    console.log('before s3cr3t-value');
    console.log('::add-mask::s3cr3t-value');
    console.log('after s3cr3t-value and again s3cr3t-value');
    console.log('::warning file=policy.yml,line=2::close to s3cr3t-value');
    console.log('::error::denied');
    console.log('::debug::details');
    console.error('stderr line');
    process.exitCode = 3;`,
  'write-files.mjs': `
    import { writeFileSync } from 'node:fs';
    import { join } from 'node:path';
    writeFileSync(join(process.env.RUNNER_TEMP, 'credentials'), 'secret-in-temp');
    writeFileSync(join(process.env.GITHUB_WORKSPACE, 'left.txt'), 'in workspace');`,
  'hang.mjs': `setInterval(() => {}, 1000);`,
  'groups.mjs': `
    console.log('::group::AWS: policy p.yml: allowed');
    console.log('Allowed by rule "main".');
    console.log('::endgroup::');
    console.log('after the group');`,
  'stderr-mask.mjs': `
    // Two pipes keep no order between them: each line waits until the one before has surely arrived.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    process.stderr.write('::add-mask::from-stderr-1234\\n');
    await pause();
    process.stdout.write('printed from-stderr-1234\\n');
    await pause();
    process.stderr.write('::warning::on stderr\\n');`,
  'clear-env.mjs': `
    import { appendFileSync } from 'node:fs';
    appendFileSync(process.env.GITHUB_ENV, 'PLAIN<<EOF\\nEOF\\n');`,
};

let scripts: string;
let actionYml: string;
const runners: SimulatedRunner[] = [];

beforeAll(async () => {
  scripts = await mkdtemp(join(tmpdir(), 'runner-scripts-'));
  for (const [name, text] of Object.entries(SCRIPTS)) await writeFile(join(scripts, name), text);
  actionYml = join(scripts, 'action.yml');
  await writeFile(actionYml, 'name: test\ninputs:\n  audience:\n    default: sts.amazonaws.com\n  role duration:\n    default: 900\n  no-default:\n    required: false\n');
});
afterAll(() => rm(scripts, { recursive: true, force: true }));
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.dispose();
});

async function newRunner(env: Record<string, string> = { JOB_VAR: 'from-job' }, options: { stepTimeoutMs?: number } = {}): Promise<SimulatedRunner> {
  const runner = await SimulatedRunner.create({ env, actionYml, ...options });
  runners.push(runner);
  return runner;
}

const script = (name: string) => join(scripts, name);
const printedEnv = (stdout: string) => (JSON.parse(stdout) as { env: Record<string, string>; cwd: string }).env;

describe('SimulatedRunner inputs and environment', () => {
  it('passes inputs as INPUT_* variables, over action.yml’s defaults', async () => {
    const runner = await newRunner();
    const env = printedEnv((await runner.runMain(script('print-env.mjs'), { audience: 'api://other', 'role-to-assume': 'arn:aws:iam::1:role/x' })).stdout);
    expect(env).toMatchObject({ INPUT_AUDIENCE: 'api://other', 'INPUT_ROLE-TO-ASSUME': 'arn:aws:iam::1:role/x', INPUT_ROLE_DURATION: '900' });
    expect(env).not.toHaveProperty('INPUT_NO-DEFAULT');
  });

  it('applies the package’s own action.yml by default', async () => {
    const runner = await SimulatedRunner.create({ env: {} });
    runners.push(runner);
    const env = printedEnv((await runner.runMain(script('print-env.mjs'))).stdout);
    expect(env).toMatchObject({ INPUT_POLICY: '.github/ci-oidc-broker.yml', INPUT_ACCESS_TOKEN_LIFETIME: '10m', 'INPUT_ROLE-DURATION-SECONDS': '900' });
  });

  it('expands ${{ github.token }} in a default as the runner does, and nothing else it does not know', async () => {
    const withToken = await SimulatedRunner.create({ env: { GITHUB_TOKEN: 'ghs_job-token' } });
    const without = await SimulatedRunner.create({ env: {} });
    runners.push(withToken, without);
    expect(printedEnv((await withToken.runMain(script('print-env.mjs'))).stdout)['INPUT_GITHUB-TOKEN']).toBe('ghs_job-token');
    expect(printedEnv((await without.runMain(script('print-env.mjs'))).stdout)['INPUT_GITHUB-TOKEN']).toBe('');
  });

  it('gives a step the job environment and the runner’s files, and nothing else from the test process', async () => {
    const runner = await newRunner();
    const { env, cwd } = JSON.parse((await runner.runMain(script('print-env.mjs'))).stdout) as { env: Record<string, string>; cwd: string };
    expect(env).toMatchObject({ JOB_VAR: 'from-job', GITHUB_WORKSPACE: runner.workspace, RUNNER_TEMP: runner.tempDir });
    for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) expect(env[name]!.startsWith(runner.root)).toBe(true);
    expect(env).not.toHaveProperty('JEST_WORKER_ID');
    expect(cwd).toBe(runner.workspace);
  });

  it('names a script from where the caller runs, not from the workspace', async () => {
    const runner = await newRunner();
    const result = await runner.runMain(relative(process.cwd(), script('print-env.mjs')));
    expect(result.exitCode).toBe(0);
  });
});

describe('SimulatedRunner file commands', () => {
  it('reads outputs, state and the summary a step wrote', async () => {
    const runner = await newRunner();
    const result = await runner.runMain(script('file-commands.mjs'));
    expect(result.exitCode).toBe(0);
    expect(Object.fromEntries(result.outputs)).toEqual({ role: 'arn:aws:iam::111122223333:role/ci' });
    expect(Object.fromEntries(result.state)).toEqual({ issued: 'yes' });
    expect(result.summary).toBe('<h3>Issued</h3>\n');
    expect(result.files.env).toContain('MULTI<<ghadelimiter_1');
  });

  it('carries exported variables to later steps, and an emptied one as empty', async () => {
    const runner = await newRunner();
    await runner.runMain(script('file-commands.mjs'));
    expect(Object.fromEntries(runner.jobEnv)).toEqual({ PLAIN: 'one', MULTI: 'line 1\nline 2' });
    expect(printedEnv((await runner.runMain(script('print-env.mjs'))).stdout)).toMatchObject({ PLAIN: 'one', MULTI: 'line 1\nline 2' });
    await runner.runMain(script('clear-env.mjs'));
    expect(printedEnv((await runner.runMain(script('print-env.mjs'))).stdout).PLAIN).toBe('');
  });

  it('hands the main step’s state to the post step as STATE_* variables', async () => {
    const runner = await newRunner();
    await runner.runMain(script('file-commands.mjs'));
    const post = await runner.runPost(script('print-env.mjs'));
    expect(printedEnv(post.stdout)).toMatchObject({ STATE_issued: 'yes' });
  });

  it('gives each step fresh command files', async () => {
    const runner = await newRunner();
    await runner.runMain(script('file-commands.mjs'));
    const second = await runner.runMain(script('print-env.mjs'));
    expect(second.files).toEqual({ env: '', output: '', state: '' });
    expect(second.summary).toBe('');
    expect(runner.steps).toHaveLength(2);
  });
});

describe('SimulatedRunner log', () => {
  it('masks a registered secret in the lines after its registration, as the runner does', async () => {
    const runner = await newRunner();
    const result = await runner.runMain(script('masks.mjs'));
    expect(result.log.slice(0, 5)).toEqual(['before s3cr3t-value', 'after *** and again ***', 'warning: close to ***', 'error: denied', 'debug: details']);
    expect(result.log.join('\n')).not.toContain('add-mask');
    // stdout is what the step wrote, before the runner's processing.
    expect(result.stdout).toContain('::add-mask::s3cr3t-value');
  });

  it('collects workflow commands, and errors, warnings and notices as annotations', async () => {
    const result = await (await newRunner()).runMain(script('masks.mjs'));
    expect(result.commands.map((c) => c.command)).toEqual(['warning', 'error', 'debug']);
    expect(result.annotations).toEqual([
      { command: 'warning', properties: { file: 'policy.yml', line: '2' }, message: 'close to s3cr3t-value' },
      { command: 'error', properties: {}, message: 'denied' },
    ]);
  });

  it('reports the exit code and stderr', async () => {
    const result = await (await newRunner()).runMain(script('masks.mjs'));
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe('stderr line\n');
  });

  it('shows a group as the runner does: its title opened, its lines indented, no endgroup line', async () => {
    const result = await (await newRunner()).runMain(script('groups.mjs'));
    expect(result.log).toEqual(['▼ AWS: policy p.yml: allowed', '  Allowed by rule "main".', 'after the group']);
    expect(result.commands.map((c) => c.command)).toEqual(['group', 'endgroup']);
  });

  it('honours workflow commands on stderr too, in the order the lines came', async () => {
    const result = await (await newRunner()).runMain(script('stderr-mask.mjs'));
    expect(result.log).toEqual(['printed ***', 'warning: on stderr']);
    expect(result.annotations).toEqual([{ command: 'warning', properties: {}, message: 'on stderr' }]);
  });

  it('runs a `run:` step in bash with the runner’s files, so output can be appended to $GITHUB_ENV', async () => {
    const runner = await newRunner();
    const step = await runner.runShell('echo "FROM_SHELL=$JOB_VAR" >> "$GITHUB_ENV"; echo "in $(basename "$PWD")"; echo oops >&2');
    expect(step.exitCode).toBe(0);
    expect(step.log).toEqual(['in workspace', 'oops']);
    expect(runner.jobEnv.get('FROM_SHELL')).toBe('from-job');
    expect((await runner.runShell('exit 4')).exitCode).toBe(4);
  });

  it('stops a step that runs past its timeout', async () => {
    const result = await (await newRunner({}, { stepTimeoutMs: 200 })).runMain(script('hang.mjs'));
    expect(result.exitCode).toBe(128);
  });
});

describe('SimulatedRunner files', () => {
  it('lists the files steps left in the workspace and RUNNER_TEMP', async () => {
    const runner = await newRunner();
    await runner.runMain(script('write-files.mjs'));
    expect(await runner.leftoverFiles()).toEqual(
      expect.arrayContaining([
        { path: join('runner-temp', 'credentials'), content: 'secret-in-temp' },
        { path: join('workspace', 'left.txt'), content: 'in workspace' },
      ]),
    );
  });

  it('removes everything on dispose', async () => {
    const runner = await SimulatedRunner.create({ env: {}, actionYml });
    await runner.runMain(script('write-files.mjs'));
    await runner.dispose();
    await expect(access(runner.root)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
