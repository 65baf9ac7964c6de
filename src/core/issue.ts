import type { VerifiedClaims } from '../oidc/verify.ts';
import type { AwsSession } from '../providers/aws/exchange.ts';
import type { GcpSession } from '../providers/gcp/exchange.ts';
import type { AwsGrant, GcpGrant } from './authorize.ts';

/** One AWS session to mint, exactly as granted. */
export interface AwsMintRequest {
  roleArn: string;
  durationSeconds: number;
  sessionName: string;
  sessionPolicy: string | undefined;
  managedSessionPolicyArns: readonly string[];
  /** The verified claims the session is for: its subject for messages, its tags when the minter sets them. */
  claims: VerifiedClaims;
}

/** One Google access token to mint, exactly as granted. */
export interface GcpMintRequest {
  workloadIdentityProvider: string;
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  scopes: readonly string[];
  claims: VerifiedClaims;
}

/**
 * Who mints: the job's own token through web identity federation (the action and the CLI), or the
 * broker's own identity (the service). The grant is the same either way; only the caller differs.
 */
export interface CredentialMinter {
  aws(request: AwsMintRequest): Promise<AwsSession>;
  gcp(request: GcpMintRequest): Promise<GcpSession>;
}

/** The AWS session the grant allows, under the session name the shell chose. */
export function issueAws(grant: AwsGrant, claims: VerifiedClaims, sessionName: string, minter: CredentialMinter): Promise<AwsSession> {
  return minter.aws({
    roleArn: grant.roleArn,
    durationSeconds: grant.durationSeconds,
    sessionName,
    sessionPolicy: grant.sessionPolicy,
    managedSessionPolicyArns: grant.managedSessionPolicyArns,
    claims,
  });
}

/** The Google access token the grant allows. */
export function issueGcp(grant: GcpGrant, claims: VerifiedClaims, minter: CredentialMinter): Promise<GcpSession> {
  return minter.gcp({
    workloadIdentityProvider: grant.workloadIdentityProvider,
    serviceAccount: grant.serviceAccount,
    lifetimeSeconds: grant.lifetimeSeconds,
    scopes: grant.scopes,
    claims,
  });
}
