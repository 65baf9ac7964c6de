export const id = 760;
export const ids = [760];
export const modules = {

/***/ 16391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ credentialCloud),
/* harmony export */   D9: () => (/* binding */ scanEnvironment),
/* harmony export */   IL: () => (/* binding */ inherit),
/* harmony export */   P8: () => (/* binding */ referencedSecrets),
/* harmony export */   j5: () => (/* binding */ isLiteralCredential),
/* harmony export */   nw: () => (/* binding */ scanScript),
/* harmony export */   pE: () => (/* binding */ reportStatic),
/* harmony export */   yn: () => (/* binding */ STATIC_COMMANDS)
/* harmony export */ });
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66411);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93753);


const STATIC_RULE = { aws: 'static-aws-keys', gcp: 'static-gcp-key', azure: 'static-azure-secret' };
const CLOUD_NAME = { aws: 'AWS', gcp: 'Google', azure: 'Azure' };
/** Variables every SDK and CLI of a cloud reads a static credential from. */
const CREDENTIAL_VARIABLES = {
    AWS_ACCESS_KEY_ID: 'aws',
    AWS_SECRET_ACCESS_KEY: 'aws',
    GOOGLE_CREDENTIALS: 'gcp',
    GOOGLE_CLOUD_KEYFILE_JSON: 'gcp',
    GCLOUD_SERVICE_KEY: 'gcp',
    GCP_SA_KEY: 'gcp',
    AZURE_CLIENT_SECRET: 'azure',
    ARM_CLIENT_SECRET: 'azure',
    AZURE_CREDENTIALS: 'azure',
};
/** The cloud whose static credential a variable holds, for the plan that removes it. */
function credentialCloud(name) {
    return name === 'GOOGLE_APPLICATION_CREDENTIALS' ? 'gcp' : CREDENTIAL_VARIABLES[name];
}
// An id rather than a secret: a literal one is reported by the key-material scan, not here.
const IDENTIFIERS = new Set(['AWS_ACCESS_KEY_ID']);
/** A credential written out in the file rather than read from a secret. */
function isLiteralCredential(variable, value) {
    return !isExpression(value) && variable in CREDENTIAL_VARIABLES && !IDENTIFIERS.has(variable);
}
/** The secrets (GitHub) or CI variables (elsewhere) a value reads. */
function referencedSecrets(value, system) {
    const pattern = system === 'github-actions' ? /secrets\.([A-Za-z_][A-Za-z0-9_]*)|secrets\[\s*['"]([^'"]+)['"]\s*\]/g : /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;
    return [...value.matchAll(pattern)].map((match) => match[1] ?? match[2]).filter((name) => name !== 'GITHUB_TOKEN');
}
function isExpression(value) {
    return /\$\{\{|\$\{?[A-Za-z_]/.test(value);
}
/** Records that `job` holds a static credential, and reports it at `at`. */
function reportStatic(sink, job, cloud, secrets, what, at) {
    if (job) {
        job.clouds.add(cloud);
        for (const secret of secrets)
            job.secrets.set(secret, cloud);
    }
    const from = secrets.length > 0 ? ` from ${secrets.length === 1 ? 'the secret' : 'the secrets'} ${secrets.join(', ')}` : '';
    sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)(STATIC_RULE[cloud], `${what}${from}: a static ${CLOUD_NAME[cloud]} credential`, at, job?.name));
}
/**
 * Credential variables set in an `env:` or `variables:` mapping, at `level` (workflow, job, step…).
 * One finding per cloud per mapping; a credential written out literally is reported by fingerprint.
 * Returns what it found, for the jobs that inherit the mapping.
 */
function scanEnvironment(file, sink, job, env, level, system) {
    const byCloud = new Map();
    for (const { key, keyNode, value } of (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entries */ .jO)(env)) {
        const raw = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(value) ?? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entries */ .jO)(value).find((entry) => entry.key === 'value')?.value);
        if (raw === undefined)
            continue;
        const cloud = key === 'GOOGLE_APPLICATION_CREDENTIALS' ? keyFileVariable(raw, sink) : CREDENTIAL_VARIABLES[key];
        if (cloud === undefined)
            continue;
        const group = byCloud.get(cloud) ?? { names: [], secrets: [], at: keyNode };
        group.names.push(key);
        group.secrets.push(...referencedSecrets(raw, system));
        byCloud.set(cloud, group);
        if (isLiteralCredential(key, raw)) {
            const print = (0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .Rj)(raw);
            sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)('committed-credential', `${key} is written out in ${level} configuration (fingerprint ${print})`, file.at(value), job?.name, print));
        }
    }
    for (const [cloud, group] of byCloud)
        reportStatic(sink, job, cloud, [...new Set(group.secrets)], `${level} env sets ${group.names.join(', ')}`, file.at(group.at));
    return { clouds: [...byCloud.keys()], secrets: [...byCloud].flatMap(([cloud, group]) => group.secrets.map((secret) => [secret, cloud])) };
}
function inherit(job, credentials) {
    for (const cloud of credentials.clouds)
        job.clouds.add(cloud);
    for (const [secret, cloud] of credentials.secrets)
        job.secrets.set(secret, cloud);
}
/**
 * GOOGLE_APPLICATION_CREDENTIALS is static when it names a key file; one that a federation step
 * wrote (an output of google-github-actions/auth, say) is left alone.
 */
