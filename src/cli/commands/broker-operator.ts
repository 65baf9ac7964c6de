import { brokerClient, parseBrokerUrl, type RevocationSelector, type SessionFilter, type SessionView } from '../../broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readCiToken, type CiTokenOptions } from './ci-token.ts';
import { exitCodeFor } from './exchange.ts';

/** How an operator reaches the broker: its URL, and their own OIDC token, which the policy's `operators:` must admit. */
export interface OperatorOptions extends CiTokenOptions {
  broker: string;
  brokerAudience?: string | undefined;
  format: Format;
}

export type SessionsListOptions = OperatorOptions & SessionFilter;

/** `sessions list --broker URL`: the broker's inventory, newest first. Exit 0 listed, 1 refused, 2 usage. */
export function sessionsList(options: SessionsListOptions): Promise<ExitCode> {
  return runCommand(options.format, exitCodeFor, async () => {
    for (const [flag, value] of [['--issued-after', options.issuedAfter], ['--issued-before', options.issuedBefore]] as const) if (value !== undefined) isoTime(value, flag);
    const { baseUrl, token } = await operatorAccess(options);
    const filter: SessionFilter = {
      repositoryId: options.repositoryId,
      ownerId: options.ownerId,
      rule: options.rule,
      issuer: options.issuer,
      status: options.status,
      issuedAfter: options.issuedAfter,
      issuedBefore: options.issuedBefore,
      limit: options.limit,
      cursor: options.cursor,
    };
    const page = await brokerClient(baseUrl).listSessions(token, filter);
    if (options.format === 'json') writeJson(page);
    else {
      process.stdout.write(page.sessions.length === 0 ? 'No sessions match.\n' : `${table(page.sessions)}\n`);
      if (page.nextCursor) process.stderr.write(`More sessions match: add --cursor ${page.nextCursor}\n`);
    }
    return Exit.Ok;
  });
}

const SELECTOR_KEYS: Readonly<Record<string, keyof RevocationSelector>> = {
  'repository-id': 'repositoryId',
  'owner-id': 'ownerId',
  rule: 'rule',
  issuer: 'issuer',
  'issued-before': 'issuedBefore',
};

/**
 * `revoke --broker URL --selector KEY=VALUE…`: the broker denies every active session the selector
 * matches and marks them revoked in its inventory. Exit 0 when every denial was written, 1 refused or
 * partly failed, 2 usage.
 */
export function revokeThroughBroker(options: OperatorOptions & { selector: readonly string[] }): Promise<ExitCode> {
  return runCommand(options.format, exitCodeFor, async () => {
    const selector = parseSelector(options.selector);
    const { baseUrl, token } = await operatorAccess(options);
    const result = await brokerClient(baseUrl).revokeBySelector(token, selector);
    const failed = [...result.sessions, ...result.denials].some((entry) => entry.outcome === 'failed');
    if (options.format === 'json') writeJson(result);
    else {
      for (const denial of result.denials) process.stdout.write(`${denial.outcome}: ${denial.target}${denial.policyName ? ` (inline policy ${denial.policyName})` : ''}: ${denial.detail}\n`);
      for (const session of result.sessions) process.stdout.write(`${session.outcome}: session ${session.sessionId} (${session.provider} ${session.target})\n`);
      process.stdout.write(`${result.sessions.length} session(s) revoked in the inventory${failed ? '; some denials failed, see above' : ''}.\n`);
    }
    return failed ? Exit.Refused : Exit.Ok;
  });
}

export function parseSelector(entries: readonly string[]): RevocationSelector {
  const selector: RevocationSelector = {};
  for (const entry of entries.flatMap((text) => text.split(','))) {
    const [key = '', ...rest] = entry.split('=');
    const value = rest.join('=');
    const field = SELECTOR_KEYS[key.trim()];
    if (!field || value === '') throw usage(`--selector ${JSON.stringify(entry)} is not KEY=VALUE with a known key.`, `Keys: ${Object.keys(SELECTOR_KEYS).join(', ')}; for example --selector repository-id=8429.`);
    if (field === 'issuedBefore') isoTime(value, '--selector issued-before');
    selector[field] = value;
  }
  if (!selector.repositoryId && !selector.ownerId && !selector.rule) {
    throw usage('--selector must name a repository-id, an owner-id or a rule.', 'Revoking everything a broker issued is not one request; for example --selector repository-id=8429, optionally with issued-before=TIME.');
  }
  return selector;
}

async function operatorAccess(options: OperatorOptions): Promise<{ baseUrl: string; token: string }> {
  const baseUrl = parseBrokerUrl(options.broker, '--broker');
  return { baseUrl, token: await readCiToken(options, options.brokerAudience ?? baseUrl) };
}

function table(sessions: readonly SessionView[]): string {
  const rows = [
    ['STATUS', 'CLOUD', 'REPOSITORY', 'RUN', 'RULE', 'TARGET', 'ISSUED', 'EXPIRES', 'SESSION'],
    ...sessions.map((s) => [s.status, s.provider, s.repositoryId, s.run ?? '-', s.rule, s.target, s.issuedAt, s.expiresAt, s.sessionId]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function isoTime(text: string, option: string): void {
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(Date.parse(text))) throw usage(`${option} is "${text}", not an ISO 8601 time.`, `Write it like 2026-11-23T10:00:00Z.`);
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
