export const id = 580;
export const ids = [580];
export const modules = {

/***/ 25096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ BrokerRefusal),
/* harmony export */   KJ: () => (/* binding */ gcpSessionOf),
/* harmony export */   PC: () => (/* binding */ awsSessionOf),
/* harmony export */   Se: () => (/* binding */ explainDecisionJson),
/* harmony export */   Ug: () => (/* binding */ parseBrokerUrl),
/* harmony export */   ru: () => (/* binding */ brokerClient)
/* harmony export */ });
/* unused harmony exports brokerSessionName, recordedIdentity */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41910);
/* harmony import */ var _policy_explain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9129);
/* harmony import */ var _util_proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40796);




// A broker that hangs must not hold a job for its whole timeout: minting is two round trips at most.
const REQUEST_TIMEOUT_MS = 30_000;
const KNOWN_CODES = new Set(Object.values(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4));
/**
 * What the job or the operator does about each refusal only the service gives. The broker's own hint
 * follows it: the broker knows the particulars (which limit, which policy), the client knows who reads.
 */
const CLIENT_HINTS = {
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.BearerMissing]: 'This client always sends the token as a bearer: a proxy between it and the broker dropped the Authorization header; let it through to /v1/.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RequestInvalid]: 'This client and the broker disagree about the API: use a release of the action or the CLI that matches the broker’s.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenReplayed]: 'A token is exchanged once: run the step again for a fresh one. If nothing else could have used this token, treat it as stolen: someone exchanged it first.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RateLimited]: 'The broker limits exchanges per repository, owner and issuer: retry after the time it names, or ask its operator to raise the limit.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RunUnknown]: 'Only a token that names its run can end its own sessions; an operator can end them by selector (`revoke --broker URL --selector repository-id=ID`).',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.NotReady]: 'The broker is up but cannot decide or record yet (no valid policy, or its database out of reach): retry shortly; its operator sees why in GET /readyz and its log.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.NotFound]: 'Give the broker’s base URL, without a path: the client adds /v1/… itself.',
    [_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.OperatorNotAuthorized]: 'Ask the policy’s owners for an `operators:` entry that matches your token’s claims (`ci-oidc-broker token verify` prints them); a job’s token is no operator’s.',
};
/** A refusal the broker answered with: its stable code (the project's or the service's own) and HTTP status. */
class BrokerRefusal extends _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz {
    status;
    /** The code as the broker sent it; `code` is BROKER_REFUSED when this client does not know it. */
    brokerCode;
    /** A policy denial carries the decision, rule by rule. */
    decision;
    retryAfterSeconds;
    constructor(status, body, decision, retryAfterSeconds) {
        const code = isErrorCode(body.code) ? body.code : _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.BrokerRefused;
        const clientHint = CLIENT_HINTS[code];
        super(code, code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.BrokerRefused ? `${body.message} (the broker’s code ${JSON.stringify(body.code)}, which this client does not know)` : body.message, {
            hint: clientHint ? `${clientHint} The broker adds: ${body.hint}` : body.hint,
        });
        this.status = status;
        this.brokerCode = body.code;
        this.decision = decision;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
function isErrorCode(code) {
    return KNOWN_CODES.has(code);
}
/**
 * The broker's base URL, checked before any token is sent to it: https, or plain http on loopback for
 * the sandbox. `what` names where the URL came from (an input, a flag).
 */
function parseBrokerUrl(value, what) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && (0,_oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .c)(url.hostname))) || url.username || url.password || url.search || url.hash) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, `${what} is ${JSON.stringify(value)}, not the broker's https URL.`, {
            hint: 'Give the broker’s base URL, such as https://broker.example.com; the job’s token goes there, so plain http is for 127.0.0.1 only.',
        });
    }
    return value.replace(/\/+$/, '');
}
function brokerClient(baseUrl) {
    return {
        exchange: (token, body) => call(baseUrl, 'POST', '/v1/exchange', token, body),
        revokeOwnSessions: (token) => call(baseUrl, 'POST', '/v1/revoke', token, {}),
        listSessions: (token, filter) => {
            const query = new URLSearchParams(Object.entries(filter).filter((entry) => entry[1] !== undefined));
            return call(baseUrl, 'GET', `/v1/sessions${query.size > 0 ? `?${query}` : ''}`, token);
        },
        revokeBySelector: (token, selector) => call(baseUrl, 'POST', '/v1/revoke', token, { selector }),
    };
}
/** One request with the bearer; an answer other than 2xx becomes a BrokerRefusal, an unreachable broker a BrokerError. */
async function call(baseUrl, method, path, token, body) {
    let response;
    try {
        response = await (0,_util_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .proxiedFetch */ .iR)(`${baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
            ...(body !== undefined && { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
    }
    catch (error) {
        // A proxy's refusal already says what to do about it.
        if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz)
            throw error;
        const timedOut = error.name === 'TimeoutError';
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenRequestFailed, `The broker at ${baseUrl} ${timedOut ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : 'could not be reached'}.`, {
            hint: 'Check the broker URL and that the job can reach it; the broker’s /healthz answers when it is up.',
            cause: error,
        });
    }
    const text = await response.text();
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = undefined;
    }
    if (response.ok && parsed !== undefined)
        return parsed;
    const answer = parsed;
    const error = answer?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string' && typeof error.hint === 'string') {
        const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
        throw new BrokerRefusal(response.status, { code: error.code, message: error.message, hint: error.hint }, answer?.decision, Number.isFinite(retryAfter) ? retryAfter : undefined);
    }
    // Not the broker's JSON: a proxy's error page, most likely. Its text is not repeated.
    throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.TokenRequestFailed, `${baseUrl}${path} answered HTTP ${response.status} without the broker's JSON.`, {
        hint: 'Check that the URL is the broker’s and that a proxy in front of it passes /v1/ through.',
    });
}
/** A denial's decision, rule by rule, in the words the in-runner check uses. */
function explainDecisionJson(decision) {
    const headline = decision.rule === null ? 'Denied: no allow rule matched (deny by default).' : `Denied by rule "${decision.rule}".`;
    return [
        `${headline} (decided by the broker)`,
        ...decision.rules.map((rule) => {
            const head = `  rule "${rule.name}" (${rule.effect})`;
            if (rule.matched)
                return `${head}: matched`;
            if (!rule.mismatch)
                return `${head}: no match`;
            const { claim, expected, actual } = rule.mismatch;
            return `${head}: no match, ${claim} was ${actual === null ? '(absent)' : (0,_policy_explain_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteClaim */ .x2)(actual)}, expected ${describeExpectedJson(expected)}`;
        }),
    ];
}
function describeExpectedJson(expected) {
    if (typeof expected === 'string')
        return (0,_policy_explain_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteClaim */ .x2)(expected);
    if ('glob' in expected)
        return `glob ${(0,_policy_explain_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteClaim */ .x2)(expected.glob)}`;
    if ('regex' in expected)
        return `regex ${(0,_policy_explain_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteClaim */ .x2)(expected.regex)}`;
    return `one of ${expected.map(_policy_explain_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteClaim */ .x2).join(', ')}`;
}
/** A session the broker issued, as its AWS SDK-facing parts; the region is the caller's, which the broker does not choose. */
function awsSessionOf(answer, region) {
    return {
        accessKeyId: answer.accessKeyId,
        secretAccessKey: answer.secretAccessKey,
        sessionToken: answer.sessionToken,
        expiration: new Date(answer.expiration),
        assumedRoleId: answer.assumedRoleId,
        assumedRoleArn: answer.assumedRoleArn,
        accountId: /^arn:[\w-]+:iam::(\d{12}):/.exec(answer.roleArn)?.[1] ?? '',
        sessionName: answer.sessionName,
        roleArn: answer.roleArn,
        region,
    };
}
function gcpSessionOf(answer) {
    // Minted by impersonation as the broker: no workload identity provider is involved.
    return { accessToken: answer.accessToken, expiration: new Date(answer.expiration), serviceAccount: answer.serviceAccount, workloadIdentityProvider: '' };
}
/** How a job records a Google token the broker issued: Google gives the token no identity of its own. */
function brokerSessionName(sessionId) {
    return `broker session ${sessionId}`;
}
/** The identity under which the job recorded a session that the broker now reports on: AWS's aws:userid, as in the direct path. */
function recordedIdentity(session) {
    return session.provider === 'aws' && session.assumedRoleId !== undefined ? session.assumedRoleId : brokerSessionName(session.sessionId);
}


