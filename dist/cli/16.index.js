export const id = 16;
export const ids = [16,647];
export const modules = {

/***/ 8016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCredentialProcess: () => (/* binding */ awsCredentialProcess)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7314);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(524);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8647);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8315);







// A profile names the same settings as `exchange`'s flags, kebab-case, AWS only.
const PROFILE_KEYS = {
    preset: 'preset',
    'token-env': 'tokenEnv',
    'token-file': 'tokenFile',
    issuer: 'issuer',
    audience: 'audience',
    policy: 'policy',
    root: 'root',
    'aws-role': 'awsRole',
    'aws-region': 'awsRegion',
    'aws-duration': 'awsDuration',
};
// The `aws` CLI runs credential_process from whatever folder it was started in, so a profile's paths
// start at the config file's folder, where whoever wrote them was looking.
const PATH_SETTINGS = ['policy', 'root', 'tokenFile'];
/**
 * `aws-credential-process`: AWS's credential_process contract, so that a profile such as
 * `credential_process = ci-oidc-broker aws-credential-process --profile deploy` fetches fresh
 * short-lived credentials whenever the CLI or an SDK needs them. Settings come from the named profile
 * of the config file (--config, or CI_OIDC_BROKER_CONFIG), then from flags.
 */
function awsCredentialProcess(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .runCommand */ .d1)('text', _exchange_js__WEBPACK_IMPORTED_MODULE_5__.exitCodeFor, async () => {
        const fromProfile = options.profile ? await readProfile(options.profile, options.config ?? process.env.CI_OIDC_BROKER_CONFIG) : {};
        const flags = Object.fromEntries(Object.entries(options).filter(([name, value]) => value !== undefined && name !== 'profile' && name !== 'config'));
        const request = { ...fromProfile, ...flags };
        if (!request.awsRole || !request.awsRegion)
            throw usage('credential_process needs an AWS role and region: --aws-role and --aws-region, or `aws-role:` and `aws-region:` in the profile.', 'Name the role to assume and the STS region.');
        const result = await (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.exchangeCredentials)({ ...request, gcpProvider: undefined });
        (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.maskInGitHubActions)((0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.secretsOf)(result));
        (0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__.writeCredentialProcess)(result.aws);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_4__/* .Exit */ .Jc.Ok;
    });
}
async function readProfile(name, file) {
    if (!file)
        throw usage(`--profile ${name} needs a config file: --config FILE or CI_OIDC_BROKER_CONFIG.`, 'The file holds `profiles: {NAME: {preset, issuer, policy, aws-role, aws-region, ...}}`.');
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readInputFile */ .j)(file, 'config'));
    }
    catch (error) {
        if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz)
            throw error;
        throw usage(`The config file ${file} is not valid YAML.`, 'Fix the YAML; `profiles:` maps each name to its settings.');
    }
    const profile = parsed?.profiles?.[name];
    if (typeof profile !== 'object' || profile === null)
        throw usage(`The config file ${file} has no profile "${name}".`, 'Add it under `profiles:`.');
    const request = {};
    for (const [key, value] of Object.entries(profile)) {
        const option = PROFILE_KEYS[key];
        if (!option)
            throw usage(`Profile "${name}" has an unknown setting "${key}".`, `Known settings: ${Object.keys(PROFILE_KEYS).join(', ')}.`);
        if (typeof value !== 'string' && typeof value !== 'number')
            throw usage(`Profile "${name}": ${key} must be a string.`, 'Quote the value.');
        request[option] = String(value);
    }
    for (const setting of PATH_SETTINGS) {
        const path = request[setting];
        if (path !== undefined && path !== '-' && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path))
            request[setting] = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file), path);
    }
    if (request.preset !== undefined && !(request.preset in _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU))
        throw usage(`Profile "${name}": preset "${request.preset}" is not one of ${Object.keys(_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_3__/* .CI_SYSTEMS */ .mU).join(', ')}.`, 'Use a known CI system, or token-env / token-file.');
    return request;
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ }),

/***/ 8647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exchange: () => (/* binding */ exchange_exchange),
  exchangeCredentials: () => (/* binding */ exchangeCredentials),
  exitCodeFor: () => (/* binding */ exitCodeFor),
  maskInGitHubActions: () => (/* binding */ maskInGitHubActions),
  secretsOf: () => (/* binding */ secretsOf),
  writeCredentialProcess: () => (/* binding */ writeCredentialProcess)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/oidc/verify.ts + 2 modules
var verify = __webpack_require__(3127);
;// CONCATENATED MODULE: ./src/policy/aws-grant.ts

/**
 * Checks the requested role against what the deciding rule grants, picking the rule's single role when
 * none was requested, caps the session duration at the rule's max-duration, and hands on the rule's
 * session policy.
 */
function chooseAwsRole(rule, requestedRole, requestedSeconds) {
    const grant = rule.grant?.aws;
    if (!grant) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${rule.name}" allowed this job but grants no AWS role.`, {
            hint: `Add \`grant: aws: roles: [...]\` to rule "${rule.name}".`,
            location: rule.location,
        });
    }
    const listed = grant.roles.join(', ');
    let roleArn = requestedRole;
    if (roleArn === undefined) {
        if (grant.roles.length !== 1) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${rule.name}" grants several roles (${listed}) and no role-to-assume was given.`, {
                hint: 'Set the `role-to-assume` input to one of them.',
                location: rule.location,
            });
        }
        roleArn = grant.roles[0];
    }
    else if (!grant.roles.includes(roleArn)) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${rule.name}" does not grant the role ${roleArn}; it grants ${listed}.`, {
            hint: 'Use one of the granted roles, or add this role to the rule in a reviewed change to the policy.',
            location: rule.location,
        });
    }
    const durationSeconds = Math.min(requestedSeconds, grant.maxDurationSeconds);
    if (grant.sessionPolicy && grant.sessionPolicy.document === undefined)
        throw new Error(`the session policy ${grant.sessionPolicy.path} was not loaded`);
    return { roleArn, durationSeconds, capped: durationSeconds < requestedSeconds, sessionPolicy: grant.sessionPolicy?.document, revokeRole: grant.revokeRole };
}

// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(5432);
// EXTERNAL MODULE: ./src/policy/evaluate.ts + 1 modules
var evaluate = __webpack_require__(4198);
// EXTERNAL MODULE: ./src/policy/explain.ts
var explain = __webpack_require__(9129);
;// CONCATENATED MODULE: ./src/policy/gcp-grant.ts

/**
 * Checks the requested provider and service account against what the deciding rule grants (with no
 * account requested, the rule's only one), and caps the token lifetime at the rule's max-lifetime.
 */
function chooseGcpGrant(rule, requested) {
    const grant = rule.grant?.gcp;
    const refuse = (message, hint) => new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, message, { hint, location: rule.location });
    if (!grant)
        throw refuse(`Rule "${rule.name}" allowed this job but grants no Google Cloud access.`, `Add \`grant: gcp: workload-identity-provider: ...\` to rule "${rule.name}".`);
    if (requested.provider !== undefined && requested.provider !== grant.workloadIdentityProvider) {
        throw refuse(`Rule "${rule.name}" does not grant the workload identity provider ${requested.provider}; it grants ${grant.workloadIdentityProvider}.`, 'Set gcp-workload-identity-provider to the granted provider, or change the rule in a reviewed change to the policy.');
    }
    let serviceAccount = requested.serviceAccount;
    if (serviceAccount === undefined) {
        if (grant.serviceAccounts.length > 1)
            throw refuse(`Rule "${rule.name}" grants several service accounts (${grant.serviceAccounts.join(', ')}) and no gcp-service-account was given.`, 'Set the `gcp-service-account` input to one of them.');
        serviceAccount = grant.serviceAccounts[0];
    }
    else if (!grant.serviceAccounts.includes(serviceAccount)) {
        throw refuse(`Rule "${rule.name}" does not grant the service account ${serviceAccount}${grant.serviceAccounts.length > 0 ? `; it grants ${grant.serviceAccounts.join(', ')}` : ''}.`, 'Use a granted service account, or add this one to the rule in a reviewed change to the policy.');
    }
    const lifetimeSeconds = Math.min(requested.lifetimeSeconds, grant.maxLifetimeSeconds);
    return { workloadIdentityProvider: grant.workloadIdentityProvider, serviceAccount, lifetimeSeconds, capped: lifetimeSeconds < requested.lifetimeSeconds, scopes: grant.scopes };
}

;// CONCATENATED MODULE: ./src/core/authorize.ts







/**
 * Puts verified claims to the policy and, when allowed, narrows what was asked to what the deciding rule
 * grants. A denial is returned, not thrown, so each shell can show its explanation its own way first;
 * a request the rule does not grant (another role, another service account) throws RoleNotGranted.
 */
function authorizeClaims(policy, claims, wanted) {
    const decision = (0,evaluate/* evaluatePolicy */.U)(policy, claims);
    const explanation = (0,explain/* explainDecision */.el)(decision);
    if (!decision.allowed)
        return { allowed: false, claims, decision, explanation, error: (0,explain/* denialError */._)(decision, policy.source) };
    const grants = {
        aws: wanted.aws && resolveAws(decision.rule, wanted.aws),
        gcp: wanted.gcp && resolveGcp(decision.rule, wanted.gcp),
    };
    return { allowed: true, claims, decision, explanation, rule: decision.rule, checkedClaims: (0,evaluate/* checkedClaims */.B)(decision), grants };
}
/** Token → verified claims → decision → grants, for shells that hold the raw token. */
async function authorizeToken(token, options) {
    const { claims } = await (0,verify/* verifyToken */.nr)(token, { ...options.verify, issuer: options.issuer, audience: options.audience });
    return authorizeClaims(options.policy, claims, options.wanted);
}
function resolveAws(rule, wanted) {
    requireWithin('AWS session duration', wanted.durationSeconds, duration/* STS_SESSION_SECONDS */.Em);
    const choice = chooseAwsRole(rule, wanted.role, wanted.durationSeconds);
    if (choice.sessionPolicy && wanted.sessionPolicy) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `Rule "${rule.name}" sets a session policy, so the request cannot bring its own.`, {
            hint: 'Leave the inline session policy out, or narrow further with managed session policies; STS takes one inline session policy.',
        });
    }
    return {
        ...choice,
        sessionPolicy: choice.sessionPolicy ?? wanted.sessionPolicy,
        requestedSeconds: wanted.durationSeconds,
        managedSessionPolicyArns: wanted.managedSessionPolicyArns ?? [],
    };
}
function resolveGcp(rule, wanted) {
    requireWithin('Google token lifetime', wanted.lifetimeSeconds, duration/* GCP_TOKEN_SECONDS */.T9);
    const choice = chooseGcpGrant(rule, { provider: wanted.provider, serviceAccount: wanted.serviceAccount, lifetimeSeconds: wanted.lifetimeSeconds });
    const extra = wanted.scopes?.filter((scope) => !choice.scopes.includes(scope)) ?? [];
    if (extra.length > 0) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.RoleNotGranted, `Rule "${rule.name}" does not grant the scope(s) ${extra.join(', ')}; it grants ${choice.scopes.join(', ')}.`, {
            hint: 'Ask for granted scopes only, or add the scope to the rule in a reviewed change to the policy.',
            location: rule.location,
        });
    }
    return { ...choice, scopes: wanted.scopes && wanted.scopes.length > 0 ? wanted.scopes : choice.scopes, requestedSeconds: wanted.lifetimeSeconds };
}
function requireWithin(what, seconds, bounds) {
    if (Number.isInteger(seconds) && seconds >= bounds.min && seconds <= bounds.max)
        return;
    throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `The ${what} asked for is ${seconds} s, not from ${bounds.min} to ${bounds.max} s.`, {
        hint: `Ask for whole seconds between ${bounds.min} and ${bounds.max}; the rule may lower it further.`,
    });
}

