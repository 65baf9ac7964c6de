export const id = 967;
export const ids = [967,270];
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

/***/ 19713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ poolOf),
/* harmony export */   rs: () => (/* binding */ gcpSecretValues),
/* harmony export */   uZ: () => (/* binding */ gcpEnvironment)
/* harmony export */ });
/* unused harmony exports writeGcpCredentialFiles, projectOfServiceAccount, gcpOutputs, gcpCredentialRecord, findGcpCredentialDirectories */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25725);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36701);
/* harmony import */ var _renewal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92763);
/* harmony import */ var _util_within_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89281);







// Google's bound is 120 s; the command asks the runner (retrying for up to 20 s) and fetches the issuer's keys.
const EXECUTABLE_TIMEOUT_MS = 60_000;
const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';
/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is an executable, this action's own CLI.
 *
 * Why an executable rather than a file holding the job's OIDC token: that token expires within
 * minutes, after which nothing could renew the access token; and Google's own action writes the
 * runner's request bearer instead, a secret good for the whole job. The command holds neither: each
 * time a library needs a new access token, it asks the runner for a fresh OIDC token with the calling
 * step's own variables, verifies it and puts it to the policy the main step used (a snapshot in the
 * state file, pinned by its SHA-256 on the command line), then hands it over on stdout. The tools
 * exchange it under the same provider, attribute condition and service account that the policy
 * granted. No output_file: nothing caches a token on disk. Both files are mode 0600 in a 0700 folder
 * under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick files up; the
 * post step deletes the folder, and the command then refuses.
 */
async function writeGcpCredentialFiles(request) {
    const base = await realpath(request.directory).catch(() => {
        throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
            hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
        });
    });
    if (request.workspace !== undefined) {
        if (isWithin(await realpath(request.workspace).catch(() => request.workspace), base)) {
            throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
                hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
            });
        }
    }
    const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
    await chmod(directory, 0o700);
    const statePath = join(directory, 'renewal.json');
    const configPath = join(directory, 'credentials.json');
    const state = renewalText(request.renewal);
    const config = {
        ...externalAccountConfig(request),
        credential_source: { executable: { command: executableCommand(request.cli, statePath, sha256(state)), timeout_millis: EXECUTABLE_TIMEOUT_MS } },
    };
    await writeFile(statePath, state, { mode: 0o600, flag: 'wx' });
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { directory, configPath, statePath };
}
/**
 * The variables Google's libraries, gcloud and Google's other actions (GOOGLE_GHA_CREDS_PATH) read:
 * credentials, and the project when one is known. Libraries run an executable credential source only
 * when GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES is 1.
 */
function gcpEnvironment(files, projectId) {
    return {
        ...(files && {
            GOOGLE_APPLICATION_CREDENTIALS: files.configPath,
            CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath,
            GOOGLE_GHA_CREDS_PATH: files.configPath,
            GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES: '1',
        }),
        ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
    };
}
/** The project of a user-managed service account, NAME@PROJECT.iam.gserviceaccount.com, as google-github-actions/auth infers it. */
function projectOfServiceAccount(serviceAccount) {
    return /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount ?? '')?.[1];
}
/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
function gcpSecretValues(session) {
    return [session.accessToken];
}
/** Step outputs, named as google-github-actions/auth names them: the access token (masked) for tools that take a bearer, and when it expires. */
function gcpOutputs(session) {
    return { access_token: session.accessToken, access_token_expiration: session.expiration.toISOString() };
}
/** What the post step needs to delete and report: the folder of credentials files, no secrets. */
function gcpCredentialRecord(session, files, exportedVariables, subject) {
    return {
        provider: 'gcp',
        identity: session.serviceAccount ?? `principal://iam.googleapis.com/${poolOf(session.workloadIdentityProvider)}/subject/${subject}`,
        workloadIdentityProvider: session.workloadIdentityProvider,
        serviceAccount: session.serviceAccount,
        expiresAt: session.expiration.toISOString(),
        exportedVariables: [...exportedVariables],
        files: files ? [files.directory] : [],
    };
}
/** projects/N/locations/global/workloadIdentityPools/POOL/providers/P → projects/N/locations/global/workloadIdentityPools/POOL */
function poolOf(provider) {
    return provider.replace(/\/providers\/[^/]+$/, '');
}
/** Every credentials folder this action wrote under RUNNER_TEMP, whichever step wrote it. */
async function findGcpCredentialDirectories(runnerTemp) {
    if (!runnerTemp)
        return [];
    const entries = await readdir(runnerTemp, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(DIRECTORY_PREFIX)).map((entry) => join(runnerTemp, entry.name));
}


/***/ }),

/***/ 92763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jG: () => (/* binding */ readRenewal)
/* harmony export */ });
/* unused harmony exports EXECUTABLE_COMMAND, renewalText, executableCommand */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _util_command_line_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23268);
/* harmony import */ var _util_sha256_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36701);




const EXECUTABLE_COMMAND = 'gcp-executable-source';
function renewalText(renewal) {
    return `${JSON.stringify({ version: 1, ...renewal })}\n`;
}
/** The executable credential source's command line, which runs the CLI on the state pinned by its digest. */
function executableCommand(cli, statePath, digest) {
    return commandLine('google-executable', [cli.node, cli.script, EXECUTABLE_COMMAND, '--state', statePath, '--sha256', digest]);
}
/**
 * Reads the renewal state, pinned by the digest its command line carries: a state changed since the
 * main step wrote it is refused, and one the post step deleted means the job's credentials are over.
 */
async function readRenewal(path, digest) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8').catch((error) => {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google credentials of this job are gone (${path}: ${error.code ?? 'unreadable'}), so they are not renewed.`, {
            hint: 'The action’s post step deletes them when the job ends; a step that still needs Google Cloud must run before it, in the same job as the action’s step.',
            cause: error,
        });
    });
    if ((0,_util_sha256_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .s)(text) !== digest.toLowerCase()) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google renewal state ${path} changed since the action's main step wrote it, so it is not used.`, {
            hint: 'Something in the job rewrote a file under RUNNER_TEMP; run the action again to write fresh credentials.',
        });
    }
    const parsed = JSON.parse(text);
    if (parsed.version !== 1 || typeof parsed.issuer !== 'string' || typeof parsed.audience !== 'string' || typeof parsed.grant?.provider !== 'string' || typeof parsed.policy?.path !== 'string') {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.StateInvalid, `The Google renewal state ${path} is not one this version of the action wrote.`, {
            hint: 'Run the credentials command from the same action version that wrote the file.',
        });
    }
    return parsed;
}


/***/ }),

/***/ 74967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startSandbox: () => (/* binding */ startSandbox)
});

// UNUSED EXPORTS: AwsEmulator, GitHubContentsApi, GoogleCloudEmulator, OidcIssuer, SANDBOX_ACCOUNT_ID, SANDBOX_GCP_PROJECT, SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, SimulatedRunner, githubTrustPolicy

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 1 modules
var sign = __webpack_require__(72896);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/sandbox/http.ts


/** Largest request body the sandbox reads; real services reject far smaller bodies for these calls. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Faults a sandbox server serves before it handles a request. Each rule serves its fault to the next
 * `count` requests it matches and then stands aside; rules are tried in the order they were added, so
 * faults queued for one endpoint are served one after another. Tests read `served` to prove that a
 * fault was actually met, so that a passing test cannot be one the fault never reached.
 */
class FaultPlan {
    /** Every fault served, in order: its kind and the path it hit. */
    served = [];
    #rules = [];
    #respond;
    constructor(respond = respondJson) {
        this.#respond = respond;
    }
    /** Serves `fault` to the next `count` requests `target` matches (Infinity: until `clear()`, an outage). */
    inject(target, fault, count = 1) {
        if (!(count > 0))
            throw new Error('a fault needs a positive count');
        this.#rules.push({ target, fault, remaining: count });
        return this;
    }
    /** Drops every fault not yet served. */
    clear() {
        this.#rules.length = 0;
    }
    /** Faults still queued, counting an outage's as Infinity. */
    get pending() {
        return this.#rules.reduce((sum, rule) => sum + rule.remaining, 0);
    }
    /** Applies the fault due for this request, if any; resolves true when the request must not be handled further. */
    async apply(req, res) {
        const url = new URL(req.url ?? '/', 'http://sandbox');
        const index = this.#rules.findIndex((rule) => (typeof rule.target === 'string' ? rule.target === url.pathname : rule.target(req, url)));
        if (index < 0)
            return false;
        const rule = this.#rules[index];
        if (--rule.remaining <= 0)
            this.#rules.splice(index, 1);
        const { fault } = rule;
        this.served.push({ kind: fault.kind, path: url.pathname });
        switch (fault.kind) {
            case 'error':
                await drain(req);
                this.#respond(res, fault.status ?? 503, fault, {});
                return true;
            case 'throttle':
                await drain(req);
                this.#respond(res, 429, fault, { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
                return true;
            case 'delay':
                await (0,external_node_timers_promises_.setTimeout)(fault.ms);
                return false;
            case 'reset':
                await drain(req);
                res.destroy();
                return true;
            case 'truncate':
                truncateBody(res);
                return false;
        }
    }
}
/** The default error answer: JSON `{ message }`, as GitHub's APIs answer. */
function respondJson(res, status, fault, headers) {
    sendJson(res, status, { message: fault.kind === 'throttle' ? 'rate limit exceeded' : 'service unavailable (sandbox fault)' }, headers);
}
/** Reads and discards a request body, so that the client has sent everything before the answer or the reset. */
async function drain(req) {
    req.resume();
    await new Promise((resolve) => (req.readableEnded ? resolve() : req.once('end', resolve).once('error', () => resolve())));
}
/**
 * Makes the handler's answer arrive cut in half: the status and headers it writes go out with the
 * whole body's Content-Length, then half the body, then the socket closes, as when a connection
 * drops mid-answer.
 */
function truncateBody(res) {
    const writeHead = res.writeHead.bind(res);
    let head = { status: 200, headers: {} };
    // Every sandbox handler answers with writeHead(status, headers) and one end(body).
    res.writeHead = ((status, headers) => {
        head = { status, headers: headers ?? {} };
        return res;
    });
    res.end = ((chunk) => {
        const body = Buffer.from(typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : '');
        writeHead(head.status, { ...head.headers, 'content-length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
        return res;
    });
}
/** Serves `handler` on 127.0.0.1; with `faults`, each request first meets the fault due for it, if any. */
async function listenOnLoopback(handler, faults) {
    const serve = async (req, res) => {
        if (faults && (await faults.apply(req, res)))
            return;
        await handler(req, res);
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        serve(req, res).catch((error) => {
            if (!res.headersSent)
                sendText(res, 500, `sandbox error: ${error.message}`);
            else
                res.destroy();
        });
    });
    // Long enough for clients to reuse connections, as they do with the real services (a 1 s timeout made
    // Node 24's agent open a connection per call); close() drops every connection at once regardless.
    server.keepAliveTimeout = 5000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES)
            throw new Error('request body too large');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
}
function sendText(res, status, body, contentType = 'text/plain') {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
}

;// CONCATENATED MODULE: ./src/sandbox/issuer/github-claims.ts

const defaultJob = {
    repository: 'octo-org/app',
    repositoryId: '8429',
    repositoryOwner: 'octo-org',
    repositoryOwnerId: '1342004',
    repositoryVisibility: 'private',
    ref: 'refs/heads/main',
    refType: 'branch',
    refProtected: true,
    environment: 'production',
    eventName: 'push',
    workflow: 'deploy',
    workflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
    workflowSha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    jobWorkflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
    jobWorkflowSha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    runId: '9876543210',
    runNumber: '42',
    runAttempt: '1',
    runnerEnvironment: 'github-hosted',
    actor: 'octocat',
    actorId: '583231',
    sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
};
/** GitHub's default subject: environment first, then pull requests, then the ref. */
function subjectFor(job) {
    const repo = `repo:${job.repository}`;
    if (job.environment)
        return `${repo}:environment:${job.environment}`;
    if (job.eventName === 'pull_request')
        return `${repo}:pull_request`;
    return `${repo}:ref:${job.ref}`;
}
/** The token's custom claims, spelled and typed as GitHub spells and types them (IDs are strings). */
function claimsFor(job) {
    const claims = {
        jti: (0,external_node_crypto_.randomUUID)(),
        sub: subjectFor(job),
        ref: job.ref,
        sha: job.sha,
        repository: job.repository,
        repository_owner: job.repositoryOwner,
        repository_owner_id: job.repositoryOwnerId,
        repository_id: job.repositoryId,
        repository_visibility: job.repositoryVisibility,
        run_id: job.runId,
        run_number: job.runNumber,
        run_attempt: job.runAttempt,
        actor: job.actor,
        actor_id: job.actorId,
        workflow: job.workflow,
        workflow_ref: job.workflowRef,
        workflow_sha: job.workflowSha,
        job_workflow_ref: job.jobWorkflowRef,
        job_workflow_sha: job.jobWorkflowSha,
        event_name: job.eventName,
        ref_type: job.refType,
        ref_protected: String(job.refProtected),
        runner_environment: job.runnerEnvironment,
        head_ref: job.headRef ?? '',
        base_ref: job.baseRef ?? '',
    };
    if (job.environment)
        claims.environment = job.environment;
    return claims;
}

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js + 2 modules
var generate_key_pair = __webpack_require__(41538);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/export.js
var key_export = __webpack_require__(17968);
;// CONCATENATED MODULE: ./src/sandbox/issuer/signing-keys.ts