/***/ }),

/***/ 22580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exchange: () => (/* binding */ exchange),
/* harmony export */   exchangeCredentials: () => (/* binding */ exchangeCredentials),
/* harmony export */   exitCodeFor: () => (/* binding */ exitCodeFor),
/* harmony export */   maskInGitHubActions: () => (/* binding */ maskInGitHubActions),
/* harmony export */   secretsOf: () => (/* binding */ secretsOf),
/* harmony export */   writeCredentialProcess: () => (/* binding */ writeCredentialProcess)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_authorize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33835);
/* harmony import */ var _core_issue_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3996);
/* harmony import */ var _core_web_identity_minter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66858);
/* harmony import */ var _broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25096);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(25725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57314);
/* harmony import */ var _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75432);
/* harmony import */ var _providers_aws_export_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(72988);
/* harmony import */ var _providers_aws_session_name_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82022);
/* harmony import */ var _providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(44118);
/* harmony import */ var _providers_gcp_export_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(19713);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(10524);
/* harmony import */ var _ci_token_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(15197);
/* harmony import */ var _policy_file_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(65786);















/**
 * `exchange`: the action's pipeline for any CI system. The token is verified, its claims face the
 * policy (a denial explains itself on stderr, as the action's log does), and the grant is exchanged
 * for AWS and/or Google credentials, printed on stdout only. Exit 0 issued, 1 refused, 2 usage.
 */
