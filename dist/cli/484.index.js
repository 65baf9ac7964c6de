export const id = 484;
export const ids = [484];
export const modules = {

/***/ 15197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ tokenFromVariable),
/* harmony export */   O2: () => (/* binding */ readTokenFile),
/* harmony export */   WZ: () => (/* binding */ readCiToken)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57314);
/* harmony import */ var _oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50100);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98629);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68315);







/**
 * Finds the job's OIDC token: an explicit variable or file, or where the preset's CI system puts it
 * (GitHub's token endpoint, GitLab's id_tokens variable, CircleCI's CIRCLE_OIDC_TOKEN_V2, Buildkite's
 * agent). Never prints it.
 */
async function readCiToken(options, audience, env = process.env) {
    if (options.tokenFile)
        return readTokenFile(options.tokenFile);
    if (options.tokenEnv)
        return tokenFromVariable(options.tokenEnv, env);
    switch (options.preset) {
        case undefined:
            throw usage('Say where the token is: --token-env VAR, --token-file FILE, or --preset for a known CI system.', 'For example --preset circleci, or --token-env GITLAB_OIDC_TOKEN.');
        case 'github-actions':
            return (0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__/* .requestRunnerToken */ .dm)({ ...(0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerTokenRequestFromEnv */ .mE)(env), audience });
        case 'buildkite':
            return buildkiteToken(audience);
        default: {
            const variables = _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU[options.preset].tokenVariables;
            const found = variables.find((name) => env[name]);
            if (!found) {
                throw usage(`None of ${variables.join(', ')} is set, where ${_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU[options.preset].title} jobs find their OIDC token.`, options.preset === 'gitlab' ? 'Declare it in the job: `id_tokens: GITLAB_OIDC_TOKEN: aud: <audience>`, or name your variable with --token-env.' : 'Run the command inside the job, or pass --token-env.');
            }
            return tokenFromVariable(found, env);
        }
    }
}
async function readTokenFile(path) {
    return (await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputFile */ .j)(path, 'token')).trim();
}
function tokenFromVariable(name, env = process.env) {
    if ((0,_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .looksLikeToken */ .N)(name)) {
        throw usage('A token was given where the name of an environment variable was expected; it is not repeated here.', 'Put the token in a variable and name that: --token-env GITLAB_OIDC_TOKEN, for example.');
    }
    const token = env[name]?.trim();
    if (!token)
        throw usage(`The environment variable ${name} is empty or not set.`, 'Name the variable that holds the job’s OIDC token.');
    return token;
}
async function buildkiteToken(audience) {
    try {
        const { stdout } = await (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('buildkite-agent', ['oidc', 'request-token', '--audience', audience], { timeout: 30_000 });
        return stdout.trim();
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.TokenRequestFailed, '`buildkite-agent oidc request-token` failed.', {
            hint: 'Run the command in a Buildkite job step, where the agent is on PATH; or pass the token with --token-env.',
            cause: error,
        });
    }
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ }),

/***/ 68315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98629);



/** Reads a file named on the command line; `-` is standard input. */
async function readInputFile(path, what) {
    if (path === '-') {
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }
    if ((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikeToken */ .N)(path))
        throw tokenWhereFileExpected(what);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'EISDIR')
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `The ${what} file ${path} is a folder.`, { hint: `Name the ${what} file itself.` });
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `Cannot read the ${what} file ${path} (${code ?? 'error'}).`, {
            hint: 'Check the path; use - to read from standard input.',
        });
    }
}
// Said without repeating the token: CI logs and terminal scrollback keep whatever is printed.
function tokenWhereFileExpected(what) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `A token was given where the ${what} file's name was expected; it is not repeated here.`, {
        hint: 'Pass the token in an environment variable with --token-env NAME (or on standard input with -), so that it stays out of command lines and logs.',
    });
}


/***/ }),

/***/ 57484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tokenVerify: () => (/* binding */ tokenVerify)
/* harmony export */ });
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(36687);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41910);
/* harmony import */ var _oidc_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63127);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10524);
/* harmony import */ var _ci_token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15197);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68315);







