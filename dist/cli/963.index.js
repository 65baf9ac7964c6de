export const id = 963;
export const ids = [963];
export const modules = {

/***/ 15197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ tokenFromVariable),
/* harmony export */   O2: () => (/* binding */ readTokenFile),
/* harmony export */   WZ: () => (/* binding */ readCiToken)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57314);
/* harmony import */ var _oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50100);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98629);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68315);







/**
 * Finds the job's OIDC token: an explicit variable or file, or where the preset's CI system puts it
 * (GitHub's token endpoint, GitLab's id_tokens variable, CircleCI's CIRCLE_OIDC_TOKEN_V2, Buildkite's
 * agent). Never prints it.
 */
async function readCiToken(options, audience, env = process.env) {
    if (options.tokenFile)
        return readTokenFile(options.tokenFile);
    if (options.tokenEnv)
        return tokenFromVariable(options.tokenEnv, env);
    switch (options.preset) {
        case undefined:
            throw usage('Say where the token is: --token-env VAR, --token-file FILE, or --preset for a known CI system.', 'For example --preset circleci, or --token-env GITLAB_OIDC_TOKEN.');
        case 'github-actions':
            return (0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__/* .requestRunnerToken */ .dm)({ ...(0,_oidc_request_token_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerTokenRequestFromEnv */ .mE)(env), audience });
        case 'buildkite':
            return buildkiteToken(audience);
        default: {
            const variables = _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU[options.preset].tokenVariables;
            const found = variables.find((name) => env[name]);
            if (!found) {
                throw usage(`None of ${variables.join(', ')} is set, where ${_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU[options.preset].title} jobs find their OIDC token.`, options.preset === 'gitlab' ? 'Declare it in the job: `id_tokens: GITLAB_OIDC_TOKEN: aud: <audience>`, or name your variable with --token-env.' : 'Run the command inside the job, or pass --token-env.');
            }
            return tokenFromVariable(found, env);
        }
    }
}
async function readTokenFile(path) {
    return (await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputFile */ .j)(path, 'token')).trim();
}
function tokenFromVariable(name, env = process.env) {
    if ((0,_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .looksLikeToken */ .N)(name)) {
        throw usage('A token was given where the name of an environment variable was expected; it is not repeated here.', 'Put the token in a variable and name that: --token-env GITLAB_OIDC_TOKEN, for example.');
    }
    const token = env[name]?.trim();
    if (!token)
        throw usage(`The environment variable ${name} is empty or not set.`, 'Name the variable that holds the job’s OIDC token.');
    return token;
}
async function buildkiteToken(audience) {
    try {
        const { stdout } = await (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('buildkite-agent', ['oidc', 'request-token', '--audience', audience], { timeout: 30_000 });
        return stdout.trim();
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.TokenRequestFailed, '`buildkite-agent oidc request-token` failed.', {
            hint: 'Run the command in a Buildkite job step, where the agent is on PATH; or pass the token with --token-env.',
            cause: error,
        });
    }
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ }),

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

/***/ 15963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyExplain: () => (/* binding */ policyExplain),
  policyExport: () => (/* binding */ policyExport),
  policyLint: () => (/* binding */ policyLint),
  policyTest: () => (/* binding */ policyTest),
  policyValidate: () => (/* binding */ policyValidate)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(77961);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/policy/decision-json.ts
var decision_json = __webpack_require__(93793);
// EXTERNAL MODULE: ./src/policy/evaluate.ts + 1 modules
var evaluate = __webpack_require__(24198);
// EXTERNAL MODULE: ./src/policy/explain.ts
var explain = __webpack_require__(9129);
// EXTERNAL MODULE: ./src/policy/export/aws-trust-policy.ts + 2 modules
var aws_trust_policy = __webpack_require__(80899);
// EXTERNAL MODULE: ./src/policy/export/gcp-attribute-condition.ts
var gcp_attribute_condition = __webpack_require__(79830);
// EXTERNAL MODULE: ./src/providers/aws/session-denial.ts
var session_denial = __webpack_require__(29242);
;// CONCATENATED MODULE: ./src/policy/export/aws-revocation.ts



