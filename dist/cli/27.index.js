export const id = 27;
export const ids = [27];
export const modules = {

/***/ 9027:
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
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __webpack_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __webpack_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new errors/* JWTInvalid */.Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new errors/* JWTInvalid */.Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new errors/* JWTInvalid */.Dp("Invalid JWT");
  if (!encodedPayload)
    throw new errors/* JWTInvalid */.Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,base64url/* decode */.D)(encodedPayload);
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils/* strictDecoder */.u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,validate/* isObject */.Gv)(claimsSet))
    throw new errors/* JWTInvalid */.Dp("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
;// CONCATENATED MODULE: ./src/policy/decision-json.ts
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

// EXTERNAL MODULE: ./src/policy/evaluate.ts + 1 modules
var evaluate = __webpack_require__(4198);
// EXTERNAL MODULE: ./src/policy/explain.ts
var explain = __webpack_require__(9129);
// EXTERNAL MODULE: ./src/providers/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(9445);
;// CONCATENATED MODULE: ./src/policy/export/aws-trust-policy.ts


/**
 * GitHub claims that AWS STS exposes as condition keys (`<issuer host>:<claim>`) besides `sub` and `aud`,
 * since STS began validating provider-specific claims in 2026.
 */
const AWS_GITHUB_CONDITION_CLAIMS = ['sub', 'actor', 'actor_id', 'job_workflow_ref', 'repository', 'repository_id', 'workflow', 'ref', 'environment', 'enterprise_id'];
/**
 * The IAM trust policy that makes AWS itself enforce a policy's rules for one role: an Allow statement
 * per allow rule that grants the role, and a Deny statement per deny rule that AWS can express exactly.
 * Claims without an AWS condition key are left to the broker and listed in the notes.
 */
function exportAwsTrustPolicy(policy, options = {}) {
    const selected = options.rule === undefined ? policy.rules : policy.rules.filter((rule) => rule.name === options.rule);
    if (options.rule !== undefined && selected.length === 0)
        throw usage(`The policy has no rule named "${options.rule}".`, `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.`);
    const roleArn = chooseRole(selected, options.role);
    const account = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(roleArn)[1];
    const audiences = policy.audiences.length > 0 ? [...policy.audiences] : ['sts.amazonaws.com'];
    const notes = policy.audiences.length > 0 ? [] : ['The policy names no audience; the trust policy requires sts.amazonaws.com.'];
    const statements = [];
    for (const issuer of policy.issuers) {
        const prefix = (0,oidc_provider/* oidcProviderKeyPrefix */.k)(issuer);
        const principal = { Federated: `arn:aws:iam::${account}:oidc-provider/${prefix}` };
        const appliesHere = (rule) => rule.conditions.every((c) => c.claim !== 'iss' || (c.matcher.kind === 'equals' && c.matcher.values.includes(issuer)));
        for (const rule of policy.rules.filter((r) => r.effect === 'deny' && appliesHere(r))) {
            const conditions = translate(rule, prefix);
            if (conditions.untranslated.length > 0) {
                notes.push(`Deny rule "${rule.name}" is not in the trust policy: AWS has no exact condition for ${conditions.untranslated.join(', ')}; only the broker enforces it.`);
                continue;
            }
            statements.push({ Sid: sid('Deny', rule, issuer, policy), Effect: 'Deny', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions.block });
        }
        for (const rule of selected.filter((r) => r.effect === 'allow' && appliesHere(r) && r.grant?.aws?.roles.includes(roleArn))) {
            const conditions = translate(rule, prefix);
            (conditions.block.StringEquals ??= {})[`${prefix}:aud`] = audiences.length === 1 ? audiences[0] : audiences;
            if (conditions.untranslated.length > 0)
                notes.push(`Rule "${rule.name}": AWS cannot check ${conditions.untranslated.join(', ')}; the trust policy is broader there, and only the broker enforces it.`);
            notes.push(...conditions.broader.map((claim) => `Rule "${rule.name}": the ${claim} glob becomes an IAM wildcard, where * also crosses "/" and ? stands for any character.`));
            statements.push({ Sid: sid('Allow', rule, issuer, policy), Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions.block });
        }
    }
    return { roleArn, document: { Version: '2012-10-17', Statement: statements }, notes: [...new Set(notes)] };
}
function chooseRole(rules, requested) {
    const roles = [...new Set(rules.flatMap((rule) => (rule.effect === 'allow' ? (rule.grant?.aws?.roles ?? []) : [])))];
    if (requested !== undefined) {
        if (!roles.includes(requested))
            throw usage(`No selected rule grants the role ${requested}.`, roles.length > 0 ? `Roles granted: ${roles.join(', ')}.` : 'Select a rule that has an AWS grant.');
        return requested;
    }
    if (roles.length === 1)
        return roles[0];
    if (roles.length === 0)
        throw usage('No selected rule grants an AWS role.', 'Select a rule with `grant: aws:`.');
    throw usage(`The selected rules grant several roles: ${roles.join(', ')}.`, 'A trust policy belongs to one role: choose it with --role.');
}
function translate(rule, prefix) {
    const result = { block: {}, untranslated: [], broader: [] };
    const put = (operator, claim, values) => {
        (result.block[operator] ??= {})[`${prefix}:${claim}`] = values.length === 1 ? values[0] : [...values];
    };
    for (const condition of rule.conditions) {
        // The issuer is the statement's principal, one OIDC provider per issuer.
        if (condition.claim === 'iss')
            continue;
        if (!AWS_GITHUB_CONDITION_CLAIMS.includes(condition.claim) || condition.matcher.kind === 'regex') {
            if (condition.claim !== 'repository_owner')
                result.untranslated.push(condition.matcher.kind === 'regex' ? `the regex on ${condition.claim}` : condition.claim);
            continue;
        }
        if (condition.matcher.kind === 'equals')
            put('StringEquals', condition.claim, condition.matcher.values);
        else {
            const pattern = condition.matcher.pattern.replace(/\*\*/g, '*');
            if (/\*[^*]*\//.test(condition.matcher.pattern.replace(/\*\*/g, '')) || pattern.includes('?'))
                result.broader.push(condition.claim);
            put('StringLike', condition.claim, [pattern]);
        }
    }
    // An Allow must bind the subject (IAM's advice, and the trust lint's first check); a Deny need not.
    if (rule.effect === 'allow' && !rule.conditions.some((c) => c.claim === 'sub')) {
        const sub = subjectCondition(rule);
        if (sub)
            put(sub.operator, 'sub', sub.values);
        else
            result.untranslated.push('a repository binding for sub');
    }
    return result;
}
/**
 * A `sub` condition implied by the rule's repository (or owner) and environment, so that every
 * statement binds the subject as IAM recommends: `repo:OWNER/REPO:environment:ENV` when both are
 * exact, `repo:OWNER/REPO:*` or `repo:OWNER/*` otherwise.
 */
function subjectCondition(rule) {
    const exact = (claim) => {
        const condition = rule.conditions.find((c) => c.claim === claim);
        return condition?.matcher.kind === 'equals' ? condition.matcher.values : undefined;
    };
    const repositories = exact('repository');
    const environments = exact('environment');
    if (repositories && environments)
        return { operator: 'StringEquals', values: repositories.flatMap((r) => environments.map((e) => `repo:${r}:environment:${e}`)) };
    if (repositories)
        return { operator: 'StringLike', values: repositories.map((r) => `repo:${r}:*`) };
    const owners = exact('repository_owner');
    return owners ? { operator: 'StringLike', values: owners.map((o) => `repo:${o}/*`) } : undefined;
}
function sid(effect, rule, issuer, policy) {
    const suffix = policy.issuers.length > 1 ? String(policy.issuers.indexOf(issuer) + 1) : '';
    return `${effect}${rule.name.replace(/[^A-Za-z0-9]/g, '')}${suffix}`;
}
function usage(message, hint) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, message, { hint });
}

