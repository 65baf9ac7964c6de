import type { AwsIssuedCredential, GcpIssuedCredential } from '../../src/providers/issued-credential.ts';

/** A plausible record of one AWS session, as the main step saves it; tests change what they test. */
export function awsCredentialRecord(overrides: Partial<AwsIssuedCredential> = {}): AwsIssuedCredential {
  return {
    provider: 'aws',
    identity: 'AROAEXAMPLE:octo-org.app@42-1-deploy',
    principal: 'arn:aws:sts::111122223333:assumed-role/deploy/octo-org.app@42-1-deploy',
    role: 'arn:aws:iam::111122223333:role/deploy',
    sessionName: 'octo-org.app@42-1-deploy',
    region: 'us-east-1',
    audience: 'sts.amazonaws.com',
    revokerRoleArn: undefined,
    expiresAt: '2030-01-01T00:15:00.000Z',
    exportedVariables: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
    files: [],
    ...overrides,
  };
}

/** A plausible record of one Google token and its credentials folder. */
export function gcpCredentialRecord(overrides: Partial<GcpIssuedCredential> = {}): GcpIssuedCredential {
  return {
    provider: 'gcp',
    identity: 'deploy@my-project.iam.gserviceaccount.com',
    workloadIdentityProvider: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/octo-org',
    serviceAccount: 'deploy@my-project.iam.gserviceaccount.com',
    expiresAt: '2030-01-01T00:10:00.000Z',
    exportedVariables: ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE'],
    files: [],
    ...overrides,
  };
}