function exchange(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .runCommand */ .d1)(options.format === 'json' ? 'json' : 'text', exitCodeFor, async () => {
        const result = await exchangeCredentials(options);
        maskInGitHubActions(secretsOf(result));
        process.stdout.write(render(result, options));
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .Exit */ .Jc.Ok;
    });
}
function exitCodeFor(error) {
    return error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_4__/* .ErrorCode */ .O4.InputInvalid ? _cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .Exit */ .Jc.Usage : _cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .Exit */ .Jc.Refused;
}
/** Token → verified claims → decision → credentials; shared by `exchange` and `aws-credential-process`. */
async function exchangeCredentials(request) {
    if (request.broker)
        return exchangeThroughBroker(request, request.broker);
    const wantsAws = Boolean(request.awsRole || request.awsRegion);
    if (!wantsAws && !request.gcpProvider) {
        throw usage('Ask for a cloud: --aws-role (with --aws-region) for AWS, --gcp-provider for Google Cloud, or both.', 'For example --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1.');
    }
    if (!request.policy)
        throw usage('Give the policy that decides with --policy.', 'The same policy file the action reads; it names the roles and service accounts each job may get.');
    const issuer = request.issuer ?? (request.preset ? _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_5__/* .CI_SYSTEMS */ .mU[request.preset].defaultIssuer : undefined);
    if (!issuer)
        throw usage('Give the issuer with --issuer.', request.preset === 'circleci' ? 'CircleCI’s issuer names your organisation: https://oidc.circleci.com/org/ORG_ID.' : 'Use the issuer URL exactly as it appears in the tokens’ iss claim.');
    const audience = request.audience ?? (wantsAws ? 'sts.amazonaws.com' : `//iam.googleapis.com/${request.gcpProvider}`);
    const wanted = { aws: wantsAws ? awsRequest(request) : undefined, gcp: request.gcpProvider ? gcpRequest(request) : undefined };
    const token = await (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_11__/* .readCiToken */ .WZ)(request, audience);
    maskInGitHubActions([token]);
    const policy = await (0,_policy_file_js__WEBPACK_IMPORTED_MODULE_12__/* .loadPolicyArgument */ .E)(request.policy, request.root);
    const authorization = await (0,_core_authorize_js__WEBPACK_IMPORTED_MODULE_1__/* .authorizeToken */ .p)(token, { issuer, audience, policy, wanted });
    if (!authorization.allowed) {
        // The same explanation the action logs; claims are not secrets, the token never appears.
        process.stderr.write(`${authorization.explanation.join('\n')}\n`);
        throw authorization.error;
    }
    const { rule, claims, grants } = authorization;
    const minter = (0,_core_web_identity_minter_js__WEBPACK_IMPORTED_MODULE_2__/* .webIdentityMinter */ .i)({
        getToken: async () => token,
        region: request.awsRegion,
        gcpEndpoints: { tokenUrl: request.gcpTokenUrl ?? _providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_8__/* .GOOGLE_ENDPOINTS */ .r_.tokenUrl, iamCredentialsUrl: request.gcpIamCredentialsUrl ?? _providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_8__/* .GOOGLE_ENDPOINTS */ .r_.iamCredentialsUrl },
    });
    if (grants.aws?.capped)
        notice(`the AWS session lasts ${grants.aws.durationSeconds} s, not the ${grants.aws.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-duration).`);
    // Readable in CloudTrail, and unique per job: the CI system's own project, run and job identifiers.
    const aws = grants.aws && (await (0,_core_issue_js__WEBPACK_IMPORTED_MODULE_13__/* .issueAws */ .t)(grants.aws, claims, (0,_providers_aws_session_name_js__WEBPACK_IMPORTED_MODULE_7__/* .sessionNameForToken */ .q0)(claims, request.preset), minter));
    if (grants.gcp?.capped)
        notice(`the Google access token lives ${grants.gcp.lifetimeSeconds} s, not the ${grants.gcp.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-lifetime).`);
    const gcp = grants.gcp && (await (0,_core_issue_js__WEBPACK_IMPORTED_MODULE_13__/* .issueGcp */ .Y)(grants.gcp, claims, minter));
    return { rule: rule.name, aws, gcp };
}
/** The same request put to the broker, which verifies, decides and mints; its denial explains itself as the local one does. */
async function exchangeThroughBroker(request, brokerUrl) {
    const baseUrl = (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBrokerUrl */ .Ug)(brokerUrl, '--broker');
    const stray = ['policy', 'root', 'issuer', 'audience', 'gcpProvider', 'gcpTokenUrl', 'gcpIamCredentialsUrl'].find((option) => request[option] !== undefined);
    if (stray)
        throw usage(`${(0,_cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .flagOf */ .iP)(stray)} is not used with --broker: the broker verifies with its own issuers, decides by its own policy, and mints Google tokens by impersonation.`, 'Leave it out; --broker-audience sets the audience of the token sent to the broker.');
    const wantsAws = Boolean(request.awsRole || request.awsRegion);
    const wantsGcp = Boolean(request.gcpServiceAccount);
    if (!wantsAws && !wantsGcp) {
        throw usage('Ask the broker for a cloud: --aws-role (with --aws-region) for AWS, --gcp-service-account for Google Cloud, or both.', 'For example --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1.');
    }
    // The broker's own default duration applies unless one is asked for.
    const aws = wantsAws ? awsRequest(request) : undefined;
    const gcp = wantsGcp ? gcpRequest(request) : undefined;
    const body = {
        ...(aws && { aws: { ...(aws.role && { role: aws.role }), ...(request.awsDuration !== undefined && { durationSeconds: aws.durationSeconds }) } }),
        ...(gcp && { gcp: { ...(gcp.serviceAccount && { serviceAccount: gcp.serviceAccount }), lifetimeSeconds: gcp.lifetimeSeconds } }),
    };
    const token = await (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_11__/* .readCiToken */ .WZ)(request, request.brokerAudience ?? baseUrl);
    maskInGitHubActions([token]);
    const answer = await (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .brokerClient */ .ru)(baseUrl)
        .exchange(token, body)
        .catch((error) => {
        if (error instanceof _broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .BrokerRefusal */ .El && error.decision)
            process.stderr.write(`${(0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .explainDecisionJson */ .Se)(error.decision).join('\n')}\n`);
        throw error;
    });
    if (answer.aws?.capped)
        notice(`the AWS session lasts ${answer.aws.durationSeconds} s: rule "${answer.rule}" grants at most that (max-duration).`);
    if (answer.gcp?.capped)
        notice(`the Google access token lives ${answer.gcp.lifetimeSeconds} s: rule "${answer.rule}" grants at most that (max-lifetime).`);
    return { rule: answer.rule, aws: answer.aws && (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .awsSessionOf */ .PC)(answer.aws, aws.region), gcp: answer.gcp && (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_3__/* .gcpSessionOf */ .KJ)(answer.gcp) };
}
// The flags are checked before any token is read, so a mistyped one costs no token.
function awsRequest(request) {
    if (!request.awsRegion)
        throw usage('--aws-region is required for AWS.', 'For example --aws-region us-east-1.');
    const durationSeconds = request.awsDuration === undefined ? _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .STS_SESSION_SECONDS */ .Em.default : (0,_policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .parseDuration */ .E9)(request.awsDuration);
    if (durationSeconds === undefined || durationSeconds < _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .STS_SESSION_SECONDS */ .Em.min || durationSeconds > _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .STS_SESSION_SECONDS */ .Em.max)
        throw usage(`--aws-duration is "${request.awsDuration}", not from 15m to 12h.`, 'Write seconds (900) or a duration (15m, 1h).');
    return { role: request.awsRole, durationSeconds, region: request.awsRegion };
}
function gcpRequest(request) {
    const lifetimeSeconds = request.gcpLifetime === undefined ? _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .GCP_TOKEN_SECONDS */ .T9.default : (0,_policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .parseDuration */ .E9)(request.gcpLifetime);
    if (lifetimeSeconds === undefined || lifetimeSeconds < _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .GCP_TOKEN_SECONDS */ .T9.min || lifetimeSeconds > _policy_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .GCP_TOKEN_SECONDS */ .T9.max)
        throw usage(`--gcp-lifetime is "${request.gcpLifetime}", not from 1s to 1h.`, 'Write seconds (600) or a duration (10m).');
    return { provider: request.gcpProvider, serviceAccount: request.gcpServiceAccount, lifetimeSeconds };
}
/** The variables the clouds' CLIs and SDKs read. Google's client libraries take no bare token, so gcloud's and Terraform's. */
function environmentOf(result, request) {
    return {
        ...(result.aws && (0,_providers_aws_export_js__WEBPACK_IMPORTED_MODULE_14__/* .awsEnvironment */ .PO)(result.aws)),
        ...(result.gcp && { CLOUDSDK_AUTH_ACCESS_TOKEN: result.gcp.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: result.gcp.accessToken, ...(0,_providers_gcp_export_js__WEBPACK_IMPORTED_MODULE_9__/* .gcpEnvironment */ .uZ)(undefined, request.gcpProject) }),
    };
}
function render(result, request) {
    const environment = environmentOf(result, request);
    switch (request.format) {
        case 'json':
            return `${JSON.stringify({
                rule: result.rule,
                ...(result.aws && { aws: { accessKeyId: result.aws.accessKeyId, secretAccessKey: result.aws.secretAccessKey, sessionToken: result.aws.sessionToken, expiration: result.aws.expiration.toISOString(), assumedRoleId: result.aws.assumedRoleId, region: result.aws.region } }),
                ...(result.gcp && { gcp: { accessToken: result.gcp.accessToken, expiration: result.gcp.expiration.toISOString(), serviceAccount: result.gcp.serviceAccount ?? null } }),
                environment,
            }, null, 2)}\n`;
        case 'dotenv':
            // Single-quoted for `source` and for dotenv parsers alike.
            return Object.entries(environment)
                .map(([name, value]) => `export ${name}='${value.replaceAll("'", "'\\''")}'\n`)
                .join('');
        case 'github-env': {
            // The runner's multi-line syntax, with a delimiter no value can contain.
            const delimiter = `ci_oidc_broker_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')}`;
            return Object.entries(environment)
                .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
                .join('');
        }
    }
}
// As the action's notice does: a credential shorter than asked for should not come as a surprise later.
function notice(text) {
    process.stderr.write(`notice: ${text}\n`);
}
/**
 * Inside GitHub Actions, registers secrets with the runner's masker before anything could print them, as
 * the action does. On stderr, which the runner reads for workflow commands too: stdout may be going
 * to $GITHUB_ENV.
 */