// EXTERNAL MODULE: ./src/policy/matchers.ts + 2 modules
var matchers = __webpack_require__(4339);
;// CONCATENATED MODULE: ./src/policy/export/gcp-attribute-condition.ts


// Google rejects longer attribute conditions on a workload identity pool provider.
const MAX_CONDITION_CHARS = 4096;
/**
 * The CEL attribute condition that makes a workload identity pool provider accept only the tokens the
 * policy allows: no deny rule matches, and some allow rule does. Globs and regexes become RE2
 * `matches()` calls, anchored as the broker anchors them.
 */
function exportGcpAttributeCondition(policy, options = {}) {
    const allows = policy.rules.filter((rule) => rule.effect === 'allow' && (options.rule === undefined || rule.name === options.rule));
    if (allows.length === 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, options.rule === undefined ? 'The policy has no allow rule to export.' : `The policy has no allow rule named "${options.rule}".`, {
            hint: `Allow rules: ${policy.rules.filter((r) => r.effect === 'allow').map((r) => r.name).join(', ') || 'none'}.`,
        });
    }
    const notes = [];
    if (allows.some((rule) => rule.conditions.some((c) => c.matcher.kind === 'regex'))) {
        notes.push('Regexes are passed to CEL matches(), which uses RE2: lookaround and backreferences are not available there.');
    }
    const denies = policy.rules.filter((rule) => rule.effect === 'deny').map((rule) => `!(${conjunction(rule)})`);
    const allowed = allows.length === 1 ? conjunction(allows[0]) : allows.map((rule) => `(${conjunction(rule)})`).join(' || ');
    const condition = [...denies, denies.length > 0 && allows.length > 1 ? `(${allowed})` : allowed].join(' && ');
    if (condition.length > MAX_CONDITION_CHARS)
        notes.push(`The condition is ${condition.length} characters; Google accepts at most ${MAX_CONDITION_CHARS}. Export fewer rules (--rule) or split providers.`);
    return { condition, notes };
}
function conjunction(rule) {
    return rule.conditions.map(test).join(' && ');
}
function test(condition) {
    const attribute = /^[A-Za-z_][A-Za-z0-9_]*$/.test(condition.claim) ? `assertion.${condition.claim}` : `assertion[${literal(condition.claim)}]`;
    const matcher = condition.matcher;
    switch (matcher.kind) {
        case 'equals':
            return matcher.values.length === 1 ? `${attribute} == ${literal(matcher.values[0])}` : `${attribute} in [${matcher.values.map(literal).join(', ')}]`;
        case 'glob':
            return `${attribute}.matches(${literal((0,matchers/* globToRegExp */.tL)(matcher.pattern).source)})`;
        case 'regex':
            return `${attribute}.matches(${literal(`^(?:${matcher.pattern})$`)})`;
    }
}
/** A CEL string literal; JSON's escaping is valid CEL. */
function literal(text) {
    return JSON.stringify(text);
}

