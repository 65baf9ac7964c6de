export const id = 797;
export const ids = [797];
export const modules = {

/***/ 31797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ lintAwsTrustPolicy)
});

;// CONCATENATED MODULE: ./src/policy/lint/aws-iam-patterns.ts
/**
 * Reads a condition value or action. Only StringLike-style operators and actions know wildcards.
 * Policy variables exist in Version 2012-10-17 only: `${*}`, `${?}` and `${$}` stand for the literal
 * character, and any other `${…}` is replaced by a request value, which the lint cannot know, so it
 * counts as `*`.
 */
function parsePattern(text, options) {
    const tokens = [];
    for (let at = 0; at < text.length; at++) {
        const char = text[at];
        if (options.variables && text.startsWith('${', at)) {
            const end = text.indexOf('}', at);
            if (end > 0) {
                const name = text.slice(at + 2, end);
                tokens.push(name === '*' || name === '?' || name === '$' ? { kind: 'char', char: name } : { kind: 'any' });
                at = end;
                continue;
            }
        }
        if (options.wildcards && char === '*')
            tokens.push({ kind: 'any' });
        else if (options.wildcards && char === '?')
            tokens.push({ kind: 'one' });
        else
            tokens.push({ kind: 'char', char });
    }
    return tokens;
}
function hasWildcard(tokens) {
    return tokens.some((token) => token.kind !== 'char');
}
/** The literal text before the first wildcard, and whether that is the whole pattern. */
function literalPrefix(tokens) {
    let prefix = '';
    for (const token of tokens) {
        if (token.kind !== 'char')
            return { prefix, complete: false };
        prefix += token.char;
    }
    return { prefix, complete: true };
}
function literalShape(text) {
    return [...text].map((char) => ({ accepts: (c) => c === char, sample: char, repeats: false }));
}
/** One or more characters that `accepts` takes. */
function runShape(accepts, sample) {
    return [
        { accepts, sample, repeats: false },
        { accepts, sample, repeats: true },
    ];
}
/**
 * A string that both the pattern and the shape admit, or undefined when there is none: a breadth-first
 * walk of the pattern and the shape side by side, each state visited once.
 */
function witness(tokens, shape, ignoreCase = false) {
    const width = shape.length + 1;
    const parents = new Map();
    const start = 0;
    const goal = tokens.length * width + shape.length;
    const queue = [start];
    const seen = new Set([start]);
    const visit = (from, to, char) => {
        if (seen.has(to))
            return;
        seen.add(to);
        parents.set(to, { from, char });
        queue.push(to);
    };
    while (queue.length > 0) {
        const state = queue.shift();
        if (state === goal)
            break;
        const i = Math.floor(state / width);
        const j = state % width;
        const token = tokens[i];
        const step = shape[j];
        if (token?.kind === 'any')
            visit(state, (i + 1) * width + j, '');
        if (step?.repeats)
            visit(state, i * width + j + 1, '');
        if (!token || !step)
            continue;
        const char = token.kind === 'char' ? acceptedSpelling(token.char, step, ignoreCase) : step.sample;
        if (char === undefined)
            continue;
        visit(state, (token.kind === 'any' ? i : i + 1) * width + (step.repeats ? j : j + 1), char);
    }
    if (!seen.has(goal))
        return undefined;
    let text = '';
    for (let state = goal; state !== start;) {
        const parent = parents.get(state);
        text = parent.char + text;
        state = parent.from;
    }
    return text;
}
function acceptedSpelling(char, step, ignoreCase) {
    const spellings = ignoreCase ? [char, char.toLowerCase(), char.toUpperCase()] : [char];
    return spellings.find((spelling) => step.accepts(spelling));
}
function patternMatches(tokens, text, ignoreCase = false) {
    return witness(tokens, literalShape(text), ignoreCase) !== undefined;
}
/** Whether an IAM action pattern (case-insensitive, with `*` and `?`) covers an action. */
function actionMatches(pattern, action) {
    return patternMatches(parsePattern(pattern, { wildcards: true, variables: false }), action, true);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
;// CONCATENATED MODULE: ./src/policy/lint/aws-policy-document.ts


/**
 * Reads a policy document with a parser that keeps positions and refuses nothing, so that duplicate
 * keys (which IAM resolves by keeping one, silently dropping a condition) are found rather than lost.
 * As in JavaScript, the last of two equal keys is the one read.
 */
function readPolicyText(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const location = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    if (document.errors.length > 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not valid JSON: ${document.errors[0].message.split('\n')[0]}`, {
            hint: 'Pass the trust policy document as IAM shows it (aws iam get-role --query Role.AssumeRolePolicyDocument).',
        });
    }
    const root = document.contents;
    const at = (path) => {
        let node = root;
        let offset = root?.range?.[0] ?? 0;
        for (const step of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.findLast((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === step);
                if (!pair)
                    break;
                offset = pair.key.range?.[0] ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof step === 'number' && node.items[step]) {
                node = node.items[step];
                offset = node.range?.[0] ?? offset;
            }
            else
                break;
        }
        return location(offset);
    };
    return { data: document.toJS(), at, duplicateKeys: duplicateKeys(root, location) };
}
/** Every mapping key that appears twice in its mapping, anywhere in the document. */
function duplicateKeys(node, location) {
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((item) => duplicateKeys(item, location));
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const findings = [];
    const seen = new Set();
    for (const pair of node.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
        if (seen.has(key)) {
            findings.push({
                id: 'duplicate-key',
                severity: 'error',
                rule: null,
                message: `The key ${JSON.stringify(key)} appears twice in one object; IAM keeps only one, silently dropping the other's conditions.`,
                fix: 'Merge the two into one key (a condition key may list several values).',
                location: location(pair.key.range?.[0] ?? 0),
            });
        }
        seen.add(key);
        findings.push(...duplicateKeys(pair.value, location));
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/policy/lint/aws-trust-statements.ts

const ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'];
const STRING_OPERATORS = {
    stringequals: { kind: 'exact', negated: false, ignoreCase: false },
    stringnotequals: { kind: 'exact', negated: true, ignoreCase: false },
    stringequalsignorecase: { kind: 'exact', negated: false, ignoreCase: true },
    stringnotequalsignorecase: { kind: 'exact', negated: true, ignoreCase: true },
    stringlike: { kind: 'like', negated: false, ignoreCase: false },
    stringnotlike: { kind: 'like', negated: true, ignoreCase: false },
};
const OTHER_OPERATORS = new Set(['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'].map((name) => name.toLowerCase()));
function parseOperator(name) {
    const parts = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/i.exec(name);
    if (!parts)
        return undefined;
    const set = parts[1] === undefined ? undefined : parts[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
    const base = parts[2].toLowerCase();
    const ifExists = parts[3] !== undefined;
    const string = STRING_OPERATORS[base];
    if (string)
        return { ...string, ifExists, set };
    if (base === 'null' && !ifExists && !set)
        return { kind: 'null', negated: false, ignoreCase: false, ifExists, set };
    if (OTHER_OPERATORS.has(base))
        return { kind: 'other', negated: base.includes('not'), ignoreCase: false, ifExists, set };
    return undefined;
}
const list = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function readStatements(data) {
    if (!isObject(data) || data.Statement === undefined) {
        return { statements: [], problems: [{ message: 'The document has no Statement element: it is not a policy IAM accepts.', path: [] }] };
    }
    const problems = Object.keys(data)
        .filter((key) => !['Version', 'Id', 'Statement'].includes(key))
        .map((key) => ({ message: `IAM does not know the policy element "${key}" (element names are case-sensitive).`, path: [key] }));
    const variables = data.Version === '2012-10-17';
    const raw = Array.isArray(data.Statement) ? data.Statement : [data.Statement];
    const statements = raw.map((statement, index) => readStatement(statement, Array.isArray(data.Statement) ? ['Statement', index] : ['Statement'], index, variables));
    return { statements, problems };
}
function readStatement(raw, path, index, variables) {
    const data = isObject(raw) ? raw : {};
    const problems = [];
    const problem = (message, element) => {
        problems.push({ message, path: element === undefined ? path : [...path, element] });
    };
    if (!isObject(raw))
        problem('A statement must be an object.');
    for (const key of Object.keys(data).filter((key) => !ELEMENTS.includes(key))) {
        problem(`IAM does not know the statement element "${key}" (element names are case-sensitive).`, key);
    }
    const effect = data.Effect === 'Allow' || data.Effect === 'Deny' ? data.Effect : undefined;
    if (!effect)
        problem(`Effect is ${JSON.stringify(data.Effect)}: IAM takes only "Allow" or "Deny", spelt exactly so.`, data.Effect === undefined ? undefined : 'Effect');
    const principalElement = data.NotPrincipal === undefined ? 'Principal' : 'NotPrincipal';
    if ((data.Principal === undefined) === (data.NotPrincipal === undefined))
        problem('A trust policy statement needs exactly one of Principal and NotPrincipal.');
    const actionElement = data.NotAction === undefined ? 'Action' : 'NotAction';
    if ((data.Action === undefined) === (data.NotAction === undefined))
        problem('A statement needs exactly one of Action and NotAction.');
    const patterns = list(data[actionElement]);
    if (patterns.some((pattern) => typeof pattern !== 'string'))
        problem(`${actionElement} must hold strings.`, actionElement);
    if (data.Condition !== undefined && !(isObject(data.Condition) && Object.values(data.Condition).every(isObject))) {
        problem('Condition must map each operator to an object of condition keys.', 'Condition');
    }
    return {
        name: typeof data.Sid === 'string' && data.Sid !== '' ? data.Sid : `Statement[${index}]`,
        path,
        effect,
        principal: readPrincipal(data[principalElement], principalElement === 'NotPrincipal', [...path, principalElement], problem),
        actions: { path: [...path, actionElement], patterns: patterns.filter((p) => typeof p === 'string'), negated: actionElement === 'NotAction' },
        conditions: readConditions(data.Condition, [...path, 'Condition'], variables),
        problems,
    };
}
function readPrincipal(raw, not, path, problem) {
    const principal = { path, everyone: undefined, providers: [] };
    if (raw === undefined)
        return principal;
    if (raw === '*')
        return { ...principal, everyone: not ? 'not-principal' : 'star' };
    if (!isObject(raw)) {
        problem('A principal must be "*" or an object such as {"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST"}.', path.at(-1));
        return principal;
    }
    for (const [type, values] of Object.entries(raw)) {
        if (!PRINCIPAL_TYPES.includes(type))
            problem(`IAM does not know the principal type "${type}".`, path.at(-1));
        for (const value of list(values)) {
            const text = String(value);
            // IAM allows no wildcard in a principal but a lone "*"; anything else with one is read as everyone.
            if (/[*?]/.test(text) && !not)
                principal.everyone ??= type === 'AWS' ? 'aws' : 'federated';
            else if (type === 'Federated' && !/:saml-provider\//i.test(text))
                principal.providers.push(providerPrefix(text));
        }
    }
    if (not)
        principal.everyone = 'not-principal';
    return principal;
}
/** The condition-key prefix of a federated principal: the provider ARN's host and path, or the provider's name itself. */
function providerPrefix(principal) {
    return (/^arn:[^:]*:iam::[^:]*:oidc-provider\/(.+)$/i.exec(principal)?.[1] ?? principal).toLowerCase();
}
function readConditions(raw, path, variables) {
    if (!isObject(raw))
        return [];
    const tests = [];
    for (const [operatorName, block] of Object.entries(raw)) {
        if (!isObject(block))
            continue;
        const operator = parseOperator(operatorName);
        for (const [key, value] of Object.entries(block)) {
            const colon = key.lastIndexOf(':');
            const keyPath = [...path, operatorName, key];
            const items = list(value);
            tests.push({
                operatorName,
                operator,
                key,
                prefix: key.slice(0, Math.max(colon, 0)).toLowerCase(),
                claim: key.slice(colon + 1).toLowerCase(),
                values: items.map((item, index) => {
                    const text = String(item);
                    return { text, tokens: parsePattern(text, { wildcards: operator?.kind === 'like', variables }), path: Array.isArray(value) ? [...keyPath, index] : keyPath };
                }),
                path: keyPath,
            });
        }
    }
    return tests;
}
/** Whether a statement's Action (or NotAction) covers an action. */
function coversAction(actions, action) {
    return actions.patterns.some((pattern) => actionMatches(pattern, action)) !== actions.negated;
}

;// CONCATENATED MODULE: ./src/policy/lint/aws-trust-admission.ts


/**
 * What a trust policy admits, judged by asking whether a token an attacker can obtain satisfies an Allow
 * statement and no Deny statement. An attacker's token is a probe: for each claim, whether it is present
 * and whether it can match a condition value. Where the attacker chooses a value, a condition goes their
 * way: an Allow's holds, a Deny's fails. An Allow condition that holds when its key is missing
 * (…IfExists, ForAllValues) is taken to hold, since a misspelt key or another provider's token lacks
 * the key, and the lint cannot promise it is present.
 */
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
// IDs the job's owner cannot choose, per CI system: GitHub's repository and owner, GitLab's project and
// namespace, Buildkite's pipeline and organisation (its issuer is shared by every organisation), and
// CircleCI's project (its issuer already names the organisation).
const REPOSITORY_ID_CLAIMS = ['repository_id', 'project_id', 'pipeline_id', 'oidc.circleci.com/project-id'];
const OWNER_ID_CLAIMS = ['repository_owner_id', 'namespace_id', 'organization_id'];
const BINDING_CLAIMS = ['sub', ...REPOSITORY_ID_CLAIMS, ...OWNER_ID_CLAIMS];
const CHOSEN = { present: true, match: (tokens) => (tokens.length > 0 && tokens.every((t) => t.kind === 'any') ? 'yes' : 'either') };
const ABSENT = { present: false, match: () => 'no' };
/** The victim's own value, which whatever the document binds it to matches. */
const OWNED = { present: true, match: () => 'yes' };
/** An immutable ID the attacker has but cannot choose: no exact value is theirs. */
const OTHER_ID = { present: true, match: (tokens) => (hasWildcard(tokens) ? 'either' : 'no') };
const concrete = (value) => ({ present: true, match: (tokens, ignoreCase) => (patternMatches(tokens, value, ignoreCase) ? 'yes' : 'no') });
const subjectIn = (scopes) => ({
    present: true,
    match: (tokens, ignoreCase) => (scopes.includes(subjectScope(tokens).scope) ? CHOSEN.match(tokens, ignoreCase) : 'no'),
});
/** A job of a repository whose owner the document does not name: anyone's. */
const FOREIGN = (claim) => (claim === 'sub' ? subjectIn(['open']) : BINDING_CLAIMS.includes(claim) ? OTHER_ID : CHOSEN);
/** A job of another repository of an owner the document names. */
const SIBLING = (claim) => (claim === 'sub' ? subjectIn(['open', 'owner']) : OWNER_ID_CLAIMS.includes(claim) ? OWNED : REPOSITORY_ID_CLAIMS.includes(claim) ? OTHER_ID : CHOSEN);
/** Any job of the provider, its claims chosen at will: whether a statement can match at all. */
const ANY_JOB = () => CHOSEN;
/** A `pull_request` job, with `subject`, of a repository the document binds: its names and IDs are the victim's own. */
function pullRequest(subject) {
    const claims = new Map([
        ['sub', concrete(subject)],
        ['ref', concrete('refs/pull/1/merge')],
        ['event_name', concrete('pull_request')],
        ['repository', OWNED],
        ['repository_owner', OWNED],
        // A job that names an environment gets an environment subject instead.
        ['environment', ABSENT],
    ]);
    return (claim) => claims.get(claim) ?? (BINDING_CLAIMS.includes(claim) ? OWNED : CHOSEN);
}
const isName = (char) => /[A-Za-z0-9._-]/.test(char);
const PULL_REQUEST_SUBJECT = [...literalShape('repo:'), ...runShape(isName, 'x'), ...literalShape('/'), ...runShape(isName, 'x'), ...literalShape(':pull_request')];
const ANY_PULL_REQUEST = 'repo:OWNER/REPO:pull_request';
/** The pull request subjects to try against a provider: one each value of the document's `sub` conditions admits, and one any repository has. */
function pullRequestSubjects(statements, provider) {
    const subjects = statements.flatMap((statement) => statement.conditions
        .filter((test) => statement.effect === 'Allow' && test.prefix === provider && test.claim === 'sub' && isPositiveComparison(test))
        .flatMap((test) => test.values.map((value) => witness(value.tokens, PULL_REQUEST_SUBJECT, test.operator.ignoreCase)))
        .filter((subject) => subject !== undefined));
    return [...new Set([...subjects, ANY_PULL_REQUEST])];
}
/** A StringEquals- or StringLike-style test that a value must match, rather than avoid. */
function isPositiveComparison(test) {
    return (test.operator?.kind === 'exact' || test.operator?.kind === 'like') && !test.operator.negated;
}
/** Whether GitHub issues the provider's tokens, by its host or by the subjects the document expects of it. */
function isGitHubProvider(statements, provider) {
    if (/(^|\.)githubusercontent\.com(\/|$)|\/_services\/token$/.test(provider))
        return true;
    return statements.some((s) => s.conditions.some((test) => test.prefix === provider && test.claim === 'sub' && test.values.some((v) => literalPrefix(v.tokens).prefix.startsWith('repo:'))));
}
const SUBJECT_FORMATS = [
    // GitHub: repo:OWNER/REPO:…, and custom subject templates that lead with the immutable IDs.
    { repository: /^repo:[^/:]+\/[^/:]+/, owner: /^repo:[^/:]+\//, separator: ':' },
    { repository: /^(?:repository_owner_id:\d+:)?repository_id:\d+/, owner: /^repository_owner_id:\d+:/, separator: ':' },
    // GitLab: project_path:GROUP/PROJECT:ref_type:…:ref:…
    { repository: /^project_path:[^:]+/, owner: /^project_path:[^/:]+\//, separator: ':' },
    // CircleCI: org/ORG/project/PROJECT/user/USER
    { repository: /^org\/[^/]+\/project\/[^/]+/, owner: /^org\/[^/]+\//, separator: '/' },
    // Buildkite: organization:ORG:pipeline:PIPELINE:ref:…
    { repository: /^organization:[^:]+:pipeline:[^:]+/, owner: /^organization:[^:]+:/, separator: ':' },
];
function subjectScope(tokens) {
    const { prefix, complete } = literalPrefix(tokens);
    for (const format of SUBJECT_FORMATS) {
        const repository = format.repository.exec(prefix)?.[0];
        // The repository's name must be ended by the separator, or `app*` would also admit `app-fork`.
        if (repository !== undefined && (prefix.length > repository.length ? prefix[repository.length] === format.separator : complete))
            return { scope: 'repository', named: repository };
    }
    if (complete)
        return { scope: 'unrecognised' };
    for (const format of SUBJECT_FORMATS) {
        const owner = format.owner.exec(prefix)?.[0];
        if (owner !== undefined)
            return { scope: 'owner', named: owner };
    }
    return { scope: 'open' };
}
/** The claim of a condition key for a token of `provider`: another provider's keys are absent; global keys (aws:…) are the caller's to choose. */
function claimOf(test, provider, probe) {
    if (test.prefix === provider)
        return probe(test.claim);
    return /[./]/.test(test.prefix) ? ABSENT : CHOSEN;
}
function holds(test, provider, probe, effect) {
    const operator = test.operator;
    // An operator the lint cannot compare binds nothing in an Allow and protects nothing in a Deny.
    if (!operator || operator.kind === 'other')
        return effect === 'Allow';
    if (effect === 'Allow' && (operator.ifExists || operator.set === 'ForAllValues'))
        return true;
    const claim = claimOf(test, provider, probe);
    if (operator.kind === 'null')
        return test.values.some((value) => (value.text.toLowerCase() === 'true') !== claim.present);
    if (!claim.present)
        return operator.negated || operator.ifExists || operator.set === 'ForAllValues';
    const results = test.values.map((value) => claim.match(value.tokens, operator.ignoreCase));
    let result = results.includes('yes') ? 'yes' : results.includes('either') ? 'either' : 'no';
    if (operator.negated)
        result = result === 'yes' ? 'no' : result === 'no' ? 'yes' : 'either';
    return effect === 'Allow' ? result !== 'no' : result === 'yes';
}
function coversProvider(statement, provider) {
    const { everyone, providers } = statement.principal;
    if (everyone === 'not-principal')
        return !providers.includes(provider);
    // Whether {"AWS": "*"} reaches federated callers is the one doubt; it is resolved against the Deny.
    if (everyone === 'star' || everyone === 'federated' || (everyone === 'aws' && statement.effect === 'Allow'))
        return true;
    return providers.includes(provider);
}
function statementMatches(statement, provider, probe) {
    return (statement.effect !== undefined &&
        coversProvider(statement, provider) &&
        coversAction(statement.actions, WEB_IDENTITY) &&
        statement.conditions.every((test) => holds(test, provider, probe, statement.effect)));
}
/** Whether the Allow statement admits the probe's token and no Deny statement of the document refuses it. */
function admits(statements, allow, provider, probe) {
    return statementMatches(allow, provider, probe) && !statements.some((s) => s.effect === 'Deny' && statementMatches(s, provider, probe));
}
/** Whether any token of the provider can satisfy the statement, Deny statements aside. */
function reachable(allow, provider) {
    return statementMatches(allow, provider, ANY_JOB);
}

// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(55359);
;// CONCATENATED MODULE: ./src/policy/lint/aws-trust-policy-lint.ts





const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', WEB_IDENTITY, 'sts:AssumeRoot'];
/** Actions a web identity trust statement has no use for: a pattern that covers one is broader than needed. */
const UNNEEDED_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoot', 'sts:SetContext', 'sts:GetFederationToken', 'sts:GetSessionToken', 'sts:DecodeAuthorizationMessage'];
/**
 * Lints an IAM trust policy that trusts an OIDC provider, for what its statements admit rather than
 * how they are spelt: every Allow statement is judged on its own, against tokens an attacker can get
 * (another owner's repository, another repository of the same owner, a pull request), with the
 * document's Deny statements taken into account. Errors are what `lint aws-trust-policy` fails on.
 */
function lintAwsTrustPolicy(text, file) {
    const policy = readPolicyText(text, file);
    const { statements, problems } = readStatements(policy.data);
    const findings = [...policy.duplicateKeys];
    for (const problem of problems) {
        findings.push({ id: 'malformed-document', severity: 'error', rule: null, message: problem.message, fix: 'Write the document as IAM takes it: {"Version": "2012-10-17", "Statement": [...]}.', location: policy.at(problem.path) });
    }
    for (const statement of statements) {
        for (const problem of statement.problems) {
            findings.push({
                id: 'malformed-statement',
                severity: 'error',
                rule: statement.name,
                message: `${problem.message} IAM refuses the document, so what it would admit cannot be promised.`,
                fix: 'Correct the statement to IAM’s grammar: Effect, Principal, Action and Condition, spelt exactly so.',
                location: policy.at(problem.path),
            });
        }
        if (statement.effect === 'Allow')
            findings.push(...lintAllow(statement, statements, policy.at));
    }
    return (0,finding/* sortFindings */.T)(findings);
}
function verdictFor(statement, statements, provider) {
    const foreign = admits(statements, statement, provider, FOREIGN);
    if (foreign)
        return { provider, foreign, sibling: false, pullRequests: [] };
    return {
        provider,
        foreign,
        sibling: admits(statements, statement, provider, SIBLING),
        pullRequests: isGitHubProvider(statements, provider) ? pullRequestSubjects(statements, provider).filter((subject) => admits(statements, statement, provider, pullRequest(subject))) : [],
    };
}
function lintAllow(statement, statements, at) {
    const { principal, actions } = statement;
    const open = principal.everyone !== undefined;
    const webIdentity = coversAction(actions, WEB_IDENTITY);
    const named = principal.everyone === 'not-principal' ? [] : principal.providers;
    if (!((webIdentity && named.length > 0) || (open && ASSUME_ACTIONS.some((action) => coversAction(actions, action)))))
        return [];
    const findings = [];
    const add = (id, severity, path, message, fix) => {
        findings.push({ id, severity, rule: statement.name, message, fix, location: at(path) });
    };
    if (open) {
        const who = principal.everyone === 'not-principal' ? 'NotPrincipal admits every principal but those it lists' : 'The principal is everyone';
        add('open-principal', 'error', principal.path, `${who}: any identity provider in the account, and with sts:AssumeRole any AWS account, may use this statement; only its conditions stand in the way.`, 'Name the OIDC provider: "Principal": {"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST"}.');
    }
    const unneeded = UNNEEDED_ACTIONS.filter((action) => coversAction(actions, action));
    if (unneeded.length > 0) {
        const written = actions.negated ? `NotAction ${JSON.stringify(actions.patterns)}` : `Action ${JSON.stringify(actions.patterns)}`;
        add('broad-action', 'warning', actions.path, `${written} also allows ${unneeded.join(', ')}: more than a CI job needs.`, `Allow only ${WEB_IDENTITY} (and sts:TagSession if the job passes session tags).`);
    }
    const fromConditions = statement.conditions.map((test) => test.prefix).filter((prefix) => /[./]/.test(prefix));
    const providers = !webIdentity ? [] : open ? [...new Set([...named, ...fromConditions])] : [...new Set(named)];
    if (webIdentity && providers.length === 0)
        providers.push('');
    const verdicts = providers.filter((provider) => reachable(statement, provider)).map((provider) => verdictFor(statement, statements, provider));
    const foreignAdmitted = verdicts.some((verdict) => verdict.foreign);
    let ownerWildcard = false;
    let conditionError = false;
    for (const test of statement.conditions.filter((t, i, all) => !t.operator && all.findIndex((u) => u.operatorName === t.operatorName) === i)) {
        add('unknown-operator', 'warning', test.path.slice(0, -1), `${test.operatorName} is not an IAM condition operator: IAM refuses the document, and the lint cannot tell what it would check.`, 'Use one of IAM’s operators, such as StringEquals or StringLike.');
    }
    for (const test of statement.conditions) {
        const result = conditionFindings(test, foreignAdmitted);
        ownerWildcard ||= result.ownerWildcard;
        for (const finding of result.findings) {
            conditionError ||= finding.severity === 'error';
            add(finding.id, finding.severity, finding.path, finding.message, finding.fix);
        }
    }
    const conditionPath = statement.conditions.length > 0 ? [...statement.path, 'Condition'] : statement.path;
    for (const verdict of verdicts) {
        const { provider } = verdict;
        const label = verdicts.length > 1 ? ` for tokens of ${provider || 'any provider'}` : '';
        const keyPrefix = provider || '<issuer host>';
        const idKey = `${keyPrefix}:${provider.includes('gitlab') ? 'project_id' : 'repository_id'}`;
        const bindingShaped = statement.conditions.some((test) => test.prefix === provider && (test.claim === 'sub' || REPOSITORY_ID_CLAIMS.includes(test.claim)) && failsClosed(test));
        // A binding-shaped condition that does not bind has its own error above, which says why.
        if (verdict.foreign && (!bindingShaped || !conditionError)) {
            add('no-sub-condition', 'error', conditionPath, `The statement does not bind the token’s \`sub\`${label}: no StringEquals or StringLike on ${keyPrefix}:sub names a repository (nor does StringEquals on ${idKey}), so any repository that can get a token from this issuer may assume the role.`, `Add a StringEquals (or StringLike) condition on ${keyPrefix}:sub, such as ${subjectExample(provider)}, or StringEquals on ${idKey}.`);
        }
        if (verdict.sibling && !ownerWildcard) {
            add('org-wide', 'warning', conditionPath, `The statement binds only an owner${label}: every repository of that owner, present and future, may assume the role.`, `Bind one repository too: StringEquals on ${idKey}, or its full name in ${keyPrefix}:sub.`);
        }
        if (verdict.pullRequests.length > 0) {
            add('pull-request', 'error', conditionPath, `The statement admits pull request jobs${label}: a token with the subject "${verdict.pullRequests[0]}" (ref refs/pull/N/merge, event pull_request) satisfies it, so whoever opens a pull request (from a fork too, where forks' workflows may have tokens) can run code with the role.`, `Bind the subject to a protected branch or environment (repo:OWNER/REPO:ref:refs/heads/main, repo:OWNER/REPO:environment:NAME), or require StringEquals on ${keyPrefix}:ref.`);
        }
        if (!pinsAudience(statement, provider)) {
            add('no-aud-condition', 'warning', conditionPath, `The statement does not pin the token’s \`aud\`${label} with StringEquals.`, `Add StringEquals ${keyPrefix}:aud = sts.amazonaws.com.`);
        }
    }
    return findings;
}
/**
 * What is wrong with one condition of an Allow statement. A test on a binding key (sub, an ID) that does
 * not bind is reported while the statement admits other owners' repositories, as the reason; a test on
 * another key that fails open is a restriction that may not hold.
 */
function conditionFindings(test, foreignAdmitted) {
    const findings = [];
    let ownerWildcard = false;
    const { operator, operatorName, key } = test;
    const binding = BINDING_CLAIMS.includes(test.claim);
    const add = (id, severity, message, fix, path = test.path) => {
        findings.push({ id, severity, path, message, fix });
    };
    const notBinding = (id, message, fix) => {
        if (!binding)
            add(id, 'warning', message, fix);
        else if (foreignAdmitted)
            add(id, 'error', message, fix);
    };
    if (!operator)
        return { findings, ownerWildcard };
    if (operator.set === 'ForAllValues') {
        notBinding('for-all-values', `${operatorName} on ${key} holds when the claim is absent or the key misspelt, so it can allow any token.`, 'Use StringEquals or StringLike for single-valued claims.');
    }
    else if (operator.ifExists) {
        notBinding('if-exists', `${operatorName} on ${key} holds when the key is absent (misspelt, or a token of another provider), so it binds nothing.`, `Use ${operatorName.replace(/IfExists$/i, '')}: a trust policy’s condition must fail when its claim is missing.`);
    }
    if (binding && foreignAdmitted && operator.negated) {
        add('negated-condition', 'error', `${operatorName} on ${key} holds for every value but those listed (and when the claim is absent): it excludes some jobs, it binds none.`, `Bind ${key} with StringEquals or StringLike; a negated test can only narrow such a binding.`);
    }
    if (binding && foreignAdmitted && operator.kind === 'null') {
        add('null-condition', 'error', `Null on ${key} tests only whether the claim is present, not what it says: it binds nothing.`, `Bind the value of ${key} with StringEquals.`);
    }
    if (!isPositiveComparison(test))
        return { findings, ownerWildcard };
    if (operator.kind === 'like' && !test.values.some((value) => hasWildcard(value.tokens))) {
        add('string-like-without-wildcard', 'warning', `${operatorName} on ${key} has no wildcard: it works as StringEquals, and a later edit that adds one widens it silently.`, `Use StringEquals for ${key}.`);
    }
    for (const value of test.values) {
        const quoted = JSON.stringify(value.text);
        if (operator.kind === 'exact') {
            if (/[*?]/.test(value.text)) {
                add('literal-wildcard', 'warning', `${operatorName} compares ${key} with ${quoted} character for character: "*" and "?" are not wildcards here, so no CI token is likely to carry this value.`, 'Correct the value; if a pattern was meant, use StringLike with the owner and repository written out.', value.path);
            }
            else if (test.claim === 'sub' && subjectScope(value.tokens).scope === 'unrecognised') {
                add('unrecognised-subject', 'warning', `${key} must equal ${quoted}, which is not a subject format the lint knows to name a repository (repo:OWNER/REPO:…, project_path:…): where an issuer lets repositories customise their subject (GitHub does), another repository may produce it.`, `Use the issuer’s default subject format, such as ${subjectExample(test.prefix)}, or bind ${test.prefix}:repository_id as well.`, value.path);
            }
            continue;
        }
        if (!hasWildcard(value.tokens))
            continue;
        if (test.claim === 'sub') {
            const { scope, named } = subjectScope(value.tokens);
            const fix = `Spell out the subject (${subjectExample(test.prefix)}), or list the exact values.`;
            if (scope === 'open')
                add('wildcard', foreignAdmitted ? 'error' : 'warning', `${key} accepts ${quoted}, which does not pin an owner: repositories of anyone can match it.`, fix, value.path);
            else if (scope === 'owner') {
                ownerWildcard = true;
                add('wildcard', 'warning', `${key} accepts ${quoted}: every repository under ${named}, present and future, can match it.`, fix, value.path);
            }
            else
                add('wildcard', 'warning', `${key} accepts ${quoted}: any job of ${named} whose subject fits, whatever branch, tag or environment the pattern lets through.`, fix, value.path);
        }
        else if (binding) {
            add('wildcard', foreignAdmitted ? 'error' : 'warning', `${key} accepts ${quoted}, which matches other repositories’ (or owners’) IDs.`, `Compare ${key} with StringEquals and the exact numeric ID.`, value.path);
        }
        else {
            add('wildcard', 'warning', `${key} accepts ${quoted}.`, wildcardFix(test), value.path);
        }
    }
    return { findings, ownerWildcard };
}
function wildcardFix(test) {
    switch (test.claim) {
        case 'aud':
            return `Compare the audience exactly: StringEquals ${test.key} = sts.amazonaws.com.`;
        case 'ref':
            return `List the exact refs with StringEquals on ${test.key} (refs/heads/main, refs/tags/v1.2.3).`;
        case 'job_workflow_ref':
            return `Pin the reusable workflow and its ref exactly with StringEquals on ${test.key}: OWNER/REPO/.github/workflows/FILE.yml@refs/heads/main.`;
        case 'environment':
            return `List the exact environment names with StringEquals on ${test.key}.`;
        default:
            return `List the exact values of ${test.key} with StringEquals.`;
    }
}
/** A subject that names one repository, in the issuer's format where the lint can tell it. */
function subjectExample(provider) {
    if (provider.includes('gitlab'))
        return 'project_path:GROUP/PROJECT:ref_type:branch:ref:main';
    if (provider.includes('circleci'))
        return 'org/ORG_ID/project/PROJECT_ID/user/USER_ID';
    if (provider.includes('buildkite'))
        return 'organization:ORG:pipeline:PIPELINE:ref:refs/heads/main:…';
    return 'repo:OWNER/REPO:environment:NAME or :ref:refs/heads/BRANCH';
}
/** A test a value must match, which fails when the key is missing. */
function failsClosed(test) {
    return isPositiveComparison(test) && !test.operator.ifExists && test.operator.set !== 'ForAllValues';
}
function pinsAudience(statement, provider) {
    return statement.conditions.some((test) => test.prefix === provider && test.claim === 'aud' && failsClosed(test) && test.values.length > 0 && !test.values.some((value) => hasWildcard(value.tokens)));
}


/***/ })

};
