export const id = 37;
export const ids = [37];
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

/***/ 55359:
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

/***/ 41270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ lintPolicy)
});

// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(57314);
// EXTERNAL MODULE: ./src/policy/matchers.ts
var matchers = __webpack_require__(8451);
// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var finding = __webpack_require__(55359);
;// CONCATENATED MODULE: ./src/policy/lint/pattern-reach.ts
/**
 * What a condition admits, read from its text: the exact values it stands for, or the text every value
 * it admits must start with. Both are judged conservatively: a pattern this cannot read is taken to
 * admit anything, never less than it does.
 */
/** The values a matcher admits when they are finitely many and written out; undefined for any real pattern. */
function exactValues(matcher) {
    if (matcher.kind === 'equals')
        return matcher.values;
    const { prefix, complete } = literalPrefix(matcher);
    return complete ? [prefix] : undefined;
}
/**
 * The text that starts every value a matcher admits, and whether it is the whole of them. For an
 * equals matcher, the longest start its values share.
 */
function literalPrefix(matcher) {
    if (matcher.kind === 'equals') {
        const [first = '', ...rest] = matcher.values;
        let prefix = first;
        for (const value of rest)
            while (!value.startsWith(prefix))
                prefix = prefix.slice(0, -1);
        return { prefix, complete: rest.every((value) => value === first) };
    }
    if (matcher.kind === 'glob') {
        const star = matcher.pattern.indexOf('*');
        return star === -1 ? { prefix: matcher.pattern, complete: true } : { prefix: matcher.pattern.slice(0, star), complete: false };
    }
    return regexPrefix(matcher.pattern);
}
const METACHARACTERS = new Set([...'.[](){}*+?|^$']);
/**
 * The literal start of an RE2 pattern: plain characters and escaped punctuation, up to the first
 * construct that could match something else. A top-level alternation or a leading flag group means
 * no common start; a quantifier takes back the character it repeats.
 */
function regexPrefix(pattern) {
    if (topLevelAlternation(pattern))
        return { prefix: '', complete: false };
    const chars = [...pattern];
    let i = chars[0] === '^' ? 1 : 0;
    let prefix = '';
    while (i < chars.length) {
        const char = chars[i];
        // A closing anchor is the end of every value: the prefix is then all there is.
        if (char === '$' && i === chars.length - 1)
            return { prefix, complete: true };
        let atom;
        if (char === '\\') {
            const escaped = chars[i + 1];
            if (escaped === undefined || /[\p{L}\p{N}]/u.test(escaped))
                break;
            atom = escaped;
            i += 2;
        }
        else if (METACHARACTERS.has(char)) {
            break;
        }
        else {
            atom = char;
            i += 1;
        }
        const next = chars[i];
        if (next === '*' || next === '?' || next === '{')
            return { prefix, complete: false };
        prefix += atom;
        if (next === '+')
            return { prefix, complete: false };
    }
    return { prefix, complete: i === chars.length };
}
/** Whether a regex has a `|` outside any group or character class: alternatives of the whole pattern. */
function topLevelAlternation(source) {
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (char === '\\')
            i++;
        else if (inClass)
            inClass = char !== ']';
        else if (char === '[')
            inClass = true;
        else if (char === '(')
            depth++;
        else if (char === ')')
            depth--;
        else if (char === '|' && depth === 0)
            return true;
    }
    return false;
}
/** A condition as the policy writes it, for messages. */
function describeMatcher(matcher) {
    if (matcher.kind === 'equals')
        return matcher.values.length === 1 ? JSON.stringify(matcher.values[0]) : `[${matcher.values.map((value) => JSON.stringify(value)).join(', ')}]`;
    return `{${matcher.kind}: ${JSON.stringify(matcher.pattern)}}`;
}

;// CONCATENATED MODULE: ./src/policy/lint/github-probes.ts