// EXTERNAL MODULE: ./src/providers/aws/session-denial.ts
var session_denial = __webpack_require__(9242);
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
    const target = exportAwsTrustPolicy(policy, { rule: options.rule, role: options.role });
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

// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(5359);
// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(7314);
;// CONCATENATED MODULE: ./src/policy/lint/policy-lint.ts



const UNTRUSTED_EVENTS = ['pull_request_target', 'workflow_run'];
const REPOSITORY_CLAIMS = ['repository', 'repository_id', 'repository_owner', 'repository_owner_id'];
const ONE_HOUR = 3600;
/**
 * Lints a loaded policy for trust that is broader than it looks. Each finding says what is wrong and
 * how to fix it; errors are what `policy lint` fails on.
 */
function lintPolicy(policy) {
    const findings = policyWide(policy);
    for (const rule of policy.rules) {
        // Each CI system's claims mean different things, so each has its own traps.
        for (const check of [...GENERAL_CHECKS, ...CI_CHECKS[ciSystemOfRule(rule, policy)]])
            findings.push(...check(rule, policy));
    }
    return (0,finding/* sortFindings */.T)(findings);
}
/** The CI system whose tokens a rule reads: its own issuer's, or the policy's when all issuers agree. */
function ciSystemOfRule(rule, policy) {
    const own = condition(rule, 'iss');
    const issuers = own?.matcher.kind === 'equals' ? own.matcher.values : policy.issuers;
    const systems = new Set(issuers.map((issuer) => (0,ci_systems/* ciSystemOf */.f)(issuer)?.system ?? 'github-actions'));
    return systems.size === 1 ? [...systems][0] : 'github-actions';
}
function policyWide(policy) {
    if (policy.audiences.length === 0) {
        return [
            {
                id: 'audience-missing',
                severity: 'warning',
                rule: null,
                message: 'The policy accepts tokens of any audience the verifier was given.',
                fix: 'Add `audiences: [sts.amazonaws.com]` (or your cloud’s audience), so a token minted for another service is refused.',
            },
        ];
    }
    return policy.audiences
        .filter((audience) => /^https:\/\/github\.com\//.test(audience))
        .map((audience) => ({
        id: 'audience-generic',
        severity: 'warning',
        rule: null,
        message: `The audience "${audience}" is GitHub's default, which every job of the owner can request for any purpose.`,
        fix: 'Use an audience specific to the cloud or broker, such as sts.amazonaws.com.',
    }));
}
const GENERAL_CHECKS = [
    (rule) => rule.conditions.flatMap(broadPatternFindings(rule)),
    (rule) => {
        const seconds = rule.grant?.aws?.maxDurationSeconds ?? 0;
        return seconds > ONE_HOUR
            ? [policy_lint_finding(rule, 'long-duration', 'warning', `The rule grants sessions of up to ${seconds / 60} minutes: a dynamic credential in name only.`, 'Lower max-duration to 1h or less (15m suits most deployments).')]
            : [];
    },
];
const GITHUB_CHECKS = [
    (rule) => rule.effect === 'allow' && !rule.conditions.some(bindsRepository)
        ? [policy_lint_finding(rule, 'no-repository-binding', 'error', 'The rule is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, gets its grant.', 'Add `repository_id` (or `repository_owner_id`) to its match.')]
        : [],
    (rule) => [
        ['repository', 'repository_id'],
        ['repository_owner', 'repository_owner_id'],
    ]
        .filter(([name, id]) => has(rule, name) && !has(rule, id))
        .map(([name, id]) => policy_lint_finding(rule, 'name-without-id', 'warning', `The rule matches \`${name}\` by name only; a deleted or renamed ${name === 'repository' ? 'repository' : 'owner'} lets someone else register the name.`, `Match \`${id}\` as well: IDs are never reused.`, condition(rule, name))),
    (rule) => {
        if (rule.effect !== 'allow')
            return [];
        const event = condition(rule, 'event_name');
        const ref = condition(rule, 'ref');
        const results = [];
        const allowed = event ? UNTRUSTED_EVENTS.filter((name) => (0,matchers/* matches */.cK)(event.matcher, name)) : [];
        if (allowed.length > 0) {
            results.push(policy_lint_finding(rule, 'untrusted-trigger', 'error', `The rule allows ${allowed.join(' and ')}, which run with the base repository's trust on code or input that a pull request controls.`, 'Remove these events from the rule, and add a deny rule for them.', event));
        }
        if (ref && (0,matchers/* matches */.cK)(ref.matcher, 'refs/pull/1/merge')) {
            results.push(policy_lint_finding(rule, 'untrusted-trigger', 'error', 'The rule allows refs/pull/*: jobs that run a pull request’s code.', 'Pin `ref` to protected branches or tags.', ref));
        }
        return results;
    },
    (rule) => rule.effect === 'allow' && has(rule, 'environment')
        ? [policy_lint_finding(rule, 'environment-trust', 'note', 'The rule trusts a deployment environment: that is only as strong as the environment’s protection.', 'Give the environment required reviewers and deployment branch rules, in every repository the rule covers.', condition(rule, 'environment'))]
        : [],
    (rule) => ['workflow', 'workflow_ref']
        .filter((claim) => has(rule, claim))
        .map((claim) => policy_lint_finding(rule, 'caller-workflow-claim', 'warning', `The rule matches \`${claim}\`, the calling workflow, which the repository can edit or rename; it does not prove which reusable workflow ran.`, 'Match `job_workflow_ref` (and pin its @ref) to require a sanctioned reusable workflow.', condition(rule, claim))),
    (rule) => {
        const environment = condition(rule, 'environment');
        const runner = condition(rule, 'runner_environment');
        const production = environment && ['production', 'prod'].some((name) => (0,matchers/* matches */.cK)(environment.matcher, name));
        if (rule.effect !== 'allow' || !production || (runner && !(0,matchers/* matches */.cK)(runner.matcher, 'self-hosted')))
            return [];
        return [policy_lint_finding(rule, 'self-hosted-production', 'warning', 'The rule grants production credentials to jobs on self-hosted runners, which may keep state between jobs.', 'Add `runner_environment: github-hosted`, or a deny rule for self-hosted runners in production.', environment)];
    },
    (rule) => {
        if (rule.effect !== 'allow' || has(rule, 'ref') || has(rule, 'environment') || has(rule, 'job_workflow_ref'))
            return [];
        const refInSub = condition(rule, 'sub');
        if (refInSub && !['repo:o/r:ref:refs/pull/1/merge', 'repo:o/r:pull_request'].some((value) => (0,matchers/* matches */.cK)(refInSub.matcher, value)))
            return [];
        return [policy_lint_finding(rule, 'unpinned-ref', 'warning', `The rule does not pin \`ref\`: any branch, including one a pull request pushes, gets its grant.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.')];
    },
];
const CI_CHECKS = {
    'github-actions': GITHUB_CHECKS,
    gitlab: [
        (rule) => rule.effect === 'allow' && !['project_id', 'project_path', 'namespace_id', 'namespace_path'].some((claim) => has(rule, claim))
            ? [policy_lint_finding(rule, 'no-repository-binding', 'error', 'The GitLab rule is not bound to a project or a group: any project on the instance with matching claims gets its grant.', 'Add `project_id` (or `namespace_id`) to its match.')]
            : [],
        (rule) => [
            ['project_path', 'project_id'],
            ['namespace_path', 'namespace_id'],
        ]
            .filter(([name, id]) => has(rule, name) && !has(rule, id))
            .map(([name, id]) => policy_lint_finding(rule, 'gitlab-path-without-id', 'error', `The rule trusts \`${name}\` without \`${id}\`: a deleted or renamed project or group frees the path for someone else, and in merge-request pipelines from forks the project claims name the fork.`, `Match \`${id}\` (numeric, never reused), and deny \`pipeline_source: merge_request_event\` where forks must not deploy.`, condition(rule, name))),
    ],
    circleci: [
        (rule) => rule.effect === 'allow' && !has(rule, 'oidc.circleci.com/vcs-origin')
            ? [policy_lint_finding(rule, 'circleci-no-vcs-origin', 'error', 'The CircleCI rule does not check `oidc.circleci.com/vcs-origin`: a build of a fork of the project runs as the project and gets its grant.', 'Match `oidc.circleci.com/vcs-origin` to the repository (github.com/OWNER/REPO), with `oidc.circleci.com/project-id`.')]
            : [],
    ],
    buildkite: [
        (rule) => rule.effect === 'allow' && !has(rule, 'organization_id') && !has(rule, 'organization_slug')
            ? [policy_lint_finding(rule, 'buildkite-no-organization', 'error', `Every Buildkite organisation shares the issuer ${ci_systems/* CI_SYSTEMS */.m.buildkite.defaultIssuer}: a rule without an organisation binding admits any organisation's pipelines.`, 'Match `organization_id` (or `organization_slug`), and `pipeline_slug` for the pipeline.')]
            : [],
    ],
};
/** Globs and regexes that match more than they seem to. */
function broadPatternFindings(rule) {
    return (c) => {
        const fix = 'Write the pattern out in full, or list the exact values.';
        if (c.matcher.kind === 'glob') {
            const prefix = c.matcher.pattern.split('/').find((segment) => /[^*]\*+$/.test(segment));
            return prefix ? [policy_lint_finding(rule, 'broad-pattern', 'warning', `The glob segment "${prefix}" also matches any longer name that starts the same way (e.g. "${prefix.replace(/\*+$/, '')}-evil").`, fix, c)] : [];
        }
        if (c.matcher.kind !== 'regex')
            return [];
        const source = c.matcher.pattern;
        const outsideClasses = source.replace(/\\./g, '__').replace(/\[[^\]]*\]/g, '_');
        const problems = [];
        if (outsideClasses.includes('.*'))
            problems.push('`.*` matches anything, `/` and `:` included');
        else if (outsideClasses.includes('.'))
            problems.push('an unescaped `.` matches any character, not just a dot');
        if (topLevelAlternation(source))
            problems.push('a top-level `|`: the broker anchors each side, but the same pattern in a cloud condition or another tool usually is not');
        return problems.map((problem) => policy_lint_finding(rule, 'broad-pattern', 'warning', `The regex for ${c.claim}: ${problem}.`, 'Escape dots (\\.), avoid .*, and group alternatives: (a|b).', c));
    };
}
function topLevelAlternation(source) {
    let depth = 0;
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (char === '\\')
            i++;
        else if (char === '(')
            depth++;
        else if (char === ')')
            depth--;
        else if (char === '|' && depth === 0)
            return true;
    }
    return false;
}
function bindsRepository(c) {
    if (REPOSITORY_CLAIMS.includes(c.claim))
        return true;
    if (c.claim !== 'sub')
        return false;
    // repo:OWNER/... with the owner written out.
    const owner = /^repo:[A-Za-z0-9-]+\//;
    return c.matcher.kind === 'equals' ? c.matcher.values.every((value) => owner.test(value)) : owner.test(c.matcher.pattern);
}
function has(rule, claim) {
    return rule.conditions.some((c) => c.claim === claim);
}
function condition(rule, claim) {
    return rule.conditions.find((c) => c.claim === claim);
}
function policy_lint_finding(rule, id, severity, message, fix, at) {
    return { id, severity, rule: rule.name, message, fix, location: at?.location ?? rule.location };
}

