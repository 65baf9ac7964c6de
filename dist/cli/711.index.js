export const id = 711;
export const ids = [711];
export const modules = {

/***/ 8315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);


/** Reads a file named on the command line; `-` is standard input. */
async function readInputFile(path, what) {
    if (path === '-') {
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `Cannot read the ${what} file ${path} (${error.code ?? 'error'}).`, {
            hint: 'Check the path; use - to read from standard input.',
        });
    }
}


/***/ }),

/***/ 1910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ parseIssuerUrl)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);

/** Hosts where plain http is acceptable: the traffic never leaves the machine. */
function isLoopbackHost(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
/**
 * Checks an issuer (or a URL an issuer publishes, such as its `jwks_uri`): https, or http on loopback
 * only; no credentials, query or fragment. The string itself is kept as given, because `iss` must
 * match it exactly.
 */
function parseIssuerUrl(value, what = 'issuer') {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} is not a URL.`, {
            hint: 'Use the issuer’s full URL, such as https://token.actions.githubusercontent.com.',
        });
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} does not use https.`, {
            hint: 'Keys fetched over plain http could be replaced in transit; only loopback addresses (for local tests) may use http.',
        });
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} carries credentials, a query or a fragment.`, {
            hint: 'Give the issuer as its plain URL, exactly as it appears in the tokens’ `iss` claim.',
        });
    }
    return url;
}


/***/ }),

/***/ 5432:
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

/***/ 4198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ evaluatePolicy)
});

// UNUSED EXPORTS: checkedClaims

// EXTERNAL MODULE: ./src/policy/matchers.ts + 2 modules
var matchers = __webpack_require__(4339);
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
function evaluateRule(rule, claims) {
    const conditions = rule.conditions.map((condition) => evaluateCondition(condition, claims));
    const firstFailure = conditions.find((c) => !c.holds);
    return { rule, matched: firstFailure === undefined, conditions, firstFailure };
}
function evaluateCondition(condition, claims) {
    // Own properties only: a claim named "constructor" or "__proto__" must not reach Object.prototype.
    const actual = Object.hasOwn(claims, condition.claim) ? claims[condition.claim] : undefined;
    if (actual === undefined)
        return { condition, actual, holds: false, failure: 'absent' };
    if (typeof actual !== 'string')
        return { condition, actual, holds: false, failure: 'not a string' };
    return (0,matchers/* matches */.cK)(condition.matcher, actual) ? { condition, actual, holds: true } : { condition, actual, holds: false, failure: 'differs' };
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
/* harmony export */   el: () => (/* binding */ explainDecision)
/* harmony export */ });
/* unused harmony exports quoteClaim, describeExpected, describeFailure */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);

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

/***/ 8542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n$: () => (/* binding */ loadPolicyFile)
});

// UNUSED EXPORTS: loadPolicy, parsePolicy

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/policy/schema-validator.generated.ts
// Generated by scripts/generate-policy-validator.ts from schema/policy.schema.json: do not edit.
// Run `npm run build` after changing the schema.
// @ts-nocheck

const validate = (/* unused pure expression or super */ null && (validate10));
/* harmony default export */ const schema_validator_generated = (validate10);
const schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/ci-oidc-broker/ci-oidc-broker/schema/policy.schema.json", "title": "ci-oidc-broker policy", "description": "Which CI jobs, identified by their verified OIDC token claims, may receive which cloud credentials. Deny by default; a matching deny rule wins; otherwise the first matching allow rule grants.", "type": "object", "additionalProperties": false, "required": ["version", "rules"], "properties": { "version": { "description": "The policy format version.", "const": 1 }, "issuers": { "description": "Token issuers this policy accepts. Default: GitHub Actions (https://token.actions.githubusercontent.com).", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "audiences": { "description": "Token audiences this policy accepts. Default: any audience the verifier was configured for.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "rules": { "description": "Rules, evaluated in file order.", "type": "array", "items": { "$ref": "#/definitions/rule" } } }, "definitions": { "rule": { "type": "object", "additionalProperties": false, "required": ["name", "match"], "properties": { "name": { "description": "A unique name, shown in decisions and job summaries.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "effect": { "description": "allow (the default) grants credentials; deny refuses them and wins over any allow.", "enum": ["allow", "deny"] }, "issuer": { "description": "The issuer this rule applies to, one of the policy's issuers. A rule without one applies to every issuer; with several CI systems in one policy, name it, since each CI system's claims mean different things.", "type": "string", "minLength": 1 }, "match": { "description": "Claims that must all hold. A claim that is absent from the token never matches.", "type": "object", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/claimValue" } }, "grant": { "$ref": "#/definitions/grant" } } }, "claimValue": { "description": "How a claim is matched. A string: exactly, case-sensitively. A list of strings: any one of them, exactly. {glob: PATTERN}: `*` matches within one `/`-separated segment, `**` across segments, every other character is literal. {regex: PATTERN}: a JavaScript regular expression, always anchored as ^(?:PATTERN)$. Claims are strings: quote numeric IDs (\"8429\").", "anyOf": [{ "type": "string" }, { "type": "array", "minItems": 1, "items": { "type": "string" } }, { "type": "object", "additionalProperties": false, "required": ["glob"], "properties": { "glob": { "type": "string", "minLength": 1 } } }, { "type": "object", "additionalProperties": false, "required": ["regex"], "properties": { "regex": { "type": "string", "minLength": 1 } } }] }, "grant": { "description": "What an allow rule grants.", "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "aws": { "$ref": "#/definitions/awsGrant" }, "gcp": { "$ref": "#/definitions/gcpGrant" } } }, "awsGrant": { "description": "AWS roles this rule lets the job assume with AssumeRoleWithWebIdentity.", "type": "object", "additionalProperties": false, "required": ["roles"], "properties": { "roles": { "description": "IAM role ARNs. The step's role-to-assume must be one of them; with a single role it may be omitted.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } }, "max-duration": { "description": "The longest session granted: seconds (900) or a duration (\"15m\", \"1h\", \"1h30m\"), from 15 minutes to 12 hours. Default: 1 hour.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "session-policy": { "description": "A JSON file, by its path from the root of the policy's repository, holding an IAM policy that narrows every session this rule grants (sent to STS as the inline session policy).", "type": "string", "minLength": 1 }, "revoke-role": { "description": "An IAM role that the post step assumes (with a fresh OIDC token) to deny the session at job end, by an inline Deny on the session's role. `ci-oidc-broker policy export --aws-revocation` prints its policies.", "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } } }, "gcpGrant": { "description": "Google Cloud access this rule grants: a federated token from the workload identity pool provider, exchanged for a service account's access token by impersonation.", "type": "object", "additionalProperties": false, "required": ["workload-identity-provider"], "properties": { "workload-identity-provider": { "description": "The provider's full resource name: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.", "type": "string", "pattern": "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, "service-accounts": { "description": "Service accounts the job may impersonate; gcp-service-account must be one of them, and may be omitted when there is one.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" } }, "max-lifetime": { "description": "The longest access token granted: seconds or a duration (\"10m\"), up to 1 hour. Default: 10 minutes.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "scopes": { "description": "OAuth scopes of the access token. Default: https://www.googleapis.com/auth/cloud-platform.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" } } } } } };
const schema12 = { "type": "object", "additionalProperties": false, "required": ["name", "match"], "properties": { "name": { "description": "A unique name, shown in decisions and job summaries.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "effect": { "description": "allow (the default) grants credentials; deny refuses them and wins over any allow.", "enum": ["allow", "deny"] }, "issuer": { "description": "The issuer this rule applies to, one of the policy's issuers. A rule without one applies to every issuer; with several CI systems in one policy, name it, since each CI system's claims mean different things.", "type": "string", "minLength": 1 }, "match": { "description": "Claims that must all hold. A claim that is absent from the token never matches.", "type": "object", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/claimValue" } }, "grant": { "$ref": "#/definitions/grant" } } };
const schema13 = { "description": "How a claim is matched. A string: exactly, case-sensitively. A list of strings: any one of them, exactly. {glob: PATTERN}: `*` matches within one `/`-separated segment, `**` across segments, every other character is literal. {regex: PATTERN}: a JavaScript regular expression, always anchored as ^(?:PATTERN)$. Claims are strings: quote numeric IDs (\"8429\").", "anyOf": [{ "type": "string" }, { "type": "array", "minItems": 1, "items": { "type": "string" } }, { "type": "object", "additionalProperties": false, "required": ["glob"], "properties": { "glob": { "type": "string", "minLength": 1 } } }, { "type": "object", "additionalProperties": false, "required": ["regex"], "properties": { "regex": { "type": "string", "minLength": 1 } } }] };
const pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
const schema14 = { "description": "What an allow rule grants.", "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "aws": { "$ref": "#/definitions/awsGrant" }, "gcp": { "$ref": "#/definitions/gcpGrant" } } };
const schema15 = { "description": "AWS roles this rule lets the job assume with AssumeRoleWithWebIdentity.", "type": "object", "additionalProperties": false, "required": ["roles"], "properties": { "roles": { "description": "IAM role ARNs. The step's role-to-assume must be one of them; with a single role it may be omitted.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } }, "max-duration": { "description": "The longest session granted: seconds (900) or a duration (\"15m\", \"1h\", \"1h30m\"), from 15 minutes to 12 hours. Default: 1 hour.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "session-policy": { "description": "A JSON file, by its path from the root of the policy's repository, holding an IAM policy that narrows every session this rule grants (sent to STS as the inline session policy).", "type": "string", "minLength": 1 }, "revoke-role": { "description": "An IAM role that the post step assumes (with a fresh OIDC token) to deny the session at job end, by an inline Deny on the session's role. `ci-oidc-broker policy export --aws-revocation` prints its policies.", "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } } };
const schema16 = { "description": "Google Cloud access this rule grants: a federated token from the workload identity pool provider, exchanged for a service account's access token by impersonation.", "type": "object", "additionalProperties": false, "required": ["workload-identity-provider"], "properties": { "workload-identity-provider": { "description": "The provider's full resource name: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.", "type": "string", "pattern": "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, "service-accounts": { "description": "Service accounts the job may impersonate; gcp-service-account must be one of them, and may be omitted when there is one.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" } }, "max-lifetime": { "description": "The longest access token granted: seconds or a duration (\"10m\"), up to 1 hour. Default: 10 minutes.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "scopes": { "description": "OAuth scopes of the access token. Default: https://www.googleapis.com/auth/cloud-platform.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" } } } };
const pattern1 = new RegExp("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", "u");
const pattern2 = new RegExp("^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$", "u");
const pattern4 = new RegExp("^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$", "u");
const pattern5 = new RegExp("^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$", "u");
const pattern7 = new RegExp("^https://www\\.googleapis\\.com/auth/[\\w.-]+$", "u");
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
        const err0 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((key0 === "aws") || (key0 === "gcp"))) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    if (data.aws !== undefined) {
        let data0 = data.aws;
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.roles === undefined) {
                const err2 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/required", keyword: "required", params: { missingProperty: "roles" }, message: "must have required property '" + "roles" + "'" };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
            for (const key1 in data0) {
                if (!((((key1 === "roles") || (key1 === "max-duration")) || (key1 === "session-policy")) || (key1 === "revoke-role"))) {
                    const err3 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
            }
            if (data0.roles !== undefined) {
                let data1 = data0.roles;
                if (Array.isArray(data1)) {
                    if (data1.length < 1) {
                        const err4 = { instancePath: instancePath + "/aws/roles", schemaPath: "#/definitions/awsGrant/properties/roles/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                    const len0 = data1.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        let data2 = data1[i0];
                        if (typeof data2 === "string") {
                            if (!pattern1.test(data2)) {
                                const err5 = { instancePath: instancePath + "/aws/roles/" + i0, schemaPath: "#/definitions/awsGrant/properties/roles/items/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" }, message: "must match pattern \"" + "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err5];
                                }
                                else {
                                    vErrors.push(err5);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err6 = { instancePath: instancePath + "/aws/roles/" + i0, schemaPath: "#/definitions/awsGrant/properties/roles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err7 = { instancePath: instancePath + "/aws/roles", schemaPath: "#/definitions/awsGrant/properties/roles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
            if (data0["max-duration"] !== undefined) {
                let data3 = data0["max-duration"];
                const _errs11 = errors;
                let valid5 = false;
                const _errs12 = errors;
                if (!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) {
                    const err8 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
                var _valid0 = _errs12 === errors;
                valid5 = valid5 || _valid0;
                if (!valid5) {
                    const _errs14 = errors;
                    if (typeof data3 === "string") {
                        if (!pattern2.test(data3)) {
                            const err9 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }, message: "must match pattern \"" + "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" + "\"" };
                            if (vErrors === null) {
                                vErrors = [err9];
                            }
                            else {
                                vErrors.push(err9);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err10 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err10];
                        }
                        else {
                            vErrors.push(err10);
                        }
                        errors++;
                    }
                    var _valid0 = _errs14 === errors;
                    valid5 = valid5 || _valid0;
                }
                if (!valid5) {
                    const err11 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err11];
                    }
                    else {
                        vErrors.push(err11);
                    }
                    errors++;
                }
                else {
                    errors = _errs11;
                    if (vErrors !== null) {
                        if (_errs11) {
                            vErrors.length = _errs11;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data0["session-policy"] !== undefined) {
                let data4 = data0["session-policy"];
                if (typeof data4 === "string") {
                    if (data4.length < 1) {
                        const err12 = { instancePath: instancePath + "/aws/session-policy", schemaPath: "#/definitions/awsGrant/properties/session-policy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
                else {
                    const err13 = { instancePath: instancePath + "/aws/session-policy", schemaPath: "#/definitions/awsGrant/properties/session-policy/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            if (data0["revoke-role"] !== undefined) {
                let data5 = data0["revoke-role"];
                if (typeof data5 === "string") {
                    if (!pattern1.test(data5)) {
                        const err14 = { instancePath: instancePath + "/aws/revoke-role", schemaPath: "#/definitions/awsGrant/properties/revoke-role/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" }, message: "must match pattern \"" + "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err14];
                        }
                        else {
                            vErrors.push(err14);
                        }
                        errors++;
                    }
                }
                else {
                    const err15 = { instancePath: instancePath + "/aws/revoke-role", schemaPath: "#/definitions/awsGrant/properties/revoke-role/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.gcp !== undefined) {
        let data6 = data.gcp;
        if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6["workload-identity-provider"] === undefined) {
                const err17 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/required", keyword: "required", params: { missingProperty: "workload-identity-provider" }, message: "must have required property '" + "workload-identity-provider" + "'" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
            for (const key2 in data6) {
                if (!((((key2 === "workload-identity-provider") || (key2 === "service-accounts")) || (key2 === "max-lifetime")) || (key2 === "scopes"))) {
                    const err18 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
            if (data6["workload-identity-provider"] !== undefined) {
                let data7 = data6["workload-identity-provider"];
                if (typeof data7 === "string") {
                    if (!pattern4.test(data7)) {
                        const err19 = { instancePath: instancePath + "/gcp/workload-identity-provider", schemaPath: "#/definitions/gcpGrant/properties/workload-identity-provider/pattern", keyword: "pattern", params: { pattern: "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, message: "must match pattern \"" + "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err19];
                        }
                        else {
                            vErrors.push(err19);
                        }
                        errors++;
                    }
                }
                else {
                    const err20 = { instancePath: instancePath + "/gcp/workload-identity-provider", schemaPath: "#/definitions/gcpGrant/properties/workload-identity-provider/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err20];
                    }
                    else {
                        vErrors.push(err20);
                    }
                    errors++;
                }
            }
            if (data6["service-accounts"] !== undefined) {
                let data8 = data6["service-accounts"];
                if (Array.isArray(data8)) {
                    if (data8.length < 1) {
                        const err21 = { instancePath: instancePath + "/gcp/service-accounts", schemaPath: "#/definitions/gcpGrant/properties/service-accounts/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                    const len1 = data8.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                        let data9 = data8[i1];
                        if (typeof data9 === "string") {
                            if (!pattern5.test(data9)) {
                                const err22 = { instancePath: instancePath + "/gcp/service-accounts/" + i1, schemaPath: "#/definitions/gcpGrant/properties/service-accounts/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" }, message: "must match pattern \"" + "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err23 = { instancePath: instancePath + "/gcp/service-accounts/" + i1, schemaPath: "#/definitions/gcpGrant/properties/service-accounts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err24 = { instancePath: instancePath + "/gcp/service-accounts", schemaPath: "#/definitions/gcpGrant/properties/service-accounts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data6["max-lifetime"] !== undefined) {
                let data10 = data6["max-lifetime"];
                const _errs31 = errors;
                let valid10 = false;
                const _errs32 = errors;
                if (!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) {
                    const err25 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
                var _valid1 = _errs32 === errors;
                valid10 = valid10 || _valid1;
                if (!valid10) {
                    const _errs34 = errors;
                    if (typeof data10 === "string") {
                        if (!pattern2.test(data10)) {
                            const err26 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }, message: "must match pattern \"" + "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" + "\"" };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err27 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    var _valid1 = _errs34 === errors;
                    valid10 = valid10 || _valid1;
                }
                if (!valid10) {
                    const err28 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
                else {
                    errors = _errs31;
                    if (vErrors !== null) {
                        if (_errs31) {
                            vErrors.length = _errs31;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data6.scopes !== undefined) {
                let data11 = data6.scopes;
                if (Array.isArray(data11)) {
                    if (data11.length < 1) {
                        const err29 = { instancePath: instancePath + "/gcp/scopes", schemaPath: "#/definitions/gcpGrant/properties/scopes/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                    const len2 = data11.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                        let data12 = data11[i2];
                        if (typeof data12 === "string") {
                            if (!pattern7.test(data12)) {
                                const err30 = { instancePath: instancePath + "/gcp/scopes/" + i2, schemaPath: "#/definitions/gcpGrant/properties/scopes/items/pattern", keyword: "pattern", params: { pattern: "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" }, message: "must match pattern \"" + "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err30];
                                }
                                else {
                                    vErrors.push(err30);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err31 = { instancePath: instancePath + "/gcp/scopes/" + i2, schemaPath: "#/definitions/gcpGrant/properties/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err31];
                            }
                            else {
                                vErrors.push(err31);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err32 = { instancePath: instancePath + "/gcp/scopes", schemaPath: "#/definitions/gcpGrant/properties/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
        }
        else {
            const err33 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err33];
            }
            else {
                vErrors.push(err33);
            }
            errors++;
        }
    }
}
else {
    const err34 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err34];
    }
    else {
        vErrors.push(err34);
    }
    errors++;
} validate12.errors = vErrors; return errors === 0; }
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.match === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property '" + "match" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((((key0 === "name") || (key0 === "effect")) || (key0 === "issuer")) || (key0 === "match")) || (key0 === "grant"))) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        let data0 = data.name;
        if (typeof data0 === "string") {
            if (!pattern0.test(data0)) {
                const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: "must match pattern \"" + "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        else {
            const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.effect !== undefined) {
        let data1 = data.effect;
        if (!((data1 === "allow") || (data1 === "deny"))) {
            const err5 = { instancePath: instancePath + "/effect", schemaPath: "#/properties/effect/enum", keyword: "enum", params: { allowedValues: schema12.properties.effect.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.issuer !== undefined) {
        let data2 = data.issuer;
        if (typeof data2 === "string") {
            if (data2.length < 1) {
                const err6 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        else {
            const err7 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.match !== undefined) {
        let data3 = data.match;
        if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (Object.keys(data3).length < 1) {
                const err8 = { instancePath: instancePath + "/match", schemaPath: "#/properties/match/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            for (const key1 in data3) {
                let data4 = data3[key1];
                const _errs12 = errors;
                let valid3 = false;
                const _errs13 = errors;
                if (typeof data4 !== "string") {
                    const err9 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err9];
                    }
                    else {
                        vErrors.push(err9);
                    }
                    errors++;
                }
                var _valid0 = _errs13 === errors;
                valid3 = valid3 || _valid0;
                if (!valid3) {
                    const _errs15 = errors;
                    if (Array.isArray(data4)) {
                        if (data4.length < 1) {
                            const err10 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                        const len0 = data4.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                            if (typeof data4[i0] !== "string") {
                                const err11 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i0, schemaPath: "#/definitions/claimValue/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err11];
                                }
                                else {
                                    vErrors.push(err11);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err12 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                    var _valid0 = _errs15 === errors;
                    valid3 = valid3 || _valid0;
                    if (!valid3) {
                        const _errs19 = errors;
                        if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                            if (data4.glob === undefined) {
                                const err13 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/required", keyword: "required", params: { missingProperty: "glob" }, message: "must have required property '" + "glob" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err13];
                                }
                                else {
                                    vErrors.push(err13);
                                }
                                errors++;
                            }
                            for (const key2 in data4) {
                                if (!(key2 === "glob")) {
                                    const err14 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err14];
                                    }
                                    else {
                                        vErrors.push(err14);
                                    }
                                    errors++;
                                }
                            }
                            if (data4.glob !== undefined) {
                                let data6 = data4.glob;
                                if (typeof data6 === "string") {
                                    if (data6.length < 1) {
                                        const err15 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/glob", schemaPath: "#/definitions/claimValue/anyOf/2/properties/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        if (vErrors === null) {
                                            vErrors = [err15];
                                        }
                                        else {
                                            vErrors.push(err15);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err16 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/glob", schemaPath: "#/definitions/claimValue/anyOf/2/properties/glob/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err16];
                                    }
                                    else {
                                        vErrors.push(err16);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err17 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err17];
                            }
                            else {
                                vErrors.push(err17);
                            }
                            errors++;
                        }
                        var _valid0 = _errs19 === errors;
                        valid3 = valid3 || _valid0;
                        if (!valid3) {
                            const _errs24 = errors;
                            if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                                if (data4.regex === undefined) {
                                    const err18 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/required", keyword: "required", params: { missingProperty: "regex" }, message: "must have required property '" + "regex" + "'" };
                                    if (vErrors === null) {
                                        vErrors = [err18];
                                    }
                                    else {
                                        vErrors.push(err18);
                                    }
                                    errors++;
                                }
                                for (const key3 in data4) {
                                    if (!(key3 === "regex")) {
                                        const err19 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                        if (vErrors === null) {
                                            vErrors = [err19];
                                        }
                                        else {
                                            vErrors.push(err19);
                                        }
                                        errors++;
                                    }
                                }
                                if (data4.regex !== undefined) {
                                    let data7 = data4.regex;
                                    if (typeof data7 === "string") {
                                        if (data7.length < 1) {
                                            const err20 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/regex", schemaPath: "#/definitions/claimValue/anyOf/3/properties/regex/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                            if (vErrors === null) {
                                                vErrors = [err20];
                                            }
                                            else {
                                                vErrors.push(err20);
                                            }
                                            errors++;
                                        }
                                    }
                                    else {
                                        const err21 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/regex", schemaPath: "#/definitions/claimValue/anyOf/3/properties/regex/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err21];
                                        }
                                        else {
                                            vErrors.push(err21);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err22 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                            var _valid0 = _errs24 === errors;
                            valid3 = valid3 || _valid0;
                        }
                    }
                }
                if (!valid3) {
                    const err23 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err23];
                    }
                    else {
                        vErrors.push(err23);
                    }
                    errors++;
                }
                else {
                    errors = _errs12;
                    if (vErrors !== null) {
                        if (_errs12) {
                            vErrors.length = _errs12;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
        }
        else {
            const err24 = { instancePath: instancePath + "/match", schemaPath: "#/properties/match/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
    }
    if (data.grant !== undefined) {
        if (!(validate12(data.grant, { instancePath: instancePath + "/grant", parentData: data, parentDataProperty: "grant", rootData }))) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
        }
    }
}
else {
    const err25 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err25];
    }
    else {
        vErrors.push(err25);
    }
    errors++;
} validate11.errors = vErrors; return errors === 0; }
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/ci-oidc-broker/ci-oidc-broker/schema/policy.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.rules === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rules" }, message: "must have required property '" + "rules" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((key0 === "version") || (key0 === "issuers")) || (key0 === "audiences")) || (key0 === "rules"))) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.version !== undefined) {
        if (1 !== data.version) {
            const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.issuers !== undefined) {
        let data1 = data.issuers;
        if (Array.isArray(data1)) {
            if (data1.length < 1) {
                const err4 = { instancePath: instancePath + "/issuers", schemaPath: "#/properties/issuers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (typeof data2 === "string") {
                    if (data2.length < 1) {
                        const err5 = { instancePath: instancePath + "/issuers/" + i0, schemaPath: "#/properties/issuers/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
                else {
                    const err6 = { instancePath: instancePath + "/issuers/" + i0, schemaPath: "#/properties/issuers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err6];
                    }
                    else {
                        vErrors.push(err6);
                    }
                    errors++;
                }
            }
        }
        else {
            const err7 = { instancePath: instancePath + "/issuers", schemaPath: "#/properties/issuers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.audiences !== undefined) {
        let data3 = data.audiences;
        if (Array.isArray(data3)) {
            if (data3.length < 1) {
                const err8 = { instancePath: instancePath + "/audiences", schemaPath: "#/properties/audiences/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            const len1 = data3.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data4 = data3[i1];
                if (typeof data4 === "string") {
                    if (data4.length < 1) {
                        const err9 = { instancePath: instancePath + "/audiences/" + i1, schemaPath: "#/properties/audiences/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                }
                else {
                    const err10 = { instancePath: instancePath + "/audiences/" + i1, schemaPath: "#/properties/audiences/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
            }
        }
        else {
            const err11 = { instancePath: instancePath + "/audiences", schemaPath: "#/properties/audiences/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.rules !== undefined) {
        let data5 = data.rules;
        if (Array.isArray(data5)) {
            const len2 = data5.length;
            for (let i2 = 0; i2 < len2; i2++) {
                if (!(validate11(data5[i2], { instancePath: instancePath + "/rules/" + i2, parentData: data5, parentDataProperty: i2, rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err12 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
}
else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err13];
    }
    else {
        vErrors.push(err13);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }

// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/oidc/issuer-url.ts
var issuer_url = __webpack_require__(1910);
// EXTERNAL MODULE: ./src/policy/duration.ts
var policy_duration = __webpack_require__(5432);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/policy/sources/directory-source.ts



/**
 * Files under one directory, and nothing outside it: absolute paths, `..` and symbolic links that lead
 * out are refused, so a policy can only come from the tree whose protection the caller relies on.
 */
function directorySource(root) {
    return {
        displayName: (path) => path,
        async read(path) {
            const realRoot = await (0,promises_.realpath)(root);
            const candidate = (0,external_node_path_.resolve)(realRoot, path);
            const real = await (0,promises_.realpath)(candidate).catch((error) => {
                if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
                    return undefined;
                throw error;
            });
            const inside = (0,external_node_path_.relative)(realRoot, real ?? candidate);
            if ((0,external_node_path_.isAbsolute)(path) || inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicySourceInvalid, `The policy path "${path}" leads outside ${root}.`, {
                    hint: 'Keep the policy and the files it names inside the repository, and give their paths relative to its root.',
                });
            }
            return real === undefined ? undefined : (0,promises_.readFile)(real, 'utf8');
        },
    };
}

// EXTERNAL MODULE: ./src/policy/matchers.ts + 2 modules
var matchers = __webpack_require__(4339);
;// CONCATENATED MODULE: ./src/policy/types.ts
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

;// CONCATENATED MODULE: ./src/policy/load.ts









const DEFAULT_MAX_DURATION_SECONDS = 3600;
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
// schema/policy.schema.json, compiled at build time (scripts/generate-policy-validator.ts).
const validator = schema_validator_generated;
function load_validate(data) {
    return validator(data) ? [] : (validator.errors ?? []);
}
/**
 * Reads the policy at `path` of `source`, and the session-policy files its grants name (paths from the
 * root of the same source: the repository the policy lives in).
 */
async function loadPolicy(source, path) {
    const text = await source.read(path);
    const name = source.displayName(path);
    if (text === undefined) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyNotFound, `No policy file at ${name}.`, {
            hint: 'Create it (the default is .github/ci-oidc-broker.yml, on a protected branch), or point the `policy` input at your policy.',
        });
    }
    const policy = parsePolicy(text, name);
    for (const rule of policy.rules) {
        const sessionPolicy = rule.grant?.aws?.sessionPolicy;
        if (sessionPolicy)
            sessionPolicy.document = await readSessionPolicy(source, sessionPolicy.path, sessionPolicy.location);
    }
    return policy;
}
/**
 * A policy on disk, for the CLI and tests. `root` is the repository it belongs to, where session-policy
 * paths start: by default the current directory, or the policy's own folder when it lies outside.
 */
function loadPolicyFile(path, root) {
    const absolute = (0,external_node_path_.resolve)(path);
    const base = root ?? ((0,external_node_path_.relative)(process.cwd(), absolute).startsWith('..') ? (0,external_node_path_.dirname)(absolute) : process.cwd());
    return loadPolicy(directorySource(base), (0,external_node_path_.relative)(base, absolute).split(external_node_path_.sep).join('/'));
}
async function readSessionPolicy(source, path, location) {
    const problem = (message) => new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyInvalid, `The policy ${location.file} is invalid:\n${location.file}:${location.line}:${location.column}: ${message}`, {
        hint: 'A session policy is a JSON IAM policy document in the policy’s repository, named by its path from the repository root.',
        location,
    });
    const text = await source.read(path).catch((error) => {
        throw (0,broker_error/* isBrokerError */.kA)(error, broker_error/* ErrorCode */.O4.PolicySourceInvalid) ? problem(`the session policy ${path} is outside the policy's repository`) : error;
    });
    if (text === undefined)
        throw problem(`the session policy ${source.displayName(path)} does not exist`);
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw problem(`the session policy ${source.displayName(path)} is not valid JSON`);
    }
    if (typeof document !== 'object' || document === null || !('Statement' in document))
        throw problem(`the session policy ${source.displayName(path)} has no Statement`);
    // Sent to STS compact, as the service counts the packed size of what it receives.
    return JSON.stringify(document);
}
/**
 * Reads a policy strictly: YAML syntax, then the JSON schema, then what a schema cannot say (unique
 * rule names, grants only on allow rules, duration bounds). Every problem is reported with its
 * file:line:column, all of them at once.
 *
 * Claim values must be YAML strings. Token claims such as repository_id are strings ("8429"), and an
 * unquoted 8429 is a YAML number; rather than convert numbers (where 0x10, 1e3 or 007 would silently
 * change meaning) the loader refuses them and asks for quotes.
 */
