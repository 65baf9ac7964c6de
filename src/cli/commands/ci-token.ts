import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { CI_SYSTEMS, type CiSystem } from '../../oidc/ci-systems.ts';
import { requestRunnerToken, runnerTokenRequestFromEnv } from '../../oidc/request-token.ts';
import { looksLikeToken } from '../redact.ts';
import { readInputFile } from './input-files.ts';

export interface CiTokenOptions {
  preset?: CiSystem | undefined;
  tokenEnv?: string | undefined;
  tokenFile?: string | undefined;
}

/**
 * Finds the job's OIDC token: an explicit variable or file, or where the preset's CI system puts it
 * (GitHub's token endpoint, GitLab's id_tokens variable, CircleCI's CIRCLE_OIDC_TOKEN_V2, Buildkite's
 * agent). Never prints it.
 */
export async function readCiToken(options: CiTokenOptions, audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (options.tokenFile) return readTokenFile(options.tokenFile);
  if (options.tokenEnv) return tokenFromVariable(options.tokenEnv, env);
  switch (options.preset) {
    case undefined:
      throw usage('Say where the token is: --token-env VAR, --token-file FILE, or --preset for a known CI system.', 'For example --preset circleci, or --token-env GITLAB_OIDC_TOKEN.');
    case 'github-actions':
      return requestRunnerToken({ ...runnerTokenRequestFromEnv(env), audience });
    case 'buildkite':
      return buildkiteToken(audience);
    default: {
      const variables = CI_SYSTEMS[options.preset].tokenVariables;
      const found = variables.find((name) => env[name]);
      if (!found) {
        throw usage(`None of ${variables.join(', ')} is set, where ${CI_SYSTEMS[options.preset].title} jobs find their OIDC token.`, options.preset === 'gitlab' ? 'Declare it in the job: `id_tokens: GITLAB_OIDC_TOKEN: aud: <audience>`, or name your variable with --token-env.' : 'Run the command inside the job, or pass --token-env.');
      }
      return tokenFromVariable(found, env);
    }
  }
}

export async function readTokenFile(path: string): Promise<string> {
  return (await readInputFile(path, 'token')).trim();
}

export function tokenFromVariable(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (looksLikeToken(name)) {
    throw usage('A token was given where the name of an environment variable was expected; it is not repeated here.', 'Put the token in a variable and name that: --token-env GITLAB_OIDC_TOKEN, for example.');
  }
  const token = env[name]?.trim();
  if (!token) throw usage(`The environment variable ${name} is empty or not set.`, 'Name the variable that holds the job’s OIDC token.');
  return token;
}

async function buildkiteToken(audience: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('buildkite-agent', ['oidc', 'request-token', '--audience', audience], { timeout: 30_000 });
    return stdout.trim();
  } catch (error) {
    throw new BrokerError(ErrorCode.TokenRequestFailed, '`buildkite-agent oidc request-token` failed.', {
      hint: 'Run the command in a Buildkite job step, where the agent is on PATH; or pass the token with --token-env.',
      cause: error,
    });
  }
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
