export const id = 127;
export const ids = [127];
export const modules = {

/***/ 63127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nr: () => (/* binding */ verifyToken)
});

// UNUSED EXPORTS: ASYMMETRIC_ALGORITHMS, MAX_CLOCK_TOLERANCE_SECONDS, MAX_TOKEN_BYTES, duplicateName

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 1 modules
var verify = __webpack_require__(25057);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/remote.js
var remote = __webpack_require__(22952);
// EXTERNAL MODULE: ./src/util/fetch-text.ts
var fetch_text = __webpack_require__(86614);
// EXTERNAL MODULE: ./src/util/proxy.ts
var proxy = __webpack_require__(40796);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/oidc/issuer-url.ts
var issuer_url = __webpack_require__(41910);
;// CONCATENATED MODULE: ./src/oidc/issuer-keys.ts






const ATTEMPT_TIMEOUT_MS = 10_000;
const FETCH_RETRIES = { ...retry/* defaultRetryPolicy */.ur, totalTimeoutMs: 20_000 };
// jose refetches the JWKS on an unknown kid at most once per cooldown, so forged kids cannot make us
// hammer the issuer; keys are kept for cacheMaxAge between fetches. The cooldown is short because a
// job verifies a second token (another cloud's audience) seconds after the first, possibly under a key
// the issuer has just published.
const JWKS_COOLDOWN_MS = 1000;
// jose's own fetch would ignore the proxy rules every other call follows.
const JWKS_OPTIONS = { timeoutDuration: ATTEMPT_TIMEOUT_MS, cooldownDuration: JWKS_COOLDOWN_MS, cacheMaxAge: 10 * 60_000, [remote/* customFetch */.A6]: proxy/* proxiedFetch */.iR };
// One entry per issuer for the life of the process, so a broker verifying many tokens discovers once.
const keysByIssuer = new Map();
/** The issuer's signing keys, found through its discovery document and cached with their JWKS. */
function issuerKeys(issuer) {
    let keys = keysByIssuer.get(issuer);
    if (!keys) {
        keys = discoverJwks(issuer).then((jwksUri) => retrying((0,remote/* createRemoteJWKSet */.RD)(jwksUri, JWKS_OPTIONS)));
        // A failed discovery is not remembered: the next verification tries again.
        keys.catch(() => keysByIssuer.delete(issuer));
        keysByIssuer.set(issuer, keys);
    }
    return keys;
}
/**
 * The JWKS lookup, with the retries jose leaves to us: a fetch that failed (no answer, 5xx, a body cut
 * off) is tried again within the budget, and an unknown kid once more after the refetch cooldown, in
 * case the issuer published the key a moment after our last fetch.
 */
function retrying(jwks) {
    return async (header, token) => {
        let waitedForCooldown = false;
        try {
            const { value } = await (0,retry/* withRetries */.LH)(async () => jwks(header, token), (error) => {
                if (error instanceof errors/* JWKSNoMatchingKey */.BT) {
                    if (waitedForCooldown)
                        return { retry: false };
                    waitedForCooldown = true;
                    return { retry: true, afterMs: JWKS_COOLDOWN_MS };
                }
                const fetchFailed = error instanceof errors/* JWKSTimeout */.xb || error instanceof errors/* JWKSInvalid */.Dm || error instanceof TypeError || error instanceof SyntaxError || (error instanceof errors/* JOSEError */.i4 && /HTTP response/.test(error.message));
                return { retry: fetchFailed };
            }, FETCH_RETRIES);
            return value;
        }
        catch (error) {
            // The verifier explains jose's own errors; a spent budget is the last of them.
            throw error instanceof retry/* RetriesExhaustedError */.i5 ? error.lastError : error;
        }
    };
}
/** Where `issuer` publishes its discovery document: `<issuer>/.well-known/openid-configuration`. */
function discoveryUrl(issuer) {
    return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}