function parsePolicy(text, source) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const at = (offset) => ({ file: source, ...toLineColumn(lineCounter.linePos(offset)) });
    if (document.errors.length > 0) {
        throw invalid(source, document.errors.map((error) => ({ location: at(error.pos[0]), message: yamlMessage(error.code, error.message) })));
    }
    const data = toData(document, source, at);
    const problems = collapseAnyOf(load_validate(data)).map(describeSchemaError);
    if (problems.length === 0)
        problems.push(...semanticProblems(data));
    if (problems.length > 0) {
        throw invalid(source, problems.map((problem) => ({ location: at(offsetOf(document, problem)), message: problem.message, hint: problem.hint })));
    }
    return build(data, source, (path) => at(offsetOf(document, { path, message: '' })));
}
function build(raw, source, locate) {
    const rules = raw.rules.map((rule, index) => {
        const conditions = Object.entries(rule.match).map(([claim, expected]) => ({
            claim,
            matcher: toMatcher(expected),
            location: locate(['rules', index, 'match', claim]),
        }));
        // A rule's issuer is one more condition, on `iss`, checked first and explained like any other.
        if (rule.issuer !== undefined)
            conditions.unshift({ claim: 'iss', matcher: { kind: 'equals', values: [rule.issuer] }, location: locate(['rules', index, 'issuer']) });
        const effect = rule.effect ?? 'allow';
        return { name: rule.name, effect, conditions, grant: effect === 'allow' ? buildGrant(rule.grant, (path) => locate(['rules', index, ...path])) : undefined, location: locate(['rules', index]) };
    });
    return { source, issuers: raw.issuers ?? [GITHUB_ACTIONS_ISSUER], audiences: raw.audiences ?? [], rules };
}
function toMatcher(value) {
    if (typeof value === 'string')
        return { kind: 'equals', values: [value] };
    if (Array.isArray(value))
        return { kind: 'equals', values: value };
    if ('glob' in value)
        return { kind: 'glob', pattern: value.glob, regExp: (0,matchers/* globToRegExp */.tL)(value.glob) };
    return { kind: 'regex', pattern: value.regex, regExp: (0,matchers/* anchoredRegExp */.W8)(value.regex) };
}
function buildGrant(grant, locate) {
    const aws = grant?.aws;
    const gcp = grant?.gcp;
    const sessionPolicy = aws?.['session-policy'];
    return {
        gcp: gcp && {
            workloadIdentityProvider: gcp['workload-identity-provider'],
            serviceAccounts: gcp['service-accounts'] ?? [],
            maxLifetimeSeconds: gcp['max-lifetime'] === undefined ? policy_duration/* GCP_TOKEN_SECONDS */.T9.default : (0,policy_duration/* parseDuration */.E9)(gcp['max-lifetime']),
            scopes: gcp.scopes ?? [CLOUD_PLATFORM_SCOPE],
        },
        aws: aws && {
            roles: aws.roles,
            maxDurationSeconds: aws['max-duration'] === undefined ? DEFAULT_MAX_DURATION_SECONDS : (0,policy_duration/* parseDuration */.E9)(aws['max-duration']),
            sessionPolicy: sessionPolicy === undefined ? undefined : { path: sessionPolicy, location: locate(['grant', 'aws', 'session-policy']), document: undefined },
            revokeRole: aws['revoke-role'],
        },
    };
}
function semanticProblems(raw) {
    const problems = [];
    (raw.issuers ?? []).forEach((issuer, index) => {
        try {
            (0,issuer_url/* parseIssuerUrl */.u)(issuer);
        }
        catch (error) {
            problems.push({ path: ['issuers', index], message: `issuer ${JSON.stringify(issuer)}: ${error.message.replace(/^The issuer "[^"]*" /, '')}` });
        }
    });
    const seen = new Set();
    raw.rules.forEach((rule, index) => {
        if (seen.has(rule.name))
            problems.push({ path: ['rules', index, 'name'], message: `the rule name "${rule.name}" is used twice; names must be unique` });
        seen.add(rule.name);
        const effect = rule.effect ?? 'allow';
        if (effect === 'deny' && rule.grant)
            problems.push({ path: ['rules', index, 'grant'], atKey: true, message: `deny rule "${rule.name}" has a grant; deny rules grant nothing` });
        if (effect === 'allow' && !rule.grant)
            problems.push({ path: ['rules', index], message: `allow rule "${rule.name}" has no grant; say what it allows under \`grant:\`` });
        const issuers = raw.issuers ?? [GITHUB_ACTIONS_ISSUER];
        if (rule.issuer !== undefined && !issuers.includes(rule.issuer)) {
            problems.push({ path: ['rules', index, 'issuer'], message: `rule "${rule.name}" names the issuer ${JSON.stringify(rule.issuer)}, which is not among the policy's issuers`, hint: 'List every issuer under the top-level `issuers:`, exactly as it appears in the tokens.' });
        }
        for (const [claim, value] of Object.entries(rule.match)) {
            if (typeof value !== 'object' || Array.isArray(value))
                continue;
            const [kind, issue] = 'glob' in value ? ['glob', { problem: (0,matchers/* globProblem */.AI)(value.glob) }] : ['regex', (0,matchers/* regexIssue */.lL)(value.regex)];
            if (issue?.problem)
                problems.push({ path: ['rules', index, 'match', claim, kind], message: `the ${kind} for ${claim} ${issue.problem}`, hint: issue.hint });
        }
        const lifetime = rule.grant?.gcp?.['max-lifetime'];
        if (lifetime !== undefined) {
            const seconds = (0,policy_duration/* parseDuration */.E9)(lifetime);
            if (seconds === undefined || seconds < policy_duration/* GCP_TOKEN_SECONDS */.T9.min || seconds > policy_duration/* GCP_TOKEN_SECONDS */.T9.max) {
                problems.push({ path: ['rules', index, 'grant', 'gcp', 'max-lifetime'], message: `max-lifetime ${JSON.stringify(lifetime)} is not between 1 s and 1h (3600 s)` });
            }
        }
        const duration = rule.grant?.aws?.['max-duration'];
        if (duration !== undefined) {
            const seconds = (0,policy_duration/* parseDuration */.E9)(duration);
            if (seconds === undefined || seconds < policy_duration/* STS_SESSION_SECONDS */.Em.min || seconds > policy_duration/* STS_SESSION_SECONDS */.Em.max) {
                problems.push({ path: ['rules', index, 'grant', 'aws', 'max-duration'], message: `max-duration ${JSON.stringify(duration)} is not between 15m (900 s) and 12h (43200 s)` });
            }
        }
    });
    return problems;
}
/**
 * Ajv reports a failed anyOf as the errors of every branch plus the anyOf itself. When exactly one
 * branch's type fits the value, that branch is what the author meant: keep its errors alone (an empty
 * list, a malformed duration). Otherwise keep the anyOf alone, described with every accepted form.
 * Either way, one problem per mistake.
 */
