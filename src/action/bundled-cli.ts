import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { CliLauncher } from '../util/command-line.ts';

/**
 * The action's own CLI, bundled beside the entry point the runner started (dist/main → dist/cli),
 * launched with the runner's Node: renewing AWS profiles and Google credentials files run it.
 */
export function bundledCli(): CliLauncher {
  const script = resolve(dirname(process.argv[1] ?? '.'), '..', 'cli', 'index.js');
  if (!existsSync(script)) {
    throw new BrokerError(ErrorCode.Internal, `The action's bundled CLI is missing at ${script}, so no credentials that renew themselves can run it.`, {
      hint: 'Use a released version of the action (its dist/ holds main, post and cli), or ask for credentials that do not renew (leave aws-renew-credentials out, or set create_credentials_file: false).',
    });
  }
  return { node: process.execPath, script };
}
