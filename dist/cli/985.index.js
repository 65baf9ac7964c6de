export const id = 985;
export const ids = [985];
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
/* unused harmony export brokerSessionName */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41910);
/* harmony import */ var _policy_explain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9129);



// A broker that hangs must not hold a job for its whole timeout: minting is two round trips at most.
const REQUEST_TIMEOUT_MS = 30_000;
/** A refusal the broker answered with: its stable code (the project's or the service's own) and HTTP status. */
class BrokerRefusal extends _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz {
    status;
    /** A policy denial carries the decision, rule by rule. */
    decision;
    retryAfterSeconds;
    constructor(status, body, decision, retryAfterSeconds) {
        // The service's codes (TOKEN_REPLAYED, RATE_LIMITED…) are as stable as ErrorCode's, and shown as they are.
        super(body.code, body.message, { hint: body.hint });
        this.status = status;
        this.decision = decision;
        this.retryAfterSeconds = retryAfterSeconds;
    }
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
        response = await fetch(`${baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
            ...(body !== undefined && { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
    }
    catch (error) {
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
        // The broker's inventory names the session, and that is what an operator revokes it by.
        assumedRoleId: brokerSessionName(answer.sessionId),
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
function brokerSessionName(sessionId) {
    return `broker session ${sessionId}`;
}


/***/ }),

/***/ 2985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exchange: () => (/* binding */ exchange_exchange),
  exchangeCredentials: () => (/* binding */ exchangeCredentials),
  exitCodeFor: () => (/* binding */ exitCodeFor),
  maskInGitHubActions: () => (/* binding */ maskInGitHubActions),
  secretsOf: () => (/* binding */ secretsOf),
  writeCredentialProcess: () => (/* binding */ writeCredentialProcess)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/authorize.ts + 2 modules
var authorize = __webpack_require__(59472);
// EXTERNAL MODULE: ./src/core/issue.ts
var issue = __webpack_require__(3996);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/providers/aws/exchange.ts + 1 modules
var exchange = __webpack_require__(49228);
// EXTERNAL MODULE: ./src/providers/gcp/exchange.ts + 2 modules
var gcp_exchange = __webpack_require__(44118);
;// CONCATENATED MODULE: ./src/core/web-identity-minter.ts



/** Mints with the job's own token, as the action and the CLI do: each cloud trusts the CI issuer directly. */
function webIdentityMinter(options) {
    return {
        aws: (request) => {
            const region = options.region;
            if (!region)
                return Promise.reject(new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'No AWS region was given, so there is no STS endpoint to ask.', { hint: 'Name the region, for example us-east-1.' }));
            return (0,exchange/* assumeRoleWithWebIdentity */.z)({
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
        gcp: (request) => (0,gcp_exchange/* exchangeForGoogleToken */.j)({
            workloadIdentityProvider: request.workloadIdentityProvider,
            serviceAccount: request.serviceAccount,
            lifetimeSeconds: request.lifetimeSeconds,
            scopes: request.scopes,
            endpoints: options.gcpEndpoints ?? gcp_exchange/* GOOGLE_ENDPOINTS */.r,
            getToken: () => options.getToken({ forceRefresh: false }),
        }),
    };
}

// EXTERNAL MODULE: ./src/broker-client/broker-client.ts
var broker_client = __webpack_require__(25096);
// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(57314);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(75432);
;// CONCATENATED MODULE: ./src/providers/aws/export.ts
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
        expiresAt: session.expiration.toISOString(),
        exportedVariables: [...exportedVariables],
        files: [],
    };
}

// EXTERNAL MODULE: ./src/providers/aws/session-name.ts
var session_name = __webpack_require__(82022);
// EXTERNAL MODULE: ./src/providers/gcp/export.ts
var gcp_export = __webpack_require__(19713);
// EXTERNAL MODULE: ./src/cli/cli-output.ts + 1 modules
var cli_output = __webpack_require__(10524);
// EXTERNAL MODULE: ./src/cli/commands/ci-token.ts + 1 modules
var ci_token = __webpack_require__(10756);
// EXTERNAL MODULE: ./src/cli/commands/policy-file.ts
var policy_file = __webpack_require__(65786);
;// CONCATENATED MODULE: ./src/cli/commands/exchange.ts















/**
 * `exchange`: the action's pipeline for any CI system. The token is verified, its claims face the
 * policy (a denial explains itself on stderr, as the action's log does), and the grant is exchanged
 * for AWS and/or Google credentials, printed on stdout only. Exit 0 issued, 1 refused, 2 usage.
 */
function exchange_exchange(options) {
    return (0,cli_output/* runCommand */.d1)(options.format === 'json' ? 'json' : 'text', exitCodeFor, async () => {
        const result = await exchangeCredentials(options);
        maskInGitHubActions(secretsOf(result));
        process.stdout.write(render(result, options));
        return cli_output/* Exit */.Jc.Ok;
    });
}
function exitCodeFor(error) {
    return error.code === broker_error/* ErrorCode */.O4.InputInvalid ? cli_output/* Exit */.Jc.Usage : cli_output/* Exit */.Jc.Refused;
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
    const issuer = request.issuer ?? (request.preset ? ci_systems/* CI_SYSTEMS */.mU[request.preset].defaultIssuer : undefined);
    if (!issuer)
        throw usage('Give the issuer with --issuer.', request.preset === 'circleci' ? 'CircleCI’s issuer names your organisation: https://oidc.circleci.com/org/ORG_ID.' : 'Use the issuer URL exactly as it appears in the tokens’ iss claim.');
    const audience = request.audience ?? (wantsAws ? 'sts.amazonaws.com' : `//iam.googleapis.com/${request.gcpProvider}`);
    const wanted = { aws: wantsAws ? awsRequest(request) : undefined, gcp: request.gcpProvider ? gcpRequest(request) : undefined };
    const token = await (0,ci_token/* readCiToken */.WZ)(request, audience);
    maskInGitHubActions([token]);
    const policy = await (0,policy_file/* loadPolicyArgument */.E)(request.policy, request.root);
    const authorization = await (0,authorize/* authorizeToken */.p)(token, { issuer, audience, policy, wanted });
    if (!authorization.allowed) {
        // The same explanation the action logs; claims are not secrets, the token never appears.
        process.stderr.write(`${authorization.explanation.join('\n')}\n`);
        throw authorization.error;
    }
    const { rule, claims, grants } = authorization;
    const minter = webIdentityMinter({
        getToken: async () => token,
        region: request.awsRegion,
        gcpEndpoints: { tokenUrl: request.gcpTokenUrl ?? gcp_exchange/* GOOGLE_ENDPOINTS */.r.tokenUrl, iamCredentialsUrl: request.gcpIamCredentialsUrl ?? gcp_exchange/* GOOGLE_ENDPOINTS */.r.iamCredentialsUrl },
    });
    if (grants.aws?.capped)
        notice(`the AWS session lasts ${grants.aws.durationSeconds} s, not the ${grants.aws.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-duration).`);
    // Readable in CloudTrail, and unique per job: the CI system's own project, run and job identifiers.
    const aws = grants.aws && (await (0,issue/* issueAws */.t)(grants.aws, claims, (0,session_name/* sessionNameForToken */.q0)(claims, request.preset), minter));
    if (grants.gcp?.capped)
        notice(`the Google access token lives ${grants.gcp.lifetimeSeconds} s, not the ${grants.gcp.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-lifetime).`);
    const gcp = grants.gcp && (await (0,issue/* issueGcp */.Y)(grants.gcp, claims, minter));
    return { rule: rule.name, aws, gcp };
}
/** The same request put to the broker, which verifies, decides and mints; its denial explains itself as the local one does. */
async function exchangeThroughBroker(request, brokerUrl) {
    const baseUrl = (0,broker_client/* parseBrokerUrl */.Ug)(brokerUrl, '--broker');
    const stray = ['policy', 'root', 'issuer', 'audience', 'gcpProvider', 'gcpTokenUrl', 'gcpIamCredentialsUrl'].find((option) => request[option] !== undefined);
    if (stray)
        throw usage(`${(0,cli_output/* flagOf */.iP)(stray)} is not used with --broker: the broker verifies with its own issuers, decides by its own policy, and mints Google tokens by impersonation.`, 'Leave it out; --broker-audience sets the audience of the token sent to the broker.');
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
    const token = await (0,ci_token/* readCiToken */.WZ)(request, request.brokerAudience ?? baseUrl);
    maskInGitHubActions([token]);
    const answer = await (0,broker_client/* brokerClient */.ru)(baseUrl)
        .exchange(token, body)
        .catch((error) => {
        if (error instanceof broker_client/* BrokerRefusal */.El && error.decision)
            process.stderr.write(`${(0,broker_client/* explainDecisionJson */.Se)(error.decision).join('\n')}\n`);
        throw error;
    });
    if (answer.aws?.capped)
        notice(`the AWS session lasts ${answer.aws.durationSeconds} s: rule "${answer.rule}" grants at most that (max-duration).`);
    if (answer.gcp?.capped)
        notice(`the Google access token lives ${answer.gcp.lifetimeSeconds} s: rule "${answer.rule}" grants at most that (max-lifetime).`);
    return { rule: answer.rule, aws: answer.aws && (0,broker_client/* awsSessionOf */.PC)(answer.aws, aws.region), gcp: answer.gcp && (0,broker_client/* gcpSessionOf */.KJ)(answer.gcp) };
}
// The flags are checked before any token is read, so a mistyped one costs no token.
function awsRequest(request) {
    if (!request.awsRegion)
        throw usage('--aws-region is required for AWS.', 'For example --aws-region us-east-1.');
    const durationSeconds = request.awsDuration === undefined ? duration/* STS_SESSION_SECONDS */.Em.default : (0,duration/* parseDuration */.E9)(request.awsDuration);
    if (durationSeconds === undefined || durationSeconds < duration/* STS_SESSION_SECONDS */.Em.min || durationSeconds > duration/* STS_SESSION_SECONDS */.Em.max)
        throw usage(`--aws-duration is "${request.awsDuration}", not from 15m to 12h.`, 'Write seconds (900) or a duration (15m, 1h).');
    return { role: request.awsRole, durationSeconds, region: request.awsRegion };
}
function gcpRequest(request) {
    const lifetimeSeconds = request.gcpLifetime === undefined ? duration/* GCP_TOKEN_SECONDS */.T9.default : (0,duration/* parseDuration */.E9)(request.gcpLifetime);
    if (lifetimeSeconds === undefined || lifetimeSeconds < duration/* GCP_TOKEN_SECONDS */.T9.min || lifetimeSeconds > duration/* GCP_TOKEN_SECONDS */.T9.max)
        throw usage(`--gcp-lifetime is "${request.gcpLifetime}", not from 1s to 1h.`, 'Write seconds (600) or a duration (10m).');
    return { provider: request.gcpProvider, serviceAccount: request.gcpServiceAccount, lifetimeSeconds };
}
/** The variables the clouds' CLIs and SDKs read. Google's client libraries take no bare token, so gcloud's and Terraform's. */
function environmentOf(result, request) {
    return {
        ...(result.aws && awsEnvironment(result.aws)),
        ...(result.gcp && { CLOUDSDK_AUTH_ACCESS_TOKEN: result.gcp.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: result.gcp.accessToken, ...(0,gcp_export/* gcpEnvironment */.uZ)(undefined, request.gcpProject) }),
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
            const delimiter = `ci_oidc_broker_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
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
    return [...(result.aws ? awsSecretValues(result.aws, { maskAccountId: true }) : []), ...(result.gcp ? (0,gcp_export/* gcpSecretValues */.rs)(result.gcp) : [])];
}
/** Prints the `credential_process` JSON contract (Version 1) for AWS CLIs and SDKs. */
function writeCredentialProcess(session) {
    (0,cli_output/* writeJson */.GF)({ Version: 1, AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiration.toISOString() });
}
function usage(message, hint) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, message, { hint });
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

/***/ 19713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ poolOf),
/* harmony export */   rs: () => (/* binding */ gcpSecretValues),
/* harmony export */   uZ: () => (/* binding */ gcpEnvironment)
/* harmony export */ });
/* unused harmony exports writeGcpCredentialFiles, gcpOutputs, gcpCredentialRecord, findGcpCredentialDirectories */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);




const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';
/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is a file holding the job's OIDC token.
 *
 * Why this form rather than an access-token file: ADC has no file type for a bare access token, so an
 * access-token file would serve gcloud alone. The only bearer written is the OIDC token, which
 * expires minutes after it was minted, long before the job's files could outlive the job; the tools
 * exchange it themselves, under the same provider, attribute condition and service account that the
 * policy granted, for tokens that live at most the granted lifetime. Both files are mode 0600 in a
 * 0700 folder under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick
 * files up.
 */
async function writeGcpCredentialFiles(request) {
    const base = await realpath(request.directory).catch(() => {
        throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
            hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
        });
    });
    if (request.workspace !== undefined) {
        const inside = relative(await realpath(request.workspace).catch(() => request.workspace), base);
        if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
            throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
                hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
            });
        }
    }
    const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
    await chmod(directory, 0o700);
    const tokenPath = join(directory, 'oidc-token');
    const configPath = join(directory, 'credentials.json');
    const config = { ...externalAccountConfig(request), credential_source: { file: tokenPath, format: { type: 'text' } } };
    await writeFile(tokenPath, request.subjectToken, { mode: 0o600, flag: 'wx' });
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { directory, configPath, tokenPath };
}
/** The variables Google's libraries and gcloud read: credentials, and the project when one is known. */
function gcpEnvironment(files, projectId) {
    return {
        ...(files && { GOOGLE_APPLICATION_CREDENTIALS: files.configPath, CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath }),
        ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
    };
}
/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
function gcpSecretValues(session) {
    return [session.accessToken];
}
/** Step outputs: the access token (masked) for tools that take a bearer, and when it expires. */
function gcpOutputs(session) {
    return { 'gcp-access-token': session.accessToken, 'gcp-access-token-expiration': session.expiration.toISOString() };
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


/***/ })

};
