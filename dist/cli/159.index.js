export const id = 159;
export const ids = [159];
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

/***/ 58975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revoke: () => (/* binding */ revoke)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _providers_aws_apply_denial_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73906);
/* harmony import */ var _providers_aws_exchange_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52839);
/* harmony import */ var _providers_aws_session_denial_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29242);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10524);
/* harmony import */ var _ci_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15197);






/**
 * `revoke`: deny one session of a role, or every session issued before a time. With the caller's own
 * AWS credentials (incident response), or through a revoker role assumed with a CI job's OIDC token.
 * Exit 0 denied, 1 refused by AWS, 2 usage.
 */
async function revoke(options) {
    if (options.broker) {
        const stray = ['role', 'session', 'expiresAt', 'issuedBefore', 'revokerRole'].find((name) => options[name] !== undefined);
        if (stray || !options.selector) {
            return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .reportError */ .N7)(usage(stray ? `--broker revokes by --selector; ${(0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .flagOf */ .iP)(stray)} is for a role's own denials.` : 'revoke --broker needs --selector.', 'For example --selector repository-id=8429, or --selector rule=deploy,issued-before=2026-11-23T10:00:00Z.'), options.format, _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Usage);
        }
        const { revokeThroughBroker } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(746), __webpack_require__.e(485), __webpack_require__.e(127), __webpack_require__.e(540), __webpack_require__.e(580), __webpack_require__.e(549)]).then(__webpack_require__.bind(__webpack_require__, 14549));
        return revokeThroughBroker({ ...options, broker: options.broker, selector: options.selector });
    }
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d1)(options.format, (error) => (error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid ? _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Usage : _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Refused), async () => {
        if (options.selector)
            throw usage('--selector needs --broker: only a broker knows which sessions it issued.', 'Add --broker URL, or deny on a role with --role and --session or --issued-before.');
        if (!options.role)
            throw usage('revoke needs --role (or --broker with --selector).', 'Deny on a role: --role arn:aws:iam::ACCOUNT:role/NAME; or through a broker: --broker URL --selector repository-id=ID.');
        const role = options.role;
        const roleName = (0,_providers_aws_apply_denial_js__WEBPACK_IMPORTED_MODULE_1__/* .roleNameOf */ .xZ)(role);
        if (!roleName)
            throw usage(`--role is "${role}", not an IAM role ARN.`, 'Use arn:aws:iam::ACCOUNT:role/NAME.');
        if (Boolean(options.session) === Boolean(options.issuedBefore)) {
            throw usage('revoke needs exactly one of --session and --issued-before.', 'Deny one session (--session AROA…:name --expires-at TIME) or every session issued before a time (--issued-before TIME).');
        }
        let deny;
        if (options.session) {
            const session = options.session;
            if (!/^AROA[A-Z0-9]+:[\w+=,.@-]{2,64}$/.test(session))
                throw usage(`--session is "${session}", not a session's aws:userid.`, 'Give the AssumedRoleId, AROA…:session-name, as STS returned it (the post step and CloudTrail show it).');
            const expiresAt = time(options.expiresAt ?? '', '--expires-at');
            deny = () => (0,_providers_aws_session_denial_js__WEBPACK_IMPORTED_MODULE_3__/* .denyOneSession */ .pX)(session, expiresAt);
        }
        else {
            const cutoff = time(options.issuedBefore, '--issued-before');
            deny = (maxSessionDurationSeconds) => (0,_providers_aws_session_denial_js__WEBPACK_IMPORTED_MODULE_3__/* .denySessionsIssuedBefore */ .yw)(cutoff, maxSessionDurationSeconds);
        }
        const now = new Date();
        const iam = await (0,_providers_aws_apply_denial_js__WEBPACK_IMPORTED_MODULE_1__/* .iamClient */ .LV)(options.region, options.revokerRole ? await revokerCredentials(options) : undefined);
        try {
            if (!options.revokerRole)
                await requireOwnCredentials(iam);
            const { denial, pruned, boundaryArn } = await (0,_providers_aws_apply_denial_js__WEBPACK_IMPORTED_MODULE_1__/* .applyDenial */ .M5)(iam, roleName, deny, now);
            const result = { role, policyName: denial.policyName, pruned, permissionsBoundary: boundaryArn ?? null, obsoleteAt: denial.obsoleteAt.toISOString() };
            if (options.format === 'json')
                (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .writeJson */ .GF)(result);
            else {
                process.stdout.write(`denied: ${options.session ? `session ${options.session}` : `every session issued before ${options.issuedBefore}`} on ${role} (inline policy ${denial.policyName}, pruned after ${result.obsoleteAt})\n`);
                if (pruned.length > 0)
                    process.stdout.write(`pruned ${pruned.length} expired denial(s)\n`);
                if (!boundaryArn)
                    process.stderr.write(`warning: ${role} has no permissions boundary; whoever may write these denials could also widen the role.\n`);
            }
            return _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Ok;
        }
        finally {
            iam.destroy();
        }
    });
}
async function revokerCredentials(options) {
    const token = await (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_5__/* .readCiToken */ .WZ)(options, options.audience ?? 'sts.amazonaws.com');
    return (0,_providers_aws_exchange_js__WEBPACK_IMPORTED_MODULE_2__/* .assumeRoleWithWebIdentity */ .z)({
        roleArn: options.revokerRole,
        sessionName: `ci-oidc-broker-revoke-${Date.now()}`,
        durationSeconds: 900,
        region: options.region,
        subject: 'the given token',
        getToken: async () => token,
    });
}
// Found before IAM is called, so that their absence is not mistaken for a network failure.
async function requireOwnCredentials(iam) {
    try {
        await iam.config.credentials();
    }
    catch (error) {
        if (error.name !== 'CredentialsProviderError')
            throw error;
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, 'No AWS credentials were found to write the denial with.', {
            hint: 'The AWS SDK looks, in this order, at AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN); the profile AWS_PROFILE names (else "default") in ~/.aws/credentials and ~/.aws/config, SSO and credential_process included; AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN; then the container and EC2 instance metadata. Provide one of them, or pass --revoker-role ARN with a CI job’s token.',
            cause: error,
        });
    }
}
function time(text, option) {
    const parsed = Date.parse(text);
    if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(parsed))
        throw usage(`${option} is "${text}", not an ISO 8601 time.`, `Write ${option} like 2026-11-23T10:00:00Z.`);
    return new Date(parsed);
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
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

