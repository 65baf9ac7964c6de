export const id = 665;
export const ids = [665];
export const modules = {

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

/***/ 73906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ iamClient),
/* harmony export */   M5: () => (/* binding */ applyDenial),
/* harmony export */   xZ: () => (/* binding */ roleNameOf)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
/* harmony import */ var _policy_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75432);
/* harmony import */ var _session_denial_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29242);



/** An IAM client for the revoker: the given credentials, or the SDK's default chain; endpoint from AWS_ENDPOINT_URL_IAM. */
async function iamClient(region, credentials) {
    // Loaded here so that only a revocation pays for the IAM SDK.
    const { IAMClient } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 16764, 19));
    const { ProxyRoutingHandler } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(904)]).then(__webpack_require__.bind(__webpack_require__, 18904));
    return new IAMClient({ region, maxAttempts: 3, requestHandler: new ProxyRoutingHandler(), ...(credentials && { credentials }) });
}
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
/** The role's name, which IAM's role APIs take, from its ARN (paths included); undefined for anything else. */
function roleNameOf(roleArn) {
    return ROLE_ARN.exec(roleArn)?.[1];
}
/**
 * Writes one denial onto a role: reads the role (for its boundary and maximum session duration, from
 * which `deny` builds the denial), prunes the denials that protect nothing any more, writes this one,
 * and reads it back. Each denial is its own inline policy, so concurrent writers never overwrite each
 * other (see session-denial.ts).
 */
async function applyDenial(iam, roleName, deny, now) {
    const { GetRoleCommand, ListRolePoliciesCommand, DeleteRolePolicyCommand, PutRolePolicyCommand, GetRolePolicyCommand } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 16764, 19));
    try {
        const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
        const maxSessionDuration = role?.MaxSessionDuration ?? _policy_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .STS_SESSION_SECONDS */ .Em.max;
        const denial = deny(maxSessionDuration);
        const names = [];
        let marker;
        do {
            const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
            names.push(...(page.PolicyNames ?? []));
            marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
        const pruned = (0,_session_denial_js__WEBPACK_IMPORTED_MODULE_2__/* .obsoleteDenials */ .kW)(names, now, maxSessionDuration);
        for (const name of pruned) {
            // Another job may be pruning the same denial at the same moment; gone is gone.
            await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })).catch((error) => {
                if (error.name !== 'NoSuchEntityException' && error.name !== 'NoSuchEntity')
                    throw error;
            });
        }
        const document = JSON.stringify(denial.document);
        await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: denial.policyName, PolicyDocument: document }));
        const written = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: denial.policyName }));
        if (JSON.stringify(JSON.parse(decodeURIComponent(written.PolicyDocument ?? '{}'))) !== document) {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsRevocationFailed, `IAM did not keep the denial ${denial.policyName} on role ${roleName} as written.`, {
                hint: 'Something else rewrote the policy at the same moment; run the revocation again.',
            });
        }
        return { denial, boundaryArn: role?.PermissionsBoundary?.PermissionsBoundaryArn, pruned };
    }
    catch (error) {
        throw denialError(error, roleName);
    }
}
function denialError(error, roleName) {
    if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz)
        return error;
    const name = error.name ?? 'Error';
    if (name === 'AccessDenied' || name === 'AccessDeniedException') {
        return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsRevocationFailed, `The revoker may not change role ${roleName} (IAM said AccessDenied).`, {
            hint: `Give the revoker iam:GetRole, iam:ListRolePolicies, iam:PutRolePolicy, iam:GetRolePolicy and iam:DeleteRolePolicy on role ${roleName}: \`ci-oidc-broker policy export --aws-revocation\` prints that policy.`,
            cause: error,
        });
    }
    if (name === 'LimitExceeded' || name === 'LimitExceededException') {
        return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsRevocationFailed, `Role ${roleName} has no room for another inline policy: IAM's aggregate size limit is reached.`, {
            hint: `Expired denials (${_session_denial_js__WEBPACK_IMPORTED_MODULE_2__/* .DENIAL_PREFIX */ .jG}*) are pruned on every write, so the role holds many live denials or other large inline policies: move those to managed policies, or shorten session durations.`,
            cause: error,
        });
    }
    if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') {
        return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsRevocationFailed, `Role ${roleName} does not exist.`, { hint: 'Check the role ARN; a deleted role has no sessions left to deny.', cause: error });
    }
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.AwsRevocationFailed, `Writing the denial on role ${roleName} failed (${name}).`, {
        hint: 'Check the network path to IAM (AWS_ENDPOINT_URL_IAM if you set it) and retry; the session still expires on its own.',
        cause: error,
    });
}


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