// The shape of the per-job default session name, `<owner>.<repo>@<run id>-<attempt>-<job>`.
const SESSION_NAME_SHAPE = '?*@?*-?*-?*';
/**
 * The IAM documents that per-session revocation needs, for one target role: its trust policy, which
 * also requires the per-job session name (a denial by `aws:userid` must hit exactly one job); its
 * permissions boundary, which caps what any inline policy (the revoker writes some) can grant and
 * forbids sessions to edit the role's own policies; and the revoker role's permissions and trust.
 */
function exportAwsRevocation(policy, options = {}) {
    const target = (0,aws_trust_policy/* exportAwsTrustPolicy */.st)(policy, { rule: options.rule, role: options.role, allowBroader: options.allowBroader });
    const revokerArn = options.revokeRole ?? grantedRevoker(policy, target.roleArn);
    const withSessionName = {
        ...target.document,
        Statement: target.document.Statement.map((statement) => statement.Effect === 'Allow' ? { ...statement, Condition: { ...statement.Condition, StringLike: { ...statement.Condition.StringLike, 'sts:RoleSessionName': SESSION_NAME_SHAPE } } } : statement),
    };
    return {
        target: {
            roleArn: target.roleArn,
            trustPolicy: withSessionName,
            permissionsBoundary: {
                Version: '2012-10-17',
                Statement: [
                    { Sid: 'MostThisRoleMayEverDo', Effect: 'Allow', Action: '*', Resource: '*' },
                    { Sid: 'NoEditingItsOwnPolicies', Effect: 'Deny', Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary', 'iam:UpdateAssumeRolePolicy'], Resource: target.roleArn },
                ],
            },
        },
        revoker: {
            roleArn: revokerArn,
            permissions: { Version: '2012-10-17', Statement: [{ Sid: 'DenySessionsOfOneRole', Effect: 'Allow', Action: [...session_denial/* REVOKER_ACTIONS */.Rt], Resource: target.roleArn }] },
            trustPolicy: target.document,
        },
        notes: [
            ...target.notes,
            `The boundary's Allow statement is a placeholder: narrow it to the most ${target.roleArn} may ever do. The revoker can write any inline policy onto the role, and only the boundary keeps such a policy from widening it.`,
            `The trust policy requires session names shaped like the per-job default (${SESSION_NAME_SHAPE}); leave role-session-name unset so that each job's name is unique.`,
        ],
        widenings: target.widenings,
    };
}
function grantedRevoker(policy, roleArn) {
    const revokers = [...new Set(policy.rules.flatMap((rule) => (rule.grant?.aws?.roles.includes(roleArn) && rule.grant.aws.revokeRole ? [rule.grant.aws.revokeRole] : [])))];
    if (revokers.length === 1)
        return revokers[0];
    throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, revokers.length === 0 ? `No rule that grants ${roleArn} names a revoke-role.` : `The rules that grant ${roleArn} name several revoke-roles: ${revokers.join(', ')}.`, {
        hint: 'Give the revoker role with --revoke-role, or set `revoke-role` in the rule’s aws grant.',
    });
}

// EXTERNAL MODULE: ./src/service/job-identity.ts
var job_identity = __webpack_require__(36371);
// EXTERNAL MODULE: ./src/service/session-tags.ts
var session_tags = __webpack_require__(50013);
// EXTERNAL MODULE: ./src/policy/matchers.ts
var matchers = __webpack_require__(8451);
;// CONCATENATED MODULE: ./src/policy/export/aws-broker-trust.ts






/** What the broker asks of STS for every session: its tags and its source identity need their own permissions. */
const BROKER_MINT_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
// STS tag values hold at most this many characters; the broker cuts longer claims there.
const MAX_TAG_VALUE = 256;
/**
 * The trust a target role gives the broker: sts:AssumeRole with tags and a source identity, from the
 * broker's role alone, under conditions on the session tags the broker writes from verified claims. A
 * rule is stated in tags exactly or not at all: a claim the broker does not tag, a regex, or a value
 * the tag's character set would blur refuses the export, since the role would then admit more than the
 * rule. Deny rules become Deny statements on the same terms.
 */
