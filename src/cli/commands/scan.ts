import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import packageJson from '../../../package.json' with { type: 'json' };
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { SEVERITY_ORDER, type Severity } from '../../scan/findings.ts';
import { scanJson } from '../../scan/formats/json.ts';
import { scanSarif } from '../../scan/formats/sarif.ts';
import { scanTable } from '../../scan/formats/table.ts';
import { planMigration, planSummary, writePlan } from '../../scan/plan/plan.ts';
import { readRepositoryIds, scanGitHubOrg } from '../../scan/github-org.ts';
import type { RepositoryScan } from '../../scan/scan-result.ts';
import { scanPaths } from '../../scan/scan.ts';
import { allFindings, summarize } from '../../scan/summary.ts';
import { Exit, runCommand, writeJson, type ExitCode } from '../cli-output.ts';

export type ScanFormat = 'text' | 'json' | 'sarif';

export interface ScanOptions {
  format: ScanFormat;
  failOn: Severity | 'never';
  plan?: string | undefined;
  repositoryId?: string | undefined;
  ownerId?: string | undefined;
  repository?: string | undefined;
  map?: string[] | undefined;
  githubOrg?: string | undefined;
  githubTokenEnv: string;
  githubApiUrl?: string | undefined;
  maxRepositories: string;
}

/** `scan PATH…`: 0 when no finding is at or above --fail-on, 1 when one is, 2 on invalid input. */
export function scan(paths: readonly string[], options: ScanOptions): Promise<ExitCode> {
  return runCommand(options.format === 'text' ? 'text' : 'json', () => Exit.Usage, async () => {
    const map = parseMap(options.map ?? []);
    for (const [flag, id] of [['--repository-id', options.repositoryId], ['--owner-id', options.ownerId]] as const) {
      if (id !== undefined && !/^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
        throw new BrokerError(ErrorCode.InputInvalid, `${flag} must be a numeric id or a UUID, not ${JSON.stringify(id)}.`, {
          hint: 'GitHub and GitLab ids are numeric (GitHub shows them at https://api.github.com/repos/OWNER/REPO); CircleCI and Buildkite ids are UUIDs, in the project or organization settings.',
        });
      }
    }
    if (options.repository !== undefined && !GITHUB_NAME.test(options.repository)) throw new BrokerError(ErrorCode.InputInvalid, `--repository must be OWNER/REPO, not ${JSON.stringify(options.repository)}.`, { hint: 'For example --repository acme/app.' });
    const scans = options.githubOrg === undefined ? await scanPaths(paths.length > 0 ? paths : ['.']) : await scanOrg(options.githubOrg, paths, options);
    const findings = allFindings(scans);
    if (options.plan !== undefined && options.githubOrg === undefined) await readIdsFromGitHub(scans, options);
    const plan = options.plan === undefined ? undefined : await planMigration(scans, { repositoryId: options.repositoryId, ownerId: options.ownerId, repository: options.repository, map });
    if (plan) await writePlan(plan, options.plan!);
    if (options.format === 'json') writeJson({ ...(scanJson(scans) as object), ...(plan ? { plan: { dir: options.plan, jobs: plan.jobs.map(({ policy: _policy, ...job }) => job), unplanned: plan.unplanned, migrated: plan.migrated, deletableSecrets: plan.deletableSecrets } } : {}) });
    else if (options.format === 'sarif') writeJson(scanSarif(findings, packageJson.version));
    else process.stdout.write(`${scanTable(findings, summarize(scans))}${plan ? `\nThe plan is in ${options.plan}:\n\n${planSummary(plan)}` : ''}`);
    const failing = options.failOn !== 'never' && findings.some((found) => SEVERITY_ORDER[found.severity] <= SEVERITY_ORDER[options.failOn as Severity]);
    return failing ? Exit.Refused : Exit.Ok;
  });
}

function parseMap(pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+|[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com)$/.exec(pair);
    if (!match) throw new BrokerError(ErrorCode.InputInvalid, `--map ${pair} is not SECRET_NAME=ROLE_ARN or SECRET_NAME=SERVICE_ACCOUNT_EMAIL.`, { hint: 'For example --map AWS_SECRET_ACCESS_KEY=arn:aws:iam::111122223333:role/deploy.' });
    map.set(match[1]!, match[2]!);
  }
  return map;
}

