import type { Allowed } from '../core/authorize.ts';
import type { TokenSource } from '../oidc/token-source.ts';
import type { PolicySnapshot } from '../policy/sources/snapshot-source.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';

/**
 * What a renewal, run later in the job by the bundled CLI, needs from the main step to decide again as
 * it decided: the issuer its tokens must come from, and the policy exactly as it was read.
 */
export interface RenewalBasis {
  issuer: string;
  policy: PolicySnapshot;
}

/** What the main step hands each cloud's issuance, beside that cloud's inputs. */
export interface IssueContext {
  tokens: TokenSource;
  authorization: Allowed;
  /** Records a credential for the post step; called before anything of it is exported. */
  remember: (record: IssuedCredential) => void;
  renewal: RenewalBasis;
}
