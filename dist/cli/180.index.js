export const id = 180;
export const ids = [180];
export const modules = {

/***/ 82816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gcpExecutableSource: () => (/* binding */ gcpExecutableSource)
/* harmony export */ });
/* harmony import */ var _core_authorize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33835);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _oidc_request_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50100);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39485);
/* harmony import */ var _policy_sources_snapshot_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32121);
/* harmony import */ var _providers_gcp_renewal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92763);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(10524);







/**
 * `gcp-executable-source`: the command of the credentials file the action writes, which Google's
 * libraries and gcloud run whenever they need a new access token. It asks the runner for a fresh OIDC
 * token with the calling step's own ACTIONS_ID_TOKEN_REQUEST_* variables, verifies it, puts it to the
 * policy the main step used, and prints Google's executable-sourced response. Nothing else may reach
 * stdout or stderr on success: the libraries parse both streams as one JSON document.
 */
function gcpExecutableSource(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_5__/* .runCommand */ .d1)('text', () => _cli_output_js__WEBPACK_IMPORTED_MODULE_5__/* .Exit */ .Jc.Refused, async () => {
        if (!/^[0-9a-f]{64}$/i.test(options.sha256)) {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, '--sha256 must be the 64 hex digits of the renewal state’s SHA-256.', { hint: 'Run the command exactly as the credentials file names it.' });
        }
        const renewal = await (0,_providers_gcp_renewal_js__WEBPACK_IMPORTED_MODULE_4__/* .readRenewal */ .jG)(options.state, options.sha256);
        const token = await (0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_2__/* .requestRunnerToken */ .dm)({ ...(0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_2__/* .renewalTokenRequestFromEnv */ .SA)(process.env, 'the Google credentials', 'For those, pass the step’s access_token output instead.'), audience: renewal.audience });
        const policy = await (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadPolicy */ .tb)((0,_policy_sources_snapshot_source_js__WEBPACK_IMPORTED_MODULE_6__/* .snapshotSource */ .SE)(renewal.policy), renewal.policy.path);
        const authorization = await (0,_core_authorize_js__WEBPACK_IMPORTED_MODULE_0__/* .authorizeToken */ .p)(token, { issuer: renewal.issuer, audience: renewal.audience, policy, wanted: { gcp: renewal.grant } });
        if (!authorization.allowed) {
            // Google's libraries put the command's whole output in their error: the decision reaches the step's log there.
            process.stderr.write(`${authorization.explanation.join('\n')}\n`);
            throw authorization.error;
        }
        process.stdout.write(`${JSON.stringify({ version: 1, success: true, token_type: 'urn:ietf:params:oauth:token-type:id_token', id_token: token, expiration_time: authorization.claims.exp })}\n`);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_5__/* .Exit */ .Jc.Ok;
    });
}


/***/ }),

/***/ 33835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ authorizeClaims),
  p: () => (/* binding */ authorizeToken)
});

// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/oidc/verify.ts + 2 modules
var verify = __webpack_require__(63127);
// EXTERNAL MODULE: ./src/policy/aws-grant.ts
var aws_grant = __webpack_require__(75772);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(75432);
// EXTERNAL MODULE: ./src/policy/evaluate.ts + 1 modules
var evaluate = __webpack_require__(24198);
// EXTERNAL MODULE: ./src/policy/explain.ts
var explain = __webpack_require__(9129);
;// CONCATENATED MODULE: ./src/policy/gcp-grant.ts

/**
 * Checks the requested provider and service account against what the deciding rule grants (with no
 * account requested, the rule's only one), caps the token lifetime at the rule's max-lifetime, and
 * admits an ID token only for an audience the rule lists, minted as a service account.
 */
