export const id = 587;
export const ids = [587];
export const modules = {

/***/ 38587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scan: () => (/* binding */ scan)
});

// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/scan/findings.ts

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
    },
};
function finding(rule, message, location, job, fingerprint) {
    return { rule, severity: RULES[rule].severity, message, fix: RULES[rule].fix, location, job, ...(fingerprint === undefined ? {} : { fingerprint }) };
}
/** Enough to tell two keys apart and to find one again in a key inventory; nothing to recover it from. */
function fingerprint(material) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(material).digest('hex').slice(0, 16)}`;
}
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function sortScanFindings(findings) {
    return [...findings].sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column || a.rule.localeCompare(b.rule));
}

;// CONCATENATED MODULE: ./src/scan/summary.ts
function summarize(scans) {
    const jobs = scans.flatMap((scan) => scan.jobs);
    const findings = scans.flatMap((scan) => scan.findings);
    const count = (severity) => findings.filter((found) => found.severity === severity).length;
    return {
        repositories: scans.length,
        files: scans.reduce((total, scan) => total + scan.files.length, 0),
        jobs: jobs.length,
        migrated: jobs.filter((job) => job.migrated && job.clouds.size === 0).length,
        static: jobs.filter((job) => job.clouds.size > 0).length,
        findings: { error: count('error'), warning: count('warning'), note: count('note') },
    };
}
function allFindings(scans) {
    return scans.flatMap((scan) => scan.findings);
}

;// CONCATENATED MODULE: ./src/scan/formats/json.ts

/** The whole scan for scripts: every finding, every job seen, and the counts. */
function scanJson(scans) {
    return {
        findings: allFindings(scans),
        jobs: scans.flatMap((scan) => scan.jobs.map((job) => ({ repository: scan.repository, system: job.system, file: job.display, name: job.name, line: job.location.line, clouds: [...job.clouds].sort(), secrets: [...job.secrets.keys()].sort(), migrated: job.migrated }))),
        files: scans.flatMap((scan) => scan.files),
        summary: summarize(scans),
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/scan/formats/sarif.ts




const INFORMATION_URI = 'https://github.com/ci-oidc-broker/ci-oidc-broker#migrating-from-static-keys';
// GitHub code scanning ranks security alerts by this score (0 to 10) rather than by level alone.
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', note: '1.0' };
const RULE_IDS = Object.keys(RULES);
/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: every rule with its fix as help, every result with
 * a file relative to the repository (%SRCROOT%), line and column, and a fingerprint that survives
 * lines moving, so an alert stays one alert across commits.
 */
function scanSarif(findings, version) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'ci-oidc-broker',
                        semanticVersion: version,
                        informationUri: INFORMATION_URI,
                        rules: RULE_IDS.map((id) => ({
                            id,
                            name: id.replace(/(^|-)(\w)/g, (_match, _dash, letter) => letter.toUpperCase()),
                            shortDescription: { text: RULES[id].title },
                            fullDescription: { text: `${RULES[id].title}.` },
                            help: { text: RULES[id].fix, markdown: RULES[id].fix },
                            defaultConfiguration: { level: RULES[id].severity },
                            properties: { tags: ['security', 'ci', 'credentials'], 'security-severity': SECURITY_SEVERITY[RULES[id].severity] },
                        })),
                    },
                },
                results: findings.map((found) => ({
                    ruleId: found.rule,
                    ruleIndex: RULE_IDS.indexOf(found.rule),
                    level: found.severity,
                    message: { text: `${found.message}. Fix: ${found.fix}` },
                    locations: [{ physicalLocation: { artifactLocation: artifact(found.location.file), region: { startLine: found.location.line, startColumn: found.location.column } } }],
                    partialFingerprints: { 'ciOidcBroker/v1': (0,external_node_crypto_.createHash)('sha256').update([found.rule, found.location.file, found.job ?? '', found.message].join('\n')).digest('hex') },
                })),
                columnKind: 'unicodeCodePoints',
            },
        ],
    };
}
function artifact(file) {
    if ((0,external_node_path_.isAbsolute)(file))
        return { uri: (0,external_node_url_.pathToFileURL)(file).href };
    return { uri: encodeURI(file.split(external_node_path_.sep).join('/').replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

;// CONCATENATED MODULE: ./src/scan/formats/table.ts

/** Findings as a table for a terminal, each rule's fix once beneath it, and the counts. */
function scanTable(findings, summary) {
    const rows = findings.map((found) => [found.severity, found.rule, `${found.location.file}:${found.location.line}:${found.location.column}`, found.message]);
    const header = ['SEVERITY', 'RULE', 'LOCATION', 'FINDING'];
    const widths = header.slice(0, 3).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const line = (cells) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd();
    const fixes = [...new Set(findings.map((found) => found.rule))].map((rule) => `  ${rule}: ${RULES[rule].fix}`);
    const counts = `${summary.files} CI files in ${summary.repositories} ${summary.repositories === 1 ? 'repository' : 'repositories'}; ${summary.jobs} jobs: ${summary.static} with static cloud credentials, ${summary.migrated} on OIDC; ${summary.findings.error} errors, ${summary.findings.warning} warnings, ${summary.findings.note} notes.`;
    if (rows.length === 0)
        return `No findings. ${counts}\n`;
    return [line(header), ...rows.map(line), '', 'Fixes:', ...fixes, '', counts, ''].join('\n');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/policy/export/aws-trust-policy.ts + 2 modules
var aws_trust_policy = __webpack_require__(80899);
// EXTERNAL MODULE: ./src/policy/export/gcp-attribute-condition.ts
var gcp_attribute_condition = __webpack_require__(79830);
// EXTERNAL MODULE: ./src/policy/lint/aws-trust-policy-lint.ts + 4 modules
var aws_trust_policy_lint = __webpack_require__(31797);
// EXTERNAL MODULE: ./src/policy/lint/finding.ts
var lint_finding = __webpack_require__(55359);
// EXTERNAL MODULE: ./src/policy/lint/policy-lint.ts + 2 modules
var policy_lint = __webpack_require__(41270);
// EXTERNAL MODULE: ./src/policy/load.ts + 2 modules
var load = __webpack_require__(39485);
// EXTERNAL MODULE: ./src/scan/yaml-file.ts
var yaml_file = __webpack_require__(93753);
// EXTERNAL MODULE: ./src/scan/trust-import/policy-yaml.ts
var policy_yaml = __webpack_require__(37504);
// EXTERNAL MODULE: ./src/scan/plan/draft-policy.ts
var draft_policy = __webpack_require__(28841);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
;// CONCATENATED MODULE: ./src/scan/credentials.ts


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
    sink.findings.push(finding(STATIC_RULE[cloud], `${what}${from}: a static ${CLOUD_NAME[cloud]} credential`, at, job?.name));
}
/**
 * Credential variables set in an `env:` or `variables:` mapping, at `level` (workflow, job, step…).
 * One finding per cloud per mapping; a credential written out literally is reported by fingerprint.
 * Returns what it found, for the jobs that inherit the mapping.
 */
function scanEnvironment(file, sink, job, env, level, system) {
    const byCloud = new Map();
    for (const { key, keyNode, value } of (0,yaml_file/* entries */.jO)(env)) {
        const raw = (0,yaml_file/* text */.Qq)(value) ?? (0,yaml_file/* text */.Qq)((0,yaml_file/* entries */.jO)(value).find((entry) => entry.key === 'value')?.value);
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
            const print = fingerprint(raw);
            sink.findings.push(finding('committed-credential', `${key} is written out in ${level} configuration (fingerprint ${print})`, file.at(value), job?.name, print));
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
            sink.findings.push(finding('oidc-migrated', `the script exchanges an OIDC token (${OIDC_COMMANDS.exec(line)[0]})`, file.within(node, line), job?.name));
        }
        for (const command of STATIC_COMMANDS.filter((c) => c.pattern.test(line))) {
            const keyFile = /--key-file[=\s]+["']?([^\s"']+)/.exec(line)?.[1];
            if (keyFile !== undefined && !isExpression(keyFile))
                sink.keyFiles.add(keyFile.replace(/^\.\//, ''));
            reportStatic(sink, job, command.cloud, referencedSecrets(line, system), command.what, file.within(node, line));
        }
    }
}

;// CONCATENATED MODULE: ./src/scan/key-material.ts

const PATTERNS = [
    { rule: 'committed-aws-access-key-id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, identity: (m) => m[0], describe: 'an AWS access key id' },
    {
        rule: 'committed-gcp-service-account-key',
        // The key id is what Google lists for a service account's keys; the private key beside it is not matched again.
        regex: /"type"\s*:\s*"service_account"[^{}]*?"private_key_id"\s*:\s*"([0-9a-f]{40})"/g,
        identity: (m) => m[1],
        describe: 'a Google service-account key',
    },
    {
        rule: 'committed-private-key',
        regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g,
        identity: (m) => m[0].replace(/\\n|\s/g, ''),
        describe: 'a private key',
    },
];
/** Where key material lies in a text, as [start, end) offsets: what no output may copy. */
function keyMaterialSpans(text) {
    return PATTERNS.flatMap((pattern) => [...text.matchAll(pattern.regex)].map((match) => [match.index, match.index + match[0].length]));
}
/**
 * Key material in a file's text, each by fingerprint and position. A private key inside a
 * service-account key file is that key, reported once, as the service-account key.
 */
function keyMaterialFindings(text, file) {
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((newline) => newline.index + 1)];
    const at = (offset) => {
        const line = lineStarts.findLastIndex((start) => start <= offset);
        return { file, line: line + 1, column: offset - lineStarts[line] + 1 };
    };
    const found = [];
    const serviceAccountSpans = [];
    for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern.regex)) {
            const start = match.index;
            if (pattern.rule === 'committed-gcp-service-account-key')
                serviceAccountSpans.push([start, closingBrace(text, start)]);
            if (pattern.rule === 'committed-private-key' && serviceAccountSpans.some(([from, to]) => start > from && start < to))
                continue;
            const print = fingerprint(pattern.identity(match));
            found.push(finding(pattern.rule, `${pattern.describe} is committed here (fingerprint ${print})`, at(start), undefined, print));
        }
    }
    return found;
}
function closingBrace(text, from) {
    const end = text.indexOf('}', from);
    return end < 0 ? text.length : end;
}

;// CONCATENATED MODULE: ./src/scan/plan/workflow-patch.ts




const THIS_ACTION = 'ci-oidc-broker/ci-oidc-broker@v1';
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];
/**
 * The workflow with its planned jobs on this action: the static keys taken out of env, of the cloud
 * login steps and of scripts, this action in their place with the grant of the job's draft rule, and
 * `id-token: write` in the job's permissions. Edits are by whole lines, so the rest of the file,
 * comments and layout included, is left exactly as it was.
 */
function patchWorkflow(file, jobs) {
    const lines = file.text.split('\n');
    const lineOf = (offset) => file.atOffset(offset).line - 1;
    const indentOf = (line) => /^ */.exec(lines[line])[0];
    const edits = [];
    const manual = [];
    const spanOf = (key, value) => {
        const end = Math.max(key.range[1], (value?.range?.[1] ?? key.range[1]) - 1);
        return { from: lineOf(key.range[0]), to: lineOf(end) + 1, lines: [] };
    };
    /** Deletes the credential variables of the planned clouds; the whole `env:` when nothing else is left. */
    const dropCredentials = (owner, clouds) => {
        const env = (0,yaml_file/* child */.jf)(owner, 'env');
        const all = (0,yaml_file/* entries */.jO)(env);
        const dropped = all.filter((entry) => {
            const cloud = credentialCloud(entry.key);
            return cloud !== undefined && clouds.has(cloud);
        });
        if (dropped.length === 0)
            return;
        if (dropped.length === all.length)
            edits.push(spanOf((0,yaml_file/* keyNode */.qe)(owner, 'env'), env ?? null));
        else
            for (const entry of dropped)
                edits.push(spanOf(entry.keyNode, entry.value));
    };
    const region = (...owners) => owners.flatMap((owner) => REGION_VARIABLES.map((name) => (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)((0,yaml_file/* child */.jf)(owner, 'env'), name)))).find((value) => value !== undefined && !value.includes('$'));
    const inputsFor = (grant, clouds, awsRegion) => [
        ...(clouds.includes('aws') && grant.awsRole ? [`role-to-assume: ${grant.awsRole.value}${grant.awsRole.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`, ...(awsRegion ? [`aws-region: ${awsRegion}`] : [])] : []),
        ...(clouds.includes('gcp') && grant.gcp
            ? [`gcp-workload-identity-provider: ${grant.gcp.provider}${grant.gcp.todo ? '   # TODO: the provider' : ''}`, `gcp-service-account: ${grant.gcp.serviceAccount}`, 'gcp-create-credentials-file: true']
            : []),
    ];
    const workflowClouds = new Set(jobs.flatMap((job) => [...job.clouds].filter((cloud) => cloud !== 'azure')));
    dropCredentials(file.root, workflowClouds);
    const jobNodes = (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs'));
    for (const job of jobs) {
        const entry = jobNodes.find((candidate) => candidate.key === job.name);
        if (!entry)
            continue;
        const node = entry.value;
        const awsRegion = region(node, file.root);
        // Azure keys stay: the broker issues no Azure credentials, so the job still needs them until moved by hand.
        const clouds = new Set([...job.clouds].filter((cloud) => cloud !== 'azure'));
        dropCredentials(node, clouds);
        const covered = new Set();
        const steps = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(node, 'steps'));
        for (const step of steps) {
            dropCredentials(step, clouds);
            const replaced = replaceLoginStep(step, job, { lines, lineOf, indentOf, edits, inputsFor });
            if (replaced)
                covered.add(replaced);
            const run = (0,yaml_file/* child */.jf)(step, 'run');
            if (run)
                dropScriptLines(run, lineOf((0,yaml_file/* keyNode */.qe)(step, 'run').range[0]), { lines, lineOf, edits, manual, job: job.name, file });
        }
        const needed = [...clouds].filter((cloud) => !covered.has(cloud));
        if (steps.length > 0 && needed.length > 0) {
            const first = lineOf(steps[0].range[0]);
            const dash = /^ *- /.exec(lines[first])?.[0] ?? `${indentOf(first)}- `;
            const inner = ' '.repeat(dash.length);
            edits.push({ from: first, to: first, lines: [`${dash}uses: ${THIS_ACTION}`, `${inner}with:`, ...inputsFor(job.grant, needed, awsRegion).map((input) => `${inner}  ${input}`)] });
        }
        if (job.clouds.has('azure'))
            manual.push(`job ${job.name}: Azure is outside ci-oidc-broker; log in with azure/login and client-id, tenant-id and subscription-id (a federated credential), and delete the client secret`);
        edits.push(...permissionsEdit(node, entry.keyNode, { lines, lineOf, indentOf }));
    }
    // A patch that deletes a committed key, or shows one as context, copies it into the plan: such lines
    // are left to the user, and the context shrinks until none shows.
    const sensitive = sensitiveLines(file);
    const safe = edits.filter((edit) => !range(edit.from, edit.to).some((line) => sensitive.has(line)));
    for (const edit of edits.filter((candidate) => !safe.includes(candidate)))
        manual.push(`${file.path}:${edit.from + 1}${edit.to - edit.from > 1 ? `-${edit.to}` : ''} holds a committed credential: delete it yourself (the patch does not copy it), then revoke it`);
    const patched = applyEdits(lines, safe).join('\n');
    const texts = new Set([...sensitive].map((line) => lines[line]));
    const shows = (diff) => diff.split('\n').some((line) => texts.has(line.slice(1)));
    const [context, diff] = [3, 2, 1, 0].map((lines) => [lines, (0,create/* createTwoFilesPatch */.ss)(`a/${file.path}`, `b/${file.path}`, file.text, patched, '', '', { context: lines })]).find(([, candidate]) => !shows(candidate));
    if (context === 0 && safe.length > 0)
        manual.push(`${file.path}: the patch has no context lines, so that it copies no committed credential; apply it with \`git apply --unidiff-zero\``);
    return { patched, diff, manual };
}
function range(from, to) {
    return Array.from({ length: Math.max(to - from, 0) }, (_unused, index) => from + index);
}
/** The lines that hold key material, or a credential written into env: what no plan file may copy. */
function sensitiveLines(file) {
    const lineOf = (offset) => file.atOffset(offset).line - 1;
    const lines = new Set();
    for (const [start, end] of keyMaterialSpans(file.text))
        for (const line of range(lineOf(start), lineOf(end - 1) + 1))
            lines.add(line);
    const visit = (owner) => {
        for (const entry of (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(owner, 'env'))) {
            const value = (0,yaml_file/* text */.Qq)(entry.value);
            if (value !== undefined && isLiteralCredential(entry.key, value))
                for (const line of range(lineOf(entry.keyNode.range[0]), lineOf(entry.value.range[1] - 1) + 1))
                    lines.add(line);
        }
    };
    visit(file.root);
    for (const { value: job } of (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs'))) {
        visit(job);
        for (const step of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(job, 'steps')))
            visit(step);
    }
    return lines;
}
/** configure-aws-credentials or google-github-actions/auth given keys becomes this action; returns the cloud it now covers. */
function replaceLoginStep(step, job, context) {
    const uses = (0,yaml_file/* child */.jf)(step, 'uses');
    const action = (0,yaml_file/* text */.Qq)(uses)?.split('@')[0]?.toLowerCase();
    const keys = action === 'aws-actions/configure-aws-credentials' ? ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'] : action === 'google-github-actions/auth' ? ['credentials_json'] : [];
    const cloud = action === 'google-github-actions/auth' ? 'gcp' : 'aws';
    const inputs = (0,yaml_file/* child */.jf)(step, 'with');
    const given = (0,yaml_file/* entries */.jO)(inputs).filter((entry) => keys.includes(entry.key));
    if (given.length === 0)
        return undefined;
    const { lines, lineOf, indentOf, edits } = context;
    const usesLine = lineOf(uses.range[0]);
    edits.push({ from: usesLine, to: usesLine + 1, lines: [lines[usesLine].replace(/uses:\s*\S+/, `uses: ${THIS_ACTION}`)] });
    const first = lineOf(given[0].keyNode.range[0]);
    given.forEach((entry, index) => {
        const line = lineOf(entry.keyNode.range[0]);
        // The region stays an input of its own; the first key's line carries the grant.
        const replacement = index === 0 ? context.inputsFor(job.grant, [cloud], undefined).map((input) => `${indentOf(first)}${input}`) : [];
        edits.push({ from: line, to: line + 1, lines: replacement });
    });
    return cloud;
}
/** Deletes the lines of a block script that log in with static keys; a one-line script is left to the user. */
function dropScriptLines(run, runLine, context) {
    const { lines, lineOf, edits } = context;
    const end = lineOf(Math.max(run.range[0], run.range[1] - 1));
    for (let line = lineOf(run.range[0]); line <= end; line++) {
        if (!STATIC_COMMANDS.some((command) => command.pattern.test(lines[line].trim())))
            continue;
        if (line === runLine)
            context.manual.push(`job ${context.job}: ${context.file.path}:${line + 1} logs in with static keys in a one-line run; remove that command`);
        else
            edits.push({ from: line, to: line + 1, lines: [] });
    }
}
/** `id-token: write` in the job's own permissions (which replace the workflow's for that job). */
function permissionsEdit(job, jobKey, { lineOf, indentOf }) {
    const permissions = (0,yaml_file/* child */.jf)(job, 'permissions');
    const permissionsKey = (0,yaml_file/* keyNode */.qe)(job, 'permissions');
    const idToken = (0,yaml_file/* entries */.jO)(permissions).find((entry) => entry.key === 'id-token');
    if (idToken) {
        const line = lineOf(idToken.keyNode.range[0]);
        return (0,yaml_file/* text */.Qq)(idToken.value) === 'write' ? [] : [{ from: line, to: line + 1, lines: [`${indentOf(line)}id-token: write`] }];
    }
    if (permissionsKey && (0,yaml_file/* entries */.jO)(permissions).length > 0) {
        const first = lineOf((0,yaml_file/* entries */.jO)(permissions)[0].keyNode.range[0]);
        return [{ from: first, to: first, lines: [`${indentOf(first)}id-token: write`] }];
    }
    const firstKey = (0,yaml_file/* entries */.jO)(job)[0].keyNode;
    const indent = indentOf(lineOf(firstKey.range[0]));
    const block = [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  id-token: write`];
    if (permissionsKey) {
        const line = lineOf(permissionsKey.range[0]);
        return [{ from: line, to: line + 1, lines: block }];
    }
    const after = lineOf(jobKey.range[0]) + 1;
    return [{ from: after, to: after, lines: block }];
}
function applyEdits(lines, edits) {
    const result = [...lines];
    // Bottom-up, so that earlier line numbers stay true; at one line, deletions before insertions.
    for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to))
        result.splice(edit.from, edit.to - edit.from, ...edit.lines);
    return result;
}

;// CONCATENATED MODULE: ./src/scan/plan/plan.ts













/** For every GitHub Actions job with static AWS or Google keys: a draft rule, its cloud-side trust, and a patch. */
async function planMigration(scans, options) {
    const plan = { jobs: [], workflows: [], unplanned: [], migrated: 0, deletableSecrets: [] };
    const stillNeeded = new Set();
    const planned = new Set();
    for (const scan of scans) {
        plan.migrated += scan.jobs.filter((job) => job.migrated && job.clouds.size === 0).length;
        const byWorkflow = new Map();
        for (const job of scan.jobs.filter((candidate) => candidate.clouds.size > 0)) {
            const reason = unplannable(job);
            if (reason) {
                plan.unplanned.push({ repository: scan.repository, file: job.display, job: job.name, reason });
                for (const secret of job.secrets.keys())
                    stillNeeded.add(secret);
                continue;
            }
            byWorkflow.set(job.path, [...(byWorkflow.get(job.path) ?? []), job]);
        }
        for (const [path, jobs] of byWorkflow) {
            const file = new yaml_file/* YamlFile */._g(jobs[0].display, path, (await scan.source.read(path)));
            const toPatch = [];
            for (const job of jobs) {
                const grant = grantFor(job, options.map, ruleName(path, job.name));
                plan.jobs.push(planJob(scan.repository, file, job, grant, { ...options, ...scan.ids }));
                toPatch.push({ name: job.name, clouds: job.clouds, grant });
                // The patch leaves Azure's secrets in place: the job still logs in with them.
                for (const [secret, cloud] of job.secrets)
                    (cloud === 'azure' ? stillNeeded : planned).add(secret);
            }
            const patch = patchWorkflow(file, toPatch);
            plan.workflows.push({ repository: scan.repository, workflow: path, original: file.text, patched: patch.patched, diff: patch.diff, manual: patch.manual });
        }
    }
    plan.deletableSecrets = [...planned].filter((secret) => !stillNeeded.has(secret)).sort();
    return plan;
}
function unplannable(job) {
    if (job.system !== 'github-actions')
        return `a ${job.system} job: the plan patches GitHub Actions workflows; move it to its system's OIDC token (see \`ci-oidc-broker exchange --preset\`)`;
    if (!job.path.startsWith('.github/workflows/'))
        return 'a composite action: migrate the workflows that use it, and pass the credentials in';
    if (!job.clouds.has('aws') && !job.clouds.has('gcp'))
        return 'Azure only, which ci-oidc-broker does not issue: use azure/login with a federated credential';
    return undefined;
}
function ruleName(workflow, job) {
    return (0,policy_yaml/* safeRuleName */.TZ)(`${(0,external_node_path_.basename)(workflow, (0,external_node_path_.extname)(workflow))}-${job}`);
}
function grantFor(job, map, rule) {
    const mapped = [...job.secrets.keys()].map((secret) => map.get(secret)).filter((value) => value !== undefined);
    const role = mapped.find((value) => value.startsWith('arn:aws'));
    const account = mapped.find((value) => value.endsWith('.iam.gserviceaccount.com'));
    return {
        rule,
        awsRole: job.clouds.has('aws') ? { value: role ?? (0,draft_policy/* TODO_ROLE */.UY)(rule), todo: role === undefined } : undefined,
        gcp: job.clouds.has('gcp') ? { provider: draft_policy/* TODO_PROVIDER */.bm, serviceAccount: account ?? draft_policy/* TODO_SERVICE_ACCOUNT */.H$, todo: true } : undefined,
    };
}
function planJob(repository, file, job, grant, options) {
    const policy = (0,draft_policy/* draftPolicy */.aZ)({ ruleName: grant.rule, repositoryId: options.repositoryId, ownerId: options.ownerId, workflow: file.root, job: (0,yaml_file/* child */.jf)((0,yaml_file/* child */.jf)(file.root, 'jobs'), job.name), grant, origin: `job ${job.name} of ${file.path}` });
    const source = `${grant.rule}/policy.yml`;
    const result = { repository, workflow: file.path, job: job.name, rule: grant.rule, secrets: [...job.secrets.keys()].sort(), policy, problems: [], lint: [], exports: [], todos: policy.split('TODO:').length - 1 };
    let parsed;
    try {
        parsed = (0,load/* parsePolicy */.ON)(policy, source);
    }
    catch (error) {
        if (!(0,broker_error/* isBrokerError */.kA)(error))
            throw error;
        result.problems = (error.problems ?? []).map((problem) => problem.message);
        return result;
    }
    result.lint = (0,policy_lint/* lintPolicy */.G)(parsed);
    const attempt = (kind, run) => {
        try {
            result.exports.push({ kind, ...run() });
        }
        catch (error) {
            if (!(0,broker_error/* isBrokerError */.kA)(error))
                throw error;
            result.exports.push({ kind, refused: error.message, lint: [], notes: [] });
        }
    };
    if (grant.awsRole) {
        attempt('aws-trust-policy', () => {
            // IAM cannot check every claim a lint-clean rule binds (event_name, runner_environment): the trust
            // pins the ids, and the broker's policy the rest; each widening is said.
            const exported = (0,aws_trust_policy/* exportAwsTrustPolicy */.st)(parsed, { rule: grant.rule, allowBroader: true });
            const text = `${JSON.stringify(exported.document, null, 2)}\n`;
            const lint = (0,aws_trust_policy_lint/* lintAwsTrustPolicy */.R)(text, `${grant.rule}/trust-policy.json`);
            const notes = [...exported.notes, ...exported.widenings.map((widening) => widening.message)];
            // A widening that lets the trust admit what its lint calls an error is no trust to hand anyone.
            const errors = lint.filter((found) => found.severity === 'error');
            if (errors.length > 0)
                return { refused: `the trust policy AWS can state for this rule fails its lint (${errors.map((found) => found.id).join(', ')}): ${notes.join(' ')}`, lint, notes };
            return { text, lint, notes };
        });
    }
    if (grant.gcp) {
        attempt('gcp-attribute-condition', () => {
            const exported = (0,gcp_attribute_condition/* exportGcpAttributeCondition */.K)(parsed, { rule: grant.rule });
            return { text: `${exported.condition}\n`, lint: [], notes: exported.notes };
        });
    }
    return result;
}
/** The plan's files: per job its draft policy and exports, per workflow its patch, and a summary. */
async function writePlan(plan, dir) {
    const written = [];
    const put = async (path, text) => {
        await (0,promises_.mkdir)((0,external_node_path_.join)(path, '..'), { recursive: true });
        await (0,promises_.writeFile)(path, text);
        written.push(path);
    };
    const folder = (repository) => (0,external_node_path_.join)(dir, (0,external_node_path_.basename)((0,external_node_path_.resolve)(repository)));
    for (const job of plan.jobs) {
        const base = (0,external_node_path_.join)(folder(job.repository), job.rule);
        await put((0,external_node_path_.join)(base, 'policy.yml'), job.policy);
        for (const found of job.exports) {
            if (found.text !== undefined)
                await put((0,external_node_path_.join)(base, found.kind === 'aws-trust-policy' ? 'trust-policy.json' : 'attribute-condition.cel'), found.text);
        }
    }
    for (const workflow of plan.workflows)
        await put((0,external_node_path_.join)(folder(workflow.repository), 'patches', `${(0,external_node_path_.basename)(workflow.workflow)}.patch`), workflow.diff);
    await put((0,external_node_path_.join)(dir, 'SUMMARY.md'), planSummary(plan));
    return written;
}
function planSummary(plan) {
    const lines = [
        '# Migration plan',
        '',
        `${plan.migrated} jobs already on OIDC; ${plan.jobs.length} jobs with static keys have a plan; ${plan.unplanned.length} have none.`,
        '',
        '## Planned jobs',
        ...plan.jobs.map((job) => {
            const exports = job.exports.map((found) => (found.refused === undefined ? `${found.kind}${found.lint.length > 0 ? ` (${found.lint.length} lint findings)` : ''}` : `${found.kind} refused: ${found.refused.split('\n')[0]}`));
            return `- ${job.workflow} ${job.job}: rule ${job.rule}, ${job.todos} TODO${job.todos === 1 ? '' : 's'}; ${exports.join('; ')}${job.lint.length > 0 ? `\n${job.lint.map((found) => `  - ${(0,lint_finding/* formatFinding */.t)(found).replace(/\n/g, '\n    ')}`).join('\n')}` : ''}`;
        }),
        ...(plan.unplanned.length > 0 ? ['', '## Without a plan', ...plan.unplanned.map((job) => `- ${job.file} ${job.job}: ${job.reason}`)] : []),
        ...(plan.workflows.some((workflow) => workflow.manual.length > 0) ? ['', '## Left to you', ...plan.workflows.flatMap((workflow) => workflow.manual.map((note) => `- ${note}`))] : []),
        '',
        '## Secrets to delete once the patches are applied',
        ...(plan.deletableSecrets.length > 0 ? plan.deletableSecrets.map((secret) => `- ${secret}`) : ['- none']),
        '',
    ];
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/scan/readers/buildkite.ts



const PIPELINES = ['.buildkite/pipeline.yml', '.buildkite/pipeline.yaml', 'buildkite.yml', 'pipeline.yml'];
// Plugins that trade the agent's OIDC token for cloud credentials.
const OIDC_PLUGINS = /^(?:[\w-]+\/)?(?:aws-assume-role-with-web-identity|gcp-workload-identity-federation)(?:#|$)/;
/** Buildkite: the steps of pipeline.yml, inside groups too. */
async function readBuildkite(context) {
    for (const path of PIPELINES) {
        const file = await context.open(path);
        if (!file)
            continue;
        const shared = scanEnvironment(file, context.sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'env'), 'pipeline', 'buildkite');
        const steps = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(file.root, 'steps')).length > 0 ? (0,yaml_file/* child */.jf)(file.root, 'steps') : file.root;
        (0,yaml_file/* items */.ld)(steps).forEach((step, index) => scanStep(context, file, shared, step, index));
    }
}
function scanStep(context, file, shared, step, index) {
    const group = (0,yaml_file/* child */.jf)(step, 'steps');
    if (group) {
        (0,yaml_file/* items */.ld)(group).forEach((inner, at) => scanStep(context, file, shared, inner, at));
        return;
    }
    const command = (0,yaml_file/* child */.jf)(step, 'command') ?? (0,yaml_file/* child */.jf)(step, 'commands');
    if (!command && !(0,yaml_file/* child */.jf)(step, 'plugins'))
        return;
    const name = (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'key')) ?? (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'label')) ?? `step ${index + 1}`;
    const { sink } = context;
    const job = sink.job({ system: 'buildkite', path: file.path, display: file.display, name, location: file.at(step), node: step });
    inherit(job, shared);
    scanEnvironment(file, sink, job, (0,yaml_file/* child */.jf)(step, 'env'), 'step', 'buildkite');
    scanScript(file, sink, job, (0,yaml_file/* scriptLines */.PN)(command), 'buildkite');
    for (const plugin of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(step, 'plugins'))) {
        const pluginName = (0,yaml_file/* text */.Qq)(plugin) ?? (0,yaml_file/* entries */.jO)(plugin)[0]?.key ?? '';
        if (!OIDC_PLUGINS.test(pluginName))
            continue;
        job.migrated = true;
        sink.findings.push(finding('oidc-migrated', `the plugin ${pluginName.split('#')[0]} exchanges the agent’s OIDC token`, file.at(plugin), name));
    }
}

