export const id = 275;
export const ids = [275];
export const modules = {

/***/ 93793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ decisionJson)
/* harmony export */ });
function decisionJson(decision) {
    return {
        decision: decision.allowed ? 'allow' : 'deny',
        rule: decision.rule?.name ?? null,
        grant: decision.allowed && decision.rule.grant ? grantJson(decision.rule.grant) : null,
        rules: decision.outcomes.map((outcome) => ({
            name: outcome.rule.name,
            effect: outcome.rule.effect,
            matched: outcome.matched,
            ...(outcome.firstFailure && {
                mismatch: { claim: outcome.firstFailure.condition.claim, expected: expectedJson(outcome.firstFailure.condition.matcher), actual: outcome.firstFailure.actual ?? null },
            }),
        })),
    };
}
function expectedJson(matcher) {
    switch (matcher.kind) {
        case 'equals':
            return matcher.values.length === 1 ? matcher.values[0] : matcher.values;
        case 'glob':
            return { glob: matcher.pattern };
        case 'regex':
            return { regex: matcher.pattern };
    }
}
function grantJson({ aws, gcp }) {
    return {
        ...(aws && { aws: { roles: aws.roles, 'max-duration': aws.maxDurationSeconds, ...(aws.sessionPolicy && { 'session-policy': aws.sessionPolicy.path }), ...(aws.revokeRole && { 'revoke-role': aws.revokeRole }) } }),
        ...(gcp && { gcp: { 'workload-identity-provider': gcp.workloadIdentityProvider, 'service-accounts': gcp.serviceAccounts, 'max-lifetime': gcp.maxLifetimeSeconds, scopes: gcp.scopes } }),
    };
}


/***/ }),

/***/ 36371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Il: () => (/* binding */ taggedClaims),
/* harmony export */   LH: () => (/* binding */ identityTagKeys),
/* harmony export */   lF: () => (/* binding */ jobIdentityOf)
/* harmony export */ });
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57314);

// Ids, not names: a name can be re-registered by someone else, an id cannot.
const PROFILES = {
    'github-actions': {
        repository: 'repository_id',
        owner: 'repository_owner_id',
        run: ['run_id', 'run_attempt'],
        // Newer than the other claims: tokens from older GitHub Enterprise Server versions may lack it.
        job: 'check_run_id',
        tags: ['repository_id', 'repository_owner_id', 'ref', 'environment', 'job_workflow_ref', 'event_name'],
    },
    gitlab: { repository: 'project_id', owner: 'namespace_id', run: ['pipeline_id'], job: 'job_id', tags: ['project_id', 'namespace_id', 'ref', 'environment', 'ci_config_ref_uri', 'pipeline_source'] },
    circleci: { repository: 'oidc.circleci.com/project-id', owner: undefined, run: [], job: undefined, tags: ['oidc.circleci.com/project-id', 'oidc.circleci.com/vcs-ref'] },
    buildkite: { repository: 'pipeline_id', owner: 'organization_id', run: ['build_number'], job: 'job_id', tags: ['pipeline_id', 'organization_id', 'build_branch', 'build_source'] },
};
function jobIdentityOf(claims) {
    // A loopback issuer (the sandbox) may stand in for any CI system: the one whose claims the token carries.
    const system = (0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__/* .ciSystemsFor */ .UP)(claims.iss).find((candidate) => claims[PROFILES[candidate.system].repository] !== undefined)?.system;
    const profile = system ? PROFILES[system] : { repository: 'sub', owner: undefined, run: [], job: undefined, tags: [] };
    const text = (name) => {
        const value = claims[name];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    };
    const runParts = profile.run.map(text);
    const ownerFromSubject = /^org\/([^/]+)\//.exec(claims.sub)?.[1];
    return {
        system,
        // An issuer the broker does not model still gets an identity: its subject, under the issuer.
        repositoryId: text(profile.repository) ?? claims.sub,
        ownerId: (profile.owner && text(profile.owner)) ?? ownerFromSubject ?? claims.iss,
        run: profile.run.length > 0 && runParts.every((part) => part !== undefined) ? runParts.join('/') : undefined,
        job: profile.job && text(profile.job),
        tagClaims: Object.fromEntries(profile.tags.flatMap((name) => (text(name) === undefined ? [] : [[name, text(name)]]))),
    };
}
/**
 * The session tags that carry the repository and owner ids of an issuer's sessions: one pair for each
 * CI system the issuer may be (a loopback issuer may be any). `owner` is undefined where no claim, so no
 * tag, carries it.
 */
function identityTagKeys(issuer) {
    return (0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__/* .ciSystemsFor */ .UP)(issuer).map(({ system }) => ({ repository: PROFILES[system].repository, owner: PROFILES[system].owner }));
}
/** The claims whose values the broker writes as session tags (under their own names) for an issuer's jobs. */
function taggedClaims(issuer) {
    return [...new Set((0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__/* .ciSystemsFor */ .UP)(issuer).flatMap(({ system }) => PROFILES[system].tags))];
}


/***/ }),

/***/ 50013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ sourceIdentity),
/* harmony export */   c: () => (/* binding */ sessionTags)
/* harmony export */ });
/** STS session tags: keys of 1 to 128 and values of up to 256 characters from a small set. */
const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const DISALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;
const SOURCE_IDENTITY = /[^\w+=,.@-]/g;
const SOURCE_IDENTITY_LENGTH = { min: 2, max: 64 };
/**
 * Claims as session tags. Characters STS refuses become `_` and long values are cut rather than the
 * request failing: a tag is for matching in policies, which the export writes from the same rules.
 */
function sessionTags(claims) {
    return Object.entries(claims)
        .slice(0, MAX_TAGS)
        .map(([key, value]) => ({ Key: key.replace(DISALLOWED, '_').slice(0, MAX_KEY_LENGTH), Value: value.replace(DISALLOWED, '_').slice(0, MAX_VALUE_LENGTH) }));
}
/** `SourceIdentity` stays with the session through role chaining: the repository and run that asked. */
function sourceIdentity(repositoryId, run) {
    const text = `${repositoryId}@${run ?? 'unknown-run'}`.replace(SOURCE_IDENTITY, '_').slice(0, SOURCE_IDENTITY_LENGTH.max);
    return text.padEnd(SOURCE_IDENTITY_LENGTH.min, '_');
}


/***/ }),

/***/ 48715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startBroker: () => (/* binding */ startBroker)
});

// UNUSED EXPORTS: openState

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(95222);
// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(77961);
// EXTERNAL MODULE: ./src/policy/explain.ts
var explain = __webpack_require__(9129);
// EXTERNAL MODULE: ./src/oidc/verify.ts + 2 modules
var verify = __webpack_require__(63127);
;// CONCATENATED MODULE: ./src/service/service-error.ts

/**
 * The codes only the service answers with. They are members of the project's one ErrorCode, so that a
 * client receives them as the BrokerErrors they are, without a cast, and gives each its own hint.
 */
const ServiceErrorCode = {
    BearerMissing: broker_error/* ErrorCode */.O4.BearerMissing,
    RequestInvalid: broker_error/* ErrorCode */.O4.RequestInvalid,
    TokenReplayed: broker_error/* ErrorCode */.O4.TokenReplayed,
    RateLimited: broker_error/* ErrorCode */.O4.RateLimited,
    RunUnknown: broker_error/* ErrorCode */.O4.RunUnknown,
    NotReady: broker_error/* ErrorCode */.O4.NotReady,
    NotFound: broker_error/* ErrorCode */.O4.NotFound,
    OperatorNotAuthorized: broker_error/* ErrorCode */.O4.OperatorNotAuthorized,
};
/** A refusal of the service itself, with its HTTP status; messages carry no secret, as BrokerError's. */
class ServiceError extends Error {
    name = 'ServiceError';
    code;
    statusCode;
    hint;
    retryAfterSeconds;
    constructor(code, statusCode, message, options) {
        super(message);
        this.code = code;
        this.statusCode = statusCode;
        this.hint = options.hint;
        this.retryAfterSeconds = options.retryAfterSeconds;
    }
}
const UNAUTHENTICATED = new Set([
    broker_error/* ErrorCode */.O4.TokenMalformed,
    broker_error/* ErrorCode */.O4.TokenAlgorithmRejected,
    broker_error/* ErrorCode */.O4.TokenKeyNotFound,
    broker_error/* ErrorCode */.O4.TokenKeyUnfit,
    broker_error/* ErrorCode */.O4.TokenSignatureInvalid,
    broker_error/* ErrorCode */.O4.TokenIssuerMismatch,
    broker_error/* ErrorCode */.O4.TokenAudienceMismatch,
    broker_error/* ErrorCode */.O4.TokenExpired,
    broker_error/* ErrorCode */.O4.TokenNotYetValid,
    broker_error/* ErrorCode */.O4.TokenIssuedInFuture,
    broker_error/* ErrorCode */.O4.TokenClaimInvalid,
]);
const UPSTREAM = new Set([
    broker_error/* ErrorCode */.O4.AwsAccessDenied,
    broker_error/* ErrorCode */.O4.AwsInvalidIdentityToken,
    broker_error/* ErrorCode */.O4.AwsExpiredToken,
    broker_error/* ErrorCode */.O4.AwsValidation,
    broker_error/* ErrorCode */.O4.AwsExchangeFailed,
    broker_error/* ErrorCode */.O4.AwsRevocationFailed,
    broker_error/* ErrorCode */.O4.GcpAccessDenied,
    broker_error/* ErrorCode */.O4.GcpExchangeFailed,
]);
const UNAVAILABLE = new Set([broker_error/* ErrorCode */.O4.DiscoveryFailed, broker_error/* ErrorCode */.O4.JwksFailed, broker_error/* ErrorCode */.O4.IssuerInvalid, broker_error/* ErrorCode */.O4.AwsExchangeTimedOut, broker_error/* ErrorCode */.O4.GcpExchangeTimedOut]);
/** The HTTP status of a BrokerError: who is at fault, the caller (4xx), a cloud (502) or an outage (503). */
function statusOf(error) {
    if (UNAUTHENTICATED.has(error.code))
        return 401;
    if (error.code === broker_error/* ErrorCode */.O4.PolicyDenied || error.code === broker_error/* ErrorCode */.O4.RoleNotGranted)
        return 403;
    if (error.code === broker_error/* ErrorCode */.O4.InputInvalid)
        return 400;
    if (UPSTREAM.has(error.code))
        return 502;
    if (UNAVAILABLE.has(error.code))
        return 503;
    return 500;
}
/** A cloud the request asks for, which this broker's configuration does not mint for. */
function notConfigured(cloud) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `This broker mints no ${cloud} credentials.`, { hint: `Ask the operator to configure ${cloud} in the broker's configuration, or ask for another cloud.` });
}

// EXTERNAL MODULE: ./src/util/sha256.ts
var sha256 = __webpack_require__(36701);
;// CONCATENATED MODULE: ./src/service/bearer.ts






/** The OIDC token from `Authorization: Bearer …`, and its digest; the token itself never goes further than the verifier. */
function readBearer(authorization) {
    const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
        throw new ServiceError(ServiceErrorCode.BearerMissing, 401, 'The request has no `Authorization: Bearer` header with the CI job’s OIDC token.', {
            hint: 'Send the job’s OIDC token, requested for the broker’s audience (its URL), as a bearer token.',
        });
    }
    return { token, tokenSha256: (0,sha256/* sha256 */.s)(token) };
}
/**
 * Verifies the bearer against the issuer it names, if the broker accepts that issuer at all. The
 * unverified `iss` only chooses whose keys to check the signature with; verification checks it again.
 */
async function verifyBearer(bearer, accepted, overrides = {}) {
    let named;
    try {
        named = (0,decode_jwt/* decodeJwt */.i)(bearer.token).iss;
    }
    catch {
        // Not a JWT at all: the verifier says exactly what is wrong with it.
        named = accepted.issuers[0];
    }
    if (typeof named !== 'string' || !accepted.issuers.includes(named)) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenIssuerMismatch, `The token's issuer ${(0,explain/* quoteClaim */.x2)(named)} is not one this broker accepts.`, {
            hint: `The broker accepts tokens from ${accepted.issuers.join(', ')}; ask the operator to add another issuer to its configuration.`,
        });
    }
    const { claims } = await (0,verify/* verifyToken */.nr)(bearer.token, { ...overrides, issuer: named, audience: accepted.audience });
    return claims;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/authorize.ts + 1 modules
var authorize = __webpack_require__(33835);
// EXTERNAL MODULE: ./src/core/issue.ts
var issue = __webpack_require__(3996);
;// CONCATENATED MODULE: ./src/oidc/token-identity.ts

/**
 * The key under which a replay store must remember a verified token: its issuer and its `jti`. Never
 * the token string, which is not unique to a token: an ECDSA signature stays valid with s replaced by
 * n − s (jose accepts both), so one token has two spellings that a store keyed by text would not match.
 */
function tokenIdentity(claims) {
    // Typed as a string, but jose leaves jti unchecked: it is whatever JSON the issuer put there.
    const jti = claims.jti;
    if (typeof jti !== 'string' || jti === '') {
        const found = jti === undefined ? 'has no `jti` claim' : `has a \`jti\` claim that is ${jti === '' ? 'empty' : `not a string but ${jti === null ? 'null' : typeof jti}`}`;
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenClaimInvalid, `The token ${found}, so a replay of it could not be recognised.`, {
            hint: 'Replay protection needs a unique token id (`jti`) from the issuer; GitHub Actions and most CI issuers include one. Check which issuer minted this token.',
        });
    }
    // A JSON pair cannot be confused with another pair, whatever characters iss or jti hold.
    return JSON.stringify([claims.iss, jti]);
}

// EXTERNAL MODULE: ./src/policy/decision-json.ts
var decision_json = __webpack_require__(93793);
// EXTERNAL MODULE: ./src/policy/duration.ts
var policy_duration = __webpack_require__(75432);
// EXTERNAL MODULE: ./src/providers/aws/session-name.ts
var session_name = __webpack_require__(82022);
// EXTERNAL MODULE: ./src/service/job-identity.ts
var job_identity = __webpack_require__(36371);
// EXTERNAL MODULE: ./src/service/session-tags.ts
var session_tags = __webpack_require__(50013);
;// CONCATENATED MODULE: ./src/service/store/broker-store.ts
/** The token's replay key is already held: this token was used before. */
class ReplayError extends Error {
    name = 'ReplayError';
}