function chooseGcpGrant(rule, requested) {
    const grant = rule.grant?.gcp;
    const refuse = (message, hint) => new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, message, { hint, location: rule.location });
    if (!grant)
        throw refuse(`Rule "${rule.name}" allowed this job but grants no Google Cloud access.`, `Add \`grant: gcp: workload-identity-provider: ...\` to rule "${rule.name}".`);
    if (requested.provider !== undefined && requested.provider !== grant.workloadIdentityProvider) {
        throw refuse(`Rule "${rule.name}" does not grant the workload identity provider ${requested.provider}; it grants ${grant.workloadIdentityProvider}.`, 'Set workload_identity_provider to the granted provider, or change the rule in a reviewed change to the policy.');
    }
    let serviceAccount = requested.serviceAccount;
    if (serviceAccount === undefined) {
        if (grant.serviceAccounts.length > 1)
            throw refuse(`Rule "${rule.name}" grants several service accounts (${grant.serviceAccounts.join(', ')}) and no service_account was given.`, 'Set the `service_account` input to one of them.');
        serviceAccount = grant.serviceAccounts[0];
    }
    else if (!grant.serviceAccounts.includes(serviceAccount)) {
        throw refuse(`Rule "${rule.name}" does not grant the service account ${serviceAccount}${grant.serviceAccounts.length > 0 ? `; it grants ${grant.serviceAccounts.join(', ')}` : ''}.`, 'Use a granted service account, or add this one to the rule in a reviewed change to the policy.');
    }
    const audience = requested.idTokenAudience;
    if (audience !== undefined) {
        if (!grant.idTokenAudiences.includes(audience)) {
            throw refuse(`Rule "${rule.name}" does not grant ID tokens for the audience ${JSON.stringify(audience)}${grant.idTokenAudiences.length > 0 ? `; it grants ${grant.idTokenAudiences.map((a) => JSON.stringify(a)).join(', ')}` : ''}.`, `Use a granted audience, or add it to the rule's gcp id-token-audiences in a reviewed change to the policy.`);
        }
        if (serviceAccount === undefined)
            throw refuse(`Rule "${rule.name}" grants no service account, and Google mints ID tokens only as one.`, `Add service-accounts to rule "${rule.name}", and set the \`service_account\` input.`);
    }
    const lifetimeSeconds = Math.min(requested.lifetimeSeconds, grant.maxLifetimeSeconds);
    return { workloadIdentityProvider: grant.workloadIdentityProvider, serviceAccount, lifetimeSeconds, capped: lifetimeSeconds < requested.lifetimeSeconds, scopes: grant.scopes, idTokenAudience: audience };
}

;// CONCATENATED MODULE: ./src/core/authorize.ts







/**
 * Puts verified claims to the policy and, when allowed, narrows what was asked to what the deciding rule
 * grants. A denial is returned, not thrown, so each shell can show its explanation its own way first;
 * a request the rule does not grant (another role, another service account) throws RoleNotGranted.
 */