;// CONCATENATED MODULE: ./src/scan/readers/circleci.ts



/** CircleCI: the jobs and reusable commands of .circleci/config.yml. */
async function readCircleCi(context) {
    const file = (await context.open('.circleci/config.yml')) ?? (await context.open('.circleci/config.yaml'));
    if (!file)
        return;
    for (const [section, prefix] of [['jobs', ''], ['commands', 'commands/']]) {
        for (const { key, keyNode: at, value } of (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, section))) {
            const job = context.sink.job({ system: 'circleci', path: file.path, display: file.display, name: `${prefix}${key}`, location: file.at(at), node: value ?? undefined });
            scanEnvironment(file, context.sink, job, (0,yaml_file/* child */.jf)(value, 'environment'), 'job', 'circleci');
            for (const image of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(value, 'docker')))
                scanImageAuth(context, file, job, image);
            for (const step of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(value, 'steps')))
                circleci_scanStep(context, file, job, step);
        }
    }
}
/** Images pulled from ECR authenticate with keys (aws_auth) or with a role and the job's OIDC token. */
function scanImageAuth({ sink }, file, job, image) {
    const auth = (0,yaml_file/* child */.jf)(image, 'aws_auth');
    if ((0,yaml_file/* child */.jf)(auth, 'aws_access_key_id')) {
        const secrets = (0,yaml_file/* entries */.jO)(auth).flatMap((entry) => referencedSecrets((0,yaml_file/* text */.Qq)(entry.value) ?? '', 'circleci'));
        reportStatic(sink, job, 'aws', secrets, 'the image is pulled with aws_auth access keys', file.at((0,yaml_file/* keyNode */.qe)(auth, 'aws_access_key_id')));
    }
    else if ((0,yaml_file/* child */.jf)(auth, 'oidc_role_arn')) {
        job.migrated = true;
        sink.findings.push(finding('oidc-migrated', 'the image is pulled with the job’s OIDC token (aws_auth: oidc_role_arn)', file.at((0,yaml_file/* keyNode */.qe)(auth, 'oidc_role_arn')), job.name));
    }
}
/** The AWS orbs take the names of the environment variables (project or context) that hold the keys. */
function variableNames(parameters) {
    return (0,yaml_file/* entries */.jO)(parameters)
        .filter((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key')
        .flatMap((entry) => {
        const value = (0,yaml_file/* text */.Qq)(entry.value) ?? '';
        return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? [value] : referencedSecrets(value, 'circleci');
    });
}
function circleci_scanStep({ sink }, file, job, step) {
    // A step without parameters is written as its bare name.
    const named = (0,yaml_file/* text */.Qq)(step);
    const steps = named === undefined ? (0,yaml_file/* entries */.jO)(step) : [{ key: named, keyNode: step, value: null }];
    for (const { key, keyNode: at, value } of steps) {
        if (key === 'run') {
            scanEnvironment(file, sink, job, (0,yaml_file/* child */.jf)(value, 'environment'), 'step', 'circleci');
            scanScript(file, sink, job, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* text */.Qq)(value) === undefined ? (0,yaml_file/* child */.jf)(value, 'command') : value), 'circleci');
        }
        else if (/^aws-cli\/setup$|^aws-ecr\//.test(key)) {
            const keyParameter = (0,yaml_file/* entries */.jO)(value).find((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key');
            if (keyParameter)
                reportStatic(sink, job, 'aws', variableNames(value), `the orb command ${key} is given access keys`, file.at(keyParameter.keyNode));
            else if ((0,yaml_file/* child */.jf)(value, 'role_arn')) {
                job.migrated = true;
                sink.findings.push(finding('oidc-migrated', `the orb command ${key} assumes a role with the job’s OIDC token`, file.at(at), job.name));
            }
        }
        else if (/^gcp-cli\/setup$/.test(key)) {
            if ((0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(value, 'use_oidc')) === 'true') {
                job.migrated = true;
                sink.findings.push(finding('oidc-migrated', `the orb command ${key} uses workload identity federation`, file.at(at), job.name));
            }
            else
                reportStatic(sink, job, 'gcp', ['GCLOUD_SERVICE_KEY'], `the orb command ${key} authenticates with a service-account key`, file.at(at));
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/scan/readers/github-actions.ts






const WORKFLOWS = '.github/workflows';
const DEFAULT_POLICY = '.github/ci-oidc-broker.yml';
// Triggers that run in the base repository's context, with its secrets, for events a fork can cause.
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];
/** GitHub Actions: every workflow, and the local composite actions they use or the repository keeps. */
async function readGitHubActions(context) {
    const actions = new Set((await context.repository.folders('.github/actions')).map((name) => `.github/actions/${name}`));
    for (const name of (await context.repository.list(WORKFLOWS)).filter((file) => /\.ya?ml$/.test(file))) {
        const file = await context.open(`${WORKFLOWS}/${name}`);
        if (file)
            for (const local of await scanWorkflow(context, file))
                actions.add(local);
    }
    for (const dir of [...actions].sort()) {
        const file = (await context.open(`${dir}/action.yml`)) ?? (await context.open(`${dir}/action.yaml`));
        if (file && (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)((0,yaml_file/* child */.jf)(file.root, 'runs'), 'using')) === 'composite') {
            const job = context.sink.job({ system: 'github-actions', path: file.path, display: file.display, name: dir, location: file.at(file.root), node: file.root ?? undefined });
            for (const step of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)((0,yaml_file/* child */.jf)(file.root, 'runs'), 'steps')))
                await github_actions_scanStep(context, file, job, step);
        }
    }
}
function triggersOf(workflow) {
    const on = (0,yaml_file/* child */.jf)(workflow, 'on');
    if ((0,dist/* isScalar */.jn)(on))
        return [String(on.value)];
    if ((0,dist/* isSeq */.oP)(on))
        return (0,yaml_file/* items */.ld)(on).map((item) => (0,yaml_file/* text */.Qq)(item) ?? '');
    return (0,yaml_file/* entries */.jO)(on).map((entry) => entry.key);
}
/** Scans one workflow; returns the local actions its steps use. */
async function scanWorkflow(context, file) {
    const { sink } = context;
    const triggers = triggersOf(file.root);
    const privileged = triggers.filter((trigger) => PRIVILEGED_TRIGGERS.includes(trigger));
    const permissions = (0,yaml_file/* child */.jf)(file.root, 'permissions');
    if ((0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(permissions, 'id-token')) === 'write' || (0,yaml_file/* text */.Qq)(permissions) === 'write-all') {
        sink.findings.push(finding('id-token-write-workflow-level', 'every job of this workflow may request an OIDC token, not only those that exchange one', file.at((0,yaml_file/* keyNode */.qe)(file.root, 'permissions')), undefined));
    }
    const shared = scanEnvironment(file, sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'env'), 'workflow', 'github-actions');
    const locals = [];
    for (const { key, keyNode: at, value } of (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs'))) {
        const job = sink.job({ system: 'github-actions', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
        inherit(job, shared);
        scanEnvironment(file, sink, job, (0,yaml_file/* child */.jf)(value, 'env'), 'job', 'github-actions');
        for (const step of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(value, 'steps'))) {
            const uses = (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'uses'));
            if (uses?.startsWith('./'))
                locals.push(uses.slice(2).replace(/\/+$/, ''));
            await github_actions_scanStep(context, file, job, step);
        }
        if (privileged.length === 0)
            continue;
        const used = [...new Set([...referencedSecrets(sourceOf(file, file.root, 'env'), 'github-actions'), ...referencedSecrets(sourceOf(file, value), 'github-actions')])];
        const on = privileged.join(' and ');
        if (used.length > 0)
            sink.findings.push(finding('secrets-in-privileged-trigger', `job ${key} uses the secrets ${used.join(', ')} on ${on}, which a fork's pull request can start`, file.at(at), key));
        if (job.clouds.size > 0)
            sink.findings.push(finding('static-keys-reachable-from-forks', `job ${key} holds static ${[...job.clouds].join(' and ')} credentials on ${on}`, file.at(at), key));
    }
    return locals;
}
function sourceOf(file, node, key) {
    const target = key === undefined ? node : (0,yaml_file/* child */.jf)(node, key);
    return target?.range ? file.text.slice(target.range[0], target.range[2]) : '';
}
/** One step: the cloud login actions, this action, its env and its script. */
async function github_actions_scanStep(context, file, job, step) {
    const { sink } = context;
    scanEnvironment(file, sink, job, (0,yaml_file/* child */.jf)(step, 'env'), 'step', 'github-actions');
    scanScript(file, sink, job, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(step, 'run')), 'github-actions');
    const uses = (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'uses'));
    if (uses === undefined || !(0,dist/* isMap */.jh)(step))
        return;
    const action = uses.split('@')[0].toLowerCase();
    const inputs = (0,yaml_file/* child */.jf)(step, 'with');
    const input = (name) => (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(inputs, name));
    const staticInputs = (cloud, names) => {
        const given = names.filter((name) => input(name) !== undefined);
        if (given.length === 0)
            return false;
        reportStatic(sink, job, cloud, given.flatMap((name) => referencedSecrets(input(name), 'github-actions')), `${action} is given ${given.join(' and ')}`, file.at((0,yaml_file/* keyNode */.qe)(inputs, given[0])));
        return true;
    };
    const migrated = (how) => {
        job.migrated = true;
        sink.findings.push(finding('oidc-migrated', `${action} ${how}`, file.at((0,yaml_file/* child */.jf)(step, 'uses')), job.name));
    };
    if (action === 'aws-actions/configure-aws-credentials') {
        if (!staticInputs('aws', ['aws-access-key-id', 'aws-secret-access-key']) && input('role-to-assume') !== undefined) {
            migrated('assumes its role with the job’s OIDC token');
            await unpoliced(context, file, job, step, `only the trust policy of ${input('role-to-assume')} decides which jobs get it`);
        }
    }
    else if (action === 'google-github-actions/auth') {
        if (!staticInputs('gcp', ['credentials_json']) && input('workload_identity_provider') !== undefined) {
            migrated('uses workload identity federation');
            await unpoliced(context, file, job, step, 'only the provider’s attribute condition decides which jobs get access');
        }
    }
    else if (action === 'azure/login') {
        if (!staticInputs('azure', ['creds', 'client-secret']) && input('client-id') !== undefined)
            migrated('logs in with a federated credential');
    }
    else if (/(^|\/)ci-oidc-broker$/.test(action)) {
        migrated('exchanges the job’s OIDC token under a policy');
        if ((input('policy-source') ?? 'workspace') === 'workspace')
            await policed(context, file, job, step, input('policy') ?? DEFAULT_POLICY);
    }
}
/** A federation step outside the broker: noted when the repository has no broker policy either. */
async function unpoliced(context, file, job, step, consequence) {
    if ((await context.repository.read(DEFAULT_POLICY)) !== undefined)
        return;
    context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} has no broker policy: ${consequence}`, file.at((0,yaml_file/* child */.jf)(step, 'uses')), job.name));
}
/** This action's step: its policy must exist, and lint without errors. */
async function policed(context, file, job, step, path) {
    const at = file.at((0,yaml_file/* child */.jf)(step, 'uses'));
    const policyText = await context.repository.read(path);
    if (policyText === undefined) {
        context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} names the policy ${path}, which the repository does not hold, so every exchange is refused`, at, job.name));
        return;
    }
    let errors;
    try {
        errors = (0,policy_lint/* lintPolicy */.G)((0,load/* parsePolicy */.ON)(policyText, path)).filter((found) => found.severity !== 'note').map((found) => found.id);
    }
    catch {
        context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} names the policy ${path}, which does not load (run \`ci-oidc-broker policy validate\`)`, at, job.name));
        return;
    }
    if (errors.length > 0)
        context.sink.findings.push(finding('oidc-wide-trust', `the policy ${path} that job ${job.name} uses trusts more than it may: policy lint reports ${[...new Set(errors)].join(', ')}`, at, job.name));
}