function collapseAnyOf(errors) {
    const dropped = new Set();
    for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
        const branches = new Map();
        for (const error of errors) {
            if (!error.schemaPath.startsWith(`${anyOf.schemaPath}/`))
                continue;
            if (error.instancePath !== anyOf.instancePath && !error.instancePath.startsWith(`${anyOf.instancePath}/`))
                continue;
            const branch = error.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0];
            branches.set(branch, [...(branches.get(branch) ?? []), error]);
        }
        const fittingBranches = [...branches.values()].filter((list) => !list.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath));
        const fitting = new Set(fittingBranches.length === 1 ? fittingBranches[0] : []);
        if (fitting.size > 0)
            dropped.add(anyOf);
        for (const error of [...branches.values()].flat())
            if (!fitting.has(error))
                dropped.add(error);
    }
    return errors.filter((error) => !dropped.has(error));
}
/** rules.<i>.match.<claim> or an item of its list. */
function isClaimValue(path) {
    return path[0] === 'rules' && path[2] === 'match' && path.length >= 4;
}
function claimValueMessage(where) {
    return `${where} must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings`;
}
function durationFormMessage(where) {
    return `${where} must be a number of seconds (900) or a duration such as "15m" or "1h30m"`;
}
function describeSchemaError(error) {
    const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const params = error.params;
    const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the policy';
    switch (error.keyword) {
        case 'additionalProperties':
            return { path: [...path, String(params.additionalProperty)], atKey: true, message: `unknown key "${String(params.additionalProperty)}" in ${where}` };
        case 'required':
            return { path, message: `${where} is missing the required key "${String(params.missingProperty)}"` };
        case 'type':
            return isClaimValue(path) ? { path, message: claimValueMessage(where) } : { path, message: `${where} must be of type ${String(params.type)}` };
        case 'anyOf':
            if (isClaimValue(path))
                return { path, message: claimValueMessage(where) };
            if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime')
                return { path, message: durationFormMessage(where) };
            return { path, message: `${where} ${error.message ?? 'is invalid'}` };
        case 'const':
            return { path, message: `${where} must be ${JSON.stringify(params.allowedValue)}` };
        case 'enum':
            return { path, message: `${where} must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
        case 'minProperties':
            return { path, message: path.at(-1) === 'match' ? `${where} is empty; a rule must check at least one claim` : `${where} is empty` };
        case 'minItems':
            return { path, message: `${where} must not be an empty list` };
        case 'pattern':
            if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime')
                return { path, message: durationFormMessage(where) };
            if (path.includes('roles'))
                return { path, message: `${where} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)` };
            if (path.at(-1) === 'workload-identity-provider') {
                return { path, message: `${where} is not a provider's full resource name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)` };
            }
            if (path.includes('service-accounts'))
                return { path, message: `${where} is not a service account email (<name>@<project>.iam.gserviceaccount.com)` };
            return { path, message: `${where} does not have the expected form (${String(params.pattern)})` };
        default:
            return { path, message: `${where} ${error.message ?? 'is invalid'}` };
    }
}
/**
 * The document as plain data. The YAML parser leaves two alias mistakes to this step, where they throw
 * plain errors: an alias to an anchor not yet set, and aliases that expand too much (an alias bomb).
 */
