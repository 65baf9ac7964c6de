export const id = 125;
export const ids = [125];
export const modules = {

/***/ 83125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renewAwsSession: () => (/* binding */ renewAwsSession)
});

// UNUSED EXPORTS: DEFAULT_AWS_PROFILE, closeAwsRenewals, prepareRenewingProfile, writeRenewingProfile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/authorize.ts + 1 modules
var authorize = __webpack_require__(33835);
// EXTERNAL MODULE: ./src/core/issue.ts
var issue = __webpack_require__(3996);
// EXTERNAL MODULE: ./src/core/web-identity-minter.ts
var web_identity_minter = __webpack_require__(66858);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(25725);
// EXTERNAL MODULE: ./src/oidc/request-token.ts
var request_token = __webpack_require__(50100);
;// CONCATENATED MODULE: ./src/oidc/token-source.ts


/**
 * Hands out the verified token in hand, or a freshly fetched and verified one when asked to or when
 * the one in hand would expire within `minValiditySeconds`: a slow exchange must not send STS a token
 * that dies in flight.
 */
class TokenSource {
    #options;
    #current;
    constructor(options) {
        this.#options = options;
    }
    async get({ forceRefresh = false, minValiditySeconds = 0 } = {}) {
        const nowSeconds = Date.now() / 1000;
        if (!forceRefresh && this.#current && this.#current.claims.exp - nowSeconds >= minValiditySeconds)
            return this.#current;
        this.#current = await this.#options.verify(await this.#options.fetchToken());
        return this.#current;
    }
}
/**
 * Reads a token that something else keeps fresh in a file: a projected service-account token on a
 * self-hosted runner in Kubernetes (EKS), for example. Read anew each time, as the file rotates.
 */
async function readWebIdentityTokenFile(path) {
    const text = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, `Cannot read the web identity token file ${path} (${error.code ?? 'error'}).`, {
            hint: 'Check web-identity-token-file: the path the platform projects the token to (AWS_WEB_IDENTITY_TOKEN_FILE on EKS), readable by the runner’s user.',
            cause: error,
        });
    });
    const token = text.trim();
    if (!token) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, `The web identity token file ${path} is empty.`, {
            hint: 'The platform writes the token there before the job starts; check that the projected volume is mounted on the runner.',
        });
    }
    return token;
}

// EXTERNAL MODULE: ./src/policy/aws-grant.ts
var aws_grant = __webpack_require__(75772);
// EXTERNAL MODULE: ./src/policy/load.ts + 2 modules
var load = __webpack_require__(39485);
// EXTERNAL MODULE: ./src/policy/sources/snapshot-source.ts
var snapshot_source = __webpack_require__(32121);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/providers/aws/exchange.ts
var exchange = __webpack_require__(52839);
// EXTERNAL MODULE: ./src/providers/aws/sts-errors.ts
var sts_errors = __webpack_require__(57338);
;// CONCATENATED MODULE: ./src/providers/aws/chain.ts




/** AWS caps a session that one role session assumes (role chaining) at one hour, whatever was asked. */
const CHAINED_SESSION_MAX_SECONDS = 3600;
const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * The second hop of a role chain: AssumeRole into `roleArn`, signed by the first session's own
 * credentials, so the chained role's trust policy decides on the first role's ARN. Retried as the first
 * hop is, within the same kind of budget; every failure ends as a BrokerError.
 */