function authorizeClaims(policy, claims, wanted) {
    const decision = (0,evaluate/* evaluatePolicy */.Uz)(policy, claims);
    const explanation = (0,explain/* explainDecision */.el)(decision);
    if (!decision.allowed)
        return { allowed: false, claims, decision, explanation, error: (0,explain/* denialError */._)(decision, policy.source) };
    const grants = {
        aws: wanted.aws && resolveAws(decision.rule, wanted.aws),
        gcp: wanted.gcp && resolveGcp(decision.rule, wanted.gcp),
    };
    return { allowed: true, claims, decision, explanation, rule: decision.rule, checkedClaims: (0,evaluate/* checkedClaims */.BX)(decision), grants };
}
/** Token → verified claims → decision → grants, for shells that hold the raw token. */
async function authorizeToken(token, options) {
    const { claims } = await (0,verify/* verifyToken */.nr)(token, { ...options.verify, issuer: options.issuer, audience: options.audience });
    return authorizeClaims(options.policy, claims, options.wanted);
}
function resolveAws(rule, wanted) {
    requireWithin('AWS session duration', wanted.durationSeconds, duration/* STS_SESSION_SECONDS */.Em);
    const choice = (0,aws_grant/* chooseAwsRole */.N)(rule, wanted.role, wanted.durationSeconds);
    if (choice.sessionPolicy && wanted.sessionPolicy) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `Rule "${rule.name}" sets a session policy, so the request cannot bring its own.`, {
            hint: 'Leave the inline session policy out, or narrow further with managed session policies; STS takes one inline session policy.',
        });
    }
    return {
        ...choice,
        sessionPolicy: choice.sessionPolicy ?? wanted.sessionPolicy,
        requestedSeconds: wanted.durationSeconds,
        managedSessionPolicyArns: wanted.managedSessionPolicyArns ?? [],
    };
}
function resolveGcp(rule, wanted) {
    requireWithin('Google token lifetime', wanted.lifetimeSeconds, duration/* GCP_TOKEN_SECONDS */.T9);
    const choice = chooseGcpGrant(rule, { provider: wanted.provider, serviceAccount: wanted.serviceAccount, lifetimeSeconds: wanted.lifetimeSeconds, idTokenAudience: wanted.idTokenAudience });
    const extra = wanted.scopes?.filter((scope) => !choice.scopes.includes(scope)) ?? [];
    if (extra.length > 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${rule.name}" does not grant the scope(s) ${extra.join(', ')}; it grants ${choice.scopes.join(', ')}.`, {
            hint: 'Ask for granted scopes only, or add the scope to the rule in a reviewed change to the policy.',
            location: rule.location,
        });
    }
    return { ...choice, scopes: wanted.scopes && wanted.scopes.length > 0 ? wanted.scopes : choice.scopes, requestedSeconds: wanted.lifetimeSeconds };
}
function requireWithin(what, seconds, bounds) {
    if (Number.isInteger(seconds) && seconds >= bounds.min && seconds <= bounds.max)
        return;
    throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The ${what} asked for is ${seconds} s, not from ${bounds.min} to ${bounds.max} s.`, {
        hint: `Ask for whole seconds between ${bounds.min} and ${bounds.max}; the rule may lower it further.`,
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

/***/ 75772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ chooseAwsRole),
/* harmony export */   s: () => (/* binding */ chooseChainedRole)
/* harmony export */ });
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);

/**
 * Checks the requested role against what the deciding rule grants, picking the rule's single role when
 * none was requested, caps the session duration at the rule's max-duration, and hands on the rule's
 * session policy.
 */
function chooseAwsRole(rule, requestedRole, requestedSeconds) {
    const grant = rule.grant?.aws;
    if (!grant) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RoleNotGranted, `Rule "${rule.name}" allowed this job but grants no AWS role.`, {
            hint: `Add \`grant: aws: roles: [...]\` to rule "${rule.name}".`,
            location: rule.location,
        });
    }
    const listed = grant.roles.join(', ');
    let roleArn = requestedRole;
    if (roleArn === undefined) {
        if (grant.roles.length !== 1) {
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RoleNotGranted, `Rule "${rule.name}" grants several roles (${listed}) and no role-to-assume was given.`, {
                hint: 'Set the `role-to-assume` input to one of them.',
                location: rule.location,
            });
        }
        roleArn = grant.roles[0];
    }
    else if (!grant.roles.includes(roleArn)) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RoleNotGranted, `Rule "${rule.name}" does not grant the role ${roleArn}; it grants ${listed}.`, {
            hint: 'Use one of the granted roles, or add this role to the rule in a reviewed change to the policy.',
            location: rule.location,
        });
    }
    const durationSeconds = Math.min(requestedSeconds, grant.maxDurationSeconds);
    if (grant.sessionPolicy && grant.sessionPolicy.document === undefined)
        throw new Error(`the session policy ${grant.sessionPolicy.path} was not loaded`);
    return { roleArn, durationSeconds, capped: durationSeconds < requestedSeconds, sessionPolicy: grant.sessionPolicy?.document, revokeRole: grant.revokeRole };
}
/**
 * The role a session of the rule's grant may chain into: only one its `chain-to` lists, so the action
 * never hops where the policy did not say it may.
 */
