// `npm run demo`: the bundled action mints, uses and clears AWS credentials against the local sandbox,
// driven exactly as a GitHub runner drives it. Ends with one verdict line; exits non-zero on failure.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox } from '../src/sandbox/index.ts';
import { runAwsCli } from '../src/sandbox/aws/aws-cli.ts';
import { SimulatedRunner } from '../src/sandbox/runner/simulated-runner.ts';
import { summaryAsText } from '../src/sandbox/runner/summary-text.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const REGION = 'us-east-1';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

const checks: Array<{ name: string; ok: boolean; detail: string }> = [];
function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `: ${detail}` : ''}`);
}
function heading(text: string): void {
  console.log(`\n=== ${text}`);
}

const sandbox = await startSandbox();
const runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
try {
  heading('1. Sandbox');
  console.log(sandbox.describe());

  const policy = (await readFile(new URL('policy.yml', import.meta.url), 'utf8')).replaceAll('{{issuer}}', sandbox.issuer.url);
  await mkdir(join(runner.workspace, '.github'));
  await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), policy);

  heading('2. Main step (dist/main/index.js)');
  const main = await runner.runMain('dist/main/index.js', { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': ROLE });
  for (const line of main.log) if (line) console.log(`  | ${line}`);
  check('main step succeeded', main.exitCode === 0, `exit code ${main.exitCode}`);

  heading('3. Job summary');
  console.log(summaryAsText(main.summary));

  heading('4. The exported credentials work');
  const credentials = {
    accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID') ?? '',
    secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY') ?? '',
    sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN') ?? '',
  };
  check('credentials exported', AWS_VARIABLES.every((name) => runner.jobEnv.get(name)), AWS_VARIABLES.join(', '));
  try {
    const sts = new STSClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    check('AWS SDK: sts get-caller-identity', identity.Arn?.includes(':assumed-role/ci-deploy/') === true, identity.Arn ?? '');
    const iam = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
    const role = await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }));
    check('AWS SDK: iam get-role (a call IAM policy governs)', role.Role?.Arn === ROLE, role.Role?.Arn ?? '');
    const denied = await iam.send(new GetRoleCommand({ RoleName: 'other-repo-only' })).then(
      () => 'allowed',
      (error: Error) => error.name,
    );
    check('AWS SDK: iam get-role on a role the session may not read is denied', denied === 'AccessDenied', denied);
  } catch (error) {
    check('AWS SDK calls', false, (error as Error).name);
  }
  try {
    const out = await runAwsCli(['sts', 'get-caller-identity', '--region', REGION], { endpointUrl: sandbox.aws.url, env: { HOME: runner.root, ...Object.fromEntries(runner.jobEnv) } });
    if (out === undefined) {
      console.log('SKIP  aws CLI: not installed (apt-get install awscli to add this check)');
    } else {
      const arn = (JSON.parse(out) as { Arn?: string }).Arn ?? '';
      check('aws CLI: sts get-caller-identity', arn.includes(':assumed-role/ci-deploy/'), arn);
    }
  } catch (error) {
    check('aws CLI: sts get-caller-identity', false, (error as Error).message.split('\n')[0] ?? '');
  }

  heading('5. Post step (dist/post/index.js)');
  const post = await runner.runPost('dist/post/index.js');
  for (const line of post.log) if (line) console.log(`  | ${line}`);
  console.log(summaryAsText(post.summary));
  check('post step succeeded', post.exitCode === 0, `exit code ${post.exitCode}`);
  check('credentials no longer exported', AWS_VARIABLES.every((name) => runner.jobEnv.get(name) === ''), 'each variable is now empty');
  const secrets = [credentials.secretAccessKey, credentials.sessionToken].filter(Boolean);
  const leaked = runner.steps.some((step) => secrets.some((s) => step.log.join('\n').includes(s) || step.stderr.includes(s) || step.summary.includes(s) || step.files.state.includes(s)));
  check('no secret in any log, summary or state', secrets.length > 0 && !leaked);
} catch (error) {
  check('demo ran to the end', false, (error as Error).message);
} finally {
  await runner.dispose();
  await sandbox.close();
}

const failed = checks.filter((c) => !c.ok);
console.log(
  failed.length === 0
    ? `\nDEMO PASSED: ${checks.length} checks; the action minted, used and cleared credentials against the sandbox.`
    : `\nDEMO FAILED: ${failed.length} of ${checks.length} checks failed (${failed.map((c) => c.name).join('; ')}).`,
);
process.exitCode = failed.length === 0 ? 0 : 1;