function toData(document, source, at) {
    try {
        return document.toJS();
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        let offset = 0;
        (0,dist/* visit */.YR)(document, (_key, node) => {
            if (!(0,dist/* isAlias */.Vj)(node))
                return undefined;
            offset = node.range?.[0] ?? 0;
            return dist/* visit */.YR.BREAK;
        });
        throw invalid(source, [{ location: at(offset), message: `YAML aliases: ${error.message}` }]);
    }
}
/** The offset in the text of the YAML node (or key) a problem is about; the document start if none. */
function offsetOf(document, problem) {
    if (problem.atKey) {
        const parent = nodeAt(document, problem.path.slice(0, -1));
        if (parent.complete && (0,dist/* isMap */.jh)(parent.node)) {
            const key = pairOf(parent.node, problem.path.at(-1))?.key;
            if (key?.range)
                return key.range[0];
        }
    }
    return nodeAt(document, problem.path).node?.range?.[0] ?? 0;
}
/**
 * The node at a path, or the deepest one on the way there (an alias, say). Keys are compared as text:
 * the path comes from the JS value, where a YAML key 8429 has become "8429" and a key "0" looks like an index.
 */
function nodeAt(document, path) {
    let node = document.contents;
    for (const segment of path) {
        const next = (0,dist/* isMap */.jh)(node) ? pairOf(node, segment)?.value : (0,dist/* isSeq */.oP)(node) ? node.items[Number(segment)] : undefined;
        if (next === undefined || next === null)
            return { node, complete: false };
        node = next;
    }
    return { node, complete: true };
}
function pairOf(map, key) {
    return map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(key));
}
function toLineColumn(position) {
    return { line: position.line, column: position.col };
}
function yamlMessage(code, message) {
    if (code === 'DUPLICATE_KEY')
        return 'duplicate key; each key may appear once in a mapping';
    return `YAML syntax: ${message.split('\n')[0]}`;
}
function invalid(source, problems) {
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    const lines = problems.map(({ location, message }) => `${location.file}:${location.line}:${location.column}: ${message}`);
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyInvalid, `The policy ${source} is invalid:\n${lines.join('\n')}`, {
        hint: ['Fix each listed line; the format is described in schema/policy.schema.json and the README.', ...new Set(problems.flatMap((p) => (p.hint ? [p.hint] : [])))].join(' '),
        location: problems[0].location,
    });
}


