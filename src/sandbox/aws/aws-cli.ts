import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs the real `aws` CLI against a sandbox endpoint with only the given environment, as a second
 * client beside the SDK. Asynchronous on purpose: the sandbox usually serves from the same process,
 * and a synchronous child would block it from answering. Resolves to undefined when awscli is absent.
 */
export async function runAwsCli(args: string[], options: { endpointUrl: string; env: Record<string, string> }): Promise<string | undefined> {
  if (!(await awsCliInstalled())) return undefined;
  // awscli v2 older than 2.13 ignores AWS_ENDPOINT_URL_*, so the endpoint is passed as a flag.
  const { stdout } = await run('aws', [...args, '--endpoint-url', options.endpointUrl, '--output', 'json'], {
    env: { PATH: process.env.PATH ?? '', ...options.env, AWS_PAGER: '' },
    timeout: 60_000,
  });
  return stdout;
}

export async function awsCliInstalled(): Promise<boolean> {
  try {
    await run('aws', ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
