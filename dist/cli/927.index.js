export const id = 927;
export const ids = [927,340];
export const modules = {

/***/ 28016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCredentialProcess: () => (/* binding */ awsCredentialProcess)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57314);
/* harmony import */ var _providers_aws_export_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(72988);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10524);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22580);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(68315);








// A profile names the same settings as `exchange`'s flags, kebab-case, AWS only.
const PROFILE_KEYS = {
    preset: 'preset',
    'token-env': 'tokenEnv',
    'token-file': 'tokenFile',
    issuer: 'issuer',
    audience: 'audience',
    policy: 'policy',
    root: 'root',
    'aws-role': 'awsRole',
    'aws-region': 'awsRegion',
    'aws-duration': 'awsDuration',
};
// The `aws` CLI runs credential_process from whatever folder it was started in, so a profile's paths
// start at the config file's folder, where whoever wrote them was looking.
const PATH_SETTINGS = ['policy', 'root', 'tokenFile'];
/**
 * `aws-credential-process`: AWS's credential_process contract, so that a profile such as
 * `credential_process = ci-oidc-broker aws-credential-process --profile deploy` fetches fresh
 * short-lived credentials whenever the CLI or an SDK needs them. Settings come from the named profile
 * of the config file (--config, or CI_OIDC_BROKER_CONFIG), then from flags.
 */
function awsCredentialProcess(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d1)('text', _exchange_js__WEBPACK_IMPORTED_MODULE_5__.exitCodeFor, async () => {
        if (options.renewal !== undefined)
            return renew(options);
        const fromProfile = options.profile ? await readProfile(options.profile, options.config ?? process.env.CI_OIDC_BROKER_CONFIG) : {};
        const flags = Object.fromEntries(Object.entries(options).filter(([name, value]) => value !== undefined && name !== 'profile' && name !== 'config'));
        const request = { ...fromProfile, ...flags };
        if (!request.awsRole || !request.awsRegion)
            throw usage('credential_process needs an AWS role and region: --aws-role and --aws-region, or `aws-role:` and `aws-region:` in the profile.', 'Name the role to assume and the STS region.');
        const result = await (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.exchangeCredentials)({ ...request, gcpProvider: undefined });
        (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.maskInGitHubActions)((0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.secretsOf)(result));
        (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.writeCredentialProcess)(result.aws);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Ok;
    });
}
/**
 * The action's renewing profile: everything comes from the settings the main step wrote beside the
 * ledger, so that the renewal decides exactly as the main step did (see src/action/aws-renewal.ts).
 */
async function renew(options) {
    const stray = Object.entries(options).find(([name, value]) => value !== undefined && name !== 'renewal');
    if (stray)
        throw usage(`${(0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .flagOf */ .iP)(stray[0])} is not used with --renewal: the renewing profile's settings decide everything.`, 'Run the credential_process line exactly as the action wrote it.');
    const { renewAwsSession } = await __webpack_require__.e(/* import() */ 125).then(__webpack_require__.bind(__webpack_require__, 83125));
    const session = await renewAwsSession(options.renewal);
    (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.maskInGitHubActions)((0,_providers_aws_export_js__WEBPACK_IMPORTED_MODULE_7__/* .awsSecretValues */ .Ci)(session, { maskAccountId: true }));
    (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.writeCredentialProcess)(session);
    return _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Ok;
}
async function readProfile(name, file) {
    if (!file)
        throw usage(`--profile ${name} needs a config file: --config FILE or CI_OIDC_BROKER_CONFIG.`, 'The file holds `profiles: {NAME: {preset, issuer, policy, aws-role, aws-region, ...}}`.');
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readInputFile */ .j)(file, 'config'));
    }
    catch (error) {
        if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz)
            throw error;
        throw usage(`The config file ${file} is not valid YAML.`, 'Fix the YAML; `profiles:` maps each name to its settings.');
    }
    const profile = parsed?.profiles?.[name];
    if (typeof profile !== 'object' || profile === null)
        throw usage(`The config file ${file} has no profile "${name}".`, 'Add it under `profiles:`.');
    const request = {};
    for (const [key, value] of Object.entries(profile)) {
        const option = PROFILE_KEYS[key];
        if (!option)
            throw usage(`Profile "${name}" has an unknown setting "${key}".`, `Known settings: ${Object.keys(PROFILE_KEYS).join(', ')}.`);
        if (typeof value !== 'string' && typeof value !== 'number')
            throw usage(`Profile "${name}": ${key} must be a string.`, 'Quote the value.');
        request[option] = String(value);
    }
    for (const setting of PATH_SETTINGS) {
        const path = request[setting];
        if (path !== undefined && path !== '-' && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path))
            request[setting] = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file), path);
    }
    if (request.preset !== undefined && !(request.preset in _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU))
        throw usage(`Profile "${name}": preset "${request.preset}" is not one of ${Object.keys(_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU).join(', ')}.`, 'Use a known CI system, or token-env / token-file.');
    return request;
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ }),

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

