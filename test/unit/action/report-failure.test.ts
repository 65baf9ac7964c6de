import { afterEach, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { reportFailure } from '../../../src/action/report-failure.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';

let context: ActionContext | undefined;
afterEach(async () => {
  process.exitCode = undefined;
  await context?.restore();
  context = undefined;
});

describe('reportFailure', () => {
  it('annotates a policy error at its file, line and column, with the code and the hint', async () => {
    context = await actionContext();
    reportFailure(
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
    reportFailure(new BrokerError(ErrorCode.InputInvalid, 'The input `aws-region` is required.', { hint: 'Add `aws-region: <region>`.' }));
    expect(context.stdout()).toBe(
      '::error title=ci-oidc-broker%3A INPUT_INVALID::INPUT_INVALID: The input `aws-region` is required.%0AHint: Add `aws-region: <region>`.\n',
    );
    expect(process.exitCode).toBe(1);
  });

  it('never prints the cause of a BrokerError', async () => {
    context = await actionContext();
    const cause = new Error('response body: {"token":"eyJhbGciOi.secret"}');
    reportFailure(new BrokerError(ErrorCode.TokenRequestFailed, 'The token request failed (HTTP 500).', { hint: 'Retry the job.', cause }));
    expect(context.stdout()).toContain('::OIDC_TOKEN_REQUEST_FAILED: The token request failed (HTTP 500).%0AHint: Retry the job.');
    expect(context.stdout()).not.toContain('eyJhbGciOi');
  });

  it('escapes what could end the annotation’s properties early', async () => {
    context = await actionContext();
    reportFailure(
      new BrokerError(ErrorCode.PolicyInvalid, 'Bad 100%.', { hint: 'Fix it.', location: { file: 'policies/a,b:c.yml', line: 1, column: 2 } }),
    );
    expect(context.stdout()).toBe('::error title=ci-oidc-broker%3A POLICY_INVALID,file=policies/a%2Cb%3Ac.yml,line=1,col=2::POLICY_INVALID: Bad 100%25.%0AHint: Fix it.\n');
  });

  it('reports something thrown that is not an Error by its text', async () => {
    context = await actionContext();
    reportFailure('socket hang up');
    expect(context.stdout()).toBe(
      "::error title=ci-oidc-broker%3A INTERNAL_ERROR::INTERNAL_ERROR: socket hang up%0AHint: this is a bug in ci-oidc-broker; please report it with the step's log.\n",
    );
    expect(process.exitCode).toBe(1);
  });

  it('reports an unexpected error as a bug, without its stack', async () => {
    context = await actionContext();
    reportFailure(new TypeError('x is undefined'));
    expect(context.stdout()).toBe(
      "::error title=ci-oidc-broker%3A INTERNAL_ERROR::INTERNAL_ERROR: x is undefined%0AHint: this is a bug in ci-oidc-broker; please report it with the step's log.\n",
    );
    expect(process.exitCode).toBe(1);
  });
});
