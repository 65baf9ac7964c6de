export const id = 540;
export const ids = [540];
export const modules = {

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

/***/ 3996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ issueGcp),
/* harmony export */   t: () => (/* binding */ issueAws)
/* harmony export */ });
/** The AWS session the grant allows, under the session name the shell chose. */
function issueAws(grant, claims, sessionName, minter) {
    return minter.aws({
        roleArn: grant.roleArn,
        durationSeconds: grant.durationSeconds,
        sessionName,
        sessionPolicy: grant.sessionPolicy,
        managedSessionPolicyArns: grant.managedSessionPolicyArns,
        claims,
    });
}
/** The Google access token the grant allows. */
function issueGcp(grant, claims, minter) {
    return minter.gcp({
        workloadIdentityProvider: grant.workloadIdentityProvider,
        serviceAccount: grant.serviceAccount,
        lifetimeSeconds: grant.lifetimeSeconds,
        scopes: grant.scopes,
        claims,
    });
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

/***/ 82022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q0: () => (/* binding */ sessionNameForToken)
/* harmony export */ });
/* unused harmony exports defaultSessionName, validateSessionName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57314);



// STS's RoleSessionName constraint.
const MIN_LENGTH = 2;
const MAX_LENGTH = 64;
const SESSION_NAME_DISALLOWED = /[^\w+=,.@-]/;
// Every character STS allows except '@', which the default name reserves to separate the repository from the run.
const PART_DISALLOWED = /[^\w+=,.-]/g;
const HASH_LENGTH = 8;
// Room always left for the project, so long run and job ids can't push it out entirely.
const MIN_PROJECT_LENGTH = 16;
/** A GitHub job's session name: `<owner>.<repo>@<run id>-<attempt>-<job>`. */
function defaultSessionName({ repository, runId, runAttempt, job }) {
    return sessionName(repository, [runId, runAttempt, job]);
}
/**
 * The session name of a job of any CI system, from the identifiers of its project and of its run that
 * the system's own token carries: `octo-group.app@<pipeline>-<job>` on GitLab, for example. A token from
 * an issuer the broker does not know, or without those claims, is named by its subject and issue time.
 * `system` is the CI system the caller knows the token comes from (a CLI preset), if any.
 */
function sessionNameForToken(claims, system, env = process.env) {
    const claim = (name) => (typeof claims[name] === 'string' || typeof claims[name] === 'number' ? String(claims[name]) : undefined);
    const issuedAt = claim('iat') ?? String(Math.floor(Date.now() / 1000));
    const [project, ...run] = ciIdentifiers(claim, system ?? (0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_2__/* .ciSystemOf */ .f9)(String(claims.iss))?.system, env, issuedAt) ?? [claim('sub') ?? 'unknown-subject', issuedAt];
    return sessionName(project, run);
}
/** A CI system's project, then what identifies the run and the job; undefined when a claim is missing. */
function ciIdentifiers(claim, system, env, issuedAt) {
    const all = (...parts) => (parts.every((part) => part !== undefined) ? parts : undefined);
    switch (system) {
        case 'github-actions':
            // The token does not name the job; the runner's environment does.
            return all(claim('repository'), claim('run_id'), claim('run_attempt'), env.GITHUB_JOB ?? 'cli');
        case 'gitlab':
            return all(claim('project_path'), claim('pipeline_id'), claim('job_id'));
        case 'circleci':
            // The token names no build; the job's environment does, and without it the issue time keeps jobs apart.
            return all(claim('oidc.circleci.com/vcs-origin')?.replace(/^[^/]+\//, ''), env.CIRCLE_BUILD_NUM ?? issuedAt);
        case 'buildkite': {
            const [organization, pipeline] = [claim('organization_slug'), claim('pipeline_slug')];
            return all(organization !== undefined && pipeline !== undefined ? `${organization}/${pipeline}` : undefined, claim('build_number'), claim('job_id'));
        }
        case undefined:
            return undefined;
    }
}
/**
 * `<project>@<run parts, joined by ->`, with the project's `/` as `.`. It shows in CloudTrail and in the
 * assumed-role ARN, so it stays readable; when it is too long the project is shortened first, and
 * whatever is shortened keeps a hash of its full text so distinct jobs keep distinct names.
 */
function sessionName(project, run) {
    const projectPart = sanitise(project.replaceAll('/', '.'));
    const runPart = shorten(`@${run.map(sanitise).join('-')}`, MAX_LENGTH - Math.min(projectPart.length, MIN_PROJECT_LENGTH));
    return shorten(projectPart, MAX_LENGTH - runPart.length) + runPart;
}
/** Checks a session name the user chose against STS's rule, so a typo fails before any token is sent. */
function validateSessionName(name) {
    const problem = sessionNameProblem(name);
    if (problem === undefined)
        return;
    throw new BrokerError(ErrorCode.InputInvalid, `The role session name ${JSON.stringify(name)} ${problem}.`, {
        hint: `AWS STS accepts ${MIN_LENGTH} to ${MAX_LENGTH} characters, each a letter, a digit or one of _ + = , . @ -. Leave role-session-name unset to get one derived from the job.`,
    });
}
function sessionNameProblem(name) {
    if (name.length < MIN_LENGTH || name.length > MAX_LENGTH)
        return `is ${name.length} characters long`;
    const disallowed = SESSION_NAME_DISALLOWED.exec(name)?.[0];
    return disallowed === undefined ? undefined : `contains ${JSON.stringify(disallowed)}, which STS does not allow`;
}
function sanitise(text) {
    return text.replace(PART_DISALLOWED, '_');
}
/** Cuts `text` to `maxLength` (at least HASH_LENGTH + 1), replacing its end by `+` and a hash of all of it. */
function shorten(text, maxLength) {
    if (text.length <= maxLength)
        return text;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
    return `${text.slice(0, maxLength - HASH_LENGTH - 1)}+${hash}`;
}


/***/ }),