function keyFileVariable(value, sink) {
    if (/steps\.|outputs\.|GOOGLE_GHA_CREDS_PATH/.test(value))
        return undefined;
    if (!isExpression(value))
        sink.keyFiles.add(value.replace(/^\.\//, ''));
    return 'gcp';
}
const STATIC_COMMANDS = [
    { cloud: 'gcp', pattern: /\bgcloud\s+auth\s+activate-service-account\b.*--key-file/, what: 'gcloud auth activate-service-account --key-file' },
    { cloud: 'aws', pattern: /\baws\s+configure\s+set\s+(?:\S+\.)?aws_(?:secret_access_key|access_key_id)\b/, what: 'aws configure set with an access key' },
    { cloud: 'aws', pattern: /^(?:export\s+)?AWS_(?:SECRET_ACCESS_KEY|ACCESS_KEY_ID)=/, what: 'the script exports AWS access keys' },
    { cloud: 'azure', pattern: /\baz\s+login\b(?=.*--service-principal)(?!.*--federated-token)/, what: 'az login --service-principal with a client secret' },
];
/** Federation done by hand in a script: the job already trades an OIDC token. */
const OIDC_COMMANDS = /\bci-oidc-broker\s+(?:exchange|aws-credential-process)\b|assume-role-with-web-identity|\bbuildkite-agent\s+oidc\s+request-token\b|--federated-token\b|create-cred-config\b/;
/** A job's script lines: static credentials used by commands, and hand-made federation. */
function scanScript(file, sink, job, lines, system) {
    for (const { line, node } of lines) {
        if (OIDC_COMMANDS.test(line)) {
            if (job)
                job.migrated = true;
            // The command's name only: the rest of the line may carry a value.
            sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)('oidc-migrated', `the script exchanges an OIDC token (${OIDC_COMMANDS.exec(line)[0]})`, file.within(node, line), job?.name));
        }
        for (const command of STATIC_COMMANDS.filter((c) => c.pattern.test(line))) {
            const keyFile = /--key-file[=\s]+["']?([^\s"']+)/.exec(line)?.[1];
            if (keyFile !== undefined && !isExpression(keyFile))
                sink.keyFiles.add(keyFile.replace(/^\.\//, ''));
            // The key usually reaches the file from a variable a line before: `echo "$KEY" > key.json`.
            const writers = keyFile === undefined ? [] : lines.filter((other) => other.line.includes(keyFile) && /(?:>>?|\btee\b)/.test(other.line) && !command.pattern.test(other.line));
            reportStatic(sink, job, command.cloud, [...new Set([...referencedSecrets(line, system), ...writers.flatMap((writer) => referencedSecrets(writer.line, system))])], command.what, file.within(node, line));
        }
    }
}


/***/ }),

/***/ 66411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   oI: () => (/* binding */ sortScanFindings),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The rule ids are a contract: SARIF consumers (GitHub code scanning among them) track alerts by them,
 * so an id is never renamed or reused.
 */
const RULES = {
    'static-aws-keys': {
        severity: 'error',
        title: 'Static AWS access keys in a CI job',
        fix: 'Give the job `permissions: id-token: write` and exchange its OIDC token for a short-lived role session (this action, or configure-aws-credentials with role-to-assume); then delete the keys and the secrets that hold them.',
    },
    'static-gcp-key': {
        severity: 'error',
        title: 'A Google service-account key in a CI job',
        fix: 'Trust the CI issuer in a workload identity pool and exchange the job’s OIDC token (this action, or google-github-actions/auth with workload_identity_provider); then delete the key.',
    },
    'static-azure-secret': {
        severity: 'error',
        title: 'An Azure client secret in a CI job',
        fix: 'Add a federated credential for the CI issuer to the app registration and log in with client-id, tenant-id and subscription-id only; then delete the client secret.',
    },
    'committed-aws-access-key-id': {
        severity: 'error',
        title: 'An AWS access key id committed to the repository',
        fix: 'Deactivate and delete the access key in IAM (it stays in the history), remove it from the file, and move the job to OIDC.',
    },
    'committed-gcp-service-account-key': {
        severity: 'error',
        title: 'A Google service-account key committed to the repository',
        fix: 'Delete the key in IAM (it stays in the history), remove it from the repository, and move the job to workload identity federation.',
    },
    'committed-private-key': {
        severity: 'error',
        title: 'A private key committed to the repository',
        fix: 'Revoke or rotate the key wherever it is trusted (it stays in the history), and remove it from the repository.',
    },
    'committed-credential': {
        severity: 'error',
        title: 'A credential written into CI configuration',
        fix: 'Revoke the credential (it stays in the history), and replace it with short-lived credentials from the job’s OIDC token.',
    },
    'oidc-migrated': {
        severity: 'note',
        title: 'A job already on OIDC',
        fix: 'Nothing to migrate; keep its trust narrow.',
    },
    'oidc-without-policy': {
        severity: 'warning',
        title: 'An OIDC job that no broker policy covers',
        fix: 'Only the cloud-side trust decides for this job: write a policy (`ci-oidc-broker policy init` from the existing trust) and lint it, or lint the trust itself (`ci-oidc-broker lint aws-trust-policy`).',
    },
    'oidc-wide-trust': {
        severity: 'warning',
        title: 'An OIDC job whose trust is wider than it looks',
        fix: 'Run `ci-oidc-broker policy lint` on the policy and narrow the rules it flags.',
    },
    'id-token-write-workflow-level': {
        severity: 'warning',
        title: '`id-token: write` granted to every job of a workflow',
        fix: 'Grant `id-token: write` in `permissions:` of the jobs that exchange a token, and nothing at workflow level.',
    },
    'secrets-in-privileged-trigger': {
        severity: 'error',
        title: 'Secrets used under pull_request_target or workflow_run',
        fix: 'Do not hand secrets to jobs that a pull request from a fork can start: move the work to a `pull_request` workflow, or gate it behind an environment with required reviewers.',
    },
    'static-keys-reachable-from-forks': {
        severity: 'error',
        title: 'Static cloud keys reachable from forks',
        fix: 'A fork’s pull request can run this job with the keys: move it to OIDC with a policy that admits only protected refs, and delete the keys.',
        limits: 'Reported where the files alone show the way in: GitHub Actions jobs on pull_request_target or workflow_run, and GitLab jobs whose rules run them in merge request pipelines. Whether a fork’s merge request pipeline runs in the parent project (a member starts it) and whether the variables are protected (protected ones stay out of it) are project settings that no CI file shows.',
    },
    'static-keys-forks-by-setting': {
        severity: 'warning',
        title: 'Static cloud keys that forks reach if a project setting allows',
        fix: 'Move the job to OIDC and delete the keys; until then, keep the setting that passes secrets to builds of forks off, and limit the job to protected branches in the file.',
        limits: 'The setting is not in any CI file. CircleCI builds a fork’s pull request on a branch named pull/N, with the project’s secrets only when "Pass secrets to builds from forked pull requests" is on: jobs that every workflow limits to named branches (filters: branches: only) are not reported. Buildkite builds pull requests from forks when the pipeline’s "Build pull requests from third-party forked repositories" is on: steps whose if: refuses build.pull_request.repository.fork are not reported.',
    },
};
function finding(rule, message, location, job, fingerprint) {
    return { rule, severity: RULES[rule].severity, message, fix: RULES[rule].fix, location, job, ...(fingerprint === undefined ? {} : { fingerprint }) };
}
/** Enough to tell two keys apart and to find one again in a key inventory; nothing to recover it from. */
function fingerprint(material) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(material).digest('hex').slice(0, 16)}`;
}
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function sortScanFindings(findings) {
    return [...findings].sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column || a.rule.localeCompare(b.rule));
}


/***/ }),

/***/ 28841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ circleCiIssuer),
/* harmony export */   H$: () => (/* binding */ TODO_SERVICE_ACCOUNT),
/* harmony export */   UY: () => (/* binding */ TODO_ROLE),
/* harmony export */   Vk: () => (/* binding */ AWS_AUDIENCE),
/* harmony export */   aZ: () => (/* binding */ draftPolicy),
/* harmony export */   bm: () => (/* binding */ TODO_PROVIDER),
/* harmony export */   tK: () => (/* binding */ TODO_UUID),
/* harmony export */   zU: () => (/* binding */ idFor)
/* harmony export */ });
/* unused harmony exports GITLAB_ISSUER, BUILDKITE_ISSUER */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _readers_circleci_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97660);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93753);



// Events whose runs a pull request controls: the deny rule every draft starts with, so that its lint is clean.
const UNTRUSTED_EVENTS = ['pull_request', 'pull_request_target', 'workflow_run'];
// GitLab pipelines for merge requests, from forks among them, and for GitHub pull requests on mirrored projects.
const MERGE_REQUEST_SOURCES = ['merge_request_event', 'external_pull_request_event'];
const AWS_AUDIENCE = 'sts.amazonaws.com';
const GITLAB_ISSUER = 'https://gitlab.com';
const BUILDKITE_ISSUER = 'https://agent.buildkite.com';
const TODO_ROLE = (rule) => `arn:aws:iam::000000000000:role/TODO-${rule}`.slice(0, 100);
const TODO_PROVIDER = 'projects/0/locations/global/workloadIdentityPools/todo-pool/providers/todo-provider';
const TODO_SERVICE_ACCOUNT = 'todo-service-account@todo-project.iam.gserviceaccount.com';
const TODO_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// GitHub's and GitLab's ids are numbers; CircleCI's and Buildkite's are UUIDs.
const NUMERIC_IDS = new Set(['github-actions', 'gitlab']);
const q = (value) => JSON.stringify(value);
const list = (values) => (values.length === 1 ? q(values[0]) : `[${values.map(q).join(', ')}]`);
const todo = (what) => (what === undefined ? '' : `   # TODO: ${what}`);
const remark = (line) => (line.todo !== undefined ? todo(line.todo) : line.comment !== undefined ? `   # ${line.comment}` : '');
/** The id when it has the form the system's claim has (numeric on GitHub and GitLab, a UUID elsewhere). */
function idFor(system, id) {
    if (id === undefined)
        return undefined;
    return (NUMERIC_IDS.has(system) ? /^\d+$/ : UUID).test(id) ? id : undefined;
}
/** CircleCI's issuer is the organization's own. */
function circleCiIssuer(identity) {
    return `https://oidc.circleci.com/org/${idFor('circleci', identity.ownerId) ?? TODO_UUID}`;
}
/**
 * A policy of one allow rule for a job that now holds static keys, bound to its system's immutable ids,
 * to the refs its triggers or rules run on and its environment, granting what the keys reached, after
 * the deny rules its system needs. Every value the scan could not know is a placeholder that
 * validates, marked TODO.
 */
