export const id = 339;
export const ids = [339];
export const modules = {

/***/ 66339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scan: () => (/* binding */ scan)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/scan/findings.ts
var scan_findings = __webpack_require__(66411);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/scan/formats/sarif.ts




const INFORMATION_URI = 'https://github.com/ci-oidc-broker/ci-oidc-broker#migrating-from-static-keys';
// GitHub code scanning ranks security alerts by this score (0 to 10) rather than by level alone.
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', note: '1.0' };
const RULE_IDS = Object.keys(scan_findings/* RULES */.y0);
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
                            shortDescription: { text: scan_findings/* RULES */.y0[id].title },
                            fullDescription: { text: `${scan_findings/* RULES */.y0[id].title}.${limitsOf(id) ? ` ${limitsOf(id)}` : ''}` },
                            help: { text: scan_findings/* RULES */.y0[id].fix, markdown: scan_findings/* RULES */.y0[id].fix },
                            defaultConfiguration: { level: scan_findings/* RULES */.y0[id].severity },
                            properties: { tags: ['security', 'ci', 'credentials'], 'security-severity': SECURITY_SEVERITY[scan_findings/* RULES */.y0[id].severity] },
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
function limitsOf(id) {
    const rule = scan_findings/* RULES */.y0[id];
    return 'limits' in rule ? rule.limits : undefined;
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
    const fixes = [...new Set(findings.map((found) => found.rule))].map((rule) => `  ${rule}: ${scan_findings/* RULES */.y0[rule].fix}`);
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
var finding = __webpack_require__(55359);
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/scan/credentials.ts
var credentials = __webpack_require__(16391);
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
    const jobs = context.sink.jobs.filter((job) => job.system === 'gitlab');
    inheritExtended(jobs);
    for (const job of jobs.filter((candidate) => candidate.clouds.size > 0 && !candidate.name.startsWith('.'))) {
        const file = (await context.open(job.path));
        const rule = mergeRequestRule(job.node);
        if (!rule)
            continue;
        const variables = job.secrets.size > 0 ? ` from the CI variables ${[...job.secrets.keys()].join(', ')}` : '';
        context.sink.findings.push((0,scan_findings/* finding */.gk)('static-keys-reachable-from-forks', `job ${job.name} holds static ${[...job.clouds].join(' and ')} credentials${variables} and runs in merge request pipelines: one that runs in this project for a fork's merge request gets every variable that is not protected`, file.at(rule), job.name));
    }
}
/** The rule (or `only:` entry) that puts a job in merge request pipelines, when one does. */
function mergeRequestRule(job) {
    const rules = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(job, 'rules')).filter((rule) => (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(rule, 'when')) !== 'never');
    const byRule = rules.find((rule) => /\$CI_PIPELINE_SOURCE\s*==\s*["']merge_request_event["']|\$CI_MERGE_REQUEST_(?:IID|ID)\b/.test((0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(rule, 'if')) ?? ''));
    if (byRule)
        return byRule;
    const only = (0,yaml_file/* child */.jf)(job, 'only');
    return [...(0,yaml_file/* items */.ld)(only), ...(0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(only, 'refs'))].find((ref) => (0,yaml_file/* text */.Qq)(ref) === 'merge_requests');
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
            (0,credentials/* inherit */.IL)(job, { clouds: [...parent.clouds], secrets: [...parent.secrets] });
            job.migrated ||= parent.migrated;
        }
    };
    for (const job of jobs)
        resolve(job, new Set([job.name]));
}
function scanPipeline({ sink }, file) {
    const shared = (0,credentials/* scanEnvironment */.D9)(file, sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'variables'), 'pipeline', 'gitlab');
    const defaults = (0,yaml_file/* child */.jf)(file.root, 'default');
    for (const scripts of [file.root, defaults])
        for (const name of SCRIPTS.filter((key) => key !== 'script'))
            (0,credentials/* scanScript */.nw)(file, sink, undefined, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(scripts, name)), 'gitlab');
    for (const { key, keyNode: at, value } of (0,yaml_file/* entries */.jO)(file.root)) {
        if (KEYWORDS.has(key) || !(0,yaml_file/* entries */.jO)(value).length)
            continue;
        const job = sink.job({ system: 'gitlab', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
        // A hidden job (.name) is a template: what it holds is reported once, where it is written.
        if (!key.startsWith('.'))
            (0,credentials/* inherit */.IL)(job, shared);
        (0,credentials/* scanEnvironment */.D9)(file, sink, job, (0,yaml_file/* child */.jf)(value, 'variables'), 'job', 'gitlab');
        for (const name of SCRIPTS)
            (0,credentials/* scanScript */.nw)(file, sink, job, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(value, name)), 'gitlab');
        const tokens = (0,yaml_file/* child */.jf)(value, 'id_tokens');
        if ((0,yaml_file/* entries */.jO)(tokens).length > 0) {
            job.migrated = true;
            sink.findings.push((0,scan_findings/* finding */.gk)('oidc-migrated', `job ${key} requests OIDC tokens (id_tokens: ${(0,yaml_file/* entries */.jO)(tokens).map((e) => e.key).join(', ')})`, file.at((0,yaml_file/* keyNode */.qe)(value, 'id_tokens')), key));
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

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
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
            const print = (0,scan_findings/* fingerprint */.Rj)(pattern.identity(match));
            found.push((0,scan_findings/* finding */.gk)(pattern.rule, `${pattern.describe} is committed here (fingerprint ${print})`, at(start), undefined, print));
        }
    }
    return found;
}
function closingBrace(text, from) {
    const end = text.indexOf('}', from);
    return end < 0 ? text.length : end;
}

;// CONCATENATED MODULE: ./src/scan/plan/line-edits.ts





/**
 * Edits to a CI file by whole lines, so that the rest of it, comments and layout included, stays exactly
 * as it was. A line that holds a committed credential is never part of the diff, not even as context.
 */