/** The claims that tell a pull request, a push to any branch or an untrusted trigger apart from the job a rule is for. */
const PROBED_CLAIMS = new Set(['event_name', 'ref', 'ref_type', 'sub', 'head_ref', 'base_ref', 'workflow_ref', 'environment']);
/** A branch name that GitHub gives a pull request made in the web editor, and that no one protects. */
const ANY_BRANCH = 'patch-1';
const UNTRUSTED_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** Jobs of a pull request, in the repository the rule names: they run the pull request's code. */
function pullRequestProbes(rule) {
    const { repositories, workflows } = namedBy(rule);
    return repositories.flatMap((repository) => workflows.map((workflow) => ({
        event_name: 'pull_request',
        ref: 'refs/pull/1/merge',
        ref_type: 'branch',
        sub: `repo:${repository}:pull_request`,
        head_ref: ANY_BRANCH,
        base_ref: 'main',
        workflow_ref: `${plain(repository)}/${workflow}@refs/pull/1/merge`,
    })));
}
/** Pushes (or manual runs) of a branch and a tag that anyone with write access can create. */
function anyRefProbes(rule) {
    const { repositories, workflows } = namedBy(rule);
    return [`refs/heads/${ANY_BRANCH}`, `refs/tags/${ANY_BRANCH}`].flatMap((ref) => repositories.flatMap((repository) => workflows.flatMap((workflow) => ['push', 'workflow_dispatch'].map((event) => ({
        event_name: event,
        ref,
        ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
        sub: `repo:${repository}:ref:${ref}`,
        head_ref: '',
        base_ref: '',
        workflow_ref: `${plain(repository)}/${workflow}@${ref}`,
    })))));
}
/**
 * Jobs of pull_request_target and workflow_run: they run with a branch of the base repository as their
 * ref (the default branch, or the pull request's base), in its environments, on input a pull request
 * controls. Their sub is probed in both forms GitHub could give it.
 */
function untrustedTriggerProbes(rule, event) {
    const { repositories, branches, environments, workflows } = namedBy(rule);
    return repositories.flatMap((repository) => workflows.flatMap((workflow) => branches.flatMap((branch) => {
        const common = {
            event_name: event,
            ref: `refs/heads/${branch}`,
            ref_type: 'branch',
            head_ref: event === 'pull_request_target' ? ANY_BRANCH : '',
            base_ref: event === 'pull_request_target' ? branch : '',
            workflow_ref: `${plain(repository)}/${workflow}@refs/heads/${branch}`,
        };
        return [
            { ...common, sub: `repo:${repository}:ref:refs/heads/${branch}` },
            { ...common, sub: `repo:${repository}:pull_request` },
            ...environments.map((environment) => ({ ...common, environment, sub: `repo:${repository}:environment:${environment}` })),
        ];
    })));
}
/** Whether every condition of the rule on a probed claim holds for the probe. */
function admits(rule, probe) {
    return rule.conditions.every((c) => !PROBED_CLAIMS.has(c.claim) || holds(c, probe));
}
/**
 * Whether a deny rule of the policy refuses the probe for every job the rule admits: each of its
 * conditions holds for the probe, or is on a claim the rule pins to values the deny rule also matches.
 */
function deniedByPolicy(policy, rule, probe) {
    return policy.rules.some((deny) => deny.effect === 'deny' && deny.conditions.every((c) => holdsWherever(c, rule, probe, policy)));
}
function holdsWherever(deny, rule, probe, policy) {
    if (PROBED_CLAIMS.has(deny.claim))
        return holds(deny, probe);
    const own = rule.conditions.find((c) => c.claim === deny.claim);
    const values = own ? exactValues(own.matcher) : deny.claim === 'iss' ? policy.issuers : undefined;
    return values !== undefined && values.every((value) => (0,matchers/* matches */.cK)(deny.matcher, value));
}
/** A claim absent from the probe never matches, as in a token. */
function holds(c, probe) {
    const value = probe[c.claim];
    return value !== undefined && (0,matchers/* matches */.cK)(c.matcher, value);
}
const OWNER_OF_SUB = /^repo:([^:/@]+)(?:@[^:/]*)?\//;
function namedBy(rule) {
    const repositories = new Set();
    const owners = new Set();
    const names = new Set();
    const branches = new Set(['main', 'master']);
    const environments = new Set(['production']);
    const workflows = new Set();
    for (const { claim, matcher } of rule.conditions) {
        const values = exactValues(matcher) ?? [];
        const { prefix } = literalPrefix(matcher);
        if (claim === 'sub') {
            for (const text of [...values, prefix]) {
                const repository = /^repo:([^:]+):/.exec(text)?.[1];
                if (repository)
                    repositories.add(repository);
                const owner = OWNER_OF_SUB.exec(text)?.[1];
                if (owner)
                    owners.add(owner);
                const branch = /:ref:refs\/heads\/(.+)$/.exec(text)?.[1];
                if (branch && values.includes(text))
                    branches.add(branch);
                const environment = /:environment:(.+)$/.exec(text)?.[1];
                if (environment && values.includes(text))
                    environments.add(environment);
            }
        }
        else if (claim === 'repository') {
            for (const value of values) {
                repositories.add(value);
                names.add(value.split('/')[1] ?? '');
            }
            const owner = /^([^/]+)\//.exec(prefix)?.[1];
            if (owner)
                owners.add(owner);
        }
        else if (claim === 'repository_owner') {
            for (const value of values)
                owners.add(value);
        }
        else if (claim === 'ref') {
            for (const value of values)
                if (value.startsWith('refs/heads/'))
                    branches.add(value.slice('refs/heads/'.length));
        }
        else if (claim === 'environment') {
            for (const value of values)
                environments.add(value);
        }
        else if (claim === 'workflow_ref' || claim === 'job_workflow_ref') {
            for (const value of values) {
                const [, repository, workflow] = /^([^/]+\/[^/]+)\/([^@]+)@/.exec(value) ?? [];
                if (repository)
                    repositories.add(repository);
                if (workflow && claim === 'workflow_ref')
                    workflows.add(workflow);
            }
        }
    }
    for (const owner of owners)
        for (const name of [...names, 'r'])
            if (name)
                repositories.add(`${owner}/${name}`);
    if (repositories.size === 0)
        repositories.add('o/r');
    if (workflows.size === 0)
        workflows.add('.github/workflows/deploy.yml');
    return { repositories: [...repositories], branches: [...branches], environments: [...environments], workflows: [...workflows] };
}
/** OWNER/REPO without the ids of an immutable sub (OWNER@ID/REPO@ID). */
function plain(repository) {
    return repository.replace(/@[^/]*/g, '');
}