async function discoverJwks(issuer) {
    (0,issuer_url/* parseIssuerUrl */.u)(issuer);
    const url = discoveryUrl(issuer);
    const fail = (problem, hint, cause) => new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.DiscoveryFailed, `Discovery of the issuer ${JSON.stringify(issuer)} failed: ${problem}.`, { hint, cause });
    let response;
    try {
        response = await (0,fetch_text/* fetchText */.S)(url, { headers: { accept: 'application/json' } }, FETCH_RETRIES, ATTEMPT_TIMEOUT_MS);
    }
    catch (cause) {
        if (!(cause instanceof retry/* RetriesExhaustedError */.i5))
            throw cause;
        throw fail(`${cause.lastError.message}, ${cause.attempts} time(s) over ${(cause.elapsedMs / 1000).toFixed(1)} s`, 'The issuer did not answer, or answered with a server error: retry the job, and check the issuer’s status and the network path to it.', cause);
    }
    if (response.status < 200 || response.status >= 300)
        throw fail(`${url} answered HTTP ${response.status}`, 'Check that the `issuer` input is the exact issuer URL (for GHES: https://HOST/_services/token).');
    const document = (0,fetch_text/* parseJson */.q)(response.text);
    if (typeof document !== 'object' || document === null)
        throw fail(`${url} did not return a JSON document`, 'Check that the `issuer` input points at an OIDC issuer.');
    if (document.issuer !== issuer) {
        throw fail(`it names itself ${JSON.stringify(document.issuer)}`, 'An issuer must name itself exactly as configured: check the `issuer` input for a trailing slash, scheme or case difference.');
    }
    if (typeof document.jwks_uri !== 'string')
        throw fail('it has no jwks_uri', 'The issuer must publish its signing keys (jwks_uri).');
    return (0,issuer_url/* parseIssuerUrl */.u)(document.jwks_uri, "issuer's jwks_uri");
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/oidc/key-strength.ts

const MIN_RSA_BITS = 2048;
/** 65537 (AQAB), the exponent every OIDC issuer uses. */
const RSA_EXPONENT = 65537n;
/** Why a key the issuer publishes is not trusted; verify.ts turns it into a BrokerError naming the key. */
class UnfitKeyError extends Error {
    name = 'UnfitKeyError';
    hint;
    constructor(problem, hint) {
        super(problem);
        this.hint = hint;
    }
}
/**
 * Wraps a key resolver so that the key it picks for a token is refused before jose verifies with it,
 * when it is an RSA key that a signature made without the issuer's private key could satisfy.
 */
function fitKeysOnly(keys) {
    return async (header, token) => {
        const key = await keys(header, token);
        checkRsaKey(key);
        return key;
    };
}
function checkRsaKey(key) {
    const details = rsaDetails(key);
    if (!details)
        return;
    const { modulusLength, publicExponent } = details;
    if (modulusLength < MIN_RSA_BITS) {
        throw new UnfitKeyError(`is an RSA key of ${modulusLength} bits, shorter than ${MIN_RSA_BITS}: too weak to trust`, `Keys under ${MIN_RSA_BITS} bits can be factored; check the \`issuer\` input, and if it is right, ask the issuer to publish a stronger key.`);
    }
    if (publicExponent !== RSA_EXPONENT) {
        // With e = 1 the "signature" is the padded hash itself, which anyone can compute; other small
        // exponents invite forgeries against lenient padding checks. No real issuer publishes either.
        const forgeable = publicExponent === 1n ? ', under which anyone can forge a signature' : '';
        // The exponent comes from the JWKS: one of thousands of digits would swamp the message.
        const exponent = publicExponent < 2n ** 32n ? `public exponent ${publicExponent}` : `a ${publicExponent.toString(2).length}-bit public exponent`;
        throw new UnfitKeyError(`is an RSA key with ${exponent}, not 65537 (AQAB)${forgeable}`, 'OIDC issuers publish RSA keys with exponent 65537 only: do not trust tokens under this key. Check the `issuer` input, and that nothing between here and the issuer rewrites its JWKS.');
    }
}
function rsaDetails(key) {
    if (key instanceof Uint8Array)
        return undefined;
    let object;
    if (key instanceof external_node_crypto_.KeyObject)
        object = key;
    else if (key instanceof CryptoKey)
        object = external_node_crypto_.KeyObject.from(key);
    else if (key.kty === 'RSA')
        object = (0,external_node_crypto_.createPublicKey)({ key: key, format: 'jwk' });
    else
        return undefined;
    const { modulusLength, publicExponent } = object.asymmetricKeyDetails ?? {};
    return object.asymmetricKeyType?.startsWith('rsa') && modulusLength !== undefined && publicExponent !== undefined ? { modulusLength, publicExponent } : undefined;
}

;// CONCATENATED MODULE: ./src/oidc/verify.ts




