import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { runMain } from '../../../src/action/run-main.ts';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { PolicyDocument } from '../../../src/sandbox/aws/iam-policy.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { rejection } from '../../helpers/broker-error.ts';

// run-main in process against the sandbox, one scenario per test: refusals, and the inputs that change
// what a successful step sends and exports.
const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const POLICY_PATH = '.github/ci-oidc-broker.yml';
const EXTRA_POLICY_ARN = 'arn:aws:iam::111122223333:policy/extra-guard';
const EXTRA_POLICY: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
const SESSION_POLICY: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: ROLE }] };

let sandbox: Sandbox;
// core.summary keeps the file it first wrote to, so every scenario shares one summary file.
let scratch: string;
let summaryFile: string;
let context: ActionContext | undefined;
let workspace: string | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ managedPolicies: { 'extra-guard': EXTRA_POLICY } });
  scratch = await mkdtemp(join(tmpdir(), 'run-main-outcomes-'));
  summaryFile = join(scratch, 'summary');
  await writeFile(summaryFile, '');
  sandbox.github.putFiles('octo-org/policies', 'v2', { 'ci.yml': policyFile(['name: central', 'match: {repository: octo-org/app}', `grant: {aws: {roles: [${ROLE}]}}`]) });
});
afterEach(async () => {
  await context?.restore();
  context = undefined;
  if (workspace) await rm(workspace, { recursive: true, force: true });
  workspace = undefined;
  await writeFile(summaryFile, '');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await sandbox.close();
});

/** A policy with one allow rule, given as the lines under its `- `. */
function policyFile(rule: string[]): string {
  return `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - ${rule.join('\n    ')}\n`;
}

