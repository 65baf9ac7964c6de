// `npm run demo`: one step of the bundled action mints AWS and Google Cloud credentials against the
// local sandbox, driven exactly as a GitHub runner drives it; the real client libraries use them; the
// post step revokes or clears them; then the CLI serves a GitLab-shaped job; then one job goes through
// the broker service, which alone can mint, keeps the inventory and refuses a replay. Ends with one
// verdict line; exits non-zero on failure.
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GoogleAuth } from 'google-auth-library';
import { githubTrustPolicy, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox } from '../src/sandbox/index.ts';
import { ciTokenClaims } from '../src/sandbox/issuer/ci-claims.ts';
import { oidcProviderKeyPrefix } from '../src/providers/aws/oidc-provider.ts';
import { runAwsCli } from '../src/sandbox/aws/aws-cli.ts';
import { SimulatedRunner } from '../src/sandbox/runner/simulated-runner.ts';
import { summaryAsText } from '../src/sandbox/runner/summary-text.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const REGION = 'us-east-1';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];
const GCP_VARIABLES = ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH', 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES', 'GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT'];
// A later step sees the runner's token-request variables too: the credentials file's command asks the runner with them.
const RUNNER_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

const checks: Array<{ name: string; ok: boolean; detail: string }> = [];
function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `: ${detail}` : ''}`);
}
function heading(text: string): void {
  console.log(`\n=== ${text}`);
}

// The broker's JSON log is kept for the leak check rather than printed.
const brokerLog: string[] = [];
const sandbox = await startSandbox({ broker: { logStream: { write: (line) => void brokerLog.push(line) } } });
const run = promisify(execFile);
const runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
try {
  heading('1. Sandbox');
  console.log(sandbox.describe());

  const policy = (await readFile(new URL('policy.yml', import.meta.url), 'utf8')).replaceAll('{{issuer}}', sandbox.issuer.url);
  await mkdir(join(runner.workspace, '.github'));
  const policyPath = join(runner.workspace, '.github', 'ci-oidc-broker.yml');
  await writeFile(policyPath, policy);

  // The cloud enforces what the policy says: the Google provider gets the CLI's exported condition.
  const { stdout: condition } = await promisify(execFile)(process.execPath, ['dist/cli/index.js', 'policy', 'export', '--gcp-attribute-condition', '--policy', policyPath]);
  sandbox.google.putProvider({ ...sandbox.gcpProvider, attributeCondition: condition.trim() });
  console.log(`Google provider's attribute condition (from \`policy export --gcp-attribute-condition\`):\n  ${condition.trim()}`);

  heading('2. Main step (dist/main/index.js), asking for AWS and Google Cloud at once');
  const main = await runner.runMain('dist/main/index.js', { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': ROLE, ...sandbox.gcpInputs() });
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

  heading('5. The Google credentials work');
  check('Google credentials exported', GCP_VARIABLES.every((name) => runner.jobEnv.get(name)), GCP_VARIABLES.join(', '));
  const credentialsFile = runner.jobEnv.get('GOOGLE_APPLICATION_CREDENTIALS') ?? '';
  check('credentials file under RUNNER_TEMP, not the workspace', credentialsFile.startsWith(runner.tempDir), credentialsFile.slice(runner.root.length + 1));
  let adcToken = '';
  try {
    // ADC exactly as a user's tool finds it: through GOOGLE_APPLICATION_CREDENTIALS.
    for (const name of GCP_VARIABLES) process.env[name] = runner.jobEnv.get(name);
    for (const name of RUNNER_VARIABLES) process.env[name] = runner.env[name];
    const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
    adcToken = (await auth.getAccessToken()) ?? '';
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(adcToken)}`);
    const email = ((await info.json()) as { email?: string }).email ?? '';
    check('google-auth-library (ADC): access token for the service account', info.ok && email === SANDBOX_GCP_SERVICE_ACCOUNT, email);
    check('google-auth-library (ADC): project', (await auth.getProjectId()) === 'ci-oidc-broker-sandbox');
  } catch (error) {
    check('google-auth-library (ADC)', false, (error as Error).message.split('\n')[0] ?? '');
  } finally {
    for (const name of [...GCP_VARIABLES, ...RUNNER_VARIABLES]) delete process.env[name];
  }

  heading('6. Post step (dist/post/index.js)');
  const post = await runner.runPost('dist/post/index.js');
  for (const line of post.log) if (line) console.log(`  | ${line}`);
  console.log(summaryAsText(post.summary));
  check('post step succeeded', post.exitCode === 0, `exit code ${post.exitCode}`);
  check('credentials no longer exported', [...AWS_VARIABLES, ...GCP_VARIABLES].every((name) => runner.jobEnv.get(name) === ''), 'each variable is now empty');
  check('Revocation section: the AWS session revoked, the Google token cleared only', post.summary.includes('<td>revoked</td>') && post.summary.includes('<td>cleared only</td>'));
  check('the post step’s log says "cleared only" as its summary does', post.log.some((line) => line.includes(': cleared only.')) && !post.log.some((line) => line.includes('not-revocable')));
  try {
    const iam = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
    const after = await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' })).then(
      () => 'allowed',
      (error: Error) => error.name,
    );
    check('AWS SDK: the same credentials are refused after the post step', after === 'AccessDenied', after);
  } catch (error) {
    check('AWS SDK after the post step', false, (error as Error).name);
  }
  const fileGone = await access(credentialsFile).then(
    () => false,
    () => true,
  );
  check('Google credentials file deleted', fileGone);
  const secrets = [credentials.secretAccessKey, credentials.sessionToken, adcToken, main.outputs.get('access_token') ?? '', ...sandbox.issuer.minted].filter(Boolean);
  const leaked = runner.steps.some((step) => secrets.some((s) => step.log.join('\n').includes(s) || step.stderr.includes(s) || step.summary.includes(s) || step.files.state.includes(s)));
  check('no secret in any log, summary or state', secrets.length > 0 && !leaked);

  heading('7. The same broker from GitLab CI, through the CLI');
  // A role that trusts GitLab-shaped subjects, and a policy bound to the project and group IDs.
  const provider = { arn: `arn:aws:iam::${sandbox.accountId}:oidc-provider/${oidcProviderKeyPrefix(sandbox.issuer.url)}`, keyPrefix: oidcProviderKeyPrefix(sandbox.issuer.url) };
  sandbox.aws.putRole({ name: 'gitlab-deploy', trustPolicy: githubTrustPolicy(provider, 'project_path:octo-group/app:*') });
  const gitlabPolicy = join(runner.root, 'gitlab-policy.yml');
  await writeFile(
    gitlabPolicy,
    `version: 1\nissuers: ["${sandbox.issuer.url}"]\naudiences: [sts.amazonaws.com]\nrules:\n  - name: gitlab-deploy\n    match: {project_id: "4321", namespace_id: "72", ref_protected: "true"}\n    grant: {aws: {roles: ["arn:aws:iam::${sandbox.accountId}:role/gitlab-deploy"]}}\n`,
  );
  const gitlabToken = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims: ciTokenClaims('gitlab') });
  const exchangeArgs = ['dist/cli/index.js', 'exchange', '--preset', 'gitlab', '--issuer', sandbox.issuer.url, '--policy', gitlabPolicy, '--aws-role', `arn:aws:iam::${sandbox.accountId}:role/gitlab-deploy`, '--aws-region', REGION, '--format', 'json'];
  console.log(`$ GITLAB_OIDC_TOKEN=… ci-oidc-broker ${exchangeArgs.slice(1).join(' ')}`);
  const gitlab = await promisify(execFile)(process.execPath, exchangeArgs, { env: { PATH: process.env.PATH ?? '', GITLAB_OIDC_TOKEN: gitlabToken, AWS_ENDPOINT_URL_STS: sandbox.aws.url } });
  const issued = JSON.parse(gitlab.stdout) as { rule: string; aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string } };
  console.log(`  rule ${issued.rule}; credentials until ${issued.aws.expiration}`);
  const gitlabIdentity = await new STSClient({ region: REGION, endpoint: sandbox.aws.url, maxAttempts: 1, credentials: { accessKeyId: issued.aws.accessKeyId, secretAccessKey: issued.aws.secretAccessKey, sessionToken: issued.aws.sessionToken } }).send(new GetCallerIdentityCommand({}));
  check('CLI exchange of a GitLab-shaped token: the AWS SDK uses the credentials', gitlabIdentity.Arn?.includes(':assumed-role/gitlab-deploy/') === true, gitlabIdentity.Arn ?? '');
  const forkToken = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims: ciTokenClaims('gitlab', { project_id: '9999', project_path: 'someone/app-fork' }) });
  const denied = await promisify(execFile)(process.execPath, exchangeArgs, { env: { PATH: process.env.PATH ?? '', GITLAB_OIDC_TOKEN: forkToken, AWS_ENDPOINT_URL_STS: sandbox.aws.url } }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  for (const line of denied.stderr.split('\n').filter(Boolean)) console.log(`  ! ${line}`);
  check('CLI exchange of a fork’s token: denied, with the explanation, exit 1', denied.code === 1 && denied.stderr.includes('project_id was "9999"'), `exit code ${denied.code}`);

  heading('8. One job through the broker service, which alone can mint for ci-deploy');
  const broker = sandbox.broker!;
  console.log(`broker ${broker.url}; ci-deploy's trust admits its role (ci-oidc-broker) for repository 8429 only`);
  const brokerJob = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
  try {
    const brokered = await brokerJob.runMain('dist/main/index.js', { 'broker-url': broker.url, 'aws-region': REGION });
    for (const line of brokered.log) if (line) console.log(`  | ${line}`);
    check('main step in broker mode (no policy file in the job) succeeded', brokered.exitCode === 0 && brokered.outputs.get('policy-rule') === 'deploy-from-main', `exit code ${brokered.exitCode}`);
    const jobCredentials = { accessKeyId: brokerJob.jobEnv.get('AWS_ACCESS_KEY_ID') ?? '', secretAccessKey: brokerJob.jobEnv.get('AWS_SECRET_ACCESS_KEY') ?? '', sessionToken: brokerJob.jobEnv.get('AWS_SESSION_TOKEN') ?? '' };
    const brokerIam = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: jobCredentials, maxAttempts: 1 });
    const getRole = (): Promise<string> => brokerIam.send(new GetRoleCommand({ RoleName: 'ci-deploy' })).then(() => 'allowed', (error: Error) => error.name);
    check('AWS SDK: the broker-minted session reads ci-deploy', (await getRole()) === 'allowed');

    const operator = { PATH: process.env.PATH ?? '', OPERATOR_TOKEN: await sandbox.issuer.mint({ audience: broker.audience, claims: broker.operatorClaims }) };
    const listArgs = ['dist/cli/index.js', 'sessions', 'list', '--broker', broker.url, '--token-env', 'OPERATOR_TOKEN', '--repository-id', '8429'];
    console.log(`$ OPERATOR_TOKEN=… ci-oidc-broker ${listArgs.slice(1).join(' ')}`);
    const inventory = await run(process.execPath, listArgs, { env: operator });
    for (const line of inventory.stdout.split('\n').filter(Boolean)) console.log(`  ${line}`);
    check('the inventory lists the session as active, by rule deploy-from-main', /^active +aws +8429 +9876543210\/1 +deploy-from-main +arn:aws:iam::111122223333:role\/ci-deploy /m.test(inventory.stdout));

    // The token the main step sent, replayed as a thief would: the broker has seen its (iss, jti).
    const sent = sandbox.issuer.servedToRunner.filter((served) => served.at >= brokered.startedAt && served.at <= brokered.endedAt).at(-1)?.token ?? '';
    const replay = await fetch(`${broker.url}/v1/exchange`, { method: 'POST', headers: { authorization: `Bearer ${sent}`, 'content-type': 'application/json' }, body: '{"aws": {}}' });
    const replayCode = ((await replay.json()) as { error?: { code?: string } }).error?.code;
    console.log(`  POST /v1/exchange with the step's token again: HTTP ${replay.status} ${replayCode}`);
    check('a replay of the job’s token is refused', replay.status === 409 && replayCode === 'TOKEN_REPLAYED', `HTTP ${replay.status}`);

    const brokeredPost = await brokerJob.runPost('dist/post/index.js');
    for (const line of brokeredPost.log) if (line) console.log(`  | ${line}`);
    check('post step: the broker revoked the run’s session', brokeredPost.exitCode === 0 && brokeredPost.summary.includes('<td>revoked</td>'));
    const afterRevoke = await getRole();
    check('AWS SDK: the same credentials are refused after the broker revoked them', afterRevoke === 'AccessDenied', afterRevoke);
    brokerIam.destroy();
    const revokedList = await run(process.execPath, [...listArgs, '--format', 'json'], { env: operator });
    const statuses = (JSON.parse(revokedList.stdout) as { sessions: Array<{ status: string }> }).sessions.map((session) => session.status);
    check('the inventory now shows it revoked', statuses.length === 1 && statuses[0] === 'revoked', statuses.join(', '));

    const brokerSecrets = [jobCredentials.secretAccessKey, jobCredentials.sessionToken, ...broker.secrets, ...sandbox.issuer.minted].filter(Boolean);
    const outputs = [...brokerJob.steps.flatMap((step) => [step.log.join('\n'), step.stderr, step.summary, step.files.state]), inventory.stdout, revokedList.stdout, brokerLog.join('')];
    check('no secret in the broker’s log, the steps’ logs, summaries and state, or the operator’s output', !outputs.some((text) => brokerSecrets.some((secret) => text.includes(secret))));
  } finally {
    await brokerJob.dispose();
  }
} catch (error) {
  check('demo ran to the end', false, (error as Error).message);
} finally {
  await runner.dispose();
  await sandbox.close();
}

const failed = checks.filter((c) => !c.ok);
console.log(
  failed.length === 0
    ? `\nDEMO PASSED: ${checks.length} checks; one step minted AWS and Google credentials, the clouds' own clients used them, the post step revoked or cleared them, the CLI served a GitLab job, and a job went through the broker: minted, listed, its replay refused, revoked and refused.`
    : `\nDEMO FAILED: ${failed.length} of ${checks.length} checks failed (${failed.map((c) => c.name).join('; ')}).`,
);
process.exitCode = failed.length === 0 ? 0 : 1;