async function newSigningKey() {
    const { privateKey, publicKey } = await (0,generate_key_pair/* generateKeyPair */.T)('RS256', { extractable: true });
    const kid = (0,external_node_crypto_.randomUUID)();
    const publicJwk = { ...(await (0,key_export/* exportJWK */.JU)(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return { kid, alg: 'RS256', privateKey, publicJwk };
}
/**
 * The issuer's key ring: one key signs, and the JWKS publishes it beside the keys that signed tokens
 * which may still be in flight, as real issuers do during rotation.
 */
class KeyRing {
    #keys;
    constructor(first) {
        this.#keys = [first];
    }
    static async create() {
        return new KeyRing(await newSigningKey());
    }
    get current() {
        return this.#keys[0];
    }
    /** Makes a new key the signing key. The old keys stay published unless `retire` drops them. */
    async rotate(options = {}) {
        const next = await newSigningKey();
        this.use(next, options);
        return next;
    }
    /** Makes `next`, made beforehand, the signing key at once: for a rotation timed to a request. */
    use(next, options = {}) {
        this.#keys = options.retirePrevious ? [next] : [next, ...this.#keys];
    }
    jwks() {
        return { keys: this.#keys.map((key) => key.publicJwk) };
    }
}

;// CONCATENATED MODULE: ./src/sandbox/issuer/oidc-issuer.ts





// GitHub back-dates nbf by five minutes and lets tokens live a few minutes; tests override both.
const DEFAULT_LIFETIME_SECONDS = 300;
const DEFAULT_NOT_BEFORE_SKEW_SECONDS = 300;
const WELL_KNOWN = '/.well-known/openid-configuration';
const JWKS_PATH = '/.well-known/jwks';
const TOKEN_PATH = '/_apis/distributedtask/idtoken';
/** The issuer's endpoints by path, for faults aimed at one of them. */
const ISSUER_PATHS = { discovery: WELL_KNOWN, jwks: JWKS_PATH, token: TOKEN_PATH };
/**
 * A local OIDC issuer shaped like GitHub Actions': discovery, a rotating RS256 JWKS, and the runner's
 * token-request endpoint (bearer-protected, honouring `audience`).
 */
class OidcIssuer {
    url;
    /** What a runner puts in ACTIONS_ID_TOKEN_REQUEST_URL. */
    tokenRequestUrl;
    /** What a runner puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
    tokenRequestBearer;
    job;
    /** How tokens handed to the runner are shaped (for tests of wrong audiences, expiry, forgery). */
    runnerTokenShape = {};
    /** Every token minted, so tests can prove that none of them leaked. */
    minted = [];
    /**
     * The tokens handed out at the runner's token endpoint: when, and to which job (the `job` parameter
     * of the request URL that `runnerEnv` hands each job), so a test can tell which step asked.
     */
    servedToRunner = [];
    /** Counts of requests by path, so tests can see caching and refetches. */
    requestCounts = new Map();
    /** Network and service faults served before the issuer handles a request (see FaultPlan). */
    faults;
    #outage = 'none';
    #rotation;
    #server;
    #keys;
    #lifetime;
    #nbfSkew;
    constructor(server, faults, keys, options) {
        this.#server = server;
        this.faults = faults;
        this.#keys = keys;
        this.url = server.url;
        this.tokenRequestUrl = `${server.url}${TOKEN_PATH}?api-version=2.0`;
        this.tokenRequestBearer = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        this.job = { ...defaultJob, ...options.job };
        this.#lifetime = options.tokenLifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
        this.#nbfSkew = options.notBeforeSkewSeconds ?? DEFAULT_NOT_BEFORE_SKEW_SECONDS;
    }
    static async start(options = {}) {
        const keys = await KeyRing.create();
        // The server needs its handler before the issuer, which needs the server's URL, exists.
        const late = {};
        const faults = new FaultPlan();
        const server = await listenOnLoopback((req, res) => late.issuer.#handle(req, res), faults);
        late.issuer = new OidcIssuer(server, faults, keys, options);
        return late.issuer;
    }
    get jwksUrl() {
        return `${this.url}${JWKS_PATH}`;
    }
    /** Switches the signing key. With `retirePrevious`, tokens signed earlier no longer verify. */
    async rotateKeys(options = {}) {
        await this.#keys.rotate(options);
    }
    /**
     * Arms a rotation for the middle of a run: once the `after` endpoint has answered `count` more
     * requests, a new key signs every later token. With `retirePrevious`, the JWKS stops publishing the
     * old keys at that moment, so tokens minted earlier no longer verify against a fresh fetch. The key
     * is made now, so the switch itself is immediate and no request can slip in between.
     */
    async rotateKeysAfter(after, options = {}) {
        this.#rotation = { after, remaining: options.count ?? 1, next: await newSigningKey(), retirePrevious: options.retirePrevious ?? false };
    }
    /** Whether an armed rotation is still waiting for its moment. */
    get rotationPending() {
        return this.#rotation !== undefined;
    }
    /**
     * Makes every endpoint (or, with 'token-endpoint', only the runner's token endpoint) answer 503 until
     * `restore()`, as during an outage of the issuer or of the Actions token service.
     */
    outage(scope = 'everything') {
        this.#outage = scope;
    }
    /** Ends an outage, drops faults not yet served and disarms a pending rotation. */
    restore() {
        this.#outage = 'none';
        this.#rotation = undefined;
        this.faults.clear();
    }
    /** The claims a token for this job would carry, before signing. */
    payloadFor(options = {}) {
        const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
        const payload = {
            ...claimsFor(this.job),
            aud: options.audience ?? `https://github.com/${this.job.repositoryOwner}`,
            iss: this.url,
            iat,
            nbf: iat - this.#nbfSkew,
            exp: iat + (options.lifetimeSeconds ?? this.#lifetime),
        };
        for (const [name, value] of Object.entries(options.claims ?? {})) {
            if (value === undefined)
                delete payload[name];
            else
                payload[name] = value;
        }
        return payload;
    }
    /** Signs a token with the current key; options shape it for tests of the verifier. */
    async mint(options = {}) {
        const key = this.#keys.current;
        const signingKey = options.forgeSignature ? (await newSigningKey()).privateKey : key.privateKey;
        const token = await new sign/* SignJWT */.P(this.payloadFor(options))
            .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...options.header })
            .sign(signingKey);
        this.minted.push(token);
        return token;
    }
    close() {
        return this.#server.close();
    }
    async #handle(req, res) {
        const url = new URL(req.url ?? '/', this.url);
        this.requestCounts.set(url.pathname, (this.requestCounts.get(url.pathname) ?? 0) + 1);
        if (this.#outage === 'everything' || (this.#outage === 'token-endpoint' && url.pathname === TOKEN_PATH))
            return sendJson(res, 503, { message: 'issuer unavailable' });
        if (req.method !== 'GET')
            return sendJson(res, 405, { message: 'method not allowed' });
        try {
            await this.#answer(req, url, res);
        }
        finally {
            this.#rotateIfDue(url.pathname);
        }
    }
    #rotateIfDue(path) {
        const rotation = this.#rotation;
        if (!rotation || ISSUER_PATHS[rotation.after] !== path || --rotation.remaining > 0)
            return;
        this.#rotation = undefined;
        this.#keys.use(rotation.next, { retirePrevious: rotation.retirePrevious });
    }
    async #answer(req, url, res) {
        switch (url.pathname) {
            case WELL_KNOWN:
                return sendJson(res, 200, {
                    issuer: this.url,
                    jwks_uri: this.jwksUrl,
                    subject_types_supported: ['public', 'pairwise'],
                    response_types_supported: ['id_token'],
                    id_token_signing_alg_values_supported: ['RS256'],
                    scopes_supported: ['openid'],
                    claims_supported: Object.keys(this.payloadFor()),
                });
            case JWKS_PATH:
                return sendJson(res, 200, this.#keys.jwks(), { 'cache-control': 'max-age=300' });
            case TOKEN_PATH:
                return this.#issueToRunner(req, url, res);
            default:
                return sendJson(res, 404, { message: 'not found' });
        }
    }
    async #issueToRunner(req, url, res) {
        if (req.headers.authorization !== `Bearer ${this.tokenRequestBearer}`) {
            return sendJson(res, 401, { message: 'Unauthorized: the request bearer is missing or wrong' });
        }
        const audience = url.searchParams.get('audience') ?? undefined;
        const token = await this.mint({ ...this.runnerTokenShape, audience });
        // Recorded once the whole answer is out: a token cut off on the way never reached the job.
        const at = Date.now();
        res.once('finish', () => this.servedToRunner.push({ token, at, job: url.searchParams.get('job') ?? undefined }));
        sendJson(res, 200, { count: 1, value: token });
    }
}

;// CONCATENATED MODULE: ./src/sandbox/aws/iam-policy.ts
const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const quote = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wildcard = (character) => (character === '*' ? '.*' : '.');
/** IAM's wildcards: `*` any run of characters, `?` any one. */
function wildcardMatch(pattern, value, ignoreCase = false) {
    const source = pattern.split(/([*?])/).map((part, index) => (index % 2 === 1 ? wildcard(part) : quote(part))).join('');
    return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
/**
 * A condition value as IAM reads it: a policy variable (`${aws:username}`) takes the request's value of
 * that key, and `${*}`, `${?}` and `${$}` stand for those characters, so that only a bare `*` or `?` is a
 * wildcard, and only where the operator has wildcards. A variable the request lacks makes a value that
 * matches nothing.
 */
function valueMatches(value, actual, keys, options) {
    let source = '';
    let from = 0;
    for (const token of value.matchAll(/\$\{([^}]*)\}|[*?]/g)) {
        source += quote(value.slice(from, token.index));
        from = token.index + token[0].length;
        const variable = token[1];
        if (variable === undefined) {
            source += options.wildcards ? wildcard(token[0]) : quote(token[0]);
            continue;
        }
        const text = ['*', '?', '$'].includes(variable) ? variable : keys.get(variable.trim().toLowerCase());
        // A multivalued key is no policy variable.
        if (typeof text !== 'string')
            return false;
        source += quote(text);
    }
    return new RegExp(`^${source}${quote(value.slice(from))}$`, options.ignoreCase ? 'is' : 's').test(actual);
}
/** IAM takes a date as ISO 8601 text or as seconds since the epoch; NaN when it is neither. */
function parseDate(text) {
    return /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}
/** Whether `actual` stands in `relation` to any of the `expected` dates; never for a value that is not a date. */
function anyDate(actual, expected, relation) {
    const time = parseDate(actual);
    return !Number.isNaN(time) && expected.map(parseDate).some((date) => !Number.isNaN(date) && relation(time, date));
}
const anyValue = (options) => (actual, expected, keys) => actual !== undefined && expected.some((value) => valueMatches(value, actual, keys, options));
const not = (operator) => (actual, expected, keys) => actual === undefined || !operator(actual, expected, keys);
// Negated operators hold when the request lacks the key, as in IAM; the others never do.
const OPERATORS = {
    stringequals: anyValue({ wildcards: false }),
    stringnotequals: not(anyValue({ wildcards: false })),
    stringequalsignorecase: anyValue({ wildcards: false, ignoreCase: true }),
    stringlike: anyValue({ wildcards: true }),
    stringnotlike: not(anyValue({ wildcards: true })),
    dateequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a === e),
    datenotequals: (actual, expected) => actual === undefined || !anyDate(actual, expected, (a, e) => a === e),
    datelessthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a < e),
    datelessthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a <= e),
    dategreaterthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a > e),
    dategreaterthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a >= e),
};
function parseOperator(name) {
    const [, set, base = '', ifExists] = /^(?:(ForAnyValue|ForAllValues):)?(.*?)(IfExists)?$/i.exec(name);
    if (base.toLowerCase() === 'null')
        return set === undefined && ifExists === undefined ? { set: undefined, ifExists: false, test: undefined } : undefined;
    const test = OPERATORS[base.toLowerCase()];
    return test && { set: set?.toLowerCase(), ifExists: ifExists !== undefined, test };
}
/** Whether the sandbox can evaluate a condition operator (`StringLike`, `DateLessThanIfExists`, `ForAllValues:StringEquals`, `Null`…). */
function isKnownConditionOperator(name) {
    return parseOperator(name) !== undefined;
}
/**
 * One key's test. `Null` holds when the key's presence is as expected ("true": absent, an empty set
 * counting as absent). `ForAllValues:` holds when every value passes, so vacuously for an absent key;
 * `ForAnyValue:` when one does, so never for an absent key. A multivalued key under a plain operator
 * never matches, negated or not: IAM compares it only through a set qualifier.
 */
function keyHolds(operator, actual, expected, keys) {
    const values = actual === undefined ? [] : typeof actual === 'string' ? [actual] : actual;
    if (!operator.test)
        return expected.some((value) => (values.length === 0) === (value.toLowerCase() === 'true'));
    if (operator.set === 'forallvalues')
        return values.every((value) => operator.test(value, expected, keys));
    if (operator.set === 'foranyvalue')
        return values.some((value) => operator.test(value, expected, keys));
    if (Array.isArray(actual))
        return false;
    if (operator.ifExists && actual === undefined)
        return true;
    return operator.test(actual, expected, keys);
}
function conditionsHold(conditions, keys) {
    for (const [name, tests] of Object.entries(conditions ?? {})) {
        const operator = parseOperator(name);
        // An operator the sandbox does not know fails closed, as an unknown operator makes IAM reject the policy.
        if (!operator)
            return false;
        for (const [key, expected] of Object.entries(tests))
            if (!keyHolds(operator, keys.get(key.toLowerCase()), list(expected), keys))
                return false;
    }
    return true;
}
/**
 * Whether a trust policy statement names who asks. An AWS principal is `*`, the caller's account (its
 * id or `:root` ARN), or the caller's role ARN exactly: IAM allows no other wildcard there.
 */
