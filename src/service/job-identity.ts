import { ciSystemsFor, type CiSystem } from '../oidc/ci-systems.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';

/** Who a token speaks for, as the inventory files it and the rate limits count it. */
export interface JobIdentity {
  /** The CI system whose claims the token carries; undefined for an issuer the broker does not model. */
  system: CiSystem | undefined;
  /** The repository or project: an immutable id where the CI system has one. */
  repositoryId: string;
  /** Its owner: organisation, group or namespace. */
  ownerId: string;
  /** One run of one pipeline (and its attempt), or undefined when the token does not say. */
  run: string | undefined;
  /** One job of that run (GitHub's check_run_id, GitLab's and Buildkite's job_id), or undefined when the token does not say. */
  job: string | undefined;
  /** Claims worth a session tag, by their own names, for attribute-based access. */
  tagClaims: Record<string, string>;
}

interface Profile {
  repository: string;
  /** Undefined where the owner shows only in the subject (CircleCI's `org/ORG_ID/…`). */
  owner: string | undefined;
  /** The claims whose values, joined, name one run; all must be present. */
  run: readonly string[];
  /** The claim that names one job of the run, where the CI system has one. */
  job: string | undefined;
  tags: readonly string[];
}

// Ids, not names: a name can be re-registered by someone else, an id cannot.
const PROFILES: Record<CiSystem, Profile> = {
  'github-actions': {
    repository: 'repository_id',
    owner: 'repository_owner_id',
    run: ['run_id', 'run_attempt'],
    // Newer than the other claims: tokens from older GitHub Enterprise Server versions may lack it.
    job: 'check_run_id',
    tags: ['repository_id', 'repository_owner_id', 'ref', 'environment', 'job_workflow_ref', 'event_name'],
  },
  gitlab: { repository: 'project_id', owner: 'namespace_id', run: ['pipeline_id'], job: 'job_id', tags: ['project_id', 'namespace_id', 'ref', 'environment', 'ci_config_ref_uri', 'pipeline_source'] },
  circleci: { repository: 'oidc.circleci.com/project-id', owner: undefined, run: [], job: undefined, tags: ['oidc.circleci.com/project-id', 'oidc.circleci.com/vcs-ref'] },
  buildkite: { repository: 'pipeline_id', owner: 'organization_id', run: ['build_number'], job: 'job_id', tags: ['pipeline_id', 'organization_id', 'build_branch', 'build_source'] },
};

export function jobIdentityOf(claims: VerifiedClaims): JobIdentity {
  // A loopback issuer (the sandbox) may stand in for any CI system: the one whose claims the token carries.
  const system = ciSystemsFor(claims.iss).find((candidate) => claims[PROFILES[candidate.system].repository] !== undefined)?.system;
  const profile: Profile = system ? PROFILES[system] : { repository: 'sub', owner: undefined, run: [], job: undefined, tags: [] };
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const runParts = profile.run.map(text);
  const ownerFromSubject = /^org\/([^/]+)\//.exec(claims.sub)?.[1];
  return {
    system,
    // An issuer the broker does not model still gets an identity: its subject, under the issuer.
    repositoryId: text(profile.repository) ?? claims.sub,
    ownerId: (profile.owner && text(profile.owner)) ?? ownerFromSubject ?? claims.iss,
    run: profile.run.length > 0 && runParts.every((part) => part !== undefined) ? runParts.join('/') : undefined,
    job: profile.job && text(profile.job),
    tagClaims: Object.fromEntries(profile.tags.flatMap((name) => (text(name) === undefined ? [] : [[name, text(name)!]]))),
  };
}

/**
 * The session tags that carry the repository and owner ids of an issuer's sessions: one pair for each
 * CI system the issuer may be (a loopback issuer may be any). `owner` is undefined where no claim, so no
 * tag, carries it.
 */
export function identityTagKeys(issuer: string): Array<{ repository: string; owner: string | undefined }> {
  return ciSystemsFor(issuer).map(({ system }) => ({ repository: PROFILES[system].repository, owner: PROFILES[system].owner }));
}

/** The claims whose values the broker writes as session tags (under their own names) for an issuer's jobs. */
export function taggedClaims(issuer: string): string[] {
  return [...new Set(ciSystemsFor(issuer).flatMap(({ system }) => PROFILES[system].tags))];
}
