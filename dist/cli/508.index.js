export const id = 508;
export const ids = [508];
export const modules = {

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

/***/ 98127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyInit: () => (/* binding */ policyInit)
});

// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(55359);
// EXTERNAL MODULE: ./src/policy/lint/policy-lint.ts + 2 modules
var policy_lint = __webpack_require__(41270);
// EXTERNAL MODULE: ./src/policy/load.ts + 2 modules
var load = __webpack_require__(39485);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/scan/trust-import/policy-yaml.ts
var policy_yaml = __webpack_require__(37504);
;// CONCATENATED MODULE: ./src/scan/trust-import/aws-trust-policy.ts


const WEB_IDENTITY = 'sts:assumerolewithwebidentity';
const PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):oidc-provider\/(.+)$/;
const list = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * A policy that decides as an IAM trust policy does for web identity: an allow rule per Allow
 * statement and a deny rule per Deny statement, per OIDC provider it trusts, with the StringEquals and
 * StringLike tests on that provider's claims. Whatever else a statement says cannot be carried over,
 * and the policy never admits more for it: an Allow statement with such a condition is left out, a
 * Deny statement keeps the rest of its conditions (denying more). Each is said in the notes.
 */
function importAwsTrustPolicy(text, file, role) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not JSON: ${error.message}.`, { hint: 'Give the trust policy document, as `aws iam get-role --query Role.AssumeRolePolicyDocument` prints it.' });
    }
    if (!isRecord(document) || list(document.Statement).length === 0)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} has no Statement.`, { hint: 'Give an IAM policy document: {"Version": "2012-10-17", "Statement": [...]}.' });
    const notes = [];
    const rules = [];
    const issuers = [];
    let account;
    list(document.Statement).forEach((raw, index) => {
        const statement = (isRecord(raw) ? raw : {});
        const label = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `statement-${index + 1}`;
        const effect = statement.Effect === 'Deny' ? 'deny' : statement.Effect === 'Allow' ? 'allow' : undefined;
        const skip = (why) => void notes.push(`Statement ${label} is not carried over: ${why}.`);
        if (effect === undefined)
            return skip('its Effect is neither Allow nor Deny');
        if (statement.NotPrincipal !== undefined || statement.NotAction !== undefined)
            return skip('NotPrincipal and NotAction have no equivalent in a policy');
        const actions = list(statement.Action).map((action) => String(action).toLowerCase());
        if (!actions.some((action) => action === WEB_IDENTITY || action === 'sts:*' || action === '*'))
            return skip('it is not about sts:AssumeRoleWithWebIdentity');
        const providers = list(isRecord(statement.Principal) ? statement.Principal.Federated : undefined).map(String);
        const oidc = providers.flatMap((arn) => {
            const match = PROVIDER_ARN.exec(arn);
            return match ? [{ account: match[1], prefix: match[2] }] : [];
        });
        if (oidc.length === 0)
            return skip('its principal is no OIDC identity provider');
        for (const provider of oidc) {
            account ??= provider.account;
            const issuer = `https://${provider.prefix}`;
            if (!issuers.includes(issuer))
                issuers.push(issuer);
            const converted = conditions(statement.Condition, provider.prefix, label, effect, notes);
            if (converted === undefined)
                continue;
            if (converted.size === 0 && effect === 'deny') {
                notes.push(`Deny statement ${label} has no condition left that a rule can state, so it is not carried over; the broker admits what it denied.`);
                continue;
            }
            rules.push({ name: label, effect, issuer, match: converted });
        }
    });
    if (!rules.some((rule) => rule.effect === 'allow'))
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} allows no OIDC provider's tokens that a policy can state.`, { hint: notes.join(' ') || 'Give the trust policy of a role that CI jobs assume with web identity.' });
    const audiences = sharedAudiences(rules);
    for (const rule of rules) {
        if (audiences.length > 0 && rule.effect === 'allow')
            rule.match.delete('aud');
        if (issuers.length === 1)
            rule.issuer = undefined;
    }
    const grantRole = role ?? `arn:aws:iam::${account}:role/TODO`;
    const policy = { issuers, audiences, rules, grant: { text: `{aws: {roles: [${JSON.stringify(grantRole)}]}}`, todo: role === undefined ? 'the role this trust policy belongs to (--role)' : undefined }, origin: file };
    return { policy: (0,policy_yaml/* policyYaml */.es)(policy), notes };
}
/** The audience every allow rule requires exactly, when they agree: the policy's `audiences:`. */
function sharedAudiences(rules) {
    const sets = rules.filter((rule) => rule.effect === 'allow').map((rule) => rule.match.get('aud'));
    const first = sets[0];
    if (!first || !('equals' in first))
        return [];
    const same = sets.every((set) => set !== undefined && 'equals' in set && set.equals.length === first.equals.length && set.equals.every((value) => first.equals.includes(value)));
    return same ? [...first.equals] : [];
}
/**
 * A statement's conditions on one provider's keys as claim tests; undefined when an Allow statement has
 * a condition that cannot be stated (it is then left out rather than widened).
 */