function draftPolicy(inputs) {
    const { grant } = inputs;
    const shape = SHAPES[inputs.system](inputs);
    const audiences = shape.audience !== undefined ? [shape.audience.value] : [...(grant.awsRole ? [AWS_AUDIENCE] : []), ...(grant.gcp ? [`//iam.googleapis.com/${grant.gcp.provider}`] : [])];
    const matchLines = (match) => match.map((line) => `      ${line.claim.includes('/') ? q(line.claim) : line.claim}: ${line.value}${remark(line)}`);
    const lines = [
        `# A draft written by \`ci-oidc-broker scan --plan\` for ${inputs.origin}.`,
        '# Resolve every TODO, run `ci-oidc-broker policy lint`, then merge the rules into the policy.',
        'version: 1',
        ...(shape.issuer ? [`issuers: [${shape.issuer.value}]${remark(shape.issuer)}`] : []),
        `audiences: [${audiences.map(q).join(', ')}]${todo(shape.audience?.todo)}`,
        'rules:',
        ...shape.denies.flatMap((deny) => [`  - name: ${deny.name}`, '    effect: deny', '    match:', ...matchLines(deny.match)]),
        `  - name: ${inputs.ruleName}`,
        '    match:',
        ...matchLines(shape.match),
        '    grant:',
        ...(grant.awsRole ? ['      aws:', `        roles: [${q(grant.awsRole.value)}]${todo(grant.awsRole.todo ? 'the role that replaces the keys (--map SECRET=ROLE_ARN)' : undefined)}`] : []),
        ...(grant.gcp
            ? [
                '      gcp:',
                `        workload-identity-provider: ${q(grant.gcp.provider)}${todo(grant.gcp.todo ? 'the workload identity pool provider' : undefined)}`,
                `        service-accounts: [${q(grant.gcp.serviceAccount)}]${todo(grant.gcp.todo ? 'the service account whose key the job holds (--map SECRET=EMAIL)' : undefined)}`,
            ]
            : []),
    ];
    return `${lines.join('\n')}\n`;
}
/** An id's match line: the id given, or a placeholder of the same form, marked TODO. */
function idLine(system, claim, id, what) {
    const given = idFor(system, id);
    return { claim, value: q(given ?? (NUMERIC_IDS.has(system) ? '0' : TODO_UUID)), todo: given === undefined ? what : undefined };
}
const SHAPES = {
    'github-actions': ({ identity, root, job }) => {
        const ref = githubRef(root, identity.defaultBranch);
        const environment = environmentOf(job);
        return {
            denies: [{ name: 'no-untrusted-triggers', match: [{ claim: 'event_name', value: `[${UNTRUSTED_EVENTS.join(', ')}]` }] }],
            match: [
                idLine('github-actions', 'repository_owner_id', identity.ownerId, "the owner's numeric id (--owner-id)"),
                idLine('github-actions', 'repository_id', identity.repositoryId, "the repository's numeric id (--repository-id)"),
                { claim: 'ref', value: ref.value, todo: ref.todo ? 'the default branch, which scheduled and dispatched runs use' : undefined },
                ...(environment === undefined ? [] : [{ claim: 'environment', value: q(environment) }]),
                { claim: 'runner_environment', value: 'github-hosted' },
            ],
        };
    },
    gitlab: ({ identity, job }) => {
        const refs = gitlabRefs(job);
        const environment = environmentOf(job);
        return {
            issuer: { claim: 'issuers', value: q(GITLAB_ISSUER), comment: "a self-managed instance's own URL instead (and --issuer for the exchange)" },
            denies: [{ name: 'no-merge-request-pipelines', match: [{ claim: 'pipeline_source', value: `[${MERGE_REQUEST_SOURCES.join(', ')}]` }] }],
            match: [
                idLine('gitlab', 'namespace_id', identity.ownerId, "the group's numeric id (--owner-id)"),
                idLine('gitlab', 'project_id', identity.repositoryId, "the project's numeric id (--repository-id)"),
                { claim: 'ref_protected', value: q('true') },
                ...(refs.type === undefined ? [] : [{ claim: 'ref_type', value: refs.type }]),
                ...(refs.names.length > 0 ? [{ claim: 'ref', value: list(refs.names), todo: refs.todo ? 'the default branch' : undefined }] : []),
                ...(environment === undefined ? [] : [{ claim: 'environment', value: q(environment) }, { claim: 'environment_protected', value: q('true') }]),
            ],
        };
    },
    circleci: ({ identity, root, jobName }) => {
        const org = idFor('circleci', identity.ownerId);
        const branches = circleCiBranches(root, jobName);
        return {
            issuer: { claim: 'issuers', value: q(circleCiIssuer(identity)), todo: org === undefined ? "the organization's id (--owner-id), in Organization Settings" : undefined },
            audience: { value: org ?? TODO_UUID, todo: org === undefined ? 'the organization id, which CircleCI tokens carry as their audience' : undefined },
            denies: [],
            match: [
                idLine('circleci', 'oidc.circleci.com/project-id', identity.repositoryId, "the project's id (--repository-id), in Project Settings"),
                {
                    claim: 'oidc.circleci.com/vcs-origin',
                    value: q(`github.com/${identity.repository ?? 'TODO-owner/TODO-repository'}`),
                    todo: identity.repository === undefined ? 'the repository the project builds (--repository OWNER/REPO)' : undefined,
                },
                ...(branches.length > 0 ? [{ claim: 'oidc.circleci.com/vcs-ref', value: list(branches.map((branch) => `refs/heads/${branch}`)) }] : []),
            ],
        };
    },
    buildkite: ({ identity, job }) => {
        const branches = buildkiteBranches(job);
        return {
            issuer: { claim: 'issuers', value: q(BUILDKITE_ISSUER), todo: undefined },
            denies: [],
            match: [
                idLine('buildkite', 'organization_id', identity.ownerId, "the organization's UUID (--owner-id)"),
                idLine('buildkite', 'pipeline_id', identity.repositoryId, "the pipeline's UUID (--repository-id)"),
                // A branch counts only for builds of pushes: any other build names the branch it likes.
                ...(branches.length > 0 ? [{ claim: 'build_branch', value: list(branches) }, { claim: 'build_source', value: 'webhook' }] : []),
            ],
        };
    },
};
/** The refs a workflow's push trigger names: exact branches and tags, or one pattern as a glob; else the default branch. */
function githubRef(workflow, defaultBranch) {
    const push = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(workflow, 'on'), 'push');
    const refs = [...(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(push, 'branches')).map((item) => `refs/heads/${(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(item)}`), ...(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(push, 'tags')).map((item) => `refs/tags/${(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(item)}`)];
    const fallback = { value: q(`refs/heads/${defaultBranch ?? 'main'}`), todo: defaultBranch === undefined };
    if (refs.length === 0)
        return fallback;
    if (refs.every((ref) => !/[*?[\]!+]/.test(ref)))
        return { value: list(refs), todo: false };
    // GitHub's filter patterns read * and ** as the policy's globs do; several are left to the reviewer.
    return refs.length === 1 ? { value: `{glob: ${q(refs[0])}}`, todo: false } : fallback;
}
function environmentOf(job) {
    const environment = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(job, 'environment');
    const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(environment) ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(environment).find((entry) => entry.key === 'name')?.value) : (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(environment);
    return name === undefined || /\$/.test(name) ? undefined : name;
}
/**
 * The refs a GitLab job's `rules:` or `only:` limit it to, when every way in names them: branches
 * compared with $CI_COMMIT_BRANCH (or $CI_COMMIT_REF_NAME), the default branch, or tags.
 */