/***/ 29242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rt: () => (/* binding */ REVOKER_ACTIONS),
/* harmony export */   eb: () => (/* binding */ denyTaggedSessions),
/* harmony export */   jG: () => (/* binding */ DENIAL_PREFIX),
/* harmony export */   kW: () => (/* binding */ obsoleteDenials),
/* harmony export */   p0: () => (/* binding */ denyNamedSessions),
/* harmony export */   pX: () => (/* binding */ denyOneSession),
/* harmony export */   yw: () => (/* binding */ denySessionsIssuedBefore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * How sessions are denied on a role: one inline policy per denial, named after what it denies and
 * until when it matters. One policy per denial is the design that lets concurrent jobs revoke on the
 * same role without a lost update: IAM has no conditional write, so a shared deny list edited by
 * read-modify-write can drop an entry that another writer added between the read and the write. Each
 * name carries the moment after which its denial protects nothing (the session's expiry, or the
 * cutoff plus the role's maximum session duration), so every write can prune the dead ones and the
 * role stays under IAM's aggregate size limit for inline policies.
 */
const DENIAL_PREFIX = 'ci-oidc-broker-deny-';
/** The actions the post step and `ci-oidc-broker revoke` use on the target role, and nothing else. */
const REVOKER_ACTIONS = ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy'];
/** Denies one session, whose `aws:userid` is `AROA…:session-name`, until it expires. */
function denyOneSession(assumedRoleId, expiresAt) {
    return denyNamedSessions([assumedRoleId], expiresAt);
}
/** Denies the sessions with these `aws:userid`s in one statement, until the last of them expires. */
function denyNamedSessions(assumedRoleIds, lastExpiry) {
    const ids = [...new Set(assumedRoleIds)].sort();
    return {
        policyName: `${DENIAL_PREFIX}session-${compactTime(lastExpiry)}-${digest(ids.join('\n'))}`,
        document: denyWhere({ StringEquals: { 'aws:userid': ids.length === 1 ? ids[0] : ids } }),
        obsoleteAt: lastExpiry,
    };
}
/**
 * Denies every session issued before `cutoff` that carries the given session tags: one statement per
 * alternative (its tags must all match), so one policy covers every session of a repository however
 * many there are, where per-session denials run out at about 45 on a role. The cutoff is rounded up to
 * the second, as `aws:TokenIssueTime` has no finer grain: a session issued in that same second after
 * the cutoff is denied too, never one before it spared.
 */
function denyTaggedSessions(alternatives, cutoff, maxSessionDurationSeconds) {
    const until = new Date(Math.ceil(cutoff.getTime() / 1000) * 1000);
    const obsoleteAt = new Date(until.getTime() + maxSessionDurationSeconds * 1000);
    const statements = alternatives.map((tags, index) => ({
        ...statement({ StringEquals: Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])), DateLessThan: { 'aws:TokenIssueTime': until.toISOString() } }),
        Sid: `CiOidcBrokerRevocation${index}`,
    }));
    return {
        policyName: `${DENIAL_PREFIX}tagged-${compactTime(obsoleteAt)}-${digest(JSON.stringify(statements))}`,
        document: { Version: '2012-10-17', Statement: statements },
        obsoleteAt,
    };
}
/** Denies every session of the role issued before `cutoff`, as AWS's "revoke active sessions" does. */
function denySessionsIssuedBefore(cutoff, maxSessionDurationSeconds) {
    // Whole seconds, so that the name (which has no milliseconds) and the condition agree.
    cutoff = new Date(Math.floor(cutoff.getTime() / 1000) * 1000);
    return {
        policyName: `${DENIAL_PREFIX}before-${compactTime(cutoff)}`,
        document: denyWhere({ DateLessThan: { 'aws:TokenIssueTime': cutoff.toISOString() } }),
        obsoleteAt: new Date(cutoff.getTime() + maxSessionDurationSeconds * 1000),
    };
}
/**
 * The denials among a role's inline policy names that protect nothing any more. Names that are not
 * ours, or that do not parse, are never touched.
 */
function obsoleteDenials(policyNames, now, maxSessionDurationSeconds) {
    return policyNames.filter((name) => {
        // Both name the instant after which they protect nothing.
        const until = /^ci-oidc-broker-deny-(?:session|tagged)-(\d{8}T\d{6}Z)-[0-9a-f]{16}$/.exec(name);
        if (until)
            return parseCompactTime(until[1]) < now.getTime();
        const before = /^ci-oidc-broker-deny-before-(\d{8}T\d{6}Z)$/.exec(name);
        if (before)
            return parseCompactTime(before[1]) + maxSessionDurationSeconds * 1000 < now.getTime();
        return false;
    });
}
function denyWhere(condition) {
    return { Version: '2012-10-17', Statement: [statement(condition)] };
}
function statement(condition) {
    return { Sid: 'CiOidcBrokerRevocation', Effect: 'Deny', Action: '*', Resource: '*', Condition: condition };
}
function digest(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16);
}
// Policy names allow [\w+=,.@-]: an ISO instant without its colons, dashes and milliseconds.
function compactTime(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
function parseCompactTime(text) {
    const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text);
    return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}


/***/ })

};