function chooseChainedRole(rule, requestedRole) {
    const chainTo = rule.grant?.aws?.chainTo ?? [];
    if (chainTo.includes(requestedRole))
        return requestedRole;
    throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.RoleNotGranted, `Rule "${rule.name}" does not let its sessions chain into ${requestedRole}; ${chainTo.length > 0 ? `it lists ${chainTo.join(', ')}` : 'it lists no role under chain-to'}.`, {
        hint: `Use a role that the rule's \`chain-to:\` lists, or add this one to \`grant: aws: chain-to:\` of rule "${rule.name}" in a reviewed change to the policy.`,
        location: rule.location,
    });
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

/***/ 24198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BX: () => (/* binding */ checkedClaims),
  Uz: () => (/* binding */ evaluatePolicy),
  OP: () => (/* binding */ matchingOperator)
});

// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(57314);
// EXTERNAL MODULE: ./src/policy/matchers.ts
var matchers = __webpack_require__(8451);
;// CONCATENATED MODULE: ./src/policy/rule-index.ts
// Claims that narrow a policy of many rules fastest, most selective first.
const INDEX_CLAIMS = ['repository_id', 'repository', 'sub', 'job_workflow_ref', 'repository_owner_id', 'repository_owner', 'environment', 'ref'];
/**
 * Which rules can possibly match a token, found without scanning every rule: each rule is filed under
 * the values of one exact-match condition (the most selective it has), so only rules filed under the
 * token's own values, and rules with no exact condition, remain. A rule left out has a condition that
 * cannot hold, so leaving it out never changes a decision.
 */
