import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The CLI's source entry point, run by the Node that runs the tests (type stripping needs 22.6+). */
export const CLI_SOURCE = resolve('src/cli/main.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source with exactly `env` (plus PATH and HOME), in `cwd`. */
export function runCli(args: readonly string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((done) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
    execFile(process.execPath, [CLI_SOURCE, ...args], { env, cwd: options.cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
