import { createHash } from 'node:crypto';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';

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
// Room always left for the repository, so a long job id can't push it out entirely.
const MIN_REPOSITORY_LENGTH = 16;

/**
 * A session name unique to one job: `<owner>.<repo>@<run id>-<attempt>-<job>`. It shows in CloudTrail
 * and in the assumed-role ARN, so it stays readable; when it is too long the repository is shortened
 * first, and whatever is shortened keeps a hash of its full text so distinct jobs keep distinct names.
 */
export function defaultSessionName({ repository, runId, runAttempt, job }: JobIdentity): string {
  const repositoryPart = sanitise(repository.replace('/', '.'));
  const run = shorten(`@${sanitise(runId)}-${sanitise(runAttempt)}-${sanitise(job)}`, MAX_LENGTH - Math.min(repositoryPart.length, MIN_REPOSITORY_LENGTH));
  return shorten(repositoryPart, MAX_LENGTH - run.length) + run;
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