/***/ 44118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r_: () => (/* binding */ GOOGLE_ENDPOINTS),
  jb: () => (/* binding */ exchangeForGoogleToken)
});

// UNUSED EXPORTS: mintGoogleIdToken

// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
;// CONCATENATED MODULE: ./src/util/deadline.ts
/**
 * Settles with `work`, or rejects with `onTimeout()` once `ms` have passed, whichever comes first. For
 * work whose own retries are bounded but whose total time is not (a client library's retry loop).
 */
async function deadline_withDeadline(work, ms, onTimeout) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}

// EXTERNAL MODULE: ./src/util/proxy.ts
var proxy = __webpack_require__(40796);
;// CONCATENATED MODULE: ./src/providers/gcp/external-account.ts
/**
 * The external_account configuration, without its subject token source, that both the exchange
 * and the credentials file for ADC and gcloud describe: the provider, Google STS and, with a service
 * account, impersonation for the given lifetime.
 */
function externalAccountConfig(request) {
    return {
        type: 'external_account',
        audience: `//iam.googleapis.com/${request.workloadIdentityProvider}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: request.endpoints.tokenUrl,
        ...(request.serviceAccount && {
            service_account_impersonation_url: `${request.endpoints.iamCredentialsUrl.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${request.serviceAccount}:generateAccessToken`,
            service_account_impersonation: { token_lifetime_seconds: request.lifetimeSeconds },
        }),
    };
}

;// CONCATENATED MODULE: ./src/providers/gcp/exchange.ts




const GOOGLE_ENDPOINTS = { tokenUrl: 'https://sts.googleapis.com/v1/token', iamCredentialsUrl: 'https://iamcredentials.googleapis.com' };
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Exchanges the job's OIDC token for a Google access token: a workload identity federation token from
 * STS, then (with a service account) a short-lived token from the IAM Credentials API. The token is
 * handed to google-auth-library through a subject-token supplier, never a file. Retries are the
 * library's own (bounded: a few attempts with backoff on 429, 5xx and network errors), and the whole
 * exchange is bounded by `timeoutMs`.
 */
async function exchangeForGoogleToken(request) {
    const client = await identityPoolClient(request);
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
        const { token } = await deadline_withDeadline(client.getAccessToken(), timeoutMs, () => timedOut(request, timeoutMs));
        const expiry = client.credentials.expiry_date;
        if (!token || !expiry)
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeFailed, 'Google answered without an access token or its expiry.', { hint: 'Check the endpoints if you override them; otherwise, file an issue.' });
        return { accessToken: token, expiration: new Date(expiry), serviceAccount: request.serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
    }
    catch (error) {
        throw exchangeError(error, request);
    }
}
async function identityPoolClient(request) {
    const { IdentityPoolClient } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    // The constructor, not ExternalAccountClient.fromJSON: the configuration is built here from checked
    // inputs, and fromJSON prints a warning about untrusted files into the job's log.
    const client = new IdentityPoolClient({
        ...externalAccountConfig({ ...request, endpoints: request.endpoints ?? GOOGLE_ENDPOINTS }),
        scopes: [...request.scopes],
        subject_token_supplier: { getSubjectToken: () => request.getToken() },
        transporterOptions: { agent: (url) => (0,proxy/* agentFor */.Pf)(url) },
    });
    // The library gives its STS exchange a transporter of its own, which would ignore the agent above.
    client['stsCredential']['transporter'] = client.transporter;
    return client;
}
// IAM Credentials needs the federated token to carry a scope it accepts.
const IAM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/**
 * Mints a Google-signed ID token as the service account: the job's token becomes a federated token at
 * STS, whose principal calls IAM Credentials' generateIdToken (roles/iam.workloadIdentityUser grants
 * it, as it grants getAccessToken).
 */
async function mintGoogleIdToken(request) {
    const endpoints = request.endpoints ?? GOOGLE_ENDPOINTS;
    const client = await identityPoolClient({ ...request, serviceAccount: undefined, lifetimeSeconds: 0, scopes: [IAM_SCOPE], endpoints });
    const url = `${endpoints.iamCredentialsUrl.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${encodeURIComponent(request.serviceAccount)}:generateIdToken`;
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const target = { ...request, lifetimeSeconds: 0, scopes: [] };
    try {
        const response = await withDeadline(client.request({ url, method: 'POST', data: { audience: request.audience, includeEmail: request.includeEmail } }), timeoutMs, () => timedOut(target, timeoutMs));
        const idToken = response.data.token;
        const exp = typeof idToken === 'string' ? jwtExpiry(idToken) : undefined;
        if (typeof idToken !== 'string' || exp === undefined)
            throw new BrokerError(ErrorCode.GcpExchangeFailed, 'Google answered generateIdToken without an ID token.', { hint: 'Check gcp-iam-credentials-url if you override it; otherwise, file an issue.' });
        return { idToken, expiration: new Date(exp * 1000) };
    }
    catch (error) {
        throw exchangeError(error, target);
    }
}
/** The `exp` of a JWT that Google signed; read, not verified, to report when it ends. */
function jwtExpiry(token) {
    try {
        const exp = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).exp;
        return typeof exp === 'number' ? exp : undefined;
    }
    catch {
        return undefined;
    }
}
function timedOut(request, timeoutMs) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeTimedOut, `Gave up obtaining a Google token for ${request.serviceAccount ?? request.workloadIdentityProvider} after ${(timeoutMs / 1000).toFixed(1)} s.`, {
        hint: 'Google STS or IAM Credentials did not answer in time: retry the job, and check this machine’s network path to them.',
    });
}
function exchangeError(error, request) {
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    const http = error;
    const status = http.response?.status ?? http.status;
    // A proxy's 407 reaches here as Google's answer would; it is the proxy that needs fixing, not Google.
    const url = http.config?.url === undefined ? undefined : new URL(http.config.url);
    const refused = url && (0,proxy/* refusedByProxy */.SR)((0,proxy/* proxyFor */.iJ)(url), url, { status, error: error });
    if (refused)
        return refused;
    const said = describeGoogleError(http.response?.data);
    const target = request.serviceAccount ?? request.workloadIdentityProvider;
    if (status === 401 || status === 403 || (status === 400 && /attribute condition|audience/i.test(said))) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpAccessDenied, `Google refused a token for ${target}: ${said}.`, {
            hint: /attribute condition/i.test(said)
                ? 'The workload identity pool provider’s attribute condition rejects this job: compare it with `ci-oidc-broker policy export --gcp-attribute-condition`.'
                : /getAccessToken|getOpenIdToken/.test(said)
                    ? `Grant roles/iam.workloadIdentityUser on ${request.serviceAccount ?? 'the service account'} to this job's principal (principalSet://…/attribute.repository/OWNER/REPO or principal://…/subject/SUB).`
                    : 'Check the provider’s issuer and allowed audiences, and the audience the token was requested for (gcp-audience).',
            cause: error,
        });
    }
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeFailed, `Obtaining a Google token for ${target} failed${status ? ` (HTTP ${status})` : http.code ? ` (${http.code})` : ''}: ${said}.`, {
        hint: 'Check the workload identity provider name, the lifetime (at most 1 hour) and the network path to Google; retry if Google had an outage.',
        cause: error,
    });
}
/** Google's error bodies: STS `{error, error_description}`, IAM `{error: {message, status}}`. */
function describeGoogleError(data) {
    const body = data;
    if (typeof body?.error_description === 'string')
        return JSON.stringify(body.error_description);
    const nested = body?.error;
    if (typeof nested?.message === 'string')
        return JSON.stringify(nested.message);
    return 'no details';
}


/***/ })

};