function gitlabRefs(job) {
    const unknown = { type: undefined, names: [], todo: false };
    const rules = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(job, 'rules')).filter((rule) => (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(rule, 'when')) !== 'never');
    const only = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(job, 'only');
    const onlyRefs = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(only).length > 0 ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(only) : (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(only, 'refs'));
    const conditions = rules.length > 0 ? rules.map((rule) => (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(rule, 'if')) ?? '') : onlyRefs.map((ref) => `only:${(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(ref) ?? ''}`);
    if (conditions.length === 0)
        return unknown;
    const names = [];
    let tags = 0;
    let todo = false;
    for (const condition of conditions) {
        const branch = /^\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*(?:"([^"$]+)"|'([^'$]+)'|(\$CI_DEFAULT_BRANCH))$/.exec(condition.trim());
        const onlyName = /^only:([A-Za-z0-9._/-]+)$/.exec(condition);
        if (branch?.[3] !== undefined) {
            names.push('main');
            todo = true;
        }
        else if (branch)
            names.push(branch[1] ?? branch[2]);
        else if (/^\$CI_COMMIT_TAG$/.test(condition.trim()) || condition === 'only:tags')
            tags++;
        else if (onlyName && !['branches', 'merge_requests', 'pushes', 'schedules', 'web', 'api', 'triggers', 'pipelines', 'external', 'chat', 'external_pull_requests'].includes(onlyName[1]))
            names.push(onlyName[1]);
        else
            return unknown;
    }
    if (tags > 0)
        return names.length === 0 ? { type: 'tag', names: [], todo: false } : unknown;
    return { type: 'branch', names: [...new Set(names)], todo };
}
/** The branches every use of a CircleCI job in its workflows is filtered to, when each names them outright. */
function circleCiBranches(root, jobName) {
    const uses = (0,_readers_circleci_js__WEBPACK_IMPORTED_MODULE_1__/* .workflowBranches */ .c)(root, jobName);
    return uses.length > 0 && uses.every((names) => names !== undefined) ? [...new Set(uses.flat())] : [];
}
/** A Buildkite step's `branches:` when it names branches outright (no pattern, no negation). */
function buildkiteBranches(step) {
    const branches = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(step, 'branches');
    const names = ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(branches).length > 0 ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(branches).map((item) => (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(item) ?? '') : ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(branches) ?? '').split(/\s+/)).filter((name) => name !== '');
    return names.every((name) => /^[A-Za-z0-9._/-]+$/.test(name)) ? names : [];
}