function maskInGitHubActions(secrets, env = process.env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return;
    for (const secret of secrets)
        process.stderr.write(`::add-mask::${secret}\n`);
}
/** Every secret of the credentials, the account id included, as the action masks them by default. */
function secretsOf(result) {
    return [...(result.aws ? (0,_providers_aws_export_js__WEBPACK_IMPORTED_MODULE_14__/* .awsSecretValues */ .Ci)(result.aws, { maskAccountId: true }) : []), ...(result.gcp ? (0,_providers_gcp_export_js__WEBPACK_IMPORTED_MODULE_9__/* .gcpSecretValues */ .rs)(result.gcp) : [])];
}
/** Prints the `credential_process` JSON contract (Version 1) for AWS CLIs and SDKs. */
function writeCredentialProcess(session) {
    (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_10__/* .writeJson */ .GF)({ Version: 1, AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiration.toISOString() });
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_4__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_4__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ }),

/***/ 65786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ loadPolicyArgument)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39485);



/**
 * Loads the policy file a command line names. What the loader would meet as a raw file-system error (a
 * folder, a file it may not read) is said here in terms of the path the user typed.
 */
async function loadPolicyArgument(path, root) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch((error) => error);
    if (info instanceof Error) {
        if (info.code === 'ENOENT' || info.code === 'ENOTDIR') {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.PolicyNotFound, `No policy file at ${path}.`, {
                hint: "Check the path, which starts at the current directory; the action's default is .github/ci-oidc-broker.yml.",
            });
        }
        throw unreadable(path, info.code);
    }
    if (info.isDirectory()) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `${path} is a folder, not a policy file.`, { hint: 'Name the policy file itself, such as .github/ci-oidc-broker.yml.' });
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK).catch((error) => {
        throw unreadable(path, error.code);
    });
    return (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPolicyFile */ .n$)(path, root);
}
function unreadable(path, code) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `Cannot read the policy file ${path} (${code ?? 'error'}).`, { hint: 'Check that the file is readable by this user.' });
}


