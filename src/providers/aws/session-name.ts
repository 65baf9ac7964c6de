import { createHash } from 'node:crypto';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { ciSystemOf, type CiSystem } from '../../oidc/ci-systems.ts';

/** What identifies one job of one CI run: on GitHub, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT and GITHUB_JOB. */
export interface JobIdentity {
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
}

// STS's RoleSessionName constraint.
const MIN_LENGTH = 2;
const MAX_LENGTH = 64;
const SESSION_NAME_DISALLOWED = /[^\w+=,.@-]/;
// Every character STS allows except '@', which the default name reserves to separate the repository from the run.
const PART_DISALLOWED = /[^\w+=,.-]/g;
const HASH_LENGTH = 8;
// Room always left for the project, so long run and job ids can't push it out entirely.
const MIN_PROJECT_LENGTH = 16;

/** A GitHub job's session name: `<owner>.<repo>@<run id>-<attempt>-<job>`. */
export function defaultSessionName({ repository, runId, runAttempt, job }: JobIdentity): string {
  return sessionName(repository, [runId, runAttempt, job]);
}

/**
 * The session name of a job of any CI system, from the identifiers of its project and of its run that
 * the system's own token carries: `octo-group.app@<pipeline>-<job>` on GitLab, for example. A token from
 * an issuer the broker does not know, or without those claims, is named by its subject and issue time.
 * `system` is the CI system the caller knows the token comes from (a CLI preset), if any.
 */
export function sessionNameForToken(claims: Readonly<Record<string, unknown>>, system: CiSystem | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const claim = (name: string): string | undefined => (typeof claims[name] === 'string' || typeof claims[name] === 'number' ? String(claims[name]) : undefined);
  const issuedAt = claim('iat') ?? String(Math.floor(Date.now() / 1000));
  const [project, ...run] = ciIdentifiers(claim, system ?? ciSystemOf(String(claims.iss))?.system, env, issuedAt) ?? [claim('sub') ?? 'unknown-subject', issuedAt];
  return sessionName(project!, run);
}

/** A CI system's project, then what identifies the run and the job; undefined when a claim is missing. */
function ciIdentifiers(claim: (name: string) => string | undefined, system: CiSystem | undefined, env: NodeJS.ProcessEnv, issuedAt: string): string[] | undefined {
  const all = (...parts: Array<string | undefined>): string[] | undefined => (parts.every((part) => part !== undefined) ? (parts as string[]) : undefined);
  switch (system) {
    case 'github-actions':
      // The token does not name the job; the runner's environment does.
      return all(claim('repository'), claim('run_id'), claim('run_attempt'), env.GITHUB_JOB ?? 'cli');
    case 'gitlab':
      return all(claim('project_path'), claim('pipeline_id'), claim('job_id'));
    case 'circleci':
      // The token names no build; the job's environment does, and without it the issue time keeps jobs apart.
      return all(claim('oidc.circleci.com/vcs-origin')?.replace(/^[^/]+\//, ''), env.CIRCLE_BUILD_NUM ?? issuedAt);
    case 'buildkite': {
      const [organization, pipeline] = [claim('organization_slug'), claim('pipeline_slug')];
      return all(organization !== undefined && pipeline !== undefined ? `${organization}/${pipeline}` : undefined, claim('build_number'), claim('job_id'));
    }
    case undefined:
      return undefined;
  }
}

/**
 * `<project>@<run parts, joined by ->`, with the project's `/` as `.`. It shows in CloudTrail and in the
 * assumed-role ARN, so it stays readable; when it is too long the project is shortened first, and
 * whatever is shortened keeps a hash of its full text so distinct jobs keep distinct names.
 */
function sessionName(project: string, run: readonly string[]): string {
  const projectPart = sanitise(project.replaceAll('/', '.'));
  const runPart = shorten(`@${run.map(sanitise).join('-')}`, MAX_LENGTH - Math.min(projectPart.length, MIN_PROJECT_LENGTH));
  return shorten(projectPart, MAX_LENGTH - runPart.length) + runPart;
}

/** Checks a session name the user chose against STS's rule, so a typo fails before any token is sent. */
export function validateSessionName(name: string): void {
  const problem = sessionNameProblem(name);
  if (problem === undefined) return;
  throw new BrokerError(ErrorCode.InputInvalid, `The role session name ${JSON.stringify(name)} ${problem}.`, {
    hint: `AWS STS accepts ${MIN_LENGTH} to ${MAX_LENGTH} characters, each a letter, a digit or one of _ + = , . @ -. Leave role-session-name unset to get one derived from the job.`,
  });
}

function sessionNameProblem(name: string): string | undefined {
  if (name.length < MIN_LENGTH || name.length > MAX_LENGTH) return `is ${name.length} characters long`;
  const disallowed = SESSION_NAME_DISALLOWED.exec(name)?.[0];
  return disallowed === undefined ? undefined : `contains ${JSON.stringify(disallowed)}, which STS does not allow`;
}

function sanitise(text: string): string {
  return text.replace(PART_DISALLOWED, '_');
}

/** Cuts `text` to `maxLength` (at least HASH_LENGTH + 1), replacing its end by `+` and a hash of all of it. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
  return `${text.slice(0, maxLength - HASH_LENGTH - 1)}+${hash}`;
}
