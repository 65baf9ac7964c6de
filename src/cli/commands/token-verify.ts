import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { parseIssuerUrl } from '../../oidc/issuer-url.ts';
import { verifyToken } from '../../oidc/verify.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readInputFile } from './input-files.ts';

export interface TokenVerifyOptions {
  token: string;
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
      const token = (await readInputFile(options.token, 'token')).trim();
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

