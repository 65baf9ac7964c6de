/**
 * What the post step needs to know about one issued credential. The main step saves these records in
 * the action's state, so they must never hold a secret: identities, names, times and paths only.
 */
interface IssuedCredentialBase {
  /** The credential's own identity: for AWS the AssumedRoleId (`AROA…:session-name`), for Google the service account or federated principal. */
  identity: string;
  /** ISO 8601 instant after which the credential no longer works. */
  expiresAt: string;
  /** Environment variables the main step exported, to be cleared. */
  exportedVariables: string[];
  /** Files and folders the main step wrote, to be deleted. */
  files: string[];
}

export interface AwsIssuedCredential extends IssuedCredentialBase {
  provider: 'aws';
  /** The assumed-role ARN that holds the credential. */
  principal: string;
  /** The role the session acts as. */
  role: string;
  sessionName: string;
  region: string;
  /** The OIDC audience the session's token had; the post step asks for the revoker's token with it. */
  audience: string;
  /** The role allowed to deny this session; undefined when none is configured. */
  revokerRoleArn: string | undefined;
  /** Where the post step gets the revoker's token when it is not the runner's (web-identity-token-file). */
  tokenFile?: string | undefined;
  /** Set when a renewing profile keeps minting sessions of this role: the post step closes it first. */
  renewal?: AwsRenewalRecord | undefined;
}

/** A renewing profile, as the post step finds it: paths and a name, no secret. */
export interface AwsRenewalRecord {
  /** The ledger every renewal appends its session to; closing it stops the renewals. */
  ledger: string;
  /** The shared config file that holds the profile, and the profile's name in it. */
  configFile: string;
  profile: string;
}

export interface GcpIssuedCredential extends IssuedCredentialBase {
  provider: 'gcp';
  workloadIdentityProvider: string;
  /** Undefined when the job holds the federated token itself. */
  serviceAccount: string | undefined;
}

export type IssuedCredential = AwsIssuedCredential | GcpIssuedCredential;

/** What a provider could do about an issued credential at job end. */
export type RevocationStatus = 'revoked' | 'not-revocable' | 'failed';

export interface RevocationResult {
  status: RevocationStatus;
  /** One sentence for the job summary and the log. Never a secret. */
  detail: string;
}