/***/ 75432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Em: () => (/* binding */ STS_SESSION_SECONDS),
/* harmony export */   T9: () => (/* binding */ GCP_TOKEN_SECONDS)
/* harmony export */ });
/**
 * Parses a duration written as seconds (900, or the string "900", as action inputs and flags arrive)
 * or as hours, minutes and seconds ("1h30m", "15m", "900s").
 */
function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) ? value : undefined;
    if (/^\d+$/.test(value))
        return Number(value);
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
    if (!match || value === '')
        return undefined;
    const [, hours = '0', minutes = '0', seconds = '0'] = match;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
/** What the clouds accept, and the broker's short defaults. STS: a role session of 15 minutes to 12 hours. */
const STS_SESSION_SECONDS = { min: 900, max: 43_200, default: 900 };
/** IAM Credentials: a service-account token of up to 1 hour; short by default, because it cannot be revoked. */
const GCP_TOKEN_SECONDS = { min: 1, max: 3600, default: 600 };


/***/ }),

/***/ 52839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ sessionFromStsAnswer),
/* harmony export */   z: () => (/* binding */ assumeRoleWithWebIdentity)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
/* harmony import */ var _sts_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57338);



// A hung connection may take one attempt's share of the budget, not all of it.
const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * Exchanges the CI job's OIDC token for role credentials. The call is unsigned, retried by the
 * project's one retry loop within its time budget, and every failure ends as a BrokerError.
 */
async function assumeRoleWithWebIdentity(request) {
    // Loaded here so that start-up pays for the SDK only when AWS is asked for.
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
    const { ProxyRoutingHandler } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(904)]).then(__webpack_require__.bind(__webpack_require__, 18904));
    const client = new STSClient({
        region: request.region,
        requestHandler: new ProxyRoutingHandler(),
        // Retries are ours, so that one loop and one budget govern them.
        maxAttempts: 1,
        // The operation is modelled as unsigned; pinning that keeps AWS_AUTH_SCHEME_PREFERENCE from choosing a
        // signing scheme, which would make the client look for credentials.
        authSchemePreference: ['noAuth'],
    });
    const policyArns = request.managedSessionPolicyArns ?? [];
    let sentToken;
    // STS saying the token expired earns one retry with a fresh token.
    let refresh = 'unused';
    const classify = (error) => {
        if (!(0,_sts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isExpiredTokenError */ .N1)(error))
            return (0,_sts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .transientVerdict */ .yJ)(error);
        if (refresh !== 'unused')
            return { retry: false };
        refresh = 'next-attempt';
        return { retry: true };
    };
    try {
        const { value } = await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .LH)(async ({ remainingMs }) => {
            const forceRefresh = refresh === 'next-attempt';
            if (forceRefresh)
                refresh = 'used';
            sentToken = await request.getToken({ forceRefresh });
            const command = new AssumeRoleWithWebIdentityCommand({
                RoleArn: request.roleArn,
                RoleSessionName: request.sessionName,
                WebIdentityToken: sentToken,
                DurationSeconds: request.durationSeconds,
                Policy: request.inlineSessionPolicy,
                // The SDK would send an empty list as `PolicyArns=`, so none is left out instead.
                PolicyArns: policyArns.length > 0 ? policyArns.map((arn) => ({ arn })) : undefined,
            });
            const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs));
            return client.send(command, { abortSignal: AbortSignal.timeout(timeoutMs) });
        }, classify, request.retryPolicy ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultRetryPolicy */ .ur);
        return sessionFromStsAnswer(value, request, 'If you point the SDK at another endpoint (AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL), check that it speaks AWS STS; otherwise, file an issue.');
    }
    catch (error) {
        const redact = (text) => (sentToken ? text.replaceAll(sentToken, '[token]') : text);
        throw (0,_sts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .exchangeError */ .mH)(error, { roleArn: request.roleArn, subject: request.subject, issuer: request.issuer, redact });
    }
    finally {
        client.destroy();
    }
}
/**
 * The session in an STS answer (AssumeRole or AssumeRoleWithWebIdentity), or an error when STS left any
 * part of it out; `hint` says where to look for the endpoint that answered.
 */