function exportAwsBrokerTrust(policy, options) {
    if (!/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(options.brokerRole)) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `--broker-role ${options.brokerRole} is not an IAM role ARN.`, { hint: 'Give the ARN of the role the broker runs as: arn:aws:iam::<account>:role/<name>.' });
    }
    const selected = options.rule === undefined ? policy.rules : policy.rules.filter((rule) => rule.name === options.rule);
    if (options.rule !== undefined && selected.length === 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The policy has no rule named "${options.rule}".`, { hint: `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.` });
    }
    const roleArn = (0,aws_trust_policy/* chooseRole */.uc)(selected, options.role);
    const principal = { AWS: options.brokerRole };
    const statements = [];
    const problems = [];
    for (const rule of policy.rules.filter((r) => r.effect === 'deny')) {
        const { block, inexact } = tagConditions(rule, policy);
        if (inexact.length > 0)
            problems.push(`deny rule "${rule.name}": ${inexact.join('; ')} (a Deny stated partly would refuse more than the rule)`);
        else
            statements.push({ Sid: `Deny${sid(rule)}`, Effect: 'Deny', Principal: principal, Action: [...BROKER_MINT_ACTIONS], Condition: block });
    }
    for (const rule of selected.filter((r) => r.effect === 'allow' && r.grant?.aws?.roles.includes(roleArn))) {
        const { block, inexact, pinned } = tagConditions(rule, policy);
        if (inexact.length > 0)
            problems.push(`rule "${rule.name}": ${inexact.join('; ')}`);
        else if (!pinned)
            problems.push(`rule "${rule.name}" binds no repository or owner id exactly, so its statement would admit other repositories`);
        const keys = [...new Set(issuersOf(rule, policy).flatMap(job_identity/* taggedClaims */.Il))].sort();
        statements.push({
            Sid: `Allow${sid(rule)}`,
            Effect: 'Allow',
            Principal: principal,
            Action: [...BROKER_MINT_ACTIONS],
            // The broker tags only these keys, and always names the repository and run as the source identity.
            Condition: { ...block, 'ForAllValues:StringEquals': { 'aws:TagKeys': keys }, Null: { 'sts:SourceIdentity': 'false' } },
        });
    }
    if (problems.length > 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.ExportInexact, `The trust policy of ${roleArn} cannot state the policy in session tags exactly:\n${problems.map((p) => `- ${p}`).join('\n')}`, {
            hint: 'Match claims the broker writes as session tags (repository_id, repository_owner_id, ref, environment, job_workflow_ref, event_name and their equivalents) with exact values or globs ending in **, without "_" or characters tags cannot hold.',
        });
    }
    const roles = [...new Set(selected.flatMap((rule) => (rule.effect === 'allow' ? (rule.grant?.aws?.roles ?? []) : [])))].sort();
    return {
        roleArn,
        trustPolicy: { Version: '2012-10-17', Statement: statements },
        brokerPermissions: {
            Version: '2012-10-17',
            Statement: [
                { Sid: 'MintSessions', Effect: 'Allow', Action: [...BROKER_MINT_ACTIONS], Resource: roles },
                { Sid: 'DenySessions', Effect: 'Allow', Action: [...session_denial/* REVOKER_ACTIONS */.Rt], Resource: roles },
            ],
        },
        notes: [
            `Trust policy of ${roleArn}, and the permissions of the broker's role ${options.brokerRole}.`,
            'The broker may write any inline policy onto these roles (to deny sessions): give each a permissions boundary (policy export --aws-revocation prints one).',
            ...(policy.issuers.length > 1 ? [] : [`Session tags do not carry the issuer; the broker accepts only ${policy.issuers[0]}.`]),
        ],
    };
}
function issuersOf(rule, policy) {
    return policy.issuers.filter((issuer) => rule.conditions.every((c) => c.claim !== 'iss' || (0,matchers/* matches */.cK)(c.matcher, issuer)));
}
/** The rule's conditions on `aws:RequestTag/…`, what cannot be stated there, and whether an id is bound exactly. */
function tagConditions(rule, policy) {
    const issuers = issuersOf(rule, policy);
    const tagged = new Set(issuers.flatMap(job_identity/* taggedClaims */.Il));
    const ids = new Set(issuers.flatMap((issuer) => (0,job_identity/* identityTagKeys */.LH)(issuer).flatMap(({ repository, owner }) => (owner ? [repository, owner] : [repository]))));
    const block = {};
    const inexact = [];
    let pinned = false;
    for (const condition of rule.conditions) {
        if (condition.claim === 'iss') {
            // Tags do not carry the issuer: only a policy with one issuer leaves nothing to tell apart.
            if (policy.issuers.length > 1)
                inexact.push('session tags do not carry the issuer it names');
            continue;
        }
        if (!tagged.has(condition.claim)) {
            inexact.push(`the broker writes no session tag for ${condition.claim}`);
            continue;
        }
        const test = tagTest(condition);
        if (typeof test === 'string') {
            inexact.push(test);
            continue;
        }
        (block[test.operator] ??= {})[`aws:RequestTag/${condition.claim}`] = test.values.length === 1 ? test.values[0] : [...test.values];
        if (!test.wildcard && ids.has(condition.claim))
            pinned = true;
    }
    return { block, inexact, pinned };
}
/**
 * A condition as an IAM test on its tag, or why it cannot be one. The broker writes characters a tag
 * cannot hold as "_" and cuts values at 256 characters, so a tag value stands for its claim value
 * alone only when it has no "_", needed no change and was not cut; a glob, only when it ends in `**`.
 */