;// CONCATENATED MODULE: ./src/policy/lint/policy-lint.ts





const ONE_HOUR = 3600;
const RULE = { noun: 'rule', gets: 'gets its grant', denyRulesApply: true };
const OPERATOR = { noun: 'operator entry', gets: 'gets the operator API: every session in the inventory, and revocation of any repository’s', denyRulesApply: false };
/**
 * Lints a loaded policy for trust that is broader than it looks: its rules, and its `operators:` entries
 * by the same checks where they apply (not those about the credentials a grant hands out). Each finding
 * says what is wrong and how to fix it; errors are what `policy lint` fails on. An operator entry's
 * findings carry ids prefixed `operator-` and name it `operators: NAME`.
 */
function lintPolicy(policy) {
    const findings = policyWide(policy);
    for (const rule of policy.rules)
        findings.push(...lintSubject(rule, policy, RULE));
    for (const operator of policy.operators) {
        const asRule = { name: `operators: ${operator.name}`, effect: 'allow', conditions: operator.conditions, grant: undefined, location: operator.location };
        findings.push(...lintSubject(asRule, policy, OPERATOR).map((found) => ({ ...found, id: `operator-${found.id}` })));
    }
    return (0,finding/* sortFindings */.T)(findings);
}
function lintSubject(rule, policy, w) {
    // Each CI system's claims mean different things, so each has its own traps.
    const system = ciSystemOfRule(rule, policy);
    return [...GENERAL_CHECKS, ...(system ? CI_CHECKS[system] : [unknownSystem])].flatMap((check) => check(rule, policy, w));
}
/**
 * The CI system whose tokens a rule reads: its own issuer's, or the policy's when all issuers agree
 * (GitHub's when they do not); undefined for an issuer the broker does not model.
 */
