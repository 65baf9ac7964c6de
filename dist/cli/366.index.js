export const id = 366;
export const ids = [366];
export const modules = {

/***/ 5092:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.V = void 0;
var serde_1 = __webpack_require__(2430);
Object.defineProperty(exports, "V", ({ enumerable: true, get: function () { return serde_1.Hash; } }));


/***/ }),

/***/ 2356:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = exports.Kd = __webpack_unused_export__ = __webpack_unused_export__ = void 0;
var protocols_1 = __webpack_require__(3422);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.Field; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.Fields; } });
Object.defineProperty(exports, "Kd", ({ enumerable: true, get: function () { return protocols_1.HttpRequest; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.HttpResponse; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.isValidHostname; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.getHttpHandlerExtensionConfiguration; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.resolveHttpHandlerRuntimeConfig; } });


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

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ poolOf),
/* harmony export */   uZ: () => (/* binding */ gcpEnvironment)
/* harmony export */ });
/* unused harmony exports writeGcpCredentialFiles, gcpSecretValues, gcpOutputs, gcpCredentialRecord, findGcpCredentialDirectories */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5725);




const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';
/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is a file holding the job's OIDC token.
 *
 * Why this form rather than an access-token file: ADC has no file type for a bare access token, so an
 * access-token file would serve gcloud alone. The only bearer written is the OIDC token, which
 * expires minutes after it was minted, long before the job's files could outlive the job; the tools
 * exchange it themselves, under the same provider, attribute condition and service account that the
 * policy granted, for tokens that live at most the granted lifetime. Both files are mode 0600 in a
 * 0700 folder under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick
 * files up.
 */
async function writeGcpCredentialFiles(request) {
    const base = await realpath(request.directory).catch(() => {
        throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
            hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
        });
    });
    if (request.workspace !== undefined) {
        const inside = relative(await realpath(request.workspace).catch(() => request.workspace), base);
        if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
            throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
                hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
            });
        }
    }
    const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
    await chmod(directory, 0o700);
    const tokenPath = join(directory, 'oidc-token');
    const configPath = join(directory, 'credentials.json');
    const config = { ...externalAccountConfig(request), credential_source: { file: tokenPath, format: { type: 'text' } } };
    await writeFile(tokenPath, request.subjectToken, { mode: 0o600, flag: 'wx' });
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { directory, configPath, tokenPath };
}
/** The variables Google's libraries and gcloud read: credentials, and the project when one is known. */
function gcpEnvironment(files, projectId) {
    return {
        ...(files && { GOOGLE_APPLICATION_CREDENTIALS: files.configPath, CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath }),
        ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
    };
}
/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
function gcpSecretValues(session) {
    return [session.accessToken];
}
/** Step outputs: the access token (masked) for tools that take a bearer, and when it expires. */
function gcpOutputs(session) {
    return { 'gcp-access-token': session.accessToken, 'gcp-access-token-expiration': session.expiration.toISOString() };
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

/***/ 4366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startSandbox: () => (/* binding */ startSandbox)
});

// UNUSED EXPORTS: AwsEmulator, GitHubContentsApi, GoogleCloudEmulator, OidcIssuer, SANDBOX_ACCOUNT_ID, SANDBOX_GCP_PROJECT, SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, SimulatedRunner, githubTrustPolicy

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jws_algorithms.js
var jws_algorithms = __webpack_require__(8109);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __webpack_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __webpack_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __webpack_require__(7859);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jws_sign.js