;// CONCATENATED MODULE: ./src/service/exchange.ts












/** A policy denial, with the decision as `policy explain --format json` gives it. */
class ExchangeDenied extends Error {
    name = 'ExchangeDenied';
    error;
    decision;
    constructor(error, decision) {
        super(error.message);
        this.error = error;
        this.decision = decision;
    }
}
// Past the token's expiry the verifier still accepts it for this long; its key must outlive that.
const REPLAY_KEY_LEEWAY_SECONDS = 60;
/**
 * The service knows no job's name, only the job id a token may carry (GitHub's check_run_id). With it,
 * each job's sessions get a name of their own, so that the per-session denial at one job's end (on
 * aws:userid, the role id and the session name) leaves parallel jobs of the run alone; without it the
 * run's sessions share a name, as revocation is then per run anyway.
 */
function sessionNameEnv(identity) {
    return { GITHUB_JOB: identity.job ?? 'broker' };
}
/**
 * One exchange, with blocking audit: the token is claimed and its sessions recorded as `minting` in
 * one transaction, then minted, then recorded `active` (or `failed`) in another, and only then answered.
 * A crash in between leaves `minting` rows: visible orphans, never an unrecorded credential.
 */
async function exchange(bearer, claims, body, config, deps) {
    const now = deps.now?.() ?? new Date();
    const identity = (0,job_identity/* jobIdentityOf */.lF)(claims);
    const audit = (outcome, sessionIds, detail) => ({
        at: deps.now?.() ?? new Date(),
        action: 'exchange',
        outcome,
        issuer: claims.iss,
        subject: claims.sub,
        repositoryId: identity.repositoryId,
        tokenSha256: bearer.tokenSha256,
        sessionIds,
        detail,
    });
    const policy = deps.policy.current;
    if (!policy)
        throw notReady();
    const authorization = (0,authorize/* authorizeClaims */.X)(policy, claims, wanted(body, config));
    if (!authorization.allowed) {
        await deps.store.appendAudit(audit('denied', [], { code: authorization.error.code }));
        throw new ExchangeDenied(authorization.error, (0,decision_json/* decisionJson */.l)(authorization.decision));
    }
    const key = tokenIdentity(claims);
    const verdict = await deps.rateLimiter.consume({ repository: `${claims.iss} ${identity.repositoryId}`, owner: `${claims.iss} ${identity.ownerId}`, issuer: claims.iss });
    if (!verdict.allowed) {
        throw new ServiceError(ServiceErrorCode.RateLimited, 429, `Too many exchanges for this ${verdict.scope}; try again in ${verdict.retryAfterSeconds} s.`, {
            hint: 'The token was not used: the job may retry it after Retry-After, while it is still valid.',
            retryAfterSeconds: verdict.retryAfterSeconds,
        });
    }
    const exchangeId = (0,external_node_crypto_.randomUUID)();
    const sessions = plannedSessions(authorization, identity, exchangeId, now);
    try {
        await deps.store.claimExchange({
            tokenIdentity: key,
            keepUntil: new Date((claims.exp + REPLAY_KEY_LEEWAY_SECONDS) * 1000),
            sessions: sessions.map((s) => s.record),
            audit: audit('claimed', sessions.map((s) => s.record.id), { rule: authorization.rule.name }),
        });
    }
    catch (error) {
        if (!(error instanceof ReplayError))
            throw error;
        await deps.store.appendAudit(audit('replayed', [], { rule: authorization.rule.name }));
        throw new ServiceError(ServiceErrorCode.TokenReplayed, 409, 'This token was already exchanged; each token is exchanged once.', {
            hint: 'Request a fresh OIDC token for the broker’s audience; a token seen twice may have been stolen.',
        });
    }
    const results = await Promise.allSettled(sessions.map((planned) => mint(planned, authorization, deps)));
    const outcomes = sessions.map(({ record }, index) => {
        const result = results[index];
        if (result.status === 'rejected')
            return { id: record.id, status: 'failed' };
        const { session } = result.value;
        return { id: record.id, status: 'active', assumedRoleId: 'assumedRoleId' in session ? session.assumedRoleId : undefined, expiresAt: session.expiration };
    });
    // A session minted beside one that failed stays on record as active: the run's revocation ends it.
    const failure = results.find((result) => result.status === 'rejected');
    const sessionIds = sessions.map((s) => s.record.id);
    await deps.store.completeExchange(outcomes, audit(failure ? 'failed' : 'issued', sessionIds, { rule: authorization.rule.name, ...(failure && { code: codeOf(failure.reason) }) }));
    if (failure)
        throw failure.reason;
    return respond(exchangeId, authorization, results.flatMap((result, index) => (result.status === 'fulfilled' ? [{ id: sessions[index].record.id, ...result.value }] : [])));
}
async function mint({ cloud, record }, authorization, deps) {
    const { grants, claims } = authorization;
    if (cloud === 'aws')
        return { cloud, session: await (0,issue/* issueAws */.t)(grants.aws, claims, record.sessionName, deps.minter) };
    return { cloud, session: await (0,issue/* issueGcp */.Y)(grants.gcp, claims, deps.minter) };
}
function wanted(body, config) {
    if (!body.aws && !body.gcp) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'The request asks for no cloud: give `aws`, `gcp` or both.', { hint: 'For example {"aws": {"role": "arn:aws:iam::111122223333:role/deploy"}}.' });
    }
    if (body.aws && !config.aws)
        throw notConfigured('AWS');
    if (body.gcp && !config.gcp)
        throw notConfigured('Google Cloud');
    return {
        aws: body.aws && { role: body.aws.role, durationSeconds: body.aws.durationSeconds ?? config.aws.defaultDurationSeconds, sessionPolicy: body.aws.sessionPolicy, managedSessionPolicyArns: body.aws.managedSessionPolicyArns },
        gcp: body.gcp && { serviceAccount: body.gcp.serviceAccount, lifetimeSeconds: body.gcp.lifetimeSeconds ?? policy_duration/* GCP_TOKEN_SECONDS */.T9.default, scopes: body.gcp.scopes },
    };
}
function plannedSessions(authorization, identity, exchangeId, now) {
    const base = { exchangeId, issuer: authorization.claims.iss, repositoryId: identity.repositoryId, ownerId: identity.ownerId, run: identity.run, job: identity.job, rule: authorization.rule.name, issuedAt: now };
    const { aws, gcp } = authorization.grants;
    const planned = [];
    if (aws) {
        planned.push({
            cloud: 'aws',
            record: { ...base, id: (0,external_node_crypto_.randomUUID)(), provider: 'aws', target: aws.roleArn, sessionName: (0,session_name/* sessionNameForToken */.q0)(authorization.claims, identity.system, sessionNameEnv(identity)), sourceIdentity: (0,session_tags/* sourceIdentity */.E)(identity.repositoryId, identity.run), expiresAt: new Date(now.getTime() + aws.durationSeconds * 1000) },
        });
    }
    if (gcp) {
        if (gcp.serviceAccount === undefined) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${authorization.rule.name}" grants no service account, and the broker mints Google tokens only by impersonating one.`, {
                hint: 'Add `service-accounts:` to the rule’s gcp grant, and give the broker roles/iam.serviceAccountTokenCreator on it.',
                location: authorization.rule.location,
            });
        }
        planned.push({ cloud: 'gcp', record: { ...base, id: (0,external_node_crypto_.randomUUID)(), provider: 'gcp', target: gcp.serviceAccount, sessionName: undefined, sourceIdentity: undefined, expiresAt: new Date(now.getTime() + gcp.lifetimeSeconds * 1000) } });
    }
    return planned;
}
function respond(exchangeId, authorization, minted) {
    const response = { exchangeId, rule: authorization.rule.name, checkedClaims: authorization.checkedClaims };
    const { aws: awsGrant, gcp: gcpGrant } = authorization.grants;
    for (const { id, ...result } of minted) {
        if (result.cloud === 'aws' && awsGrant) {
            const { session } = result;
            response.aws = {
                sessionId: id,
                accessKeyId: session.accessKeyId,
                secretAccessKey: session.secretAccessKey,
                sessionToken: session.sessionToken,
                expiration: session.expiration.toISOString(),
                roleArn: session.roleArn,
                assumedRoleId: session.assumedRoleId,
                assumedRoleArn: session.assumedRoleArn,
                sessionName: session.sessionName,
                durationSeconds: awsGrant.durationSeconds,
                capped: awsGrant.capped,
            };
        }
        else if (result.cloud === 'gcp' && gcpGrant) {
            const { session } = result;
            response.gcp = { sessionId: id, accessToken: session.accessToken, expiration: session.expiration.toISOString(), serviceAccount: session.serviceAccount, lifetimeSeconds: gcpGrant.lifetimeSeconds, capped: gcpGrant.capped };
        }
    }
    return response;
}
function codeOf(error) {
    return error instanceof broker_error/* BrokerError */.Wz ? error.code : broker_error/* ErrorCode */.O4.Internal;
}
function notReady() {
    return new ServiceError(ServiceErrorCode.NotReady, 503, 'The broker has no valid policy loaded yet.', { hint: 'Retry shortly; the operator sees why the policy failed to load in the broker’s log.' });
}

// EXTERNAL MODULE: ./src/policy/evaluate.ts + 1 modules
var evaluate = __webpack_require__(24198);
;// CONCATENATED MODULE: ./src/service/schemas.ts
// JSON schemas of every request and response. Fastify validates requests with them and serialises
// responses through them, so nothing a schema does not name can reach a client.
const errorBody = {
    type: 'object',
    required: ['code', 'message', 'hint'],
    properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
};
const errorResponse = {
    type: 'object',
    required: ['error'],
    properties: {
        error: errorBody,
        // A policy denial carries the decision as `policy explain --format json` prints it.
        decision: { type: 'object', additionalProperties: true },
    },
};
const errorResponses = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse, 500: errorResponse, 502: errorResponse, 503: errorResponse };
const exchangeSchema = {
    body: {
        type: 'object',
        additionalProperties: false,
        properties: {
            aws: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    role: { type: 'string', minLength: 20, maxLength: 2048 },
                    durationSeconds: { type: 'integer', minimum: 900, maximum: 43200 },
                    sessionPolicy: { type: 'string', minLength: 1, maxLength: 2048 },
                    managedSessionPolicyArns: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 20, maxLength: 2048 } },
                },
            },
            gcp: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    serviceAccount: { type: 'string', minLength: 3, maxLength: 320 },
                    lifetimeSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
                    scopes: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 512 } },
                },
            },
        },
    },
    response: {
        200: {
            type: 'object',
            required: ['exchangeId', 'rule', 'checkedClaims'],
            properties: {
                exchangeId: { type: 'string' },
                rule: { type: 'string' },
                checkedClaims: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
                aws: {
                    type: 'object',
                    required: ['sessionId', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration', 'roleArn', 'assumedRoleId', 'assumedRoleArn', 'sessionName', 'durationSeconds', 'capped'],
                    properties: {
                        sessionId: { type: 'string' },
                        accessKeyId: { type: 'string' },
                        secretAccessKey: { type: 'string' },
                        sessionToken: { type: 'string' },
                        expiration: { type: 'string' },
                        roleArn: { type: 'string' },
                        // `AROA…:session-name`: the session's aws:userid, as CloudTrail shows it and a per-session denial matches it.
                        assumedRoleId: { type: 'string' },
                        assumedRoleArn: { type: 'string' },
                        sessionName: { type: 'string' },
                        durationSeconds: { type: 'integer' },
                        capped: { type: 'boolean' },
                    },
                },
                gcp: {
                    type: 'object',
                    required: ['sessionId', 'accessToken', 'expiration', 'serviceAccount', 'lifetimeSeconds', 'capped'],
                    properties: {
                        sessionId: { type: 'string' },
                        accessToken: { type: 'string' },
                        expiration: { type: 'string' },
                        serviceAccount: { type: 'string' },
                        lifetimeSeconds: { type: 'integer' },
                        capped: { type: 'boolean' },
                    },
                },
            },
        },
        ...errorResponses,
    },
};
/*
 * The operator API, for `sessions list --broker URL` and `revoke --broker URL --selector …`.
 * Operators send their own OIDC token as the bearer (minted for the broker's audience, from an issuer
 * the broker accepts); an entry of the policy's `operators:` section must match its claims, or 403.
 *
 *   GET /v1/sessions?repositoryId=&ownerId=&rule=&issuer=&status=active,revoked&issuedAfter=ISO&issuedBefore=ISO&limit=100&cursor=…
 *     → 200 {sessions: SessionView[], nextCursor?: string}   newest first; limit 1 to 500 (default 100);
 *       pass nextCursor back as `cursor` for the next page, with the same filters.
 *
 *   POST /v1/revoke
 *     body {} or none: the job's own sessions (the bearer is a fresh token of the same job; no operator
 *       entry is consulted): those of that job when the token names it (GitHub's check_run_id, GitLab's
 *       and Buildkite's job_id), `scope: "job"`; otherwise every session of the run, parallel jobs'
 *       included, `scope: "run"`;
 *     body {"selector": {repositoryId?, ownerId?, rule?, issuer?, issuedBefore?}}: an operator's revocation
 *       of every active session the selector matches (at least one of repositoryId, ownerId, rule;
 *       issuedBefore defaults to now). AWS: one denial per affected role on the session tags
 *       (aws:PrincipalTag/… and aws:TokenIssueTime), or on the sessions' aws:userid when the selector
 *       names a rule, which no tag carries. Google: cleared only.
 *     → 200 {sessions: [{sessionId, provider, target, assumedRoleId?, outcome: denied|cleared-only|failed, detail}],
 *            scope?: job|run,                                              (a job's own revocation only)
 *            denials: [{target, outcome: denied|failed, policyName?, detail}]}   (denials: selector only)
 */