/***/ }),

/***/ 66858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ webIdentityMinter)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _providers_aws_exchange_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52839);
/* harmony import */ var _providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44118);



/** Mints with the job's own token, as the action and the CLI do: each cloud trusts the CI issuer directly. */
function webIdentityMinter(options) {
    return {
        aws: (request) => {
            const region = options.region;
            if (!region)
                return Promise.reject(new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, 'No AWS region was given, so there is no STS endpoint to ask.', { hint: 'Name the region, for example us-east-1.' }));
            return (0,_providers_aws_exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .assumeRoleWithWebIdentity */ .z)({
                roleArn: request.roleArn,
                sessionName: request.sessionName,
                durationSeconds: request.durationSeconds,
                region,
                inlineSessionPolicy: request.sessionPolicy,
                managedSessionPolicyArns: request.managedSessionPolicyArns,
                subject: String(request.claims.sub),
                issuer: String(request.claims.iss),
                getToken: options.getToken,
            });
        },
        gcp: (request) => (0,_providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_2__/* .exchangeForGoogleToken */ .jb)({
            workloadIdentityProvider: request.workloadIdentityProvider,
            serviceAccount: request.serviceAccount,
            lifetimeSeconds: request.lifetimeSeconds,
            scopes: request.scopes,
            endpoints: options.gcpEndpoints ?? _providers_gcp_exchange_js__WEBPACK_IMPORTED_MODULE_2__/* .GOOGLE_ENDPOINTS */ .r_,
            getToken: () => options.getToken({ forceRefresh: false }),
        }),
    };
}