/**
 * Tokens from CI systems are one to three kilobytes; 16 KiB (16384 bytes, counted as UTF-8) leaves
 * room for large custom claims while bounding what an attacker can make us decode, parse and scan.
 * It is checked before anything else, parsing included.
 */
const MAX_TOKEN_BYTES = 16 * 1024;
const MAX_CLOCK_TOLERANCE_SECONDS = 60;
/** Signatures that prove the issuer's private key signed the token; shared-secret (HS*) and `none` never do. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const PARTS = ['header', 'payload', 'signature'];
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// A token may point at its own verification key; a verifier that followed these would let the token
// choose who vouches for it. Keys come only from the issuer's JWKS.
const KEY_POINTERS = ['jku', 'x5u', 'jwk', 'x5c'];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Verifies an OIDC token against its issuer's published keys. Nothing in the token is trusted before
 * this returns; each refusal names what failed.
 */
async function verifyToken(token, options) {
    const tolerance = Math.min(options.clockToleranceSeconds ?? MAX_CLOCK_TOLERANCE_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS);
    // Everything that can be refused without the issuer's keys is refused before they are fetched.
    const header = readStructure(token);
    const keys = fitKeysOnly(options.keys ?? (await issuerKeys(options.issuer)));
    const now = options.now ?? new Date();
    let payload;
    try {
        ({ payload } = await (0,verify/* jwtVerify */.V)(token, keys, {
            issuer: options.issuer,
            audience: options.audience,
            algorithms: ASYMMETRIC_ALGORITHMS,
            clockTolerance: tolerance,
            requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat'],
            currentDate: now,
        }));
    }
    catch (error) {
        throw verificationError(error, options, tolerance, header);
    }
    // jose checks that times are numbers; JSON also has 1e999, which is Infinity and would never expire.
    for (const claim of ['exp', 'iat', 'nbf']) {
        if (payload[claim] !== undefined && !Number.isFinite(payload[claim]))
            throw claimTypeError(claim, 'a finite number of seconds since the epoch');
    }
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (typeof payload.iat !== 'number' || payload.iat > nowSeconds + tolerance) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenIssuedInFuture, `The token claims to be issued at ${instant(payload.iat)}, in the future (leeway ${tolerance} s).`, {
            hint: 'Check the clocks of this machine and of the issuer; a token from the future is refused.',
        });
    }
    if (typeof payload.sub !== 'string' || payload.sub === '')
        throw claimTypeError('sub', 'a non-empty string');
    return { token, claims: payload, header: { alg: header.alg, kid: header.kid } };
}
/**
 * The checks that need no key: size, shape, encoding, JSON without duplicate names, and a header that
 * asks for nothing this verifier refuses to do. Returns what the key lookup and messages need.
 */