/***/ }),

/***/ 97660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ readCircleCi),
/* harmony export */   c: () => (/* binding */ workflowBranches)
/* harmony export */ });
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16391);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66411);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93753);



/** CircleCI: the jobs and reusable commands of .circleci/config.yml. */
async function readCircleCi(context) {
    const file = (await context.open('.circleci/config.yml')) ?? (await context.open('.circleci/config.yaml'));
    if (!file)
        return;
    for (const [section, prefix] of [['jobs', ''], ['commands', 'commands/']]) {
        for (const { key, keyNode: at, value } of (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(file.root, section))) {
            const job = context.sink.job({ system: 'circleci', path: file.path, display: file.display, name: `${prefix}${key}`, location: file.at(at), node: value ?? undefined });
            (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .scanEnvironment */ .D9)(file, context.sink, job, (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'environment'), 'job', 'circleci');
            for (const image of (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'docker')))
                scanImageAuth(context, file, job, image);
            for (const step of (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'steps')))
                scanStep(context, file, job, step);
            const uses = workflowBranches(file.root, key);
            if (section === 'jobs' && job.clouds.size > 0 && uses.some((branches) => branches === undefined)) {
                context.sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('static-keys-forks-by-setting', `job ${key} holds static ${[...job.clouds].join(' and ')} credentials on any branch: CircleCI builds a fork's pull request (as pull/N) with them when the project passes secrets to builds from forked pull requests`, file.at(at), key));
            }
        }
    }
}
/**
 * Each use of a job in the workflows: the branches its filter names outright, or undefined for a use
 * that any branch runs (no filter, a pattern, or only an `ignore:`).
 */