function sessionFromStsAnswer(output, request, hint) {
    const credentials = output.Credentials;
    const user = output.AssumedRoleUser;
    // arn:aws:sts::<account>:assumed-role/<role>/<session>
    const accountId = user?.Arn?.split(':')[4];
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration || !user?.AssumedRoleId || !user.Arn || !accountId) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsExchangeFailed, `AWS STS answered the request to assume ${request.roleArn} without complete credentials or assumed-role user.`, { hint });
    }
    return {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration,
        assumedRoleId: user.AssumedRoleId,
        assumedRoleArn: user.Arn,
        accountId,
        sessionName: request.sessionName,
        roleArn: request.roleArn,
        region: request.region,
    };
}


/***/ }),

/***/ 39445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ oidcProviderKeyPrefix)
/* harmony export */ });
/**
 * The prefix of an IAM OIDC identity provider's condition keys, and the last part of its ARN: the
 * issuer URL without its scheme or trailing slash, as in `token.actions.githubusercontent.com:sub`.
 */
function oidcProviderKeyPrefix(issuer) {
    const url = new URL(issuer);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}


/***/ }),

/***/ 57338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N1: () => (/* binding */ isExpiredTokenError),
/* harmony export */   mH: () => (/* binding */ exchangeError),
/* harmony export */   yJ: () => (/* binding */ transientVerdict)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
/* harmony import */ var _oidc_provider_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39445);