;// CONCATENATED MODULE: ./src/core/issue.ts
/** The AWS session the grant allows, under the session name the shell chose. */
function issueAws(grant, claims, sessionName, minter) {
    return minter.aws({
        roleArn: grant.roleArn,
        durationSeconds: grant.durationSeconds,
        sessionName,
        sessionPolicy: grant.sessionPolicy,
        managedSessionPolicyArns: grant.managedSessionPolicyArns,
        claims,
    });
}
/** The Google access token the grant allows. */
function issueGcp(grant, claims, minter) {
    return minter.gcp({
        workloadIdentityProvider: grant.workloadIdentityProvider,
        serviceAccount: grant.serviceAccount,
        lifetimeSeconds: grant.lifetimeSeconds,
        scopes: grant.scopes,
        claims,
    });
}

// EXTERNAL MODULE: ./src/providers/aws/exchange.ts + 1 modules
var exchange = __webpack_require__(9228);
;// CONCATENATED MODULE: ./src/util/deadline.ts
/**
 * Settles with `work`, or rejects with `onTimeout()` once `ms` have passed, whichever comes first. For
 * work whose own retries are bounded but whose total time is not (a client library's retry loop).
 */
async function withDeadline(work, ms, onTimeout) {
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    try {
        return await Promise.race([work, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/providers/gcp/external-account.ts
/**
 * The external_account configuration, without its subject token source, that both the exchange
 * and the credentials file for ADC and gcloud describe: the provider, Google STS and, with a service
 * account, impersonation for the given lifetime.
 */
function externalAccountConfig(request) {
    return {
        type: 'external_account',
        audience: `//iam.googleapis.com/${request.workloadIdentityProvider}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: request.endpoints.tokenUrl,
        ...(request.serviceAccount && {
            service_account_impersonation_url: `${request.endpoints.iamCredentialsUrl.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${request.serviceAccount}:generateAccessToken`,
            service_account_impersonation: { token_lifetime_seconds: request.lifetimeSeconds },
        }),
    };
}

;// CONCATENATED MODULE: ./src/providers/gcp/exchange.ts



const GOOGLE_ENDPOINTS = { tokenUrl: 'https://sts.googleapis.com/v1/token', iamCredentialsUrl: 'https://iamcredentials.googleapis.com' };
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Exchanges the job's OIDC token for a Google access token: a workload identity federation token from
 * STS, then (with a service account) a short-lived token from the IAM Credentials API. The token is
 * handed to google-auth-library through a subject-token supplier, never a file. Retries are the
 * library's own (bounded: a few attempts with backoff on 429, 5xx and network errors), and the whole
 * exchange is bounded by `timeoutMs`.
 */
async function exchangeForGoogleToken(request) {
    const { IdentityPoolClient } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    // The constructor, not ExternalAccountClient.fromJSON: the configuration is built here from checked
    // inputs, and fromJSON prints a warning about untrusted files into the job's log.
    const client = new IdentityPoolClient({
        ...externalAccountConfig({ ...request, endpoints: request.endpoints ?? GOOGLE_ENDPOINTS }),
        scopes: [...request.scopes],
        subject_token_supplier: { getSubjectToken: () => request.getToken() },
    });
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
        const { token } = await withDeadline(client.getAccessToken(), timeoutMs, () => timedOut(request, timeoutMs));
        const expiry = client.credentials.expiry_date;
        if (!token || !expiry)
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeFailed, 'Google answered without an access token or its expiry.', { hint: 'Check the endpoints if you override them; otherwise, file an issue.' });
        return { accessToken: token, expiration: new Date(expiry), serviceAccount: request.serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
    }
    catch (error) {
        throw exchangeError(error, request);
    }
}
function timedOut(request, timeoutMs) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeTimedOut, `Gave up obtaining a Google token for ${request.serviceAccount ?? request.workloadIdentityProvider} after ${(timeoutMs / 1000).toFixed(1)} s.`, {
        hint: 'Google STS or IAM Credentials did not answer in time: retry the job, and check this machine’s network path to them.',
    });
}
function exchangeError(error, request) {
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    const http = error;
    const status = http.response?.status ?? http.status;
    const said = describeGoogleError(http.response?.data);
    const target = request.serviceAccount ?? request.workloadIdentityProvider;
    if (status === 401 || status === 403 || (status === 400 && /attribute condition|audience/i.test(said))) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpAccessDenied, `Google refused a token for ${target}: ${said}.`, {
            hint: /attribute condition/i.test(said)
                ? 'The workload identity pool provider’s attribute condition rejects this job: compare it with `ci-oidc-broker policy export --gcp-attribute-condition`.'
                : /getAccessToken/.test(said)
                    ? `Grant roles/iam.workloadIdentityUser on ${request.serviceAccount ?? 'the service account'} to this job's principal (principalSet://…/attribute.repository/OWNER/REPO or principal://…/subject/SUB).`
                    : 'Check the provider’s issuer and allowed audiences, and the audience the token was requested for (gcp-audience).',
            cause: error,
        });
    }
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.GcpExchangeFailed, `Obtaining a Google token for ${target} failed${status ? ` (HTTP ${status})` : http.code ? ` (${http.code})` : ''}: ${said}.`, {
        hint: 'Check the workload identity provider name, the lifetime (at most 1 hour) and the network path to Google; retry if Google had an outage.',
        cause: error,
    });
}
/** Google's error bodies: STS `{error, error_description}`, IAM `{error: {message, status}}`. */
function describeGoogleError(data) {
    const body = data;
    if (typeof body?.error_description === 'string')
        return JSON.stringify(body.error_description);
    const nested = body?.error;
    if (typeof nested?.message === 'string')
        return JSON.stringify(nested.message);
    return 'no details';
}

;// CONCATENATED MODULE: ./src/core/web-identity-minter.ts



/** Mints with the job's own token, as the action and the CLI do: each cloud trusts the CI issuer directly. */
function webIdentityMinter(options) {
    return {
        aws: (request) => {
            const region = options.region;
            if (!region)
                return Promise.reject(new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, 'No AWS region was given, so there is no STS endpoint to ask.', { hint: 'Name the region, for example us-east-1.' }));
            return (0,exchange/* assumeRoleWithWebIdentity */.z)({
                roleArn: request.roleArn,
                sessionName: request.sessionName,
                durationSeconds: request.durationSeconds,
                region,
                inlineSessionPolicy: request.sessionPolicy,
                managedSessionPolicyArns: request.managedSessionPolicyArns,
                subject: String(request.claims.sub),
                issuer: String(request.claims.iss),
                getToken: options.getToken,
            });
        },
        gcp: (request) => exchangeForGoogleToken({
            workloadIdentityProvider: request.workloadIdentityProvider,
            serviceAccount: request.serviceAccount,
            lifetimeSeconds: request.lifetimeSeconds,
            scopes: request.scopes,
            endpoints: options.gcpEndpoints ?? GOOGLE_ENDPOINTS,
            getToken: () => options.getToken({ forceRefresh: false }),
        }),
    };
}

// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(7314);
;// CONCATENATED MODULE: ./src/providers/aws/export.ts
/** The variables the AWS CLI and SDKs read credentials and region from. */
function awsEnvironment(session) {
    return {
        AWS_ACCESS_KEY_ID: session.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
        AWS_SESSION_TOKEN: session.sessionToken,
        AWS_REGION: session.region,
        AWS_DEFAULT_REGION: session.region,
    };
}
/**
 * Every value to mask before anything is printed: the credential's three parts (the key id is half of
 * the signing pair) and, unless the user opts out, the account id.
 */
function awsSecretValues(session, options) {
    const values = [session.accessKeyId, session.secretAccessKey, session.sessionToken];
    return options.maskAccountId ? [...values, session.accountId] : values;
}
/**
 * An ARN as it may appear in reports: the runner masks secrets in logs but a report written elsewhere
 * (the job summary, a CLI's output) must drop the account id itself when it is treated as a secret.
 */
function displayArn(arn, options) {
    return options.maskAccountId ? maskAccountIds(arn) : arn;
}
/** Text for such a report with the account id of every ARN in it replaced by `***`. */
function maskAccountIds(text) {
    return text.replace(/\b(arn:[\w-]+:[\w-]*:[\w-]*:)\d{12}:/g, '$1***:');
}
/** Step outputs, named as aws-actions/configure-aws-credentials names them so workflows can switch. */
function awsOutputs(session, options) {
    const account = { 'aws-account-id': session.accountId };
    if (!options.includeCredentials)
        return account;
    return {
        ...account,
        'aws-access-key-id': session.accessKeyId,
        'aws-secret-access-key': session.secretAccessKey,
        'aws-session-token': session.sessionToken,
        'aws-expiration': session.expiration.toISOString(),
    };
}
/** What the post step needs to clean up and revoke this session: identities and times, no secrets. */
function awsCredentialRecord(session, exportedVariables, revocation) {
    return {
        provider: 'aws',
        identity: session.assumedRoleId,
        principal: session.assumedRoleArn,
        role: session.roleArn,
        sessionName: session.sessionName,
        region: session.region,
        audience: revocation.audience,
        revokerRoleArn: revocation.revokerRoleArn,
        expiresAt: session.expiration.toISOString(),
        exportedVariables: [...exportedVariables],
        files: [],
    };
}

;// CONCATENATED MODULE: ./src/providers/aws/session-name.ts



// STS's RoleSessionName constraint.
const MIN_LENGTH = 2;
const MAX_LENGTH = 64;
const SESSION_NAME_DISALLOWED = /[^\w+=,.@-]/;
// Every character STS allows except '@', which the default name reserves to separate the repository from the run.
const PART_DISALLOWED = /[^\w+=,.-]/g;
const HASH_LENGTH = 8;
// Room always left for the project, so long run and job ids can't push it out entirely.
const MIN_PROJECT_LENGTH = 16;
/** A GitHub job's session name: `<owner>.<repo>@<run id>-<attempt>-<job>`. */
function defaultSessionName({ repository, runId, runAttempt, job }) {
    return sessionName(repository, [runId, runAttempt, job]);
}
/**
 * The session name of a job of any CI system, from the identifiers of its project and of its run that
 * the system's own token carries: `octo-group.app@<pipeline>-<job>` on GitLab, for example. A token from
 * an issuer the broker does not know, or without those claims, is named by its subject and issue time.
 * `system` is the CI system the caller knows the token comes from (a CLI preset), if any.
 */
function sessionNameForToken(claims, system, env = process.env) {
    const claim = (name) => (typeof claims[name] === 'string' || typeof claims[name] === 'number' ? String(claims[name]) : undefined);
    const issuedAt = claim('iat') ?? String(Math.floor(Date.now() / 1000));
    const [project, ...run] = ciIdentifiers(claim, system ?? (0,ci_systems/* ciSystemOf */.f9)(String(claims.iss))?.system, env, issuedAt) ?? [claim('sub') ?? 'unknown-subject', issuedAt];
    return sessionName(project, run);
}
/** A CI system's project, then what identifies the run and the job; undefined when a claim is missing. */
function ciIdentifiers(claim, system, env, issuedAt) {
    const all = (...parts) => (parts.every((part) => part !== undefined) ? parts : undefined);
    switch (system) {
        case 'github-actions':
            // The token does not name the job; the runner's environment does.
            return all(claim('repository'), claim('run_id'), claim('run_attempt'), env.GITHUB_JOB ?? 'cli');
        case 'gitlab':
            return all(claim('project_path'), claim('pipeline_id'), claim('job_id'));
        case 'circleci':
            // The token names no build; the job's environment does, and without it the issue time keeps jobs apart.
            return all(claim('oidc.circleci.com/vcs-origin')?.replace(/^[^/]+\//, ''), env.CIRCLE_BUILD_NUM ?? issuedAt);
        case 'buildkite': {
            const [organization, pipeline] = [claim('organization_slug'), claim('pipeline_slug')];
            return all(organization !== undefined && pipeline !== undefined ? `${organization}/${pipeline}` : undefined, claim('build_number'), claim('job_id'));
        }
        case undefined:
            return undefined;
    }
}
/**
 * `<project>@<run parts, joined by ->`, with the project's `/` as `.`. It shows in CloudTrail and in the
 * assumed-role ARN, so it stays readable; when it is too long the project is shortened first, and
 * whatever is shortened keeps a hash of its full text so distinct jobs keep distinct names.
 */
function sessionName(project, run) {
    const projectPart = sanitise(project.replaceAll('/', '.'));
    const runPart = shorten(`@${run.map(sanitise).join('-')}`, MAX_LENGTH - Math.min(projectPart.length, MIN_PROJECT_LENGTH));
    return shorten(projectPart, MAX_LENGTH - runPart.length) + runPart;
}
/** Checks a session name the user chose against STS's rule, so a typo fails before any token is sent. */
function validateSessionName(name) {
    const problem = sessionNameProblem(name);
    if (problem === undefined)
        return;
    throw new BrokerError(ErrorCode.InputInvalid, `The role session name ${JSON.stringify(name)} ${problem}.`, {
        hint: `AWS STS accepts ${MIN_LENGTH} to ${MAX_LENGTH} characters, each a letter, a digit or one of _ + = , . @ -. Leave role-session-name unset to get one derived from the job.`,
    });
}
function sessionNameProblem(name) {
    if (name.length < MIN_LENGTH || name.length > MAX_LENGTH)
        return `is ${name.length} characters long`;
    const disallowed = SESSION_NAME_DISALLOWED.exec(name)?.[0];
    return disallowed === undefined ? undefined : `contains ${JSON.stringify(disallowed)}, which STS does not allow`;
}
function sanitise(text) {
    return text.replace(PART_DISALLOWED, '_');
}
/** Cuts `text` to `maxLength` (at least HASH_LENGTH + 1), replacing its end by `+` and a hash of all of it. */
function shorten(text, maxLength) {
    if (text.length <= maxLength)
        return text;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
    return `${text.slice(0, maxLength - HASH_LENGTH - 1)}+${hash}`;
}

// EXTERNAL MODULE: ./src/providers/gcp/export.ts
var gcp_export = __webpack_require__(9713);
// EXTERNAL MODULE: ./src/cli/cli-output.ts + 1 modules
var cli_output = __webpack_require__(524);
// EXTERNAL MODULE: ./src/cli/commands/ci-token.ts + 1 modules
var ci_token = __webpack_require__(756);
// EXTERNAL MODULE: ./src/cli/commands/policy-file.ts + 4 modules
var policy_file = __webpack_require__(1716);
;// CONCATENATED MODULE: ./src/cli/commands/exchange.ts














/**
 * `exchange`: the action's pipeline for any CI system. The token is verified, its claims face the
 * policy (a denial explains itself on stderr, as the action's log does), and the grant is exchanged
 * for AWS and/or Google credentials, printed on stdout only. Exit 0 issued, 1 refused, 2 usage.
 */
function exchange_exchange(options) {
    return (0,cli_output/* runCommand */.d1)(options.format === 'json' ? 'json' : 'text', exitCodeFor, async () => {
        const result = await exchangeCredentials(options);
        maskInGitHubActions(secretsOf(result));
        process.stdout.write(render(result, options));
        return cli_output/* Exit */.Jc.Ok;
    });
}
function exitCodeFor(error) {
    return error.code === broker_error/* ErrorCode */.O4.InputInvalid ? cli_output/* Exit */.Jc.Usage : cli_output/* Exit */.Jc.Refused;
}
/** Token → verified claims → decision → credentials; shared by `exchange` and `aws-credential-process`. */
async function exchangeCredentials(request) {
    const wantsAws = Boolean(request.awsRole || request.awsRegion);
    if (!wantsAws && !request.gcpProvider) {
        throw usage('Ask for a cloud: --aws-role (with --aws-region) for AWS, --gcp-provider for Google Cloud, or both.', 'For example --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1.');
    }
    if (!request.policy)
        throw usage('Give the policy that decides with --policy.', 'The same policy file the action reads; it names the roles and service accounts each job may get.');
    const issuer = request.issuer ?? (request.preset ? ci_systems/* CI_SYSTEMS */.mU[request.preset].defaultIssuer : undefined);
    if (!issuer)
        throw usage('Give the issuer with --issuer.', request.preset === 'circleci' ? 'CircleCI’s issuer names your organisation: https://oidc.circleci.com/org/ORG_ID.' : 'Use the issuer URL exactly as it appears in the tokens’ iss claim.');
    const audience = request.audience ?? (wantsAws ? 'sts.amazonaws.com' : `//iam.googleapis.com/${request.gcpProvider}`);
    const wanted = { aws: wantsAws ? awsRequest(request) : undefined, gcp: request.gcpProvider ? gcpRequest(request) : undefined };
    const token = await (0,ci_token/* readCiToken */.WZ)(request, audience);
    maskInGitHubActions([token]);
    const policy = await (0,policy_file/* loadPolicyArgument */.E)(request.policy, request.root);
    const authorization = await authorizeToken(token, { issuer, audience, policy, wanted });
    if (!authorization.allowed) {
        // The same explanation the action logs; claims are not secrets, the token never appears.
        process.stderr.write(`${authorization.explanation.join('\n')}\n`);
        throw authorization.error;
    }
    const { rule, claims, grants } = authorization;
    const minter = webIdentityMinter({
        getToken: async () => token,
        region: request.awsRegion,
        gcpEndpoints: { tokenUrl: request.gcpTokenUrl ?? GOOGLE_ENDPOINTS.tokenUrl, iamCredentialsUrl: request.gcpIamCredentialsUrl ?? GOOGLE_ENDPOINTS.iamCredentialsUrl },
    });
    if (grants.aws?.capped)
        notice(`the AWS session lasts ${grants.aws.durationSeconds} s, not the ${grants.aws.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-duration).`);
    // Readable in CloudTrail, and unique per job: the CI system's own project, run and job identifiers.
    const aws = grants.aws && (await issueAws(grants.aws, claims, sessionNameForToken(claims, request.preset), minter));
    if (grants.gcp?.capped)
        notice(`the Google access token lives ${grants.gcp.lifetimeSeconds} s, not the ${grants.gcp.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-lifetime).`);
    const gcp = grants.gcp && (await issueGcp(grants.gcp, claims, minter));
    return { rule: rule.name, aws, gcp };
}
// The flags are checked before any token is read, so a mistyped one costs no token.
function awsRequest(request) {
    if (!request.awsRegion)
        throw usage('--aws-region is required for AWS.', 'For example --aws-region us-east-1.');
    const durationSeconds = request.awsDuration === undefined ? duration/* STS_SESSION_SECONDS */.Em.default : (0,duration/* parseDuration */.E9)(request.awsDuration);
    if (durationSeconds === undefined || durationSeconds < duration/* STS_SESSION_SECONDS */.Em.min || durationSeconds > duration/* STS_SESSION_SECONDS */.Em.max)
        throw usage(`--aws-duration is "${request.awsDuration}", not from 15m to 12h.`, 'Write seconds (900) or a duration (15m, 1h).');
    return { role: request.awsRole, durationSeconds };
}
function gcpRequest(request) {
    const lifetimeSeconds = request.gcpLifetime === undefined ? duration/* GCP_TOKEN_SECONDS */.T9.default : (0,duration/* parseDuration */.E9)(request.gcpLifetime);
    if (lifetimeSeconds === undefined || lifetimeSeconds < duration/* GCP_TOKEN_SECONDS */.T9.min || lifetimeSeconds > duration/* GCP_TOKEN_SECONDS */.T9.max)
        throw usage(`--gcp-lifetime is "${request.gcpLifetime}", not from 1s to 1h.`, 'Write seconds (600) or a duration (10m).');
    return { provider: request.gcpProvider, serviceAccount: request.gcpServiceAccount, lifetimeSeconds };
}
/** The variables the clouds' CLIs and SDKs read. Google's client libraries take no bare token, so gcloud's and Terraform's. */
function environmentOf(result, request) {
    return {
        ...(result.aws && awsEnvironment(result.aws)),
        ...(result.gcp && { CLOUDSDK_AUTH_ACCESS_TOKEN: result.gcp.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: result.gcp.accessToken, ...(0,gcp_export/* gcpEnvironment */.uZ)(undefined, request.gcpProject) }),
    };
}
function render(result, request) {
    const environment = environmentOf(result, request);
    switch (request.format) {
        case 'json':
            return `${JSON.stringify({
                rule: result.rule,
                ...(result.aws && { aws: { accessKeyId: result.aws.accessKeyId, secretAccessKey: result.aws.secretAccessKey, sessionToken: result.aws.sessionToken, expiration: result.aws.expiration.toISOString(), assumedRoleId: result.aws.assumedRoleId, region: result.aws.region } }),
                ...(result.gcp && { gcp: { accessToken: result.gcp.accessToken, expiration: result.gcp.expiration.toISOString(), serviceAccount: result.gcp.serviceAccount ?? null } }),
                environment,
            }, null, 2)}\n`;
        case 'dotenv':
            // Single-quoted for `source` and for dotenv parsers alike.
            return Object.entries(environment)
                .map(([name, value]) => `export ${name}='${value.replaceAll("'", "'\\''")}'\n`)
                .join('');
        case 'github-env': {
            // The runner's multi-line syntax, with a delimiter no value can contain.
            const delimiter = `ci_oidc_broker_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
            return Object.entries(environment)
                .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
                .join('');
        }
    }
}
// As the action's notice does: a credential shorter than asked for should not come as a surprise later.
function notice(text) {
    process.stderr.write(`notice: ${text}\n`);
}
/**
 * Inside GitHub Actions, registers secrets with the runner's masker before anything could print them, as
 * the action does. On stderr, which the runner reads for workflow commands too: stdout may be going
 * to $GITHUB_ENV.
 */
function maskInGitHubActions(secrets, env = process.env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return;
    for (const secret of secrets)
        process.stderr.write(`::add-mask::${secret}\n`);
}
/** Every secret of the credentials, the account id included, as the action masks them by default. */
function secretsOf(result) {
    return [...(result.aws ? awsSecretValues(result.aws, { maskAccountId: true }) : []), ...(result.gcp ? (0,gcp_export/* gcpSecretValues */.rs)(result.gcp) : [])];
}
/** Prints the `credential_process` JSON contract (Version 1) for AWS CLIs and SDKs. */
function writeCredentialProcess(session) {
    (0,cli_output/* writeJson */.GF)({ Version: 1, AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiration.toISOString() });
}
function usage(message, hint) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, message, { hint });
}


/***/ }),

/***/ 9228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ assumeRoleWithWebIdentity)
});

// UNUSED EXPORTS: sessionFromStsAnswer

// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/providers/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(9445);
;// CONCATENATED MODULE: ./src/providers/aws/sts-errors.ts



const TRANSIENT_CODES = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError']);
// Connection failures worth another try. ENOTFOUND is left out: a wrong endpoint host should fail fast.
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Our per-attempt abort signal yields AbortError; the SDK's HTTP handler names its own timeouts TimeoutError.
const TIMEOUT_ERROR_NAMES = new Set(['AbortError', 'TimeoutError']);
/** Names the condition keys of the token's own issuer (`gitlab.com:sub`, not GitHub's), when it is known. */
function trustPolicyHint(issuer) {
    const prefix = issuer === undefined || !URL.canParse(issuer) ? undefined : (0,oidc_provider/* oidcProviderKeyPrefix */.k)(issuer);
    const keys = prefix === undefined ? 'its conditions on ISSUER:sub and ISSUER:aud (ISSUER: the issuer URL without https://, as in token.actions.githubusercontent.com:sub)' : `its conditions on ${prefix}:sub and ${prefix}:aud`;
    return `Check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity to the IAM OIDC provider of this token’s issuer, and ${keys} must match this subject and the token’s audience.`;
}
/** Retries what may pass (throttling, STS or IdP trouble, network failures, timeouts), honouring Retry-After. */
function transientVerdict(error) {
    const serviceError = asServiceError(error);
    if (serviceError) {
        const status = serviceError.$metadata.httpStatusCode ?? 0;
        const transient = TRANSIENT_CODES.has(wireCode(serviceError)) || status === 429 || status >= 500;
        return transient ? { retry: true, afterMs: retryAfterMs(serviceError) } : { retry: false };
    }
    return isNetworkError(error) || isTimeout(error) ? { retry: true } : { retry: false };
}
/** STS says the token expired, as ExpiredTokenException or as an InvalidIdentityToken that names expiry. */
function isExpiredTokenError(error) {
    const serviceError = asServiceError(error);
    if (!serviceError)
        return false;
    const code = wireCode(serviceError);
    return code === 'ExpiredTokenException' || (code === 'InvalidIdentityToken' && /expired/i.test(serviceError.message));
}
/** The BrokerError to report for a failed exchange. BrokerErrors (from the token source) pass through. */
function exchangeError(error, facts) {
    if (error instanceof broker_error/* BrokerError */.Wz)
        return error;
    if (error instanceof retry/* RetriesExhaustedError */.i5)
        return exhaustedError(error, facts);
    const serviceError = asServiceError(error);
    const code = serviceError ? wireCode(serviceError) : undefined;
    const awsSaid = JSON.stringify(facts.redact(error instanceof Error ? error.message : String(error)));
    if (isExpiredTokenError(error)) {
        return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExpiredToken, 'AWS STS says the OIDC token has expired, even after a fresh one was requested.', {
            hint: 'Tokens live for minutes: check that this machine’s clock is right and that nothing holds the token between its request and the exchange.',
            cause: error,
        });
    }
    switch (code) {
        case 'AccessDenied':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsAccessDenied, `AWS STS denied assuming ${facts.roleArn} with the token whose subject is ${JSON.stringify(facts.subject)}.`, {
                hint: trustPolicyHint(facts.issuer),
                cause: error,
            });
        case 'InvalidIdentityToken':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsInvalidIdentityToken, `AWS STS rejected the OIDC token for ${facts.roleArn}: ${awsSaid}.`, {
                hint: 'Check that the token’s issuer is registered as an IAM OIDC identity provider in the role’s account, and that the token’s audience is one of that provider’s client IDs (usually sts.amazonaws.com).',
                cause: error,
            });
        case 'ValidationError':
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsValidation, `AWS STS rejected the request to assume ${facts.roleArn}: ${awsSaid}.`, {
                hint: 'Check the role ARN, the session name, the duration (at most the role’s maximum session duration) and any session policies.',
                cause: error,
            });
        default:
            return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExchangeFailed, `Assuming ${facts.roleArn} failed with ${failureCode(error)}: ${awsSaid}.`, {
                hint: 'Look the code up in the AWS STS documentation of AssumeRoleWithWebIdentity. A network code such as ENOTFOUND means STS was not found: check the region, and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them.',
                cause: error,
            });
    }
}
function exhaustedError(error, facts) {
    const seconds = (error.elapsedMs / 1000).toFixed(1);
    const why = error.timedOut ? `the ${error.budgetMs === undefined ? '' : `${(0,retry/* formatSeconds */.Xo)(error.budgetMs)} s `}time budget ran out` : 'no attempts were left';
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExchangeTimedOut, `Gave up assuming ${facts.roleArn} after ${error.attempts} attempt(s) over ${seconds} s, because ${why}; the last failure was ${failureCode(error.lastError)}.`, {
        hint: 'AWS STS was throttling, failing or unreachable. Retry the job later; if STS was unreachable, check this machine’s network access to it (and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them).',
        cause: error,
    });
}
/** A short, secret-free name for a failure: the STS code and HTTP status, a network error code, or a timeout. */
function failureCode(error) {
    const serviceError = asServiceError(error);
    if (serviceError)
        return `${wireCode(serviceError)} (HTTP ${serviceError.$metadata.httpStatusCode ?? 'status unknown'})`;
    // The SDK names a dropped connection TimeoutError too; its code says what really happened.
    if (isNetworkError(error))
        return String(error.code);
    if (isTimeout(error))
        return 'a timeout';
    if (!(error instanceof Error))
        return 'an unknown error';
    const { code } = error;
    return typeof code === 'string' ? code : error.name;
}
function asServiceError(error) {
    return error instanceof Error && '$fault' in error && '$metadata' in error ? error : undefined;
}
function wireCode(error) {
    return typeof error.Code === 'string' ? error.Code : error.name;
}
function isNetworkError(error) {
    return error instanceof Error && NETWORK_ERROR_CODES.has(String(error.code));
}
function isTimeout(error) {
    return error instanceof Error && TIMEOUT_ERROR_NAMES.has(error.name);
}
/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(error) {
    const header = error.$response?.headers['retry-after'];
    if (header === undefined)
        return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

;// CONCATENATED MODULE: ./src/providers/aws/exchange.ts



// A hung connection may take one attempt's share of the budget, not all of it.
const ATTEMPT_TIMEOUT_MS = 10_000;
/**
 * Exchanges the CI job's OIDC token for role credentials. The call is unsigned, retried by the
 * project's one retry loop within its time budget, and every failure ends as a BrokerError.
 */
async function assumeRoleWithWebIdentity(request) {
    // Loaded here so that start-up pays for the SDK only when AWS is asked for.
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const client = new STSClient({
        region: request.region,
        // Retries are ours, so that one loop and one budget govern them.
        maxAttempts: 1,
        // The operation is modelled as unsigned; pinning that keeps AWS_AUTH_SCHEME_PREFERENCE from choosing a
        // signing scheme, which would make the client look for credentials.
        authSchemePreference: ['noAuth'],
    });
    const policyArns = request.managedSessionPolicyArns ?? [];
    let sentToken;
    // STS saying the token expired earns one retry with a fresh token.
    let refresh = 'unused';
    const classify = (error) => {
        if (!isExpiredTokenError(error))
            return transientVerdict(error);
        if (refresh !== 'unused')
            return { retry: false };
        refresh = 'next-attempt';
        return { retry: true };
    };
    try {
        const { value } = await (0,retry/* withRetries */.LH)(async ({ remainingMs }) => {
            const forceRefresh = refresh === 'next-attempt';
            if (forceRefresh)
                refresh = 'used';
            sentToken = await request.getToken({ forceRefresh });
            const command = new AssumeRoleWithWebIdentityCommand({
                RoleArn: request.roleArn,
                RoleSessionName: request.sessionName,
                WebIdentityToken: sentToken,
                DurationSeconds: request.durationSeconds,
                Policy: request.inlineSessionPolicy,
                // The SDK would send an empty list as `PolicyArns=`, so none is left out instead.
                PolicyArns: policyArns.length > 0 ? policyArns.map((arn) => ({ arn })) : undefined,
            });
            const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs));
            return client.send(command, { abortSignal: AbortSignal.timeout(timeoutMs) });
        }, classify, request.retryPolicy ?? retry/* defaultRetryPolicy */.ur);
        return sessionFromStsAnswer(value, request, 'If you point the SDK at another endpoint (AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL), check that it speaks AWS STS; otherwise, file an issue.');
    }
    catch (error) {
        const redact = (text) => (sentToken ? text.replaceAll(sentToken, '[token]') : text);
        throw exchangeError(error, { roleArn: request.roleArn, subject: request.subject, issuer: request.issuer, redact });
    }
    finally {
        client.destroy();
    }
}
/**
 * The session in an STS answer (AssumeRole or AssumeRoleWithWebIdentity), or an error when STS left any
 * part of it out; `hint` says where to look for the endpoint that answered.
 */
function sessionFromStsAnswer(output, request, hint) {
    const credentials = output.Credentials;
    const user = output.AssumedRoleUser;
    // arn:aws:sts::<account>:assumed-role/<role>/<session>
    const accountId = user?.Arn?.split(':')[4];
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration || !user?.AssumedRoleId || !user.Arn || !accountId) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.AwsExchangeFailed, `AWS STS answered the request to assume ${request.roleArn} without complete credentials or assumed-role user.`, { hint });
    }
    return {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiration: credentials.Expiration,
        assumedRoleId: user.AssumedRoleId,
        assumedRoleArn: user.Arn,
        accountId,
        sessionName: request.sessionName,
        roleArn: request.roleArn,
        region: request.region,
    };
}


/***/ }),

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e9: () => (/* binding */ poolOf),
/* harmony export */   rs: () => (/* binding */ gcpSecretValues),
/* harmony export */   uZ: () => (/* binding */ gcpEnvironment)
/* harmony export */ });
/* unused harmony exports writeGcpCredentialFiles, gcpOutputs, gcpCredentialRecord, findGcpCredentialDirectories */
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


/***/ })

};