function workflowBranches(root, jobName) {
    return (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(root, 'workflows')).flatMap(({ value }) => (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'jobs')).flatMap((entry) => {
        if ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(entry) === jobName)
            return [undefined];
        return (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(entry)
            .filter((use) => use.key === jobName)
            .map((use) => {
            const only = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(use.value, 'filters'), 'branches'), 'only');
            const names = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(only).length > 0 ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .items */ .ld)(only).map(_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq) : [(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(only)];
            return names.every((name) => name !== undefined && /^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/.test(name)) ? names : undefined;
        });
    }));
}
/** Images pulled from ECR authenticate with keys (aws_auth) or with a role and the job's OIDC token. */
function scanImageAuth({ sink }, file, job, image) {
    const auth = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(image, 'aws_auth');
    if ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(auth, 'aws_access_key_id')) {
        const secrets = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(auth).flatMap((entry) => (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .referencedSecrets */ .P8)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(entry.value) ?? '', 'circleci'));
        (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .reportStatic */ .pE)(sink, job, 'aws', secrets, 'the image is pulled with aws_auth access keys', file.at((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .keyNode */ .qe)(auth, 'aws_access_key_id')));
    }
    else if ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(auth, 'oidc_role_arn')) {
        job.migrated = true;
        sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('oidc-migrated', 'the image is pulled with the job’s OIDC token (aws_auth: oidc_role_arn)', file.at((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .keyNode */ .qe)(auth, 'oidc_role_arn')), job.name));
    }
}
/** The AWS orbs take the names of the environment variables (project or context) that hold the keys. */
function variableNames(parameters) {
    return (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(parameters)
        .filter((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key')
        .flatMap((entry) => {
        const value = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(entry.value) ?? '';
        return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? [value] : (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .referencedSecrets */ .P8)(value, 'circleci');
    });
}
function scanStep({ sink }, file, job, step) {
    // A step without parameters is written as its bare name.
    const named = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(step);
    const steps = named === undefined ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(step) : [{ key: named, keyNode: step, value: null }];
    for (const { key, keyNode: at, value } of steps) {
        if (key === 'run') {
            (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .scanEnvironment */ .D9)(file, sink, job, (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'environment'), 'step', 'circleci');
            (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .scanScript */ .nw)(file, sink, job, (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .scriptLines */ .PN)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(value) === undefined ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'command') : value), 'circleci');
        }
        else if (/^aws-cli\/setup$|^aws-ecr\//.test(key)) {
            const keyParameter = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .entries */ .jO)(value).find((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key');
            if (keyParameter)
                (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .reportStatic */ .pE)(sink, job, 'aws', variableNames(value), `the orb command ${key} is given access keys`, file.at(keyParameter.keyNode));
            else if ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'role_arn')) {
                job.migrated = true;
                sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('oidc-migrated', `the orb command ${key} assumes a role with the job’s OIDC token`, file.at(at), job.name));
            }
        }
        else if (/^gcp-cli\/setup$/.test(key)) {
            if ((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .child */ .jf)(value, 'use_oidc')) === 'true') {
                job.migrated = true;
                sink.findings.push((0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)('oidc-migrated', `the orb command ${key} uses workload identity federation`, file.at(at), job.name));
            }
            else
                (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .reportStatic */ .pE)(sink, job, 'gcp', ['GCLOUD_SERVICE_KEY'], `the orb command ${key} authenticates with a service-account key`, file.at(at));
        }
    }
}