/***/ }),

/***/ 4339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W8: () => (/* binding */ anchoredRegExp),
  AI: () => (/* binding */ globProblem),
  tL: () => (/* binding */ globToRegExp),
  cK: () => (/* binding */ matches),
  lL: () => (/* binding */ regexIssue)
});

// UNUSED EXPORTS: regexProblem

;// CONCATENATED MODULE: ./src/policy/glob-match.ts
/** Split the same way as `globToRegExp`: `**` first, left to right, then `*`. */
function globTokens(pattern) {
    const tokens = [];
    const chars = Array.from(pattern);
    for (let i = 0; i < chars.length; i++) {
        if (chars[i] !== '*')
            tokens.push({ literal: chars[i] });
        else if (chars[i + 1] !== '*')
            tokens.push({ wildcard: 'segment' });
        else {
            tokens.push({ wildcard: 'any' });
            i++;
        }
    }
    return tokens;
}
/**
 * Whether a glob matches the whole value, by running every position of the pattern at once over the
 * value's code points (a Thompson simulation): time is the value's length times the pattern's, whatever
 * the pattern, where a backtracking regex can take the value's length to the power of its wildcards.
 * Matches exactly what `globToRegExp` does.
 */
function globMatches(pattern, value) {
    const tokens = globTokens(pattern);
    let active = new Uint8Array(tokens.length + 1);
    active[0] = 1;
    skipWildcards(tokens, active);
    for (const char of value) {
        const next = new Uint8Array(tokens.length + 1);
        let alive = false;
        for (let state = 0; state < tokens.length; state++) {
            if (!active[state])
                continue;
            const token = tokens[state];
            if ('literal' in token ? token.literal === char : token.wildcard === 'any' || char !== '/') {
                // A literal moves on; a wildcard stays, to take the next character too.
                next['literal' in token ? state + 1 : state] = 1;
                alive = true;
            }
        }
        if (!alive)
            return false;
        active = skipWildcards(tokens, next);
    }
    return active[tokens.length] === 1;
}
/** A wildcard may match nothing: whoever stands before one also stands after it. */
function skipWildcards(tokens, states) {
    for (let state = 0; state < tokens.length; state++)
        if (states[state] && 'wildcard' in tokens[state])
            states[state + 1] = 1;
    return states;
}