function ciSystemOfRule(rule, policy) {
    const own = condition(rule, 'iss');
    const issuers = own?.matcher.kind === 'equals' ? own.matcher.values : policy.issuers;
    const systems = new Set(issuers.map((issuer) => (0,ci_systems/* ciSystemOf */.f9)(issuer)?.system));
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
const unknownSystem = (rule, policy, w) => {
    const issuers = exactValues(condition(rule, 'iss')?.matcher ?? { kind: 'equals', values: policy.issuers }) ?? [];
    return [
        policy_lint_finding(rule, 'unknown-ci-system', 'note', `The broker does not know the claims of ${issuers.join(', ')}: lint cannot tell which of the ${w.noun}'s conditions bind a project or a protected branch.`, `Check by hand that the ${w.noun} binds the project by an id that is never reused, and a protected branch.`),
    ];
};
const exact = (c) => exactValues(c.matcher) !== undefined;
const exactOrOwner = (owner) => (c) => {
    const values = exactValues(c.matcher);
    return values ? values.every((value) => owner.test(value)) : owner.test(literalPrefix(c.matcher).prefix);
};
const GITHUB_BINDINGS = {
    repository_id: exact,
    repository_owner_id: exact,
    repository: exactOrOwner(/^[^/]+\//),
    repository_owner: exact,
    // repo:OWNER/REPO:... or, in immutable form, repo:OWNER@ID/REPO@ID:...
    sub: exactOrOwner(/^repo:[A-Za-z0-9-]+[/@]/),
};
const GITLAB_BINDINGS = {
    project_id: exact,
    namespace_id: exact,
    project_path: exactOrOwner(/^[^/]+\//),
    namespace_path: exactOrOwner(/^[^/]+(\/|$)/),
};
/**
 * The rule's failure to bind an identity, as a finding, or none. `wanted` says what to add; the message
 * names conditions that look like a binding but, being patterns, are not.
 */
function unbound(rule, bindings, id, message, wanted) {
    if (rule.effect !== 'allow')
        return [];
    const candidates = rule.conditions.filter((c) => Object.hasOwn(bindings, c.claim));
    if (candidates.some((c) => bindings[c.claim](c)))
        return [];
    const patterns = candidates.filter((c) => c.matcher.kind !== 'equals');
    if (patterns.length === 0)
        return [policy_lint_finding(rule, id, 'error', message, `Add ${wanted} to its match.`)];
    const written = patterns.map((c) => `\`${c.claim}: ${describeMatcher(c.matcher)}\``).join(' and ');
    return [policy_lint_finding(rule, id, 'error', `${message} Its ${written} ${patterns.length === 1 ? 'is a pattern that admits' : 'are patterns that admit'} other identities too: only exact values bind.`, `Give ${wanted} an exact value, or a list of them.`, patterns[0])];
}
/** Names matched without the id that makes them safe. */
function namesWithoutIds(rule, pairs, report) {
    return pairs.flatMap(([name, id]) => {
        const named = condition(rule, name);
        const bound = condition(rule, id);
        return named && !(bound && exact(bound)) ? [report(name, id, named)] : [];
    });
}
const GITHUB_CHECKS = [
    (rule, _policy, w) => unbound(rule, GITHUB_BINDINGS, 'no-repository-binding', `The ${w.noun} is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, ${w.gets}.`, '`repository_id` (or `repository_owner_id`)'),
    (rule, _policy, w) => namesWithoutIds(rule, [
        ['repository', 'repository_id'],
        ['repository_owner', 'repository_owner_id'],
    ], (name, id, at) => policy_lint_finding(rule, 'name-without-id', 'warning', `The ${w.noun} matches \`${name}\` by name only; a deleted or renamed ${name === 'repository' ? 'repository' : 'owner'} lets someone else register the name.`, `Match \`${id}\` as well: IDs are never reused.`, at)),
    (rule, _policy, w) => {
        // The default subject names the owner; the immutable one (repo:OWNER@ID/REPO@ID:...) carries its id.
        const sub = condition(rule, 'sub');
        const ids = ['repository_id', 'repository_owner_id'].flatMap((claim) => condition(rule, claim) ?? []);
        if (!sub || !GITHUB_BINDINGS.sub(sub) || ids.some(exact))
            return [];
        return (exactValues(sub.matcher) ?? [literalPrefix(sub.matcher).prefix]).every((value) => /^repo:[^:/@]+@/.test(value))
            ? []
            : [policy_lint_finding(rule, 'name-without-id', 'warning', `The ${w.noun} binds \`sub\` to an owner by name only; a deleted or renamed owner lets someone else register the name.`, 'Match `repository_owner_id` (or `repository_id`) as well, or use GitHub’s immutable subject (repo:OWNER@ID/REPO@ID:...).', sub)];
    },
    (rule, policy, w) => (rule.effect === 'allow' ? untrustedTriggers(rule, policy, w) : []),
    (rule, _policy, w) => rule.effect === 'allow' && has(rule, 'environment')
        ? [policy_lint_finding(rule, 'environment-trust', 'note', `The ${w.noun} trusts a deployment environment: that is only as strong as the environment’s protection.`, `Give the environment required reviewers and deployment branch rules, in every repository the ${w.noun} covers.`, condition(rule, 'environment'))]
        : [],
    (rule, _policy, w) => ['workflow', 'workflow_ref']
        .filter((claim) => has(rule, claim))
        .map((claim) => policy_lint_finding(rule, 'caller-workflow-claim', 'warning', `The ${w.noun} matches \`${claim}\`, the calling workflow, which the repository can edit or rename; it does not prove which reusable workflow ran.`, 'Match `job_workflow_ref` (and pin its @ref) to require a sanctioned reusable workflow.', condition(rule, claim))),
    (rule) => {
        const environment = condition(rule, 'environment');
        const runner = condition(rule, 'runner_environment');
        const production = environment && ['production', 'prod'].some((name) => (0,matchers/* matches */.cK)(environment.matcher, name));
        // About the credentials a grant hands out: an operator entry hands out none.
        if (rule.effect !== 'allow' || !rule.grant || !production || (runner && !(0,matchers/* matches */.cK)(runner.matcher, 'self-hosted')))
            return [];
        return [policy_lint_finding(rule, 'self-hosted-production', 'warning', 'The rule grants production credentials to jobs on self-hosted runners, which may keep state between jobs.', 'Add `runner_environment: github-hosted`, or a deny rule for self-hosted runners in production.', environment)];
    },
];
/**
 * Jobs a rule admits though their code or input comes from outside the branches it means: pull requests,
 * pushes to any branch, and pull_request_target or workflow_run. Each is put to the rule as the claims
 * GitHub would give it in the rule's own repository; a deny rule of the policy that refuses it is enough.
 */
function untrustedTriggers(rule, policy, w) {
    const admitted = (probes) => probes.find((probe) => admits(rule, probe) && !(w.denyRulesApply && deniedByPolicy(policy, rule, probe)));
    const noDeny = w.denyRulesApply ? '' : ' (deny rules do not apply to operators)';
    const results = [];
    const event = condition(rule, 'event_name');
    const allowed = event ? UNTRUSTED_TRIGGERS.filter((name) => (0,matchers/* matches */.cK)(event.matcher, name)) : [];
    if (allowed.length > 0) {
        results.push(policy_lint_finding(rule, 'untrusted-trigger', 'error', `The ${w.noun} allows ${allowed.join(' and ')}, which run with the base repository's trust on code or input that a pull request controls.`, w.denyRulesApply ? 'Remove these events from the rule, and add a deny rule for them.' : `Remove these events from the ${w.noun}${noDeny}.`, event));
    }
    // What a rule writes about pull requests: left unwritten, it is an unpinned ref (below).
    const pullRequest = admitted(pullRequestProbes(rule));
    const explicit = pullRequest ? rule.conditions.filter((c) => ['ref', 'sub', 'event_name'].includes(c.claim)) : [];
    if (pullRequest && explicit.length > 0) {
        const what = explicit.map((c) => (c.claim === 'ref' ? 'refs/pull/*' : c.claim === 'sub' ? `the subject ${pullRequest.sub}` : 'the pull_request event'));
        results.push(policy_lint_finding(rule, 'untrusted-trigger', 'error', `The ${w.noun} allows ${what.join(', ')}: jobs that run a pull request’s code.`, w.denyRulesApply ? 'Pin `ref` (or the ref in `sub`) to protected branches or tags, and add a deny rule for pull_request events.' : `Pin \`ref\` (or the ref in \`sub\`) to a protected branch, and \`event_name\` to workflow_dispatch${noDeny}.`, explicit[0]));
    }
    const anyRef = pullRequest && explicit.length > 0 ? undefined : admitted(anyRefProbes(rule));
    if (anyRef) {
        const pin = rule.conditions.find((c) => c.claim === 'ref' || c.claim === 'sub');
        results.push(pin
            ? policy_lint_finding(rule, 'unpinned-ref', 'warning', `The ${w.noun}'s \`${pin.claim}\` admits any branch or tag (${pin.claim === 'ref' ? anyRef.ref : anyRef.sub}, say), including one a pull request pushes: each ${w.gets}.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.', pin)
            : policy_lint_finding(rule, 'unpinned-ref', 'warning', `The ${w.noun} does not pin \`ref\`: any branch, including one a pull request pushes, ${w.gets}.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.'));
    }
    if (!event) {
        const open = UNTRUSTED_TRIGGERS.filter((name) => admitted(untrustedTriggerProbes(rule, name)));
        if (open.length > 0) {
            results.push(policy_lint_finding(rule, 'untrusted-trigger-open', 'warning', `The ${w.noun} leaves \`event_name\` open, so it admits ${open.join(' and ')}: they run with a branch of the repository as their ref (the default branch, or a pull request's base) and in its environments, on code or input a pull request controls.`, w.denyRulesApply
                ? `Add this deny rule: \`- {name: no-untrusted-triggers, effect: deny, match: {event_name: [pull_request, ${UNTRUSTED_TRIGGERS.join(', ')}]}}\`, or match \`event_name\` to the events you mean (push, workflow_dispatch).`
                : `Match \`event_name\` to the events operators use, such as workflow_dispatch${noDeny}.`));
        }
    }
    return results;
}
const CI_CHECKS = {
    'github-actions': GITHUB_CHECKS,
    gitlab: [
        (rule, _policy, w) => unbound(rule, GITLAB_BINDINGS, 'no-repository-binding', `The GitLab ${w.noun} is not bound to a project or a group: any project on the instance with matching claims ${w.gets}.`, '`project_id` (or `namespace_id`)'),
        (rule, _policy, w) => namesWithoutIds(rule, [
            ['project_path', 'project_id'],
            ['namespace_path', 'namespace_id'],
        ], (name, id, at) => policy_lint_finding(rule, 'gitlab-path-without-id', 'error', `The ${w.noun} trusts \`${name}\` without \`${id}\`: a deleted or renamed project or group frees the path for someone else, and in merge-request pipelines from forks the project claims name the fork.`, `Match \`${id}\` (numeric, never reused), and deny \`pipeline_source: merge_request_event\` where forks must not deploy.`, at)),
        (rule, _policy, w) => {
            const ref = condition(rule, 'ref');
            const type = condition(rule, 'ref_type');
            const protectedRef = condition(rule, 'ref_protected');
            const qualified = (type && !(0,matchers/* matches */.cK)(type.matcher, 'tag')) || (protectedRef && !(0,matchers/* matches */.cK)(protectedRef.matcher, 'false'));
            return rule.effect === 'allow' && ref && !qualified
                ? [policy_lint_finding(rule, 'gitlab-ref-unqualified', 'warning', `The ${w.noun} matches GitLab’s \`ref\`, the bare name of a branch or of a tag: a tag named like the branch (anyone who can push a tag can make one) matches as well.`, 'Add `ref_protected: "true"` and `ref_type: branch`, or match `ref_path: refs/heads/NAME` instead.', ref)]
                : [];
        },
    ],
    circleci: [
        (rule, _policy, w) => unbound(rule, { 'oidc.circleci.com/vcs-origin': exactOrOwner(/^[^/]+\/[^/]+\//) }, 'circleci-no-vcs-origin', `The CircleCI ${w.noun} does not check \`oidc.circleci.com/vcs-origin\`: a build of a fork of the project runs as the project and ${w.gets}.`, '`oidc.circleci.com/vcs-origin` (github.com/OWNER/REPO, with `oidc.circleci.com/project-id`)'),
    ],
    buildkite: [
        (rule, _policy, w) => unbound(rule, { organization_id: exact, organization_slug: exact }, 'buildkite-no-organization', `Every Buildkite organisation shares the issuer ${ci_systems/* CI_SYSTEMS */.mU.buildkite.defaultIssuer}: ${w.noun === 'rule' ? 'a rule' : 'an operator entry'} without an organisation binding admits any organisation's pipelines.`, '`organization_id` (or `organization_slug`), and `pipeline_slug` for the pipeline,'),
        (rule, _policy, w) => {
            const branch = condition(rule, 'build_branch');
            const source = condition(rule, 'build_source');
            const chosen = ['ui', 'api', 'trigger_job'].filter((value) => !source || (0,matchers/* matches */.cK)(source.matcher, value));
            return rule.effect === 'allow' && branch && chosen.length > 0
                ? [policy_lint_finding(rule, 'buildkite-branch-chosen', 'warning', `The ${w.noun} trusts \`build_branch\`, which whoever starts a build chooses (builds from ${chosen.join(', ')}): a build of any commit can name the branch.`, 'Add `build_source: webhook`, so that only builds of pushes to the repository count, and protect the branch there.', branch)]
                : [];
        },
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
function has(rule, claim) {
    return rule.conditions.some((c) => c.claim === claim);
}
function condition(rule, claim) {
    return rule.conditions.find((c) => c.claim === claim);
}
function policy_lint_finding(rule, id, severity, message, fix, at) {
    return { id, severity, rule: rule.name, message, fix, location: at?.location ?? rule.location };
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