const TRANSIENT_CODES = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError']);
// Connection failures worth another try. ENOTFOUND is left out: a wrong endpoint host should fail fast.
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Our per-attempt abort signal yields AbortError; the SDK's HTTP handler names its own timeouts TimeoutError.
const TIMEOUT_ERROR_NAMES = new Set(['AbortError', 'TimeoutError']);
/** Names the condition keys of the token's own issuer (`gitlab.com:sub`, not GitHub's), when it is known. */
function trustPolicyHint(issuer) {
    const prefix = issuer === undefined || !URL.canParse(issuer) ? undefined : (0,_oidc_provider_js__WEBPACK_IMPORTED_MODULE_2__/* .oidcProviderKeyPrefix */ .k)(issuer);
    const keys = prefix === undefined ? 'its conditions on ISSUER:sub and ISSUER:aud (ISSUER: the issuer URL without https://, as in token.actions.githubusercontent.com:sub)' : `its conditions on ${prefix}:sub and ${prefix}:aud`;
    return `Check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity to the IAM OIDC provider of this token’s issuer, and ${keys} must match this subject and the token’s audience.`;
}
/** Retries what may pass (throttling, STS or IdP trouble, network failures, timeouts), honouring Retry-After. */
function transientVerdict(error) {
    const serviceError = asServiceError(error);
    if (serviceError) {
        const status = serviceError.$metadata.httpStatusCode ?? 0;
        const transient = TRANSIENT_CODES.has(wireCode(serviceError)) || status === 429 || status >= 500;
        return transient ? { retry: true, afterMs: retryAfterMs(serviceError) } : { retry: false };
    }
    return isNetworkError(error) || isTimeout(error) ? { retry: true } : { retry: false };
}
/** STS says the token expired, as ExpiredTokenException or as an InvalidIdentityToken that names expiry. */
function isExpiredTokenError(error) {
    const serviceError = asServiceError(error);
    if (!serviceError)
        return false;
    const code = wireCode(serviceError);
    return code === 'ExpiredTokenException' || (code === 'InvalidIdentityToken' && /expired/i.test(serviceError.message));
}
/** The BrokerError to report for a failed exchange. BrokerErrors (from the token source) pass through. */
function exchangeError(error, facts) {
    if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz)
        return error;
    if (error instanceof _util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetriesExhaustedError */ .i5)
        return exhaustedError(error, facts);
    const serviceError = asServiceError(error);
    const code = serviceError ? wireCode(serviceError) : undefined;
    const awsSaid = JSON.stringify(facts.redact(error instanceof Error ? error.message : String(error)));
    if (isExpiredTokenError(error)) {
        return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsExpiredToken, 'AWS STS says the OIDC token has expired, even after a fresh one was requested.', {
            hint: 'Tokens live for minutes: check that this machine’s clock is right and that nothing holds the token between its request and the exchange.',
            cause: error,
        });
    }
    switch (code) {
        case 'AccessDenied':
            return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsAccessDenied, `AWS STS denied assuming ${facts.roleArn} with the token whose subject is ${JSON.stringify(facts.subject)}.`, {
                hint: trustPolicyHint(facts.issuer),
                cause: error,
            });
        case 'InvalidIdentityToken':
            return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsInvalidIdentityToken, `AWS STS rejected the OIDC token for ${facts.roleArn}: ${awsSaid}.`, {
                hint: 'Check that the token’s issuer is registered as an IAM OIDC identity provider in the role’s account, and that the token’s audience is one of that provider’s client IDs (usually sts.amazonaws.com).',
                cause: error,
            });
        case 'ValidationError':
            return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsValidation, `AWS STS rejected the request to assume ${facts.roleArn}: ${awsSaid}.`, {
                hint: 'Check the role ARN, the session name, the duration (at most the role’s maximum session duration) and any session policies.',
                cause: error,
            });
        default:
            return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsExchangeFailed, `Assuming ${facts.roleArn} failed with ${failureCode(error)}: ${awsSaid}.`, {
                hint: 'Look the code up in the AWS STS documentation of AssumeRoleWithWebIdentity. A network code such as ENOTFOUND means STS was not found: check the region, and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them.',
                cause: error,
            });
    }
}
function exhaustedError(error, facts) {
    const seconds = (error.elapsedMs / 1000).toFixed(1);
    const why = error.timedOut ? `the ${error.budgetMs === undefined ? '' : `${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .Xo)(error.budgetMs)} s `}time budget ran out` : 'no attempts were left';
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsExchangeTimedOut, `Gave up assuming ${facts.roleArn} after ${error.attempts} attempt(s) over ${seconds} s, because ${why}; the last failure was ${failureCode(error.lastError)}.`, {
        hint: 'AWS STS was throttling, failing or unreachable. Retry the job later; if STS was unreachable, check this machine’s network access to it (and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them).',
        cause: error,
    });
}
/** A short, secret-free name for a failure: the STS code and HTTP status, a network error code, or a timeout. */
function failureCode(error) {
    const serviceError = asServiceError(error);
    if (serviceError)
        return `${wireCode(serviceError)} (HTTP ${serviceError.$metadata.httpStatusCode ?? 'status unknown'})`;
    // The SDK names a dropped connection TimeoutError too; its code says what really happened.
    if (isNetworkError(error))
        return String(error.code);
    if (isTimeout(error))
        return 'a timeout';
    if (!(error instanceof Error))
        return 'an unknown error';
    const { code } = error;
    return typeof code === 'string' ? code : error.name;
}
function asServiceError(error) {
    return error instanceof Error && '$fault' in error && '$metadata' in error ? error : undefined;
}
function wireCode(error) {
    return typeof error.Code === 'string' ? error.Code : error.name;
}
function isNetworkError(error) {
    return error instanceof Error && NETWORK_ERROR_CODES.has(String(error.code));
}
function isTimeout(error) {
    return error instanceof Error && TIMEOUT_ERROR_NAMES.has(error.name);
}
/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(error) {
    const header = error.$response?.headers['retry-after'];
    if (header === undefined)
        return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isNaN(ms) ? undefined : Math.max(0, ms);
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