class RuleIndex {
    #byClaim = new Map();
    #unindexed = [];
    constructor(rules) {
        rules.forEach((rule, position) => {
            const condition = INDEX_CLAIMS.map((claim) => rule.conditions.find((c) => c.claim === claim && c.matcher.kind === 'equals')).find(Boolean);
            if (!condition || condition.matcher.kind !== 'equals') {
                this.#unindexed.push(position);
                return;
            }
            const byValue = this.#byClaim.get(condition.claim) ?? new Map();
            for (const value of new Set(condition.matcher.values))
                byValue.set(value, [...(byValue.get(value) ?? []), position]);
            this.#byClaim.set(condition.claim, byValue);
        });
    }
    /** Positions, in file order, of the rules that may match these claims. */
    candidates(claims) {
        const positions = [...this.#unindexed];
        for (const [claim, byValue] of this.#byClaim) {
            const value = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
            if (typeof value === 'string')
                positions.push(...(byValue.get(value) ?? []));
        }
        return positions.sort((a, b) => a - b);
    }
}
const indexes = new WeakMap();
/** The index of a policy, built on its first decision and kept as long as the policy is. */
function ruleIndexOf(policy) {
    let index = indexes.get(policy);
    if (!index) {
        index = new RuleIndex(policy.rules);
        indexes.set(policy, index);
    }
    return index;
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts



/**
 * Decides whether verified claims get credentials. Deny by default; a matching deny rule wins over
 * any allow; otherwise the first matching allow rule, in file order, decides. Only the rules the index
 * leaves can match; every rule's outcome is still on record, worked out when it is first read, so that
 * the decision can always be explained.
 */
function evaluatePolicy(policy, claims) {
    let all;
    const allOutcomes = () => (all ??= policy.rules.map((rule) => evaluateRule(rule, claims)));
    const denied = (reason, rule) => ({
        allowed: false,
        reason,
        rule,
        // Only a default denial has a rule that came close: a refused issuer or audience was never put to the rules.
        get closest() {
            return reason === 'no allow rule matched' ? closestAllow(allOutcomes()) : undefined;
        },
        get outcomes() {
            return allOutcomes();
        },
    });
    if (typeof claims.iss !== 'string' || !policy.issuers.includes(claims.iss))
        return denied('issuer not accepted');
    if (policy.audiences.length > 0 && !audiences(claims.aud).some((aud) => policy.audiences.includes(aud)))
        return denied('audience not accepted');
    const candidates = ruleIndexOf(policy)
        .candidates(claims)
        .map((position) => evaluateRule(policy.rules[position], claims))
        .filter((outcome) => outcome.matched);
    const deny = candidates.find((o) => o.rule.effect === 'deny');
    if (deny)
        return denied('deny rule matched', deny.rule);
    const allow = candidates.find((o) => o.rule.effect === 'allow');
    if (!allow)
        return denied('no allow rule matched');
    return {
        allowed: true,
        rule: allow.rule,
        get outcomes() {
            return allOutcomes();
        },
    };
}
/** The claims the deciding rule checked, with the values the token carried, for reports. */
function checkedClaims(decision) {
    const outcome = decision.outcomes.find((o) => o.rule === decision.rule);
    return (outcome?.conditions ?? []).map((c) => [c.condition.claim, String(c.actual)]);
}
/**
 * The first `operators:` entry whose conditions all hold on the claims, by the same semantics as a
 * rule's; undefined (refused) when none does or the issuer is not the policy's.
 */
function matchingOperator(policy, claims) {
    if (typeof claims.iss !== 'string' || !policy.issuers.includes(claims.iss))
        return undefined;
    return policy.operators.find((operator) => operator.conditions.every((condition) => evaluateCondition(condition, claims).holds));
}
function evaluateRule(rule, claims) {
    const conditions = rule.conditions.map((condition) => evaluateCondition(condition, claims));
    const firstFailure = conditions.find((c) => !c.holds);
    return { rule, matched: firstFailure === undefined, conditions, firstFailure };
}
/**
 * A condition holds on a string claim that matches or, for the claims CI systems write as lists
 * (CircleCI's context ids), on a list of which any string element matches. Any other value (a number,
 * a boolean, null, an object, a list where one string is due) never matches: claims are compared as the
 * strings the CI system writes, never converted.
 */
function evaluateCondition(condition, claims) {
    // Own properties only: a claim named "constructor" or "__proto__" must not reach Object.prototype.
    const actual = Object.hasOwn(claims, condition.claim) ? claims[condition.claim] : undefined;
    if (actual === undefined)
        return { condition, actual, holds: false, failure: 'absent' };
    const values = typeof actual === 'string' ? [actual] : Array.isArray(actual) && ci_systems/* LIST_CLAIMS */.ld.has(condition.claim) ? actual.filter((v) => typeof v === 'string') : undefined;
    if (values === undefined)
        return { condition, actual, holds: false, failure: 'not a string' };
    return values.some((value) => (0,matchers/* matches */.cK)(condition.matcher, value)) ? { condition, actual, holds: true } : { condition, actual, holds: false, failure: 'differs' };
}
function closestAllow(outcomes) {
    let best;
    let bestScore = -1;
    for (const outcome of outcomes) {
        if (outcome.rule.effect !== 'allow')
            continue;
        const score = outcome.conditions.filter((c) => c.holds).length;
        if (score > bestScore)
            [best, bestScore] = [outcome, score];
    }
    return best;
}
function audiences(aud) {
    if (typeof aud === 'string')
        return [aud];
    return Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
}


/***/ }),

/***/ 9129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ denialError),
/* harmony export */   el: () => (/* binding */ explainDecision),
/* harmony export */   x2: () => (/* binding */ quoteClaim)
/* harmony export */ });
/* unused harmony exports describeExpected, describeFailure */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);