class LineEditor {
    lines;
    edits = [];
    manual = [];
    #file;
    constructor(file) {
        this.#file = file;
        this.lines = file.text.split('\n');
    }
    lineOf(offset) {
        return this.#file.atOffset(offset).line - 1;
    }
    indentOf(line) {
        return /^ */.exec(this.lines[line])[0];
    }
    /** The lines a mapping entry takes, its key's line to its value's last. */
    spanOf(key, value) {
        const end = Math.max(key.range[1], (value?.range?.[1] ?? key.range[1]) - 1);
        return { from: this.lineOf(key.range[0]), to: this.lineOf(end) + 1, lines: [] };
    }
    /** The last line a node's own text reaches (a block's trailing blank lines are not its). */
    lastLineOf(node) {
        const end = this.lineOf(Math.max(node.range[0], node.range[1] - 1));
        let line = end;
        while (line > this.lineOf(node.range[0]) && this.lines[line].trim() === '')
            line--;
        return line;
    }
    delete(key, value) {
        this.edits.push(this.spanOf(key, value));
    }
    replaceLine(line, lines) {
        this.edits.push({ from: line, to: line + 1, lines });
    }
    insertBefore(line, lines) {
        this.edits.push({ from: line, to: line, lines });
    }
    finish() {
        const file = this.#file;
        const manual = [...this.manual];
        // A patch that deletes a committed key, or shows one as context, copies it into the plan: such lines
        // are left to the user, and the context shrinks until none shows.
        const sensitive = sensitiveLines(file);
        const unique = this.edits.filter((edit, index) => this.edits.findIndex((other) => other.from === edit.from && other.to === edit.to && other.lines.join('\n') === edit.lines.join('\n')) === index);
        const safe = unique.filter((edit) => !range(edit.from, edit.to).some((line) => sensitive.has(line)));
        for (const edit of unique.filter((candidate) => !safe.includes(candidate)))
            manual.push(`${file.path}:${edit.from + 1}${edit.to - edit.from > 1 ? `-${edit.to}` : ''} holds a committed credential: delete it yourself (the patch does not copy it), then revoke it`);
        const patched = applyEdits(this.lines, safe).join('\n');
        const texts = new Set([...sensitive].map((line) => this.lines[line]));
        const shows = (diff) => diff.split('\n').some((line) => texts.has(line.slice(1)));
        const [context, diff] = [3, 2, 1, 0].map((lines) => [lines, (0,create/* createTwoFilesPatch */.ss)(`a/${file.path}`, `b/${file.path}`, file.text, patched, '', '', { context: lines })]).find(([, candidate]) => !shows(candidate));
        if (context === 0 && safe.length > 0)
            manual.push(`${file.path}: the patch has no context lines, so that it copies no committed credential; apply it with \`git apply --unidiff-zero\``);
        return { patched, diff, manual };
    }
}
function range(from, to) {
    return Array.from({ length: Math.max(to - from, 0) }, (_unused, index) => from + index);
}
/** The lines that hold key material, or a credential written out in a variables mapping: what no plan file may copy. */
function sensitiveLines(file) {
    const lineOf = (offset) => file.atOffset(offset).line - 1;
    const lines = new Set();
    for (const [start, end] of keyMaterialSpans(file.text))
        for (const line of range(lineOf(start), lineOf(end - 1) + 1))
            lines.add(line);
    // Every mapping of the file, whatever a CI system calls its variables (env, variables, environment).
    const pending = [file.root];
    while (pending.length > 0) {
        const node = pending.pop();
        if ((0,dist/* isSeq */.oP)(node))
            pending.push(...node.items);
        if (!(0,dist/* isMap */.jh)(node))
            continue;
        for (const entry of (0,yaml_file/* entries */.jO)(node)) {
            const value = (0,yaml_file/* text */.Qq)(entry.value);
            if (value !== undefined && (0,credentials/* isLiteralCredential */.j5)(entry.key, value))
                for (const line of range(lineOf(entry.keyNode.range[0]), lineOf(entry.value.range[1] - 1) + 1))
                    lines.add(line);
            pending.push(entry.value);
        }
    }
    return lines;
}
function applyEdits(lines, edits) {
    const result = [...lines];
    // Bottom-up, so that earlier line numbers stay true; at one line, deletions before insertions.
    for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to))
        result.splice(edit.from, edit.to - edit.from, ...edit.lines);
    return result;
}

;// CONCATENATED MODULE: ./src/scan/plan/workflow-patch.ts




const THIS_ACTION = 'ci-oidc-broker/ci-oidc-broker@v1';
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];
/**
 * The workflow with its planned jobs on this action: the static keys taken out of env, of the cloud
 * login steps and of scripts, this action in their place with the grant of the job's draft rule, and
 * `id-token: write` in the job's permissions.
 */
function patchWorkflow(file, jobs) {
    const editor = new LineEditor(file);
    const inputsFor = (grant, clouds, awsRegion) => [
        ...(clouds.includes('aws') && grant.awsRole ? [`role-to-assume: ${grant.awsRole.value}${grant.awsRole.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`, ...(awsRegion ? [`aws-region: ${awsRegion}`] : [])] : []),
        ...(clouds.includes('gcp') && grant.gcp
            ? [`workload_identity_provider: ${grant.gcp.provider}${grant.gcp.todo ? '   # TODO: the provider' : ''}`, `service_account: ${grant.gcp.serviceAccount}`, 'create_credentials_file: true']
            : []),
    ];
    const workflowClouds = new Set(jobs.flatMap((job) => [...plannedClouds(job.clouds)]));
    dropVariables(editor, file.root, 'env', workflowClouds);
    const jobNodes = (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs'));
    for (const job of jobs) {
        const entry = jobNodes.find((candidate) => candidate.key === job.name);
        if (!entry)
            continue;
        const node = entry.value;
        const awsRegion = literalRegion([(0,yaml_file/* child */.jf)(node, 'env'), (0,yaml_file/* child */.jf)(file.root, 'env')]);
        const clouds = plannedClouds(job.clouds);
        dropVariables(editor, node, 'env', clouds);
        const covered = new Set();
        const steps = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(node, 'steps'));
        for (const step of steps) {
            dropVariables(editor, step, 'env', clouds);
            const replaced = replaceLoginStep(step, job, editor, inputsFor);
            if (replaced)
                covered.add(replaced);
            const run = (0,yaml_file/* child */.jf)(step, 'run');
            if (run)
                dropKeyFileLogins(editor, run, (0,yaml_file/* keyNode */.qe)(step, 'run'), job.name, file.path, false);
        }
        const needed = [...clouds].filter((cloud) => !covered.has(cloud));
        if (steps.length > 0 && needed.length > 0) {
            const first = editor.lineOf(steps[0].range[0]);
            const dash = /^ *- /.exec(editor.lines[first])?.[0] ?? `${editor.indentOf(first)}- `;
            const inner = ' '.repeat(dash.length);
            editor.insertBefore(first, [`${dash}uses: ${THIS_ACTION}`, `${inner}with:`, ...inputsFor(job.grant, needed, awsRegion).map((input) => `${inner}  ${input}`)]);
        }
        if (job.clouds.has('azure'))
            editor.manual.push(azureLeft(job.name));
        permissionsEdit(editor, node, entry.keyNode);
    }
    return editor.finish();
}
/** The clouds a plan moves to OIDC: Azure keys stay, since the broker issues no Azure credentials. */
function plannedClouds(clouds) {
    return new Set([...clouds].filter((cloud) => cloud !== 'azure'));
}
function azureLeft(job) {
    return `job ${job}: Azure is outside ci-oidc-broker; log in with a federated credential (azure/login, or az login --federated-token, with client-id, tenant-id and subscription-id), and delete the client secret`;
}
/** Deletes the credential variables of `clouds` from a variables mapping; the whole mapping when nothing else is left. */
function dropVariables(editor, owner, key, clouds) {
    const variables = (0,yaml_file/* child */.jf)(owner, key);
    const all = (0,yaml_file/* entries */.jO)(variables);
    const dropped = all.filter((entry) => {
        const cloud = (0,credentials/* credentialCloud */.Bi)(entry.key);
        return cloud !== undefined && clouds.has(cloud);
    });
    if (dropped.length === 0)
        return;
    if (dropped.length === all.length)
        editor.delete((0,yaml_file/* keyNode */.qe)(owner, key), variables);
    else
        for (const entry of dropped)
            editor.delete(entry.keyNode, entry.value);
}
/** The region that variables name outright, for the new login's region. */
function literalRegion(variables) {
    return variables.flatMap((owner) => REGION_VARIABLES.map((name) => (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(owner, name)))).find((value) => value !== undefined && !value.includes('$'));
}
/**
 * The logins with keys, and the lines that write the key file a login reads (`echo "$KEY" > key.json`):
 * without the login that file serves nothing but a leak. With `mayEmpty`, a list left empty goes with
 * its key, since GitLab refuses an empty script; a script the exchange goes into is never left empty.
 */