function principalMatches(principal, context) {
    if (principal === '*')
        return true;
    if (context.federatedPrincipal !== undefined)
        return list(principal?.Federated).some((p) => wildcardMatch(p, context.federatedPrincipal));
    const { roleArn, accountId } = context.awsPrincipal;
    return list(principal?.AWS).some((name) => name === '*' || name === accountId || name === `arn:aws:iam::${accountId}:root` || name === roleArn);
}
function statementApplies(statement, context, keys) {
    const actionMatches = (patterns) => patterns.some((p) => wildcardMatch(p, context.action, true));
    if (statement.Action !== undefined && !actionMatches(list(statement.Action)))
        return false;
    if (statement.NotAction !== undefined && actionMatches(list(statement.NotAction)))
        return false;
    if (context.resource !== undefined) {
        const resourceMatches = (patterns) => patterns.some((p) => wildcardMatch(p, context.resource));
        if (statement.Resource !== undefined && !resourceMatches(list(statement.Resource)))
            return false;
        if (statement.NotResource !== undefined && resourceMatches(list(statement.NotResource)))
            return false;
    }
    if ((context.federatedPrincipal !== undefined || context.awsPrincipal !== undefined) && !principalMatches(statement.Principal, context))
        return false;
    return conditionsHold(statement.Condition, keys);
}
/** Evaluates documents together: an explicit Deny anywhere wins, then any Allow, else not applicable. */
function evaluatePolicies(documents, context) {
    const keys = new Map(Object.entries(context.keys).map(([name, value]) => [name.toLowerCase(), value]));
    let verdict = 'NotApplicable';
    for (const document of documents) {
        for (const statement of Array.isArray(document.Statement) ? document.Statement : [document.Statement]) {
            if (!statementApplies(statement, context, keys))
                continue;
            if (statement.Effect === 'Deny')
                return 'Deny';
            verdict = 'Allow';
        }
    }
    return verdict;
}

;// CONCATENATED MODULE: ./src/sandbox/aws/query-protocol.ts