// EXTERNAL MODULE: ./src/policy/load.ts + 3 modules
var load = __webpack_require__(8542);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
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
        const decision = (0,evaluate/* evaluatePolicy */.U)(policy, testCase.claims);
        const actual = { decision: decision.allowed ? 'allow' : 'deny', rule: decision.rule?.name ?? null };
        const passed = actual.decision === testCase.expect.decision && (testCase.expect.rule === undefined || actual.rule === testCase.expect.rule);
        const show = (outcome) => `${outcome.decision}${outcome.rule ? ` by rule "${outcome.rule}"` : outcome.rule === null ? ' by no rule' : ''}`;
        return { testCase, passed, diff: passed ? [] : [`- expected: ${show(testCase.expect)}`, `+ actual:   ${show(actual)}`, ...(0,explain/* explainDecision */.el)(decision).map((line) => `  ${line}`)] };
    });
}

// EXTERNAL MODULE: ./src/cli/cli-output.ts
var cli_output = __webpack_require__(8116);
// EXTERNAL MODULE: ./src/cli/commands/input-files.ts
var input_files = __webpack_require__(8315);
;// CONCATENATED MODULE: ./src/cli/commands/policy.ts
















const invalidInput = () => cli_output/* Exit */.Jc.Usage;
/** `policy validate`: 0 when the policy is valid, 1 when it is not (every problem listed), 2 on bad input. */
function policyValidate(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, (error) => (error.code === broker_error/* ErrorCode */.O4.PolicyInvalid ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Usage), async () => {
        const policy = await (0,load/* loadPolicyFile */.n$)(file, options.root);
        const rules = policy.rules.map((rule) => ({ name: rule.name, effect: rule.effect, line: rule.location.line }));
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ valid: true, file: policy.source, rules });
        else
            process.stdout.write(`${policy.source}: valid; ${rules.length} rule(s): ${rules.map((r) => `${r.name} (${r.effect})`).join(', ')}\n`);
        return cli_output/* Exit */.Jc.Ok;
    });
}
/** `policy explain`: 0 on allow, 1 on deny, 2 on invalid input; every rule's outcome is shown. */
function policyExplain(options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        if ((options.claims === undefined) === (options.token === undefined)) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'policy explain needs exactly one of --claims and --token.', { hint: 'Pass --claims FILE.json, or --token FILE.' });
        }
        const policy = await (0,load/* loadPolicyFile */.n$)(options.policy, options.root);
        const claims = options.claims !== undefined ? await readClaims(options.claims) : decodeToken(await (0,input_files/* readInputFile */.j)(options.token, 'token'));
        const decision = (0,evaluate/* evaluatePolicy */.U)(policy, claims);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)(decisionJson(decision));
        else
            process.stdout.write(`${(0,explain/* explainDecision */.el)(decision).join('\n')}\n`);
        return decision.allowed ? cli_output/* Exit */.Jc.Ok : cli_output/* Exit */.Jc.Refused;
    });
}
/** `policy test`: runs fixture cases; 0 when all pass, 1 on any failure (with a diff), 2 on invalid input. */
function policyTest(file, options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        const policy = await (0,load/* loadPolicyFile */.n$)(file, options.root);
        const cases = [];
        for (const path of await caseFiles(options.cases))
            cases.push(...parseTestCases(await (0,input_files/* readInputFile */.j)(path, 'test cases'), path));
        const results = runTestCases(policy, cases);
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
        const findings = lintPolicy(await (0,load/* loadPolicyFile */.n$)(file, options.root));
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ findings });
        else
            process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(finding/* formatFinding */.t).join('\n')}\n`);
        return findings.some((finding) => finding.severity === 'error') ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Ok;
    });
}
/** `policy export`: the cloud-side trust that enforces the policy; notes on what the cloud cannot express go to stderr. */
function policyExport(options) {
    return (0,cli_output/* runCommand */.d1)(options.format, invalidInput, async () => {
        if ([options.awsTrustPolicy, options.gcpAttributeCondition, options.awsRevocation].filter(Boolean).length !== 1) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'policy export needs exactly one of --aws-trust-policy, --gcp-attribute-condition and --aws-revocation.', { hint: 'Choose what to export.' });
        }
        const policy = await (0,load/* loadPolicyFile */.n$)(options.policy, options.root);
        if (options.awsRevocation) {
            const exported = exportAwsRevocation(policy, { rule: options.rule, role: options.role, revokeRole: options.revokeRole });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else {
                const sections = [
                    [`Trust policy of ${exported.target.roleArn}`, exported.target.trustPolicy],
                    [`Permissions boundary of ${exported.target.roleArn}`, exported.target.permissionsBoundary],
                    [`Permissions of the revoker ${exported.revoker.roleArn}`, exported.revoker.permissions],
                    [`Trust policy of the revoker ${exported.revoker.roleArn}`, exported.revoker.trustPolicy],
                ];
                process.stdout.write(sections.map(([title, document]) => `# ${title}\n${JSON.stringify(document, null, 2)}\n`).join('\n'));
            }
            writeNotes(options.format, exported.notes);
        }
        else if (options.awsTrustPolicy) {
            const exported = exportAwsTrustPolicy(policy, { rule: options.rule, role: options.role });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                (0,cli_output/* writeJson */.GF)(exported.document);
            writeNotes(options.format, [`Trust policy for ${exported.roleArn}.`, ...exported.notes]);
        }
        else {
            const exported = exportGcpAttributeCondition(policy, { rule: options.rule });
            if (options.format === 'json')
                (0,cli_output/* writeJson */.GF)(exported);
            else
                process.stdout.write(`${exported.condition}\n`);
            writeNotes(options.format, exported.notes);
        }
        return cli_output/* Exit */.Jc.Ok;
    });
}
function writeNotes(format, notes) {
    if (format === 'text')
        for (const note of notes)
            process.stderr.write(`note: ${note}\n`);
}
async function readClaims(file) {
    const text = await (0,input_files/* readInputFile */.j)(file, 'claims');
    try {
        const claims = JSON.parse(text);
        if (typeof claims === 'object' && claims !== null && !Array.isArray(claims))
            return claims;
    }
    catch {
        // Reported below.
    }
    throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${file} is not a JSON object of claims.`, { hint: 'Save the token’s payload, for example with `token verify --format json`.' });
}
/** The claims of a token, unverified: explain is about the policy, not the token's authenticity. */
function decodeToken(text) {
    try {
        return decodeJwt(text.trim());
    }
    catch {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenMalformed, 'The token file does not hold a JWT.', { hint: 'Pass the token exactly as the issuer produced it.' });
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

/***/ 5359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ sortFindings),
/* harmony export */   t: () => (/* binding */ formatFinding)
/* harmony export */ });
const ORDER = { error: 0, warning: 1, note: 2 };
function sortFindings(findings) {
    return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.id.localeCompare(b.id));
}
function formatFinding(finding) {
    const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}: ` : '';
    const about = finding.rule === null ? '' : ` [${finding.rule}]`;
    return `${where}${finding.severity} ${finding.id}${about}: ${finding.message}\n  fix: ${finding.fix}`;
}


