import { isBrokerError, type BrokerError } from '../errors/broker-error.ts';
import { withoutTokens } from './redact.ts';
import { cliWording } from './vocabulary.ts';

/** How a command ended. The exit codes are part of the CLI's contract (see each command's --help). */
export const Exit = { Ok: 0, Refused: 1, Usage: 2 } as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export type Format = 'text' | 'json';

/** The flag of a parsed option: `awsRole` → `--aws-role`, for messages about what was given. */
export function flagOf(option: string): string {
  return `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reports a failure on stderr (JSON on stdout with --format json) and gives the exit code it earns.
 * The words are the CLI's, and anything shaped like a token is left out, whatever the message quotes.
 */
export function reportError(error: BrokerError, format: Format, code: ExitCode): ExitCode {
  const wording = cliWording(error);
  const message = withoutTokens(wording.message);
  const hint = withoutTokens(wording.hint);
  if (format === 'json') writeJson({ error: { code: error.code, message, hint, location: error.location ?? null } });
  else process.stderr.write(`${error.code}: ${message}\nHint: ${hint}\n`);
  return code;
}

/** Runs a command body: BrokerErrors become a report and `failureCode`; anything else is a bug and propagates. */
export async function runCommand(format: Format, failureCode: (error: BrokerError) => ExitCode, body: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await body();
  } catch (error) {
    if (isBrokerError(error)) return reportError(error, format, failureCode(error));
    throw error;
  }
}
