import { afterEach, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { loadIssuedCredentials, saveIssuedCredentials } from '../../../src/action/state.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

const credential = awsCredentialRecord();
let context: ActionContext | undefined;
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

describe('issued-credential state', () => {
  it('round-trips through GITHUB_STATE as the runner hands it to the post step', async () => {
    context = await actionContext();
    saveIssuedCredentials([credential]);
    const saved = (await context.state()).get('issued-credentials')!;
    // The runner gives the post step its saved state as STATE_<name> variables.
    process.env['STATE_issued-credentials'] = saved;
    expect(loadIssuedCredentials()).toEqual([credential]);
  });

  it('is empty when the main step saved nothing', async () => {
    context = await actionContext();
    expect(loadIssuedCredentials()).toEqual([]);
  });

  it.each(['{not json', '{"provider":"aws"}', '[{"provider":"gcp","identity":"x"}]'])('refuses unreadable state %p', async (text) => {
    context = await actionContext({}, { 'STATE_issued-credentials': text });
    let error: unknown;
    try {
      loadIssuedCredentials();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).code).toBe(ErrorCode.StateInvalid);
  });
});