/** Sets the step up as a runner would, with a workspace holding `files`. */
async function prepare(inputs: Record<string, string>, files: Record<string, string>): Promise<void> {
  workspace = await mkdtemp(join(tmpdir(), 'run-main-workspace-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(workspace, path)), { recursive: true });
    await writeFile(join(workspace, path), text);
  }
  context = await actionContext(
    { issuer: sandbox.issuer.url, 'aws-region': 'eu-west-1', ...inputs },
    sandbox.runnerEnv({ GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile }),
  );
}

async function succeed(inputs: Record<string, string>, files: Record<string, string>): Promise<void> {
  await prepare(inputs, files);
  await runMain();
}

async function refusal(inputs: Record<string, string>, files: Record<string, string>): Promise<BrokerError> {
  await prepare(inputs, files);
  return rejection(runMain());
}

const summary = () => readFile(summaryFile, 'utf8');

/** A session's expiry as STS sends it, in whole seconds. */
const expiryOnTheWire = (expiration: Date) => new Date(Math.floor(expiration.getTime() / 1000) * 1000).toISOString();

describe('runMain when the policy denies the job', () => {
  const denyingPolicy = () => policyFile(['name: other', 'match: {repository: octo-org/other}', `grant: {aws: {roles: [${ROLE}]}}`]);
  let sessionsBefore: number;
  beforeAll(() => {
    sessionsBefore = sandbox.aws.sessions.length;
  });

  it('fails with the rule that came closest and what differed, at its line', async () => {
    const denial = await refusal({}, { [POLICY_PATH]: denyingPolicy() });
    expect(denial.code).toBe(ErrorCode.PolicyDenied);
    expect(denial.message).toBe('Denied: no allow rule matched (deny by default). Rule "other" came closest; repository was "octo-org/app", expected "octo-org/other".');
    expect(denial.location).toMatchObject({ file: POLICY_PATH, line: 5 });
    expect(denial.hint).toContain(`change ${POLICY_PATH} in a reviewed pull request`);
  });

  it('explains the decision in the job summary and in a log group', async () => {
    await refusal({}, { [POLICY_PATH]: denyingPolicy() });
    const html = await summary();
    expect(html).toContain('<h3>ci-oidc-broker: AWS request denied</h3>');
    expect(html).toContain('Denied: no allow rule matched (deny by default).\n  rule &#34;other&#34; (allow, line 4): no match, repository was &#34;octo-org/app&#34;');
    expect(context!.stdout()).toContain(`::group::AWS: policy ${POLICY_PATH}: denied\n`);
  });

  it('asks STS for nothing, and exports, outputs and saves nothing', async () => {
    await refusal({}, { [POLICY_PATH]: denyingPolicy() });
    expect(sandbox.aws.sessions).toHaveLength(sessionsBefore);
    expect(await context!.env()).toEqual(new Map());
    expect(await context!.outputs()).toEqual(new Map());
    expect(await context!.state()).toEqual(new Map());
  });
});

describe('runMain refusals before any credential is issued', () => {
  it('refuses a missing policy file, naming it', async () => {
    const sessionsBefore = sandbox.aws.sessions.length;
    const error = await refusal({}, { 'README.md': 'a checked-out repository without a policy' });
    expect(error.code).toBe(ErrorCode.PolicyNotFound);
    expect(error.message).toBe(`No policy file at ${POLICY_PATH}.`);
    expect(sandbox.aws.sessions).toHaveLength(sessionsBefore);
  });

  it('suggests actions/checkout when the workspace is empty, the usual reason for a missing policy', async () => {
    const error = await refusal({}, {});
    expect(error.code).toBe(ErrorCode.PolicyNotFound);
    expect(error.message).toBe(`No policy file at ${POLICY_PATH}: the workspace is empty.`);
    expect(error.hint).toContain('`- uses: actions/checkout@v4`');
  });

  it('says a `policy` input that leads to a folder is one, rather than failing as a bug', async () => {
    const error = await refusal({ policy: '.github' }, { [POLICY_PATH]: 'version: 1' });
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('.github is a folder of the workspace, not a file.');
    expect(error.hint).toContain('Point the `policy` input');
  });

  it('reads the policy from the path the `policy` input gives', async () => {
    await succeed({ policy: 'ci/broker.yml' }, { 'ci/broker.yml': policyFile(['name: app', 'match: {repository: octo-org/app}', `grant: {aws: {roles: [${ROLE}]}}`]) });
    expect(context!.stdout()).toContain('::group::AWS: policy ci/broker.yml: allowed\n');
  });

  it('refuses a role-to-assume the matching rule does not grant', async () => {
    const other = 'arn:aws:iam::111122223333:role/other-repo-only';
    const error = await refusal({ 'role-to-assume': other }, { [POLICY_PATH]: policyFile(['name: app', 'match: {repository: octo-org/app}', `grant: {aws: {roles: [${ROLE}]}}`]) });
    expect(error.code).toBe(ErrorCode.RoleNotGranted);
    expect(error.message).toBe(`Rule "app" does not grant the role ${other}; it grants ${ROLE}.`);
    expect(await context!.state()).toEqual(new Map());
  });

  it('refuses an inline-session-policy when the rule sets a session policy, before asking STS', async () => {
    const sessionsBefore = sandbox.aws.sessions.length;
    const error = await refusal(
      { 'inline-session-policy': JSON.stringify(EXTRA_POLICY) },
      {
        [POLICY_PATH]: policyFile(['name: app', 'match: {repository: octo-org/app}', `grant: {aws: {roles: [${ROLE}], session-policy: policies/session.json}}`]),
        'policies/session.json': JSON.stringify(SESSION_POLICY),
      },
    );
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('Rule "app" sets a session policy, so the request cannot bring its own.');
    expect(error.hint).toBe('Leave the inline session policy out, or narrow further with managed session policies; STS takes one inline session policy.');
    expect(sandbox.aws.sessions).toHaveLength(sessionsBefore);
  });
});

describe('runMain with optional inputs', () => {
  const allowApp = () =>
    policyFile(['name: app', 'match: {repository: octo-org/app, ref: refs/heads/main}', `grant: {aws: {roles: [${ROLE}], max-duration: 1h}}`]);

  it('takes the rule’s only role when no role-to-assume is given, with the session name asked for', async () => {
    await succeed({ 'role-session-name': 'release-7' }, { [POLICY_PATH]: allowApp() });
    const session = sandbox.aws.sessions.at(-1)!;
    expect(session.roleName).toBe('ci-deploy');
    expect(session.sessionName).toBe('release-7');
    expect(session.subject).toBe('repo:octo-org/app:environment:production');
  });

  it('does not lower a duration within the rule’s max-duration, nor say it did', async () => {
    await succeed({ 'role-duration-seconds': '1200' }, { [POLICY_PATH]: allowApp() });
    const session = sandbox.aws.sessions.at(-1)!;
    expect((session.expiration.getTime() - session.issuedAt.getTime()) / 1000).toBe(1200);
    expect(context!.stdout()).not.toContain('::notice::');
  });

  it('sends the managed session policies and an inline session policy to STS', async () => {
    const inline = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] };
    await succeed({ 'managed-session-policies': EXTRA_POLICY_ARN, 'inline-session-policy': JSON.stringify(inline) }, { [POLICY_PATH]: allowApp() });
    expect(sandbox.aws.sessions.at(-1)!.sessionPolicies).toEqual([EXTRA_POLICY, inline]);
  });

  it('sends the rule’s session policy, read from the same workspace, as the inline session policy', async () => {
    const files = {
      [POLICY_PATH]: policyFile(['name: app', 'match: {repository: octo-org/app}', `grant: {aws: {roles: [${ROLE}], session-policy: policies/session.json}}`]),
      'policies/session.json': JSON.stringify(SESSION_POLICY),
    };
    await succeed({}, files);
    expect(sandbox.aws.sessions.at(-1)!.sessionPolicies).toEqual([SESSION_POLICY]);
  });

  it('outputs the credentials when asked, after masking each', async () => {
    await succeed({ 'output-credentials': 'true' }, { [POLICY_PATH]: allowApp() });
    const session = sandbox.aws.sessions.at(-1)!;
    expect(Object.fromEntries(await context!.outputs())).toEqual({
      'aws-account-id': '111122223333',
      'aws-access-key-id': session.accessKeyId,
      'aws-secret-access-key': session.secretAccessKey,
      'aws-session-token': session.sessionToken,
      'aws-expiration': expiryOnTheWire(session.expiration),
      'policy-rule': 'app',
    });
    for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken]) expect(context!.stdout()).toContain(`::add-mask::${secret}`);
  });

  it('leaves the account id unmasked when mask-aws-account-id is false, and still masks the credentials', async () => {
    await succeed({ 'mask-aws-account-id': 'false' }, { [POLICY_PATH]: allowApp() });
    const session = sandbox.aws.sessions.at(-1)!;
    expect(context!.stdout()).not.toContain('::add-mask::111122223333');
    expect(context!.stdout()).toContain(`::add-mask::${session.secretAccessKey}`);
  });

  it('reads a central policy through the GitHub API at the ref given', async () => {
    const requestsBefore = sandbox.github.requests.length;
    await succeed({ 'policy-source': 'octo-org/policies@v2', policy: 'ci.yml', 'github-token': sandbox.github.token }, {});
    expect(sandbox.github.requests.slice(requestsBefore)).toEqual([{ repository: 'octo-org/policies', path: 'ci.yml', ref: 'v2' }]);
    expect(Object.fromEntries(await context!.outputs())).toMatchObject({ 'policy-rule': 'central' });
  });
});

describe('the job summary of an issued credential', () => {
  it('shows the rule, the claims it checked, the session name and the expiry, and no secret', async () => {
    const policy = policyFile(['name: app', 'match: {repository: octo-org/app, ref: refs/heads/main}', `grant: {aws: {roles: [${ROLE}], max-duration: 1h}}`]);
    await succeed({ 'role-session-name': 'summary-check' }, { [POLICY_PATH]: policy });
    const session = sandbox.aws.sessions.at(-1)!;
    const html = await summary();
    expect(html).toContain('<h3>ci-oidc-broker: credentials issued</h3>');
    expect(html).toContain('<td><code>app</code></td>');
    expect(html).toContain('<code>repository</code> = <code>octo-org/app</code><br><code>ref</code> = <code>refs/heads/main</code>');
    expect(html).toContain('<code>arn:aws:iam::***:role/ci-deploy, session summary-check</code>');
    expect(html).toContain(`<td>${expiryOnTheWire(session.expiration)}</td>`);
    for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken, ...sandbox.issuer.minted, sandbox.issuer.tokenRequestBearer]) {
      expect(html).not.toContain(secret);
    }
  });
});