;// CONCATENATED MODULE: ./src/scan/readers/gitlab.ts




// Top-level keywords of .gitlab-ci.yml; every other mapping at the top is a job (or a hidden template).
const KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec']);
const SCRIPTS = ['before_script', 'script', 'after_script'];
/** GitLab CI: .gitlab-ci.yml and the local files it includes, transitively. */
async function readGitLab(context) {
    const queue = ['.gitlab-ci.yml'];
    const seen = new Set();
    while (queue.length > 0) {
        const path = queue.shift();
        if (seen.has(path))
            continue;
        seen.add(path);
        const file = await context.open(path);
        if (!file)
            continue;
        queue.push(...(await localIncludes(context, file)));
        scanPipeline(context, file);
    }
    inheritExtended(context.sink.jobs.filter((job) => job.system === 'gitlab'));
}
/** A job that `extends:` a template holds what the template's variables and scripts hold, wherever it is written. */
function inheritExtended(jobs) {
    const byName = new Map(jobs.map((job) => [job.name, job]));
    const resolve = (job, seen) => {
        const node = (0,yaml_file/* child */.jf)(job.node, 'extends');
        const parents = (0,yaml_file/* items */.ld)(node).length > 0 ? (0,yaml_file/* items */.ld)(node).map(yaml_file/* text */.Qq) : [(0,yaml_file/* text */.Qq)(node)];
        for (const parent of parents.map((name) => (name === undefined ? undefined : byName.get(name)))) {
            if (!parent || seen.has(parent.name))
                continue;
            resolve(parent, new Set([...seen, parent.name]));
            inherit(job, { clouds: [...parent.clouds], secrets: [...parent.secrets] });
            job.migrated ||= parent.migrated;
        }
    };
    for (const job of jobs)
        resolve(job, new Set([job.name]));
}
function scanPipeline({ sink }, file) {
    const shared = scanEnvironment(file, sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'variables'), 'pipeline', 'gitlab');
    const defaults = (0,yaml_file/* child */.jf)(file.root, 'default');
    for (const scripts of [file.root, defaults])
        for (const name of SCRIPTS.filter((key) => key !== 'script'))
            scanScript(file, sink, undefined, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(scripts, name)), 'gitlab');
    for (const { key, keyNode: at, value } of (0,yaml_file/* entries */.jO)(file.root)) {
        if (KEYWORDS.has(key) || !(0,yaml_file/* entries */.jO)(value).length)
            continue;
        const job = sink.job({ system: 'gitlab', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
        // A hidden job (.name) is a template: what it holds is reported once, where it is written.
        if (!key.startsWith('.'))
            inherit(job, shared);
        scanEnvironment(file, sink, job, (0,yaml_file/* child */.jf)(value, 'variables'), 'job', 'gitlab');
        for (const name of SCRIPTS)
            scanScript(file, sink, job, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(value, name)), 'gitlab');
        const tokens = (0,yaml_file/* child */.jf)(value, 'id_tokens');
        if ((0,yaml_file/* entries */.jO)(tokens).length > 0) {
            job.migrated = true;
            sink.findings.push(finding('oidc-migrated', `job ${key} requests OIDC tokens (id_tokens: ${(0,yaml_file/* entries */.jO)(tokens).map((e) => e.key).join(', ')})`, file.at((0,yaml_file/* keyNode */.qe)(value, 'id_tokens')), key));
        }
    }
}
/** The repository files an `include:` names with `local:` or as a bare path; globs within one folder. */
async function localIncludes(context, file) {
    const include = (0,yaml_file/* child */.jf)(file.root, 'include');
    const nodes = (0,yaml_file/* items */.ld)(include).length > 0 ? (0,yaml_file/* items */.ld)(include) : include ? [include] : [];
    const paths = nodes.flatMap((node) => {
        const path = (0,yaml_file/* text */.Qq)(node) ?? (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(node, 'local'));
        return path === undefined || /^https?:/.test(path) ? [] : [path.replace(/^\/+/, '')];
    });
    const expanded = [];
    for (const path of paths) {
        if (!path.includes('*')) {
            expanded.push(path);
            continue;
        }
        const dir = external_node_path_.posix.dirname(path);
        const name = new RegExp(`^${external_node_path_.posix.basename(path).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
        expanded.push(...(await context.repository.list(dir)).filter((entry) => name.test(entry)).map((entry) => `${dir}/${entry}`));
    }
    return expanded;
}

;// CONCATENATED MODULE: ./src/scan/repository.ts


function directoryRepository(root) {
    const kinds = async (dir, wanted) => {
        try {
            const found = await (0,promises_.readdir)((0,external_node_path_.join)(root, dir), { withFileTypes: true });
            return found.filter((entry) => (wanted === 'file' ? entry.isFile() : entry.isDirectory())).map((entry) => entry.name).sort();
        }
        catch {
            return [];
        }
    };
    return {
        display: root,
        async read(path) {
            const file = (0,external_node_path_.join)(root, path);
            if (!(await (0,promises_.stat)(file).catch(() => undefined))?.isFile())
                return undefined;
            return (0,promises_.readFile)(file, 'utf8');
        },
        list: (dir) => kinds(dir, 'file'),
        folders: (dir) => kinds(dir, 'folder'),
    };
}

;// CONCATENATED MODULE: ./src/scan/scan-result.ts
/** What the readers add to while they walk one repository. */
class ScanSink {
    findings = [];
    jobs = [];
    /** Files the configuration points at as key files (GOOGLE_APPLICATION_CREDENTIALS, --key-file), to look into. */
    keyFiles = new Set();
    job(fields) {
        const job = { ...fields, clouds: new Set(), secrets: new Map(), migrated: false };
        this.jobs.push(job);
        return job;
    }
}

;// CONCATENATED MODULE: ./src/scan/scan.ts












const READERS = [readGitHubActions, readGitLab, readCircleCi, readBuildkite];
/** Reads every CI system's configuration in one repository, and the key files it points at. */
async function scanRepository(repository) {
    const sink = new ScanSink();
    const files = [];
    const display = (path) => (repository.display === '.' ? path : external_node_path_.posix.join(repository.display, path));
    const context = {
        repository,
        sink,
        async open(path) {
            const opened = files.find((file) => file.path === path);
            if (opened)
                return opened;
            const text = await repository.read(path);
            if (text === undefined)
                return undefined;
            const file = new yaml_file/* YamlFile */._g(display(path), path, text);
            files.push(file);
            sink.findings.push(...keyMaterialFindings(text, file.display));
            return file;
        },
    };
    for (const read of READERS)
        await read(context);
    const keyFiles = [...sink.keyFiles].filter((path) => !files.some((file) => file.path === path));
    for (const path of keyFiles) {
        const text = await repository.read(path);
        if (text !== undefined)
            sink.findings.push(...keyMaterialFindings(text, display(path)));
    }
    return { repository: repository.display, source: repository, files: files.map((file) => file.display), findings: sortScanFindings(sink.findings), jobs: sink.jobs };
}
/** `scan PATH…`: each path is a repository's folder. */
async function scanPaths(paths) {
    const scans = [];
    for (const path of paths) {
        if (!(await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory()) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${path} is not a folder.`, { hint: 'Name the folders of the repositories to scan (the current one by default); scan reads their CI files itself.' });
        }
        scans.push(await scanRepository(directoryRepository(path.replace(/\/+$/, '') || '/')));
    }
    return scans;
}