function tagTest(condition) {
    const { claim, matcher } = condition;
    if (matcher.kind === 'regex')
        return `IAM has no regular expressions (the regex on ${claim})`;
    const test = matcher.kind === 'equals' ? (0,aws_trust_policy/* equalsTest */.uI)(claim, matcher.values) : (0,aws_trust_policy/* globTest */.FX)(claim, matcher.pattern);
    if (test === undefined)
        return `IAM's * also crosses "/", where the glob's * on ${claim} stops`;
    const literals = matcher.kind === 'equals' ? matcher.values : matcher.pattern.split('**');
    const blurred = literals.find((text) => text.includes('_') || text.length >= MAX_TAG_VALUE || (0,session_tags/* sessionTags */.c)({ [claim]: text })[0].Value !== text);
    if (blurred !== undefined)
        return `the session tag for ${claim} cannot tell ${JSON.stringify(blurred)} from other values ("_" or a character tags cannot hold, or 256 characters or more)`;
    if (matcher.kind === 'glob' && test.wildcard && !matcher.pattern.endsWith('**'))
        return `a cut tag value could match the glob on ${claim}, which does not end in **`;
    return test;
}
function sid(rule) {
    return rule.name.replace(/[^A-Za-z0-9]/g, '');
}

;// CONCATENATED MODULE: ./src/policy/export/gcp-broker-bindings.ts

const TOKEN_CREATOR_ROLE = 'roles/iam.serviceAccountTokenCreator';
/**
 * What Google needs for the broker to mint: on each service account a rule grants, the broker's own
 * service account as a token creator, which lets it call generateAccessToken for that account alone.
 */
