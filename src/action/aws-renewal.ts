// AWS credentials that renew themselves. The main step writes a shared config profile whose
// credential_process runs this action's own bundled CLI; every run of it asks for a fresh OIDC token,
// verifies it, decides by the very policy the main step read, assumes the role again and records the
// session in a ledger. The post step closes the ledger (no renewal after that), denies every session in
// it, and deletes the profile. No secret is written: the profile holds a command, the folder holds
// names, paths and the policy's text.
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { authorizeToken, type AwsGrantRequest } from '../core/authorize.ts';
import { issueAws } from '../core/issue.ts';
import { webIdentityMinter } from '../core/web-identity-minter.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { renewalTokenRequestFromEnv, requestRunnerToken } from '../oidc/request-token.ts';
import { readWebIdentityTokenFile } from '../oidc/token-source.ts';
import { chooseChainedRole } from '../policy/aws-grant.ts';
import { loadPolicy } from '../policy/load.ts';
import { snapshotSource, type PolicySnapshot } from '../policy/sources/snapshot-source.ts';
import { assumeChainedRole } from '../providers/aws/chain.ts';
import type { AwsSession } from '../providers/aws/exchange.ts';
import type { AwsIssuedCredential, AwsRenewalRecord, IssuedCredential } from '../providers/issued-credential.ts';
import { commandLine, type CliLauncher } from '../util/command-line.ts';
import { sha256 } from '../util/sha256.ts';
import { isWithin } from '../util/within.ts';

/** The profile a renewing step writes when `aws-profile` names none; exported as AWS_PROFILE. */
export const DEFAULT_AWS_PROFILE = 'ci-oidc-broker';

// One folder per job under RUNNER_TEMP: the shared config file, and one folder per step that renews.
const JOB_FOLDER = 'ci-oidc-broker-aws';
const SETTINGS_FILE = 'renewal.json';
const SNAPSHOT_FILE = 'policy-snapshot.json';
const LEDGER_FILE = 'ledger.jsonl';
const CLOSED_SUFFIX = '.closed';

/** What a renewal needs to decide and mint as the main step did. Never a secret. */
export interface RenewalSettings {
  version: 1;
  issuer: string;
  audience: string;
  region: string;
  /** Fresh tokens come from this file; otherwise from the runner of the step that runs the profile. */
  tokenFile: string | undefined;
  /** The policy as the main step read it: every file's text, pinned by the snapshot's SHA-256. */
  policy: { path: string; sha256: string };
  /** The request the main step made, with the role it was granted. */
  request: { role: string; durationSeconds: number; sessionPolicy: string | undefined; managedSessionPolicyArns: string[] };
  chainToRole: string | undefined;
  sessionName: string;
  /** Each role's session identity (AROA…:name) as the main step met it, recorded before each renewal mints. */
  identities: Record<string, { identity: string; principal: string }>;
}

/** One line of the ledger: a session issued, or about to be. Never a secret. */
export interface LedgerEntry {
  event: 'renewing' | 'issued';
  role: string;
  identity: string;
  principal: string;
  sessionName: string;
  /** When the session expires (`issued`), or the latest it could (`renewing`). */
  expiresAt: string;
}

/** Where one step's renewing profile lives. */
export interface RenewingProfilePaths extends AwsRenewalRecord {
  folder: string;
}