const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * With a token at hand, the plan of a checkout binds GitHub's ids, read through the API for the
 * repository named by --repository or by the checkout's git remote. Without one, or without a name,
 * the ids given (or TODO) are used, and the reason is said.
 */
async function readIdsFromGitHub(scans: RepositoryScan[], options: ScanOptions): Promise<void> {
  const token = process.env[options.githubTokenEnv];
  if (!token || (options.repositoryId !== undefined && options.ownerId !== undefined)) return;
  if (options.repository !== undefined && scans.length > 1) throw new BrokerError(ErrorCode.InputInvalid, '--repository names one repository, and scan was given several folders.', { hint: 'Plan one checkout at a time with --repository, or leave it out so that each folder’s git remote names it.' });
  const apiUrl = options.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  // GitHub's own host, or a GitHub Enterprise Server's, whose API is https://HOST/api/v3.
  const hosts = new Set(['github.com', new URL(apiUrl).hostname.replace(/^api\./, '')]);
  for (const scan of scans) {
    // Only GitHub Actions rules bind GitHub's ids, and only CircleCI's name the repository.
    if (!scan.jobs.some((job) => job.clouds.size > 0 && (job.system === 'github-actions' || job.system === 'circleci'))) continue;
    const name = options.repository ?? (await gitRemoteRepository(scan.repository, hosts));
    if (name === undefined) {
      process.stderr.write(`Note: ${scan.repository} has no GitHub remote named origin, so the plan's ids there are TODO: give --repository OWNER/REPO.\n`);
      continue;
    }
    scan.github = await readRepositoryIds(apiUrl, token, name);
  }
}

/** OWNER/REPO from a checkout's `origin` remote (https or ssh) on a GitHub host, when it has one. */
async function gitRemoteRepository(dir: string, hosts: ReadonlySet<string>): Promise<string | undefined> {
  let url: string;
  try {
    url = (await promisify(execFile)('git', ['-C', dir, 'config', '--get', 'remote.origin.url'], { timeout: 10_000 })).stdout.trim();
  } catch {
    return undefined;
  }
  // https://HOST/OWNER/REPO(.git), ssh://git@HOST/OWNER/REPO, or git@HOST:OWNER/REPO.
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  const name = match ? `${match[2]}/${match[3]}` : undefined;
  return match && hosts.has(match[1]!.toLowerCase()) && GITHUB_NAME.test(name!) ? name : undefined;
}

async function scanOrg(org: string, paths: readonly string[], options: ScanOptions): Promise<RepositoryScan[]> {
  const usage = (message: string, hint: string): BrokerError => new BrokerError(ErrorCode.InputInvalid, message, { hint });
  if (paths.length > 0) throw usage('scan reads folders or --github-org, not both.', 'Run it once for the folders and once for the organisation.');
  const token = process.env[options.githubTokenEnv];
  if (!token) throw usage(`--github-org needs a token in $${options.githubTokenEnv}.`, 'Give a token that can read the repositories (contents: read), or name its variable with --github-token-env.');
  const max = Number(options.maxRepositories);
  if (!Number.isInteger(max) || max < 1) throw usage(`--max-repositories must be a positive whole number, not ${JSON.stringify(options.maxRepositories)}.`, 'For example --max-repositories 500.');
  // Progress goes to a terminal only: in a pipeline's log, a line per repository would bury the findings.
  const progress = process.stderr.isTTY ? (done: number, total: number, repository: string) => process.stderr.write(`\r\x1b[Kscanned ${done}/${total}: ${repository}${done === total ? '\n' : ''}`) : undefined;
  const apiUrl = options.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const { scans, truncated } = await scanGitHubOrg({ org, apiUrl, token, maxRepositories: max, progress });
  if (truncated) process.stderr.write(`Note: ${org} has more repositories; only the first ${max} were read (--max-repositories).\n`);
  return scans;
}