const STATUS = '(minting|active|revoked|expired|failed)';
const sessionView = {
    type: 'object',
    required: ['sessionId', 'exchangeId', 'status', 'issuer', 'repositoryId', 'ownerId', 'rule', 'provider', 'target', 'issuedAt', 'expiresAt'],
    properties: {
        sessionId: { type: 'string' },
        exchangeId: { type: 'string' },
        status: { type: 'string', enum: ['minting', 'active', 'revoked', 'expired', 'failed'] },
        issuer: { type: 'string' },
        repositoryId: { type: 'string' },
        ownerId: { type: 'string' },
        run: { type: 'string' },
        job: { type: 'string' },
        rule: { type: 'string' },
        provider: { type: 'string', enum: ['aws', 'gcp'] },
        target: { type: 'string' },
        sessionName: { type: 'string' },
        sourceIdentity: { type: 'string' },
        issuedAt: { type: 'string' },
        expiresAt: { type: 'string' },
        revokedAt: { type: 'string' },
    },
};
const id = { type: 'string', minLength: 1, maxLength: 256 };
const instant = { type: 'string', format: 'date-time' };
const MAX_SESSIONS_PAGE = 500;
const sessionsSchema = {
    querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
            repositoryId: id,
            ownerId: id,
            rule: id,
            issuer: { type: 'string', minLength: 1, maxLength: 2048 },
            status: { type: 'string', pattern: `^${STATUS}(,${STATUS})*$` },
            issuedAfter: instant,
            issuedBefore: instant,
            // Query values are text: nothing is coerced, so the number is checked as digits, then bounded.
            limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
            cursor: { type: 'string', maxLength: 512 },
        },
    },
    response: {
        200: { type: 'object', required: ['sessions'], properties: { sessions: { type: 'array', items: sessionView }, nextCursor: { type: 'string' } } },
        ...errorResponses,
    },
};
const revokeSchema = {
    body: {
        type: 'object',
        additionalProperties: false,
        properties: {
            selector: {
                type: 'object',
                additionalProperties: false,
                minProperties: 1,
                anyOf: [{ required: ['repositoryId'] }, { required: ['ownerId'] }, { required: ['rule'] }],
                properties: { repositoryId: id, ownerId: id, rule: id, issuer: { type: 'string', minLength: 1, maxLength: 2048 }, issuedBefore: instant },
            },
        },
    },
    response: {
        200: {
            type: 'object',
            required: ['sessions'],
            properties: {
                scope: { type: 'string', enum: ['job', 'run'] },
                sessions: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['sessionId', 'provider', 'target', 'outcome', 'detail'],
                        properties: {
                            sessionId: { type: 'string' },
                            provider: { type: 'string', enum: ['aws', 'gcp'] },
                            target: { type: 'string' },
                            assumedRoleId: { type: 'string' },
                            outcome: { type: 'string', enum: ['denied', 'cleared-only', 'failed'] },
                            detail: { type: 'string' },
                        },
                    },
                },
                denials: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['target', 'outcome', 'detail'],
                        properties: { target: { type: 'string' }, outcome: { type: 'string', enum: ['denied', 'failed'] }, policyName: { type: 'string' }, detail: { type: 'string' } },
                    },
                },
            },
        },
        ...errorResponses,
    },
};
const healthSchema = {
    response: {
        200: { type: 'object', required: ['status'], properties: { status: { type: 'string' }, policy: { type: 'string' } } },
        503: errorResponse,
    },
};

;// CONCATENATED MODULE: ./src/service/operators.ts




const DEFAULT_PAGE = 100;
/**
 * The operator entry of the policy in force that admits these (verified) claims. Deny by default: no
 * entry, no `operators:` section or no policy loaded, and the caller sees nothing and revokes nothing.
 */
function authorizeOperator(claims, deps) {
    const policy = deps.policy.current;
    if (!policy)
        throw notReady();
    const operator = (0,evaluate/* matchingOperator */.OP)(policy, claims);
    if (!operator) {
        throw new ServiceError(ServiceErrorCode.OperatorNotAuthorized, 403, 'The token is valid, but no entry of the policy’s `operators:` section matches its claims.', {
            hint: 'The operator API (the inventory, revocation by selector) is for the identities the policy lists under `operators:`; a job revokes its own run with an empty body.',
        });
    }
    return operator;
}
/** One page of the inventory, newest first; `nextCursor` resumes after its last session. */
async function listInventory(query, deps) {
    const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
    if (limit > MAX_SESSIONS_PAGE)
        throw invalidQuery(`limit ${limit} is above the most one page holds, ${MAX_SESSIONS_PAGE}.`);
    const page = await deps.store.listSessions({
        repositoryId: query.repositoryId,
        ownerId: query.ownerId,
        rule: query.rule,
        issuer: query.issuer,
        statuses: query.status?.split(','),
        issuedAfter: query.issuedAfter === undefined ? undefined : new Date(query.issuedAfter),
        issuedBefore: query.issuedBefore === undefined ? undefined : new Date(query.issuedBefore),
        after: query.cursor === undefined ? undefined : fromCursor(query.cursor),
        now: deps.now?.() ?? new Date(),
        // One more than asked tells whether another page follows.
        limit: limit + 1,
    });
    const sessions = page.slice(0, limit);
    const last = sessions.at(-1);
    return { sessions: sessions.map(viewOf), ...(page.length > limit && last && { nextCursor: toCursor(last) }) };
}
function viewOf(session) {
    return {
        sessionId: session.id,
        exchangeId: session.exchangeId,
        status: session.status,
        issuer: session.issuer,
        repositoryId: session.repositoryId,
        ownerId: session.ownerId,
        ...(session.run !== undefined && { run: session.run }),
        ...(session.job !== undefined && { job: session.job }),
        rule: session.rule,
        provider: session.provider,
        target: session.target,
        ...(session.sessionName !== undefined && { sessionName: session.sessionName }),
        ...(session.sourceIdentity !== undefined && { sourceIdentity: session.sourceIdentity }),
        issuedAt: session.issuedAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        ...(session.revokedAt !== undefined && { revokedAt: session.revokedAt.toISOString() }),
    };
}
// Opaque to clients, but only a position: it grants nothing a filter would not.
function toCursor(session) {
    return Buffer.from(JSON.stringify([session.issuedAt.getTime(), session.id])).toString('base64url');
}
function fromCursor(cursor) {
    try {
        const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Number.isSafeInteger(at) && typeof id === 'string')
            return { issuedAt: new Date(at), id };
    }
    catch {
        // Reported below, as any other malformed cursor.
    }
    throw invalidQuery('the cursor is not one this broker handed out.');
}
function invalidQuery(message) {
    return new ServiceError(ServiceErrorCode.RequestInvalid, 400, `The query is invalid: ${message}`, { hint: 'Pass back `nextCursor` unchanged as `cursor`, and a limit from 1 to 500.' });
}

// EXTERNAL MODULE: ./src/providers/aws/session-denial.ts
var session_denial = __webpack_require__(29242);
;// CONCATENATED MODULE: ./src/service/revoke.ts





const PAGE = 500;
/**
 * The job's post step ends what its job was issued: a fresh token from the same repository, run and
 * attempt names the sessions, and the job id, when the token carries one, narrows them to that job's.
 * Without a job id the whole run's sessions end, parallel jobs' included, and the answer says so. AWS
 * sessions are denied on their role; Google cannot revoke access tokens, so theirs are marked revoked
 * in the inventory and reported as cleared only.
 */
async function revokeOwnSessions(bearer, claims, deps) {
    const now = deps.now?.() ?? new Date();
    const identity = (0,job_identity/* jobIdentityOf */.lF)(claims);
    if (identity.run === undefined) {
        throw new ServiceError(ServiceErrorCode.RunUnknown, 400, 'The token does not name its run, so the broker cannot tell which sessions are this job’s.', {
            hint: 'Revoke by selector through the operator API instead.',
        });
    }
    const scope = identity.job === undefined ? 'run' : 'job';
    const sessions = await deps.store.listSessions({ issuer: claims.iss, repositoryId: identity.repositoryId, run: identity.run, job: identity.job, statuses: ['active'], now });
    const reports = await Promise.all(sessions.map((session) => revokeOne(session, deps, now)));
    await record(reports, bearer, claims, deps, now, { repositoryId: identity.repositoryId, detail: { run: identity.run, ...(identity.job !== undefined && { job: identity.job }), scope, requestedBy: 'job' } });
    return { sessions: reports, scope };
}
async function revokeOne(session, deps, now) {
    if (session.provider === 'gcp')
        return clearedOnly(session);
    if (!session.assumedRoleId)
        return report(session, 'failed', `The session was never recorded as minted, so there is no session id to deny; it stays valid until ${session.expiresAt.toISOString()} if it exists.`);
    try {
        const written = await deps.revoker.denyOnRole(session.target, () => (0,session_denial/* denyOneSession */.pX)(session.assumedRoleId, session.expiresAt), now);
        return report(session, 'denied', `Session "${session.sessionName}" is denied from now on (inline policy ${written}).`);
    }
    catch (error) {
        return report(session, 'failed', `Could not deny the session (${reason(error)}); it stays valid until ${session.expiresAt.toISOString()}.`);
    }
}
/**
 * An operator's revocation of every active (or orphaned `minting`) session the selector matches. On
 * each affected AWS role one denial covers them all: on the session tags that carry the repository or
 * owner, issued before the cutoff, so that it holds however many sessions there are. A rule is carried
 * by no tag: then the denial names the matched sessions' `aws:userid`s. Google: cleared only.
 */
async function revokeBySelector(bearer, claims, operator, selector, deps) {
    const now = deps.now?.() ?? new Date();
    // A cutoff in the future would also refuse sessions not yet issued.
    const cutoff = selector.issuedBefore === undefined ? now : new Date(Math.min(Date.parse(selector.issuedBefore), now.getTime()));
    const sessions = [];
    for (let page; page === undefined || page.length === PAGE;) {
        const last = sessions.at(-1);
        page = await deps.store.listSessions({ ...selector, issuedBefore: cutoff, statuses: ['active', 'minting'], now, limit: PAGE, after: last && { issuedAt: last.issuedAt, id: last.id } });
        sessions.push(...page);
    }
    const byRole = new Map();
    for (const session of sessions)
        if (session.provider === 'aws')
            byRole.set(session.target, [...(byRole.get(session.target) ?? []), session]);
    const denials = await Promise.all([...byRole].map(async ([role, onRole]) => {
        const deny = roleDenial(selector, onRole, cutoff);
        if (typeof deny === 'string')
            return { target: role, outcome: 'failed', detail: deny, sessions: onRole };
        try {
            const policyName = await deps.revoker.denyOnRole(role, deny, now);
            return { target: role, outcome: 'denied', policyName, detail: `Sessions issued before ${cutoff.toISOString()} are denied from now on.`, sessions: onRole };
        }
        catch (error) {
            return { target: role, outcome: 'failed', detail: `Could not write the denial (${reason(error)}); the sessions stay valid until they expire.`, sessions: onRole };
        }
    }));
    const reports = [
        ...denials.flatMap((denial) => denial.sessions.map((s) => report(s, denial.outcome, denial.outcome === 'denied' ? `Denied by inline policy ${denial.policyName} on its role.` : denial.detail))),
        ...sessions.filter((s) => s.provider === 'gcp').map(clearedOnly),
    ];
    const asked = Object.fromEntries(Object.entries({ ...selector, issuedBefore: cutoff.toISOString() }).filter(([, value]) => value !== undefined));
    await record(reports, bearer, claims, deps, now, { repositoryId: selector.repositoryId, detail: { requestedBy: 'operator', operator: operator.name, selector: JSON.stringify(asked) } });
    return { sessions: reports, denials: denials.map(({ sessions: _, ...denial }) => denial) };
}
/** The denial for the selector's sessions on one role, or why none can be written. */
function roleDenial(selector, sessions, cutoff) {
    if (selector.rule === undefined) {
        const alternatives = tagAlternatives(selector, sessions);
        if (alternatives)
            return (maxSessionDuration) => (0,session_denial/* denyTaggedSessions */.eb)(alternatives, cutoff, maxSessionDuration);
    }
    const unminted = sessions.filter((s) => !s.assumedRoleId);
    if (unminted.length > 0)
        return `${unminted.length} session(s) were never recorded as minted, so no session id names them, and the selector cannot be expressed in session tags.`;
    const lastExpiry = new Date(Math.max(...sessions.map((s) => s.expiresAt.getTime())));
    return () => (0,session_denial/* denyNamedSessions */.p0)(sessions.map((s) => s.assumedRoleId), lastExpiry);
}
/**
 * The tag sets, one per CI system the sessions' issuers may be, that together match the selector's
 * repository and owner; undefined when some issuer's sessions carry no tag for what is asked.
 */
function tagAlternatives(selector, sessions) {
    const alternatives = new Map();
    for (const issuer of new Set(sessions.map((s) => s.issuer))) {
        const keys = (0,job_identity/* identityTagKeys */.LH)(issuer);
        if (keys.length === 0)
            return undefined;
        for (const { repository, owner } of keys) {
            if (selector.ownerId !== undefined && owner === undefined)
                return undefined;
            // Sanitised as the tags were when the session was minted.
            const tags = (0,session_tags/* sessionTags */.c)({ ...(selector.repositoryId !== undefined && { [repository]: selector.repositoryId }), ...(selector.ownerId !== undefined && { [owner]: selector.ownerId }) });
            const set = Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
            alternatives.set(JSON.stringify(set), set);
        }
    }
    return [...alternatives.values()];
}
/** Marks revoked what was denied or cleared, with the audit row that names who asked. */
async function record(reports, bearer, claims, deps, now, about) {
    const ended = reports.filter((r) => r.outcome !== 'failed').map((r) => r.sessionId);
    await deps.store.revokeSessions(ended, now, {
        at: now,
        action: 'revoke',
        outcome: reports.some((r) => r.outcome === 'failed') ? 'partly-failed' : 'revoked',
        issuer: claims.iss,
        subject: claims.sub,
        repositoryId: about.repositoryId,
        tokenSha256: bearer.tokenSha256,
        sessionIds: ended,
        detail: about.detail,
    });
    for (const r of reports)
        deps.metrics.revocations.inc({ outcome: r.outcome });
}
function clearedOnly(session) {
    return report(session, 'cleared-only', `Google cannot revoke access tokens: the token for ${session.target} stays valid until ${session.expiresAt.toISOString()}.`);
}
function report(session, outcome, detail) {
    return { sessionId: session.id, provider: session.provider, target: session.target, ...(session.assumedRoleId !== undefined && { assumedRoleId: session.assumedRoleId }), outcome, detail };
}
function reason(error) {
    return error instanceof broker_error/* BrokerError */.Wz ? `${error.code}: ${error.message}` : 'an unexpected error';
}

