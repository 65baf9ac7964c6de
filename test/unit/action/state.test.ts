import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { loadIssuedCredentials, saveIssuedCredentials } from '../../../src/action/state.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { thrown } from '../../helpers/broker-error.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

const credential = awsCredentialRecord();
let context: ActionContext | undefined;
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

/** What the post step sees: the runner gives it the main step's saved state as STATE_<name> variables. */
async function handToPostStep(): Promise<string> {
  const saved = (await context!.state()).get('issued-credentials')!;
  process.env['STATE_issued-credentials'] = saved;
  return saved;
}

describe('issued-credential state', () => {
  it('round-trips through GITHUB_STATE as the runner hands it to the post step', async () => {
    context = await actionContext();
    saveIssuedCredentials([credential]);
    await handToPostStep();
    expect(loadIssuedCredentials()).toEqual([credential]);
  });

  it('keeps several credentials, in order, with the files to delete', async () => {
    context = await actionContext();
    const second = awsCredentialRecord({ identity: 'AROASECOND:other', sessionName: 'other', files: ['/tmp/runner/credentials', '/tmp/runner/config'] });
    saveIssuedCredentials([credential, second]);
    await handToPostStep();
    expect(loadIssuedCredentials()).toEqual([credential, second]);
  });

  it('saves one state entry that holds identities, names and times only', async () => {
    context = await actionContext();
    saveIssuedCredentials([credential]);
    const state = await context.state();
    expect([...state.keys()]).toEqual(['issued-credentials']);
    const [saved] = JSON.parse(state.get('issued-credentials')!) as Array<Record<string, unknown>>;
    expect(Object.keys(saved!).sort()).toEqual(['audience', 'expiresAt', 'exportedVariables', 'files', 'identity', 'principal', 'provider', 'region', 'role', 'sessionName']);
    // Variable names, never their values.
    expect(saved!.exportedVariables).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
  });

  it('keeps where a renewing profile and its ledger are, for the post step to close them', async () => {
    context = await actionContext();
    const renewing = awsCredentialRecord({ renewal: { ledger: '/tmp/runner/step-1/ledger.jsonl', configFile: '/tmp/runner/config', profile: 'deploy' }, files: ['/tmp/runner/step-1'] });
    saveIssuedCredentials([renewing]);
    await handToPostStep();
    expect(loadIssuedCredentials()).toEqual([renewing]);
  });

  it('prints nothing to the log while saving', async () => {
    context = await actionContext();
    saveIssuedCredentials([credential]);
    expect(context.stdout()).toBe('');
  });

  it('is empty when the main step saved nothing', async () => {
    context = await actionContext();
    expect(loadIssuedCredentials()).toEqual([]);
  });

  it('is empty when the main step saved an empty list', async () => {
    context = await actionContext();
    saveIssuedCredentials([]);
    expect(await handToPostStep()).toBe('[]');
    expect(loadIssuedCredentials()).toEqual([]);
  });

  it.each([
    '{not json',
    'null',
    '"issued"',
    '{"provider":"aws"}',
    '[{"provider":"gcp","identity":"x"}]',
    '[null]',
    JSON.stringify([{ ...awsCredentialRecord(), identity: 7 }]),
    JSON.stringify([{ ...awsCredentialRecord(), expiresAt: undefined }]),
    JSON.stringify([{ ...awsCredentialRecord(), exportedVariables: 'AWS_ACCESS_KEY_ID' }]),
    JSON.stringify([{ ...awsCredentialRecord(), exportedVariables: [1] }]),
    JSON.stringify([{ ...awsCredentialRecord(), files: undefined }]),
    JSON.stringify([{ ...awsCredentialRecord(), files: [null] }]),
    JSON.stringify([awsCredentialRecord(), { provider: 'aws' }]),
    JSON.stringify([{ ...awsCredentialRecord(), renewal: { ledger: '/tmp/runner/ledger.jsonl' } }]),
  ])('refuses unreadable state %p and says nothing was cleaned up', async (text) => {
    context = await actionContext({}, { 'STATE_issued-credentials': text });
    const error = thrown(() => loadIssuedCredentials());
    expect(error.code).toBe(ErrorCode.StateInvalid);
    expect(error.message).toBe('The state saved by the main step is unreadable.');
    expect(error.hint).toBe('Nothing was cleaned up from it. The credentials still expire on their own; if this repeats, file an issue.');
  });

  it('keeps the JSON parser’s complaint as the cause, for debugging', async () => {
    context = await actionContext({}, { 'STATE_issued-credentials': '{not json' });
    expect(thrown(() => loadIssuedCredentials()).cause).toBeInstanceOf(SyntaxError);
  });
});