/***/ }),

/***/ 9445:
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

/***/ 9242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rt: () => (/* binding */ REVOKER_ACTIONS),
/* harmony export */   jG: () => (/* binding */ DENIAL_PREFIX),
/* harmony export */   kW: () => (/* binding */ obsoleteDenials),
/* harmony export */   pX: () => (/* binding */ denyOneSession),
/* harmony export */   yw: () => (/* binding */ denySessionsIssuedBefore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
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
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(assumedRoleId).digest('hex').slice(0, 16);
    return {
        policyName: `${DENIAL_PREFIX}session-${compactTime(expiresAt)}-${digest}`,
        document: denyWhere('StringEquals', 'aws:userid', assumedRoleId),
        obsoleteAt: expiresAt,
    };
}
/** Denies every session of the role issued before `cutoff`, as AWS's "revoke active sessions" does. */
function denySessionsIssuedBefore(cutoff, maxSessionDurationSeconds) {
    // Whole seconds, so that the name (which has no milliseconds) and the condition agree.
    cutoff = new Date(Math.floor(cutoff.getTime() / 1000) * 1000);
    return {
        policyName: `${DENIAL_PREFIX}before-${compactTime(cutoff)}`,
        document: denyWhere('DateLessThan', 'aws:TokenIssueTime', cutoff.toISOString()),
        obsoleteAt: new Date(cutoff.getTime() + maxSessionDurationSeconds * 1000),
    };
}
/**
 * The denials among a role's inline policy names that protect nothing any more. Names that are not
 * ours, or that do not parse, are never touched.
 */
function obsoleteDenials(policyNames, now, maxSessionDurationSeconds) {
    return policyNames.filter((name) => {
        const session = /^ci-oidc-broker-deny-session-(\d{8}T\d{6}Z)-[0-9a-f]{16}$/.exec(name);
        if (session)
            return parseCompactTime(session[1]) < now.getTime();
        const before = /^ci-oidc-broker-deny-before-(\d{8}T\d{6}Z)$/.exec(name);
        if (before)
            return parseCompactTime(before[1]) + maxSessionDurationSeconds * 1000 < now.getTime();
        return false;
    });
}
function denyWhere(operator, key, value) {
    return {
        Version: '2012-10-17',
        Statement: [{ Sid: 'CiOidcBrokerRevocation', Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { [key]: value } } }],
    };
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

/***/ 7410:
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

/***/ 7784:
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
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7410);



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

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

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
