#!/usr/bin/env node
// The entry point of ci-oidc-broker's command line: checks the Node.js version before anything else
// loads, then parses and runs one command (see program.ts).
import { CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { Exit, type ExitCode } from './cli-output.ts';
import { nodeVersionProblem } from './node-version.ts';
import { program } from './program.ts';
import { withoutTokens } from './redact.ts';

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = Exit.Ok;
  try {
    await program((result) => (code = result), packageJson.version).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    // Commander has printed its message and the help; --help and --version end with exit code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? Exit.Ok : Exit.Usage;
    process.stderr.write(`INTERNAL_ERROR: ${withoutTokens((error as Error).message)}\nHint: this is a bug in ci-oidc-broker; please report it.\n`);
    return Exit.Refused;
  }
}

const problem = nodeVersionProblem(process.version);
if (problem) {
  process.stderr.write(problem);
  process.exitCode = Exit.Usage;
} else {
  process.exitCode = await main(process.argv.slice(2));
}
