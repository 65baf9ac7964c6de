import { afterEach, describe, expect, it } from '@jest/globals';
import { readMainInputs } from '../../../src/action/inputs.ts';
import { refuseLocalOnlyAwsInputs, unsetCurrentAwsCredentials } from '../../../src/action/issue-aws.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { thrown } from '../../helpers/broker-error.ts';

let context: ActionContext | undefined;
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

async function awsInputs(inputs: Record<string, string>, env: Record<string, string> = {}) {
  context = await actionContext({ 'aws-region': 'us-east-1', ...inputs }, env);
  return readMainInputs().aws!;
}

describe('refuseLocalOnlyAwsInputs', () => {
  it('lets plain AWS inputs through to the broker', async () => {
    const inputs = await awsInputs({});
    expect(() => refuseLocalOnlyAwsInputs(inputs)).not.toThrow();
  });

  it.each([
    [{ 'aws-renew-credentials': 'true' }, 'aws-renew-credentials'],
    [{ 'aws-profile': 'deploy' }, 'aws-profile'],
    [{ 'chain-to-role': 'arn:aws:iam::111122223333:role/target' }, 'chain-to-role'],
    [{ 'web-identity-token-file': '/var/run/token' }, 'web-identity-token-file'],
  ])('refuses %j, which only the step itself could honour', async (given, name) => {
    const inputs = await awsInputs(given);
    const error = thrown(() => refuseLocalOnlyAwsInputs(inputs));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(`The input \`${name}\` is not used with \`broker-url\`: the broker mints every session itself.`);
  });
});

describe('unsetCurrentAwsCredentials', () => {
  it('clears what earlier steps left, for this step and the later ones, and leaves other variables alone', async () => {
    context = await actionContext({}, { AWS_ACCESS_KEY_ID: 'AKIAEARLIER', AWS_SESSION_TOKEN: 'earlier', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' });
    unsetCurrentAwsCredentials();
    expect(process.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(process.env.AWS_SESSION_TOKEN).toBeUndefined();
    expect(process.env.AWS_ENDPOINT_URL_STS).toBe('http://127.0.0.1:1');
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_SESSION_TOKEN: '' });
    expect(context.stdout()).toContain('AWS: cleared AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN, left by earlier steps (unset-current-credentials).');
  });
});