;// CONCATENATED MODULE: ./src/scan/github-org.ts


const PER_PAGE = 100;
// Enough to overlap the API's latency without tripping its secondary rate limit for concurrent requests.
const CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 30_000;
/** An organisation's repositories (archived ones left out), each scanned through the contents API. */
async function scanGitHubOrg(options) {
    const { repositories, truncated } = await listRepositories(options);
    const scans = new Array(repositories.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
        while (next < repositories.length) {
            const index = next++;
            const listed = repositories[index];
            const scan = await scanRepository(githubRepository(options.apiUrl, options.token, listed.full_name));
            scans[index] = { ...scan, ids: { repositoryId: String(listed.id), ownerId: String(listed.owner.id) } };
            options.progress?.(++done, repositories.length, listed.full_name);
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, repositories.length) }, worker));
    return { scans, truncated };
}
async function listRepositories(options) {
    const repositories = [];
    let url = `${options.apiUrl.replace(/\/+$/, '')}/orgs/${encodeURIComponent(options.org)}/repos?per_page=${PER_PAGE}&type=all`;
    while (url !== undefined && repositories.length < options.maxRepositories) {
        const response = await get(url, options.token, 'application/vnd.github+json', `the repositories of ${options.org}`);
        if (response === undefined)
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `GitHub has no organisation ${options.org} that the token can see.`, { hint: 'Check the name, and that the token may read the organisation’s repositories.' });
        repositories.push(...(await response.json()).filter((repository) => !repository.archived));
        url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    }
    return { repositories: repositories.slice(0, options.maxRepositories), truncated: url !== undefined || repositories.length > options.maxRepositories };
}
/** A repository read through the contents API, at its default branch. */
function githubRepository(apiUrl, token, fullName) {
    const contents = (path) => `${apiUrl.replace(/\/+$/, '')}/repos/${fullName}/contents/${path.split('/').map(encodeURIComponent).join('/')}`;
    const entries = async (dir, type) => {
        const response = await get(contents(dir), token, 'application/vnd.github+json', `${fullName}/${dir}`);
        const body = response === undefined ? [] : await response.json();
        return Array.isArray(body) ? body.filter((entry) => entry.type === type).map((entry) => entry.name).sort() : [];
    };
    return {
        display: fullName,
        async read(path) {
            const response = await get(contents(path), token, 'application/vnd.github.raw', `${fullName}/${path}`);
            // A folder answers with its listing, whatever was asked for: that is no file.
            if (response === undefined || response.headers.get('content-type')?.startsWith('application/json'))
                return undefined;
            return response.text();
        },
        list: (dir) => entries(dir, 'file'),
        folders: (dir) => entries(dir, 'dir'),
    };
}
/** A GET with the token; undefined on 404, an error that names the resource (never the token) otherwise. */
async function get(url, token, accept, what) {
    let response;
    try {
        response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept, 'x-github-api-version': '2022-11-28' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `Reading ${what} through the GitHub API failed (${error.message}).`, { hint: 'Check --github-api-url and the network.' });
    }
    if (response.status === 404)
        return undefined;
    if (!response.ok) {
        const hint = response.status === 401 ? 'The token is not valid: give a token that can read the repositories (contents: read, metadata: read).' : 'GitHub refused or failed; a 403 may be a rate limit: try again later, or with fewer repositories.';
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `Reading ${what} through the GitHub API failed (HTTP ${response.status}).`, { hint });
    }
    return response;
}