async function assumeChainedRole(from, request) {
    const { STSClient, AssumeRoleCommand } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
    const { ProxyRoutingHandler } = await Promise.all(/* import() */[__webpack_require__.e(422), __webpack_require__.e(279), __webpack_require__.e(904)]).then(__webpack_require__.bind(__webpack_require__, 18904));
    const client = new STSClient({
        region: from.region,
        requestHandler: new ProxyRoutingHandler(),
        maxAttempts: 1,
        credentials: { accessKeyId: from.accessKeyId, secretAccessKey: from.secretAccessKey, sessionToken: from.sessionToken },
    });
    const durationSeconds = Math.min(request.durationSeconds, CHAINED_SESSION_MAX_SECONDS);
    try {
        const { value } = await (0,retry/* withRetries */.LH)(({ remainingMs }) => client.send(new AssumeRoleCommand({ RoleArn: request.roleArn, RoleSessionName: request.sessionName, DurationSeconds: durationSeconds }), {
            abortSignal: AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs))),
        }), sts_errors/* transientVerdict */.yJ, retry/* defaultRetryPolicy */.ur);
        return (0,exchange/* sessionFromStsAnswer */.F)(value, { roleArn: request.roleArn, sessionName: request.sessionName, region: from.region }, 'Check that the STS endpoint (AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL) speaks AWS STS.');
    }
    catch (error) {
        throw chainError(error, from.roleArn, request.roleArn);
    }
    finally {
        client.destroy();
    }
}
function chainError(error, fromRole, toRole) {
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    const last = error instanceof retry/* RetriesExhaustedError */.i5 ? error.lastError : error;
    const name = last.name ?? 'Error';
    if (name === 'AccessDenied' || name === 'AccessDeniedException') {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsAccessDenied, `AWS STS refused the chained hop from ${fromRole} into ${toRole} (AccessDenied).`, {
            hint: `The trust policy of ${toRole} must allow sts:AssumeRole to the principal ${fromRole}, and ${fromRole} must be allowed sts:AssumeRole on it.`,
            cause: error,
        });
    }
    const tries = error instanceof retry/* RetriesExhaustedError */.i5 ? ` after ${error.attempts} attempt(s)` : '';
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExchangeFailed, `The chained hop from ${fromRole} into ${toRole} failed${tries} (${name}).`, {
        hint: 'Check the role ARN and the network path to STS; the first session still expires on its own.',
        cause: error,
    });
}

// EXTERNAL MODULE: ./src/util/command-line.ts
var command_line = __webpack_require__(23268);
// EXTERNAL MODULE: ./src/util/sha256.ts
var util_sha256 = __webpack_require__(36701);
// EXTERNAL MODULE: ./src/util/within.ts
var within = __webpack_require__(89281);
;// CONCATENATED MODULE: ./src/action/aws-renewal.ts
// AWS credentials that renew themselves. The main step writes a shared config profile whose
// credential_process runs this action's own bundled CLI; every run of it asks for a fresh OIDC token,
// verifies it, decides by the very policy the main step read, assumes the role again and records the
// session in a ledger. The post step closes the ledger (no renewal after that), denies every session in
// it, and deletes the profile. No secret is written: the profile holds a command, the folder holds
// names, paths and the policy's text.
