function exportGcpBrokerBindings(policy, options) {
    if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/.test(options.brokerServiceAccount)) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `--gcp-broker-bindings ${options.brokerServiceAccount} is not a service account email.`, { hint: 'Give the email of the service account the broker runs as: <name>@<project>.iam.gserviceaccount.com.' });
    }
    const rules = policy.rules.filter((rule) => rule.effect === 'allow' && (options.rule === undefined || rule.name === options.rule));
    if (options.rule !== undefined && rules.length === 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The policy has no allow rule named "${options.rule}".`, { hint: `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.` });
    }
    const accounts = [...new Set(rules.flatMap((rule) => rule.grant?.gcp?.serviceAccounts ?? []))].sort();
    const member = `serviceAccount:${options.brokerServiceAccount}`;
    return {
        bindings: accounts.map((serviceAccount) => ({
            serviceAccount,
            role: TOKEN_CREATOR_ROLE,
            member,
            command: `gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} --member=${member} --role=${TOKEN_CREATOR_ROLE}`,
        })),
        notes: [
            ...(accounts.length === 0 ? ['No selected rule grants a service account: the broker mints Google tokens only by impersonating one.'] : []),
            'Google cannot revoke an access token: a revocation by the broker clears it from the inventory only, and it stays valid until it expires.',
        ],
    };
}

// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(55359);
// EXTERNAL MODULE: ./src/policy/lint/policy-lint.ts + 2 modules
var policy_lint = __webpack_require__(41270);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/policy/test-cases.ts




/** Reads test cases from a YAML or JSON file: a list of `{name, claims, expect: {decision, rule}}`. */
function parseTestCases(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const fail = (offset, message) => {
        const { line, col } = lineCounter.linePos(offset);
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file}:${line}:${col}: ${message}`, {
            hint: 'A test file is a list of cases: - {name: NAME, claims: {CLAIM: VALUE, ...}, expect: {decision: allow|deny, rule: NAME}}.',
            location: { file, line, column: col },
        });
    };
    if (document.errors.length > 0)
        throw fail(document.errors[0].pos[0], document.errors[0].message.split('\n')[0]);
    const list = document.contents;
    if (!(0,dist/* isSeq */.oP)(list))
        throw fail(list?.range?.[0] ?? 0, 'expected a list of test cases');
    return list.items.map((item, index) => {
        const offset = item.range?.[0] ?? 0;
        if (!(0,dist/* isMap */.jh)(item))
            throw fail(offset, `case ${index + 1} is not a mapping`);
        const raw = item.toJSON();
        const unknown = Object.keys(raw).filter((key) => !['name', 'claims', 'expect'].includes(key));
        if (unknown.length > 0)
            throw fail(offset, `case ${index + 1} has an unknown key "${unknown[0]}"`);
        if (typeof raw.name !== 'string')
            throw fail(offset, `case ${index + 1} needs a name`);
        if (typeof raw.claims !== 'object' || raw.claims === null || Array.isArray(raw.claims))
            throw fail(offset, `case "${raw.name}" needs claims: a mapping of claim names to values`);
        const decision = raw.expect?.decision;
        if (decision !== 'allow' && decision !== 'deny')
            throw fail(offset, `case "${raw.name}" needs expect.decision: allow or deny`);
        const rule = raw.expect?.rule;
        if (rule !== undefined && rule !== null && typeof rule !== 'string')
            throw fail(offset, `case "${raw.name}": expect.rule must be a rule name or null`);
        return { name: raw.name, claims: raw.claims, expect: { decision, rule }, origin: `${file}:${lineCounter.linePos(offset).line}` };
    });
}
/** Runs each case against the policy. `expect.rule`, when given, must be the rule that decided (null: none). */
function runTestCases(policy, cases) {
    return cases.map((testCase) => {
        const decision = (0,evaluate/* evaluatePolicy */.Uz)(policy, testCase.claims);
        const actual = { decision: decision.allowed ? 'allow' : 'deny', rule: decision.rule?.name ?? null };
        const passed = actual.decision === testCase.expect.decision && (testCase.expect.rule === undefined || actual.rule === testCase.expect.rule);
        const show = (outcome) => `${outcome.decision}${outcome.rule ? ` by rule "${outcome.rule}"` : outcome.rule === null ? ' by no rule' : ''}`;
        return { testCase, passed, diff: passed ? [] : [`- expected: ${show(testCase.expect)}`, `+ actual:   ${show(actual)}`, ...(0,explain/* explainDecision */.el)(decision).map((line) => `  ${line}`)] };
    });
}

