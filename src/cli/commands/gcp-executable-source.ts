import { authorizeToken } from '../../core/authorize.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { renewalTokenRequestFromEnv, requestRunnerToken } from '../../oidc/request-token.ts';
import { loadPolicy } from '../../policy/load.ts';
import { snapshotSource } from '../../policy/sources/snapshot-source.ts';
import { readRenewal } from '../../providers/gcp/renewal.ts';
import { Exit, runCommand, type ExitCode } from '../cli-output.ts';

export interface ExecutableSourceOptions {
  state: string;
  sha256: string;
}

/**
 * `gcp-executable-source`: the command of the credentials file the action writes, which Google's
 * libraries and gcloud run whenever they need a new access token. It asks the runner for a fresh OIDC
 * token with the calling step's own ACTIONS_ID_TOKEN_REQUEST_* variables, verifies it, puts it to the
 * policy the main step used, and prints Google's executable-sourced response. Nothing else may reach
 * stdout or stderr on success: the libraries parse both streams as one JSON document.
 */
export function gcpExecutableSource(options: ExecutableSourceOptions): Promise<ExitCode> {
  return runCommand('text', () => Exit.Refused, async () => {
    if (!/^[0-9a-f]{64}$/i.test(options.sha256)) {
      throw new BrokerError(ErrorCode.InputInvalid, '--sha256 must be the 64 hex digits of the renewal state’s SHA-256.', { hint: 'Run the command exactly as the credentials file names it.' });
    }
    const renewal = await readRenewal(options.state, options.sha256);
    const token = await requestRunnerToken({ ...renewalTokenRequestFromEnv(process.env, 'the Google credentials', 'For those, pass the step’s access_token output instead.'), audience: renewal.audience });
    const policy = await loadPolicy(snapshotSource(renewal.policy), renewal.policy.path);
    const authorization = await authorizeToken(token, { issuer: renewal.issuer, audience: renewal.audience, policy, wanted: { gcp: renewal.grant } });
    if (!authorization.allowed) {
      // Google's libraries put the command's whole output in their error: the decision reaches the step's log there.
      process.stderr.write(`${authorization.explanation.join('\n')}\n`);
      throw authorization.error;
    }
    process.stdout.write(
      `${JSON.stringify({ version: 1, success: true, token_type: 'urn:ietf:params:oauth:token-type:id_token', id_token: token, expiration_time: authorization.claims.exp })}\n`,
    );
    return Exit.Ok;
  });
}