function conditions(block, prefix, label, effect, notes) {
    const match = new Map();
    const lost = [];
    for (const [operator, tests] of Object.entries(isRecord(block) ? block : {})) {
        for (const [key, raw] of Object.entries(isRecord(tests) ? tests : {})) {
            const values = list(raw).map(String);
            const claim = key.toLowerCase().startsWith(`${prefix.toLowerCase()}:`) ? key.slice(prefix.length + 1) : undefined;
            const value = claim === undefined ? undefined : operator === 'StringEquals' ? equalsValue(values) : operator === 'StringLike' ? likeValue(values) : undefined;
            if (claim === undefined || value === undefined || match.has(claim))
                lost.push(`${operator} on ${key}`);
            else
                match.set(claim, value);
        }
    }
    if (lost.length === 0)
        return match;
    if (effect === 'allow') {
        notes.push(`Allow statement ${label} is left out: a policy cannot state ${lost.join(', ')}, and leaving a condition out would admit more.`);
        return undefined;
    }
    notes.push(`Deny statement ${label} is carried over without ${lost.join(', ')}, which a policy cannot state: the rule denies more than the statement did.`);
    return match;
}
/** StringEquals values, unless one holds a policy variable, which IAM fills in from the request. */
function equalsValue(values) {
    return values.some((value) => value.includes('${')) ? undefined : { equals: [...values] };
}
/**
 * StringLike values as one test: exact values when none has a wildcard, a glob when one pattern has
 * only `*` (IAM's `*` crosses "/", as the glob's `**` does), otherwise a regex. Undefined when a value
 * holds a policy variable, which depends on the request.
 */