;// CONCATENATED MODULE: ./src/service/app.ts








const BODY_LIMIT_BYTES = 64 * 1024;
/**
 * The broker's HTTP API, not yet listening: tests drive it with `inject`. Logs are pino JSON that name a
 * token by its SHA-256 only; the Authorization header is redacted wherever a request is logged.
 */
function buildBrokerApp(config, deps, options = {}) {
    const app = fastify_default()({
        logger: { level: config.logLevel, redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' }, ...(options.logStream && { stream: options.logStream }) },
        bodyLimit: BODY_LIMIT_BYTES,
        trustProxy: config.behindProxy,
        // Unknown fields are refused, never silently dropped, and nothing is coerced: a request means what it says.
        ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
        ...(options.https && { https: options.https }),
    });
    app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
    app.setNotFoundHandler((request, reply) => {
        void reply.code(404).send({ error: { code: ServiceErrorCode.NotFound, message: `No endpoint ${request.method} ${request.url.split('?')[0]}.`, hint: 'The API is POST /v1/exchange, POST /v1/revoke, GET /v1/sessions, GET /healthz, GET /readyz and GET /metrics.' } });
    });
    app.post('/v1/exchange', { schema: exchangeSchema }, async (request, reply) => {
        const started = process.hrtime.bigint();
        let outcome = 'failed';
        let bearer;
        try {
            bearer = readBearer(request.headers.authorization);
            const claims = await verifyBearer(bearer, config, deps.verifier);
            const response = await exchange(bearer, claims, request.body, config, deps);
            outcome = 'issued';
            request.log.info({ tokenSha256: bearer.tokenSha256, outcome, rule: response.rule, exchangeId: response.exchangeId, sessionIds: [response.aws?.sessionId, response.gcp?.sessionId].filter(Boolean) }, 'exchange');
            return reply.send(response);
        }
        catch (error) {
            outcome = outcomeOf(error);
            request.log.info({ tokenSha256: bearer?.tokenSha256, outcome, code: app_codeOf(error) }, 'exchange refused');
            throw error;
        }
        finally {
            deps.metrics.exchanges.inc({ outcome });
            deps.metrics.exchangeSeconds.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
        }
    });
    // One path, two callers: a body naming a selector is an operator's; an empty one, a job ending its own run.
    app.post('/v1/revoke', { schema: revokeSchema }, async (request, reply) => {
        const bearer = readBearer(request.headers.authorization);
        const claims = await verifyBearer(bearer, config, deps.verifier);
        const selector = request.body?.selector;
        let response;
        if (selector) {
            const operator = await operatorOf(claims, bearer, request, { action: 'revoke', repositoryId: selector.repositoryId });
            response = await revokeBySelector(bearer, claims, operator, selector, deps);
            request.log.info({ tokenSha256: bearer.tokenSha256, operator: operator.name, selector, sessions: response.sessions.length, denials: response.denials }, 'revoke by selector');
        }
        else {
            response = await revokeOwnSessions(bearer, claims, deps);
            request.log.info({ tokenSha256: bearer.tokenSha256, sessions: response.sessions.map((s) => ({ id: s.sessionId, outcome: s.outcome })) }, 'revoke');
        }
        return reply.send(response);
    });
    app.get('/v1/sessions', { schema: sessionsSchema }, async (request, reply) => {
        const bearer = readBearer(request.headers.authorization);
        const claims = await verifyBearer(bearer, config, deps.verifier);
        const operator = await operatorOf(claims, bearer, request, { action: 'list', repositoryId: request.query.repositoryId });
        const response = await listInventory(request.query, deps);
        // Who read which part of the inventory is audited as revocations are, and before the answer leaves.
        await deps.store.appendAudit({
            ...auditOf(claims, bearer, 'list', request.query.repositoryId),
            outcome: 'listed',
            detail: { requestedBy: 'operator', operator: operator.name, filters: JSON.stringify(request.query), sessions: String(response.sessions.length) },
        });
        request.log.info({ tokenSha256: bearer.tokenSha256, operator: operator.name, query: request.query, sessions: response.sessions.length }, 'sessions listed');
        return reply.send(response);
    });
    function auditOf(claims, bearer, action, repositoryId) {
        return { at: deps.now?.() ?? new Date(), action, issuer: claims.iss, subject: claims.sub, repositoryId, tokenSha256: bearer.tokenSha256, sessionIds: [] };
    }
    /**
     * The operator the policy admits, or 403. A refused attempt to read the inventory or to revoke by
     * selector belongs in the trail as much as a granted one: it is audited, and logged with the token's digest.
     */
    async function operatorOf(claims, bearer, request, attempt) {
        try {
            return authorizeOperator(claims, deps);
        }
        catch (error) {
            request.log.warn({ tokenSha256: bearer.tokenSha256, subject: claims.sub, code: app_codeOf(error) }, 'operator refused');
            await deps.store.appendAudit({ ...auditOf(claims, bearer, attempt.action, attempt.repositoryId), outcome: 'refused', detail: { requestedBy: 'operator', code: app_codeOf(error) } });
            throw error;
        }
    }
    app.get('/healthz', { schema: healthSchema }, async () => ({ status: 'ok' }));
    // Ready while the database answers: no exchange can be recorded without it. A Redis outage leaves the
    // broker ready, counting rate limits per instance, and says so: taking every instance out of the load
    // balancer for it would turn a loss of shared counting into a loss of service.
    const readySchema = { response: { ...healthSchema.response, 200: { type: 'object', required: ['status'], properties: { status: { type: 'string' }, policy: { type: 'string' }, store: { type: 'string' }, rateLimits: { type: 'string' } } } } };
    app.get('/readyz', { schema: readySchema }, async (request) => {
        const store = config.store.kind;
        try {
            await deps.store.ping();
        }
        catch (error) {
            request.log.error({ err: error }, 'the store does not answer');
            throw new ServiceError(ServiceErrorCode.NotReady, 503, `The broker’s store (${store}) does not answer.`, { hint: 'The broker’s log says why; check the database (the file and its disk, or the PostgreSQL server).' });
        }
        const policy = deps.policy.current;
        if (!policy)
            throw notReady();
        return { status: 'ready', policy: policy.source, store, rateLimits: deps.rateLimiter.state() };
    });
    app.get('/metrics', async (_request, reply) => reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()));
    return app;
}
const SERVICE_OUTCOMES = { [ServiceErrorCode.TokenReplayed]: 'replayed', [ServiceErrorCode.RateLimited]: 'rate-limited', [ServiceErrorCode.NotReady]: 'failed' };
/** The metrics label of a refused exchange: few values, so that the series stay few. */
function outcomeOf(error) {
    if (error instanceof ExchangeDenied)
        return 'denied';
    if (error instanceof ServiceError)
        return SERVICE_OUTCOMES[error.code] ?? 'invalid';
    if (error instanceof broker_error/* BrokerError */.Wz)
        return statusOf(error) < 500 ? 'invalid' : 'failed';
    return error.validation ? 'invalid' : 'failed';
}
function app_codeOf(error) {
    if (error instanceof ExchangeDenied)
        return error.error.code;
    if (error instanceof ServiceError || error instanceof broker_error/* BrokerError */.Wz)
        return error.code;
    return error.validation ? ServiceErrorCode.RequestInvalid : broker_error/* ErrorCode */.O4.Internal;
}
/** Every error as `{error: {code, message, hint}}` with a stable code; an unexpected one says nothing of its cause. */
function sendError(error, request, reply) {
    if (error instanceof ExchangeDenied) {
        return reply.code(403).send({ error: describe(error.error), decision: error.decision });
    }
    if (error instanceof ServiceError) {
        if (error.retryAfterSeconds !== undefined)
            void reply.header('retry-after', String(error.retryAfterSeconds));
        return reply.code(error.statusCode).send({ error: describe(error) });
    }
    if (error instanceof broker_error/* BrokerError */.Wz)
        return reply.code(statusOf(error)).send({ error: describe(error) });
    const fastifyError = error;
    if (fastifyError.validation || (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)) {
        return reply.code(fastifyError.statusCode ?? 400).send({ error: { code: ServiceErrorCode.RequestInvalid, message: fastifyError.message, hint: 'The request body is JSON as the API describes: {"aws": {...}, "gcp": {...}}.' } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: { code: broker_error/* ErrorCode */.O4.Internal, message: 'The broker failed unexpectedly.', hint: 'The broker’s log has the details; please report it.' } });
}
function describe(error) {
    return { code: error.code, message: error.message, hint: error.hint };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/providers/gcp/exchange.ts + 2 modules
var gcp_exchange = __webpack_require__(44118);
;// CONCATENATED MODULE: ./src/service/config.ts






const DEFAULT_RATE_LIMITS = { repository: { requests: 60, perSeconds: 60 }, owner: { requests: 600, perSeconds: 60 }, issuer: { requests: 6000, perSeconds: 60 } };
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HINT = 'The broker configuration is YAML or JSON; its keys are described in the README section on the service.';
/** Reads and checks the `serve --config` file. Every problem is reported at once, at its file:line:column. */
async function loadBrokerConfig(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The broker configuration ${path} could not be read.`, { hint: 'Give the path of an existing, readable file to --config.', cause: error });
    }
    return parseBrokerConfig(text, path);
}
function parseBrokerConfig(text, path) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const locate = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file: path, line, column: col };
    };
    if (document.errors.length > 0) {
        throw invalid(path, document.errors.map((error) => ({ location: locate(error.pos[0]), code: 'yaml-syntax', message: error.message.split('\n')[0], hint: HINT })));
    }
    const data = document.toJS();
    const problems = [];
    const config = read(data, (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path)), problems);
    if (problems.length > 0 || config === undefined) {
        const located = problems.map((problem) => ({ location: locate(offsetOf(document, problem.path)), code: 'config', message: `${problem.path.join('.') || '(top level)'}: ${problem.message}`, hint: HINT }));
        throw invalid(path, located.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column));
    }
    return config;
}
function read(data, base, problems) {
    const report = (path, message) => void problems.push({ path, message });
    const root = object(data, [], problems, ['audience', 'issuers', 'listen', 'policy', 'aws', 'gcp', 'store', 'rate-limits', 'tls', 'behind-proxy', 'log-level']);
    if (!root)
        return undefined;
    const file = (value, path) => (typeof value === 'string' && value !== '' ? (0,external_node_path_.resolve)(base, value) : (report(path, 'must be a path'), ''));
    const optionalFile = (value, path) => (value === undefined ? undefined : file(value, path));
    const issuers = Array.isArray(root.issuers) && root.issuers.length > 0 ? root.issuers.map((issuer, index) => url(issuer, ['issuers', index], problems, true) ?? '') : (report(['issuers'], 'list at least one issuer whose tokens the broker accepts'), []);
    const listen = root.listen === undefined ? {} : object(root.listen, ['listen'], problems, ['host', 'port']);
    const port = listen?.port ?? 8443;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        report(['listen', 'port'], 'must be a port number, 0 to 65535');
    const policy = object(root.policy, ['policy'], problems, ['file', 'root', 'github']);
    if (policy?.github !== undefined)
        report(['policy', 'github'], 'a policy polled from a central repository is not supported yet; give policy.file');
    const aws = root.aws === undefined ? undefined : object(root.aws, ['aws'], problems, ['region', 'endpoint', 'default-duration']);
    const duration = aws?.['default-duration'] === undefined ? policy_duration/* STS_SESSION_SECONDS */.Em.default : (0,policy_duration/* parseDuration */.E9)(aws['default-duration']);
    if (duration === undefined || duration < policy_duration/* STS_SESSION_SECONDS */.Em.min || duration > policy_duration/* STS_SESSION_SECONDS */.Em.max)
        report(['aws', 'default-duration'], 'must be from 15m (900 s) to 12h');
    if (aws && (typeof aws.region !== 'string' || aws.region === ''))
        report(['aws', 'region'], 'must name the region whose STS the broker calls');
    const gcp = root.gcp === undefined ? undefined : object(root.gcp, ['gcp'], problems, ['iam-credentials-url', 'credentials-file']);
    const store = readStore(root.store, file, problems);
    const limits = root['rate-limits'] === undefined ? {} : object(root['rate-limits'], ['rate-limits'], problems, ['repository', 'owner', 'issuer', 'redis']);
    const redis = limits?.redis === undefined ? undefined : connectionUrl(limits.redis, ['rate-limits', 'redis'], problems, ['redis', 'rediss']);
    const tls = root.tls === undefined ? undefined : object(root.tls, ['tls'], problems, ['cert', 'key']);
    const behindProxy = root['behind-proxy'] ?? false;
    if (typeof behindProxy !== 'boolean')
        report(['behind-proxy'], 'must be true or false');
    if (tls === undefined && behindProxy !== true)
        report([], 'give tls (cert and key), or state `behind-proxy: true` when a terminating proxy holds the certificate');
    if (tls !== undefined && behindProxy === true)
        report(['behind-proxy'], 'give tls or behind-proxy, not both');
    const logLevel = root['log-level'] ?? 'info';
    if (typeof logLevel !== 'string' || !LOG_LEVELS.includes(logLevel))
        report(['log-level'], `must be one of ${LOG_LEVELS.join(', ')}`);
    const config = {
        audience: url(root.audience, ['audience'], problems, true) ?? '',
        issuers,
        listen: { host: typeof listen?.host === 'string' ? listen.host : '127.0.0.1', port: port },
        policy: { file: file(policy?.file, ['policy', 'file']), root: optionalFile(policy?.root, ['policy', 'root']) },
        aws: aws && { region: String(aws.region), endpoint: url(aws.endpoint, ['aws', 'endpoint'], problems, false), defaultDurationSeconds: duration ?? policy_duration/* STS_SESSION_SECONDS */.Em.default },
        gcp: gcp && { iamCredentialsUrl: url(gcp['iam-credentials-url'], ['gcp', 'iam-credentials-url'], problems, false) ?? gcp_exchange/* GOOGLE_ENDPOINTS */.r_.iamCredentialsUrl, credentialsFile: optionalFile(gcp['credentials-file'], ['gcp', 'credentials-file']) },
        store,
        rateLimits: {
            repository: rateLimit(limits?.repository, ['rate-limits', 'repository'], problems, DEFAULT_RATE_LIMITS.repository),
            owner: rateLimit(limits?.owner, ['rate-limits', 'owner'], problems, DEFAULT_RATE_LIMITS.owner),
            issuer: rateLimit(limits?.issuer, ['rate-limits', 'issuer'], problems, DEFAULT_RATE_LIMITS.issuer),
            redis,
        },
        tls: tls && { cert: file(tls.cert, ['tls', 'cert']), key: file(tls.key, ['tls', 'key']) },
        behindProxy: behindProxy === true,
        logLevel: String(logLevel),
    };
    return problems.length > 0 ? undefined : config;
}
/** The SQLite file a configuration names, for what opens the store beside the broker (tests, tools). */
function sqliteFile(config) {
    if (config.store.kind !== 'sqlite')
        throw new BrokerError(ErrorCode.InputInvalid, 'The broker configuration names a PostgreSQL store, not a SQLite file.', { hint: 'Open the PostgreSQL database at store.postgres instead.' });
    return config.store.path;
}
/** `{sqlite: FILE, durability?}` or `{postgres: URL}`: one or the other, each with only its own settings. */
function readStore(value, file, problems) {
    const store = object(value, ['store'], problems, ['sqlite', 'durability', 'postgres']);
    const report = (path, message) => void problems.push({ path, message });
    if (store?.postgres !== undefined) {
        if (store.sqlite !== undefined)
            report(['store'], 'give sqlite or postgres, not both');
        if (store.durability !== undefined)
            report(['store', 'durability'], 'applies to sqlite only; PostgreSQL’s own settings (fsync, synchronous_commit) decide its durability');
        return { kind: 'postgres', url: connectionUrl(store.postgres, ['store', 'postgres'], problems, ['postgres', 'postgresql']) ?? '' };
    }
    if (store && store.sqlite === undefined)
        report(['store'], 'give sqlite: FILE (one instance) or postgres: URL (instances that share a database)');
    const durability = store?.durability ?? 'full';
    if (durability !== 'full' && durability !== 'process')
        report(['store', 'durability'], 'must be full (every commit synced to disk) or process (survives a crash of the broker, not of the machine)');
    return { kind: 'sqlite', path: store?.sqlite === undefined ? '' : file(store.sqlite, ['store', 'sqlite']), durability: durability };
}
function object(value, path, problems, keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path, message: value === undefined ? 'is required' : 'must be a mapping' });
        return undefined;
    }
    for (const key of Object.keys(value))
        if (!keys.includes(key))
            problems.push({ path: [...path, key], message: `unknown key; expected one of ${keys.join(', ')}` });
    return value;
}
function url(value, path, problems, required) {
    if (value === undefined && !required)
        return undefined;
    if (typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol))
        return value;
    problems.push({ path, message: value === undefined ? 'is required' : 'must be an http(s) URL' });
    return undefined;
}
/**
 * A database's or Redis's URL, written out or as `{env: NAME}`, read from that environment variable so
 * that its password can come from a secret store (a Kubernetes Secret) rather than the file. It may hold
 * a password, so no message repeats it.
 */
function connectionUrl(value, path, problems, schemes) {
    const variable = typeof value === 'object' && value !== null && Object.keys(value).join() === 'env' ? value.env : undefined;
    const text = typeof variable === 'string' ? process.env[variable] : value;
    if (typeof text === 'string' && URL.canParse(text) && schemes.includes(new URL(text).protocol.slice(0, -1)))
        return text;
    const wanted = `a ${schemes.map((scheme) => `${scheme}://`).join(' or ')} URL`;
    problems.push({ path, message: typeof variable === 'string' ? `names the environment variable ${variable}, which must hold ${wanted}` : `must be ${wanted}, or {env: NAME} for one held in an environment variable` });
    return undefined;
}
function rateLimit(value, path, problems, fallback) {
    if (value === undefined)
        return fallback;
    const limit = object(value, path, problems, ['requests', 'per']);
    const requests = limit?.requests;
    const per = limit?.per === undefined ? 60 : (0,policy_duration/* parseDuration */.E9)(limit.per);
    if (!Number.isInteger(requests) || requests < 1)
        problems.push({ path: [...path, 'requests'], message: 'must be a whole number of requests, at least 1' });
    if (per === undefined || per < 1)
        problems.push({ path: [...path, 'per'], message: 'must be a duration: seconds (60) or 1m, 1h' });
    return { requests: requests, perSeconds: per ?? 60 };
}
/** Where a path points in the file; a key that is missing points at its nearest present parent. */
function offsetOf(document, path) {
    for (let length = path.length; length >= 0; length--) {
        const node = document.getIn(path.slice(0, length), true);
        if ((0,dist/* isNode */.Ll)(node) && node.range)
            return node.range[0];
    }
    return 0;
}
function invalid(path, problems) {
    const lines = problems.map((p) => `${p.location.file}:${p.location.line}:${p.location.column}: ${p.message}`);
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The broker configuration ${path} is invalid:\n${lines.join('\n')}`, { hint: HINT, problems, location: problems[0]?.location });
}

;// CONCATENATED MODULE: ./src/service/metrics.ts

function brokerMetrics() {
    const registry = new prom_client.Registry();
    (0,prom_client.collectDefaultMetrics)({ register: registry });
    return {
        registry,
        exchanges: new prom_client.Counter({ name: 'broker_exchanges_total', help: 'Token exchanges, by outcome (issued, denied, replayed, rate-limited, invalid, failed).', labelNames: ['outcome'], registers: [registry] }),
        exchangeSeconds: new prom_client.Histogram({
            name: 'broker_exchange_duration_seconds',
            help: 'Time to answer an exchange, by outcome.',
            labelNames: ['outcome'],
            buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            registers: [registry],
        }),
        revocations: new prom_client.Counter({ name: 'broker_revocations_total', help: 'Sessions revoked at job end, by outcome (denied, cleared-only, failed).', labelNames: ['outcome'], registers: [registry] }),
        policyReloads: new prom_client.Counter({ name: 'broker_policy_reloads_total', help: 'Policy reloads, by outcome (replaced, kept-last-good).', labelNames: ['outcome'], registers: [registry] }),
    };
}

// EXTERNAL MODULE: ./src/providers/aws/exchange.ts
var aws_exchange = __webpack_require__(52839);
;// CONCATENATED MODULE: ./src/service/minters/aws-assume-role.ts




// A hung STS must not hold a job for long; the SDK's own retries are bounded by their attempt count.
const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * AssumeRole signed with the broker's own identity: the target role trusts the broker's role, never the
 * CI issuer, so this is the only way in. The session carries the verified claims as tags (transitive, so
 * they survive role chaining) and the repository and run as its SourceIdentity.
 */
function brokerAssumeRole(options) {
    let client;
    const stsClient = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19)).then(({ STSClient }) => new STSClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 3, ...(options.credentials && { credentials: options.credentials }) })));
    return {
        mint: async (request) => {
            const { AssumeRoleCommand } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
            const identity = (0,job_identity/* jobIdentityOf */.lF)(request.claims);
            const tags = (0,session_tags/* sessionTags */.c)(identity.tagClaims);
            const command = new AssumeRoleCommand({
                RoleArn: request.roleArn,
                RoleSessionName: request.sessionName,
                DurationSeconds: request.durationSeconds,
                Policy: request.sessionPolicy,
                PolicyArns: request.managedSessionPolicyArns.length > 0 ? request.managedSessionPolicyArns.map((arn) => ({ arn })) : undefined,
                Tags: tags.length > 0 ? tags : undefined,
                TransitiveTagKeys: tags.length > 0 ? tags.map((tag) => tag.Key) : undefined,
                SourceIdentity: (0,session_tags/* sourceIdentity */.E)(identity.repositoryId, identity.run),
            });
            try {
                const output = await (await stsClient()).send(command, { abortSignal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
                return (0,aws_exchange/* sessionFromStsAnswer */.F)(output, { ...request, region: options.region }, 'Check that the configured aws.endpoint speaks AWS STS.');
            }
            catch (error) {
                throw assumeRoleError(error, request.roleArn);
            }
        },
        destroy: () => void client?.then((c) => c.destroy()),
    };
}
function assumeRoleError(error, roleArn) {
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    const name = error.name ?? 'Error';
    const status = error.$metadata?.httpStatusCode;
    if (name === 'AccessDenied' || name === 'AccessDeniedException') {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsAccessDenied, `AWS STS denied the broker assuming ${roleArn}.`, {
            hint: 'The role’s trust policy must allow the broker’s role sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity, with conditions the session’s tags meet; policy export --aws-broker-trust prints it.',
            cause: error,
        });
    }
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExchangeFailed, `The broker could not assume ${roleArn}: ${name}${status ? ` (HTTP ${status})` : ''}.`, {
        hint: 'Check the role ARN, the broker’s own AWS credentials and its network path to STS (aws.endpoint, if set).',
        cause: error,
    });
}

