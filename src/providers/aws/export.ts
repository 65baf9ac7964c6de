import type { AwsIssuedCredential } from '../issued-credential.ts';
import type { AwsSession } from './exchange.ts';

/** The variables the AWS CLI and SDKs read credentials and region from. */
export function awsEnvironment(session: AwsSession): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_REGION: session.region,
    AWS_DEFAULT_REGION: session.region,
  };
}

/**
 * Every value to mask before anything is printed: the credential's three parts (the key id is half of
 * the signing pair) and, unless the user opts out, the account id.
 */
export function awsSecretValues(session: AwsSession, options: { maskAccountId: boolean }): string[] {
  const values = [session.accessKeyId, session.secretAccessKey, session.sessionToken];
  return options.maskAccountId ? [...values, session.accountId] : values;
}

/**
 * An ARN as it may appear in reports: the runner masks secrets in logs but a report written elsewhere
 * (the job summary, a CLI's output) must drop the account id itself when it is treated as a secret.
 */
export function displayArn(arn: string, options: { maskAccountId: boolean }): string {
  return options.maskAccountId ? maskAccountIds(arn) : arn;
}

/** Text for such a report with the account id of every ARN in it replaced by `***`. */
export function maskAccountIds(text: string): string {
  return text.replace(/\b(arn:[\w-]+:[\w-]*:[\w-]*:)\d{12}:/g, '$1***:');
}

/** Step outputs, named as aws-actions/configure-aws-credentials names them so workflows can switch. */
export function awsOutputs(session: AwsSession, options: { includeCredentials: boolean }): Record<string, string> {
  const account = { 'aws-account-id': session.accountId };
  if (!options.includeCredentials) return account;
  return {
    ...account,
    'aws-access-key-id': session.accessKeyId,
    'aws-secret-access-key': session.secretAccessKey,
    'aws-session-token': session.sessionToken,
    'aws-expiration': session.expiration.toISOString(),
  };
}

/** What the post step needs to clean up and revoke this session: identities and times, no secrets. */
export function awsCredentialRecord(session: AwsSession, exportedVariables: readonly string[], revocation: { audience: string; revokerRoleArn: string | undefined; tokenFile?: string | undefined }): AwsIssuedCredential {
  return {
    provider: 'aws',
    identity: session.assumedRoleId,
    principal: session.assumedRoleArn,
    role: session.roleArn,
    sessionName: session.sessionName,
    region: session.region,
    audience: revocation.audience,
    revokerRoleArn: revocation.revokerRoleArn,
    ...(revocation.tokenFile !== undefined && { tokenFile: revocation.tokenFile }),
    expiresAt: session.expiration.toISOString(),
    exportedVariables: [...exportedVariables],
    files: [],
  };
}