function likeValue(values) {
    const parsed = values.map(parseLike);
    if (parsed.some((tokens) => tokens === undefined))
        return undefined;
    const patterns = parsed;
    const wild = patterns.some((tokens) => tokens.some((token) => 'wildcard' in token));
    if (!wild)
        return { equals: patterns.map((tokens) => tokens.map((token) => ('literal' in token ? token.literal : '')).join('')) };
    const only = patterns[0];
    if (patterns.length === 1 && only.every((token) => ('wildcard' in token ? token.wildcard === '*' : !token.literal.includes('*')))) {
        return { glob: only.map((token) => ('literal' in token ? token.literal : '**')).join('').replace(/\*{3,}/g, '**').replace(/(\*\*)+/g, '**') };
    }
    const regex = patterns.map((tokens) => tokens.map((token) => ('literal' in token ? (0,policy_yaml/* quoteRe2 */.GI)(token.literal) : token.wildcard === '*' ? '(?s:.*)' : '(?s:.)')).join(''));
    return { regex: regex.length === 1 ? regex[0] : regex.map((alternative) => `(?:${alternative})`).join('|') };
}
/** IAM's StringLike value: `*` and `?` wildcards, `${*}`, `${?}` and `${$}` literal; any other `${…}` is a variable. */
function parseLike(value) {
    const tokens = [];
    for (let index = 0; index < value.length; index++) {
        const char = value[index];
        if (char === '$' && value[index + 1] === '{') {
            const escape = /^\$\{([*?$])\}/.exec(value.slice(index));
            if (!escape)
                return undefined;
            tokens.push({ literal: escape[1] });
            index += escape[0].length - 1;
        }
        else if (char === '*' || char === '?')
            tokens.push({ wildcard: char });
        else
            tokens.push({ literal: char });
    }
    return tokens;
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/parse.js + 3 modules
var parse = __webpack_require__(53340);
// EXTERNAL MODULE: ./src/policy/types.ts
var types = __webpack_require__(63943);
// EXTERNAL MODULE: ./src/scan/plan/draft-policy.ts
var draft_policy = __webpack_require__(28841);
;// CONCATENATED MODULE: ./src/scan/trust-import/gcp-attribute-condition.ts





/**
 * A policy that decides as a workload identity pool provider's attribute condition does: the condition
 * read as `!(deny) && … && (allow || …)`, each conjunction a rule of tests on claims (==, in, matches,
 * startsWith, endsWith, contains, on a claim or on the strings of a list claim), with the presence and
 * type guards the export writes. Whatever else it says cannot be carried over, and the policy never
 * admits more for it: an allow branch holding it is left out, a deny branch keeps the rest. Each is said.
 */
function importGcpAttributeCondition(text, file, options = {}) {
    let root;
    try {
        root = (0,parse/* parse */.q)(text.trim()).expr;
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not a CEL expression: ${error.message.split('\n')[0]}.`, { hint: 'Give the attribute condition as `gcloud iam workload-identity-pools providers describe` prints it.' });
    }
    const notes = [];
    const terms = flatten(root, '_&&_');
    const denies = terms.filter((term) => call(term, '!_'));
    const alternatives = terms.filter((term) => call(term, '_||_'));
    const common = terms.filter((term) => !denies.includes(term) && !alternatives.includes(term));
    if (alternatives.length > 1)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} joins several disjunctions with &&; policy init reads one (the allow rules) beside negated deny conjunctions.`, { hint: 'Write it as !(deny) && … && (allow || allow), as `policy export --gcp-attribute-condition` does.' });
    const branches = alternatives.length === 0 ? [common] : flatten(alternatives[0], '_||_').map((branch) => [...common, ...flatten(branch, '_&&_')]);
    const rules = [];
    denies.forEach((deny, index) => {
        const name = `deny-${index + 1}`;
        const { match, lost } = conjunction(flatten(call(deny, '!_')[0], '_&&_'));
        if (lost.length > 0)
            notes.push(`Deny rule ${name} is carried over without ${lost.join('; ')}, which a policy cannot state: it denies more than the condition did.`);
        if (match.size === 0)
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file}: no test of a deny branch can be stated in a policy, and leaving the branch out would admit more.`, { hint: notes.join(' ') });
        rules.push({ name, effect: 'deny', match });
    });
    branches.forEach((branch, index) => {
        const name = `allow-${index + 1}`;
        const { match, lost } = conjunction(branch);
        if (lost.length > 0)
            notes.push(`Allow branch ${name} is left out: a policy cannot state ${lost.join('; ')}, and leaving a test out would admit more.`);
        else if (match.size === 0)
            notes.push(`Allow branch ${name} tests nothing a policy can bind, and is left out.`);
        else
            rules.push({ name, effect: 'allow', match });
    });
    if (!rules.some((rule) => rule.effect === 'allow'))
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} has no allow branch a policy can state.`, { hint: notes.join(' ') || 'Give the attribute condition of a provider that CI jobs use.' });
    notes.push("Google checks the audience against the provider's allowed audiences, outside the condition: add `audiences:` to the policy if the broker should check it too.");
    // A branch that tests `iss` belongs to that issuer, as a rule's `issuer:` does.
    const issuers = [options.issuer ?? types/* GITHUB_ACTIONS_ISSUER */.q];
    for (const rule of rules) {
        const iss = rule.match.get('iss');
        if (!iss || !('equals' in iss) || iss.equals.length !== 1)
            continue;
        rule.issuer = iss.equals[0];
        rule.match.delete('iss');
        if (!issuers.includes(rule.issuer))
            issuers.push(rule.issuer);
    }
    const provider = options.provider ?? draft_policy/* TODO_PROVIDER */.bm;
    const accounts = options.serviceAccount === undefined ? '' : `, service-accounts: [${JSON.stringify(options.serviceAccount)}]`;
    const todo = options.provider === undefined ? 'the workload identity pool provider (--gcp-provider)' : undefined;
    const policy = (0,policy_yaml/* policyYaml */.es)({ issuers, audiences: [], rules, grant: { text: `{gcp: {workload-identity-provider: ${JSON.stringify(provider)}${accounts}}}`, todo }, origin: file });
    return { policy, notes };
}
function call(expr, name) {
    return expr?.exprKind.case === 'callExpr' && expr.exprKind.value.function === name ? expr.exprKind.value.args : undefined;
}
function flatten(expr, operator) {
    const args = call(expr, operator);
    return args ? args.flatMap((arg) => flatten(arg, operator)) : [expr];
}
function stringOf(expr) {
    const constant = expr?.exprKind.case === 'constExpr' ? expr.exprKind.value.constantKind : undefined;
    return constant?.case === 'stringValue' ? constant.value : undefined;
}
/** The claim `assertion.X`, `assertion["X"]`, or (inside a list claim's exists()) the loop variable stands for. */
function claimOf(expr, loop) {
    if (!expr)
        return undefined;
    if (expr.exprKind.case === 'identExpr')
        return loop && expr.exprKind.value.name === loop.variable ? loop.claim : undefined;
    if (expr.exprKind.case === 'selectExpr' && !expr.exprKind.value.testOnly) {
        const operand = expr.exprKind.value.operand;
        return operand?.exprKind.case === 'identExpr' && operand.exprKind.value.name === 'assertion' ? expr.exprKind.value.field : undefined;
    }
    const index = call(expr, '_[_]');
    return index && index[0]?.exprKind.case === 'identExpr' && index[0].exprKind.value.name === 'assertion' ? stringOf(index[1]) : undefined;
}
/** A presence or type guard the export writes before a test: implied by the test, as the broker reads it. */
function isGuard(expr, loop) {
    if (expr.exprKind.case === 'selectExpr' && expr.exprKind.value.testOnly)
        return true;
    const within = call(expr, '@in');
    if (within && stringOf(within[0]) !== undefined && within[1]?.exprKind.case === 'identExpr' && within[1].exprKind.value.name === 'assertion')
        return true;
    const equal = call(expr, '_==_');
    const typed = equal && call(equal[0], 'type');
    return typed !== undefined && claimOf(typed[0], loop) !== undefined && equal[1]?.exprKind.case === 'identExpr' && equal[1].exprKind.value.name === 'string';
}
/** One test on a claim as a claim value, or undefined when a policy cannot state it. */
function test(expr, loop) {
    const equal = call(expr, '_==_');
    if (equal) {
        const [left, right] = stringOf(equal[1]) !== undefined ? equal : [equal[1], equal[0]];
        const claim = claimOf(left, loop);
        const value = stringOf(right);
        return claim !== undefined && value !== undefined ? [claim, { equals: [value] }] : undefined;
    }
    const within = call(expr, '@in');
    if (within) {
        const claim = claimOf(within[0], loop);
        const list = within[1]?.exprKind.case === 'listExpr' ? within[1].exprKind.value.elements.map(stringOf) : [];
        return claim !== undefined && list.length > 0 && list.every((value) => value !== undefined) ? [claim, { equals: list }] : undefined;
    }
    if (expr.exprKind.case === 'callExpr' && expr.exprKind.value.target) {
        const { function: method, target, args } = expr.exprKind.value;
        const claim = claimOf(target, loop);
        const argument = stringOf(args[0]);
        if (claim === undefined || argument === undefined || args.length !== 1)
            return undefined;
        // CEL's matches() finds the pattern anywhere in the string; a pattern anchored at both ends reads as written.
        if (method === 'matches')
            return [claim, { regex: /^(\(\?s\))?\^/.test(argument) && /(?<!\\)\$$/.test(argument) ? argument : `(?s:.*)(?:${argument})(?s:.*)` }];
        const literal = (0,policy_yaml/* quoteRe2 */.GI)(argument);
        const regex = method === 'startsWith' ? `${literal}(?s:.*)` : method === 'endsWith' ? `(?s:.*)${literal}` : method === 'contains' ? `(?s:.*)${literal}(?s:.*)` : undefined;
        return regex === undefined ? undefined : [claim, { regex }];
    }
    return listTest(expr);
}
/** The export's test on a list claim: `(type(x) == list ? x : [x]).exists(v, type(v) == string && TEST(v))`. */
function listTest(expr) {
    if (expr.exprKind.case !== 'comprehensionExpr')
        return undefined;
    const { iterRange, iterVar, loopStep } = expr.exprKind.value;
    const range = call(iterRange, '_?_:_');
    const claim = claimOf(range?.[1], undefined);
    const predicate = call(loopStep, '_||_')?.[1];
    if (claim === undefined || !predicate)
        return undefined;
    const loop = { variable: iterVar, claim };
    const tests = flatten(predicate, '_&&_').filter((term) => !isGuard(term, loop));
    return tests.length === 1 ? test(tests[0], loop) : undefined;
}
function conjunction(terms) {
    const match = new Map();
    const lost = [];
    for (const term of terms.filter((candidate) => !isGuard(candidate, undefined))) {
        const found = test(term, undefined);
        if (found && !match.has(found[0]))
            match.set(...found);
        else
            lost.push(found ? `a second test on ${found[0]}` : `a test of the form ${kindOf(term)}`);
    }
    return { match, lost };
}
function kindOf(expr) {
    return expr.exprKind.case === 'callExpr' ? expr.exprKind.value.function.replace(/^_|_$/g, '').replace(/_/g, ' ') : (expr.exprKind.case ?? 'unknown');
}

// EXTERNAL MODULE: ./src/cli/cli-output.ts + 1 modules
var cli_output = __webpack_require__(10524);
// EXTERNAL MODULE: ./src/cli/commands/input-files.ts
var input_files = __webpack_require__(68315);
;// CONCATENATED MODULE: ./src/cli/commands/policy-init.ts








/**
 * `policy init`: a policy from trust that exists. The policy goes to stdout, what could not be carried
 * over and the policy's lint to stderr. Exit 0 written, 1 written with lint errors, 2 invalid input.
 */
function policyInit(options) {
    return (0,cli_output/* runCommand */.d1)(options.format, () => cli_output/* Exit */.Jc.Usage, async () => {
        const { fromAwsTrustPolicy: aws, fromGcpAttributeCondition: gcp } = options;
        if ((aws === undefined) === (gcp === undefined)) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'policy init needs one of --from-aws-trust-policy FILE.json and --from-gcp-attribute-condition FILE.', { hint: 'Give the trust your CI role or workload identity pool provider has now.' });
        }
        const result = aws !== undefined
            ? importAwsTrustPolicy(await (0,input_files/* readInputFile */.j)(aws, 'trust policy'), aws, options.role)
            : importGcpAttributeCondition(await (0,input_files/* readInputFile */.j)(gcp, 'attribute condition'), gcp, { issuer: options.issuer, provider: options.gcpProvider, serviceAccount: options.gcpServiceAccount });
        // The loader has the last word: what init writes must be a policy `policy validate` accepts.
        const lint = (0,policy_lint/* lintPolicy */.G)((0,load/* parsePolicy */.ON)(result.policy, 'policy.yml'));
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ policy: result.policy, notes: result.notes, lint });
        else {
            process.stdout.write(result.policy);
            for (const note of result.notes)
                process.stderr.write(`note: ${note}\n`);
            for (const found of lint)
                process.stderr.write(`${(0,finding/* formatFinding */.t)(found)}\n`);
        }
        return lint.some((found) => found.severity === 'error') ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Ok;
    });
}


/***/ })

};