// EXTERNAL MODULE: ./src/cli/cli-output.ts + 1 modules
var cli_output = __webpack_require__(10524);
// EXTERNAL MODULE: ./src/cli/commands/ci-token.ts
var ci_token = __webpack_require__(15197);
// EXTERNAL MODULE: ./src/cli/commands/input-files.ts
var input_files = __webpack_require__(68315);
// EXTERNAL MODULE: ./src/cli/commands/policy-file.ts
var policy_file = __webpack_require__(65786);
;// CONCATENATED MODULE: ./src/cli/commands/policy.ts



















const invalidInput = () => cli_output/* Exit */.Jc.Usage;
/** `policy validate`: 0 when the policy is valid, 1 when it is not (every problem listed), 2 on bad input. */
function policyValidate(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, (error) => (error.code === broker_error/* ErrorCode */.O4.PolicyInvalid ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Usage), async () => {
        const policy = await loadChecked(file, options);
        if (!policy)
            return cli_output/* Exit */.Jc.Refused;
        const rules = policy.rules.map((rule) => ({ name: rule.name, effect: rule.effect, line: rule.location.line }));
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ valid: true, file: policy.source, rules });
        else
            process.stdout.write(`${policy.source}: valid; ${ruleSummary(rules)}\n`);
        return cli_output/* Exit */.Jc.Ok;
    });
}
/** `policy explain`: 0 on allow, 1 on deny, 2 on invalid input; every rule's outcome is shown. */
function policyExplain(options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        if ([options.claims, options.token, options.tokenEnv].filter((source) => source !== undefined).length !== 1) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'policy explain needs exactly one of --claims, --token and --token-env.', { hint: 'Pass --claims FILE.json, --token FILE, or --token-env NAME.' });
        }
        const policy = await (0,policy_file/* loadPolicyArgument */.E)(options.policy, options.root);
        const [claims, origin] = options.claims !== undefined
            ? [await readClaims(options.claims), `The claims in ${options.claims} have`]
            : [decodeToken(options.token !== undefined ? await (0,ci_token/* readTokenFile */.O2)(options.token) : (0,ci_token/* tokenFromVariable */.Gr)(options.tokenEnv)), 'The token has'];
        if (typeof claims.iss !== 'string') {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${origin} no \`iss\` claim, so the policy denies them whatever else they say: it decides only tokens from ${policy.issuers.join(', ')}.`, {
                hint: 'Add the issuer the job’s token carries ("iss": "https://token.actions.githubusercontent.com" on GitHub), or take the claims from `token verify --format json`.',
            });
        }
        const decision = (0,evaluate/* evaluatePolicy */.Uz)(policy, claims);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)((0,decision_json/* decisionJson */.l)(decision));
        else
            process.stdout.write(`${(0,explain/* explainDecision */.el)(decision).join('\n')}\n`);
        return decision.allowed ? cli_output/* Exit */.Jc.Ok : cli_output/* Exit */.Jc.Refused;
    });
}
/** `policy test`: runs fixture cases; 0 when all pass, 1 on any failure (with a diff), 2 on invalid input. */
function policyTest(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        const policy = await (0,policy_file/* loadPolicyArgument */.E)(file, options.root);
        const cases = [];
        for (const path of await caseFiles(options.cases))
            cases.push(...parseTestCases(await (0,input_files/* readInputFile */.j)(path, 'test cases'), path));
        const results = runTestCases(policy, cases).map((result) => 
        // The policy's verdict on such a case is about the issuer; the case's author needs to hear why.
        result.passed || typeof result.testCase.claims.iss === 'string' ? result : { ...result, diff: [...result.diff, `  the case's claims carry no "iss": add the issuer the job's token carries (${policy.issuers.join(', ')})`] });
        const failed = results.filter((result) => !result.passed);
        if (options.format === 'json') {
            (0,cli_output/* writeJson */.GF)({ passed: results.length - failed.length, failed: failed.length, failures: failed.map((r) => ({ name: r.testCase.name, origin: r.testCase.origin, diff: r.diff })) });
        }
        else {
            for (const result of failed)
                process.stdout.write(`FAIL ${result.testCase.name} (${result.testCase.origin})\n${result.diff.map((line) => `  ${line}`).join('\n')}\n`);
            process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
        }
        return failed.length === 0 ? cli_output/* Exit */.Jc.Ok : cli_output/* Exit */.Jc.Refused;
    });
}
/** `policy lint`: 0 without error findings, 1 with any, 2 on invalid input. */
function policyLint(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        const policy = await loadChecked(file, options);
        if (!policy)
            return cli_output/* Exit */.Jc.Usage;
        const findings = (0,policy_lint/* lintPolicy */.G)(policy);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ findings });
        else
            process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(finding/* formatFinding */.t).join('\n')}\n`);
        return findings.some((finding) => finding.severity === 'error') ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Ok;
    });
}
/**
 * The policy that validate and lint check, or undefined when it is invalid and has been reported: with
 * --format json, on stdout, one object per problem (`{valid: false, file, problems}`), for scripts and
 * editors to place; the text format lists them in the error's message.
 */
async function loadChecked(file, options) {
    try {
        return await (0,policy_file/* loadPolicyArgument */.E)(file, options.root);
    }
    catch (error) {
        if (options.format !== 'json' || !(0,broker_error/* isBrokerError */.kA)(error, broker_error/* ErrorCode */.O4.PolicyInvalid) || error.problems.length === 0)
            throw error;
        const problems = error.problems.map(({ location, code, message, hint }) => ({ file: location.file, line: location.line, column: location.column, code, message, hint }));
        (0,cli_output/* writeJson */.GF)({ valid: false, file: problems[0].file, problems });
        return undefined;
    }
}
/**
 * `policy export`: the cloud-side trust that enforces the policy; notes on what the cloud cannot express go
 * to stderr. 0 on success; 1 when the policy is invalid or AWS cannot enforce it exactly (without
 * --allow-broader); 2 on bad input.
 */
function policyExport(options) {
    return (0,cli_output/* runCommand */.d1)(options.format, (error) => (error.code === broker_error/* ErrorCode */.O4.PolicyInvalid || error.code === broker_error/* ErrorCode */.O4.ExportInexact ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Usage), async () => {
        if ([options.awsTrustPolicy, options.gcpAttributeCondition, options.awsRevocation, options.awsBrokerTrust, options.gcpBrokerBindings].filter(Boolean).length !== 1) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'policy export needs exactly one of --aws-trust-policy, --gcp-attribute-condition, --aws-revocation, --aws-broker-trust and --gcp-broker-bindings.', { hint: 'Choose what to export.' });
        }
        const needs = (value, flag, what) => {
            if (value === undefined)
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${what} needs ${flag}.`, { hint: `Give ${flag}: the identity the broker service runs as.` });
            return value;
        };
        const policy = await (0,policy_file/* loadPolicyArgument */.E)(options.policy, options.root);
        if (options.awsBrokerTrust) {
            const exported = exportAwsBrokerTrust(policy, { brokerRole: needs(options.brokerRole, '--broker-role <arn>', '--aws-broker-trust'), rule: options.rule, role: options.role });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                writeSections([
                    [`Trust policy of ${exported.roleArn}`, exported.trustPolicy],
                    [`Permissions of the broker ${options.brokerRole}`, exported.brokerPermissions],
                ]);
            writeNotes(options.format, exported.notes);
        }
        else if (options.gcpBrokerBindings) {
            const exported = exportGcpBrokerBindings(policy, { brokerServiceAccount: needs(options.brokerServiceAccount, '--broker-service-account <email>', '--gcp-broker-bindings'), rule: options.rule });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                process.stdout.write(exported.bindings.map((binding) => `${binding.command}\n`).join(''));
            writeNotes(options.format, exported.notes);
        }
        else if (options.awsRevocation) {
            const exported = exportAwsRevocation(policy, { rule: options.rule, role: options.role, revokeRole: options.revokeRole, allowBroader: options.allowBroader });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                writeSections([
                    [`Trust policy of ${exported.target.roleArn}`, exported.target.trustPolicy],
                    [`Permissions boundary of ${exported.target.roleArn}`, exported.target.permissionsBoundary],
                    [`Permissions of the revoker ${exported.revoker.roleArn}`, exported.revoker.permissions],
                    [`Trust policy of the revoker ${exported.revoker.roleArn}`, exported.revoker.trustPolicy],
                ]);
            writeNotes(options.format, [...exported.notes, ...broader(exported.widenings)]);
        }
        else if (options.awsTrustPolicy) {
            const exported = (0,aws_trust_policy/* exportAwsTrustPolicy */.st)(policy, { rule: options.rule, role: options.role, allowBroader: options.allowBroader });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                (0,cli_output/* writeJson */.GF)(exported.document);
            writeNotes(options.format, [`Trust policy for ${exported.roleArn}.`, ...exported.notes, ...broader(exported.widenings)]);
        }
        else {
            const exported = (0,gcp_attribute_condition/* exportGcpAttributeCondition */.K)(policy, { rule: options.rule });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                process.stdout.write(`${exported.condition}\n`);
            writeNotes(options.format, exported.notes);
        }
        return cli_output/* Exit */.Jc.Ok;
    });
}
/** Several IAM documents, each under a `# title` line. */
function writeSections(sections) {
    process.stdout.write(sections.map(([title, document]) => `# ${title}\n${JSON.stringify(document, null, 2)}\n`).join('\n'));
}
function writeNotes(format, notes) {
    if (format === 'text')
        for (const note of notes)
            process.stderr.write(`note: ${note}\n`);
}
function broader(widenings) {
    return widenings.map((widening) => `broader than the policy (--allow-broader): ${widening.message}`);
}
async function readClaims(file) {
    const text = await (0,input_files/* readInputFile */.j)(file, 'claims');
    try {
        const parsed = JSON.parse(text);
        // What `token verify --format json` prints: the claims under "claims", beside the header.
        const claims = isObject(parsed) && parsed.valid === true && isObject(parsed.claims) ? parsed.claims : parsed;
        if (isObject(claims))
            return claims;
    }
    catch {
        // Reported below.
    }
    throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not a JSON object of claims.`, { hint: 'Save the token’s payload, for example with `token verify --format json`.' });
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// Past a screenful, names alone are noise: the count, the split, the first few, and where the rest are.
const RULES_NAMED = 10;
function ruleSummary(rules) {
    const named = rules.slice(0, RULES_NAMED).map((rule) => `${rule.name} (${rule.effect})`);
    if (rules.length <= RULES_NAMED)
        return `${rules.length} rule(s): ${named.join(', ')}`;
    const denies = rules.filter((rule) => rule.effect === 'deny').length;
    return `${rules.length} rules (${rules.length - denies} allow, ${denies} deny): ${named.join(', ')}, and ${rules.length - RULES_NAMED} more (--format json lists them all)`;
}
/** The claims of a token, unverified: explain is about the policy, not the token's authenticity. */
function decodeToken(text) {
    try {
        return (0,decode_jwt/* decodeJwt */.i)(text.trim());
    }
    catch {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenMalformed, 'The token given is not a JWT.', { hint: 'Pass the token exactly as the issuer produced it.' });
    }
}
async function caseFiles(path) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `No test cases at ${path}.`, { hint: 'Pass a YAML or JSON file of cases, or a folder of them.' });
    if (!info.isDirectory())
        return [path];
    return (await (0,promises_.readdir)(path)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort().map((name) => (0,external_node_path_.join)(path, name));
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

/***/ 77410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 47784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 71445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 77961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired),
/* harmony export */   xb: () => (/* binding */ JWKSTimeout)
/* harmony export */ });
/* unused harmony exports JWEDecryptionFailed, JWEInvalid, JWKInvalid */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};
