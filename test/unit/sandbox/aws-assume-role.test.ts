// AssumeRole signed by a role session, as the broker calls it: who the target's trust policy names, and
// what the caller's own account must then allow, as IAM decides within one account.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { AwsEmulator } from '../../../src/sandbox/aws/aws-emulator.ts';
import { awsError, clientsFor } from './aws-fixture.ts';

let aws: AwsEmulator;
const arn = (name: string) => `arn:aws:iam::${aws.accountId}:role/${name}`;

beforeAll(async () => {
  aws = await AwsEmulator.start();
  const canAssume = { 'assume-targets': { Statement: [{ Effect: 'Allow' as const, Action: 'sts:AssumeRole', Resource: arn('*') }] } };
  aws.putRole({ name: 'broker', trustPolicy: { Statement: [] } });
  aws.putRole({ name: 'permitted', trustPolicy: { Statement: [] }, permissions: canAssume });
  aws.putRole({ name: 'bystander', trustPolicy: { Statement: [] } });
  aws.putRole({ name: 'names-broker', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: arn('broker') }, Action: 'sts:AssumeRole' }] } });
  aws.putRole({ name: 'names-account', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${aws.accountId}:root` }, Action: 'sts:AssumeRole' }] } });
});
afterAll(async () => {
  await aws.close();
});

async function assumeAs(caller: string, target: string): Promise<string> {
  const own = aws.issueRoleCredentials(caller);
  const { sts, iam } = clientsFor(aws.url, { AccessKeyId: own.accessKeyId, SecretAccessKey: own.secretAccessKey, SessionToken: own.sessionToken });
  try {
    const answer = await sts.send(new AssumeRoleCommand({ RoleArn: arn(target), RoleSessionName: 'principal-test' }));
    return answer.AssumedRoleUser!.Arn!;
  } catch (error) {
    return (await awsError(Promise.reject(error))).name;
  } finally {
    sts.destroy();
    iam.destroy();
  }
}

describe('AssumeRole and the trust policy’s AWS principal', () => {
  it('admits the role the trust policy names, needing no permission of its own', async () => {
    expect(await assumeAs('broker', 'names-broker')).toBe(`arn:aws:sts::${aws.accountId}:assumed-role/names-broker/principal-test`);
  });

  it('refuses any other role of the account when the trust policy names one role', async () => {
    expect(await assumeAs('permitted', 'names-broker')).toBe('AccessDenied');
  });

  it('leaves a trust policy naming the account to the caller’s own permissions', async () => {
    expect(await assumeAs('permitted', 'names-account')).toBe(`arn:aws:sts::${aws.accountId}:assumed-role/names-account/principal-test`);
    expect(await assumeAs('bystander', 'names-account')).toBe('AccessDenied');
  });
});