/***/ }),

/***/ 72988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ awsSecretValues),
/* harmony export */   PO: () => (/* binding */ awsEnvironment)
/* harmony export */ });
/* unused harmony exports displayArn, maskAccountIds, awsOutputs, awsCredentialRecord */
/** The variables the AWS CLI and SDKs read credentials and region from. */
function awsEnvironment(session) {
    return {
        AWS_ACCESS_KEY_ID: session.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
        AWS_SESSION_TOKEN: session.sessionToken,
        AWS_REGION: session.region,
        AWS_DEFAULT_REGION: session.region,
    };
}
/**
 * Every value to mask before anything is printed: the credential's three parts (the key id is half of
 * the signing pair) and, unless the user opts out, the account id.
 */
function awsSecretValues(session, options) {
    const values = [session.accessKeyId, session.secretAccessKey, session.sessionToken];
    return options.maskAccountId ? [...values, session.accountId] : values;
}
/**
 * An ARN as it may appear in reports: the runner masks secrets in logs but a report written elsewhere
 * (the job summary, a CLI's output) must drop the account id itself when it is treated as a secret.
 */
function displayArn(arn, options) {
    return options.maskAccountId ? maskAccountIds(arn) : arn;
}
/** Text for such a report with the account id of every ARN in it replaced by `***`. */
function maskAccountIds(text) {
    return text.replace(/\b(arn:[\w-]+:[\w-]*:[\w-]*:)\d{12}:/g, '$1***:');
}
/** Step outputs, named as aws-actions/configure-aws-credentials names them so workflows can switch. */
function awsOutputs(session, options) {
    const account = { 'aws-account-id': session.accountId };
    if (!options.includeCredentials)
        return account;
    return {
        ...account,
        'aws-access-key-id': session.accessKeyId,
        'aws-secret-access-key': session.secretAccessKey,
        'aws-session-token': session.sessionToken,
        'aws-expiration': session.expiration.toISOString(),
    };
}
/** What the post step needs to clean up and revoke this session: identities and times, no secrets. */
function awsCredentialRecord(session, exportedVariables, revocation) {
    return {
        provider: 'aws',
        identity: session.assumedRoleId,
        principal: session.assumedRoleArn,
        role: session.roleArn,
        sessionName: session.sessionName,
        region: session.region,
        audience: revocation.audience,
        revokerRoleArn: revocation.revokerRoleArn,
        ...(revocation.tokenFile !== undefined && { tokenFile: revocation.tokenFile }),
        expiresAt: session.expiration.toISOString(),
        exportedVariables: [...exportedVariables],
        files: [],
    };
}


