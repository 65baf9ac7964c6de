import { readFile } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { PolicySnapshot } from '../../policy/sources/snapshot-source.ts';
import { commandLine, type CliLauncher } from '../../util/command-line.ts';
import { sha256 } from '../../util/sha256.ts';

/**
 * What the credentials file's command needs to mint again as the main step did: the token's issuer
 * and audience, the request the policy granted, and the policy itself. No secret: the command asks
 * the runner for its token with the variables of whichever step runs it.
 */
export interface GcpRenewal {
  issuer: string;
  audience: string;
  grant: { provider: string; serviceAccount: string | undefined; lifetimeSeconds: number };
  policy: PolicySnapshot;
}

export const EXECUTABLE_COMMAND = 'gcp-executable-source';

export function renewalText(renewal: GcpRenewal): string {
  return `${JSON.stringify({ version: 1, ...renewal })}\n`;
}

/** The executable credential source's command line, which runs the CLI on the state pinned by its digest. */
export function executableCommand(cli: CliLauncher, statePath: string, digest: string): string {
  return commandLine('google-executable', [cli.node, cli.script, EXECUTABLE_COMMAND, '--state', statePath, '--sha256', digest]);
}

/**
 * Reads the renewal state, pinned by the digest its command line carries: a state changed since the
 * main step wrote it is refused, and one the post step deleted means the job's credentials are over.
 */
export async function readRenewal(path: string, digest: string): Promise<GcpRenewal> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BrokerError(ErrorCode.StateInvalid, `The Google credentials of this job are gone (${path}: ${error.code ?? 'unreadable'}), so they are not renewed.`, {
      hint: 'The action’s post step deletes them when the job ends; a step that still needs Google Cloud must run before it, in the same job as the action’s step.',
      cause: error,
    });
  });
  if (sha256(text) !== digest.toLowerCase()) {
    throw new BrokerError(ErrorCode.StateInvalid, `The Google renewal state ${path} changed since the action's main step wrote it, so it is not used.`, {
      hint: 'Something in the job rewrote a file under RUNNER_TEMP; run the action again to write fresh credentials.',
    });
  }
  const parsed = JSON.parse(text) as Partial<GcpRenewal> & { version?: unknown };
  if (parsed.version !== 1 || typeof parsed.issuer !== 'string' || typeof parsed.audience !== 'string' || typeof parsed.grant?.provider !== 'string' || typeof parsed.policy?.path !== 'string') {
    throw new BrokerError(ErrorCode.StateInvalid, `The Google renewal state ${path} is not one this version of the action wrote.`, {
      hint: 'Run the credentials command from the same action version that wrote the file.',
    });
  }
  return parsed as GcpRenewal;
}