// EXTERNAL MODULE: ./src/providers/aws/apply-denial.ts
var apply_denial = __webpack_require__(73906);
;// CONCATENATED MODULE: ./src/service/minters/aws-session-revoker.ts


/** Writes denials onto roles with the broker's own IAM permissions, through the project's denial writer. */
function brokerSessionRevoker(options) {
    let client;
    const iamClient = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 16764, 19)).then(({ IAMClient }) => new IAMClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 3, ...(options.credentials && { credentials: options.credentials }) })));
    return {
        denyOnRole: async (roleArn, deny, now) => {
            const roleName = (0,apply_denial/* roleNameOf */.xZ)(roleArn);
            if (!roleName)
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsRevocationFailed, `${roleArn} is not a role ARN, so there is no role to write a denial on.`, { hint: 'The inventory holds what was minted; check the role ARN the rule grants.' });
            const outcome = await (0,apply_denial/* applyDenial */.M5)(await iamClient(), roleName, deny, now);
            return outcome.denial.policyName;
        },
        destroy: () => void client?.then((c) => c.destroy()),
    };
}

;// CONCATENATED MODULE: ./src/service/minters/gcp-impersonation.ts

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const TIMEOUT_MS = 10_000;
/**
 * IAM Credentials `generateAccessToken` as the broker's own service account, which holds
 * roles/iam.serviceAccountTokenCreator on each target: the job's token never reaches Google.
 */
function brokerGenerateAccessToken(options) {
    let auth;
    const googleAuth = () => (auth ??= __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23)).then(({ GoogleAuth }) => {
        const created = new GoogleAuth({ scopes: [CLOUD_PLATFORM], ...(options.credentialsFile && { keyFilename: options.credentialsFile }), ...(options.authClient && { authClient: options.authClient }) });
        // A service account key signs its own scoped JWT, as Google's client libraries do for Google APIs,
        // rather than trading it for a token first: one round trip fewer, and no endpoint but IAM Credentials.
        created.useJWTAccessWithScope = true;
        return created;
    }));
    return async (request) => {
        const serviceAccount = request.serviceAccount;
        try {
            const client = await (await googleAuth()).getClient();
            const response = await client.request({
                url: `${options.iamCredentialsUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`,
                method: 'POST',
                data: { scope: [...request.scopes], lifetime: `${request.lifetimeSeconds}s` },
                timeout: TIMEOUT_MS,
                retry: false,
            });
            const { accessToken, expireTime } = response.data;
            if (!accessToken || !expireTime)
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeFailed, 'IAM Credentials answered without an access token or its expiry.', { hint: 'Check gcp.iam-credentials-url.' });
            return { accessToken, expiration: new Date(expireTime), serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
        }
        catch (error) {
            if (error instanceof broker_error/* BrokerError */.Wz)
                throw error;
            const status = error.response?.status ?? error.status;
            const denied = status === 401 || status === 403;
            throw new broker_error/* BrokerError */.Wz(denied ? broker_error/* ErrorCode */.O4.GcpAccessDenied : broker_error/* ErrorCode */.O4.GcpExchangeFailed, `The broker could not obtain a token for ${serviceAccount}${status ? ` (HTTP ${status})` : ''}.`, {
                hint: denied ? `Grant the broker’s service account roles/iam.serviceAccountTokenCreator on ${serviceAccount}.` : 'Check the broker’s Google credentials and its network path to IAM Credentials.',
                cause: error,
            });
        }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/policy/load.ts + 2 modules
var load = __webpack_require__(39485);
;// CONCATENATED MODULE: ./src/service/policy-holder.ts




// Editors write a file in several steps; one reload after they settle.
const SETTLE_MS = 200;
/**
 * The policy in force. A new one replaces it only once it has loaded and validated completely; until
 * then, and whenever a new one is bad, the last good policy stays.
 */
class PolicyHolder {
    #current;
    #loading;
    #watcher;
    #timer;
    #load;
    #onReload;
    constructor(load, onReload = () => { }) {
        this.#load = load;
        this.#onReload = onReload;
    }
    static forFile(file, root, onReload) {
        return new PolicyHolder(() => (0,load/* loadPolicyFile */.n$)(file, root ?? (0,external_node_path_.dirname)(file)), onReload);
    }
    /** Undefined until a first policy has loaded. */
    get current() {
        return this.#current;
    }
    /** Loads afresh; concurrent calls share one load. */
    reload() {
        this.#loading ??= this.#reload().finally(() => (this.#loading = undefined));
        return this.#loading;
    }
    /** Reloads when the file changes. The folder is watched, since editors replace files rather than write them. */
    watchFile(file) {
        this.#watcher = (0,external_node_fs_.watch)((0,external_node_path_.dirname)(file), (_event, name) => {
            if (name !== null && name !== (0,external_node_path_.basename)(file))
                return;
            clearTimeout(this.#timer);
            this.#timer = setTimeout(() => void this.reload(), SETTLE_MS);
        });
    }
    close() {
        clearTimeout(this.#timer);
        this.#watcher?.close();
    }
    async #reload() {
        let outcome;
        try {
            const policy = await this.#load();
            this.#current = policy;
            outcome = { replaced: true, policy };
        }
        catch (error) {
            outcome = { replaced: false, error: (0,broker_error/* isBrokerError */.kA)(error) || error instanceof Error ? error : new Error(String(error)) };
        }
        this.#onReload(outcome);
        return outcome;
    }
}