/** Makes this step's folder (0700) under RUNNER_TEMP, before anything is written into it or recorded. */
export async function prepareRenewingProfile(runnerTemp: string | undefined, workspace: string | undefined, profile: string): Promise<RenewingProfilePaths> {
  if (!runnerTemp) {
    throw new BrokerError(ErrorCode.InputInvalid, 'RUNNER_TEMP is not set, so the renewing AWS profile has nowhere safe to go.', {
      hint: 'Run the step on a GitHub Actions runner, or leave aws-renew-credentials and aws-profile out to get static keys.',
    });
  }
  const temp = resolve(runnerTemp);
  if (workspace !== undefined && isWithin(resolve(workspace), temp)) {
    throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${runnerTemp}) is inside the workspace, where uploads and builds could pick the profile up.`, {
      hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE, as GitHub’s runners do.',
    });
  }
  const jobFolder = join(temp, JOB_FOLDER);
  await mkdir(jobFolder, { recursive: true, mode: 0o700 });
  const folder = await mkdtemp(join(jobFolder, 'step-'));
  return { folder, configFile: join(jobFolder, 'config'), profile, ledger: join(folder, LEDGER_FILE) };
}

/**
 * Writes the settings, the policy snapshot and the ledger (with the main step's sessions), then puts
 * the profile into the job's shared config file, last: until then no tool can run it.
 */
export async function writeRenewingProfile(
  paths: RenewingProfilePaths,
  content: { settings: Omit<RenewalSettings, 'version' | 'policy'>; policy: PolicySnapshot; sessions: readonly AwsSession[]; cli: CliLauncher },
): Promise<void> {
  const snapshot = JSON.stringify(content.policy);
  const settings: RenewalSettings = { version: 1, ...content.settings, policy: { path: content.policy.path, sha256: sha256(snapshot) } };
  await writeFile(join(paths.folder, SNAPSHOT_FILE), snapshot, { mode: 0o600, flag: 'wx' });
  const settingsFile = join(paths.folder, SETTINGS_FILE);
  await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await writeFile(paths.ledger, content.sessions.map((session) => ledgerLine(issuedEntry(session))).join(''), { mode: 0o600, flag: 'wx' });
  const command = commandLine('aws-credential-process', [content.cli.node, content.cli.script, 'aws-credential-process', '--renewal', settingsFile]);
  await putProfile(paths.configFile, paths.profile, [`credential_process = ${command}`, `region = ${content.settings.region}`]);
}

/**
 * One renewal, as credential_process runs it: the ledger must still be open, the snapshot must be the
 * one pinned, the fresh token must verify and be allowed by the policy; the session is recorded before
 * it is minted, so that a post step closing the ledger at that moment still denies it.
 */
export async function renewAwsSession(settingsFile: string, env: NodeJS.ProcessEnv = process.env): Promise<AwsSession> {
  const folder = dirname(resolve(settingsFile));
  const ledger = join(folder, LEDGER_FILE);
  // The post step closes the ledger before it deletes the folder: either way, nothing is renewed.
  await stat(ledger).catch(() => {
    throw closedError();
  });
  const settings = await readSettings(settingsFile);
  const snapshot = await readFile(join(folder, SNAPSHOT_FILE), 'utf8').catch(() => undefined);
  if (snapshot === undefined || sha256(snapshot) !== settings.policy.sha256) {
    throw new BrokerError(ErrorCode.StateInvalid, 'The policy snapshot of this renewing profile is missing or changed since the main step wrote it.', {
      hint: 'Nothing was renewed. Run the ci-oidc-broker step again to write a fresh profile; nothing else should write under RUNNER_TEMP/ci-oidc-broker-aws.',
    });
  }
  const policy = await loadPolicy(snapshotSource(JSON.parse(snapshot) as PolicySnapshot), settings.policy.path);

  const fetchToken = (): Promise<string> => (settings.tokenFile ? readWebIdentityTokenFile(settings.tokenFile) : requestRunnerToken({ ...renewalTokenRequestFromEnv(env, 'the AWS credentials', 'For those, use static keys: leave aws-renew-credentials out.'), audience: settings.audience }));
  const token = await fetchToken();
  const wanted: AwsGrantRequest = { role: settings.request.role, durationSeconds: settings.request.durationSeconds, sessionPolicy: settings.request.sessionPolicy, managedSessionPolicyArns: settings.request.managedSessionPolicyArns };
  const authorization = await authorizeToken(token, { issuer: settings.issuer, audience: settings.audience, policy, wanted: { aws: wanted } });
  if (!authorization.allowed) {
    process.stderr.write(`${authorization.explanation.join('\n')}\n`);
    throw authorization.error;
  }
  const grant = authorization.grants.aws!;
  const chainTo = settings.chainToRole === undefined ? undefined : chooseChainedRole(authorization.rule, settings.chainToRole);

  const latest = new Date(Date.now() + grant.durationSeconds * 1000).toISOString();
  const intents = [grant.roleArn, ...(chainTo ? [chainTo] : [])].flatMap((role) => {
    const known = settings.identities[role];
    return known ? [{ event: 'renewing' as const, role, ...known, sessionName: settings.sessionName, expiresAt: latest }] : [];
  });
  await appendToOpenLedger(ledger, intents);

  let fresh: string | undefined = token;
  const minter = webIdentityMinter({
    region: settings.region,
    getToken: async ({ forceRefresh }) => {
      const next = !forceRefresh && fresh !== undefined ? fresh : await fetchToken();
      fresh = undefined;
      return next;
    },
  });
  const first = await issueAws(grant, authorization.claims, settings.sessionName, minter);
  const sessions = [first];
  if (chainTo) sessions.push(await assumeChainedRole(first, { roleArn: chainTo, sessionName: settings.sessionName, durationSeconds: grant.durationSeconds }));
  await appendToOpenLedger(ledger, sessions.map(issuedEntry));
  return sessions.at(-1)!;
}

/**
 * The post step's first move for every renewing credential: close its ledger (no renewal succeeds
 * after that), remove its profile, and return the credentials with every session the ledger holds, one
 * per role and session identity, each with its last expiry: those are what the revocation must deny.
 */
export async function closeAwsRenewals(credentials: readonly IssuedCredential[]): Promise<{ credentials: IssuedCredential[]; notes: string[] }> {
  const result = credentials.map((credential) => ({ ...credential }));
  const notes: string[] = [];
  for (const credential of credentials) {
    if (credential.provider !== 'aws' || !credential.renewal) continue;
    const entries = await closeLedger(credential.renewal.ledger);
    await removeProfile(credential.renewal.configFile, credential.renewal.profile);
    const issued = entries.filter((entry) => entry.event === 'issued').length;
    notes.push(`AWS: closed the renewing profile "${credential.renewal.profile}": ${issued} session(s) of ${credential.sessionName} were issued; none will be renewed from now on.`);
    for (const entry of entries) {
      const known = result.find((other): other is AwsIssuedCredential => other.provider === 'aws' && other.identity === entry.identity && other.role === entry.role);
      if (known) {
        if (Date.parse(entry.expiresAt) > Date.parse(known.expiresAt)) known.expiresAt = entry.expiresAt;
        continue;
      }
      result.push({ ...credential, renewal: undefined, role: entry.role, identity: entry.identity, principal: entry.principal, sessionName: entry.sessionName, expiresAt: entry.expiresAt, exportedVariables: [], files: [] });
    }
  }
  return { credentials: result, notes };
}

function issuedEntry(session: AwsSession): LedgerEntry {
  return { event: 'issued', role: session.roleArn, identity: session.assumedRoleId, principal: session.assumedRoleArn, sessionName: session.sessionName, expiresAt: session.expiration.toISOString() };
}

function ledgerLine(entry: LedgerEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * Appends to the ledger only while it is open. Closing renames it, so an append that opened it before
 * the rename is caught by comparing the file it wrote with the one the path now names: if they differ,
 * the post step may have read the ledger already, and nothing may be handed out.
 */
async function appendToOpenLedger(path: string, entries: readonly LedgerEntry[]): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? closedError() : error;
  });
  try {
    await handle.appendFile(entries.map(ledgerLine).join(''));
    const [written, named] = await Promise.all([handle.stat(), stat(path).catch(() => undefined)]);
    if (!named || named.ino !== written.ino || named.dev !== written.dev) throw closedError();
  } finally {
    await handle.close();
  }
}

async function closeLedger(path: string): Promise<LedgerEntry[]> {
  const closed = `${path}${CLOSED_SUFFIX}`;
  // Already closed by an earlier run of the post step: its entries are still there to read.
  await rename(path, closed).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const text = await readFile(closed, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as Partial<LedgerEntry>;
        return typeof entry.role === 'string' && typeof entry.identity === 'string' && typeof entry.expiresAt === 'string' && typeof entry.sessionName === 'string' && typeof entry.principal === 'string' ? [entry as LedgerEntry] : [];
      } catch {
        // A line cut short by a renewal killed mid-write: the entry before the mint (`renewing`) covers it.
        return [];
      }
    });
}

function closedError(): BrokerError {
  return new BrokerError(ErrorCode.AwsRenewalClosed, 'This renewing AWS profile was closed by the job’s post step: it issues no more credentials.', {
    hint: 'Credentials end with the job that got them. A later job gets its own with its own ci-oidc-broker step.',
  });
}

async function readSettings(file: string): Promise<RenewalSettings> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) throw settingsError();
  let settings: Partial<RenewalSettings>;
  try {
    settings = JSON.parse(text) as Partial<RenewalSettings>;
  } catch {
    throw settingsError();
  }
  if (settings.version !== 1 || typeof settings.issuer !== 'string' || typeof settings.region !== 'string' || typeof settings.policy?.sha256 !== 'string' || typeof settings.request?.role !== 'string') throw settingsError();
  return settings as RenewalSettings;
}

function settingsError(): BrokerError {
  return new BrokerError(ErrorCode.StateInvalid, 'The settings of this renewing AWS profile are unreadable.', {
    hint: 'Nothing was renewed. Run the ci-oidc-broker step again to write a fresh profile.',
  });
}

// A profile's section runs from its header to the next header.
function withoutProfile(text: string, profile: string): string[] {
  const kept: string[] = [];
  let skipping = false;
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(line);
    if (header) skipping = header[1]!.trim() === `profile ${profile}`;
    if (!skipping) kept.push(line);
  }
  return kept.filter((line) => line.trim() !== '');
}

/** Puts the profile into the job's shared config file, replacing a section of the same name: one file serves every step's profile. */
async function putProfile(configFile: string, profile: string, settings: readonly string[]): Promise<void> {
  const existing = await readFile(configFile, 'utf8').catch(() => '');
  const lines = [...withoutProfile(existing, profile), `[profile ${profile}]`, ...settings];
  await replaceFile(configFile, `${lines.join('\n')}\n`);
}

async function removeProfile(configFile: string, profile: string): Promise<void> {
  const existing = await readFile(configFile, 'utf8').catch(() => undefined);
  if (existing === undefined) return;
  const rest = withoutProfile(existing, profile);
  if (rest.length === 0) await rm(configFile, { force: true });
  else await replaceFile(configFile, `${rest.join('\n')}\n`);
}

// Written aside and renamed, so a tool never reads half a file.
async function replaceFile(path: string, text: string): Promise<void> {
  const next = `${path}.next`;
  await writeFile(next, text, { mode: 0o600 });
  await rename(next, path);
}