/***/ }),

/***/ 37504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ quoteRe2),
/* harmony export */   TZ: () => (/* binding */ safeRuleName),
/* harmony export */   es: () => (/* binding */ policyYaml)
/* harmony export */ });
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57314);

const q = (value) => JSON.stringify(value);
function valueText(value) {
    if ('equals' in value)
        return value.equals.length === 1 ? q(value.equals[0]) : `[${value.equals.map(q).join(', ')}]`;
    return 'glob' in value ? `{glob: ${q(value.glob)}}` : `{regex: ${q(value.regex)}}`;
}
/** Claims that no issuer of the policy is known to carry: declared, so that the loader accepts them. */
function customClaims(policy) {
    const claims = new Set(policy.rules.flatMap((rule) => [...rule.match.keys()]));
    return [...claims].filter((claim) => !policy.issuers.some((issuer) => [...(0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__/* .ciSystemsFor */ .UP)(issuer), undefined].some((profile) => (0,_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_0__/* .knownClaim */ .oR)(profile, claim)))).sort();
}
/** A rule name the loader accepts, from a Sid, a workflow and job, or any text. */
function safeRuleName(text, maxLength = 64) {
    return (text.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'rule').slice(0, maxLength);
}
/** The policy file, with unique rule names the loader accepts. */
function policyYaml(policy) {
    const custom = customClaims(policy);
    const names = new Set();
    const unique = (name) => {
        // Room for the suffix that tells apart two statements with one Sid.
        const base = safeRuleName(name, 60);
        let candidate = base;
        for (let index = 2; names.has(candidate); index++)
            candidate = `${base}-${index}`;
        names.add(candidate);
        return candidate;
    };
    const lines = [
        `# Written by \`ci-oidc-broker policy init\` from ${policy.origin}.`,
        'version: 1',
        `issuers: [${policy.issuers.map(q).join(', ')}]`,
        ...(policy.audiences.length > 0 ? [`audiences: [${policy.audiences.map(q).join(', ')}]`] : []),
        ...(custom.length > 0 ? [`custom-claims: [${custom.map(q).join(', ')}]`] : []),
        'rules:',
        ...policy.rules.flatMap((rule) => [
            `  - name: ${unique(rule.name)}`,
            ...(rule.effect === 'deny' ? ['    effect: deny'] : []),
            ...(rule.issuer !== undefined ? [`    issuer: ${q(rule.issuer)}`] : []),
            '    match:',
            ...[...rule.match].map(([claim, value]) => `      ${/^[A-Za-z_][\w.-]*$/.test(claim) ? claim : q(claim)}: ${valueText(value)}`),
            ...(rule.effect === 'allow' ? [`    grant: ${policy.grant.text}${policy.grant.todo ? `   # TODO: ${policy.grant.todo}` : ''}`] : []),
        ]),
    ];
    return `${lines.join('\n')}\n`;
}
/** RE2 text that matches `text` literally. */
function quoteRe2(text) {
    return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}


/***/ }),