// EXTERNAL MODULE: ./node_modules/ioredis/built/index.js
var built = __webpack_require__(67796);
// EXTERNAL MODULE: ./node_modules/rate-limiter-flexible/index.js
var rate_limiter_flexible = __webpack_require__(8649);
;// CONCATENATED MODULE: ./src/service/rate-limits.ts


const RATE_SCOPES = ['repository', 'owner', 'issuer'];
function memoryRateLimiter(limits) {
    return {
        consume: consumeAll((scope) => memoryLimiter(scope, limits[scope])),
        state: () => 'memory',
        close: async () => { },
    };
}
// An exchange never waits on Redis longer than this: past it, the per-instance count decides.
const REDIS_COMMAND_TIMEOUT_MS = 250;
const REDIS_RECONNECT_MAX_MS = 2000;
/**
 * Counts in Redis, shared by every instance. Redis is never the replay authority (its replication is
 * asynchronous; the database holds the replay keys), so its outage need not stop the broker: while it
 * is out of reach each instance counts on its own, against the same limits, so that a fleet of N lets
 * through at most N times the configured rate until Redis answers again, and then counting is shared again.
 * `onChange` hears each transition, for the log.
 */
function redisRateLimiter(limits, url, options = {}) {
    const client = new built.Redis(url, {
        // Queued commands would hold exchanges while Redis is away; refused at once, they fall to memory.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
        retryStrategy: (attempt) => Math.min(attempt * 100, REDIS_RECONNECT_MAX_MS),
    });
    let reachable = false;
    client.on('ready', () => {
        reachable = true;
        options.onChange?.(true);
    });
    client.on('error', (error) => {
        if (reachable)
            options.onChange?.(false, error);
        reachable = false;
    });
    client.on('close', () => {
        if (reachable)
            options.onChange?.(false);
        reachable = false;
    });
    return {
        consume: consumeAll((scope) => new rate_limiter_flexible.RateLimiterRedis({
            storeClient: client,
            keyPrefix: `ci-oidc-broker:${scope}`,
            points: limits[scope].requests,
            duration: limits[scope].perSeconds,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memoryLimiter(scope, limits[scope]),
        })),
        state: () => (client.status === 'ready' ? 'redis' : 'memory, Redis unreachable'),
        close: async () => {
            client.disconnect();
        },
    };
}
function memoryLimiter(scope, limit) {
    return new rate_limiter_flexible.RateLimiterMemory({ keyPrefix: scope, points: limit.requests, duration: limit.perSeconds });
}
/**
 * Consumes one point in every scope at once (one round trip to Redis, not one per scope); the first
 * scope out of points, in the order repository, owner, issuer, is the verdict. A refused exchange counts
 * only against the scopes that refused it: the others get their point back, so that a repository over
 * its limit does not use up its owner's.
 */
function consumeAll(build) {
    const limiters = RATE_SCOPES.map((scope) => ({ scope, limiter: build(scope) }));
    return async (keys) => {
        const results = await Promise.allSettled(limiters.map(({ scope, limiter }) => limiter.consume(keys[scope])));
        const refusals = results.flatMap((result, index) => (result.status === 'rejected' ? [{ scope: limiters[index].scope, reason: result.reason }] : []));
        if (refusals.length === 0)
            return { allowed: true };
        const failure = refusals.find(({ reason }) => !(reason instanceof rate_limiter_flexible.RateLimiterRes));
        if (failure)
            throw failure.reason;
        await Promise.all(limiters.map(({ scope, limiter }, index) => (results[index].status === 'fulfilled' ? limiter.reward(keys[scope]) : undefined)));
        const { scope, reason } = refusals[0];
        return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(reason.msBeforeNext / 1000)) };
    };
}