/** `token verify`: 0 when the token is valid, 1 when it is refused (with the reason), 2 on bad input. */
function tokenVerify(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .runCommand */ .d1)(options.format, (error) => (error.code.startsWith('TOKEN_') || error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.JwksFailed || error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.DiscoveryFailed ? _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Refused : _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Usage), async () => {
        (0,_oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIssuerUrl */ .u)(options.issuer);
        if ((options.token === undefined) === (options.tokenEnv === undefined)) {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, 'token verify needs exactly one of --token and --token-env.', { hint: 'Pass --token FILE (- for standard input), or --token-env NAME for a variable that holds the token.' });
        }
        const token = options.token !== undefined ? await (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_4__/* .readTokenFile */ .O2)(options.token) : (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_4__/* .tokenFromVariable */ .Gr)(options.tokenEnv);
        const keys = options.jwks === undefined ? undefined : (0,jose__WEBPACK_IMPORTED_MODULE_6__/* .createLocalJWKSet */ .w)(parseJwks(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputFile */ .j)(options.jwks, 'JWKS'), options.jwks));
        const { claims, header } = await (0,_oidc_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyToken */ .nr)(token, { issuer: options.issuer, audience: options.audience, keys });
        if (options.format === 'json')
            (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJson */ .GF)({ valid: true, header, claims });
        else
            process.stdout.write(`valid: signed by ${options.issuer} (${header.alg}, key ${header.kid ?? 'without kid'}) for ${options.audience}; subject ${claims.sub}\n${JSON.stringify(claims, null, 2)}\n`);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Ok;
    });
}
function parseJwks(text, file) {
    try {
        const jwks = JSON.parse(text);
        if (Array.isArray(jwks.keys))
            return jwks;
    }
    catch {
        // Reported below with the same advice.
    }
    throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, `${file} is not a JWKS (a JSON object with a "keys" array).`, {
        hint: "Save the issuer's jwks_uri document, such as https://token.actions.githubusercontent.com/.well-known/jwks.",
    });
}


/***/ }),

/***/ 50100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SA: () => (/* binding */ renewalTokenRequestFromEnv),
/* harmony export */   dm: () => (/* binding */ requestRunnerToken),
/* harmony export */   mE: () => (/* binding */ runnerTokenRequestFromEnv)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _util_fetch_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86614);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);



const ATTEMPT_TIMEOUT_MS = 10_000;
const TOKEN_REQUEST_RETRIES = { ..._util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultRetryPolicy */ .ur, totalTimeoutMs: 20_000 };
/** Reads the runner's token-request variables, which exist only when the job may have a token. */
function runnerTokenRequestFromEnv(env) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestBearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestBearer) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.PermissionMissing, 'This job may not request an OIDC token: the runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL.', {
            hint: 'Add `permissions: id-token: write` to the job (or the workflow). Workflows triggered by pull requests from forks never get ' +
                'this permission; run the credentialed part on a trusted event instead.',
        });
    }
    return { requestUrl, requestBearer };
}
/**
 * The runner's token request as a later step sees it when a tool renews credentials there. Only steps
 * that inherit the job's environment can renew, so the error says which those are, and what else to use.
 */
function renewalTokenRequestFromEnv(env, renewing, otherwise) {
    try {
        return runnerTokenRequestFromEnv(env);
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.PermissionMissing, `This step cannot ask the runner for an OIDC token to renew ${renewing}: ACTIONS_ID_TOKEN_REQUEST_URL is not in its environment.`, {
            hint: `Run the tools in \`run:\` steps or JavaScript actions, which inherit it; a container action or a \`docker run\` sees neither it nor RUNNER_TEMP at the same path. ${otherwise}`,
            cause: error,
        });
    }
}
/** Asks the runner's token endpoint for a token with the given audience. Never logs the bearer. */
async function requestRunnerToken(request) {
    const url = new URL(request.requestUrl);
    url.searchParams.set('audience', request.audience);
    try {
        const { status, text } = await (0,_util_fetch_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchText */ .S)(url, { headers: { authorization: `Bearer ${request.requestBearer}`, accept: 'application/json' } }, request.retryPolicy ?? TOKEN_REQUEST_RETRIES, ATTEMPT_TIMEOUT_MS);
        if (status < 200 || status >= 300) {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenRequestFailed, `The runner's token endpoint refused the request (HTTP ${status}).`, {
                hint: 'The request bearer was rejected: check that `permissions: id-token: write` is granted and that nothing overrides ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
            });
        }
        // A whole body without a token is the runner's answer, and final.
        const body = (0,_util_fetch_text_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .q)(text);
        if (typeof body?.value !== 'string' || body.value === '') {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenRequestFailed, "The runner's token endpoint answered without a token.", {
                hint: 'Retry the job; if it persists, the runner may be misconfigured (check ACTIONS_ID_TOKEN_REQUEST_URL).',
            });
        }
        return body.value;
    }
    catch (error) {
        if (!(error instanceof _util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetriesExhaustedError */ .i5))
            throw error;
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenRequestFailed, `The runner's token endpoint failed ${error.attempts} time(s) over ${(error.elapsedMs / 1000).toFixed(1)} s${error.timedOut && error.budgetMs !== undefined ? `, the ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSeconds */ .Xo)(error.budgetMs)} s time budget` : ''} (last: ${error.lastError.message}).`, { hint: 'The runner could not issue a token; retry the job. GitHub status may show an Actions incident.', cause: error });
    }
}


/***/ }),

/***/ 86614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ fetchText),
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40796);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);