/** The profile a renewing step writes when `aws-profile` names none; exported as AWS_PROFILE. */
const DEFAULT_AWS_PROFILE = 'ci-oidc-broker';
// One folder per job under RUNNER_TEMP: the shared config file, and one folder per step that renews.
const JOB_FOLDER = 'ci-oidc-broker-aws';
const SETTINGS_FILE = 'renewal.json';
const SNAPSHOT_FILE = 'policy-snapshot.json';
const LEDGER_FILE = 'ledger.jsonl';
const CLOSED_SUFFIX = '.closed';
/** Makes this step's folder (0700) under RUNNER_TEMP, before anything is written into it or recorded. */
async function prepareRenewingProfile(runnerTemp, workspace, profile) {
    if (!runnerTemp) {
        throw new BrokerError(ErrorCode.InputInvalid, 'RUNNER_TEMP is not set, so the renewing AWS profile has nowhere safe to go.', {
            hint: 'Run the step on a GitHub Actions runner, or leave aws-renew-credentials and aws-profile out to get static keys.',
        });
    }
    const temp = resolve(runnerTemp);
    if (workspace !== undefined && isWithin(resolve(workspace), temp)) {
        throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${runnerTemp}) is inside the workspace, where uploads and builds could pick the profile up.`, {
            hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE, as GitHub’s runners do.',
        });
    }
    const jobFolder = join(temp, JOB_FOLDER);
    await mkdir(jobFolder, { recursive: true, mode: 0o700 });
    const folder = await mkdtemp(join(jobFolder, 'step-'));
    return { folder, configFile: join(jobFolder, 'config'), profile, ledger: join(folder, LEDGER_FILE) };
}
/**
 * Writes the settings, the policy snapshot and the ledger (with the main step's sessions), then puts
 * the profile into the job's shared config file, last: until then no tool can run it.
 */
async function writeRenewingProfile(paths, content) {
    const snapshot = JSON.stringify(content.policy);
    const settings = { version: 1, ...content.settings, policy: { path: content.policy.path, sha256: sha256(snapshot) } };
    await writeFile(join(paths.folder, SNAPSHOT_FILE), snapshot, { mode: 0o600, flag: 'wx' });
    const settingsFile = join(paths.folder, SETTINGS_FILE);
    await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await writeFile(paths.ledger, content.sessions.map((session) => ledgerLine(issuedEntry(session))).join(''), { mode: 0o600, flag: 'wx' });
    const command = commandLine('aws-credential-process', [content.cli.node, content.cli.script, 'aws-credential-process', '--renewal', settingsFile]);
    await putProfile(paths.configFile, paths.profile, [`credential_process = ${command}`, `region = ${content.settings.region}`]);
}
/**
 * One renewal, as credential_process runs it: the ledger must still be open, the snapshot must be the
 * one pinned, the fresh token must verify and be allowed by the policy; the session is recorded before
 * it is minted, so that a post step closing the ledger at that moment still denies it.
 */
async function renewAwsSession(settingsFile, env = process.env) {
    const folder = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(settingsFile));
    const ledger = (0,external_node_path_.join)(folder, LEDGER_FILE);
    // The post step closes the ledger before it deletes the folder: either way, nothing is renewed.
    await (0,promises_.stat)(ledger).catch(() => {
        throw closedError();
    });
    const settings = await readSettings(settingsFile);
    const snapshot = await (0,promises_.readFile)((0,external_node_path_.join)(folder, SNAPSHOT_FILE), 'utf8').catch(() => undefined);
    if (snapshot === undefined || (0,util_sha256/* sha256 */.s)(snapshot) !== settings.policy.sha256) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.StateInvalid, 'The policy snapshot of this renewing profile is missing or changed since the main step wrote it.', {
            hint: 'Nothing was renewed. Run the ci-oidc-broker step again to write a fresh profile; nothing else should write under RUNNER_TEMP/ci-oidc-broker-aws.',
        });
    }
    const policy = await (0,load/* loadPolicy */.tb)((0,snapshot_source/* snapshotSource */.SE)(JSON.parse(snapshot)), settings.policy.path);
    const fetchToken = () => (settings.tokenFile ? readWebIdentityTokenFile(settings.tokenFile) : (0,request_token/* requestRunnerToken */.dm)({ ...(0,request_token/* renewalTokenRequestFromEnv */.SA)(env, 'the AWS credentials', 'For those, use static keys: leave aws-renew-credentials out.'), audience: settings.audience }));
    const token = await fetchToken();
    const wanted = { role: settings.request.role, durationSeconds: settings.request.durationSeconds, sessionPolicy: settings.request.sessionPolicy, managedSessionPolicyArns: settings.request.managedSessionPolicyArns };
    const authorization = await (0,authorize/* authorizeToken */.p)(token, { issuer: settings.issuer, audience: settings.audience, policy, wanted: { aws: wanted } });
    if (!authorization.allowed) {
        process.stderr.write(`${authorization.explanation.join('\n')}\n`);
        throw authorization.error;
    }
    const grant = authorization.grants.aws;
    const chainTo = settings.chainToRole === undefined ? undefined : (0,aws_grant/* chooseChainedRole */.s)(authorization.rule, settings.chainToRole);
    const latest = new Date(Date.now() + grant.durationSeconds * 1000).toISOString();
    const intents = [grant.roleArn, ...(chainTo ? [chainTo] : [])].flatMap((role) => {
        const known = settings.identities[role];
        return known ? [{ event: 'renewing', role, ...known, sessionName: settings.sessionName, expiresAt: latest }] : [];
    });
    await appendToOpenLedger(ledger, intents);
    let fresh = token;
    const minter = (0,web_identity_minter/* webIdentityMinter */.i)({
        region: settings.region,
        getToken: async ({ forceRefresh }) => {
            const next = !forceRefresh && fresh !== undefined ? fresh : await fetchToken();
            fresh = undefined;
            return next;
        },
    });
    const first = await (0,issue/* issueAws */.t)(grant, authorization.claims, settings.sessionName, minter);
    const sessions = [first];
    if (chainTo)
        sessions.push(await assumeChainedRole(first, { roleArn: chainTo, sessionName: settings.sessionName, durationSeconds: grant.durationSeconds }));
    await appendToOpenLedger(ledger, sessions.map(issuedEntry));
    return sessions.at(-1);
}
/**
 * The post step's first move for every renewing credential: close its ledger (no renewal succeeds
 * after that), remove its profile, and return the credentials with every session the ledger holds, one
 * per role and session identity, each with its last expiry: those are what the revocation must deny.
 */
async function closeAwsRenewals(credentials) {
    const result = credentials.map((credential) => ({ ...credential }));
    const notes = [];
    for (const credential of credentials) {
        if (credential.provider !== 'aws' || !credential.renewal)
            continue;
        const entries = await closeLedger(credential.renewal.ledger);
        await removeProfile(credential.renewal.configFile, credential.renewal.profile);
        const issued = entries.filter((entry) => entry.event === 'issued').length;
        notes.push(`AWS: closed the renewing profile "${credential.renewal.profile}": ${issued} session(s) of ${credential.sessionName} were issued; none will be renewed from now on.`);
        for (const entry of entries) {
            const known = result.find((other) => other.provider === 'aws' && other.identity === entry.identity && other.role === entry.role);
            if (known) {
                if (Date.parse(entry.expiresAt) > Date.parse(known.expiresAt))
                    known.expiresAt = entry.expiresAt;
                continue;
            }
            result.push({ ...credential, renewal: undefined, role: entry.role, identity: entry.identity, principal: entry.principal, sessionName: entry.sessionName, expiresAt: entry.expiresAt, exportedVariables: [], files: [] });
        }
    }
    return { credentials: result, notes };
}
function issuedEntry(session) {
    return { event: 'issued', role: session.roleArn, identity: session.assumedRoleId, principal: session.assumedRoleArn, sessionName: session.sessionName, expiresAt: session.expiration.toISOString() };
}
function ledgerLine(entry) {
    return `${JSON.stringify(entry)}\n`;
}
/**
 * Appends to the ledger only while it is open. Closing renames it, so an append that opened it before
 * the rename is caught by comparing the file it wrote with the one the path now names: if they differ,
 * the post step may have read the ledger already, and nothing may be handed out.
 */
async function appendToOpenLedger(path, entries) {
    const handle = await (0,promises_.open)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND).catch((error) => {
        throw error.code === 'ENOENT' ? closedError() : error;
    });
    try {
        await handle.appendFile(entries.map(ledgerLine).join(''));
        const [written, named] = await Promise.all([handle.stat(), (0,promises_.stat)(path).catch(() => undefined)]);
        if (!named || named.ino !== written.ino || named.dev !== written.dev)
            throw closedError();
    }
    finally {
        await handle.close();
    }
}
async function closeLedger(path) {
    const closed = `${path}${CLOSED_SUFFIX}`;
    // Already closed by an earlier run of the post step: its entries are still there to read.
    await rename(path, closed).catch((error) => {
        if (error.code !== 'ENOENT')
            throw error;
    });
    const text = await readFile(closed, 'utf8').catch(() => '');
    return text
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
        try {
            const entry = JSON.parse(line);
            return typeof entry.role === 'string' && typeof entry.identity === 'string' && typeof entry.expiresAt === 'string' && typeof entry.sessionName === 'string' && typeof entry.principal === 'string' ? [entry] : [];
        }
        catch {
            // A line cut short by a renewal killed mid-write: the entry before the mint (`renewing`) covers it.
            return [];
        }
    });
}
function closedError() {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsRenewalClosed, 'This renewing AWS profile was closed by the job’s post step: it issues no more credentials.', {
        hint: 'Credentials end with the job that got them. A later job gets its own with its own ci-oidc-broker step.',
    });
}
async function readSettings(file) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
    if (text === undefined)
        throw settingsError();
    let settings;
    try {
        settings = JSON.parse(text);
    }
    catch {
        throw settingsError();
    }
    if (settings.version !== 1 || typeof settings.issuer !== 'string' || typeof settings.region !== 'string' || typeof settings.policy?.sha256 !== 'string' || typeof settings.request?.role !== 'string')
        throw settingsError();
    return settings;
}
function settingsError() {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.StateInvalid, 'The settings of this renewing AWS profile are unreadable.', {
        hint: 'Nothing was renewed. Run the ci-oidc-broker step again to write a fresh profile.',
    });
}
// A profile's section runs from its header to the next header.
function withoutProfile(text, profile) {
    const kept = [];
    let skipping = false;
    for (const line of text.split('\n')) {
        const header = /^\s*\[([^\]]*)\]\s*$/.exec(line);
        if (header)
            skipping = header[1].trim() === `profile ${profile}`;
        if (!skipping)
            kept.push(line);
    }
    return kept.filter((line) => line.trim() !== '');
}
/** Puts the profile into the job's shared config file, replacing a section of the same name: one file serves every step's profile. */
async function putProfile(configFile, profile, settings) {
    const existing = await readFile(configFile, 'utf8').catch(() => '');
    const lines = [...withoutProfile(existing, profile), `[profile ${profile}]`, ...settings];
    await replaceFile(configFile, `${lines.join('\n')}\n`);
}
async function removeProfile(configFile, profile) {
    const existing = await readFile(configFile, 'utf8').catch(() => undefined);
    if (existing === undefined)
        return;
    const rest = withoutProfile(existing, profile);
    if (rest.length === 0)
        await rm(configFile, { force: true });
    else
        await replaceFile(configFile, `${rest.join('\n')}\n`);
}
// Written aside and renamed, so a tool never reads half a file.
async function replaceFile(path, text) {
    const next = `${path}.next`;
    await writeFile(next, text, { mode: 0o600 });
    await rename(next, path);
}


/***/ }),

/***/ 32121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SE: () => (/* binding */ snapshotSource)
/* harmony export */ });
/* unused harmony exports recordingPolicySource, policySnapshot */
/**
 * Reads a policy through `source` and keeps every text read, so that a renewal later in the job decides
 * by the same files without reading the source again: a central repository would need the
 * github-token, which must not be written anywhere.
 */
function recordingPolicySource(source) {
    const files = new Map();
    return {
        files,
        source: {
            displayName: (path) => source.displayName(path),
            read: async (path) => {
                const text = await source.read(path);
                files.set(path, text);
                return text;
            },
        },
    };
}
/** A snapshot of what a recording source read, in a form JSON keeps. */
function policySnapshot(path, files) {
    return { path, files: Object.fromEntries([...files].map(([name, text]) => [name, text ?? null])) };
}
/** A source that answers from a snapshot only: a path it never read does not exist. */
function snapshotSource(snapshot) {
    return {
        displayName: (path) => `${path} (as the main step read it)`,
        read: (path) => Promise.resolve(Object.hasOwn(snapshot.files, path) ? (snapshot.files[path] ?? undefined) : undefined),
    };
}


/***/ })

};