/***/ }),

/***/ 19713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ poolOf),
/* harmony export */   rs: () => (/* binding */ gcpSecretValues),
/* harmony export */   uZ: () => (/* binding */ gcpEnvironment)
/* harmony export */ });
/* unused harmony exports writeGcpCredentialFiles, projectOfServiceAccount, gcpOutputs, gcpCredentialRecord, findGcpCredentialDirectories */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36701);
/* harmony import */ var _renewal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92763);
/* harmony import */ var _util_within_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89281);







// Google's bound is 120 s; the command asks the runner (retrying for up to 20 s) and fetches the issuer's keys.
const EXECUTABLE_TIMEOUT_MS = 60_000;
const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';
/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is an executable, this action's own CLI.
 *
 * Why an executable rather than a file holding the job's OIDC token: that token expires within
 * minutes, after which nothing could renew the access token; and Google's own action writes the
 * runner's request bearer instead, a secret good for the whole job. The command holds neither: each
 * time a library needs a new access token, it asks the runner for a fresh OIDC token with the calling
 * step's own variables, verifies it and puts it to the policy the main step used (a snapshot in the
 * state file, pinned by its SHA-256 on the command line), then hands it over on stdout. The tools
 * exchange it under the same provider, attribute condition and service account that the policy
 * granted. No output_file: nothing caches a token on disk. Both files are mode 0600 in a 0700 folder
 * under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick files up; the
 * post step deletes the folder, and the command then refuses.
 */
async function writeGcpCredentialFiles(request) {
    const base = await realpath(request.directory).catch(() => {
        throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
            hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
        });
    });
    if (request.workspace !== undefined) {
        if (isWithin(await realpath(request.workspace).catch(() => request.workspace), base)) {
            throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
                hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
            });
        }
    }
    const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
    await chmod(directory, 0o700);
    const statePath = join(directory, 'renewal.json');
    const configPath = join(directory, 'credentials.json');
    const state = renewalText(request.renewal);
    const config = {
        ...externalAccountConfig(request),
        credential_source: { executable: { command: executableCommand(request.cli, statePath, sha256(state)), timeout_millis: EXECUTABLE_TIMEOUT_MS } },
    };
    await writeFile(statePath, state, { mode: 0o600, flag: 'wx' });
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { directory, configPath, statePath };
}
/**
 * The variables Google's libraries, gcloud and Google's other actions (GOOGLE_GHA_CREDS_PATH) read:
 * credentials, and the project when one is known. Libraries run an executable credential source only
 * when GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES is 1.
 */
function gcpEnvironment(files, projectId) {
    return {
        ...(files && {
            GOOGLE_APPLICATION_CREDENTIALS: files.configPath,
            CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath,
            GOOGLE_GHA_CREDS_PATH: files.configPath,
            GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES: '1',
        }),
        ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
    };
}
/** The project of a user-managed service account, NAME@PROJECT.iam.gserviceaccount.com, as google-github-actions/auth infers it. */
function projectOfServiceAccount(serviceAccount) {
    return /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount ?? '')?.[1];
}
/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
function gcpSecretValues(session) {
    return [session.accessToken];
}
/** Step outputs, named as google-github-actions/auth names them: the access token (masked) for tools that take a bearer, and when it expires. */
function gcpOutputs(session) {
    return { access_token: session.accessToken, access_token_expiration: session.expiration.toISOString() };
}
/** What the post step needs to delete and report: the folder of credentials files, no secrets. */
function gcpCredentialRecord(session, files, exportedVariables, subject) {
    return {
        provider: 'gcp',
        identity: session.serviceAccount ?? `principal://iam.googleapis.com/${poolOf(session.workloadIdentityProvider)}/subject/${subject}`,
        workloadIdentityProvider: session.workloadIdentityProvider,
        serviceAccount: session.serviceAccount,
        expiresAt: session.expiration.toISOString(),
        exportedVariables: [...exportedVariables],
        files: files ? [files.directory] : [],
    };
}
/** projects/N/locations/global/workloadIdentityPools/POOL/providers/P → projects/N/locations/global/workloadIdentityPools/POOL */
function poolOf(provider) {
    return provider.replace(/\/providers\/[^/]+$/, '');
}
/** Every credentials folder this action wrote under RUNNER_TEMP, whichever step wrote it. */
async function findGcpCredentialDirectories(runnerTemp) {
    if (!runnerTemp)
        return [];
    const entries = await readdir(runnerTemp, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(DIRECTORY_PREFIX)).map((entry) => join(runnerTemp, entry.name));
}