/***/ 93753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PN: () => (/* binding */ scriptLines),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   _g: () => (/* binding */ YamlFile),
/* harmony export */   jO: () => (/* binding */ entries),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   qe: () => (/* binding */ keyNode)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);


/** A CI file parsed with its positions, so that every finding points at line and column. */
class YamlFile {
    /** Where findings point: the scanned path joined with the file's path in the repository. */
    display;
    /** The file's path in its repository, from the root, without a leading slash. */
    path;
    text;
    root;
    #lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    constructor(display, path, text) {
        this.display = display;
        this.path = path;
        this.text = text;
        // Anchors and merge keys are common in GitLab and CircleCI configuration.
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: this.#lines, prettyErrors: false, merge: true, uniqueKeys: false });
        const error = document.errors[0];
        if (error) {
            const { line, col } = this.#lines.linePos(error.pos[0]);
            throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `${display}:${line}:${col}: YAML syntax: ${error.message.split('\n')[0]}`, { hint: 'Fix the file, or leave it out of the paths to scan.' });
        }
        this.root = document.contents;
    }
    at(node) {
        return this.atOffset(node?.range?.[0] ?? 0);
    }
    atOffset(offset) {
        const { line, col } = this.#lines.linePos(offset);
        return { file: this.display, line, column: col };
    }
    /** Where `fragment` starts inside `node`'s source (a line of a block script), or the node itself. */
    within(node, fragment) {
        const start = node.range?.[0] ?? 0;
        const found = this.text.indexOf(fragment, start);
        return this.atOffset(found >= 0 && found < (node.range?.[2] ?? this.text.length) ? found : start);
    }
}
/** A mapping's entries whose keys are scalars, with the key node for positions. */
function entries(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return [];
    return node.items.flatMap((pair) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? [{ key: String(pair.key.value), keyNode: pair.key, value: pair.value ?? null }] : []));
}
function child(node, key) {
    return entries(node).find((entry) => entry.key === key)?.value;
}
function keyNode(node, key) {
    return entries(node).find((entry) => entry.key === key)?.keyNode;
}
function items(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? node.items.filter((item) => item !== null && typeof item === 'object') : [];
}
/** A scalar's value as text (numbers and booleans as YAML wrote them), or undefined. */
function text(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}
/** A script given as one string or a list of them, each line with its node. */
function scriptLines(node) {
    const nodes = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? items(node) : node ? [node] : [];
    return nodes.flatMap((item) => (text(item) ?? '').split('\n').map((line) => ({ line: line.trim(), node: item }))).filter((entry) => entry.line !== '');
}


/***/ })

};