;// CONCATENATED MODULE: ./src/policy/regex-hazards.ts
// Static analysis of policy regexes for patterns that backtrack super-linearly in V8.
const REGEX_HAZARD_HINT = 'Regexes run on the backtracking engine of Node.js, where some patterns take exponential or polynomial time on a crafted claim, ' +
    'so the loader refuses: backreferences, lookarounds and inline modifiers; a repeated part ({2}, *, + or {n,m}) that can match nothing, ' +
    'has alternatives that can start with the same character, or contains a quantifier (unless it starts with a character its quantifiers cannot match, as in (-[a-z]+)*); ' +
    'and two quantifiers, one of them unbounded, ' +
    'that can match the same characters with nothing required in between that the first cannot match. ' +
    'Use a glob (matched in linear time) or a list of exact values, put a separator between quantifiers ([a-z]+-[0-9]+), or spell repetitions out.';
/**
 * Why a valid regex (`u` flag) could take super-linear time on some claim, or undefined. Conservative:
 * it refuses some patterns that would have been fast, and anything it cannot analyse (lookarounds,
 * backreferences, modifiers).
 *
 * Backtracking blows up when a claim can be split among the parts of a pattern in many ways. Three
 * shapes cause that: a repeated part that can itself match varying lengths (`(a+)+`, `(a?){20}`) or
 * nothing (`(a*)*`); a repeated alternation whose branches can begin alike (`(a|ab)*`), so each
 * repetition may go either way; and, in a sequence, two quantifiers that can take the same characters
 * (`.*a.*`) with nothing required in between that stops the first. Only an unbounded (or long)
 * quantifier makes the last shape grow with the claim, so a pair of short ones (`a?a?`) is let through.
 */
