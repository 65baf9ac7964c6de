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

  it('reports an unexpected error as a bug, without its stack', async () => {
    context = await actionContext();
    reportFailure(new TypeError('x is undefined'));
    expect(context.stdout()).toBe(
      "::error title=ci-oidc-broker%3A INTERNAL_ERROR::INTERNAL_ERROR: x is undefined%0AHint: this is a bug in ci-oidc-broker; please report it with the step's log.\n",
    );
    expect(process.exitCode).toBe(1);
  });
});