function dropKeyFileLogins(editor, script, key, job, path, mayEmpty) {
    const logins = scriptLogins(editor, script, key, job, path);
    if (logins.length === 0)
        return [];
    const keyLine = editor.lineOf(key.range[0]);
    const keyFiles = logins.flatMap((line) => /--key-file[=\s]+["']?([^\s"']+)/.exec(editor.lines[line])?.[1] ?? []);
    const writes = range(editor.lineOf(script.range[0]), editor.lastLineOf(script) + 1).filter((line) => line !== keyLine && keyFiles.some((keyFile) => new RegExp(`(?:>>?|\\btee)\\s*["']?${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?(?:\\s|$)`).test(editor.lines[line])));
    const dropped = new Set([...logins, ...writes]);
    const itemLines = (0,yaml_file/* items */.ld)(script).map((item) => editor.lineOf(item.range[0]));
    if (mayEmpty && (0,dist/* isSeq */.oP)(script) && !script.flow && itemLines.every((line) => dropped.has(line)))
        editor.delete(key, script);
    else
        for (const line of dropped)
            editor.replaceLine(line, []);
    return [...dropped];
}
/**
 * The lines of a script (a block, or a list of one-line commands) that log in with static keys; a
 * command on its key's own line is left to the user, with a note.
 */
function scriptLogins(editor, script, key, job, path) {
    const keyLine = editor.lineOf(key.range[0]);
    const found = [];
    for (let line = editor.lineOf(script.range[0]); line <= editor.lastLineOf(script); line++) {
        const command = editor.lines[line].trim().replace(/^-\s+/, '').replace(/^["']/, '');
        if (!credentials/* STATIC_COMMANDS */.yn.some((candidate) => candidate.pattern.test(command)))
            continue;
        if (line === keyLine)
            editor.manual.push(`job ${job}: ${path}:${line + 1} logs in with static keys in a one-line script; remove that command`);
        else
            found.push(line);
    }
    return found;
}
/** configure-aws-credentials or google-github-actions/auth given keys becomes this action; returns the cloud it now covers. */
function replaceLoginStep(step, job, editor, inputsFor) {
    const uses = (0,yaml_file/* child */.jf)(step, 'uses');
    const action = (0,yaml_file/* text */.Qq)(uses)?.split('@')[0]?.toLowerCase();
    const keys = action === 'aws-actions/configure-aws-credentials' ? ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'] : action === 'google-github-actions/auth' ? ['credentials_json'] : [];
    const cloud = action === 'google-github-actions/auth' ? 'gcp' : 'aws';
    const inputs = (0,yaml_file/* child */.jf)(step, 'with');
    const given = (0,yaml_file/* entries */.jO)(inputs).filter((entry) => keys.includes(entry.key));
    if (given.length === 0)
        return undefined;
    const usesLine = editor.lineOf(uses.range[0]);
    editor.replaceLine(usesLine, [editor.lines[usesLine].replace(/uses:\s*\S+/, `uses: ${THIS_ACTION}`)]);
    const first = editor.lineOf(given[0].keyNode.range[0]);
    given.forEach((entry, index) => {
        // The region stays an input of its own; the first key's line carries the grant.
        const replacement = index === 0 ? inputsFor(job.grant, [cloud], undefined).map((input) => `${editor.indentOf(first)}${input}`) : [];
        editor.replaceLine(editor.lineOf(entry.keyNode.range[0]), replacement);
    });
    return cloud;
}
/** `id-token: write` in the job's own permissions (which replace the workflow's for that job). */
function permissionsEdit(editor, job, jobKey) {
    const lineOf = (offset) => editor.lineOf(offset);
    const indentOf = (line) => editor.indentOf(line);
    const permissions = (0,yaml_file/* child */.jf)(job, 'permissions');
    const permissionsKey = (0,yaml_file/* keyNode */.qe)(job, 'permissions');
    const idToken = (0,yaml_file/* entries */.jO)(permissions).find((entry) => entry.key === 'id-token');
    if (idToken) {
        const line = lineOf(idToken.keyNode.range[0]);
        if ((0,yaml_file/* text */.Qq)(idToken.value) !== 'write')
            editor.replaceLine(line, [`${indentOf(line)}id-token: write`]);
        return;
    }
    if (permissionsKey && (0,yaml_file/* entries */.jO)(permissions).length > 0) {
        const first = lineOf((0,yaml_file/* entries */.jO)(permissions)[0].keyNode.range[0]);
        editor.insertBefore(first, [`${indentOf(first)}id-token: write`]);
        return;
    }
    const firstKey = (0,yaml_file/* entries */.jO)(job)[0].keyNode;
    const indent = indentOf(lineOf(firstKey.range[0]));
    const block = [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  id-token: write`];
    if (permissionsKey)
        editor.replaceLine(lineOf(permissionsKey.range[0]), block);
    else
        editor.insertBefore(lineOf(jobKey.range[0]) + 1, block);
}

;// CONCATENATED MODULE: ./src/scan/plan/pipeline-patch.ts







/** Where each system's jobs find the policy the exchange reads: beside the CI file, by convention. */
const POLICY_PATHS = {
    gitlab: '.gitlab/ci-oidc-broker.yml',
    circleci: '.circleci/ci-oidc-broker.yml',
    buildkite: '.buildkite/ci-oidc-broker.yml',
};
const GITLAB_SCRIPTS = ['before_script', 'script', 'after_script'];
// GitLab's variables for the job's ID tokens: the preset reads the first; a Google exchange beside an AWS one needs its own audience.
const GITLAB_TOKENS = { aws: 'GITLAB_OIDC_TOKEN', gcp: 'GITLAB_GCP_OIDC_TOKEN' };
/**
 * The exchange commands that replace a job's keys with credentials from its own OIDC token, per cloud
 * where each needs a token of its own audience (GitLab, Buildkite), in one where the token is one (CircleCI).
 */
function exchangeCommands(system, clouds, grant, region, identity) {
    const base = `ci-oidc-broker exchange --preset ${system}`;
    const policy = `--policy ${POLICY_PATHS[system]}`;
    const aws = clouds.has('aws') && grant.awsRole ? `--aws-role ${grant.awsRole.value} --aws-region ${region ?? 'us-east-1'}` : undefined;
    const gcp = clouds.has('gcp') && grant.gcp ? `--gcp-provider ${grant.gcp.provider} --gcp-service-account ${grant.gcp.serviceAccount}` : undefined;
    const todos = (forAws, forGcp) => {
        const open = [
            ...(forAws && grant.awsRole?.todo ? ['the role (--map SECRET=ROLE_ARN)'] : []),
            ...(forAws && region === undefined ? ['the region'] : []),
            ...(forGcp && grant.gcp?.todo ? ['the provider and service account'] : []),
            ...(system === 'circleci' && (0,draft_policy/* idFor */.zU)('circleci', identity.ownerId) === undefined ? ['the organization id'] : []),
        ];
        return open.length > 0 ? open.join('; ') : undefined;
    };
    if (system === 'circleci') {
        const org = (0,draft_policy/* idFor */.zU)('circleci', identity.ownerId) ?? draft_policy/* TODO_UUID */.tK;
        // One token, whose audience is the organization; the credentials reach later steps through $BASH_ENV.
        return [{ command: `${base} --issuer ${(0,draft_policy/* circleCiIssuer */.Ew)(identity)} --audience ${org} ${policy} ${[aws, gcp].filter(Boolean).join(' ')} >> "$BASH_ENV"`, todo: todos(aws !== undefined, gcp !== undefined) }];
    }
    const gcpToken = system === 'gitlab' && aws !== undefined ? ` --token-env ${GITLAB_TOKENS.gcp}` : '';
    return [
        ...(aws ? [{ command: `eval "$(${base} ${policy} ${aws})"`, todo: todos(true, false) }] : []),
        ...(gcp ? [{ command: `eval "$(${base}${gcpToken} ${policy} ${gcp})"`, todo: todos(false, true) }] : []),
    ];
}
/** The ID tokens a GitLab job declares for its exchanges, each with the audience its cloud expects. */
function gitlabTokens(clouds, grant) {
    return [
        ...(clouds.has('aws') ? [[GITLAB_TOKENS.aws, draft_policy/* AWS_AUDIENCE */.Vk]] : []),
        ...(clouds.has('gcp') && grant.gcp ? [[clouds.has('aws') ? GITLAB_TOKENS.gcp : GITLAB_TOKENS.aws, `//iam.googleapis.com/${grant.gcp.provider}`]] : []),
    ];
}
/**
 * A GitLab, CircleCI or Buildkite file with its planned jobs moved to `ci-oidc-broker exchange`: the
 * credential variables and the commands that log in with keys taken out, the exchange put before the
 * job's own commands, and what the system needs to hand the job a token (GitLab's `id_tokens:`).
 */
function patchPipeline(system, file, jobs, identity) {
    const editor = new LineEditor(file);
    const shared = new Set(jobs.flatMap((job) => [...plannedClouds(job.clouds)]));
    if (system !== 'circleci')
        dropVariables(editor, file.root, system === 'gitlab' ? 'variables' : 'env', shared);
    for (const job of jobs) {
        const clouds = plannedClouds(job.clouds);
        if (job.clouds.has('azure'))
            editor.manual.push(azureLeft(job.name));
        if (clouds.size === 0)
            continue;
        if (system === 'gitlab')
            patchGitLabJob(editor, file, job, clouds, identity);
        else if (system === 'circleci')
            patchCircleCiJob(editor, file, job, clouds, identity);
        else
            patchBuildkiteStep(editor, file, job, clouds, identity);
    }
    return editor.finish();
}
function patchGitLabJob(editor, file, job, clouds, identity) {
    const entry = (0,yaml_file/* entries */.jO)(file.root).find((candidate) => candidate.key === job.name);
    if (!entry)
        return;
    const node = entry.value;
    // The templates it extends in this file hold keys and logins too; those in other files are the user's.
    const templates = extendedTemplates(file, node);
    for (const owner of [node, ...templates])
        dropVariables(editor, owner, 'variables', clouds);
    for (const owner of [node, ...templates, file.root, (0,yaml_file/* child */.jf)(file.root, 'default')]) {
        for (const name of GITLAB_SCRIPTS) {
            const script = (0,yaml_file/* child */.jf)(owner, name);
            // The job's own script is where the exchange goes, so it is never left empty.
            if (script)
                dropKeyFileLogins(editor, script, (0,yaml_file/* keyNode */.qe)(owner, name), job.name, file.path, owner !== node || name !== 'script');
        }
    }
    if (mergeRequestRule(node))
        editor.manual.push(`job ${job.name}: it runs in merge request pipelines, where the draft's deny rule refuses every exchange (a fork's merge request must get no credentials): deploy from a protected branch instead, or narrow that deny to forks by a rule of your own`);
    const region = literalRegion([(0,yaml_file/* child */.jf)(node, 'variables'), (0,yaml_file/* child */.jf)(file.root, 'variables')]);
    const exchanges = exchangeCommands('gitlab', clouds, job.grant, region, identity);
    if (!prependCommands(editor, node, 'script', exchanges)) {
        editor.manual.push(`job ${job.name}: ${file.path} has no script of its own that the exchange can open; put \`${exchanges.map((exchange) => exchange.command).join('` and `')}\` first in the script it runs`);
    }
    const declared = (0,yaml_file/* child */.jf)(node, 'id_tokens');
    const tokens = gitlabTokens(clouds, job.grant).filter(([name]) => !(0,yaml_file/* entries */.jO)(declared).some((token) => token.key === name));
    const tokenLines = (indent) => tokens.flatMap(([name, audience]) => [`${indent}${name}:`, `${indent}  aud: ${JSON.stringify(audience)}`]);
    const first = (0,yaml_file/* entries */.jO)(declared)[0];
    if (first) {
        const line = editor.lineOf(first.keyNode.range[0]);
        editor.insertBefore(line, tokenLines(editor.indentOf(line)));
    }
    else {
        const indent = editor.indentOf(editor.lineOf((0,yaml_file/* entries */.jO)(node)[0].keyNode.range[0]));
        editor.insertBefore(editor.lineOf(entry.keyNode.range[0]) + 1, [`${indent}id_tokens:`, ...tokenLines(`${indent}  `)]);
    }
}
/** The hidden jobs (templates) a GitLab job extends, transitively, that this file holds. */
function extendedTemplates(file, job) {
    const found = [];
    const pending = [job];
    // A template extends others; bounded by the file's own jobs, each taken once.
    while (pending.length > 0 && found.length < (0,yaml_file/* entries */.jO)(file.root).length) {
        const node = (0,yaml_file/* child */.jf)(pending.pop(), 'extends');
        const names = (0,yaml_file/* items */.ld)(node).length > 0 ? (0,yaml_file/* items */.ld)(node).map(yaml_file/* text */.Qq) : [(0,yaml_file/* text */.Qq)(node)];
        for (const name of names) {
            const template = (0,yaml_file/* entries */.jO)(file.root).find((entry) => entry.key === name)?.value;
            if (template && !found.includes(template)) {
                found.push(template);
                pending.push(template);
            }
        }
    }
    return found;
}
function patchCircleCiJob(editor, file, job, clouds, identity) {
    const entry = (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs')).find((candidate) => candidate.key === job.name);
    if (!entry)
        return;
    const node = entry.value;
    const region = literalRegion([(0,yaml_file/* child */.jf)(node, 'environment')]);
    dropVariables(editor, node, 'environment', clouds);
    // What the steps still need once the keys are gone; an image pulled from ECR needs only its own role.
    const needed = new Set(holdsKeys((0,yaml_file/* child */.jf)(node, 'environment'), clouds) ? clouds : []);
    let pulls = false;
    for (const image of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(node, 'docker'))) {
        const auth = (0,yaml_file/* child */.jf)(image, 'aws_auth');
        const keys = (0,yaml_file/* entries */.jO)(auth).filter((candidate) => /^aws_(?:access_key_id|secret_access_key)$/.test(candidate.key));
        if (keys.length === 0 || !clouds.has('aws') || !job.grant.awsRole)
            continue;
        // CircleCI pulls the image with the job's OIDC token itself, before any step runs.
        pulls = true;
        editor.manual.push(`job ${job.name}: CircleCI pulls its image with the job's own OIDC token (aws_auth: oidc_role_arn), without the broker: give that role the plan's trust-policy.json`);
        keys.forEach((key, index) => {
            const line = editor.lineOf(key.keyNode.range[0]);
            const role = `${editor.indentOf(line)}oidc_role_arn: ${job.grant.awsRole.value}${job.grant.awsRole.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`;
            editor.replaceLine(line, index === 0 ? [role] : []);
        });
    }
    const steps = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(node, 'steps'));
    let after;
    for (const step of steps) {
        const named = (0,yaml_file/* text */.Qq)(step);
        const [use] = named === undefined ? (0,yaml_file/* entries */.jO)(step) : [{ key: named, keyNode: step, value: null }];
        if (!use)
            continue;
        if (use.key === 'run') {
            if ((0,dist/* isMap */.jh)(use.value)) {
                if (holdsKeys((0,yaml_file/* child */.jf)(use.value, 'environment'), clouds))
                    for (const cloud of clouds)
                        needed.add(cloud);
                dropVariables(editor, use.value, 'environment', clouds);
            }
            const script = (0,dist/* isScalar */.jn)(use.value) ? use.value : (0,yaml_file/* child */.jf)(use.value, 'command');
            if (script && dropKeyFileLogins(editor, script, (0,dist/* isScalar */.jn)(use.value) ? use.keyNode : (0,yaml_file/* keyNode */.qe)(use.value, 'command'), job.name, file.path, false).length > 0)
                for (const cloud of clouds)
                    needed.add(cloud);
        }
        else if (/^aws-cli\/setup$|^aws-ecr\//.test(use.key) && clouds.has('aws')) {
            const keys = (0,yaml_file/* entries */.jO)(use.value).filter((parameter) => /^aws_(?:access_key_id|secret_access_key)$/.test(parameter.key));
            if (keys.length === 0)
                continue;
            needed.add('aws');
            after = step;
            if (keys.length === (0,yaml_file/* entries */.jO)(use.value).length)
                editor.replaceLine(editor.lineOf(use.keyNode.range[0]), [editor.lines[editor.lineOf(use.keyNode.range[0])].replace(/:\s*$/, '')]);
            for (const key of keys)
                editor.delete(key.keyNode, key.value);
        }
        else if (use.key === 'gcp-cli/setup' && clouds.has('gcp') && (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(use.value, 'use_oidc')) !== 'true') {
            // The orb's setup logs in with GCLOUD_SERVICE_KEY; its install only puts gcloud on the PATH.
            needed.add('gcp');
            after = step;
            const line = editor.lineOf(use.keyNode.range[0]);
            editor.replaceLine(line, [editor.lines[line].replace('gcp-cli/setup', 'gcp-cli/install').replace(/:\s*$/, '')]);
            for (const parameter of (0,yaml_file/* entries */.jO)(use.value))
                editor.delete(parameter.keyNode, parameter.value);
        }
    }
    // Keys that reach the job some other way (a reusable command's parameters, say) are replaced all the same.
    if (needed.size === 0 && !pulls)
        for (const cloud of clouds)
            needed.add(cloud);
    if (needed.size === 0 || steps.length === 0)
        return;
    const [exchange] = exchangeCommands('circleci', needed, job.grant, region, identity);
    const anchor = after ?? steps[0];
    const line = after ? editor.lastLineOf(anchor) + 1 : editor.lineOf(anchor.range[0]);
    const dash = /^ *- /.exec(editor.lines[editor.lineOf(anchor.range[0])])?.[0] ?? '- ';
    const inner = ' '.repeat(dash.length);
    editor.insertBefore(line, [`${dash}run:${exchange.todo ? `   # TODO: ${exchange.todo}` : ''}`, `${inner}  name: Exchange the job's OIDC token for short-lived credentials`, `${inner}  command: |`, `${inner}    ${exchange.command}`]);
}
function holdsKeys(variables, clouds) {
    return (0,yaml_file/* entries */.jO)(variables).some((variable) => {
        const cloud = (0,credentials/* credentialCloud */.Bi)(variable.key);
        return cloud !== undefined && clouds.has(cloud);
    });
}
function patchBuildkiteStep(editor, file, job, clouds, identity) {
    const step = findStep(file.root, job.name);
    if (!step)
        return;
    dropVariables(editor, step, 'env', clouds);
    const key = (0,yaml_file/* keyNode */.qe)(step, 'commands') ? 'commands' : 'command';
    const script = (0,yaml_file/* child */.jf)(step, key);
    if (script)
        dropKeyFileLogins(editor, script, (0,yaml_file/* keyNode */.qe)(step, key), job.name, file.path, false);
    const region = literalRegion([(0,yaml_file/* child */.jf)(step, 'env'), (0,yaml_file/* child */.jf)(file.root, 'env')]);
    const exchanges = exchangeCommands('buildkite', clouds, job.grant, region, identity);
    if (!prependCommands(editor, step, key, exchanges)) {
        editor.manual.push(`step ${job.name}: ${file.path} runs no command that the exchange can open; add \`${exchanges.map((exchange) => exchange.command).join('` and `')}\` before its commands`);
    }
}
/** A Buildkite step by the name the reader gave it: its key, its label, or `step N` within its group. */
function findStep(root, name) {
    const top = (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(root, 'steps')).length > 0 ? (0,yaml_file/* child */.jf)(root, 'steps') : root;
    const walk = (steps) => {
        let found;
        (0,yaml_file/* items */.ld)(steps).forEach((step, index) => {
            if (found)
                return;
            if ((0,yaml_file/* child */.jf)(step, 'steps'))
                found = walk((0,yaml_file/* child */.jf)(step, 'steps'));
            else if (((0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'key')) ?? (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'label')) ?? `step ${index + 1}`) === name && ((0,yaml_file/* child */.jf)(step, 'command') || (0,yaml_file/* child */.jf)(step, 'commands') || (0,yaml_file/* child */.jf)(step, 'plugins')))
                found = step;
        });
        return found;
    };
    return walk(top);
}
/**
 * Puts the exchanges first among an owner's commands: before the first item of a list, or first in a
 * literal block; a one-line command becomes a list. False when the commands are not there to open.
 */
function prependCommands(editor, owner, key, exchanges) {
    const script = (0,yaml_file/* child */.jf)(owner, key);
    const comment = (exchange) => (exchange.todo ? `   # TODO: ${exchange.todo}` : '');
    if ((0,dist/* isSeq */.oP)(script) && !script.flow && (0,yaml_file/* items */.ld)(script).length > 0) {
        const line = editor.lineOf((0,yaml_file/* items */.ld)(script)[0].range[0]);
        const dash = /^ *- /.exec(editor.lines[line])?.[0] ?? `${editor.indentOf(line)}- `;
        editor.insertBefore(line, exchanges.map((exchange) => `${dash}${exchange.command}${comment(exchange)}`));
        return true;
    }
    if ((0,dist/* isScalar */.jn)(script) && script.type === 'BLOCK_LITERAL') {
        const line = editor.lineOf(script.range[0]) + 1;
        const keyLine = editor.lineOf((0,yaml_file/* keyNode */.qe)(owner, key).range[0]);
        editor.replaceLine(keyLine, [`${editor.lines[keyLine]}${exchanges.some((exchange) => exchange.todo) ? `   # TODO: ${exchanges.flatMap((exchange) => exchange.todo ?? []).join('; ')}` : ''}`]);
        editor.insertBefore(line, exchanges.map((exchange) => `${editor.indentOf(line)}${exchange.command}`));
        return true;
    }
    const keyLine = (0,yaml_file/* keyNode */.qe)(owner, key) ? editor.lineOf((0,yaml_file/* keyNode */.qe)(owner, key).range[0]) : undefined;
    if ((0,dist/* isScalar */.jn)(script) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(String(script.type)) && keyLine === editor.lineOf(script.range[0]) && keyLine === editor.lastLineOf(script)) {
        const source = editor.lines[keyLine].slice(editor.lines[keyLine].indexOf(':', editor.indentOf(keyLine).length) + 1).trim();
        const prefix = /^ *(?:- )?/.exec(editor.lines[keyLine])[0];
        const indent = ' '.repeat(prefix.length);
        editor.replaceLine(keyLine, [`${prefix}${key}:`, ...exchanges.map((exchange) => `${indent}  - ${exchange.command}${comment(exchange)}`), `${indent}  - ${source}`]);
        return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/scan/plan/plan.ts














/**
 * For every job with static AWS or Google keys, in each CI system: a draft rule bound to that system's
 * ids, its cloud-side trust, and a patch to the file that moves the job to its OIDC token.
 */
async function planMigration(scans, options) {
    const plan = { jobs: [], workflows: [], unplanned: [], migrated: 0, deletableSecrets: [] };
    const stillNeeded = new Set();
    const planned = new Set();
    for (const scan of scans) {
        plan.migrated += scan.jobs.filter((job) => job.migrated && job.clouds.size === 0).length;
        const byFile = new Map();
        for (const job of scan.jobs.filter((candidate) => candidate.clouds.size > 0)) {
            const reason = unplannable(job);
            if (reason) {
                plan.unplanned.push({ repository: scan.repository, file: job.display, job: job.name, reason: reason.text });
                // A template's keys reach the plan through the jobs that extend it.
                if (!reason.template)
                    for (const secret of job.secrets.keys())
                        stillNeeded.add(secret);
                continue;
            }
            byFile.set(job.path, [...(byFile.get(job.path) ?? []), job]);
        }
        const rules = new Set();
        for (const [path, jobs] of byFile) {
            const file = new yaml_file/* YamlFile */._g(jobs[0].display, path, (await scan.source.read(path)));
            const system = jobs[0].system;
            const toPatch = [];
            for (const job of jobs) {
                const identity = identityOf(scan, job.system, options);
                const grant = grantFor(job, options.map, uniqueName(rules, ruleName(path, job.name)));
                toPatch.push({ name: job.name, clouds: job.clouds, grant });
                // The patch leaves Azure's secrets in place: the job still logs in with them.
                for (const [secret, cloud] of job.secrets)
                    (cloud === 'azure' ? stillNeeded : planned).add(secret);
                plan.jobs.push(planJob(scan.repository, file, job, grant, identity));
            }
            const patch = system === 'github-actions' ? patchWorkflow(file, toPatch) : patchPipeline(system, file, toPatch, identityOf(scan, system, options));
            plan.workflows.push({ repository: scan.repository, system, workflow: path, original: file.text, patched: patch.patched, diff: patch.diff, manual: patch.manual });
        }
    }
    plan.deletableSecrets = [...planned].filter((secret) => !stillNeeded.has(secret)).sort();
    return plan;
}
/** The ids a job's rule binds: GitHub's from its API when the scan read them there, else those given that fit the system. */
function identityOf(scan, system, options) {
    const github = system === 'github-actions' ? scan.github : undefined;
    return {
        repositoryId: github?.repositoryId ?? options.repositoryId,
        ownerId: github?.ownerId ?? options.ownerId,
        repository: scan.github?.fullName ?? options.repository,
        defaultBranch: github?.defaultBranch,
    };
}
function unplannable(job) {
    if (job.system === 'github-actions' && !job.path.startsWith('.github/workflows/'))
        return { text: 'a composite action: migrate the workflows that use it, and pass the credentials in' };
    if (job.system === 'gitlab' && job.name.startsWith('.'))
        return { text: 'a template (hidden job): the jobs that extend it are planned, and their patch edits it', template: true };
    if (job.system === 'circleci' && job.name.startsWith('commands/'))
        return { text: 'a reusable command: migrate the jobs that use it, and drop its key parameters' };
    if (!job.clouds.has('aws') && !job.clouds.has('gcp'))
        return { text: 'Azure only, which ci-oidc-broker does not issue: log in with a federated credential (azure/login, or az login --federated-token)' };
    return undefined;
}
function ruleName(workflow, job) {
    return (0,policy_yaml/* safeRuleName */.TZ)(`${(0,external_node_path_.basename)(workflow, (0,external_node_path_.extname)(workflow))}-${job}`);
}
/** A rule name not yet used in the repository's plan, whose folders are named after its rules. */
function uniqueName(used, name) {
    const free = [name, ...Array.from({ length: used.size }, (_unused, index) => `${name.slice(0, 60)}-${index + 2}`)].find((candidate) => !used.has(candidate));
    used.add(free);
    return free;
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
function planJob(repository, file, job, grant, identity) {
    const policy = (0,draft_policy/* draftPolicy */.aZ)({ system: job.system, ruleName: grant.rule, identity, root: file.root, job: job.node, jobName: job.name, grant, origin: `${job.system === 'buildkite' ? 'step' : 'job'} ${job.name} of ${file.path}` });
    const source = `${grant.rule}/policy.yml`;
    const result = { repository, system: job.system, workflow: file.path, job: job.name, rule: grant.rule, secrets: [...job.secrets.keys()].sort(), policy, problems: [], lint: [], exports: [], todos: policy.split('TODO:').length - 1 };
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
        await put((0,external_node_path_.join)(folder(workflow.repository), 'patches', patchName(workflow)), workflow.diff);
    await put((0,external_node_path_.join)(dir, 'SUMMARY.md'), planSummary(plan));
    return written;
}
/** A workflow's patch by its file name, as GitHub's folder holds them; other CI files by their whole path. */
function patchName(workflow) {
    return `${workflow.system === 'github-actions' ? (0,external_node_path_.basename)(workflow.workflow) : workflow.workflow.split('/').join('-')}.patch`;
}
const TITLES = { 'github-actions': 'GitHub Actions', gitlab: 'GitLab CI', circleci: 'CircleCI', buildkite: 'Buildkite' };
function planSummary(plan) {
    const systems = Object.keys(TITLES).filter((system) => plan.jobs.some((job) => job.system === system));
    const bySystem = systems.length > 1 ? ` (${systems.map((system) => `${TITLES[system]} ${plan.jobs.filter((job) => job.system === system).length}`).join(', ')})` : '';
    const policies = systems.filter((system) => system !== 'github-actions').map((system) => `${TITLES[system]} jobs read ${POLICY_PATHS[system]}`);
    const lines = [
        '# Migration plan',
        '',
        `${plan.migrated} jobs already on OIDC; ${plan.jobs.length} jobs with static keys have a plan${bySystem}; ${plan.unplanned.length} have none.`,
        ...(policies.length > 0 ? ['', `Merge each draft into the policy its job's exchange reads: ${policies.join('; ')}.`] : []),
        '',
        '## Planned jobs',
        ...plan.jobs.map((job) => {
            const exports = job.exports.map((found) => (found.refused === undefined ? `${found.kind}${found.lint.length > 0 ? ` (${found.lint.length} lint findings)` : ''}` : `${found.kind} refused: ${found.refused.split('\n')[0]}`));
            return `- ${job.workflow} ${job.job}: rule ${job.rule}, ${job.todos} TODO${job.todos === 1 ? '' : 's'}; ${exports.join('; ')}${job.lint.length > 0 ? `\n${job.lint.map((found) => `  - ${(0,finding/* formatFinding */.t)(found).replace(/\n/g, '\n    ')}`).join('\n')}` : ''}`;
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

// EXTERNAL MODULE: ./src/util/proxy.ts
var proxy = __webpack_require__(40796);
;// CONCATENATED MODULE: ./src/scan/readers/buildkite.ts



const PIPELINES = ['.buildkite/pipeline.yml', '.buildkite/pipeline.yaml', 'buildkite.yml', 'pipeline.yml'];
// Plugins that trade the agent's OIDC token for cloud credentials.
const OIDC_PLUGINS = /^(?:[\w-]+\/)?(?:aws-assume-role-with-web-identity|gcp-workload-identity-federation)(?:#|$)/;
// A step condition that keeps builds of pull requests from forks out.
const FORK_GUARD = /!\s*build\.pull_request\.repository\.fork\b|build\.pull_request\.repository\.fork\s*==\s*false|build\.pull_request\.id\s*==\s*null/;
/** Buildkite: the steps of pipeline.yml, inside groups too. */
async function readBuildkite(context) {
    for (const path of PIPELINES) {
        const file = await context.open(path);
        if (!file)
            continue;
        const shared = (0,credentials/* scanEnvironment */.D9)(file, context.sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'env'), 'pipeline', 'buildkite');
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
    (0,credentials/* inherit */.IL)(job, shared);
    (0,credentials/* scanEnvironment */.D9)(file, sink, job, (0,yaml_file/* child */.jf)(step, 'env'), 'step', 'buildkite');
    (0,credentials/* scanScript */.nw)(file, sink, job, (0,yaml_file/* scriptLines */.PN)(command), 'buildkite');
    if (job.clouds.size > 0 && !FORK_GUARD.test((0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'if')) ?? '')) {
        sink.findings.push((0,scan_findings/* finding */.gk)('static-keys-forks-by-setting', `step ${name} holds static ${[...job.clouds].join(' and ')} credentials and no if: keeps it from pull requests of forks, which Buildkite builds when the pipeline builds pull requests from third-party forked repositories`, file.at(step), name));
    }
    for (const plugin of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(step, 'plugins'))) {
        const pluginName = (0,yaml_file/* text */.Qq)(plugin) ?? (0,yaml_file/* entries */.jO)(plugin)[0]?.key ?? '';
        if (!OIDC_PLUGINS.test(pluginName))
            continue;
        job.migrated = true;
        sink.findings.push((0,scan_findings/* finding */.gk)('oidc-migrated', `the plugin ${pluginName.split('#')[0]} exchanges the agent’s OIDC token`, file.at(plugin), name));
    }
}

// EXTERNAL MODULE: ./src/scan/readers/circleci.ts
var circleci = __webpack_require__(97660);
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
        sink.findings.push((0,scan_findings/* finding */.gk)('id-token-write-workflow-level', 'every job of this workflow may request an OIDC token, not only those that exchange one', file.at((0,yaml_file/* keyNode */.qe)(file.root, 'permissions')), undefined));
    }
    const shared = (0,credentials/* scanEnvironment */.D9)(file, sink, undefined, (0,yaml_file/* child */.jf)(file.root, 'env'), 'workflow', 'github-actions');
    const locals = [];
    for (const { key, keyNode: at, value } of (0,yaml_file/* entries */.jO)((0,yaml_file/* child */.jf)(file.root, 'jobs'))) {
        const job = sink.job({ system: 'github-actions', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
        (0,credentials/* inherit */.IL)(job, shared);
        (0,credentials/* scanEnvironment */.D9)(file, sink, job, (0,yaml_file/* child */.jf)(value, 'env'), 'job', 'github-actions');
        for (const step of (0,yaml_file/* items */.ld)((0,yaml_file/* child */.jf)(value, 'steps'))) {
            const uses = (0,yaml_file/* text */.Qq)((0,yaml_file/* child */.jf)(step, 'uses'));
            if (uses?.startsWith('./'))
                locals.push(uses.slice(2).replace(/\/+$/, ''));
            await github_actions_scanStep(context, file, job, step);
        }
        if (privileged.length === 0)
            continue;
        const used = [...new Set([...(0,credentials/* referencedSecrets */.P8)(sourceOf(file, file.root, 'env'), 'github-actions'), ...(0,credentials/* referencedSecrets */.P8)(sourceOf(file, value), 'github-actions')])];
        const on = privileged.join(' and ');
        if (used.length > 0)
            sink.findings.push((0,scan_findings/* finding */.gk)('secrets-in-privileged-trigger', `job ${key} uses the secrets ${used.join(', ')} on ${on}, which a fork's pull request can start`, file.at(at), key));
        if (job.clouds.size > 0)
            sink.findings.push((0,scan_findings/* finding */.gk)('static-keys-reachable-from-forks', `job ${key} holds static ${[...job.clouds].join(' and ')} credentials on ${on}`, file.at(at), key));
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
    (0,credentials/* scanEnvironment */.D9)(file, sink, job, (0,yaml_file/* child */.jf)(step, 'env'), 'step', 'github-actions');
    (0,credentials/* scanScript */.nw)(file, sink, job, (0,yaml_file/* scriptLines */.PN)((0,yaml_file/* child */.jf)(step, 'run')), 'github-actions');
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
        (0,credentials/* reportStatic */.pE)(sink, job, cloud, given.flatMap((name) => (0,credentials/* referencedSecrets */.P8)(input(name), 'github-actions')), `${action} is given ${given.join(' and ')}`, file.at((0,yaml_file/* keyNode */.qe)(inputs, given[0])));
        return true;
    };
    const migrated = (how) => {
        job.migrated = true;
        sink.findings.push((0,scan_findings/* finding */.gk)('oidc-migrated', `${action} ${how}`, file.at((0,yaml_file/* child */.jf)(step, 'uses')), job.name));
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
    context.sink.findings.push((0,scan_findings/* finding */.gk)('oidc-without-policy', `job ${job.name} has no broker policy: ${consequence}`, file.at((0,yaml_file/* child */.jf)(step, 'uses')), job.name));
}
/** This action's step: its policy must exist, and lint without errors. */
async function policed(context, file, job, step, path) {
    const at = file.at((0,yaml_file/* child */.jf)(step, 'uses'));
    const policyText = await context.repository.read(path);
    if (policyText === undefined) {
        context.sink.findings.push((0,scan_findings/* finding */.gk)('oidc-without-policy', `job ${job.name} names the policy ${path}, which the repository does not hold, so every exchange is refused`, at, job.name));
        return;
    }
    let errors;
    try {
        errors = (0,policy_lint/* lintPolicy */.G)((0,load/* parsePolicy */.ON)(policyText, path)).filter((found) => found.severity !== 'note').map((found) => found.id);
    }
    catch {
        context.sink.findings.push((0,scan_findings/* finding */.gk)('oidc-without-policy', `job ${job.name} names the policy ${path}, which does not load (run \`ci-oidc-broker policy validate\`)`, at, job.name));
        return;
    }
    if (errors.length > 0)
        context.sink.findings.push((0,scan_findings/* finding */.gk)('oidc-wide-trust', `the policy ${path} that job ${job.name} uses trusts more than it may: policy lint reports ${[...new Set(errors)].join(', ')}`, at, job.name));
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












const READERS = [readGitHubActions, readGitLab, circleci/* readCircleCi */.V, readBuildkite];
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
    return { repository: repository.display, source: repository, files: files.map((file) => file.display), findings: (0,scan_findings/* sortScanFindings */.oI)(sink.findings), jobs: sink.jobs };
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
            scans[index] = { ...scan, github: idsOf(listed) };
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
/**
 * One repository's numeric ids and default branch (`GET /repos/{owner}/{repo}`), for the plan of a
 * checkout scanned from disk.
 */
async function readRepositoryIds(apiUrl, token, fullName) {
    const response = await get(`${apiUrl.replace(/\/+$/, '')}/repos/${fullName.split('/').map(encodeURIComponent).join('/')}`, token, 'application/vnd.github+json', fullName);
    if (response === undefined)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `GitHub has no repository ${fullName} that the token can see.`, { hint: 'Check --repository OWNER/REPO (or the git remote), and that the token may read the repository (metadata: read).' });
    return idsOf((await response.json()));
}
function idsOf(listed) {
    return { fullName: listed.full_name, repositoryId: String(listed.id), ownerId: String(listed.owner.id), defaultBranch: listed.default_branch };
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
        response = await (0,proxy/* proxiedFetch */.iR)(url, { headers: { authorization: `Bearer ${token}`, accept, 'x-github-api-version': '2022-11-28' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    }
    catch (error) {
        if (error instanceof broker_error/* BrokerError */.Wz)
            throw error;
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
            if (id !== undefined && !/^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${flag} must be a numeric id or a UUID, not ${JSON.stringify(id)}.`, {
                    hint: 'GitHub and GitLab ids are numeric (GitHub shows them at https://api.github.com/repos/OWNER/REPO); CircleCI and Buildkite ids are UUIDs, in the project or organization settings.',
                });
            }
        }
        if (options.repository !== undefined && !GITHUB_NAME.test(options.repository))
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `--repository must be OWNER/REPO, not ${JSON.stringify(options.repository)}.`, { hint: 'For example --repository acme/app.' });
        const scans = options.githubOrg === undefined ? await scanPaths(paths.length > 0 ? paths : ['.']) : await scanOrg(options.githubOrg, paths, options);
        const findings = allFindings(scans);
        if (options.plan !== undefined && options.githubOrg === undefined)
            await readIdsFromGitHub(scans, options);
        const plan = options.plan === undefined ? undefined : await planMigration(scans, { repositoryId: options.repositoryId, ownerId: options.ownerId, repository: options.repository, map });
        if (plan)
            await writePlan(plan, options.plan);
        if (options.format === 'json')
            (0,cli_output/* writeJson */.GF)({ ...scanJson(scans), ...(plan ? { plan: { dir: options.plan, jobs: plan.jobs.map(({ policy: _policy, ...job }) => job), unplanned: plan.unplanned, migrated: plan.migrated, deletableSecrets: plan.deletableSecrets } } : {}) });
        else if (options.format === 'sarif')
            (0,cli_output/* writeJson */.GF)(scanSarif(findings, package_0/* version */.rE));
        else
            process.stdout.write(`${scanTable(findings, summarize(scans))}${plan ? `\nThe plan is in ${options.plan}:\n\n${planSummary(plan)}` : ''}`);
        const failing = options.failOn !== 'never' && findings.some((found) => scan_findings/* SEVERITY_ORDER */.B[found.severity] <= scan_findings/* SEVERITY_ORDER */.B[options.failOn]);
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
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/**
 * With a token at hand, the plan of a checkout binds GitHub's ids, read through the API for the
 * repository named by --repository or by the checkout's git remote. Without one, or without a name,
 * the ids given (or TODO) are used, and the reason is said.
 */
async function readIdsFromGitHub(scans, options) {
    const token = process.env[options.githubTokenEnv];
    if (!token || (options.repositoryId !== undefined && options.ownerId !== undefined))
        return;
    if (options.repository !== undefined && scans.length > 1)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, '--repository names one repository, and scan was given several folders.', { hint: 'Plan one checkout at a time with --repository, or leave it out so that each folder’s git remote names it.' });
    const apiUrl = options.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    // GitHub's own host, or a GitHub Enterprise Server's, whose API is https://HOST/api/v3.
    const hosts = new Set(['github.com', new URL(apiUrl).hostname.replace(/^api\./, '')]);
    for (const scan of scans) {
        // Only GitHub Actions rules bind GitHub's ids, and only CircleCI's name the repository.
        if (!scan.jobs.some((job) => job.clouds.size > 0 && (job.system === 'github-actions' || job.system === 'circleci')))
            continue;
        const name = options.repository ?? (await gitRemoteRepository(scan.repository, hosts));
        if (name === undefined) {
            process.stderr.write(`Note: ${scan.repository} has no GitHub remote named origin, so the plan's ids there are TODO: give --repository OWNER/REPO.\n`);
            continue;
        }
        scan.github = await readRepositoryIds(apiUrl, token, name);
    }
}
/** OWNER/REPO from a checkout's `origin` remote (https or ssh) on a GitHub host, when it has one. */
async function gitRemoteRepository(dir, hosts) {
    let url;
    try {
        url = (await (0,external_node_util_.promisify)(external_node_child_process_.execFile)('git', ['-C', dir, 'config', '--get', 'remote.origin.url'], { timeout: 10_000 })).stdout.trim();
    }
    catch {
        return undefined;
    }
    // https://HOST/OWNER/REPO(.git), ssh://git@HOST/OWNER/REPO, or git@HOST:OWNER/REPO.
    const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    const name = match ? `${match[2]}/${match[3]}` : undefined;
    return match && hosts.has(match[1].toLowerCase()) && GITHUB_NAME.test(name) ? name : undefined;
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


/***/ })

};