function regexHazard(pattern) {
    let alternatives;
    try {
        alternatives = new RegexParser(pattern).parse();
    }
    catch (error) {
        if (error instanceof Hazard)
            return error.message;
        throw error;
    }
    return hazardIn({ kind: 'group', alternatives, text: pattern });
}
class Hazard extends Error {
}
const ANY = [[0, 0x10ffff]];
const DIGIT = [[0x30, 0x39]];
const WORD = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const CONTROL_ESCAPES = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
// A quantifier whose count may vary by more than this is treated as unbounded.
const LONG_REPEAT = 32;
/** Reads an already compiled `u` regex, so it needs no syntax errors of its own. */
class RegexParser {
    #chars;
    #at = 0;
    constructor(pattern) {
        this.#chars = Array.from(pattern);
    }
    parse() {
        return this.#alternatives();
    }
    #peek(offset = 0) {
        return this.#chars[this.#at + offset];
    }
    #next() {
        return this.#chars[this.#at++];
    }
    #textFrom(start) {
        return this.#chars.slice(start, this.#at).join('');
    }
    #alternatives() {
        const alternatives = [this.#sequence()];
        while (this.#peek() === '|') {
            this.#at++;
            alternatives.push(this.#sequence());
        }
        return alternatives;
    }
    #sequence() {
        const items = [];
        while (this.#peek() !== undefined && this.#peek() !== '|' && this.#peek() !== ')') {
            const start = this.#at;
            items.push(this.#quantified(this.#atom(), start));
        }
        return items;
    }
    #quantified(atom, start) {
        let bounds;
        const c = this.#peek();
        if (c === '*')
            bounds = [0, Infinity];
        else if (c === '+')
            bounds = [1, Infinity];
        else if (c === '?')
            bounds = [0, 1];
        else if (c === '{') {
            const close = this.#chars.indexOf('}', this.#at);
            const [min, max] = this.#chars.slice(this.#at + 1, close).join('').split(',');
            bounds = [Number(min), max === undefined ? Number(min) : max === '' ? Infinity : Number(max)];
            this.#at = close;
        }
        if (!bounds)
            return atom;
        this.#at++;
        if (this.#peek() === '?')
            this.#at++;
        return { kind: 'repeat', body: atom, min: bounds[0], max: bounds[1], text: this.#textFrom(start) };
    }
    #atom() {
        const start = this.#at;
        const c = this.#next();
        switch (c) {
            case '(':
                return this.#group(start);
            case '[':
                return { kind: 'char', set: this.#class(), text: this.#textFrom(start) };
            case '.':
                return { kind: 'char', set: ANY, text: c };
            case '^':
            case '$':
                return { kind: 'assertion', text: c };
            case '\\':
                if (this.#peek() === 'b' || this.#peek() === 'B')
                    return { kind: 'assertion', text: `\\${this.#next()}` };
                return { kind: 'char', set: this.#escape(false), text: this.#textFrom(start) };
            default:
                return { kind: 'char', set: single(c.codePointAt(0)), text: c };
        }
    }
    #group(start) {
        if (this.#peek() === '?') {
            const kind = this.#peek(1);
            const opening = this.#chars.slice(start, this.#at + 3).join('');
            if (kind === '=' || kind === '!' || (kind === '<' && (this.#peek(2) === '=' || this.#peek(2) === '!'))) {
                throw new Hazard(`has a lookaround ("${opening}..."); lookarounds are refused because they can hide backtracking`);
            }
            if (kind === '<')
                this.#at = this.#chars.indexOf('>', this.#at) + 1;
            else if (kind === ':')
                this.#at += 2;
            else
                throw new Hazard(`has an inline modifier group ("${opening}..."), which cannot be analysed for backtracking; write the cases out`);
        }
        const alternatives = this.#alternatives();
        this.#at++;
        return { kind: 'group', alternatives, text: this.#textFrom(start) };
    }
    /** After a backslash: the characters the escape stands for. */
    #escape(inClass) {
        const start = this.#at - 1;
        const c = this.#next();
        if (/^[1-9]$/.test(c) || c === 'k') {
            if (c === 'k')
                this.#at = this.#chars.indexOf('>', this.#at) + 1;
            throw new Hazard(`has a backreference ("${this.#textFrom(start)}"); backreferences are refused because matching them can take exponential time`);
        }
        if (c === 'd')
            return DIGIT;
        if (c === 'w')
            return WORD;
        if (c === 's')
            return SPACE;
        if (c === 'D')
            return complement(DIGIT);
        if (c === 'W')
            return complement(WORD);
        if (c === 'S')
            return complement(SPACE);
        if (c === 'p' || c === 'P') {
            this.#at = this.#chars.indexOf('}', this.#at) + 1;
            return ANY;
        }
        if (c === 'b' && inClass)
            return single(8);
        if (c in CONTROL_ESCAPES)
            return single(CONTROL_ESCAPES[c]);
        if (c === 'c')
            return single(this.#next().codePointAt(0) % 32);
        if (c === 'x')
            return single(this.#hex(2));
        if (c !== 'u')
            return single(c.codePointAt(0));
        if (this.#peek() === '{') {
            const close = this.#chars.indexOf('}', this.#at);
            const code = parseInt(this.#chars.slice(this.#at + 1, close).join(''), 16);
            this.#at = close + 1;
            return single(code);
        }
        const unit = this.#hex(4);
        // A surrogate pair written as two escapes is one code point.
        if (unit >= 0xd800 && unit <= 0xdbff && this.#peek() === '\\' && this.#peek(1) === 'u' && this.#peek(2) !== '{') {
            const low = parseInt(this.#chars.slice(this.#at + 2, this.#at + 6).join(''), 16);
            if (low >= 0xdc00 && low <= 0xdfff) {
                this.#at += 6;
                return single(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
            }
        }
        return single(unit);
    }
    #hex(digits) {
        const code = parseInt(this.#chars.slice(this.#at, this.#at + digits).join(''), 16);
        this.#at += digits;
        return code;
    }
    /** After `[`: the characters the class can match. */
    #class() {
        const negated = this.#peek() === '^';
        if (negated)
            this.#at++;
        const ranges = [];
        while (this.#peek() !== ']') {
            const low = this.#classAtom();
            if (this.#peek() === '-' && this.#peek(1) !== ']') {
                this.#at++;
                // Both ends of a range are single characters, or the pattern would not have compiled.
                ranges.push([low[0][0], this.#classAtom()[0][1]]);
            }
            else
                ranges.push(...low);
        }
        this.#at++;
        return negated ? complement(ranges) : ranges;
    }
    #classAtom() {
        const c = this.#next();
        return c === '\\' ? this.#escape(true) : single(c.codePointAt(0));
    }
}
function single(code) {
    return [[code, code]];
}
function complement(set) {
    const gaps = [];
    let from = 0;
    for (const [low, high] of [...set].sort((a, b) => a[0] - b[0])) {
        if (low > from)
            gaps.push([from, low - 1]);
        from = Math.max(from, high + 1);
    }
    if (from <= ANY[0][1])
        gaps.push([from, ANY[0][1]]);
    return gaps;
}
function intersects(a, b) {
    return a.some(([lowA, highA]) => b.some(([lowB, highB]) => lowA <= highB && lowB <= highA));
}
function nullable(node) {
    switch (node.kind) {
        case 'char':
            return false;
        case 'assertion':
            return true;
        case 'group':
            return node.alternatives.some((sequence) => sequence.every(nullable));
        case 'repeat':
            return node.min === 0 || nullable(node.body);
    }
}
/** The characters a match of the node can start with. */
function firsts(node) {
    switch (node.kind) {
        case 'char':
            return node.set;
        case 'assertion':
            return [];
        case 'group':
            return node.alternatives.flatMap(sequenceFirsts);
        case 'repeat':
            return node.max === 0 ? [] : firsts(node.body);
    }
}
function sequenceFirsts(sequence) {
    const set = [];
    for (const node of sequence) {
        set.push(...firsts(node));
        if (!nullable(node))
            break;
    }
    return set;
}
/** Every character a match of the node can contain. */
function chars(node) {
    switch (node.kind) {
        case 'char':
            return node.set;
        case 'assertion':
            return [];
        case 'group':
            return node.alternatives.flat().flatMap(chars);
        case 'repeat':
            return chars(node.body);
    }
}
function children(node) {
    if (node.kind === 'group')
        return node.alternatives.flat();
    return node.kind === 'repeat' ? [node.body] : [];
}
/** The node or its first descendant that passes the test. */
function find(node, test) {
    if (test(node))
        return node;
    for (const child of children(node)) {
        const found = find(child, test);
        if (found)
            return found;
    }
    return undefined;
}
const varies = (node) => node.kind === 'repeat' && node.min !== node.max;
/** Can take a number of characters that grows with the claim. */
const regex_hazards_open = (node) => find(node, (n) => n.kind === 'repeat' && n.max - n.min > LONG_REPEAT) !== undefined;
function sequenceText(sequence) {
    return sequence.map((node) => node.text).join('');
}
function overlappingAlternatives(node) {
    if (node.kind !== 'group')
        return undefined;
    const starts = node.alternatives.map(sequenceFirsts);
    for (let i = 0; i < node.alternatives.length; i++) {
        if (node.alternatives[i].every(nullable))
            return `"${sequenceText(node.alternatives[i])}" in "${node.text}" can match nothing`;
        for (let j = i + 1; j < node.alternatives.length; j++) {
            if (intersects(starts[i], starts[j])) {
                return `"${sequenceText(node.alternatives[i])}" and "${sequenceText(node.alternatives[j])}" in "${node.text}" can start with the same character`;
            }
        }
    }
    return undefined;
}
/** A group of one alternative, not repeated, adds nothing to a sequence but its items. */
function flatten(sequence) {
    return sequence.flatMap((node) => (node.kind === 'group' && node.alternatives.length === 1 ? flatten(node.alternatives[0]) : [node]));
}
function sequenceHazard(sequence) {
    const items = flatten(sequence);
    for (let i = 0; i < items.length; i++) {
        const first = items[i];
        if (!find(first, varies))
            continue;
        const taken = chars(first);
        for (let j = i + 1; j < items.length; j++) {
            const item = items[j];
            if (find(item, varies) && (regex_hazards_open(first) || regex_hazards_open(item)) && intersects(firsts(item), taken)) {
                return `has "${first.text}" and then "${item.text}", which can match the same characters with nothing required in between that stops the first; matching can take time growing as a power of the claim's length`;
            }
            // A required character that the first cannot match ends its reach: nothing after it competes with it.
            if (!nullable(item) && !intersects(chars(item), taken))
                break;
        }
    }
    return undefined;
}
/**
 * A repeated part that starts with a required character none of its quantifiers can match, and in
 * which every quantifier is stopped by what follows it, as in `(\.[0-9]+)*` or `(-[a-z]+)*`: each
 * repetition starts at such a character and ends at one place, so the repetitions can be told apart.
 */
function delimited(body) {
    if (body.kind !== 'group' || body.alternatives.length !== 1)
        return false;
    const [head, ...rest] = flatten(body.alternatives[0]);
    if (head?.kind !== 'char')
        return false;
    return rest.every((item, index) => {
        if (item.kind === 'char' || item.kind === 'assertion')
            return true;
        if (item.kind !== 'repeat' || item.body.kind !== 'char')
            return false;
        if (!varies(item))
            return true;
        if (intersects(item.body.set, head.set))
            return false;
        for (const next of rest.slice(index + 1)) {
            if (intersects(firsts(next), item.body.set))
                return false;
            if (!nullable(next))
                break;
        }
        return true;
    });
}
function hazardIn(node) {
    if (node.kind === 'repeat' && node.max > 1) {
        const inner = find(node.body, varies);
        if (inner && !delimited(node.body))
            return `repeats "${node.body.text}", which has a quantifier of its own ("${inner.text}"): a nested quantifier can take exponential time`;
        if (nullable(node.body))
            return `repeats "${node.body.text}", which can match nothing`;
        const overlap = find(node.body, (n) => overlappingAlternatives(n) !== undefined);
        if (overlap)
            return `repeats "${node.body.text}", where ${overlappingAlternatives(overlap)}: each repetition could go either way, which can take exponential time`;
    }
    if (node.kind === 'group') {
        for (const sequence of node.alternatives) {
            const hazard = sequenceHazard(sequence);
            if (hazard)
                return hazard;
        }
    }
    for (const child of children(node)) {
        const hazard = hazardIn(child);
        if (hazard)
            return hazard;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/policy/matchers.ts


/**
 * The policy's glob language, kept deliberately small so that a reviewer can predict every match:
 * - `**` matches any run of characters, `/` included, or none;
 * - `*` matches any run of characters other than `/`, or none;
 * - every other character, `?`, `[`, `{`, `(` and `\` included, stands for itself.
 * General-purpose glob libraries add classes, braces, groups and escapes, and treat `**` as special only
 * as a whole path segment; in a policy those extras are surprises, so they are not offered.
 */
function globProblem(pattern) {
    if (pattern === '')
        return 'is empty';
    if (pattern.includes('***'))
        return 'has three or more `*` in a row; use `*` within a segment or `**` across segments';
    return undefined;
}
/**
 * The glob as an anchored regex, for exports to engines that do not backtrack (CEL's RE2). The broker
 * itself matches globs with `globMatches`: in V8 this regex takes polynomial time in the claim's length,
 * to the power of the number of wildcards (`**a**a**a` against a long run of `a`).
 */
function globToRegExp(pattern) {
    const source = pattern
        .split('**')
        .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
        .join('.*');
    return new RegExp(`^${source}$`, 'su');
}
/** A regex condition matches the whole claim: the pattern is always anchored as `^(?:pattern)$`. */
function regexProblem(pattern) {
    return regexIssue(pattern)?.problem;
}
/** What is wrong with a regex and, when it would backtrack badly, how to write it instead. */
function regexIssue(pattern) {
    if (pattern === '')
        return { problem: 'is empty' };
    try {
        anchoredRegExp(pattern);
    }
    catch (error) {
        return { problem: `is not a valid regular expression (${error.message})` };
    }
    const hazard = regexHazard(pattern);
    return hazard === undefined ? undefined : { problem: hazard, hint: REGEX_HAZARD_HINT };
}
function anchoredRegExp(pattern) {
    return new RegExp(`^(?:${pattern})$`, 'u');
}
function matches(matcher, value) {
    switch (matcher.kind) {
        case 'equals':
            return matcher.values.includes(value);
        case 'glob':
            return globMatches(matcher.pattern, value);
        case 'regex':
            return matcher.regExp.test(value);
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


/***/ })

};
