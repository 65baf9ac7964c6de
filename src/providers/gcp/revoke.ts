import type { GcpIssuedCredential, RevocationResult } from '../issued-credential.ts';

/**
 * The post step's hook for one Google credential. Google documents that neither a service account's
 * short-lived access token nor a federated STS token can be revoked, so the honest outcome is
 * "cleared only": the files are gone, and the token itself lives out its (short) lifetime.
 */
export function revokeGcpCredential(record: GcpIssuedCredential): RevocationResult {
  const holder = record.serviceAccount ?? 'the federated principal';
  return {
    status: 'not-revocable',
    detail: `Google cannot revoke access tokens, so the token for ${holder} stays valid until it expires at ${record.expiresAt}; its credentials files are deleted.`,
  };
}