/** An error as AWS's Query-protocol services return it. */
class AwsApiError extends Error {
    name = 'AwsApiError';
    code;
    status;
    retryAfterSeconds;
    constructor(code, status, message, retryAfterSeconds) {
        super(message);
        this.code = code;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
function xmlEscape(text) {
    return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
}
function render(fields) {
    const element = (name, value) => `<${name}>${typeof value === 'object' ? render(value) : xmlEscape(String(value))}</${name}>`;
    return Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => (Array.isArray(value) ? value.map((item) => element(name, item)).join('') : element(name, value)))
        .join('');
}
/** Sends a successful response; an action with no output (PutRolePolicy, say) has no Result element at all. */
function sendResult(res, namespace, action, result) {
    const resultElement = result === undefined ? '' : `<${action}Result>${render(result)}</${action}Result>`;
    const body = `<${action}Response xmlns="${namespace}">${resultElement}<ResponseMetadata><RequestId>${(0,external_node_crypto_.randomUUID)()}</RequestId></ResponseMetadata></${action}Response>`;
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': (0,external_node_crypto_.randomUUID)() });
    res.end(body);
}
function sendError(res, namespace, error) {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    const body = `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${(0,external_node_crypto_.randomUUID)()}</RequestId></ErrorResponse>`;
    const headers = { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) };
    if (error.retryAfterSeconds !== undefined)
        headers['retry-after'] = error.retryAfterSeconds;
    res.writeHead(error.status, headers);
    res.end(body);
}
/** AWS's wording for a parameter that fails its constraint; a missing one is `Value null`. */
function validationError(value, member, constraint) {
    const shown = value === null ? 'null' : `'${value}'`;
    return new AwsApiError('ValidationError', 400, `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}
/** AWS writes timestamps to the second. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./src/sandbox/aws/iam-role-actions.ts

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const MAX_POLICY_DOCUMENT_CHARS = 131_072;
const DEFAULT_MAX_ITEMS = 100;
// IAM checks parameters before it authorizes, so every action reads its parameters before `access`.
// Nothing awaits between `access` and the change it makes, so a write is applied whole.
const ROLE_ACTIONS = {
    GetRole: async (params, access) => {
        const role = await access('iam:GetRole', roleNameOf(params));
        return {
            Role: {
                Path: '/',
                RoleName: role.name,
                RoleId: role.roleId,
                Arn: role.arn,
                CreateDate: isoSeconds(role.createdAt),
                AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trustPolicy)),
                MaxSessionDuration: role.maxSessionDuration,
                PermissionsBoundary: role.permissionsBoundary === undefined ? undefined : { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary },
            },
        };
    },
    PutRolePolicy: async (params, access) => {
        const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
        const document = params.get('PolicyDocument');
        if (document === null)
            throw validationError(null, 'policyDocument', 'Member must not be null');
        if (document.length < 1 || document.length > MAX_POLICY_DOCUMENT_CHARS) {
            throw validationError(document, 'policyDocument', `Member must have length less than or equal to ${MAX_POLICY_DOCUMENT_CHARS}`);
        }
        const role = await access('iam:PutRolePolicy', roleName);
        role.permissions.put(policyName, document);
        return undefined;
    },
    GetRolePolicy: async (params, access) => {
        const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
        const role = await access('iam:GetRolePolicy', roleName);
        return { RoleName: role.name, PolicyName: policyName, PolicyDocument: encodeURIComponent(role.permissions.text(policyName)) };
    },
    DeleteRolePolicy: async (params, access) => {
        const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
        const role = await access('iam:DeleteRolePolicy', roleName);
        role.permissions.delete(policyName);
        return undefined;
    },
    ListRolePolicies: async (params, access) => {
        const roleName = roleNameOf(params);
        const maxItems = maxItemsOf(params);
        const marker = params.get('Marker');
        const role = await access('iam:ListRolePolicies', roleName);
        // The marker is the first name of the next page, opaque to callers as IAM's markers are.
        const after = marker === null ? '' : Buffer.from(marker, 'base64url').toString('utf8');
        const remaining = role.permissions.names().filter((name) => name >= after);
        const page = remaining.slice(0, maxItems);
        const next = remaining[maxItems];
        return {
            PolicyNames: { member: page },
            IsTruncated: next !== undefined,
            Marker: next === undefined ? undefined : Buffer.from(next, 'utf8').toString('base64url'),
        };
    },
};
function nameOf(params, parameter, member, maxLength) {
    const value = params.get(parameter);
    if (value === null)
        throw validationError(null, member, 'Member must not be null');
    if (value.length < 1 || value.length > maxLength)
        throw validationError(value, member, `Member must have length less than or equal to ${maxLength}`);
    if (!NAME_PATTERN.test(value))
        throw validationError(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
    return value;
}
const roleNameOf = (params) => nameOf(params, 'RoleName', 'roleName', 64);
const policyNameOf = (params) => nameOf(params, 'PolicyName', 'policyName', 128);
function maxItemsOf(params) {
    const text = params.get('MaxItems');
    if (text === null)
        return DEFAULT_MAX_ITEMS;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 1000) {
        throw validationError(text, 'maxItems', 'Member must have value greater than or equal to 1 and less than or equal to 1000');
    }
    return value;
}

;// CONCATENATED MODULE: ./src/sandbox/aws/inline-policies.ts


/** IAM's quota on a role's inline policies, all of them together, counted without whitespace. */
const MAX_ROLE_INLINE_POLICY_CHARS = 10_240;
/**
 * A role's inline permission policies, by name. Every change is one synchronous step, so concurrent
 * writers are applied one whole request at a time and the last one wins, as in IAM.
 */
class InlinePolicies {
    #byName = new Map();
    #roleName;
    constructor(roleName, initial = {}) {
        this.#roleName = roleName;
        for (const [name, document] of Object.entries(initial))
            this.#byName.set(name, { text: JSON.stringify(document), document });
    }
    /** Adds or replaces a policy, refusing a malformed document or one that takes the role past its quota. */
    put(name, text) {
        const document = parsePermissionPolicy(text);
        const others = [...this.#byName].filter(([other]) => other !== name).map(([, policy]) => policy.text);
        const size = [...others, text].reduce((total, each) => total + each.replace(/\s/g, '').length, 0);
        if (size > MAX_ROLE_INLINE_POLICY_CHARS) {
            throw new AwsApiError('LimitExceeded', 409, `Maximum policy size of ${MAX_ROLE_INLINE_POLICY_CHARS} bytes exceeded for role ${this.#roleName}`);
        }
        this.#byName.set(name, { text, document });
    }
    /** The policy's text as it was written. */
    text(name) {
        return this.#existing(name).text;
    }
    delete(name) {
        this.#existing(name);
        this.#byName.delete(name);
    }
    /** Names in ascending order, as IAM lists them. */
    names() {
        return [...this.#byName.keys()].sort();
    }
    documents() {
        return [...this.#byName.values()].map((policy) => policy.document);
    }
    #existing(name) {
        const policy = this.#byName.get(name);
        if (!policy)
            throw new AwsApiError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
        return policy;
    }
}
const malformed = (message) => new AwsApiError('MalformedPolicyDocument', 400, message);
const SYNTAX_ERRORS = 'Syntax errors in policy.';
const isStringOrList = (value) => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
/**
 * Reads an identity-based policy as PutRolePolicy does. Beyond IAM's own checks it refuses values the
 * sandbox's evaluator cannot judge (a condition operator it does not know, a number where it expects
 * text), because a Deny it silently failed to match would let a revoked session through.
 */
function parsePermissionPolicy(text) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        throw malformed(SYNTAX_ERRORS);
    }
    if (typeof document !== 'object' || document === null || !('Statement' in document))
        throw malformed(SYNTAX_ERRORS);
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    for (const statement of statements)
        checkStatement(statement);
    return document;
}
function checkStatement(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw malformed(SYNTAX_ERRORS);
    const statement = value;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
        throw malformed(SYNTAX_ERRORS);
    if (statement.Principal !== undefined || statement.NotPrincipal !== undefined)
        throw malformed('Policy document should not specify a principal.');
    if (statement.Action === undefined && statement.NotAction === undefined)
        throw malformed('Policy statement must contain actions.');
    if (statement.Resource === undefined && statement.NotResource === undefined)
        throw malformed('Policy statement must contain resources.');
    for (const member of [statement.Action, statement.NotAction, statement.Resource, statement.NotResource]) {
        if (member !== undefined && !isStringOrList(member))
            throw malformed(SYNTAX_ERRORS);
    }
    if (statement.Condition === undefined)
        return;
    if (typeof statement.Condition !== 'object' || statement.Condition === null)
        throw malformed(SYNTAX_ERRORS);
    for (const [operator, tests] of Object.entries(statement.Condition)) {
        if (!isKnownConditionOperator(operator) || typeof tests !== 'object' || tests === null)
            throw malformed(SYNTAX_ERRORS);
        if (!Object.values(tests).every(isStringOrList))
            throw malformed(SYNTAX_ERRORS);
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/hash-node/dist-cjs/index.js
var dist_cjs = __webpack_require__(5092);
// EXTERNAL MODULE: ./node_modules/@smithy/protocol-http/dist-cjs/index.js
var protocol_http_dist_cjs = __webpack_require__(72356);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(75118);
;// CONCATENATED MODULE: ./src/sandbox/aws/sigv4.ts





const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;
function readAuthorization(headers) {
    const match = AUTHORIZATION.exec(headers.authorization ?? '');
    if (!match)
        throw new AwsApiError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
    const [, accessKeyId, , region, service, signedHeaders, signature] = match;
    return { accessKeyId: accessKeyId, region: region, service: service, signedHeaders: signedHeaders.split(';'), signature: signature };
}
/**
 * Recomputes the request's signature with the secret the sandbox issued (through the SDK's own signer,
 * over exactly the headers the client signed) and compares it in constant time.
 */
async function verifySignature(request, claims, credentials) {
    // The signer signs the declared payload hash instead of hashing the body, so without this check a
    // body changed in transit would pass under a signature made for another.
    const declaredHash = request.headers['x-amz-content-sha256'];
    if (declaredHash !== undefined && declaredHash !== (0,external_node_crypto_.createHash)('sha256').update(request.body, 'utf8').digest('hex')) {
        throw new AwsApiError('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const amzDate = String(request.headers['x-amz-date'] ?? '');
    const signingDate = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(amzDate);
    if (!signingDate)
        throw new AwsApiError('IncompleteSignature', 403, 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
    const [, y, mo, d, h, mi, s] = signingDate.map(Number);
    const headers = {};
    for (const name of claims.signedHeaders)
        headers[name] = String(request.headers[name] ?? '');
    const [path, query = ''] = request.path.split('?');
    const unsigned = new protocol_http_dist_cjs/* HttpRequest */.Kd({
        method: request.method,
        protocol: 'http:',
        hostname: String(request.headers.host ?? '').split(':')[0],
        path,
        query: Object.fromEntries(new URLSearchParams(query)),
        headers,
        body: request.body,
    });
    // applyChecksum off: the signer must sign exactly the headers the client listed, and add none.
    const signer = new signature_v4_dist_cjs.SignatureV4({ credentials, region: claims.region, service: claims.service, sha256: dist_cjs/* Hash */.V.bind(null, 'sha256'), applyChecksum: false });
    const signed = await signer.sign(unsigned, { signingDate: new Date(Date.UTC(y, mo - 1, d, h, mi, s)) });
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
    if (expected.length !== claims.signature.length || !(0,external_node_crypto_.timingSafeEqual)(Buffer.from(expected), Buffer.from(claims.signature))) {
        throw new AwsApiError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
    }
}

;// CONCATENATED MODULE: ./src/sandbox/aws/assume-role.ts

const MAX_TAGS = 50;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;
/** Reads `Tags.member.N.Key/Value`, `TransitiveTagKeys.member.N` and `SourceIdentity` as STS checks them. */
function readSessionAttributes(params) {
    const tags = {};
    for (let n = 1; params.has(`Tags.member.${n}.Key`); n++) {
        if (n > MAX_TAGS)
            throw validationError(String(n), 'tags', `Member must have length less than or equal to ${MAX_TAGS}`);
        const key = params.get(`Tags.member.${n}.Key`);
        const value = params.get(`Tags.member.${n}.Value`) ?? '';
        if (!TAG_KEY.test(key) || key.toLowerCase().startsWith('aws:'))
            throw validationError(key, `tags.${n}.member.key`, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+ and have length between 1 and 128');
        if (!TAG_VALUE.test(value))
            throw validationError(value, `tags.${n}.member.value`, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* and have length less than or equal to 256');
        // STS compares tag keys case-insensitively: two spellings of one key are one key given twice.
        if (Object.keys(tags).some((existing) => existing.toLowerCase() === key.toLowerCase()))
            throw new AwsApiError('InvalidParameterValue', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
        tags[key] = value;
    }
    const transitiveTagKeys = [];
    for (let n = 1; params.has(`TransitiveTagKeys.member.${n}`); n++) {
        const key = params.get(`TransitiveTagKeys.member.${n}`);
        if (!Object.keys(tags).some((tag) => tag.toLowerCase() === key.toLowerCase()))
            throw new AwsApiError('InvalidParameterValue', 400, `The specified transitive tag key ${key} must be included in the requested tags.`);
        transitiveTagKeys.push(key);
    }
    const sourceIdentity = params.get('SourceIdentity') ?? undefined;
    if (sourceIdentity !== undefined && (!SOURCE_IDENTITY.test(sourceIdentity) || sourceIdentity.toLowerCase().startsWith('aws:'))) {
        throw validationError(sourceIdentity, 'sourceIdentity', 'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64');
    }
    return { tags, transitiveTagKeys, sourceIdentity };
}
/** The condition keys an AssumeRole request offers its trust policy. */
function assumeRoleConditionKeys(caller, attributes, sessionName) {
    return {
        'aws:PrincipalArn': caller.roleArn,
        // Multivalued: trust policies bound the tag keys with ForAllValues:, and require some with ForAnyValue:.
        'aws:TagKeys': Object.keys(attributes.tags),
        'sts:RoleSessionName': sessionName,
        'sts:SourceIdentity': attributes.sourceIdentity,
        ...Object.fromEntries(Object.entries(attributes.tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    };
}
/** The permissions an AssumeRole request needs of the trust policy: the tags and the source identity each need their own. */
function assumeRoleActions(attributes) {
    return ['sts:AssumeRole', ...(Object.keys(attributes.tags).length > 0 ? ['sts:TagSession'] : []), ...(attributes.sourceIdentity === undefined ? [] : ['sts:SetSourceIdentity'])];
}

// EXTERNAL MODULE: ./src/providers/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(39445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 1 modules
var verify = __webpack_require__(25057);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/remote.js
var remote = __webpack_require__(22952);
;// CONCATENATED MODULE: ./src/sandbox/aws/web-identity.ts


/** Verifies web identity tokens as STS does: registered issuer, published key, audience, expiry. */
class WebIdentityVerifier {
    #keys = new Map();
    async verify(token, providers, now) {
        let issuer;
        try {
            issuer = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).iss;
        }
        catch {
            throw new AwsApiError('InvalidIdentityToken', 400, 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
        }
        const provider = typeof issuer === 'string' ? providers.get(issuer) : undefined;
        if (!provider)
            throw new AwsApiError('InvalidIdentityToken', 400, `No OpenIDConnect provider found in your account for ${String(issuer)}`);
        try {
            const { payload } = await (0,verify/* jwtVerify */.V)(token, await this.#jwks(provider.issuer), { issuer: provider.issuer, currentDate: now, algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'] });
            const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
            if (!audiences.some((aud) => typeof aud === 'string' && provider.clientIds.includes(aud))) {
                throw new AwsApiError('InvalidIdentityToken', 400, 'Incorrect token audience');
            }
            return { payload, provider };
        }
        catch (error) {
            if (error instanceof AwsApiError)
                throw error;
            if (error instanceof errors/* JWTExpired */.n) {
                const exp = new Date(Number(error.payload.exp) * 1000).toISOString();
                throw new AwsApiError('ExpiredTokenException', 400, `Token expired: current date/time ${now.toISOString()} must be before the expiration date/time ${exp}`);
            }
            throw new AwsApiError('InvalidIdentityToken', 400, 'Couldn\'t verify the signature or claims of the web identity token.');
        }
    }
    async #jwks(issuer) {
        let keys = this.#keys.get(issuer);
        if (!keys) {
            const response = await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => undefined);
            const document = (await response?.json().catch(() => undefined));
            if (!document?.jwks_uri)
                throw idpCommunicationError();
            keys = (0,remote/* createRemoteJWKSet */.RD)(new URL(document.jwks_uri), { cooldownDuration: 0, [remote/* customFetch */.A6]: fetchKeySet });
            this.#keys.set(issuer, keys);
        }
        return keys;
    }
}
function idpCommunicationError() {
    return new AwsApiError('IDPCommunicationError', 400, `Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements`);
}
/** Fetches a key set for jose; an unreachable or failing key endpoint is the provider's fault, not the token's. */
async function fetchKeySet(url, options) {
    const response = await fetch(url, options).catch(() => undefined);
    if (response?.status !== 200)
        throw idpCommunicationError();
    return response;
}

;// CONCATENATED MODULE: ./src/sandbox/aws/aws-emulator.ts










const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MIN_DURATION = 900;
const DEFAULT_MAX_SESSION_DURATION = 3600;
const MAX_INLINE_POLICY_CHARS = 2048;
/** The fault queue that any STS action draws from, beside the queues of single actions. */
const ANY_STS_ACTION = 'any STS action';
// Claims of a GitHub Actions token that STS offers as `<provider>:<claim>` condition keys (2026).
const STS_PROVIDER_CLAIM_KEYS = ['actor', 'actor_id', 'job_workflow_ref', 'repository', 'repository_id', 'workflow', 'ref', 'environment', 'enterprise_id'];
/**
 * Which service a request is for, before its body is read: STS and IAM share this one endpoint, and a
 * signed request names its service in the SigV4 credential scope. AssumeRoleWithWebIdentity is unsigned.
 */
function awsServiceOf(req) {
    return /\/iam\/aws4_request/.test(String(req.headers.authorization ?? '')) ? 'iam' : 'sts';
}
/** AWS's error shapes for injected faults: a 5xx is ServiceUnavailable, and throttling is the 400 `Throttling` error AWS answers, here with Retry-After. */
const awsFaultResponse = (res, status, fault, headers) => {
    const namespace = awsServiceOf(res.req) === 'iam' ? IAM_NAMESPACE : STS_NAMESPACE;
    const retryAfter = headers['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
    sendError(res, namespace, fault.kind === 'throttle' ? new AwsApiError('Throttling', 400, 'Rate exceeded', retryAfter) : new AwsApiError('ServiceUnavailable', status, 'Service is unavailable (sandbox fault).'));
};
/**
 * AWS STS and the slice of IAM that proves a credential's permissions, on one loopback endpoint.
 * It speaks the Query protocol and XML of the real services, verifies web identity tokens against
 * the issuer's JWKS, evaluates IAM trust and permission policies, and checks SigV4 signatures.
 */
class AwsEmulator {
    url;
    accountId;
    /** Every session issued, in order. */
    sessions = [];
    /** The clock the emulator judges expiry by; tests move it to expire credentials. */
    now = () => new Date();
    /**
     * Sandbox only: sessions end after at most this many seconds, whatever DurationSeconds asked (STS's
     * minimum is 15 minutes), so that a test can watch credentials expire and renew. Unset, as on AWS.
     */
    maxSessionSeconds;
    /**
     * Network-level faults (resets, truncated or slow answers, 5xx, throttling) served before a request is
     * read, aimed by service with `(req) => awsServiceOf(req) === 'iam'`; `throttle` and `injectFaults`
     * below aim API errors at single actions instead.
     */
    faults;
    #server;
    #roles = new Map();
    #providers = new Map();
    #managedPolicies = new Map();
    #verifier = new WebIdentityVerifier();
    /** Faults still to serve, by action name or ANY_STS_ACTION. */
    #faults = new Map();
    constructor(server, faults, options) {
        this.#server = server;
        this.faults = faults;
        this.url = server.url;
        this.accountId = options.accountId ?? '111122223333';
        for (const provider of options.oidcProviders ?? [])
            this.addOidcProvider(provider.issuer, provider.clientIds);
        for (const role of options.roles ?? [])
            this.putRole(role);
        for (const [name, document] of Object.entries(options.managedPolicies ?? {}))
            this.#managedPolicies.set(this.#policyArn(name), document);
    }
    static async start(options = {}) {
        const late = {};
        const faults = new FaultPlan(awsFaultResponse);
        const server = await listenOnLoopback((req, res) => late.emulator.#handle(req, res), faults);
        late.emulator = new AwsEmulator(server, faults, options);
        return late.emulator;
    }
    addOidcProvider(issuer, clientIds) {
        const keyPrefix = (0,oidc_provider/* oidcProviderKeyPrefix */.k)(issuer);
        const provider = { issuer, clientIds, keyPrefix, arn: `arn:aws:iam::${this.accountId}:oidc-provider/${keyPrefix}` };
        this.#providers.set(issuer, provider);
        return provider;
    }
    putRole(definition) {
        const maxSessionDuration = definition.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
        if (maxSessionDuration < 3600 || maxSessionDuration > 43200)
            throw new Error(`role ${definition.name}: MaxSessionDuration must be 3600 to 43200 seconds`);
        const boundary = definition.permissionsBoundary;
        if (boundary !== undefined && !this.#managedPolicies.has(boundary))
            throw new Error(`role ${definition.name}: permissions boundary ${boundary} is not a managed policy`);
        const arn = this.#roleArn(definition.name);
        this.#roles.set(definition.name, {
            name: definition.name,
            arn,
            roleId: `AROA${randomId(17)}`,
            trustPolicy: definition.trustPolicy,
            permissions: new InlinePolicies(definition.name, definition.permissions),
            permissionsBoundary: boundary,
            maxSessionDuration,
            createdAt: this.now(),
        });
        return arn;
    }
    /** The names of a role's inline policies, as IAM lists them; for tests that look behind the API. */
    inlinePolicyNames(roleName) {
        return this.#roles.get(roleName)?.permissions.names() ?? [];
    }
    /**
     * Makes the next `count` requests fail as AWS fails them when its rate limit is hit: requests for
     * `action` (an API name such as `PutRolePolicy`), or by default any STS request.
     */
    throttle(count, action) {
        this.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded'), count, action);
    }
    /** Makes the next `count` requests for `action` (by default, any STS request) fail with `error` (a 5xx, for example). */
    injectFaults(error, count, action) {
        if (action !== undefined && !Object.hasOwn(this.#actions, action))
            throw new Error(`the AWS emulator has no action ${action}`);
        const key = action ?? ANY_STS_ACTION;
        const queue = this.#faults.get(key) ?? [];
        for (let i = 0; i < count; i++)
            queue.push(error);
        this.#faults.set(key, queue);
    }
    /** Drops the faults not yet served, for every action and at the network level. */
    clearFaults() {
        this.#faults.clear();
        this.faults.clear();
    }
    close() {
        return this.#server.close();
    }
    #policyArn(name) {
        return `arn:aws:iam::${this.accountId}:policy/${name}`;
    }
    #roleArn(name) {
        return `arn:aws:iam::${this.accountId}:role/${name}`;
    }
    /** The next fault for this action: its own queue first, then, for an STS action, the shared one. */
    #takeFault(actionName, namespace) {
        return this.#faults.get(actionName)?.shift() ?? (namespace === STS_NAMESPACE ? this.#faults.get(ANY_STS_ACTION)?.shift() : undefined);
    }
    async #handle(req, res) {
        const body = await readBody(req);
        const params = new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1] ?? '');
        const actionName = params.get('Action') ?? '';
        const namespace = Object.hasOwn(ROLE_ACTIONS, actionName) ? IAM_NAMESPACE : STS_NAMESPACE;
        try {
            const action = Object.hasOwn(this.#actions, actionName) ? this.#actions[actionName] : undefined;
            if (!action)
                throw new AwsApiError('InvalidAction', 400, `Could not find operation ${actionName} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
            const fault = this.#takeFault(actionName, namespace);
            if (fault)
                throw fault;
            sendResult(res, namespace, actionName, await action(params, req, body));
        }
        catch (error) {
            if (!(error instanceof AwsApiError))
                throw error;
            sendError(res, namespace, error);
        }
    }
    /**
     * Credentials of a role outside any job, as an instance profile gives them: what the broker signs its
     * own AssumeRole calls with. They last 12 hours; tests read the secret from the session returned.
     */
    issueRoleCredentials(roleName) {
        const role = this.#roles.get(roleName);
        if (!role)
            throw new Error(`the AWS emulator has no role ${roleName}`);
        return this.#newSession(role, `${roleName}-instance`, 43200, [], { tags: {}, transitiveTagKeys: [], sourceIdentity: undefined }, 'instance-profile');
    }
    #actions = {
        AssumeRoleWithWebIdentity: (params) => this.#assumeRoleWithWebIdentity(params),
        AssumeRole: (params, req, body) => this.#assumeRole(params, req, body),
        GetCallerIdentity: async (_params, req, body) => {
            const session = await this.#authenticate(req, body);
            return { UserId: session.assumedRoleId, Account: this.accountId, Arn: session.arn };
        },
        ...Object.fromEntries(Object.entries(ROLE_ACTIONS).map(([name, run]) => [name, (params, req, body) => run(params, (permission, roleName) => this.#accessRole(req, body, permission, roleName))])),
    };
    /** Lets a signed request at a role once its session may perform `permission` on it; a missing role is NoSuchEntity only then. */
    async #accessRole(req, body, permission, roleName) {
        const session = await this.#authenticate(req, body);
        this.#authorize(session, permission, this.#roleArn(roleName));
        const role = this.#roles.get(roleName);
        if (!role)
            throw new AwsApiError('NoSuchEntity', 404, `The role with name ${roleName} cannot be found.`);
        return role;
    }
    async #assumeRoleWithWebIdentity(params) {
        // STS names a missing parameter, in this order, before it checks any value.
        const token = ['RoleArn', 'RoleSessionName', 'WebIdentityToken'].map((name) => required(params, name))[2];
        const { roleArn, sessionName, duration, sessionPolicies } = this.#readSessionRequest(params);
        const now = this.now();
        const { payload, provider } = await this.#verifier.verify(token, this.#providers, now);
        const match = ROLE_ARN.exec(roleArn);
        const role = match && match[1] === this.accountId ? this.#roles.get(match[2]) : undefined;
        const subject = String(payload.sub ?? '');
        const audience = String(Array.isArray(payload.aud) ? payload.aud[0] : payload.aud);
        const trust = role
            ? evaluatePolicies([role.trustPolicy], {
                action: 'sts:AssumeRoleWithWebIdentity',
                federatedPrincipal: provider.arn,
                keys: {
                    // The provider-specific claims STS validates, then the standard ones.
                    ...Object.fromEntries(STS_PROVIDER_CLAIM_KEYS.map((claim) => [`${provider.keyPrefix}:${claim}`, typeof payload[claim] === 'string' ? payload[claim] : undefined])),
                    [`${provider.keyPrefix}:aud`]: audience,
                    [`${provider.keyPrefix}:sub`]: subject,
                    'sts:RoleSessionName': sessionName,
                    'aws:FederatedProvider': provider.arn,
                },
            })
            : 'NotApplicable';
        // A missing role and a refusing trust policy look the same to the caller, as they do on AWS.
        if (!role || trust !== 'Allow')
            throw new AwsApiError('AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
        checkDuration(duration, role);
        const session = this.#newSession(role, sessionName, duration, sessionPolicies, { tags: {}, transitiveTagKeys: [], sourceIdentity: undefined }, subject);
        return {
            ...sessionResult(session),
            SubjectFromWebIdentityToken: subject,
            Provider: provider.arn,
            Audience: audience,
        };
    }
    /**
     * AssumeRole, signed with the caller's own credentials: the target's trust policy must name the
     * caller's role as its AWS principal and allow sts:AssumeRole, plus sts:TagSession for session tags and
     * sts:SetSourceIdentity for a source identity, under conditions on the requested tags and identity.
     */
    async #assumeRole(params, req, body) {
        const caller = await this.#authenticate(req, body);
        const { roleArn, sessionName, duration, sessionPolicies } = this.#readSessionRequest(params);
        const attributes = readSessionAttributes(params);
        const match = ROLE_ARN.exec(roleArn);
        const role = match && match[1] === this.accountId ? this.#roles.get(match[2]) : undefined;
        const callerRole = { roleArn: this.#roleArn(caller.roleName), accountId: this.accountId };
        const keys = assumeRoleConditionKeys(callerRole, attributes, sessionName);
        const trusts = (action, principal) => evaluatePolicies([role.trustPolicy], { action, awsPrincipal: principal, keys }) === 'Allow';
        // A trust policy that names the caller's role admits it by itself; one that names only its account
        // leaves the decision to that account, whose policies must then allow the caller the action too.
        const allowed = role !== undefined &&
            assumeRoleActions(attributes).every((action) => trusts(action, { roleArn: callerRole.roleArn, accountId: '' }) || (trusts(action, callerRole) && this.#refusal(caller, action, roleArn) === undefined));
        if (!role || !allowed)
            throw new AwsApiError('AccessDenied', 403, `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
        checkDuration(duration, role);
        const session = this.#newSession(role, sessionName, duration, sessionPolicies, attributes, caller.arn);
        return { ...sessionResult(session), SourceIdentity: attributes.sourceIdentity };
    }
    /** What every request for a role session names: the role, the session's name and length, and session policies. */
    #readSessionRequest(params) {
        const roleArn = required(params, 'RoleArn');
        const sessionName = required(params, 'RoleSessionName');
        if (roleArn.length < 20 || roleArn.length > 2048)
            throw validationError(roleArn, 'roleArn', 'Member must have length between 20 and 2048');
        if (!SESSION_NAME.test(sessionName)) {
            throw validationError(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64');
        }
        const durationText = params.get('DurationSeconds') ?? '3600';
        const duration = Number(durationText);
        if (!Number.isInteger(duration) || duration < MIN_DURATION || duration > 43200) {
            throw validationError(durationText, 'durationSeconds', 'Member must have value greater than or equal to 900 and less than or equal to 43200');
        }
        const inlinePolicy = params.get('Policy');
        const sessionPolicies = [...this.#managedSessionPolicies(params)];
        if (inlinePolicy !== null)
            sessionPolicies.push(parseInlinePolicy(inlinePolicy));
        return { roleArn, sessionName, duration, sessionPolicies };
    }
    #newSession(role, sessionName, duration, sessionPolicies, attributes, subject) {
        // AWS reports Expiration to the second, so the session starts on a whole second and ends exactly then.
        const issuedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
        const session = {
            accessKeyId: `ASIA${randomId(16)}`,
            secretAccessKey: (0,external_node_crypto_.randomBytes)(30).toString('base64'),
            sessionToken: `IQoJb3JpZ2luX2Vj${(0,external_node_crypto_.randomBytes)(96).toString('base64')}`,
            issuedAt,
            expiration: new Date(issuedAt.getTime() + Math.min(duration, this.maxSessionSeconds ?? duration) * 1000),
            assumedRoleId: `${role.roleId}:${sessionName}`,
            arn: `arn:aws:sts::${this.accountId}:assumed-role/${role.name}/${sessionName}`,
            roleName: role.name,
            sessionName,
            subject,
            sessionPolicies,
            tags: attributes.tags,
            sourceIdentity: attributes.sourceIdentity,
        };
        this.sessions.push(session);
        return session;
    }
    *#managedSessionPolicies(params) {
        for (let n = 1; params.has(`PolicyArns.member.${n}.arn`); n++) {
            const arn = params.get(`PolicyArns.member.${n}.arn`);
            const document = this.#managedPolicies.get(arn);
            if (!document)
                throw new AwsApiError('InvalidParameterValue', 400, `Policy ${arn} does not exist or is not attachable.`);
            yield document;
        }
    }
    /** Finds the session a SigV4-signed request claims to come from, and proves it holds the secret. */
    async #authenticate(req, body) {
        const claims = readAuthorization(req.headers);
        const session = this.sessions.find((s) => s.accessKeyId === claims.accessKeyId);
        if (!session || req.headers['x-amz-security-token'] !== session.sessionToken) {
            throw new AwsApiError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
        }
        await verifySignature({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body }, claims, session);
        if (this.now() >= session.expiration)
            throw new AwsApiError('ExpiredToken', 403, 'The security token included in the request is expired');
        return session;
    }
    /**
     * IAM's evaluation for a role session: the role's identity-based policies, capped by its permissions
     * boundary and narrowed by the session policies, must each allow the call, and an explicit deny in
     * any of them refuses it. The error names the first kind of policy that refused, in IAM's order.
     */
    #authorize(session, action, resource) {
        const refusal = this.#refusal(session, action, resource);
        if (refusal !== undefined)
            throw new AwsApiError('AccessDenied', 403, refusal);
    }
    /** Why IAM refuses the session the call (see #authorize), or undefined when it allows it. */
    #refusal(session, action, resource) {
        const role = this.#roles.get(session.roleName);
        const context = {
            action,
            resource,
            keys: {
                'aws:userid': session.assumedRoleId,
                'aws:PrincipalArn': role?.arn,
                'aws:TokenIssueTime': isoSeconds(session.issuedAt),
                'aws:CurrentTime': isoSeconds(this.now()),
                'aws:SourceIdentity': session.sourceIdentity,
                ...Object.fromEntries(Object.entries(session.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
            },
        };
        const boundary = role?.permissionsBoundary === undefined ? undefined : this.#managedPolicies.get(role.permissionsBoundary);
        // A kind of policy that is absent does not limit the session.
        const verdicts = [
            { kind: 'an identity-based policy', verdict: evaluatePolicies(role?.permissions.documents() ?? [], context) },
            { kind: 'a permissions boundary', verdict: boundary ? evaluatePolicies([boundary], context) : 'Allow' },
            { kind: 'a session policy', verdict: session.sessionPolicies.length > 0 ? evaluatePolicies(session.sessionPolicies, context) : 'Allow' },
        ];
        const denied = verdicts.find((v) => v.verdict === 'Deny');
        const notAllowed = verdicts.find((v) => v.verdict !== 'Allow');
        if (!notAllowed)
            return undefined;
        const why = denied ? `with an explicit deny in ${denied.kind}` : `because no ${notAllowed.kind.replace(/^an? /, '')} allows the ${action} action`;
        return `User: ${session.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
    }
}
function checkDuration(duration, role) {
    if (duration > role.maxSessionDuration)
        throw new AwsApiError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
}
function sessionResult(session) {
    return {
        Credentials: {
            AccessKeyId: session.accessKeyId,
            SecretAccessKey: session.secretAccessKey,
            SessionToken: session.sessionToken,
            Expiration: isoSeconds(session.expiration),
        },
        AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
        PackedPolicySize: session.sessionPolicies.length > 0 ? 6 : undefined,
    };
}
function required(params, name) {
    const value = params.get(name);
    if (value === null || value === '')
        throw new AwsApiError('MissingParameter', 400, `The request must contain the parameter ${name}`);
    return value;
}
function parseInlinePolicy(text) {
    if (text.replace(/\s/g, '').length > MAX_INLINE_POLICY_CHARS) {
        throw new AwsApiError('PackedPolicyTooLarge', 400, 'Packed policy consumes more than the allowed size of the session policy limit.');
    }
    try {
        const document = JSON.parse(text);
        if (typeof document !== 'object' || document === null || !('Statement' in document))
            throw new Error('no Statement');
        return document;
    }
    catch {
        throw new AwsApiError('MalformedPolicyDocument', 400, 'The policy is not in the valid JSON format.');
    }
}
function randomId(length) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    return [...(0,external_node_crypto_.randomBytes)(length)].map((byte) => alphabet[byte % 32]).join('');
}

// EXTERNAL MODULE: ./src/providers/aws/session-denial.ts
var session_denial = __webpack_require__(29242);
// EXTERNAL MODULE: ./src/providers/gcp/export.ts
var gcp_export = __webpack_require__(19713);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
;// CONCATENATED MODULE: ./src/sandbox/aws/config-file.ts


const SHAPE_HINT = 'The file is {"roles": [{"name", "trustPolicy", "permissions"?: {NAME: document}, "maxSessionDuration"?, "permissionsBoundary"?}], "managedPolicies"?: {NAME: document}}, each document an object with "Statement"; demo/sandbox-aws.json is an example.';
async function readAwsSandboxFile(path, placeholders) {
    const raw = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, error.code === 'EISDIR' ? `The sandbox AWS configuration ${path} is a folder.` : `Cannot read the sandbox AWS configuration ${path} (${error.code ?? 'error'}).`, {
            hint: 'Check the path given to --aws-config; demo/sandbox-aws.json is an example.',
        });
    });
    const text = raw.replaceAll('{{provider}}', placeholders.provider).replaceAll('{{account}}', placeholders.account);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${path}: not valid JSON (${error.message})`, { hint: SHAPE_HINT });
    }
    const problem = shapeProblem(parsed);
    if (problem)
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${path}: ${problem}`, { hint: SHAPE_HINT });
    return parsed;
}
/** The first thing wrong with the file's structure, named by its place in the file; the emulator checks the values. */
function shapeProblem(file) {
    if (!isObject(file))
        return 'expected a JSON object with a "roles" array';
    const unknown = Object.keys(file).find((key) => key !== 'roles' && key !== 'managedPolicies');
    if (unknown)
        return `unknown key "${unknown}"`;
    if (!Array.isArray(file.roles))
        return 'expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?, permissionsBoundary?}';
    for (const [index, role] of file.roles.entries()) {
        const at = `roles[${index}]`;
        if (!isObject(role))
            return `${at} must be an object`;
        const extra = Object.keys(role).find((key) => !['name', 'trustPolicy', 'permissions', 'maxSessionDuration', 'permissionsBoundary'].includes(key));
        if (extra)
            return `${at} has an unknown key "${extra}"`;
        if (typeof role.name !== 'string' || role.name === '')
            return `${at}.name must be the role's name`;
        if (!isDocument(role.trustPolicy))
            return `${at}.trustPolicy must be a policy document`;
        const documents = documentsProblem(role.permissions, `${at}.permissions`);
        if (documents)
            return documents;
        if (role.maxSessionDuration !== undefined && !Number.isInteger(role.maxSessionDuration))
            return `${at}.maxSessionDuration must be a whole number of seconds`;
        if (role.permissionsBoundary !== undefined && typeof role.permissionsBoundary !== 'string')
            return `${at}.permissionsBoundary must be a managed policy's ARN`;
    }
    return documentsProblem(file.managedPolicies, 'managedPolicies');
}
function documentsProblem(documents, at) {
    if (documents === undefined)
        return undefined;
    if (!isObject(documents))
        return `${at} must map names to policy documents`;
    const bad = Object.entries(documents).find(([, document]) => !isDocument(document));
    return bad ? `${at}.${bad[0]} must be a policy document` : undefined;
}
function isDocument(value) {
    return isObject(value) && (isObject(value.Statement) || Array.isArray(value.Statement));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/sandbox/github/contents-api.ts


/**
 * The slice of the GitHub REST API that reads a file from a repository at a ref
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref=`), with the raw media type, a bearer token and the
 * real status codes: 401 without a valid token, 404 for a repository, ref or path it cannot see. A
 * folder's path lists its entries, `GET /repos/{owner}/{repo}` describes a repository (its numeric id,
 * its owner's, its default branch), and `GET /orgs/{org}/repos` lists an organisation's repositories
 * page by page (per_page, page and a Link header), as `scan --github-org` reads them.
 */
class GitHubContentsApi {
    url;
    /** A token that may read every repository here, as a GitHub App installation token would. */
    token = `ghs_${(0,external_node_crypto_.randomBytes)(18).toString('base64url')}`;
    /** Requests served, so tests can see which ref was read; a repository's description has the path ''. */
    requests = [];
    /** Network and service faults served before a request is handled; GitHub's own error shape is JSON `{ message }`. */
    faults;
    #server;
    // repository -> ref -> path -> text; a repository's default branch is the ref `undefined` reads.
    #files = new Map();
    #defaultBranches = new Map();
    // Numeric ids, given in the order repositories and owners first appear, as GitHub's never change.
    #repositoryIds = new Map();
    #ownerIds = new Map();
    constructor(server, faults) {
        this.#server = server;
        this.faults = faults;
        this.url = server.url;
    }
    static async start() {
        const late = {};
        const faults = new FaultPlan();
        const server = await listenOnLoopback((req, res) => late.api.#handle(req, res), faults);
        late.api = new GitHubContentsApi(server, faults);
        return late.api;
    }
    /** Puts files into a repository at a ref (a branch, a tag or a commit SHA). */
    putFiles(repository, ref, files, options = {}) {
        const refs = this.#files.get(repository) ?? new Map();
        refs.set(ref, new Map([...(refs.get(ref) ?? new Map()), ...Object.entries(files)]));
        this.#files.set(repository, refs);
        if (options.defaultBranch || !this.#defaultBranches.has(repository))
            this.#defaultBranches.set(repository, ref);
        if (!this.#repositoryIds.has(repository))
            this.#repositoryIds.set(repository, 100_000 + this.#repositoryIds.size);
        const owner = repository.split('/')[0];
        if (!this.#ownerIds.has(owner))
            this.#ownerIds.set(owner, 9_000 + this.#ownerIds.size);
    }
    /** The numeric ids the API reports for a repository put here, and its owner. */
    idsOf(repository) {
        const repositoryId = this.#repositoryIds.get(repository);
        return repositoryId === undefined ? undefined : { repositoryId, ownerId: this.#ownerIds.get(repository.split('/')[0]) };
    }
    close() {
        return this.#server.close();
    }
    #handle(req, res) {
        const url = new URL(req.url ?? '/', this.url);
        const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
        const org = /^\/orgs\/([^/]+)\/repos$/.exec(url.pathname);
        const described = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
        if (req.method !== 'GET' || (!match && !org && !described))
            return sendJson(res, 404, { message: 'Not Found', status: '404' });
        if (req.headers.authorization !== `Bearer ${this.token}` && req.headers.authorization !== `token ${this.token}`) {
            return sendJson(res, 401, { message: 'Bad credentials', status: '401' });
        }
        if (org)
            return this.#listRepositories(decodeURIComponent(org[1]), url, res);
        if (described) {
            const repository = `${decodeURIComponent(described[1])}/${decodeURIComponent(described[2])}`;
            this.requests.push({ repository, path: '', ref: undefined });
            return this.#repositoryIds.has(repository) ? sendJson(res, 200, this.#describe(repository)) : sendJson(res, 404, { message: 'Not Found', status: '404' });
        }
        const [, owner, name, encodedPath] = match;
        const repository = `${owner}/${name}`;
        const path = decodeURIComponent(encodedPath);
        const ref = url.searchParams.get('ref') ?? undefined;
        this.requests.push({ repository, path, ref });
        const files = this.#files.get(repository)?.get(ref ?? this.#defaultBranches.get(repository) ?? '');
        const text = files?.get(path);
        const folder = text === undefined ? folderEntries(files, path) : [];
        // GitHub answers a folder with its entries as JSON, whatever media type was asked for.
        if (folder.length > 0)
            return sendJson(res, 200, folder);
        if (text === undefined)
            return sendJson(res, 404, { message: 'Not Found', status: '404' });
        // Octokit asks for application/vnd.github.v3.raw; GitHub accepts that and the unversioned name.
        if (!/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''))) {
            return sendJson(res, 200, { type: 'file', encoding: 'base64', path, content: Buffer.from(text).toString('base64') });
        }
        res.writeHead(200, { 'content-type': 'application/vnd.github.raw', 'content-length': Buffer.byteLength(text) }).end(text);
    }
    #listRepositories(org, url, res) {
        const all = [...this.#repositoryIds.keys()].filter((repository) => repository.split('/')[0] === org).sort();
        if (all.length === 0)
            return sendJson(res, 404, { message: 'Not Found', status: '404' });
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const next = page * perPage < all.length ? { link: `<${this.url}/orgs/${org}/repos?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
        sendJson(res, 200, slice.map((repository) => this.#describe(repository)), next);
    }
    /** A repository as GitHub's API describes it, in the fields clients read. */
    #describe(repository) {
        const [owner, name] = repository.split('/');
        return {
            id: this.#repositoryIds.get(repository),
            name,
            full_name: repository,
            owner: { login: owner, id: this.#ownerIds.get(owner) },
            default_branch: this.#defaultBranches.get(repository),
            archived: false,
            fork: false,
        };
    }
}
/** The files and folders directly inside `path`, as GitHub lists a folder. */
function folderEntries(files, path) {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const names = new Map();
    for (const file of files?.keys() ?? []) {
        if (!file.startsWith(prefix))
            continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        names.set(name, rest.length > 0 ? 'dir' : (names.get(name) ?? 'file'));
    }
    return [...names].sort().map(([name, type]) => ({ type, name, path: `${prefix}${name}` }));
}

// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/error.js
var esm_error = __webpack_require__(42108);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js
var decode_protected_header = __webpack_require__(61196);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/env.js + 34 modules
var env = __webpack_require__(89869);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/plan.js + 9 modules
var plan = __webpack_require__(78217);
// EXTERNAL MODULE: ./node_modules/@bufbuild/cel/dist/esm/parse.js + 3 modules
var parse = __webpack_require__(53340);
;// CONCATENATED MODULE: ./src/sandbox/gcp/cel.ts

const cel_env = (0,env/* celEnv */.U)();
/** Parses and plans once. A syntax error becomes every evaluation's result: Google would not run it either. */
function compileCel(source) {
    try {
        return (0,plan/* plan */.e)(cel_env, (0,parse/* parse */.q)(source));
    }
    catch (error) {
        const failure = (0,esm_error/* celError */.$U)(error);
        return () => failure;
    }
}
/** Google admits a token only when the attribute condition yields `true`: an error refuses it. */
function conditionAdmits(condition, variables) {
    return condition(variables) === true;
}

;// CONCATENATED MODULE: ./src/sandbox/gcp/google-emulator.ts






/** Google's error shapes for injected faults: STS answers OAuth's `{error, error_description}`, IAM Credentials `{error: {code, message, status}}`. */
const googleFaultResponse = (res, status, fault, headers) => {
    const throttled = fault.kind === 'throttle';
    const message = throttled ? 'Quota exceeded (sandbox fault).' : 'The service is currently unavailable (sandbox fault).';
    const body = new URL(res.req.url ?? '/', 'http://sandbox').pathname === '/v1/token'
        ? { error: throttled ? 'rate_limit_exceeded' : 'temporarily_unavailable', error_description: message }
        : { error: { code: status, message, status: throttled ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE' } };
    sendJson(res, status, body, headers);
};
/** The emulator's endpoints by path, for faults aimed at one of them. */
const GOOGLE_FAULT_TARGETS = {
    sts: '/v1/token',
    iamCredentials: (req, url) => req.method === 'POST' && url.pathname.endsWith(':generateAccessToken'),
};
/** The issuer of the ID tokens Google signs for service accounts. */
const GOOGLE_ID_TOKEN_ISSUER = 'https://accounts.google.com';
const ID_TOKEN_SECONDS = 3600;
const MAX_LIFETIME_SECONDS = 3600;
// A self-signed JWT must carry one of these scopes to call IAM Credentials.
const IAM_CREDENTIALS_SCOPES = ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/iam'];
const FEDERATED_TOKEN_SECONDS = 3600;
/**
 * Google's security token service (`/v1/token`), the IAM Credentials API (`generateAccessToken`) and
 * OAuth's token-info endpoint, on one loopback endpoint, as google-auth-library talks to them. The STS
 * verifies the subject token against the provider's issuer, maps attributes and applies the attribute
 * condition in CEL; IAM Credentials checks that the federated principal may impersonate the account
 * and bounds the lifetime.
 */
class GoogleCloudEmulator {
    url;
    /** Every token issued (access tokens and ID tokens), so tests can prove that none of them leaked. */
    accessTokensIssued = [];
    /** Network and service faults served before a request is handled (see FaultPlan and GOOGLE_FAULT_TARGETS). */
    faults;
    /** The clock tokens expire by; tests move it. */
    now = () => Date.now();
    #server;
    #providers = new Map();
    #serviceAccounts = new Map();
    #federated = new Map();
    #accessTokens = new Map();
    #keys = new Map();
    /** Service account keys by their id: whose they are, and the public half that verifies what they sign. */
    #serviceAccountKeys = new Map();
    /** Google's own key, which signs ID tokens; its public half is served as Google serves its certs. */
    #googleKey = { id: (0,external_node_crypto_.randomBytes)(20).toString('hex'), ...(0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 2048 }) };
    constructor(server, faults) {
        this.#server = server;
        this.faults = faults;
        this.url = server.url;
    }
    static async start() {
        const late = {};
        const faults = new FaultPlan(googleFaultResponse);
        const server = await listenOnLoopback((req, res) => late.emulator.#handle(req, res), faults);
        late.emulator = new GoogleCloudEmulator(server, faults);
        return late.emulator;
    }
    get tokenUrl() {
        return `${this.url}/v1/token`;
    }
    impersonationUrl(email) {
        return `${this.url}/v1/projects/-/serviceAccounts/${email}:generateAccessToken`;
    }
    get tokenInfoUrl() {
        return `${this.url}/tokeninfo`;
    }
    /** Google's signing certificates as PEM by key id (OAuth2Client's oauth2FederatedSignonPemCertsUrl). */
    get pemCertsUrl() {
        return `${this.url}/oauth2/v1/certs`;
    }
    /** The same keys as a JWKS (oauth2FederatedSignonJwkCertsUrl). */
    get jwksUrl() {
        return `${this.url}/oauth2/v3/certs`;
    }
    putProvider(definition) {
        this.#providers.set(definition.name, definition);
    }
    putServiceAccount(definition) {
        this.#serviceAccounts.set(definition.email, definition);
    }
    /**
     * A new key for a service account, as `gcloud iam service-accounts keys create` writes it. Calls
     * signed with it (a self-signed JWT as the bearer, as Google's client libraries send one) act as
     * that service account.
     */
    createServiceAccountKey(email) {
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 2048 });
        const keyId = (0,external_node_crypto_.randomBytes)(20).toString('hex');
        this.#serviceAccountKeys.set(keyId, { email, publicKey });
        return {
            type: 'service_account',
            project_id: email.split('@')[1].split('.')[0],
            private_key_id: keyId,
            private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            client_email: email,
            client_id: String(BigInt(`0x${keyId.slice(0, 15)}`)),
            token_uri: `${this.url}/token`,
        };
    }
    close() {
        return this.#server.close();
    }
    async #handle(req, res) {
        const url = new URL(req.url ?? '/', this.url);
        const body = await readBody(req);
        if (req.method === 'POST' && url.pathname === '/v1/token')
            return this.#exchange(new URLSearchParams(body), res);
        const impersonation = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url.pathname);
        if (req.method === 'POST' && impersonation)
            return this.#generateAccessToken(decodeURIComponent(impersonation[1]), req, body, res);
        const idToken = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateIdToken$/.exec(url.pathname);
        if (req.method === 'POST' && idToken)
            return this.#generateIdToken(decodeURIComponent(idToken[1]), req, body, res);
        if (req.method === 'GET' && url.pathname === '/oauth2/v1/certs')
            return sendJson(res, 200, { [this.#googleKey.id]: this.#googleKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
        if (req.method === 'GET' && url.pathname === '/oauth2/v3/certs')
            return sendJson(res, 200, { keys: [{ ...(await (0,key_export/* exportJWK */.JU)(this.#googleKey.publicKey)), kid: this.#googleKey.id, alg: 'RS256', use: 'sig' }] });
        if (url.pathname === '/tokeninfo')
            return this.#tokenInfo(bearer(req) ?? url.searchParams.get('access_token') ?? new URLSearchParams(body).get('access_token'), res);
        sendJson(res, 404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
    }
    async #exchange(form, res) {
        const fail = (description, error = 'invalid_grant') => sendJson(res, 400, { error, error_description: description });
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange')
            return fail('Invalid value for "grant_type".', 'invalid_request');
        if (form.get('requested_token_type') !== 'urn:ietf:params:oauth:token-type:access_token')
            return fail('Invalid value for "requested_token_type".', 'invalid_request');
        const subjectTokenType = form.get('subject_token_type');
        if (subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' && subjectTokenType !== 'urn:ietf:params:oauth:token-type:id_token')
            return fail('Invalid value for "subject_token_type".', 'invalid_request');
        const audience = form.get('audience') ?? '';
        const name = audience.replace(/^\/\/iam\.googleapis\.com\//, '');
        const provider = this.#providers.get(name);
        if (!provider)
            return fail(`Invalid value for "audience". This value should be the full resource name of the Identity Provider.`, 'invalid_target');
        let payload;
        try {
            const audiences = provider.allowedAudiences?.length ? provider.allowedAudiences : [`//iam.googleapis.com/${name}`, `https://iam.googleapis.com/${name}`];
            ({ payload } = await (0,verify/* jwtVerify */.V)(form.get('subject_token') ?? '', await this.#jwks(provider.issuer), { issuer: provider.issuer, audience: audiences, currentDate: new Date(this.now()) }));
        }
        catch (error) {
            return fail(error instanceof errors/* JWTExpired */.n ? 'The ID Token has expired.' : error instanceof errors/* JWTClaimValidationFailed */.ie && error.claim === 'aud' ? 'The audience in ID Token does not match the expected audience.' : 'The ID Token could not be verified.');
        }
        // A verified payload is parsed JSON, which CEL reads as Google does: objects as maps, numbers as doubles.
        const assertion = payload;
        const attributes = {};
        for (const [target, expression] of Object.entries(provider.attributeMapping)) {
            const value = compileCel(expression)({ assertion });
            if ((0,esm_error/* isCelError */.Jr)(value))
                return fail(`The attribute mapping could not be evaluated: ${value.message}.`);
            if (typeof value === 'string')
                attributes[target] = value;
        }
        if (!attributes['google.subject'])
            return fail('The mapped attribute google.subject is empty.');
        if (provider.attributeCondition !== undefined) {
            const variables = { assertion, google: mappedUnder('google.', attributes), attribute: mappedUnder('attribute.', attributes) };
            if (!conditionAdmits(compileCel(provider.attributeCondition), variables))
                return fail('The given credential is rejected by the attribute condition.', 'unauthorized_client');
        }
        const token = `ya29.federated.${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
        this.#federated.set(token, { pool: (0,gcp_export/* poolOf */.e9)(name), subject: attributes['google.subject'], attributes, expiresAt: this.now() + FEDERATED_TOKEN_SECONDS * 1000 });
        this.accessTokensIssued.push(token);
        sendJson(res, 200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: FEDERATED_TOKEN_SECONDS });
    }
    /** Whether the bearer may act as the service account; when not, the error is sent. */
    async #mayActAs(email, permission, req, res) {
        const error = (code, status, message) => sendJson(res, code, { error: { code, message, status } });
        const caller = await this.#caller(bearer(req) ?? '');
        if (!caller) {
            error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
            return false;
        }
        const account = this.#serviceAccounts.get(email);
        // A federated identity needs workloadIdentityUser on the account; another service account, serviceAccountTokenCreator.
        const allowed = typeof caller === 'string' ? (account?.tokenCreators ?? []).includes(`serviceAccount:${caller}`) : account?.impersonators.some((member) => admits(member, caller));
        if (!allowed)
            error(403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`);
        return allowed === true;
    }
    /** An ID token signed with Google's key, for the audience asked: as Cloud Run and IAP receive them. */
    async #generateIdToken(email, req, body, res) {
        if (!(await this.#mayActAs(email, 'iam.serviceAccounts.getOpenIdToken', req, res)))
            return;
        let request;
        try {
            request = JSON.parse(body);
        }
        catch {
            return sendJson(res, 400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } });
        }
        if (typeof request.audience !== 'string' || request.audience === '')
            return sendJson(res, 400, { error: { code: 400, message: 'Audience required.', status: 'INVALID_ARGUMENT' } });
        // A service account's unique id: a number, stable for its email.
        const uniqueId = BigInt(`0x${(0,external_node_crypto_.createHash)('sha256').update(email).digest('hex').slice(0, 15)}`).toString();
        const iat = Math.floor(this.now() / 1000);
        const token = await new sign/* SignJWT */.P({ azp: uniqueId, ...(request.includeEmail === true && { email, email_verified: true }) })
            .setProtectedHeader({ alg: 'RS256', kid: this.#googleKey.id, typ: 'JWT' })
            .setIssuer(GOOGLE_ID_TOKEN_ISSUER)
            .setSubject(uniqueId)
            .setAudience(request.audience)
            .setIssuedAt(iat)
            .setExpirationTime(iat + ID_TOKEN_SECONDS)
            .sign(this.#googleKey.privateKey);
        this.accessTokensIssued.push(token);
        sendJson(res, 200, { token });
    }
    async #generateAccessToken(email, req, body, res) {
        const error = (code, status, message) => sendJson(res, code, { error: { code, message, status } });
        if (!(await this.#mayActAs(email, 'iam.serviceAccounts.getAccessToken', req, res)))
            return;
        let request;
        try {
            request = JSON.parse(body);
        }
        catch {
            return error(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
        }
        const scopes = Array.isArray(request.scope) ? request.scope.filter((s) => typeof s === 'string') : [];
        if (scopes.length === 0)
            return error(400, 'INVALID_ARGUMENT', 'Scope required.');
        const lifetime = request.lifetime === undefined ? '3600s' : String(request.lifetime);
        const seconds = /^(\d+)(\.\d+)?s$/.exec(lifetime) ? Number.parseFloat(lifetime) : Number.NaN;
        if (!(seconds > 0) || seconds > MAX_LIFETIME_SECONDS) {
            return error(400, 'INVALID_ARGUMENT', `The lifetime "${lifetime}" is outside the allowed range of 1 to ${MAX_LIFETIME_SECONDS} seconds.`);
        }
        const token = `ya29.c.${(0,external_node_crypto_.randomBytes)(32).toString('base64url')}`;
        const expiresAt = this.now() + seconds * 1000;
        this.#accessTokens.set(token, { serviceAccount: email, scopes, expiresAt });
        this.accessTokensIssued.push(token);
        sendJson(res, 200, { accessToken: token, expireTime: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    }
    /**
     * Who a bearer speaks for: a federated token this STS issued, or the email of the service account
     * whose registered key signed a self-signed JWT (iss and sub its email, scoped for IAM, unexpired).
     */
    async #caller(token) {
        const federated = this.#federated.get(token);
        if (federated)
            return federated.expiresAt > this.now() ? federated : undefined;
        try {
            const key = this.#serviceAccountKeys.get((0,decode_protected_header/* decodeProtectedHeader */._)(token).kid ?? '');
            if (!key)
                return undefined;
            const { payload } = await (0,verify/* jwtVerify */.V)(token, key.publicKey, { algorithms: ['RS256'], issuer: key.email, subject: key.email, currentDate: new Date(this.now()), requiredClaims: ['exp', 'iat'] });
            const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
            return scopes.some((scope) => IAM_CREDENTIALS_SCOPES.includes(scope)) ? key.email : undefined;
        }
        catch {
            return undefined;
        }
    }
    #tokenInfo(token, res) {
        const info = token ? this.#accessTokens.get(token) : undefined;
        if (!info || info.expiresAt <= this.now())
            return sendJson(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
        sendJson(res, 200, { azp: info.serviceAccount, email: info.serviceAccount, scope: info.scopes.join(' '), expires_in: String(Math.floor((info.expiresAt - this.now()) / 1000)), access_type: 'online' });
    }
    async #jwks(issuer) {
        let keys = this.#keys.get(issuer);
        if (!keys) {
            const document = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json());
            keys = (0,remote/* createRemoteJWKSet */.RD)(new URL(document.jwks_uri), { cooldownDuration: 0 });
            this.#keys.set(issuer, keys);
        }
        return keys;
    }
}
function bearer(req) {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return match?.[1];
}
/** The mapped attributes a condition reads under one name: `attribute.repository` as `repository` of `attribute`. */
function mappedUnder(prefix, attributes) {
    return Object.fromEntries(Object.entries(attributes).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
}
/** Whether an IAM member names the federated identity: its subject, one of its attributes, or its whole pool. */
function admits(member, token) {
    const base = `//iam.googleapis.com/${token.pool}`;
    if (member === `principal:${base}/subject/${token.subject}`)
        return true;
    if (member === `principalSet:${base}/*`)
        return true;
    const attribute = new RegExp(`^principalSet:${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/attribute\\.([^/]+)/(.+)$`).exec(member);
    return attribute !== null && token.attributes[`attribute.${attribute[1]}`] === attribute[2];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/sandbox/runner/simulated-runner.ts







const DEFAULT_STEP_TIMEOUT_MS = 60_000;
/**
 * Runs bundled action entry points the way a GitHub runner does: inputs as INPUT_* variables with
 * action.yml's defaults, fresh GITHUB_ENV/OUTPUT/STATE/STEP_SUMMARY files per step, the job
 * environment carried from step to step, and state handed from a main step to its post step.
 */
class SimulatedRunner {
    root;
    workspace;
    tempDir;
    /** Variables exported by earlier steps, as later steps receive them. */
    jobEnv = new Map();
    steps = [];
    #options;
    /** The job's environment, as every step starts with it. */
    get env() {
        return this.#options.env;
    }
    #lastMain;
    // Each main step's INPUT_* variables, which its post step receives too.
    #inputsOf = new WeakMap();
    #stepCount = 0;
    constructor(root, options) {
        this.root = root;
        this.workspace = join(root, 'workspace');
        this.tempDir = join(root, 'runner-temp');
        this.#options = options;
    }
    static async create(options) {
        const runner = new SimulatedRunner(await mkdtemp(join(tmpdir(), 'ci-oidc-broker-runner-')), options);
        await mkdir(runner.workspace);
        await mkdir(runner.tempDir);
        await mkdir(join(runner.root, 'files'));
        return runner;
    }
    /** Runs a main entry point with the given inputs; its saved state is kept for `runPost`. */
    async runMain(script, inputs = {}) {
        const inputEnv = await this.#inputEnv(inputs);
        const result = await this.#runStep(nodeScript(script), inputEnv);
        this.#inputsOf.set(result, inputEnv);
        this.#lastMain = result;
        return result;
    }
    /**
     * Runs a post entry point with the inputs and the state of its main step: the last main step's, or
     * the given one's when a job used the action more than once (the runner keeps each step's apart).
     */
    async runPost(script, main = this.#lastMain) {
        const stateEnv = Object.fromEntries([...(main?.state ?? [])].map(([name, value]) => [`STATE_${name}`, value]));
        return this.#runStep(nodeScript(script), { ...(main && this.#inputsOf.get(main)), ...stateEnv });
    }
    /**
     * Runs a `run:` step: the command in bash, in the workspace, with the job's environment and the
     * runner's files (so `>> "$GITHUB_ENV"` works as in a workflow).
     */
    runShell(command) {
        return this.#runStep({ file: 'bash', args: ['-e', '-c', command] }, {});
    }
    /** Every file under the workspace and RUNNER_TEMP, for checks that nothing secret was left behind. */
    async leftoverFiles() {
        const found = [];
        for (const dir of [this.workspace, this.tempDir]) {
            for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
                if (!entry.isFile())
                    continue;
                const path = join(entry.parentPath, entry.name);
                found.push({ path: relative(this.root, path), content: await readFile(path, 'utf8') });
            }
        }
        return found;
    }
    dispose() {
        return rm(this.root, { recursive: true, force: true });
    }
    async #inputEnv(inputs) {
        const yml = this.#options.actionYml ?? /* unused asset import */ undefined.pathname;
        const declared = parseYaml(await readFile(yml, 'utf8')).inputs ?? {};
        const env = {};
        for (const [name, spec] of Object.entries(declared)) {
            if (spec.default !== undefined)
                env[inputVariable(name)] = this.#expand(String(spec.default));
        }
        for (const [name, value] of Object.entries(inputs))
            env[inputVariable(name)] = value;
        return env;
    }
    /** A default such as `${{ github.token }}`, as the runner expands it: the job's token, or nothing. */
    #expand(value) {
        return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expression) => (expression === 'github.token' ? (this.#options.env.GITHUB_TOKEN ?? '') : ''));
    }
    async #runStep(program, stepEnv) {
        const stepDir = join(this.root, 'files', `step-${++this.#stepCount}`);
        await mkdir(stepDir);
        const paths = {
            env: join(stepDir, 'env'),
            output: join(stepDir, 'output'),
            state: join(stepDir, 'state'),
            summary: join(stepDir, 'summary.md'),
        };
        await Promise.all(Object.values(paths).map((path) => writeFile(path, '')));
        const env = {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? this.root,
            ...this.#options.env,
            ...Object.fromEntries(this.jobEnv),
            ...stepEnv,
            GITHUB_WORKSPACE: this.workspace,
            RUNNER_TEMP: this.tempDir,
            GITHUB_ENV: paths.env,
            GITHUB_OUTPUT: paths.output,
            GITHUB_STATE: paths.state,
            GITHUB_STEP_SUMMARY: paths.summary,
        };
        const startedAt = Date.now();
        const { exitCode, stdout, stderr, lines } = await runProcess(program, env, this.workspace, this.#options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
        const files = {
            env: await readFile(paths.env, 'utf8'),
            output: await readFile(paths.output, 'utf8'),
            state: await readFile(paths.state, 'utf8'),
        };
        for (const [name, value] of parseFileCommands(files.env))
            this.jobEnv.set(name, value);
        const { log, commands } = renderLog(lines);
        const result = {
            exitCode,
            stdout,
            stderr,
            log,
            commands,
            annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
            outputs: parseFileCommands(files.output),
            state: parseFileCommands(files.state),
            files,
            summary: await readFile(paths.summary, 'utf8'),
            startedAt,
            endedAt: Date.now(),
        };
        this.steps.push(result);
        return result;
    }
}
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
// Scripts are named from where the caller runs, not from the workspace the step runs in.
function nodeScript(script) {
    return { file: process.execPath, args: [resolvePath(script)] };
}
/**
 * Reads the step's lines as the runner does: workflow commands on stdout and stderr alike, masks applied
 * to the lines after their registration, groups shown open.
 */
function renderLog(lines) {
    const masks = [];
    const log = [];
    const commands = [];
    const show = (text) => void log.push(masks.reduce((shown, secret) => (secret ? shown.split(secret).join('***') : shown), text));
    let indent = '';
    for (const line of lines) {
        const command = parseWorkflowCommand(line);
        if (command?.command === 'add-mask') {
            masks.push(command.message);
            continue;
        }
        if (command)
            commands.push(command);
        if (command?.command === 'group') {
            show(`▼ ${command.message}`);
            indent = '  ';
        }
        else if (command?.command === 'endgroup') {
            indent = '';
        }
        else {
            show(indent + (command ? `${command.command}: ${command.message}` : line));
        }
    }
    return { log, commands };
}
/** Runs the step's process; `lines` holds stdout's and stderr's lines in the order they arrived. */
function runProcess(program, env, cwd, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = spawn(program.file, program.args, { env, cwd, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
        const text = { stdout: '', stderr: '' };
        const partial = { stdout: '', stderr: '' };
        const lines = [];
        const take = (stream) => (chunk) => {
            text[stream] += chunk;
            const complete = (partial[stream] + chunk).split(/\r?\n/);
            partial[stream] = complete.pop() ?? '';
            lines.push(...complete);
        };
        child.stdout.setEncoding('utf8').on('data', take('stdout'));
        child.stderr.setEncoding('utf8').on('data', take('stderr'));
        child.once('error', reject);
        child.once('close', (code, signal) => {
            for (const rest of [partial.stdout, partial.stderr])
                if (rest)
                    lines.push(rest);
            resolve({ exitCode: code ?? (signal ? 128 : 1), ...text, lines });
        });
    });
}

;// CONCATENATED MODULE: ./src/sandbox/index.ts
// The sandbox: a local OIDC issuer shaped like GitHub Actions', an AWS STS/IAM emulator and Google's
// STS and IAM Credentials emulators that trust it, on 127.0.0.1. The demo, the tests and users' own
// tests start it from here.


















const SANDBOX_ACCOUNT_ID = '111122223333';
const STS_AUDIENCE = 'sts.amazonaws.com';
const SANDBOX_GCP_PROJECT = 'ci-oidc-broker-sandbox';
const SANDBOX_GCP_PROVIDER = 'projects/123456789012/locations/global/workloadIdentityPools/ci-oidc-broker/providers/github';
const POOL = `//iam.googleapis.com/${(0,gcp_export/* poolOf */.e9)(SANDBOX_GCP_PROVIDER)}`;
const SANDBOX_GCP_SERVICE_ACCOUNT = `deploy@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;
/**
 * A role that trusts the sandbox issuer for one repository's tokens, with `sts.amazonaws.com` as the
 * audience: the trust policy the quick start tells people to write, with the sandbox's provider.
 */
function githubTrustPolicy(provider, subjectPattern) {
    return { Version: '2012-10-17', Statement: [githubTrustStatement(provider, subjectPattern)] };
}
function githubTrustStatement(provider, subjectPattern) {
    return {
        Effect: 'Allow',
        Principal: { Federated: provider.arn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
            StringEquals: { [`${provider.keyPrefix}:aud`]: STS_AUDIENCE },
            StringLike: { [`${provider.keyPrefix}:sub`]: subjectPattern },
        },
    };
}
// ci-deploy's boundary: anything, except editing its own policies (which would undo a revocation).
const DEFAULT_MANAGED_POLICIES = {
    'ci-deploy-boundary': {
        Version: '2012-10-17',
        Statement: [
            { Effect: 'Allow', Action: '*', Resource: '*' },
            { Effect: 'Deny', Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` },
        ],
    },
};
const BROKER_ROLE = 'ci-oidc-broker';
const BROKER_ROLE_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${BROKER_ROLE}`;
const BROKER_SERVICE_ACCOUNT = `ci-oidc-broker@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;
/**
 * The statement `policy export --aws-broker-trust` prints for a target role: the broker's role alone may
 * assume it, tag the session and set its source identity, and only for sessions tagged with the repository.
 */
function brokerTrustStatement(repositoryId) {
    return {
        Effect: 'Allow',
        Principal: { AWS: BROKER_ROLE_ARN },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Condition: { StringEquals: { 'aws:RequestTag/repository_id': repositoryId }, StringLike: { 'sts:SourceIdentity': `${repositoryId}@*` } },
    };
}
// The broker's own identity: it assumes the roles it mints for, and may deny their sessions, nothing else.
function brokerRole() {
    return {
        name: BROKER_ROLE,
        trustPolicy: { Version: '2012-10-17', Statement: [] },
        permissions: { revoke: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...session_denial/* REVOKER_ACTIONS */.Rt], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` }] } },
    };
}
function defaultRoles(provider, broker) {
    const readOwnRole = (name) => ({
        'read-own-role': {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${name}` }],
        },
    });
    return [
        {
            name: 'ci-deploy',
            trustPolicy: { Version: '2012-10-17', Statement: [githubTrustStatement(provider, 'repo:octo-org/app:*'), ...(broker ? [brokerTrustStatement(broker.repositoryId)] : [])] },
            permissions: readOwnRole('ci-deploy'),
            maxSessionDuration: 3600,
            permissionsBoundary: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:policy/ci-deploy-boundary`,
        },
        // The post step assumes it to deny one ci-deploy session; it may do that and nothing else.
        {
            name: 'ci-revoker',
            trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
            permissions: {
                'deny-ci-deploy-sessions': {
                    Version: '2012-10-17',
                    Statement: [{ Effect: 'Allow', Action: [...session_denial/* REVOKER_ACTIONS */.Rt], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` }],
                },
            },
        },
        { name: 'other-repo-only', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/other:*'), permissions: readOwnRole('other-repo-only') },
        ...(broker ? [brokerRole()] : []),
    ];
}
async function startSandbox(options = {}) {
    // A sandbox that fails half-way (a bad roles file, a refused role) closes what it started.
    const started = [];
    const track = (server) => (started.push(server), server);
    try {
        return await buildSandbox(options, track);
    }
    catch (error) {
        await Promise.allSettled(started.map((server) => server.close()));
        throw error;
    }
}
async function buildSandbox(options, track) {
    const issuer = track(await OidcIssuer.start({ job: options.job, tokenLifetimeSeconds: options.tokenLifetimeSeconds }));
    const keyPrefix = (0,oidc_provider/* oidcProviderKeyPrefix */.k)(issuer.url);
    const file = options.awsConfigFile ? await readAwsSandboxFile(options.awsConfigFile, { provider: keyPrefix, account: SANDBOX_ACCOUNT_ID }) : undefined;
    const aws = track(await AwsEmulator.start({ accountId: SANDBOX_ACCOUNT_ID, managedPolicies: file?.managedPolicies ?? { ...DEFAULT_MANAGED_POLICIES, ...options.managedPolicies } }));
    const github = track(await GitHubContentsApi.start());
    const google = track(await GoogleCloudEmulator.start());
    const gcpProvider = {
        name: SANDBOX_GCP_PROVIDER,
        issuer: issuer.url,
        attributeMapping: {
            'google.subject': 'assertion.sub',
            'attribute.repository': 'assertion.repository',
            'attribute.repository_id': 'assertion.repository_id',
            'attribute.repository_owner_id': 'assertion.repository_owner_id',
        },
        attributeCondition: options.gcpAttributeCondition ?? `assertion.repository_owner_id == '${issuer.job.repositoryOwnerId}'`,
    };
    google.putProvider(gcpProvider);
    google.putServiceAccount({
        email: SANDBOX_GCP_SERVICE_ACCOUNT,
        impersonators: [`principalSet:${POOL}/attribute.repository_id/${issuer.job.repositoryId}`],
        ...(options.broker && { tokenCreators: [`serviceAccount:${BROKER_SERVICE_ACCOUNT}`] }),
    });
    const provider = aws.addOidcProvider(issuer.url, [STS_AUDIENCE]);
    const roles = file?.roles ?? (typeof options.roles === 'function' ? options.roles(provider) : (options.roles ?? defaultRoles(provider, options.broker ? { repositoryId: issuer.job.repositoryId } : undefined)));
    for (const role of roles) {
        try {
            aws.putRole(role);
        }
        catch (error) {
            // A role from the file is the user's input: say what is wrong with it, in terms of the file.
            if (!options.awsConfigFile)
                throw error;
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${options.awsConfigFile}: ${error.message}`, {
                hint: 'maxSessionDuration is 3600 to 43200 seconds; a permissionsBoundary is the ARN of one of the file’s managedPolicies, arn:aws:iam::{{account}}:policy/NAME.',
            });
        }
    }
    const broker = options.broker ? track(await startBroker({ issuer, aws, google }, options.broker === true ? {} : options.broker)) : undefined;
    let jobs = 0;
    return {
        issuer,
        aws,
        github,
        google,
        gcpProvider,
        accountId: SANDBOX_ACCOUNT_ID,
        runnerEnv: (extra = {}) => ({
            // Each job's own request URL, so that the issuer can tell jobs that run at once apart.
            ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer.tokenRequestUrl}&job=${++jobs}`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.tokenRequestBearer,
            GITHUB_ACTIONS: 'true',
            GITHUB_REPOSITORY: issuer.job.repository,
            GITHUB_REPOSITORY_ID: issuer.job.repositoryId,
            GITHUB_REPOSITORY_OWNER: issuer.job.repositoryOwner,
            GITHUB_RUN_ID: issuer.job.runId,
            GITHUB_RUN_ATTEMPT: issuer.job.runAttempt,
            GITHUB_JOB: 'deploy',
            GITHUB_REF: issuer.job.ref,
            GITHUB_SHA: issuer.job.sha,
            GITHUB_EVENT_NAME: issuer.job.eventName,
            GITHUB_WORKFLOW: issuer.job.workflow,
            RUNNER_ENVIRONMENT: issuer.job.runnerEnvironment,
            // The SDK's standard endpoint settings; the action leaves the endpoint to them.
            AWS_ENDPOINT_URL_STS: aws.url,
            AWS_ENDPOINT_URL_IAM: aws.url,
            GITHUB_API_URL: github.url,
            ...extra,
        }),
        broker,
        gcpInputs: () => ({
            workload_identity_provider: SANDBOX_GCP_PROVIDER,
            service_account: SANDBOX_GCP_SERVICE_ACCOUNT,
            project_id: SANDBOX_GCP_PROJECT,
            'gcp-token-url': google.tokenUrl,
            'gcp-iam-credentials-url': google.url,
        }),
        describe: () => [
            `OIDC issuer              ${issuer.url}  (discovery: ${issuer.url}/.well-known/openid-configuration; keys: ${issuer.jwksUrl})`,
            `runner token URL         ${issuer.tokenRequestUrl}`,
            `AWS STS and IAM          ${aws.url}  (account ${SANDBOX_ACCOUNT_ID}; IAM OIDC provider ${provider.arn})`,
            `roles                    ${roles.map((r) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${r.name}`).join(', ')}`,
            `trust policy keys        ${keyPrefix}:sub, ${keyPrefix}:aud`,
            `Google STS token URL     ${google.tokenUrl}  (--gcp-token-url; the gcp-token-url input)`,
            `Google IAM Credentials   ${google.url}  (--gcp-iam-credentials-url; the gcp-iam-credentials-url input)`,
            `Google provider          ${SANDBOX_GCP_PROVIDER}  (service account ${SANDBOX_GCP_SERVICE_ACCOUNT})`,
            `GitHub contents API      ${github.url}  (GITHUB_API_URL, for central policies)`,
            ...(broker ? [`broker service           ${broker.url}  (the broker-url input, --broker; config ${broker.configFile}; policy ${broker.policyFile})`] : []),
        ].join('\n'),
        secretsIssued: () => ({
            credentials: [...aws.sessions.flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]), ...google.accessTokensIssued],
            neverExported: [...issuer.minted, issuer.tokenRequestBearer, github.token, ...(broker?.secrets ?? [])],
            requestedTokens: [...issuer.servedToRunner],
        }),
        close: async () => {
            // The broker first: it may still be revoking through the emulators.
            await broker?.close();
            await Promise.all([issuer.close(), aws.close(), github.close(), google.close()]);
        },
    };
}
const OPERATOR_CLAIMS = { repository: 'octo-org/incident-response', ref: 'refs/heads/main' };
async function startBroker({ issuer, aws, google }, options) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-oidc-broker-sandbox-'));
    try {
        // The audience is the broker's URL, as in production: the port is chosen before the configuration is written.
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const policyFile = options.policyFile ? (0,external_node_path_.resolve)(options.policyFile) : (0,external_node_path_.join)(dir, 'policy.yml');
        if (!options.policyFile) {
            await (0,promises_.writeFile)(policyFile, `version: 1
issuers: ["${issuer.url}"]
rules:
  - name: deploy-from-main
    match: {repository_id: "${issuer.job.repositoryId}", ref: refs/heads/main}
    grant:
      aws: {roles: ["arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy"]}
      gcp: {workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}], max-lifetime: 10m}
