import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { parseIssuerUrl } from '../../oidc/issuer-url.ts';
import { verifyToken } from '../../oidc/verify.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readTokenFile, tokenFromVariable } from './ci-token.ts';
import { readInputFile } from './input-files.ts';

export interface TokenVerifyOptions {
  token?: string | undefined;
  tokenEnv?: string | undefined;
  issuer: string;
  audience: string;
  jwks?: string | undefined;
  format: Format;
}

/** `token verify`: 0 when the token is valid, 1 when it is refused (with the reason), 2 on bad input. */
export function tokenVerify(options: TokenVerifyOptions): Promise<ExitCode> {
  return runCommand(
    options.format,
    (error) => (error.code.startsWith('TOKEN_') || error.code === ErrorCode.JwksFailed || error.code === ErrorCode.DiscoveryFailed ? Exit.Refused : Exit.Usage),
    async () => {
      parseIssuerUrl(options.issuer);
      if ((options.token === undefined) === (options.tokenEnv === undefined)) {
        throw new BrokerError(ErrorCode.InputInvalid, 'token verify needs exactly one of --token and --token-env.', { hint: 'Pass --token FILE (- for standard input), or --token-env NAME for a variable that holds the token.' });
      }
      const token = options.token !== undefined ? await readTokenFile(options.token) : tokenFromVariable(options.tokenEnv!);
      const keys = options.jwks === undefined ? undefined : createLocalJWKSet(parseJwks(await readInputFile(options.jwks, 'JWKS'), options.jwks));
      const { claims, header } = await verifyToken(token, { issuer: options.issuer, audience: options.audience, keys });
      if (options.format === 'json') writeJson({ valid: true, header, claims });
      else process.stdout.write(`valid: signed by ${options.issuer} (${header.alg}, key ${header.kid ?? 'without kid'}) for ${options.audience}; subject ${claims.sub}\n${JSON.stringify(claims, null, 2)}\n`);
      return Exit.Ok;
    },
  );
}

function parseJwks(text: string, file: string): JSONWebKeySet {
  try {
    const jwks = JSON.parse(text) as JSONWebKeySet;
    if (Array.isArray(jwks.keys)) return jwks;
  } catch {
    // Reported below with the same advice.
  }
  throw new BrokerError(ErrorCode.InputInvalid, `${file} is not a JWKS (a JSON object with a "keys" array).`, {
    hint: "Save the issuer's jwks_uri document, such as https://token.actions.githubusercontent.com/.well-known/jwks.",
  });
}