;// CONCATENATED MODULE: ./src/service/store/session-row.ts
/** The inventory's view of a row: "expired" is worked out when read, never stored. */
function sessionFromRow(row, now) {
    return {
        id: row.id,
        exchangeId: row.exchange_id,
        status: row.status === 'active' && row.expires_at <= now ? 'expired' : row.status,
        issuer: row.issuer,
        repositoryId: row.repository_id,
        ownerId: row.owner_id,
        run: row.run ?? undefined,
        job: row.job ?? undefined,
        rule: row.rule,
        provider: row.provider,
        target: row.target,
        sessionName: row.session_name ?? undefined,
        sourceIdentity: row.source_identity ?? undefined,
        assumedRoleId: row.assumed_role_id ?? undefined,
        issuedAt: row.issued_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at ?? undefined,
    };
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
;// CONCATENATED MODULE: ./src/service/store/group-commit.ts
// A batch holds at most this many writes; the rest go in the next one, a moment later.
const MAX_BATCH = 256;
/**
 * Group commit: the writes that arrive during one turn of the event loop are committed together, in one
 * transaction, so that concurrent exchanges share one commit (one fsync, one round trip to the database)
 * instead of paying for one each. `commit` receives the batch and returns each write's outcome, in
 * order, once the transaction that holds them is durable; if it throws, every write of the batch failed.
 * A caller hears back only then, so an answer never rests on a write that a crash could still undo.
 */
class GroupCommit {
    #commit;
    #pending = [];
    constructor(commit) {
        this.#commit = commit;
    }
    /** Queues `write` for the next commit; settles with its outcome once that commit returned. */
    add(write) {
        return new Promise((resolve, reject) => {
            this.#pending.push({ write, resolve, reject });
            // setImmediate runs once the loop has handled the I/O it already polled: every request read in
            // this turn joins the batch, and a lone request waits for nothing else.
            if (this.#pending.length === 1)
                setImmediate(() => void this.#flush());
        });
    }
    /** Commits everything queued so far, now: for closing the store without dropping accepted writes. */
    async drain() {
        while (this.#pending.length > 0)
            await this.#flush();
    }
    async #flush() {
        const batch = this.#pending.splice(0, MAX_BATCH);
        if (this.#pending.length > 0)
            setImmediate(() => void this.#flush());
        if (batch.length === 0)
            return;
        let outcomes;
        try {
            outcomes = await this.#commit(batch.map((pending) => pending.write));
        }
        catch (error) {
            for (const pending of batch)
                pending.reject(error);
            return;
        }
        batch.forEach((pending, index) => {
            const outcome = outcomes[index];
            if (outcome === undefined)
                pending.reject(new Error('the store reported no outcome for a write of its batch'));
            else if ('error' in outcome)
                pending.reject(outcome.error);
            else
                pending.resolve(outcome.value);
        });
    }
}

;// CONCATENATED MODULE: ./src/service/store/postgres-migrations.ts
const POSTGRES_MIGRATIONS = [
    {
        version: 1,
        name: 'replay keys, sessions, audit log',
        sql: `
      -- token_identity is tokenIdentity(): the issuer and jti as one unambiguous key.
      CREATE TABLE replay_keys (
        token_identity TEXT PRIMARY KEY,
        keep_until TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX replay_keys_keep_until ON replay_keys (keep_until);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        exchange_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('minting', 'active', 'revoked', 'failed')),
        issuer TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        run TEXT,
        rule TEXT NOT NULL,
        provider TEXT NOT NULL CHECK (provider IN ('aws', 'gcp')),
        target TEXT NOT NULL,
        session_name TEXT,
        source_identity TEXT,
        assumed_role_id TEXT,
        issued_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      );
      CREATE INDEX sessions_run ON sessions (issuer, repository_id, run);
      CREATE INDEX sessions_repository ON sessions (repository_id, issued_at);
      CREATE INDEX sessions_owner ON sessions (owner_id, issued_at);
      CREATE INDEX sessions_minting ON sessions (issued_at) WHERE status = 'minting';

      CREATE TABLE audit_log (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        issuer TEXT,
        subject TEXT,
        repository_id TEXT,
        token_sha256 TEXT NOT NULL,
        session_ids JSONB NOT NULL,
        detail JSONB NOT NULL
      );
      -- A trigger binds every role but a superuser who drops it, so the broker's own role cannot rewrite
      -- history even when it owns the table; TRUNCATE fires no row trigger, hence its own.
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
    },
    {
        version: 2,
        name: 'the job of a session, for revocation at job end',
        sql: `ALTER TABLE sessions ADD COLUMN job TEXT;`,
    },
];
// Any constant works, as long as every instance uses the same one: it names the migration lock.
const MIGRATION_LOCK = 0x0c1d0b70;
/**
 * Applies, in order and each in its own transaction, the migrations the database has not seen; returns
 * their versions. Instances starting together take turns on an advisory lock, so each migration runs once
 * and the later ones find it done.
 */
async function migratePostgres(client, migrations) {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
        const { rows } = await client.query('SELECT MAX(version) AS version FROM schema_migrations');
        const current = rows[0]?.version ?? 0;
        const newest = Math.max(0, ...migrations.map((m) => m.version));
        if (current > newest)
            throw new Error(`the database is at schema version ${current}, newer than this broker knows (${newest}); upgrade the broker`);
        const applied = [];
        for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
            if (migration.version <= current)
                continue;
            await client.query('BEGIN');
            try {
                await client.query(migration.sql);
                await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
                await client.query('COMMIT');
            }
            catch (error) {
                await client.query('ROLLBACK');
                throw error;
            }
            applied.push(migration.version);
        }
        return applied;
    }
    finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
}

;// CONCATENATED MODULE: ./src/service/store/postgres-store.ts






const DEFAULT_LIST_LIMIT = 1000;
// An exchange waits this long at most for a connection, so that an outage answers 503 quickly instead
// of holding every request until the load balancer gives up.
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 5000;
const POOL_SIZE = 10;
// SQLSTATE classes that say the database is out of reach or shutting down, not that the query is wrong:
// connection exception, insufficient resources, operator intervention, system error.
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);
/**
 * The store shared by several broker instances, in PostgreSQL: the replay key's primary key is what
 * refuses a token already exchanged on another instance. Each write that touches several rows is one
 * statement, hence one transaction, as on SQLite, and one round trip; the claims (and the completions)
 * of concurrent exchanges are group-committed, all in one statement, so that they share the round trip
 * and the commit's WAL flush. While the database is out of reach every call throws a 503 ServiceError, so nothing is issued
 * that is not recorded; the pool reconnects by itself once it is back.
 */
class PostgresStore {
    #pool;
    #claims = new GroupCommit((claims) => this.#claimTogether(claims));
    #completions = new GroupCommit((completions) => this.#completeTogether(completions));
    #closed = false;
    constructor(pool) {
        this.#pool = pool;
    }
    /** Connects and brings the schema up to date; fails if the database does not answer. */
    static async open(url, options = {}) {
        const pool = new esm/* default.Pool */.Ay.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, statement_timeout: STATEMENT_TIMEOUT_MS });
        // An idle connection that the server drops emits here; unheard, it would end the process.
        pool.on('error', options.onIdleError ?? (() => { }));
        try {
            const client = await pool.connect();
            try {
                await migratePostgres(client, POSTGRES_MIGRATIONS);
            }
            finally {
                client.release();
            }
        }
        catch (error) {
            await pool.end();
            throw error;
        }
        return new PostgresStore(pool);
    }
    claimExchange(claim) {
        return this.#claims.add(claim);
    }
    completeExchange(outcomes, audit) {
        return this.#completions.add({ outcomes, audit });
    }
    /**
     * The claims of one event-loop turn, in one statement. Sessions and audit rows are written only for
     * the keys that were new: ON CONFLICT leaves a second claim, even one racing on another instance,
     * with no key row and so with nothing.
     */
    async #claimTogether(claims) {
        // A token claimed twice in one batch: the later claims are replays, whatever becomes of the first.
        const first = new Map();
        for (const claim of claims)
            if (!first.has(claim.tokenIdentity))
                first.set(claim.tokenIdentity, claim);
        const unique = [...first.values()];
        const sessions = unique.flatMap((claim) => claim.sessions.map((session) => ({ key: claim.tokenIdentity, session })));
        const values = [];
        const param = parameters(values);
        const column = (name, type) => `${param(sessions.map(({ session }) => session[name] ?? null))}::${type}[]`;
        const { rows } = await this.#query(`WITH key AS (
         INSERT INTO replay_keys (token_identity, keep_until)
         SELECT * FROM unnest(${param(unique.map((c) => c.tokenIdentity))}::text[], ${param(unique.map((c) => c.keepUntil))}::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING token_identity
       ), new_sessions AS (
         INSERT INTO sessions (id, exchange_id, status, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
         SELECT id, exchange_id, 'minting', issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at
         FROM unnest(${param(sessions.map(({ key }) => key))}::text[], ${column('id', 'text')}, ${column('exchangeId', 'text')}, ${column('issuer', 'text')}, ${column('repositoryId', 'text')}, ${column('ownerId', 'text')}, ${column('run', 'text')}, ${column('job', 'text')},
                     ${column('rule', 'text')}, ${column('provider', 'text')}, ${column('target', 'text')}, ${column('sessionName', 'text')}, ${column('sourceIdentity', 'text')},
                     ${column('issuedAt', 'timestamptz')}, ${column('expiresAt', 'timestamptz')})
           AS t (token_identity, id, exchange_id, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
         WHERE t.token_identity IN (SELECT token_identity FROM key)
       ), audit AS (
         ${auditInsert(unique.map((c) => c.audit), param, unique.map((c) => c.tokenIdentity))}
       )
       SELECT token_identity FROM key`, values, 'claim');
        const claimed = new Set(rows.map((row) => row.token_identity));
        return claims.map((claim) => (first.get(claim.tokenIdentity) === claim && claimed.has(claim.tokenIdentity) ? { value: undefined } : { error: new ReplayError('this token was already exchanged') }));
    }
    /** The completions of one event-loop turn, in one statement. */
    async #completeTogether(completions) {
        const outcomes = completions.flatMap((completion) => completion.outcomes);
        const active = outcomes.filter((o) => o.status === 'active');
        const values = [];
        const param = parameters(values);
        await this.#query(`WITH activated AS (
         UPDATE sessions SET status = 'active', assumed_role_id = o.assumed_role_id, expires_at = o.expires_at
         FROM unnest(${param(active.map((o) => o.id))}::text[], ${param(active.map((o) => o.assumedRoleId ?? null))}::text[], ${param(active.map((o) => o.expiresAt))}::timestamptz[]) AS o (id, assumed_role_id, expires_at)
         WHERE sessions.id = o.id AND sessions.status = 'minting'
       ), failed AS (
         UPDATE sessions SET status = 'failed' WHERE id = ANY(${param(outcomes.filter((o) => o.status === 'failed').map((o) => o.id))}::text[]) AND status = 'minting'
       )
       ${auditInsert(completions.map((c) => c.audit), param)}`, values, 'complete');
        return completions.map(() => ({ value: undefined }));
    }
    async revokeSessions(ids, at, audit) {
        const values = [];
        const param = parameters(values);
        await this.#query(`WITH revoked AS (
         UPDATE sessions SET status = 'revoked', revoked_at = ${param(at)} WHERE id = ANY(${param(ids)}::text[]) AND status IN ('minting', 'active')
       )
       ${auditInsert([audit], param)}`, values, 'revoke');
    }
    async appendAudit(audit) {
        const values = [];
        await this.#query(auditInsert([audit], parameters(values)), values, 'audit');
    }
    async listSessions(filter) {
        const where = [];
        const values = [];
        const param = parameters(values);
        if (filter.ids)
            where.push(`id = ANY(${param(filter.ids)}::text[])`);
        if (filter.issuer !== undefined)
            where.push(`issuer = ${param(filter.issuer)}`);
        if (filter.repositoryId !== undefined)
            where.push(`repository_id = ${param(filter.repositoryId)}`);
        if (filter.ownerId !== undefined)
            where.push(`owner_id = ${param(filter.ownerId)}`);
        if (filter.run !== undefined)
            where.push(`run = ${param(filter.run)}`);
        if (filter.job !== undefined)
            where.push(`job = ${param(filter.job)}`);
        if (filter.rule !== undefined)
            where.push(`rule = ${param(filter.rule)}`);
        if (filter.issuedBefore)
            where.push(`issued_at < ${param(filter.issuedBefore)}`);
        if (filter.issuedAfter)
            where.push(`issued_at >= ${param(filter.issuedAfter)}`);
        if (filter.after) {
            const issuedAt = param(filter.after.issuedAt);
            where.push(`(issued_at < ${issuedAt} OR (issued_at = ${issuedAt} AND id COLLATE "C" > ${param(filter.after.id)}))`);
        }
        if (filter.statuses) {
            // `expired` is not stored: it is an active session past its expiry, told apart at read time.
            const stored = filter.statuses.filter((s) => s !== 'expired' && s !== 'active');
            const alternatives = stored.length > 0 ? [`status = ANY(${param(stored)}::text[])`] : [];
            if (filter.statuses.includes('active'))
                alternatives.push(`(status = 'active' AND expires_at > ${param(filter.now)})`);
            if (filter.statuses.includes('expired'))
                alternatives.push(`(status = 'active' AND expires_at <= ${param(filter.now)})`);
            where.push(`(${alternatives.join(' OR ') || 'FALSE'})`);
        }
        const sql = `SELECT * FROM sessions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, id COLLATE "C" LIMIT ${param(filter.limit ?? DEFAULT_LIST_LIMIT)}`;
        // Ids compare byte by byte ("C"), as on SQLite, so that a page resumes where the last one ended.
        const { rows } = await this.#query(sql, values);
        return rows.map((row) => sessionFromRow(row, filter.now));
    }
    async listAudit(filter) {
        const { rows } = await this.#query('SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1', [filter.limit]);
        return rows.map((row) => ({
            seq: Number(row.seq),
            at: row.at,
            action: row.action,
            outcome: row.outcome,
            issuer: row.issuer ?? undefined,
            subject: row.subject ?? undefined,
            repositoryId: row.repository_id ?? undefined,
            tokenSha256: row.token_sha256,
            sessionIds: row.session_ids,
            detail: row.detail,
        }));
    }
    async purgeReplayKeys(now) {
        const result = await this.#query('DELETE FROM replay_keys WHERE keep_until < $1', [now]);
        return result.rowCount ?? 0;
    }
    async ping() {
        await this.#query('SELECT 1', []);
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        // Accepted writes are committed, not dropped: their callers are waiting for the answer.
        await Promise.all([this.#claims.drain(), this.#completions.drain()]);
        await this.#pool.end();
    }
    /**
     * One statement, so one transaction; "out of reach" becomes the 503 every caller shows as such. A
     * named statement, whose text never changes, is parsed and planned once per connection, not per call.
     */
    async #query(text, values, name) {
        try {
            return await this.#pool.query({ text, values, ...(name && { name }) });
        }
        catch (error) {
            if (!unavailable(error))
                throw error;
            throw new ServiceError(ServiceErrorCode.NotReady, 503, 'The broker’s database does not answer; nothing was issued.', {
                hint: 'Retry shortly, with a fresh token if this one expires; the operator sees the cause in the broker’s log and in GET /readyz.',
                retryAfterSeconds: 1,
            });
        }
    }
}
/** Appends each value to the statement's parameters and returns its placeholder. */
function parameters(values) {
    return (value) => `$${values.push(value)}`;
}
/**
 * The audit rows' INSERT, with their values as array parameters of the statement it joins, in order.
 * With `claimedBy` (each row's token identity), only the rows whose key the statement's `key` step inserted.
 */
function auditInsert(entries, param, claimedBy) {
    const column = (pick, type) => `${param(entries.map(pick))}::${type}[]`;
    const columns = [
        column((e) => e.at, 'timestamptz'),
        column((e) => e.action, 'text'),
        column((e) => e.outcome, 'text'),
        column((e) => e.issuer ?? null, 'text'),
        column((e) => e.subject ?? null, 'text'),
        column((e) => e.repositoryId ?? null, 'text'),
        column((e) => e.tokenSha256, 'text'),
        column((e) => JSON.stringify(e.sessionIds), 'text'),
        column((e) => JSON.stringify(e.detail), 'text'),
        ...(claimedBy ? [`${param(claimedBy)}::text[]`] : []),
    ];
    return `INSERT INTO audit_log (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail)
          SELECT at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids::jsonb, detail::jsonb
          FROM unnest(${columns.join(', ')}) WITH ORDINALITY AS a (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail${claimedBy ? ', token_identity' : ''}, n)
          ${claimedBy ? 'WHERE a.token_identity IN (SELECT token_identity FROM key)' : ''}
          ORDER BY n`;
}
/** True when the error says the database is out of reach, not that the statement was wrong. */
function unavailable(error) {
    const code = error.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
        return UNAVAILABLE_CLASSES.has(code.slice(0, 2));
    // The socket's own codes (ECONNREFUSED, ECONNRESET), or pg's uncoded errors for a dropped connection or a timeout.
    if (typeof code === 'string' && code.startsWith('E'))
        return true;
    return error instanceof Error && /connection|terminated|timeout/i.test(error.message);
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
;// CONCATENATED MODULE: ./src/service/store/migrations.ts
const SQLITE_MIGRATIONS = [
    {
        version: 1,
        name: 'replay keys, sessions, audit log',
        sql: `
      CREATE TABLE replay_keys (
        token_identity TEXT PRIMARY KEY,
        keep_until INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX replay_keys_keep_until ON replay_keys (keep_until);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        exchange_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('minting', 'active', 'revoked', 'failed')),
        issuer TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        run TEXT,
        rule TEXT NOT NULL,
        provider TEXT NOT NULL CHECK (provider IN ('aws', 'gcp')),
        target TEXT NOT NULL,
        session_name TEXT,
        source_identity TEXT,
        assumed_role_id TEXT,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_run ON sessions (issuer, repository_id, run);
      CREATE INDEX sessions_repository ON sessions (repository_id, issued_at);
      CREATE INDEX sessions_owner ON sessions (owner_id, issued_at);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        issuer TEXT,
        subject TEXT,
        repository_id TEXT,
        token_sha256 TEXT NOT NULL,
        session_ids TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
    },
    {
        version: 2,
        name: 'the job of a session, for revocation at job end',
        sql: `ALTER TABLE sessions ADD COLUMN job TEXT;`,
    },
];
/** Applies, in order and each in its own transaction, the migrations the database has not seen; returns their versions. */
function migrate(db, migrations) {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
    const current = row.version ?? 0;
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    if (current > newest)
        throw new Error(`the database is at schema version ${current}, newer than this broker knows (${newest}); upgrade the broker`);
    const applied = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (migration.version <= current)
            continue;
        db.exec('BEGIN IMMEDIATE');
        try {
            db.exec(migration.sql);
            db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
            db.exec('COMMIT');
        }
        catch (error) {
            db.exec('ROLLBACK');
            throw error;
        }
        applied.push(migration.version);
    }
    return applied;
}

;// CONCATENATED MODULE: ./src/service/store/sqlite-store.ts





// SQLite's extended result code for a PRIMARY KEY that is already taken.
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const sqlite_store_DEFAULT_LIST_LIMIT = 1000;
/**
 * The store on one machine, in one SQLite file through node:sqlite. Calls are synchronous underneath,
 * which is what makes each write atomic within the process; WAL lets readers run beside the writer.
 * A commit always survives a crash of the broker; with `full` durability, a power cut too.
 *
 * Writes are group-committed: those of one event-loop turn share one transaction, hence one fsync
 * (about a millisecond on a local disk, during which the loop stands still), each in a savepoint of its
 * own so that one failing undoes only itself.
 */
class SqliteStore {
    #db;
    #insertKey;
    #insertSession;
    #activate;
    #fail;
    #revoke;
    #insertAudit;
    #purge;
    #batch;
    #writes = new GroupCommit((writes) => this.#commitTogether(writes));
    #closing;
    constructor(path, durability = 'full') {
        this.#db = new external_node_sqlite_.DatabaseSync(path);
        this.#db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA busy_timeout = 5000`);
        migrate(this.#db, SQLITE_MIGRATIONS);
        this.#insertKey = this.#db.prepare('INSERT INTO replay_keys (token_identity, keep_until) VALUES (?, ?)');
        this.#insertSession = this.#db.prepare(`INSERT INTO sessions (id, exchange_id, status, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
       VALUES (?, ?, 'minting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        this.#activate = this.#db.prepare("UPDATE sessions SET status = 'active', assumed_role_id = ?, expires_at = ? WHERE id = ? AND status = 'minting'");
        this.#fail = this.#db.prepare("UPDATE sessions SET status = 'failed' WHERE id = ? AND status = 'minting'");
        this.#revoke = this.#db.prepare("UPDATE sessions SET status = 'revoked', revoked_at = ? WHERE id = ? AND status IN ('minting', 'active')");
        this.#insertAudit = this.#db.prepare('INSERT INTO audit_log (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        this.#purge = this.#db.prepare('DELETE FROM replay_keys WHERE keep_until < ?');
        const prepare = (sql) => this.#db.prepare(sql);
        this.#batch = { begin: prepare('BEGIN IMMEDIATE'), savepoint: prepare('SAVEPOINT write'), release: prepare('RELEASE write'), undo: prepare('ROLLBACK TO write'), commit: prepare('COMMIT'), rollback: prepare('ROLLBACK') };
    }
    async claimExchange(claim) {
        await this.#write(() => {
            try {
                this.#insertKey.run(claim.tokenIdentity, claim.keepUntil.getTime());
            }
            catch (error) {
                if (error.errcode === SQLITE_CONSTRAINT_PRIMARYKEY)
                    throw new ReplayError('this token was already exchanged');
                throw error;
            }
            for (const s of claim.sessions) {
                this.#insertSession.run(s.id, s.exchangeId, s.issuer, s.repositoryId, s.ownerId, s.run ?? null, s.job ?? null, s.rule, s.provider, s.target, s.sessionName ?? null, s.sourceIdentity ?? null, s.issuedAt.getTime(), s.expiresAt.getTime());
            }
            this.#audit(claim.audit);
        });
    }
    async completeExchange(outcomes, audit) {
        await this.#write(() => {
            for (const outcome of outcomes) {
                if (outcome.status === 'active')
                    this.#activate.run(outcome.assumedRoleId ?? null, outcome.expiresAt.getTime(), outcome.id);
                else
                    this.#fail.run(outcome.id);
            }
            this.#audit(audit);
        });
    }
    async revokeSessions(ids, at, audit) {
        await this.#write(() => {
            for (const id of ids)
                this.#revoke.run(at.getTime(), id);
            this.#audit(audit);
        });
    }
    async appendAudit(audit) {
        await this.#write(() => this.#audit(audit));
    }
    async listSessions(filter) {
        const where = [];
        const values = [];
        const add = (clause, ...args) => {
            where.push(clause);
            values.push(...args);
        };
        const now = filter.now.getTime();
        if (filter.ids)
            add(`id IN (${filter.ids.map(() => '?').join(', ') || 'NULL'})`, ...filter.ids);
        if (filter.issuer !== undefined)
            add('issuer = ?', filter.issuer);
        if (filter.repositoryId !== undefined)
            add('repository_id = ?', filter.repositoryId);
        if (filter.ownerId !== undefined)
            add('owner_id = ?', filter.ownerId);
        if (filter.run !== undefined)
            add('run = ?', filter.run);
        if (filter.job !== undefined)
            add('job = ?', filter.job);
        if (filter.rule !== undefined)
            add('rule = ?', filter.rule);
        if (filter.issuedBefore)
            add('issued_at < ?', filter.issuedBefore.getTime());
        if (filter.issuedAfter)
            add('issued_at >= ?', filter.issuedAfter.getTime());
        if (filter.after)
            add('(issued_at < ? OR (issued_at = ? AND id > ?))', filter.after.issuedAt.getTime(), filter.after.issuedAt.getTime(), filter.after.id);
        if (filter.statuses) {
            // `expired` is not stored: it is an active session past its expiry, told apart at read time.
            const stored = filter.statuses.filter((s) => s !== 'expired' && s !== 'active');
            const alternatives = [...(stored.length > 0 ? [`status IN (${stored.map(() => '?').join(', ')})`] : [])];
            values.push(...stored);
            if (filter.statuses.includes('active'))
                alternatives.push(`(status = 'active' AND expires_at > ${now})`);
            if (filter.statuses.includes('expired'))
                alternatives.push(`(status = 'active' AND expires_at <= ${now})`);
            where.push(`(${alternatives.join(' OR ') || 'FALSE'})`);
        }
        const sql = `SELECT * FROM sessions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, id LIMIT ${filter.limit ?? sqlite_store_DEFAULT_LIST_LIMIT}`;
        return this.#db.prepare(sql).all(...values).map((row) => sessionFromRow(withDates(row), new Date(now)));
    }
    async listAudit(filter) {
        const rows = this.#db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(filter.limit);
        return rows.map((row) => ({
            seq: row.seq,
            at: new Date(row.at),
            action: row.action,
            outcome: row.outcome,
            issuer: row.issuer ?? undefined,
            subject: row.subject ?? undefined,
            repositoryId: row.repository_id ?? undefined,
            tokenSha256: row.token_sha256,
            sessionIds: JSON.parse(row.session_ids),
            detail: JSON.parse(row.detail),
        }));
    }
    async purgeReplayKeys(now) {
        return this.#write(() => Number(this.#purge.run(now.getTime()).changes));
    }
    async ping() {
        this.#db.prepare('SELECT 1').get();
    }
    close() {
        // Writes already accepted are committed, not dropped: their callers are waiting for the answer.
        this.#closing ??= this.#writes.drain().then(() => this.#db.close());
        return this.#closing;
    }
    #audit(entry) {
        this.#insertAudit.run(entry.at.getTime(), entry.action, entry.outcome, entry.issuer ?? null, entry.subject ?? null, entry.repositoryId ?? null, entry.tokenSha256, JSON.stringify(entry.sessionIds), JSON.stringify(entry.detail));
    }
    /** Queues `work` for the next group commit; settles once that commit has returned. */
    #write(work) {
        if (this.#closing)
            return Promise.reject(new Error('the broker store is closed'));
        return this.#writes.add(work);
    }
    #commitTogether(writes) {
        const outcomes = [];
        try {
            this.#batch.begin.run();
            for (const work of writes) {
                this.#batch.savepoint.run();
                try {
                    outcomes.push({ value: work() });
                    this.#batch.release.run();
                }
                catch (error) {
                    this.#batch.undo.run();
                    this.#batch.release.run();
                    outcomes.push({ error });
                }
            }
            this.#batch.commit.run();
        }
        catch (error) {
            if (this.#db.isTransaction)
                this.#batch.rollback.run();
            throw error;
        }
        return outcomes;
    }
}
// SQLite keeps times as epoch milliseconds.
function withDates(row) {
    return { ...row, issued_at: new Date(row.issued_at), expires_at: new Date(row.expires_at), revoked_at: row.revoked_at === null ? null : new Date(row.revoked_at) };
}

;// CONCATENATED MODULE: ./src/service/start.ts













const PURGE_INTERVAL_MS = 60_000;
/**
 * `serve --config FILE`: the broker on its configured address. The policy must load at start; after
 * that a change to its file, or SIGHUP, reloads it, and a bad one never replaces the one in force.
 */
async function startBroker(configPath, options = {}) {
    const config = await loadBrokerConfig(configPath);
    const cleanups = [];
    try {
        const metrics = brokerMetrics();
        // The app, and so its logger, comes after the first load, which reports by throwing instead.
        const logger = {};
        const policy = PolicyHolder.forFile(config.policy.file, config.policy.root, (outcome) => reported(outcome, metrics, logger.current));
        const first = await policy.reload();
        if (!first.replaced)
            throw first.error;
        policy.watchFile(config.policy.file);
        cleanups.push(() => policy.close());
        const onHangup = () => void policy.reload();
        process.on('SIGHUP', onHangup);
        cleanups.push(() => process.off('SIGHUP', onHangup));
        const { store, rateLimiter } = await openState(config, () => logger.current);
        cleanups.push(() => store.close(), () => rateLimiter.close());
        const aws = config.aws && { region: config.aws.region, endpoint: config.aws.endpoint, credentials: options.awsCredentials };
        const assumeRole = aws && brokerAssumeRole(aws);
        const revoker = aws && brokerSessionRevoker(aws);
        cleanups.push(() => assumeRole?.destroy(), () => revoker?.destroy());
        const generateAccessToken = config.gcp && brokerGenerateAccessToken(config.gcp);
        const minter = {
            aws: (request) => (assumeRole ? assumeRole.mint(request) : Promise.reject(notConfigured('AWS'))),
            gcp: (request) => (generateAccessToken ? generateAccessToken(request) : Promise.reject(notConfigured('Google Cloud'))),
        };
        const timed = stepTimer(metrics.registry);
        const deps = {
            store: timed(store, { claimExchange: 'claim', completeExchange: 'complete' }),
            policy,
            minter: timed(minter, { aws: 'mint', gcp: 'mint' }),
            revoker: revoker ?? { denyOnRole: () => Promise.reject(notConfigured('AWS')) },
            rateLimiter: timed(rateLimiter, { consume: 'rate-limit' }),
            metrics,
        };
        const https = config.tls && { cert: await (0,promises_.readFile)(config.tls.cert), key: await (0,promises_.readFile)(config.tls.key) };
        const app = buildBrokerApp(config, deps, { ...options, ...(https && { https }) });
        logger.current = app.log;
        cleanups.unshift(() => app.close());
        const purge = setInterval(() => void store.purgeReplayKeys(new Date()).catch((error) => app.log.error({ err: error }, 'replay key purge failed')), PURGE_INTERVAL_MS);
        purge.unref();
        cleanups.push(() => clearInterval(purge));
        const url = await app.listen({ host: config.listen.host, port: options.port ?? config.listen.port });
        return { app, url, config, policy, close: () => runAll(cleanups) };
    }
    catch (error) {
        await runAll(cleanups);
        throw error;
    }
}
/**
 * The state the configuration names: a SQLite file or a PostgreSQL database, and rate limits in memory
 * or in Redis. Fails if the database does not answer, or its schema is newer than this broker knows.
 */
async function openState(config, log) {
    const store = config.store.kind === 'postgres'
        ? await PostgresStore.open(config.store.url, { onIdleError: (error) => log()?.warn({ err: error }, 'an idle database connection failed; the pool replaces it') })
        : new SqliteStore(config.store.path, config.store.durability);
    const { redis } = config.rateLimits;
    const rateLimiter = redis
        ? redisRateLimiter(config.rateLimits, redis, {
            onChange: (reachable, error) => reachable ? log()?.info('Redis reachable: rate limits are shared by every instance') : log()?.warn({ err: error }, 'Redis unreachable: each instance counts rate limits on its own until it returns'),
        })
        : memoryRateLimiter(config.rateLimits);
    return { store, rateLimiter };
}
/**
 * Times the steps of an exchange that wait outside the broker's own code (the store and its commit, the
 * cloud, the rate-limit store) in `broker_exchange_step_seconds`: beside the exchange's total, it says
 * whether the database, the STS or the broker itself is slow. Returns a wrapper that times the named methods.
 */
function stepTimer(registry) {
    const histogram = new prom_client.Histogram({
        name: 'broker_exchange_step_seconds',
        help: 'Time an exchange spends in each step that waits outside the broker: rate-limit, claim and complete (the store, commit included), mint (the cloud).',
        labelNames: ['step'],
        buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
    });
    return (target, steps) => new Proxy(target, {
        get(object, key) {
            const value = Reflect.get(object, key);
            if (typeof value !== 'function')
                return value;
            const step = steps[key];
            if (step === undefined)
                return value.bind(object);
            return async (...args) => {
                const end = histogram.startTimer({ step });
                try {
                    return await value.apply(object, args);
                }
                finally {
                    end();
                }
            };
        },
    });
}
async function runAll(cleanups) {
    for (const cleanup of cleanups)
        await cleanup();
}
function reported(outcome, metrics, log) {
    metrics.policyReloads.inc({ outcome: outcome.replaced ? 'replaced' : 'kept-last-good' });
    if (outcome.replaced)
        log?.info({ policy: outcome.policy.source, rules: outcome.policy.rules.length }, 'policy loaded');
    // The policy's own errors name file:line:column and never a secret: the operator sees what to fix.
    else
        log?.error({ error: outcome.error.message }, 'policy reload failed; the last good policy stays in force');
}


/***/ }),

