export const id = 270;
export const ids = [270];
export const modules = {

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
