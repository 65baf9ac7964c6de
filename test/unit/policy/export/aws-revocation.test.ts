import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DeleteRolePolicyCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { exportAwsRevocation } from '../../../../src/policy/export/aws-revocation.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { revokeAwsCredential } from '../../../../src/providers/aws/revoke.ts';
import type { RoleDefinition } from '../../../../src/sandbox/aws/aws-emulator.ts';
import type { PolicyDocument } from '../../../../src/sandbox/aws/iam-policy.ts';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.ts';
import { awsCredentialRecord } from '../../../helpers/issued-credential.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const TARGET = 'arn:aws:iam::111122223333:role/release';
const REVOKER = 'arn:aws:iam::111122223333:role/release-revoker';

function policyFor(issuer: string, revokeRole = `\n        revoke-role: ${REVOKER}`): string {
  return `version: 1
issuers: ["${issuer}"]
audiences: [sts.amazonaws.com]
rules:
  - name: release
    # The sandbox's issuer is not one AWS evaluates GitHub's claims for, so the rule binds the subject.
    match: {sub: "repo:octo-org/app:environment:production"}
    grant:
      aws:
        roles: [${TARGET}]${revokeRole}
`;
}

let sandbox: Sandbox;
let exported: ReturnType<typeof exportAwsRevocation>;

// The sandbox runs exactly what the export prints: the roles, their trust, the boundary and the revoker's rights.
beforeAll(async () => {
  const documents: { current?: ReturnType<typeof exportAwsRevocation> } = {};
  sandbox = await startSandbox({
    roles: (provider) => {
      const policy = parsePolicy(policyFor(provider.arn.replace(/^.*oidc-provider\//, 'http://')), 'policy.yml');
      documents.current = exportAwsRevocation(policy);
      const { target, revoker } = documents.current;
      const roles: RoleDefinition[] = [
        {
          name: 'release',
          trustPolicy: target.trustPolicy as unknown as PolicyDocument,
          permissions: { work: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] } },
          permissionsBoundary: 'arn:aws:iam::111122223333:policy/release-boundary',
        },
        { name: 'release-revoker', trustPolicy: revoker.trustPolicy as unknown as PolicyDocument, permissions: { revoke: revoker.permissions as unknown as PolicyDocument } },
      ];
      return roles;
    },
    // The boundary does not depend on the issuer, so it can be exported before the sandbox starts.
    managedPolicies: { 'release-boundary': exportAwsRevocation(parsePolicy(policyFor('https://token.actions.githubusercontent.com'), 'policy.yml')).target.permissionsBoundary as unknown as PolicyDocument },
  });
  exported = documents.current!;
  // The revoker's STS and IAM clients find the sandbox as any SDK client would.
  process.env.AWS_ENDPOINT_URL_STS = sandbox.aws.url;
  process.env.AWS_ENDPOINT_URL_IAM = sandbox.aws.url;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_STS;
  delete process.env.AWS_ENDPOINT_URL_IAM;
  await sandbox.close();
});

async function assume(roleArn: string, sessionName: string) {
  const sts = new STSClient({ region: 'us-east-1', endpoint: sandbox.aws.url, maxAttempts: 1 });
  const out = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: sessionName, WebIdentityToken: await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }) }));
  return { credentials: out.Credentials!, assumedRoleId: out.AssumedRoleUser!.AssumedRoleId!, expiration: out.Credentials!.Expiration! };
}

function iam(credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint: sandbox.aws.url, maxAttempts: 1, credentials: { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken! } });
}

describe('exportAwsRevocation', () => {
  it('names the target and the revoker roles, and grants the revoker only the IAM actions revocation uses, on the target alone', () => {
    expect(exported.target.roleArn).toBe(TARGET);
    expect(exported.revoker.roleArn).toBe(REVOKER);
    expect(exported.revoker.permissions.Statement).toEqual([
      { Sid: 'DenySessionsOfOneRole', Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: TARGET },
    ]);
    expect(exported.notes.join('\n')).toContain('placeholder');
  });

  it('makes the target role admit only per-job session names', async () => {
    await expect(assume(TARGET, 'octo-org.app@42-1-deploy')).resolves.toBeDefined();
    await expect(assume(TARGET, 'anything-goes')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('lets the revoker deny one session of the target, which then fails while another keeps working', async () => {
    const victim = await assume(TARGET, 'octo-org.app@100-1-deploy');
    const bystander = await assume(TARGET, 'octo-org.app@101-1-deploy');
    const result = await revokeAwsCredential(
      awsCredentialRecord({ identity: victim.assumedRoleId, role: TARGET, sessionName: 'octo-org.app@100-1-deploy', expiresAt: victim.expiration.toISOString(), revokerRoleArn: REVOKER }),
      { getToken: () => sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }) },
    );
    expect(result).toMatchObject({ status: 'revoked' });
    expect(result.detail).not.toContain('Warning');
    await expect(iam(victim.credentials).send(new GetRoleCommand({ RoleName: 'release' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(iam(bystander.credentials).send(new GetRoleCommand({ RoleName: 'release' }))).resolves.toBeDefined();
  });

  it('keeps the target’s own sessions from deleting a denial, through the boundary', async () => {
    const session = await assume(TARGET, 'octo-org.app@102-1-deploy');
    await expect(iam(session.credentials).send(new DeleteRolePolicyCommand({ RoleName: 'release', PolicyName: 'ci-oidc-broker-deny-anything' }))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses as the trust-policy export does, and with allowBroader carries its widenings', () => {
    const broader = parsePolicy(policyFor('https://token.actions.githubusercontent.com').replace('match: {sub:', 'match: {runner_environment: github-hosted, sub:'), 'policy.yml');
    expect(thrown(() => exportAwsRevocation(broader)).code).toBe(ErrorCode.ExportInexact);
    expect(exportAwsRevocation(broader, { allowBroader: true }).widenings.map((widening) => widening.claims)).toEqual([['runner_environment']]);
  });

  it('asks for a revoker when no rule names one', () => {
    const error = thrown(() => exportAwsRevocation(parsePolicy(policyFor('https://token.actions.githubusercontent.com', ''), 'policy.yml')));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`No rule that grants ${TARGET} names a revoke-role.`);
    expect(exportAwsRevocation(parsePolicy(policyFor('https://token.actions.githubusercontent.com', ''), 'policy.yml'), { revokeRole: REVOKER }).revoker.roleArn).toBe(REVOKER);
  });
});