function readStructure(token) {
    if (typeof token !== 'string')
        throw malformed(`The token is ${token === null ? 'null' : typeof token}, not a string.`);
    const bytes = Buffer.byteLength(token);
    if (bytes > MAX_TOKEN_BYTES)
        throw malformed(`The token is ${bytes} bytes, more than the ${MAX_TOKEN_BYTES} bytes allowed.`);
    const parts = token.split('.');
    if (parts.length !== 3)
        throw malformed(`The token has ${parts.length} dot-separated parts; a signed JWT has 3.`);
    // The header first, so that an unsigned (`none`) token, whose signature part is empty, is refused for what it is.
    checkEncoding(parts[0], 0);
    const header = readJsonObject(parts[0], 'header');
    const { alg, kid, crit, b64, cty, typ } = header;
    if (typeof alg !== 'string' || !ASYMMETRIC_ALGORITHMS.includes(alg)) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenAlgorithmRejected, `The token is signed with ${quote(alg)}, which is not an allowed asymmetric algorithm.`, {
            hint: `Only ${ASYMMETRIC_ALGORITHMS.join(', ')} are accepted; a real issuer never signs with \`none\` or a shared secret.`,
        });
    }
    if (kid !== undefined && typeof kid !== 'string')
        throw crafted(`The token's key id (\`kid\` header) is ${quote(kid)}, not a string.`);
    if (crit !== undefined) {
        throw crafted(`The token marks header parameters as critical (\`crit\`: ${quote(crit)}); this verifier implements no JWS extensions, so it must refuse them.`);
    }
    if (b64 !== undefined && b64 !== true)
        throw crafted(`The token's header sets \`b64\` to ${quote(b64)}; a JWT's payload is always base64url-encoded.`);
    if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
        throw crafted('The token is a nested JWT (`cty` "JWT"): its claims would be another token, which is never verified here.');
    }
    if (cty !== undefined && typeof cty !== 'string')
        throw crafted(`The token's \`cty\` header is ${quote(cty)}, not a string.`);
    // An issuer's other JWTs (access, logout or DPoP tokens) may share its keys; only ID tokens are taken.
    if (typ !== undefined && (typeof typ !== 'string' || !['jwt', 'application/jwt'].includes(typ.toLowerCase()))) {
        throw crafted(`The token's type (\`typ\` header) is ${quote(typ)}, not "JWT": it is not an ID token.`);
    }
    checkEncoding(parts[1], 1);
    readJsonObject(parts[1], 'payload');
    checkEncoding(parts[2], 2);
    return { alg, kid, keyPointers: KEY_POINTERS.filter((name) => header[name] !== undefined) };
}
function checkEncoding(part, index) {
    const name = PARTS[index];
    if (part === '')
        throw malformed(`The token's ${name} (part ${index + 1} of 3) is empty.`);
    // Whitespace, padding or the `+` and `/` of plain base64 would otherwise be decoded leniently.
    if (!BASE64URL.test(part) || part.length % 4 === 1) {
        throw malformed(`The token's ${name} (part ${index + 1} of 3) is not base64url: it has characters other than A-Z, a-z, 0-9, - and _, or an impossible length.`);
    }
    // Unused low bits in the last character decode to the same bytes: one signature, many token strings.
    if (Buffer.from(part, 'base64url').toString('base64url') !== part) {
        throw malformed(`The token's ${name} (part ${index + 1} of 3) is not canonical base64url: its last character carries bits that an encoder leaves at zero.`);
    }
}
/** The JSON object a base64url part holds; a name given twice is refused, as readers disagree on which wins. */
function readJsonObject(part, name) {
    let text;
    try {
        text = strictUtf8.decode(Buffer.from(part, 'base64url'));
    }
    catch {
        throw malformed(`The token's ${name} is not valid UTF-8 once base64url-decoded.`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw malformed(`The token's ${name} is not base64url-encoded JSON.`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw malformed(`The token's ${name} is JSON but not a JSON object.`);
    const duplicate = duplicateName(text);
    if (duplicate !== undefined) {
        const what = name === 'header' ? 'header parameter' : 'claim';
        throw crafted(`The token's ${name} gives the ${what} ${quote(duplicate)} more than once; which value counts would depend on the reader, so the token is refused.`);
    }
    return value;
}
/**
 * The first member name that one object of `json` repeats. `json` must already have parsed, so every
 * string is terminated and brackets balance. Names are compared unescaped: "sub" and "\u0073ub" are one.
 */
function duplicateName(json) {
    // One entry per open bracket: the names seen so far for an object, null for an array.
    const open = [];
    let nameNext = false;
    for (let i = 0; i < json.length; i++) {
        const c = json[i];
        if (c === '"') {
            let end = i + 1;
            while (end < json.length && json[end] !== '"')
                end += json[end] === '\\' ? 2 : 1;
            const names = open.at(-1);
            if (nameNext && names) {
                const name = JSON.parse(json.slice(i, end + 1));
                if (names.has(name))
                    return name;
                names.add(name);
            }
            nameNext = false;
            i = end;
        }
        else if (c === '{') {
            open.push(new Set());
            nameNext = true;
        }
        else if (c === '[') {
            open.push(null);
        }
        else if (c === '}' || c === ']') {
            open.pop();
        }
        else if (c === ',') {
            nameNext = open.at(-1) instanceof Set;
        }
        else if (c === ':') {
            nameNext = false;
        }
    }
    return undefined;
}
function verificationError(error, options, tolerance, header) {
    // Said whenever the key did not fit, so nobody concludes that the token's own key pointer was tried.
    const ignored = header.keyPointers.length > 0
        ? ` The token's own ${header.keyPointers.map((p) => `\`${p}\``).join(', ')} header was ignored: keys come only from ${options.issuer}'s JWKS.`
        : '';
    if (error instanceof errors/* JWTExpired */.n) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenExpired, `The token expired at ${instant(error.payload.exp)} (leeway ${tolerance} s).`, {
            hint: 'Request the token right before using it; if this repeats, check this machine’s clock.',
        });
    }
    if (error instanceof errors/* JWTClaimValidationFailed */.ie)
        return claimError(error, options, tolerance);
    if (error instanceof errors/* JWSSignatureVerificationFailed */.h2) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenSignatureInvalid, `The token's signature does not verify with the key ${quote(header.kid)} that ${options.issuer} publishes.`, {
            hint: `The token was not signed by this issuer, or was altered: do not trust it. Check that the \`issuer\` input is right.${ignored}`,
        });
    }
    if (error instanceof errors/* JWKSNoMatchingKey */.BT || error instanceof errors/* JWKSMultipleMatchingKeys */.$4) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenKeyNotFound, `No key of ${options.issuer} matches the token's key id ${quote(header.kid)} and algorithm ${header.alg}.`, {
            hint: `The token was signed by a key the issuer does not publish (forged, from another issuer, or rotated out); check the \`issuer\` input.${ignored}`,
        });
    }
    if (error instanceof UnfitKeyError) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenKeyUnfit, `The key ${quote(header.kid)} that ${options.issuer} publishes ${error.message}.`, { hint: error.hint });
    }
    if (error instanceof errors/* JOSEAlgNotAllowed */.Rb) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenAlgorithmRejected, `The token's algorithm ${header.alg} is not allowed for its key.`, {
            hint: 'Only asymmetric algorithms that match the issuer’s published key are accepted.',
        });
    }
    if (error instanceof errors/* JOSENotSupported */.T0)
        return malformed(`The token uses an unsupported feature: ${error.message}.`);
    if (error instanceof errors/* JWSInvalid */.Ye || error instanceof errors/* JWTInvalid */.Dp)
        return malformed(`The token is not a valid signed JWT: ${error.message}.`);
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    if (error instanceof errors/* JWKSTimeout */.xb || error instanceof errors/* JWKSInvalid */.Dm || error instanceof errors/* JOSEError */.i4 || error instanceof TypeError) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.JwksFailed, `The signing keys of ${options.issuer} could not be fetched or read.`, {
            hint: 'Check the network path to the issuer and retry; an issuer outage fails closed.',
            cause: error,
        });
    }
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.Internal, 'The token could not be verified for an unexpected reason.', { hint: 'Please report this as a bug.', cause: error });
}
function claimError(error, options, tolerance) {
    const actual = error.payload[error.claim];
    if (error.reason === 'missing')
        return claimTypeError(error.claim, 'present');
    if (error.reason === 'invalid')
        return claimTypeError(error.claim, 'a number of seconds since the epoch');
    switch (error.claim) {
        case 'iss':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenIssuerMismatch, `The token's issuer is ${quote(actual)}, but ${quote(options.issuer)} was expected.`, {
                hint: 'Issuers must match exactly (scheme, case and trailing slash included). Set the `issuer` input to the issuer that minted the token.',
            });
        case 'aud':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenAudienceMismatch, `The token's audience is ${quote(actual)}, but ${quote(options.audience)} was expected.`, {
                hint: 'Request the token for the audience you verify against: set the `audience` input to match the cloud side.',
            });
        case 'nbf':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenNotYetValid, `The token is not valid before ${instant(actual)} (leeway ${tolerance} s).`, {
                hint: 'Check this machine’s clock against the issuer’s.',
            });
        default:
            return claimTypeError(error.claim, 'valid');
    }
}
function claimTypeError(claim, expected) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenClaimInvalid, `The token's \`${claim}\` claim is not ${expected}.`, {
        hint: 'The issuer produced a token without the standard claims; it cannot be trusted for credentials.',
    });
}
function malformed(message) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenMalformed, message, { hint: 'Pass the token exactly as the issuer produced it: three base64url parts separated by dots.' });
}
/** A token that is well encoded but built in a way no OIDC issuer builds its ID tokens. */
function crafted(message) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenMalformed, message, {
        hint: 'OIDC issuers do not produce such tokens: it was crafted or corrupted, so do not use it. Request a fresh token from the issuer.',
    });
}
/**
 * Quotes an untrusted value for a message: JSON-escaped, anything outside printable ASCII escaped too
 * (so a header cannot reorder text or steer a terminal), and cut short.
 */
function quote(value) {
    const text = (JSON.stringify(value) ?? String(value)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
function instant(seconds) {
    return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : quote(seconds);
}


/***/ })

};