// EXTERNAL MODULE: ./src/cli/cli-output.ts + 1 modules
var cli_output = __webpack_require__(10524);
;// CONCATENATED MODULE: ./src/cli/commands/scan.ts











/** `scan PATH…`: 0 when no finding is at or above --fail-on, 1 when one is, 2 on invalid input. */
function scan(paths, options) {
    return (0,cli_output/* runCommand */.d1)(options.format === 'text' ? 'text' : 'json', () => cli_output/* Exit */.Jc.Usage, async () => {
        const map = parseMap(options.map ?? []);
        for (const [flag, id] of [['--repository-id', options.repositoryId], ['--owner-id', options.ownerId]]) {
            if (id !== undefined && !/^\d+$/.test(id))
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${flag} must be a numeric id, not ${JSON.stringify(id)}.`, { hint: 'GitHub shows it at https://api.github.com/repos/OWNER/REPO (id, and owner.id).' });
        }
        const scans = options.githubOrg === undefined ? await scanPaths(paths.length > 0 ? paths : ['.']) : await scanOrg(options.githubOrg, paths, options);
        const findings = allFindings(scans);
        const plan = options.plan === undefined ? undefined : await planMigration(scans, { repositoryId: options.repositoryId, ownerId: options.ownerId, map });
        if (plan)
            await writePlan(plan, options.plan);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ ...scanJson(scans), ...(plan ? { plan: { dir: options.plan, jobs: plan.jobs.map(({ policy: _policy, ...job }) => job), unplanned: plan.unplanned, migrated: plan.migrated, deletableSecrets: plan.deletableSecrets } } : {}) });
        else if (options.format === 'sarif')
            (0,cli_output/* writeJson */.GF)(scanSarif(findings, package_0/* version */.rE));
        else
            process.stdout.write(`${scanTable(findings, summarize(scans))}${plan ? `\nThe plan is in ${options.plan}:\n\n${planSummary(plan)}` : ''}`);
        const failing = options.failOn !== 'never' && findings.some((found) => SEVERITY_ORDER[found.severity] <= SEVERITY_ORDER[options.failOn]);
        return failing ? cli_output/* Exit */.Jc.Refused : cli_output/* Exit */.Jc.Ok;
    });
}
function parseMap(pairs) {
    const map = new Map();
    for (const pair of pairs) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)=(arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+|[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com)$/.exec(pair);
        if (!match)
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `--map ${pair} is not SECRET_NAME=ROLE_ARN or SECRET_NAME=SERVICE_ACCOUNT_EMAIL.`, { hint: 'For example --map AWS_SECRET_ACCESS_KEY=arn:aws:iam::111122223333:role/deploy.' });
        map.set(match[1], match[2]);
    }
    return map;
}
async function scanOrg(org, paths, options) {
    const usage = (message, hint) => new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, message, { hint });
    if (paths.length > 0)
        throw usage('scan reads folders or --github-org, not both.', 'Run it once for the folders and once for the organisation.');
    const token = process.env[options.githubTokenEnv];
    if (!token)
        throw usage(`--github-org needs a token in $${options.githubTokenEnv}.`, 'Give a token that can read the repositories (contents: read), or name its variable with --github-token-env.');
    const max = Number(options.maxRepositories);
    if (!Number.isInteger(max) || max < 1)
        throw usage(`--max-repositories must be a positive whole number, not ${JSON.stringify(options.maxRepositories)}.`, 'For example --max-repositories 500.');
    // Progress goes to a terminal only: in a pipeline's log, a line per repository would bury the findings.
    const progress = process.stderr.isTTY ? (done, total, repository) => process.stderr.write(`\r\x1b[Kscanned ${done}/${total}: ${repository}${done === total ? '\n' : ''}`) : undefined;
    const apiUrl = options.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const { scans, truncated } = await scanGitHubOrg({ org, apiUrl, token, maxRepositories: max, progress });
    if (truncated)
        process.stderr.write(`Note: ${org} has more repositories; only the first ${max} were read (--max-repositories).\n`);
    return scans;
}


/***/ }),

/***/ 28841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H$: () => (/* binding */ TODO_SERVICE_ACCOUNT),
/* harmony export */   UY: () => (/* binding */ TODO_ROLE),
/* harmony export */   aZ: () => (/* binding */ draftPolicy),
/* harmony export */   bm: () => (/* binding */ TODO_PROVIDER)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _yaml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93753);


// Events whose runs a pull request controls: the deny rule every draft starts with, so that its lint is clean.
const UNTRUSTED_EVENTS = ['pull_request', 'pull_request_target', 'workflow_run'];
const AWS_AUDIENCE = 'sts.amazonaws.com';
const TODO_ROLE = (rule) => `arn:aws:iam::000000000000:role/TODO-${rule}`.slice(0, 100);
const TODO_PROVIDER = 'projects/0/locations/global/workloadIdentityPools/todo-pool/providers/todo-provider';
const TODO_SERVICE_ACCOUNT = 'todo-service-account@todo-project.iam.gserviceaccount.com';
const q = (value) => JSON.stringify(value);
const todo = (is, what) => (is ? `   # TODO: ${what}` : '');
/**
 * A policy of one allow rule for a job that now holds static keys, bound to the repository's numeric
 * ids, to the refs its triggers run on and its environment, granting what the keys reached. Every
 * value the scan could not know is a placeholder that validates, marked TODO.
 */
function draftPolicy(inputs) {
    const { grant } = inputs;
    const audiences = [...(grant.awsRole ? [AWS_AUDIENCE] : []), ...(grant.gcp ? [`//iam.googleapis.com/${grant.gcp.provider}`] : [])];
    const ref = refCondition(inputs.workflow);
    const environment = environmentOf(inputs.job);
    const lines = [
        `# A draft written by \`ci-oidc-broker scan --plan\` for ${inputs.origin}.`,
        '# Resolve every TODO, run `ci-oidc-broker policy lint`, then merge the rules into the policy.',
        'version: 1',
        `audiences: [${audiences.map(q).join(', ')}]`,
        'rules:',
        '  - name: no-untrusted-triggers',
        '    effect: deny',
        '    match:',
        `      event_name: [${UNTRUSTED_EVENTS.join(', ')}]`,
        `  - name: ${inputs.ruleName}`,
        '    match:',
        `      repository_owner_id: ${q(inputs.ownerId ?? '0')}${todo(inputs.ownerId === undefined, "the owner's numeric id (--owner-id)")}`,
        `      repository_id: ${q(inputs.repositoryId ?? '0')}${todo(inputs.repositoryId === undefined, "the repository's numeric id (--repository-id)")}`,
        `      ref: ${ref.value}${todo(ref.todo, 'the default branch, which scheduled and dispatched runs use')}`,
        ...(environment === undefined ? [] : [`      environment: ${q(environment)}`]),
        '      runner_environment: github-hosted',
        '    grant:',
        ...(grant.awsRole ? ['      aws:', `        roles: [${q(grant.awsRole.value)}]${todo(grant.awsRole.todo, 'the role that replaces the keys (--map SECRET=ROLE_ARN)')}`] : []),
        ...(grant.gcp
            ? [
                '      gcp:',
                `        workload-identity-provider: ${q(grant.gcp.provider)}${todo(grant.gcp.todo, 'the workload identity pool provider')}`,
                `        service-accounts: [${q(grant.gcp.serviceAccount)}]${todo(grant.gcp.todo, 'the service account whose key the job holds (--map SECRET=EMAIL)')}`,
            ]
            : []),
    ];
    return `${lines.join('\n')}\n`;
}
/** The refs a workflow's push trigger names: exact branches and tags, or one pattern as a glob. */
function refCondition(workflow) {
    const push = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(workflow, 'on'), 'push');
    const refs = [...(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(push, 'branches')).map((item) => `refs/heads/${(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(item)}`), ...(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .items */ .ld)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(push, 'tags')).map((item) => `refs/tags/${(0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(item)}`)];
    if (refs.length === 0)
        return { value: q('refs/heads/main'), todo: true };
    if (refs.every((ref) => !/[*?[\]!+]/.test(ref)))
        return { value: refs.length === 1 ? q(refs[0]) : `[${refs.map(q).join(', ')}]`, todo: false };
    // GitHub's filter patterns read * and ** as the policy's globs do; several are left to the reviewer.
    return refs.length === 1 ? { value: `{glob: ${q(refs[0])}}`, todo: false } : { value: q('refs/heads/main'), todo: true };
}
function environmentOf(job) {
    const environment = (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(job, 'environment');
    const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(environment) ? (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entries */ .jO)(environment).find((entry) => entry.key === 'name')?.value) : (0,_yaml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(environment);
    return name === undefined || name.includes('${{') ? undefined : name;
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