/***/ }),

/***/ 92763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jG: () => (/* binding */ readRenewal)
/* harmony export */ });
/* unused harmony exports EXECUTABLE_COMMAND, renewalText, executableCommand */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _util_command_line_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23268);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36701);




const EXECUTABLE_COMMAND = 'gcp-executable-source';
function renewalText(renewal) {
    return `${JSON.stringify({ version: 1, ...renewal })}\n`;
}
/** The executable credential source's command line, which runs the CLI on the state pinned by its digest. */
function executableCommand(cli, statePath, digest) {
    return commandLine('google-executable', [cli.node, cli.script, EXECUTABLE_COMMAND, '--state', statePath, '--sha256', digest]);
}
/**
 * Reads the renewal state, pinned by the digest its command line carries: a state changed since the
 * main step wrote it is refused, and one the post step deleted means the job's credentials are over.
 */
async function readRenewal(path, digest) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8').catch((error) => {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google credentials of this job are gone (${path}: ${error.code ?? 'unreadable'}), so they are not renewed.`, {
            hint: 'The action’s post step deletes them when the job ends; a step that still needs Google Cloud must run before it, in the same job as the action’s step.',
            cause: error,
        });
    });
    if ((0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .s)(text) !== digest.toLowerCase()) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google renewal state ${path} changed since the action's main step wrote it, so it is not used.`, {
            hint: 'Something in the job rewrote a file under RUNNER_TEMP; run the action again to write fresh credentials.',
        });
    }
    const parsed = JSON.parse(text);
    if (parsed.version !== 1 || typeof parsed.issuer !== 'string' || typeof parsed.audience !== 'string' || typeof parsed.grant?.provider !== 'string' || typeof parsed.policy?.path !== 'string') {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google renewal state ${path} is not one this version of the action wrote.`, {
            hint: 'Run the credentials command from the same action version that wrote the file.',
        });
    }
    return parsed;
}


/***/ }),

/***/ 23268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony export commandLine */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
// Credentials that renew themselves hand a tool a command line that runs this project's CLI, and each
// tool splits that line its own way. One line must read back as the same arguments in every reader of
// its kind, so each argument is written for all of them, and one that some reader would cut, expand or
// mangle is refused rather than written.

function commandLine(reader, args, platform = process.platform) {
    return args.map((arg) => (reader === 'google-executable' ? googleWord(arg) : awsWord(arg, platform === 'win32'))).join(' ');
}
function awsWord(arg, windows) {
    // An INI reader ends the value at a line break, and the JavaScript SDK's also at " ;" or " #". On
    // Windows, cmd.exe expands %NAME% even inside quotes, and a backslash before the closing quote would
    // escape it for both the C runtime and botocore.
    if (/[\r\n]|\s[;#]/.test(arg) || (windows && /["%]|\\$/.test(arg))) {
        throw refused(arg, 'a credential_process line', 'Move the runner’s work and temp folders to paths without line breaks, " ;", " #"' + (windows ? ', quotes, % or a trailing backslash.' : '.'));
    }
    // Single quotes mean the same to a POSIX shell and to shlex, and double quotes to cmd.exe and the C runtime.
    return windows ? `"${arg}"` : `'${arg.replaceAll("'", `'\\''`)}'`;
}
function googleWord(arg) {
    // No quoting survives both readers: the Python one would pass the quotes on as part of the path.
    if (/[\s"]/.test(arg)) {
        throw refused(arg, 'the command of a Google credentials file', 'Run the job where RUNNER_TEMP, Node and the action’s folder have no white space or double quote in their paths.');
    }
    return arg;
}
function refused(arg, line, hint) {
    return new BrokerError(ErrorCode.InputInvalid, `The path ${JSON.stringify(arg)} cannot be written into ${line}.`, { hint });
}


/***/ }),

/***/ 36701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The SHA-256 of a text, in lowercase hex: how a renewal pins the state the main step wrote. */
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ }),

/***/ 89281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isWithin)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Whether `path` is `folder` itself or lies under it (both already resolved). Decided by path segment,
 * not by prefix: a name that merely begins with two dots, such as the `..data` folder through which
 * Kubernetes mounts a ConfigMap, is inside.
 */
function isWithin(folder, path) {
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(folder, path);
    return inside !== '..' && !inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(inside);
}


/***/ })

};
