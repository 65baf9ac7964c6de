import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { reportFailure } from '../../../src/action/report-failure.ts';
import { actionContext as stepContext, type ActionContext } from '../../helpers/action-context.ts';

// core.summary keeps the file it first wrote to, so every test shares one summary file.
let scratch: string;
let summaryFile: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'report-failure-'));
  summaryFile = join(scratch, 'summary');
  await writeFile(summaryFile, '');
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

let context: ActionContext | undefined;
afterEach(async () => {
  process.exitCode = undefined;
  await context?.restore();
  context = undefined;
  await writeFile(summaryFile, '');
});

const actionContext = (inputs: Record<string, string> = {}): Promise<ActionContext> => stepContext(inputs, { GITHUB_STEP_SUMMARY: summaryFile });
const summary = () => readFile(summaryFile, 'utf8');

describe('reportFailure', () => {
  it('annotates a policy error at its file, line and column, with the code and the hint', async () => {
    context = await actionContext();
    await reportFailure(
      new BrokerError(ErrorCode.PolicyInvalid, 'The policy .github/p.yml is invalid:\n.github/p.yml:4:5: unknown key "mach"', {
        hint: 'Fix each listed line.',
        location: { file: '.github/p.yml', line: 4, column: 5 },
      }),
    );
    expect(context.stdout()).toBe(
      '::error title=ci-oidc-broker%3A POLICY_INVALID,file=.github/p.yml,line=4,col=5::POLICY_INVALID: The policy .github/p.yml is invalid:%0A.github/p.yml:4:5: unknown key "mach"%0AHint: Fix each listed line.\n',
    );
    expect(process.exitCode).toBe(1);
  });

  it('annotates an error without a location with no file, line or column', async () => {
    context = await actionContext();
    await reportFailure(new BrokerError(ErrorCode.InputInvalid, 'The input `aws-region` is required.', { hint: 'Add `aws-region: <region>`.' }));
    expect(context.stdout()).toBe(
      '::error title=ci-oidc-broker%3A INPUT_INVALID::INPUT_INVALID: The input `aws-region` is required.%0AHint: Add `aws-region: <region>`.\n',
    );
    expect(process.exitCode).toBe(1);
  });

  it('never prints the cause of a BrokerError', async () => {
    context = await actionContext();
    const cause = new Error('response body: {"token":"eyJhbGciOi.secret"}');
    await reportFailure(new BrokerError(ErrorCode.TokenRequestFailed, 'The token request failed (HTTP 500).', { hint: 'Retry the job.', cause }));
    expect(context.stdout()).toContain('::OIDC_TOKEN_REQUEST_FAILED: The token request failed (HTTP 500).%0AHint: Retry the job.');
    expect(context.stdout()).not.toContain('eyJhbGciOi');
  });

  it('escapes what could end the annotation’s properties early', async () => {
    context = await actionContext();
    await reportFailure(
      new BrokerError(ErrorCode.PolicyInvalid, 'Bad 100%.', { hint: 'Fix it.', location: { file: 'policies/a,b:c.yml', line: 1, column: 2 } }),
    );
    expect(context.stdout()).toBe('::error title=ci-oidc-broker%3A POLICY_INVALID,file=policies/a%2Cb%3Ac.yml,line=1,col=2::POLICY_INVALID: Bad 100%25.%0AHint: Fix it.\n');
  });

  it('reports something thrown that is not an Error by its text', async () => {
    context = await actionContext();
    await reportFailure('socket hang up');
    expect(context.stdout()).toBe(
      "::error title=ci-oidc-broker%3A INTERNAL_ERROR::INTERNAL_ERROR: socket hang up%0AHint: this is a bug in ci-oidc-broker; please report it with the step's log.\n",
    );
    expect(process.exitCode).toBe(1);
  });

  it('reports an unexpected error as a bug, without its stack', async () => {
    context = await actionContext();
    await reportFailure(new TypeError('x is undefined'));
    expect(context.stdout()).toBe(
      "::error title=ci-oidc-broker%3A INTERNAL_ERROR::INTERNAL_ERROR: x is undefined%0AHint: this is a bug in ci-oidc-broker; please report it with the step's log.\n",
    );
    expect(process.exitCode).toBe(1);
  });
});

describe('reportFailure in the job summary', () => {
  it('says what failed and what to do, escaped', async () => {
    context = await actionContext();
    await reportFailure(new BrokerError(ErrorCode.PolicyInvalid, 'The policy p.yml is invalid:\np.yml:4:5: unknown key "<mach>"', { hint: 'Fix each listed line.' }));
    const html = await summary();
    expect(html).toContain('<h3>ci-oidc-broker: failed (POLICY_INVALID)</h3>');
    expect(html).toContain('The policy p.yml is invalid:\np.yml:4:5: unknown key &#34;&#60;mach&#62;&#34;');
    expect(html).toContain('<p><strong>What to do:</strong> Fix each listed line.</p>');
  });

  it('leaves a denial to the explanation the denial wrote', async () => {
    context = await actionContext();
    await reportFailure(new BrokerError(ErrorCode.PolicyDenied, 'Denied: no allow rule matched (deny by default).', { hint: 'Change the policy.' }));
    expect(await summary()).toBe('');
    expect(process.exitCode).toBe(1);
  });

  it('keeps an unexpected error’s own message out of the summary, which the runner does not mask', async () => {
    context = await actionContext();
    await reportFailure(new Error('response: {"token":"eyJhbGciOi.secret"}'));
    const html = await summary();
    expect(html).toContain('ci-oidc-broker: failed (INTERNAL_ERROR)');
    expect(html).toContain('its message is in the step’s log');
    expect(html).not.toContain('eyJhbGciOi');
  });

  it('keeps the account id out of ARNs unless mask-aws-account-id is false', async () => {
    const denied = new BrokerError(ErrorCode.AwsAccessDenied, 'AWS STS denied assuming arn:aws:iam::111122223333:role/ci-deploy.', { hint: 'Check arn:aws:iam::111122223333:role/ci-deploy.' });
    context = await actionContext({ 'mask-aws-account-id': 'true' });
    await reportFailure(denied);
    expect(await summary()).toContain('AWS STS denied assuming arn:aws:iam::***:role/ci-deploy.');
    expect(await summary()).not.toContain('111122223333');
    await context.restore();
    await writeFile(summaryFile, '');
    context = await actionContext({ 'mask-aws-account-id': 'false' });
    await reportFailure(denied);
    expect(await summary()).toContain('arn:aws:iam::111122223333:role/ci-deploy');
  });
});