/** A failure of one request that another may cure: no answer, a 5xx or 429, or a body cut off. */
class TransientFetchError extends Error {
    name = 'TransientFetchError';
    /** How long the server asked us to wait (Retry-After), if it did. */
    afterMs;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.afterMs = options.afterMs;
    }
}
/** Retry-After in seconds or as an HTTP date; the wait it asks for, if it can be read. */
function retryAfterMs(response) {
    const header = response.headers.get('retry-after');
    if (header === null)
        return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
/**
 * GETs a URL, through the proxy proxyFor picks, and reads its whole body, retrying what another try may
 * cure (no answer, 5xx, 429 with its Retry-After, a body cut off) within the policy's budget; any other
 * answer is returned for the caller to judge. Each attempt is bounded by `attemptTimeoutMs` and by the
 * budget left. When the budget runs out, throws RetriesExhaustedError whose lastError's message says
 * what went wrong.
 */
async function fetchText(url, init, policy, attemptTimeoutMs) {
    const where = new URL(url);
    const endpoint = `${where.origin}${where.pathname}`;
    const classify = (error) => (error instanceof TransientFetchError ? { retry: true, afterMs: error.afterMs } : { retry: false });
    const { value } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(async ({ remainingMs }) => {
        let response;
        try {
            response = await (0,_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxiedFetch */ .iR)(url, { headers: init.headers, signal: AbortSignal.timeout(Math.max(1, Math.min(attemptTimeoutMs, remainingMs))) });
        }
        catch (cause) {
            // A proxy that refused us answers the same way every time.
            if (cause instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz)
                throw cause;
            throw new TransientFetchError(`could not reach ${endpoint}`, { cause });
        }
        if (response.status >= 500 || response.status === 429) {
            throw new TransientFetchError(`${endpoint} answered HTTP ${response.status}`, { afterMs: retryAfterMs(response) });
        }
        try {
            return { status: response.status, text: await response.text() };
        }
        catch (cause) {
            throw new TransientFetchError(`the answer from ${endpoint} was cut off`, { cause });
        }
    }, classify, policy);
    return value;
}
/** The JSON a body holds, or undefined when it holds none. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   i5: () => (/* binding */ RetriesExhaustedError),
/* harmony export */   ur: () => (/* binding */ defaultRetryPolicy)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

const DEFAULT_MIN_ATTEMPT_MS = 1000;
class RetriesExhaustedError extends Error {
    name = 'RetriesExhaustedError';
    attempts;
    elapsedMs;
    /** True when the time budget, rather than the attempt count, ended the retries. */
    timedOut;
    /** The failure of the last attempt made: a real answer or network error, never a wait we cut short. */
    lastError;
    /** The policy's time budget, named in the message when it is what ran out. */
    budgetMs;
    constructor(attempts, elapsedMs, timedOut, lastError, budgetMs) {
        const budget = timedOut && budgetMs !== undefined ? ` within the ${formatSeconds(budgetMs)} s time budget` : '';
        super(`gave up after ${attempts} attempt(s) in ${elapsedMs} ms${budget}`, { cause: lastError });
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
        this.timedOut = timedOut;
        this.lastError = lastError;
        this.budgetMs = budgetMs;
    }
}
const defaultRetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 200,
    maxDelayMs: 3000,
    totalTimeoutMs: 30_000,
    minAttemptMs: DEFAULT_MIN_ATTEMPT_MS,
};
/** Seconds, without a trailing `.0`: "30", "0.5". */
function formatSeconds(ms) {
    return String(Math.round(ms / 100) / 10);
}
/**
 * Runs `attempt` until it succeeds, `classify` says the failure is final, or the policy's budget is
 * spent. A final failure is rethrown as it is; a spent budget throws RetriesExhaustedError so callers
 * can say how long they tried. `attempt` receives the time left, to bound its own request; another
 * attempt is started only if, after its wait, at least `minAttemptMs` of the budget remain for it.
 */
async function withRetries(attempt, classify, policy, random = Math.random) {
    const started = Date.now();
    for (let n = 1;; n++) {
        const remainingMs = policy.totalTimeoutMs - (Date.now() - started);
        try {
            return { value: await attempt({ attempt: n, remainingMs }), attempts: n };
        }
        catch (error) {
            const verdict = classify(error);
            if (!verdict.retry)
                throw error;
            const elapsed = Date.now() - started;
            const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
            const wait = Math.max(backoff, verdict.afterMs ?? 0);
            const minAttemptMs = Math.min(policy.minAttemptMs ?? DEFAULT_MIN_ATTEMPT_MS, policy.totalTimeoutMs);
            const outOfTime = elapsed + wait + minAttemptMs > policy.totalTimeoutMs;
            if (n >= policy.maxAttempts || outOfTime) {
                throw new RetriesExhaustedError(n, elapsed, outOfTime && n < policy.maxAttempts, error, policy.totalTimeoutMs);
            }
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait);
        }
    }
}


/***/ })

};