operators:
  - name: incident-response
    match: {repository: ${OPERATOR_CLAIMS.repository}, ref: ${OPERATOR_CLAIMS.ref}}
`);
        }
        // The broker's Google identity: a key for its own service account, which the sandbox's account names a token creator.
        const key = google.createServiceAccountKey(BROKER_SERVICE_ACCOUNT);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'broker-key.json'), JSON.stringify(key), { mode: 0o600 });
        const configFile = (0,external_node_path_.join)(dir, 'broker.yml');
        await (0,promises_.writeFile)(configFile, `audience: ${url}
issuers: ["${issuer.url}"]
listen: {host: 127.0.0.1, port: ${port}}
policy: {file: "${policyFile}"}
aws: {region: us-east-1, endpoint: "${aws.url}"}
gcp: {iam-credentials-url: "${google.url}", credentials-file: broker-key.json}
store: {sqlite: broker.db, durability: process}
behind-proxy: true
`);
        const credentials = aws.issueRoleCredentials(BROKER_ROLE);
        const { startBroker: start } = await Promise.all(/* import() */[__webpack_require__.e(856), __webpack_require__.e(830), __webpack_require__.e(655), __webpack_require__.e(485), __webpack_require__.e(127), __webpack_require__.e(540), __webpack_require__.e(665), __webpack_require__.e(275)]).then(__webpack_require__.bind(__webpack_require__, 48715));
        const running = await start(configFile, { awsCredentials: credentials, ...(options.logStream && { logStream: options.logStream }) });
        return {
            url: running.url,
            audience: url,
            policyFile,
            configFile,
            operatorClaims: { ...OPERATOR_CLAIMS },
            secrets: [credentials.secretAccessKey, credentials.sessionToken, key.private_key],
            close: async () => {
                await running.close();
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            },
        };
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
}
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}


/***/ }),

/***/ 23268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony export commandLine */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25725);
// Credentials that renew themselves hand a tool a command line that runs this project's CLI, and each
// tool splits that line its own way. One line must read back as the same arguments in every reader of
// its kind, so each argument is written for all of them, and one that some reader would cut, expand or
// mangle is refused rather than written.

function commandLine(reader, args, platform = process.platform) {
    return args.map((arg) => (reader === 'google-executable' ? googleWord(arg) : awsWord(arg, platform === 'win32'))).join(' ');
}
function awsWord(arg, windows) {
    // An INI reader ends the value at a line break, and the JavaScript SDK's also at " ;" or " #". On
    // Windows, cmd.exe expands %NAME% even inside quotes, and a backslash before the closing quote would
    // escape it for both the C runtime and botocore.
    if (/[\r\n]|\s[;#]/.test(arg) || (windows && /["%]|\\$/.test(arg))) {
        throw refused(arg, 'a credential_process line', 'Move the runner’s work and temp folders to paths without line breaks, " ;", " #"' + (windows ? ', quotes, % or a trailing backslash.' : '.'));
    }
    // Single quotes mean the same to a POSIX shell and to shlex, and double quotes to cmd.exe and the C runtime.
    return windows ? `"${arg}"` : `'${arg.replaceAll("'", `'\\''`)}'`;
}
function googleWord(arg) {
    // No quoting survives both readers: the Python one would pass the quotes on as part of the path.
    if (/[\s"]/.test(arg)) {
        throw refused(arg, 'the command of a Google credentials file', 'Run the job where RUNNER_TEMP, Node and the action’s folder have no white space or double quote in their paths.');
    }
    return arg;
}
function refused(arg, line, hint) {
    return new BrokerError(ErrorCode.InputInvalid, `The path ${JSON.stringify(arg)} cannot be written into ${line}.`, { hint });
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