/** Claim values come from tokens: quote them JSON-escaped and cut long ones, so no line can be forged. */
function quoteClaim(value) {
    if (value === undefined)
        return '(absent)';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
/** What a matcher expects, as a phrase: `"main"`, `one of "a", "b"`, `glob "v*"`, `regex "v[0-9]+"`. */
function describeExpected(matcher) {
    switch (matcher.kind) {
        case 'equals':
            return matcher.values.length === 1 ? quoteClaim(matcher.values[0]) : `one of ${matcher.values.map(quoteClaim).join(', ')}`;
        case 'glob':
        case 'regex':
            return `${matcher.kind} ${quoteClaim(matcher.pattern)}`;
    }
}
/** One condition that did not hold, as a phrase: `ref was "refs/heads/dev", expected "refs/heads/main"`. */
function describeFailure(outcome) {
    const { claim, matcher } = outcome.condition;
    if (outcome.failure === 'absent')
        return `${claim} is absent from the token, expected ${describeExpected(matcher)}`;
    if (outcome.failure === 'not a string')
        return `${claim} is ${quoteClaim(outcome.actual)}, not a string, expected ${describeExpected(matcher)}`;
    return `${claim} was ${quoteClaim(outcome.actual)}, expected ${describeExpected(matcher)}`;
}
function describeRule(outcome) {
    const head = `rule "${outcome.rule.name}" (${outcome.rule.effect}, line ${outcome.rule.location.line})`;
    if (outcome.matched)
        return `${head}: matched (${outcome.conditions.map((c) => c.condition.claim).join(', ')})`;
    return `${head}: no match, ${describeFailure(outcome.firstFailure)}`;
}
/** Why the decision came out as it did, rule by rule, for the log, the job summary and errors. */
function explainDecision(decision) {
    // Refused on the issuer or the audience, the token never reached the rules: listing them would read
    // as if some had matched.
    if (!decision.allowed && (decision.reason === 'issuer not accepted' || decision.reason === 'audience not accepted'))
        return [headline(decision)];
    return [headline(decision), ...decision.outcomes.map((outcome) => `  ${describeRule(outcome)}`)];
}
function headline(decision) {
    if (decision.allowed)
        return `Allowed by rule "${decision.rule.name}".`;
    switch (decision.reason) {
        case 'issuer not accepted':
            return 'Denied: the policy does not accept tokens from this issuer (see its `issuers`).';
        case 'audience not accepted':
            return 'Denied: the policy does not accept this token audience (see its `audiences`).';
        case 'deny rule matched':
            return `Denied by rule "${decision.rule.name}".`;
        case 'no allow rule matched':
            return 'Denied: no allow rule matched (deny by default).';
    }
}
/** A denial as the error the user sees: what decided, the rule that came closest, and what differed. */
function denialError(decision, policySource) {
    const closest = decision.closest;
    const detail = closest?.firstFailure !== undefined
        ? ` Rule "${closest.rule.name}" came closest; ${describeFailure(closest.firstFailure)}.`
        : '';
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.PolicyDenied, `${headline(decision)}${detail}`, {
        hint: `If this job should get credentials, change ${policySource} in a reviewed pull request; the log and the job summary show every rule's result.`,
        location: decision.rule?.location ?? closest?.firstFailure?.condition.location,
    });
}


/***/ }),

/***/ 32121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SE: () => (/* binding */ snapshotSource)
/* harmony export */ });
/* unused harmony exports recordingPolicySource, policySnapshot */
/**
 * Reads a policy through `source` and keeps every text read, so that a renewal later in the job decides
 * by the same files without reading the source again: a central repository would need the
 * github-token, which must not be written anywhere.
 */
function recordingPolicySource(source) {
    const files = new Map();
    return {
        files,
        source: {
            displayName: (path) => source.displayName(path),
            read: async (path) => {
                const text = await source.read(path);
                files.set(path, text);
                return text;
            },
        },
    };
}
/** A snapshot of what a recording source read, in a form JSON keeps. */
function policySnapshot(path, files) {
    return { path, files: Object.fromEntries([...files].map(([name, text]) => [name, text ?? null])) };
}
/** A source that answers from a snapshot only: a path it never read does not exist. */
function snapshotSource(snapshot) {
    return {
        displayName: (path) => `${path} (as the main step read it)`,
        read: (path) => Promise.resolve(Object.hasOwn(snapshot.files, path) ? (snapshot.files[path] ?? undefined) : undefined),
    };
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