async function createSignature(input, key, rejectUnencoded) {
  let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
  if (protectedHeader !== void 0) {
    const normalized = (0,validate/* serializeJoseHeader */.ji)(errors/* JWSInvalid */.Ye, protectedHeader);
    protectedHeader = normalized[0], encodedProtectedHeader = (0,base64url/* encode */.l)(normalized[1]);
  }
  if (unprotectedHeader !== void 0 && (unprotectedHeader = (0,validate/* serializeJoseHeader */.ji)(errors/* JWSInvalid */.Ye, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader)
    throw new errors/* JWSInvalid */.Ye("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
  if (!(0,validate/* isDisjoint */.fz)(protectedHeader, unprotectedHeader))
    throw new errors/* JWSInvalid */.Ye("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...unprotectedHeader };
  (0,validate/* validateCritDuplicates */.BU)(errors/* JWSInvalid */.Ye, protectedHeader);
  const b64 = (0,validate/* validateB64 */.J0)(protectedHeader, (0,validate/* validateCrit */.nI)(errors/* JWSInvalid */.Ye, validate/* JWS_RECOGNIZED */.qc, crit, protectedHeader, joseHeader));
  b64 || rejectUnencoded?.();
  const { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new errors/* JWSInvalid */.Ye('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const entry = (0,jws_algorithms/* jwsAlgorithm */.q)(alg);
  let encodedPayload = "", signingPayload = payload, signingInput;
  if (b64) {
    const encodedPayloadCache = input[4];
    encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= (0,base64url/* encode */.l)(payload), signingPayload = encodedPayloadCache[1] ??= (0,buffer_utils/* encode */.lF)(encodedPayload)) : (encodedPayload = (0,base64url/* encode */.l)(payload), signingInput = buffer_utils/* encoder */.Rd.encode(`${encodedProtectedHeader}.${encodedPayload}`));
  }
  signingInput ??= (0,buffer_utils/* concat */.xW)((0,buffer_utils/* encode */.lF)(encodedProtectedHeader), (0,buffer_utils/* encode */.lF)("."), signingPayload);
  const signingKey = await (0,lib_key/* rawKey */.GK)(await (0,lib_key/* prepareKey */.dT)(entry, key, "sign"), entry.subtle, "sign");
  entry.minRsaBits && (0,lib_key/* checkModulusLength */.or)(entry.alg, signingKey);
  const jws = {
    signature: (0,base64url/* encode */.l)(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
    payload: encodedPayload
  };
  return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key, rejectUnencoded) {
  const [jws] = await createSignature([payload, protectedHeader, void 0, crit], key, rejectUnencoded);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jwt_claims_set.js
var jwt_claims_set = __webpack_require__(5526);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js




const SignJWT_base = jwt_claims_set/* JWTClaimsBuilder */.cE;
class SignJWT extends SignJWT_base {
  #protectedHeader;
  setProtectedHeader(protectedHeader) {
    return (0,validate/* assertNotSet */.ac)(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
  }
  async sign(key, options) {
    return createCompactSignature((0,jwt_claims_set/* jwtClaimsSetBytes */._g)(this), this.#protectedHeader, options?.crit, key, () => {
      throw new errors/* JWTInvalid */.Dp("JWTs MUST NOT use unencoded payload");
    });
  }
}


// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
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
                await (0,promises_.setTimeout)(fault.ms);
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
    // Sandbox servers must never keep a test process or the demo alive after close().
    server.keepAliveTimeout = 1000;
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

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
var key_descriptor = __webpack_require__(3035);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_algorithms.js


const wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
], derive = [[], ["deriveBits"]], none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new errors/* JOSENotSupported */.T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = !1) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
const JWE = (0,key_descriptor/* table */.t)({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: !0,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, !0),
  A192GCMKW: aeskw(192, !0),
  A256GCMKW: aeskw(256, !0),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
}), contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = !1) {
  return {
    kty: ["oct"],
    secret: !0,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
const ENC = (0,key_descriptor/* table */.t)({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, !0),
  "A192CBC-HS384": contentEncryption(384, !0),
  "A256CBC-HS512": contentEncryption(512, !0)
});
function unsupported(parameter, name) {
  throw new JOSENotSupported(`Invalid or unsupported "${parameter}" (JWE ${name}) header value`);
}
function jweAlgorithm(alg) {
  return (typeof alg == "string" ? JWE[alg] : void 0) ?? unsupported("alg", "Algorithm");
}
function isJWECEKTransport(algorithm) {
  return algorithm.mode === "key-wrapping" || algorithm.mode === "key-encryption" || algorithm.mode === "key-agreement-with-key-wrapping";
}
function jweEncryption(enc) {
  return (typeof enc == "string" ? ENC[enc] : void 0) ?? unsupported("enc", "Encryption Algorithm");
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key_algorithm.js



const algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? jws_algorithms/* JWS */.p[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js



function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new errors/* JOSENotSupported */.T0("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = (0,lib_key/* validateExtractableOption */.l)(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new errors/* JOSENotSupported */.T0("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? !1, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/export.js



function exportSPKI(key) {
  return exportPublic(key);
}
function exportPKCS8(key) {
  return exportPrivate(key);
}
async function exportJWK(key) {
  if ((0,lib_key/* isKeyObject */.D2)(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: (0,base64url/* encode */.l)(key)
    };
  if (!(0,lib_key/* isCryptoKey */.R7)(key))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}


;// CONCATENATED MODULE: ./src/sandbox/issuer/signing-keys.ts


async function newSigningKey() {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = (0,external_node_crypto_.randomUUID)();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
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
        const token = await new SignJWT(this.payloadFor(options))
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
/** IAM's wildcards: `*` any run of characters, `?` any one. */
function wildcardMatch(pattern, value, ignoreCase = false) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
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
// Negated operators hold when the request lacks the key, as in IAM; the others never do.
const OPERATORS = {
    stringequals: (actual, expected) => actual !== undefined && expected.includes(actual),
    stringnotequals: (actual, expected) => actual === undefined || !expected.includes(actual),
    stringequalsignorecase: (actual, expected) => actual !== undefined && expected.some((e) => e.toLowerCase() === actual.toLowerCase()),
    stringlike: (actual, expected) => actual !== undefined && expected.some((e) => wildcardMatch(e, actual)),
    stringnotlike: (actual, expected) => actual === undefined || !expected.some((e) => wildcardMatch(e, actual)),
    dateequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a === e),
    datenotequals: (actual, expected) => actual === undefined || !anyDate(actual, expected, (a, e) => a === e),
    datelessthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a < e),
    datelessthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a <= e),
    dategreaterthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a > e),
    dategreaterthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a >= e),
};
function operatorNamed(name) {
    return OPERATORS[name.replace(/IfExists$/i, '').toLowerCase()];
}
/** Whether the sandbox can evaluate a condition operator (`StringLike`, `DateLessThanIfExists`…). */
function isKnownConditionOperator(name) {
    return operatorNamed(name) !== undefined;
}
function conditionsHold(conditions, keys) {
    for (const [rawOperator, tests] of Object.entries(conditions ?? {})) {
        const ifExists = /IfExists$/i.test(rawOperator);
        const operator = operatorNamed(rawOperator);
        // An operator the sandbox does not know fails closed, as an unknown operator makes IAM reject the policy.
        if (!operator)
            return false;
        for (const [key, expected] of Object.entries(tests)) {
            const actual = keys.get(key.toLowerCase());
            if (ifExists && actual === undefined)
                continue;
            if (!operator(actual, list(expected)))
                return false;
        }
    }
    return true;
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
    if (context.federatedPrincipal !== undefined) {
        const principal = statement.Principal;
        const federated = principal === '*' ? ['*'] : list(principal?.Federated);
        if (!federated.some((p) => wildcardMatch(p, context.federatedPrincipal)))
            return false;
    }
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
var protocol_http_dist_cjs = __webpack_require__(2356);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
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

// EXTERNAL MODULE: ./src/providers/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(9445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 1 modules
var verify = __webpack_require__(5057);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/remote.js
var remote = __webpack_require__(2952);
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
    #actions = {
        AssumeRoleWithWebIdentity: (params) => this.#assumeRoleWithWebIdentity(params),
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
        const roleArn = required(params, 'RoleArn');
        const sessionName = required(params, 'RoleSessionName');
        const token = required(params, 'WebIdentityToken');
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
        const now = this.now();
        // AWS reports Expiration to the second, so the session starts on a whole second and ends exactly then.
        const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
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
        if (duration > role.maxSessionDuration) {
            throw new AwsApiError('ValidationError', 400, `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
        }
        const session = {
            accessKeyId: `ASIA${randomId(16)}`,
            secretAccessKey: (0,external_node_crypto_.randomBytes)(30).toString('base64'),
            sessionToken: `IQoJb3JpZ2luX2Vj${(0,external_node_crypto_.randomBytes)(96).toString('base64')}`,
            issuedAt,
            expiration: new Date(issuedAt.getTime() + duration * 1000),
            assumedRoleId: `${role.roleId}:${sessionName}`,
            arn: `arn:aws:sts::${this.accountId}:assumed-role/${role.name}/${sessionName}`,
            roleName: role.name,
            sessionName,
            subject,
            sessionPolicies,
        };
        this.sessions.push(session);
        return {
            Credentials: {
                AccessKeyId: session.accessKeyId,
                SecretAccessKey: session.secretAccessKey,
                SessionToken: session.sessionToken,
                Expiration: isoSeconds(session.expiration),
            },
            SubjectFromWebIdentityToken: subject,
            AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
            PackedPolicySize: sessionPolicies.length > 0 ? 6 : undefined,
            Provider: provider.arn,
            Audience: audience,
        };
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
        const role = this.#roles.get(session.roleName);
        const context = {
            action,
            resource,
            keys: {
                'aws:userid': session.assumedRoleId,
                'aws:PrincipalArn': role?.arn,
                'aws:TokenIssueTime': isoSeconds(session.issuedAt),
                'aws:CurrentTime': isoSeconds(this.now()),
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
            return;
        const why = denied ? `with an explicit deny in ${denied.kind}` : `because no ${notAllowed.kind.replace(/^an? /, '')} allows the ${action} action`;
        throw new AwsApiError('AccessDenied', 403, `User: ${session.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`);
    }
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
var session_denial = __webpack_require__(9242);
// EXTERNAL MODULE: ./src/providers/gcp/export.ts
var gcp_export = __webpack_require__(9713);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/sandbox/aws/config-file.ts

async function readAwsSandboxFile(path, placeholders) {
    const text = (await (0,external_node_fs_promises_.readFile)(path, 'utf8')).replaceAll('{{provider}}', placeholders.provider).replaceAll('{{account}}', placeholders.account);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${path}: not valid JSON (${error.message})`);
    }
    if (!Array.isArray(parsed.roles))
        throw new Error(`${path}: expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?}`);
    return parsed;
}

;// CONCATENATED MODULE: ./src/sandbox/github/contents-api.ts


/**
 * The slice of the GitHub REST API that reads a file from a repository at a ref
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref=`), with the raw media type, a bearer token and the
 * real status codes: 401 without a valid token, 404 for a repository, ref or path it cannot see.
 */
class GitHubContentsApi {
    url;
    /** A token that may read every repository here, as a GitHub App installation token would. */
    token = `ghs_${(0,external_node_crypto_.randomBytes)(18).toString('base64url')}`;
    /** Requests served, so tests can see which ref was read. */
    requests = [];
    /** Network and service faults served before a request is handled; GitHub's own error shape is JSON `{ message }`. */
    faults;
    #server;
    // repository -> ref -> path -> text; a repository's default branch is the ref `undefined` reads.
    #files = new Map();
    #defaultBranches = new Map();
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
    }
    close() {
        return this.#server.close();
    }
    #handle(req, res) {
        const url = new URL(req.url ?? '/', this.url);
        const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
        if (req.method !== 'GET' || !match)
            return sendJson(res, 404, { message: 'Not Found', status: '404' });
        if (req.headers.authorization !== `Bearer ${this.token}` && req.headers.authorization !== `token ${this.token}`) {
            return sendJson(res, 401, { message: 'Bad credentials', status: '401' });
        }
        const repository = `${match[1]}/${match[2]}`;
        const path = decodeURIComponent(match[3]);
        const ref = url.searchParams.get('ref') ?? undefined;
        this.requests.push({ repository, path, ref });
        const text = this.#files.get(repository)?.get(ref ?? this.#defaultBranches.get(repository) ?? '')?.get(path);
        if (text === undefined)
            return sendJson(res, 404, { message: 'Not Found', status: '404' });
        // Octokit asks for application/vnd.github.v3.raw; GitHub accepts that and the unversioned name.
        if (!/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''))) {
            return sendJson(res, 200, { type: 'file', encoding: 'base64', path, content: Buffer.from(text).toString('base64') });
        }
        res.writeHead(200, { 'content-type': 'application/vnd.github.raw', 'content-length': Buffer.byteLength(text) }).end(text);
    }
}

;// CONCATENATED MODULE: ./src/sandbox/gcp/cel.ts
class CelError extends Error {
    name = 'CelError';
}
const PUNCTUATION = ['&&', '||', '==', '!=', '!', '(', ')', '[', ']', ',', '.'];
function tokenize(source) {
    const tokens = [];
    let i = 0;
    while (i < source.length) {
        const char = source[i];
        if (/\s/.test(char)) {
            i++;
        }
        else if (char === '"' || char === "'") {
            let value = '';
            i++;
            while (i < source.length && source[i] !== char) {
                if (source[i] === '\\') {
                    const next = source[++i];
                    value += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
                }
                else
                    value += source[i];
                i++;
            }
            if (source[i] !== char)
                throw new CelError('unterminated string literal');
            i++;
            tokens.push({ kind: 'string', value });
        }
        else if (/[A-Za-z_]/.test(char)) {
            const value = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))[0];
            tokens.push({ kind: 'ident', value });
            i += value.length;
        }
        else {
            const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
            if (!punct)
                throw new CelError(`unexpected character ${JSON.stringify(char)} at ${i}`);
            tokens.push({ kind: 'punct', value: punct });
            i += punct.length;
        }
    }
    return tokens;
}
/** Evaluates `source` with the given variables (`assertion`, `attribute`). */
function evaluateCel(source, variables) {
    const tokens = tokenize(source);
    let position = 0;
    const peek = (value) => position < tokens.length && (value === undefined || (tokens[position].kind !== 'string' && tokens[position].value === value));
    const expect = (value) => {
        if (!peek(value))
            throw new CelError(`expected ${value}`);
        position++;
    };
    // CEL's logical operators are commutative over errors: `error || true` is true, `error && false` false.
    const logical = (operator, operand) => {
        let left = operand();
        const decisive = operator === '||';
        while (peek(operator)) {
            position++;
            const [l, r] = [left, operand()];
            left = () => {
                const attempt = (thunk) => {
                    try {
                        return asBool(thunk());
                    }
                    catch (error) {
                        if (error instanceof CelError)
                            return error;
                        throw error;
                    }
                };
                const leftValue = attempt(l);
                if (leftValue === decisive)
                    return decisive;
                const rightValue = attempt(r);
                if (rightValue === decisive)
                    return decisive;
                if (leftValue instanceof CelError)
                    throw leftValue;
                if (rightValue instanceof CelError)
                    throw rightValue;
                return !decisive;
            };
        }
        return left;
    };
    const or = () => logical('||', and);
    const and = () => logical('&&', unary);
    const unary = () => {
        if (peek('!')) {
            position++;
            const operand = unary();
            return () => !asBool(operand());
        }
        return comparison();
    };
    const comparison = () => {
        const left = primary();
        if (peek('==') || peek('!=')) {
            const negate = tokens[position++].value === '!=';
            const right = primary();
            return () => (left() === right()) !== negate;
        }
        if (peek('in')) {
            position++;
            const right = primary();
            return () => {
                const list = right();
                if (!Array.isArray(list))
                    throw new CelError('`in` needs a list');
                return list.includes(left());
            };
        }
        return left;
    };
    const primary = () => {
        const token = tokens[position++];
        if (!token)
            throw new CelError('unexpected end of expression');
        let value;
        if (token.kind === 'string')
            value = () => token.value;
        else if (token.kind === 'punct' && token.value === '(') {
            value = or();
            expect(')');
        }
        else if (token.kind === 'punct' && token.value === '[') {
            const items = [];
            while (!peek(']')) {
                items.push(or());
                if (!peek(']'))
                    expect(',');
            }
            position++;
            value = () => items.map((item) => item());
        }
        else if (token.kind === 'ident' && (token.value === 'true' || token.value === 'false'))
            value = () => token.value === 'true';
        else if (token.kind === 'ident') {
            const name = token.value;
            value = () => {
                if (!(name in variables))
                    throw new CelError(`undeclared reference to ${name}`);
                return variables[name];
            };
        }
        else
            throw new CelError(`unexpected ${token.value}`);
        return postfix(value);
    };
    const postfix = (base) => {
        let value = base;
        for (;;) {
            if (peek('.')) {
                position++;
                const name = tokens[position++];
                if (name?.kind !== 'ident')
                    throw new CelError('expected a field or method name');
                if (peek('(')) {
                    position++;
                    const argument = or();
                    expect(')');
                    const target = value;
                    value = () => callMethod(name.value, asString(target()), asString(argument()));
                }
                else {
                    const target = value;
                    value = () => field(target(), name.value);
                }
            }
            else if (peek('[')) {
                position++;
                const key = or();
                expect(']');
                const target = value;
                value = () => field(target(), asString(key()));
            }
            else
                return value;
        }
    };
    const root = or();
    if (position !== tokens.length)
        throw new CelError(`unexpected ${tokens[position].value}`);
    return root();
}
function field(target, name) {
    if (typeof target !== 'object' || Array.isArray(target) || !Object.hasOwn(target, name) || target[name] === undefined)
        throw new CelError(`no such key: ${name}`);
    return target[name];
}
function callMethod(name, target, argument) {
    switch (name) {
        case 'startsWith':
            return target.startsWith(argument);
        case 'endsWith':
            return target.endsWith(argument);
        case 'contains':
            return target.includes(argument);
        case 'matches':
            return new RegExp(argument, 'u').test(target);
        default:
            throw new CelError(`unknown method ${name}`);
    }
}
function asBool(value) {
    if (typeof value !== 'boolean')
        throw new CelError('expected a boolean');
    return value;
}
function asString(value) {
    if (typeof value !== 'string')
        throw new CelError('expected a string');
    return value;
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
const MAX_LIFETIME_SECONDS = 3600;
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
    /** Every access token issued, so tests can prove that none of them leaked. */
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
    putProvider(definition) {
        this.#providers.set(definition.name, definition);
    }
    putServiceAccount(definition) {
        this.#serviceAccounts.set(definition.email, definition);
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
        const assertion = payload;
        const attributes = {};
        try {
            for (const [target, expression] of Object.entries(provider.attributeMapping)) {
                const value = evaluateCel(expression, { assertion });
                if (typeof value === 'string')
                    attributes[target] = value;
            }
        }
        catch (error) {
            if (!(error instanceof CelError))
                throw error;
            return fail(`The attribute mapping could not be evaluated: ${error.message}.`);
        }
        if (!attributes['google.subject'])
            return fail('The mapped attribute google.subject is empty.');
        if (provider.attributeCondition !== undefined) {
            let admitted = false;
            try {
                admitted = evaluateCel(provider.attributeCondition, { assertion, attribute: attributesOf(attributes) }) === true;
            }
            catch (error) {
                if (!(error instanceof CelError))
                    throw error;
            }
            if (!admitted)
                return fail('The given credential is rejected by the attribute condition.', 'unauthorized_client');
        }
        const token = `ya29.federated.${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
        this.#federated.set(token, { pool: (0,gcp_export/* poolOf */.e9)(name), subject: attributes['google.subject'], attributes, expiresAt: this.now() + FEDERATED_TOKEN_SECONDS * 1000 });
        this.accessTokensIssued.push(token);
        sendJson(res, 200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: FEDERATED_TOKEN_SECONDS });
    }
    #generateAccessToken(email, req, body, res) {
        const error = (code, status, message) => sendJson(res, code, { error: { code, message, status } });
        const federated = this.#federated.get(bearer(req) ?? '');
        if (!federated || federated.expiresAt <= this.now())
            return error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
        const account = this.#serviceAccounts.get(email);
        if (!account || !account.impersonators.some((member) => admits(member, federated))) {
            return error(403, 'PERMISSION_DENIED', `Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`);
        }
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
/** `attribute.repository` is reachable as `attribute.repository` in conditions. */
function attributesOf(attributes) {
    return Object.fromEntries(Object.entries(attributes).filter(([key]) => key.startsWith('attribute.')).map(([key, value]) => [key.slice('attribute.'.length), value]));
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
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
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
        const result = await this.#runStep(script, await this.#inputEnv(inputs));
        this.#lastMain = result;
        return result;
    }
    /**
     * Runs a post entry point with the state its main step saved: the last main step's, or the given
     * one's when a job used the action more than once (the runner keeps each step's state apart).
     */
    async runPost(script, main = this.#lastMain) {
        const stateEnv = Object.fromEntries([...(main?.state ?? [])].map(([name, value]) => [`STATE_${name}`, value]));
        return this.#runStep(script, stateEnv);
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
    async #runStep(script, stepEnv) {
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
        const { exitCode, stdout, stderr } = await runNode(script, env, this.workspace, this.#options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
        const files = {
            env: await readFile(paths.env, 'utf8'),
            output: await readFile(paths.output, 'utf8'),
            state: await readFile(paths.state, 'utf8'),
        };
        for (const [name, value] of parseFileCommands(files.env))
            this.jobEnv.set(name, value);
        const { log, commands } = renderLog(stdout);
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
/** Applies the masks a step registers to the lines printed after the registration, as the runner does. */
function renderLog(stdout) {
    const masks = [];
    const log = [];
    const commands = [];
    for (const line of stdout.split(/\r?\n/)) {
        const command = parseWorkflowCommand(line);
        if (command?.command === 'add-mask') {
            masks.push(command.message);
            continue;
        }
        if (command)
            commands.push(command);
        const shown = command ? `${command.command}: ${command.message}` : line;
        log.push(masks.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), shown));
    }
    return { log, commands };
}
function runNode(script, env, cwd, timeoutMs) {
    return new Promise((resolve, reject) => {
        // Scripts are named from where the caller runs, not from the workspace the step runs in.
        const child = spawn(process.execPath, [resolvePath(script)], { env, cwd, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
        child.once('error', reject);
        child.once('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
    });
}

;// CONCATENATED MODULE: ./src/sandbox/index.ts













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
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Effect: 'Allow',
                Principal: { Federated: provider.arn },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                    StringEquals: { [`${provider.keyPrefix}:aud`]: STS_AUDIENCE },
                    StringLike: { [`${provider.keyPrefix}:sub`]: subjectPattern },
                },
            },
        ],
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
function defaultRoles(provider) {
    const readOwnRole = (name) => ({
        'read-own-role': {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${name}` }],
        },
    });
    return [
        {
            name: 'ci-deploy',
            trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
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
    const issuer = track(await OidcIssuer.start({ job: options.job }));
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
    google.putServiceAccount({ email: SANDBOX_GCP_SERVICE_ACCOUNT, impersonators: [`principalSet:${POOL}/attribute.repository_id/${issuer.job.repositoryId}`] });
    const provider = aws.addOidcProvider(issuer.url, [STS_AUDIENCE]);
    const roles = file?.roles ?? (typeof options.roles === 'function' ? options.roles(provider) : (options.roles ?? defaultRoles(provider)));
    for (const role of roles)
        aws.putRole(role);
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
        gcpInputs: () => ({
            'gcp-workload-identity-provider': SANDBOX_GCP_PROVIDER,
            'gcp-service-account': SANDBOX_GCP_SERVICE_ACCOUNT,
            'gcp-project-id': SANDBOX_GCP_PROJECT,
            'gcp-token-url': google.tokenUrl,
            'gcp-iam-credentials-url': google.url,
        }),
        describe: () => [
            `OIDC issuer        ${issuer.url}  (discovery: ${issuer.url}/.well-known/openid-configuration)`,
            `runner token URL   ${issuer.tokenRequestUrl}`,
            `AWS STS + IAM      ${aws.url}  (account ${SANDBOX_ACCOUNT_ID}; IAM OIDC provider ${provider.arn})`,
            `roles              ${roles.map((r) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${r.name}`).join(', ')}`,
            `trust policy keys  ${keyPrefix}:sub, ${keyPrefix}:aud`,
            `GitHub API         ${github.url}  (repository contents, for central policies)`,
            `Google STS + IAM   ${google.url}  (provider ${SANDBOX_GCP_PROVIDER}; service account ${SANDBOX_GCP_SERVICE_ACCOUNT})`,
        ].join('\n'),
        secretsIssued: () => ({
            credentials: [...aws.sessions.flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]), ...google.accessTokensIssued],
            neverExported: [...issuer.minted, issuer.tokenRequestBearer, github.token],
            requestedTokens: [...issuer.servedToRunner],
        }),
        close: async () => {
            await Promise.all([issuer.close(), aws.close(), github.close(), google.close()]);
        },
    };
}


/***/ })

};