/***/ 65407:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var map = {
	"./BurstyRateLimiter": [
		85860
	],
	"./BurstyRateLimiter.js": [
		85860
	],
	"./ExpressBruteFlexible": [
		83966,
		966
	],
	"./ExpressBruteFlexible.js": [
		83966,
		966
	],
	"./RLWrapperBlackAndWhite": [
		87383
	],
	"./RLWrapperBlackAndWhite.js": [
		87383
	],
	"./RLWrapperTimeouts": [
		24016
	],
	"./RLWrapperTimeouts.js": [
		24016
	],
	"./RateLimiterAbstract": [
		88569
	],
	"./RateLimiterAbstract.js": [
		88569
	],
	"./RateLimiterCluster": [
		10565
	],
	"./RateLimiterCluster.js": [
		10565
	],
	"./RateLimiterCompatibleAbstract": [
		77307
	],
	"./RateLimiterCompatibleAbstract.js": [
		77307
	],
	"./RateLimiterDrizzle": [
		50673
	],
	"./RateLimiterDrizzle.js": [
		50673
	],
	"./RateLimiterDrizzleNonAtomic": [
		75347
	],
	"./RateLimiterDrizzleNonAtomic.js": [
		75347
	],
	"./RateLimiterDynamo": [
		82309
	],
	"./RateLimiterDynamo.js": [
		82309
	],
	"./RateLimiterEtcd": [
		36481
	],
	"./RateLimiterEtcd.js": [
		36481
	],
	"./RateLimiterEtcdNonAtomic": [
		15299
	],
	"./RateLimiterEtcdNonAtomic.js": [
		15299
	],
	"./RateLimiterInsuredAbstract": [
		33847
	],
	"./RateLimiterInsuredAbstract.js": [
		33847
	],
	"./RateLimiterMemcache": [
		73250
	],
	"./RateLimiterMemcache.js": [
		73250
	],
	"./RateLimiterMemory": [
		24544
	],
	"./RateLimiterMemory.js": [
		24544
	],
	"./RateLimiterMongo": [
		28439
	],
	"./RateLimiterMongo.js": [
		28439
	],
	"./RateLimiterMySQL": [
		67793
	],
	"./RateLimiterMySQL.js": [
		67793
	],
	"./RateLimiterPostgres": [
		3740
	],
	"./RateLimiterPostgres.js": [
		3740
	],
	"./RateLimiterPrisma": [
		16323
	],
	"./RateLimiterPrisma.js": [
		16323
	],
	"./RateLimiterQueue": [
		52860
	],
	"./RateLimiterQueue.js": [
		52860
	],
	"./RateLimiterRedis": [
		54336
	],
	"./RateLimiterRedis.js": [
		54336
	],
	"./RateLimiterRedisNonAtomic": [
		87480
	],
	"./RateLimiterRedisNonAtomic.js": [
		87480
	],
	"./RateLimiterRes": [
		80449
	],
	"./RateLimiterRes.js": [
		80449
	],
	"./RateLimiterSQLite": [
		73283
	],
	"./RateLimiterSQLite.js": [
		73283
	],
	"./RateLimiterStoreAbstract": [
		65140
	],
	"./RateLimiterStoreAbstract.js": [
		65140
	],
	"./RateLimiterUnion": [
		10244
	],
	"./RateLimiterUnion.js": [
		10244
	],
	"./RateLimiterValkey": [
		32193
	],
	"./RateLimiterValkey.js": [
		32193
	],
	"./RateLimiterValkeyGlide": [
		53756
	],
	"./RateLimiterValkeyGlide.js": [
		53756
	],
	"./component/BlockedKeys": [
		38830
	],
	"./component/BlockedKeys/": [
		38830
	],
	"./component/BlockedKeys/BlockedKeys": [
		85202
	],
	"./component/BlockedKeys/BlockedKeys.js": [
		85202
	],
	"./component/BlockedKeys/index": [
		38830
	],
	"./component/BlockedKeys/index.js": [
		38830
	],
	"./component/MemoryStorage": [
		28178,
		178
	],
	"./component/MemoryStorage/": [
		28178,
		178
	],
	"./component/MemoryStorage/MemoryStorage": [
		81534
	],
	"./component/MemoryStorage/MemoryStorage.js": [
		81534
	],
	"./component/MemoryStorage/Record": [
		60749
	],
	"./component/MemoryStorage/Record.js": [
		60749
	],
	"./component/MemoryStorage/index": [
		28178,
		178
	],
	"./component/MemoryStorage/index.js": [
		28178,
		178
	],
	"./component/RateLimiterEtcdTransactionFailedError": [
		43184
	],
	"./component/RateLimiterEtcdTransactionFailedError.js": [
		43184
	],
	"./component/RateLimiterQueueError": [
		27948
	],
	"./component/RateLimiterQueueError.js": [
		27948
	],
	"./component/RateLimiterSetupError": [
		72922
	],
	"./component/RateLimiterSetupError.js": [
		72922
	],
	"./constants": [
		13880,
		880
	],
	"./constants.js": [
		13880,
		880
	],
	"./helper/isRateLimiterCompatible": [
		19238
	],
	"./helper/isRateLimiterCompatible.js": [
		19238
	]
};
function webpackAsyncContext(req) {
	if(!__webpack_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__webpack_require__.e)).then(() => {
		return __webpack_require__.t(id, 7 | 16);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 65407;
module.exports = webpackAsyncContext;

/***/ }),

/***/ 52471:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 52471;
module.exports = webpackEmptyAsyncContext;

/***/ })

};
