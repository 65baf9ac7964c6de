export const id = 256;
export const ids = [256];
export const modules = {

/***/ 756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WZ: () => (/* binding */ readCiToken),
  O2: () => (/* binding */ readTokenFile),
  Gr: () => (/* binding */ tokenFromVariable)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(7314);
// EXTERNAL MODULE: ./src/util/fetch-text.ts
var fetch_text = __webpack_require__(6614);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
;// CONCATENATED MODULE: ./src/oidc/request-token.ts



const ATTEMPT_TIMEOUT_MS = 10_000;
const TOKEN_REQUEST_RETRIES = { ...retry/* defaultRetryPolicy */.ur, totalTimeoutMs: 20_000 };
/** Reads the runner's token-request variables, which exist only when the job may have a token. */
function runnerTokenRequestFromEnv(env) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestBearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestBearer) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PermissionMissing, 'This job may not request an OIDC token: the runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL.', {
            hint: 'Add `permissions: id-token: write` to the job (or the workflow). Workflows triggered by pull requests from forks never get ' +
                'this permission; run the credentialed part on a trusted event instead.',
        });
    }
    return { requestUrl, requestBearer };
}
/** Asks the runner's token endpoint for a token with the given audience. Never logs the bearer. */
async function requestRunnerToken(request) {
    const url = new URL(request.requestUrl);
    url.searchParams.set('audience', request.audience);
    try {
        const { status, text } = await (0,fetch_text/* fetchText */.S)(url, { headers: { authorization: `Bearer ${request.requestBearer}`, accept: 'application/json' } }, request.retryPolicy ?? TOKEN_REQUEST_RETRIES, ATTEMPT_TIMEOUT_MS);
        if (status < 200 || status >= 300) {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, `The runner's token endpoint refused the request (HTTP ${status}).`, {
                hint: 'The request bearer was rejected: check that `permissions: id-token: write` is granted and that nothing overrides ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
            });
        }
        // A whole body without a token is the runner's answer, and final.
        const body = (0,fetch_text/* parseJson */.q)(text);
        if (typeof body?.value !== 'string' || body.value === '') {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, "The runner's token endpoint answered without a token.", {
                hint: 'Retry the job; if it persists, the runner may be misconfigured (check ACTIONS_ID_TOKEN_REQUEST_URL).',
            });
        }
        return body.value;
    }
    catch (error) {
        if (!(error instanceof retry/* RetriesExhaustedError */.i5))
            throw error;
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, `The runner's token endpoint failed ${error.attempts} time(s) over ${(error.elapsedMs / 1000).toFixed(1)} s${error.timedOut && error.budgetMs !== undefined ? `, the ${(0,retry/* formatSeconds */.Xo)(error.budgetMs)} s time budget` : ''} (last: ${error.lastError.message}).`, { hint: 'The runner could not issue a token; retry the job. GitHub status may show an Actions incident.', cause: error });
    }
}

// EXTERNAL MODULE: ./src/cli/redact.ts
var redact = __webpack_require__(8629);
// EXTERNAL MODULE: ./src/cli/commands/input-files.ts
var input_files = __webpack_require__(8315);
;// CONCATENATED MODULE: ./src/cli/commands/ci-token.ts







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
            return requestRunnerToken({ ...runnerTokenRequestFromEnv(env), audience });
        case 'buildkite':
            return buildkiteToken(audience);
        default: {
            const variables = ci_systems/* CI_SYSTEMS */.mU[options.preset].tokenVariables;
            const found = variables.find((name) => env[name]);
            if (!found) {
                throw usage(`None of ${variables.join(', ')} is set, where ${ci_systems/* CI_SYSTEMS */.mU[options.preset].title} jobs find their OIDC token.`, options.preset === 'gitlab' ? 'Declare it in the job: `id_tokens: GITLAB_OIDC_TOKEN: aud: <audience>`, or name your variable with --token-env.' : 'Run the command inside the job, or pass --token-env.');
            }
            return tokenFromVariable(found, env);
        }
    }
}
async function readTokenFile(path) {
    return (await (0,input_files/* readInputFile */.j)(path, 'token')).trim();
}
function tokenFromVariable(name, env = process.env) {
    if ((0,redact/* looksLikeToken */.N)(name)) {
        throw usage('A token was given where the name of an environment variable was expected; it is not repeated here.', 'Put the token in a variable and name that: --token-env GITLAB_OIDC_TOKEN, for example.');
    }
    const token = env[name]?.trim();
    if (!token)
        throw usage(`The environment variable ${name} is empty or not set.`, 'Name the variable that holds the job’s OIDC token.');
    return token;
}
async function buildkiteToken(audience) {
    try {
        const { stdout } = await (0,external_node_util_.promisify)(external_node_child_process_.execFile)('buildkite-agent', ['oidc', 'request-token', '--audience', audience], { timeout: 30_000 });
        return stdout.trim();
    }
    catch (error) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.TokenRequestFailed, '`buildkite-agent oidc request-token` failed.', {
            hint: 'Run the command in a Buildkite job step, where the agent is on PATH; or pass the token with --token-env.',
            cause: error,
        });
    }
}
function usage(message, hint) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, message, { hint });
}


/***/ }),

/***/ 8315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8629);



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

/***/ 1716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ loadPolicyArgument)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors/broker-error.ts
var broker_error = __webpack_require__(5725);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/policy/schema-validator.generated.ts
// Generated by scripts/generate-policy-validator.ts from schema/policy.schema.json: do not edit.
// Run `npm run build` after changing the schema.
// @ts-nocheck

const validate = (/* unused pure expression or super */ null && (validate10));
/* harmony default export */ const schema_validator_generated = (validate10);
const schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/ci-oidc-broker/ci-oidc-broker/schema/policy.schema.json", "title": "ci-oidc-broker policy", "description": "Which CI jobs, identified by their verified OIDC token claims, may receive which cloud credentials. Deny by default; a matching deny rule wins; otherwise the first matching allow rule grants.", "type": "object", "additionalProperties": false, "required": ["version", "rules"], "properties": { "version": { "description": "The policy format version.", "const": 1 }, "issuers": { "description": "Token issuers this policy accepts. Default: GitHub Actions (https://token.actions.githubusercontent.com).", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "audiences": { "description": "Token audiences this policy accepts. Default: any audience the verifier was configured for.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "custom-claims": { "description": "Claims the policy's tokens carry that the broker does not know: a GitHub repository custom property (repo_property_NAME), a Buildkite agent tag (agent_tag:NAME), or any claim of an issuer the broker does not model. A rule may match only the claims its issuer's tokens are known to carry, the JWT claims, and these; any other name is refused as a likely misspelling.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "rules": { "description": "Rules, evaluated in file order.", "type": "array", "items": { "$ref": "#/definitions/rule" } } }, "definitions": { "rule": { "type": "object", "additionalProperties": false, "required": ["name", "match"], "properties": { "name": { "description": "A unique name, shown in decisions and job summaries.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "effect": { "description": "allow (the default) grants credentials; deny refuses them and wins over any allow.", "enum": ["allow", "deny"] }, "issuer": { "description": "The issuer this rule applies to, one of the policy's issuers. A rule without one applies to every issuer; with several CI systems in one policy, name it, since each CI system's claims mean different things.", "type": "string", "minLength": 1 }, "match": { "description": "Claims that must all hold. A claim that is absent from the token never matches. Each name must be a claim the rule's issuer puts in its tokens, or one listed under custom-claims.", "type": "object", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/claimValue" } }, "grant": { "$ref": "#/definitions/grant" } } }, "claimValue": { "description": "How a claim is matched. A string: exactly, case-sensitively. A list of strings: any one of them, exactly. {glob: PATTERN}: `*` matches within one `/`-separated segment, `**` across segments, every other character is literal. {regex: PATTERN}: an RE2 regular expression (the dialect of Google CEL), always anchored as ^(?:PATTERN)$. Claims are strings: quote numeric IDs (\"8429\").", "anyOf": [{ "type": "string" }, { "type": "array", "minItems": 1, "items": { "type": "string" } }, { "type": "object", "additionalProperties": false, "required": ["glob"], "properties": { "glob": { "type": "string", "minLength": 1 } } }, { "type": "object", "additionalProperties": false, "required": ["regex"], "properties": { "regex": { "type": "string", "minLength": 1 } } }] }, "grant": { "description": "What an allow rule grants.", "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "aws": { "$ref": "#/definitions/awsGrant" }, "gcp": { "$ref": "#/definitions/gcpGrant" } } }, "awsGrant": { "description": "AWS roles this rule lets the job assume with AssumeRoleWithWebIdentity.", "type": "object", "additionalProperties": false, "required": ["roles"], "properties": { "roles": { "description": "IAM role ARNs. The step's role-to-assume must be one of them; with a single role it may be omitted.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } }, "max-duration": { "description": "The longest session granted: seconds (900) or a duration (\"15m\", \"1h\", \"1h30m\"), from 15 minutes to 12 hours. Default: 1 hour.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "session-policy": { "description": "A JSON file, by its path from the root of the policy's repository, holding an IAM policy that narrows every session this rule grants (sent to STS as the inline session policy).", "type": "string", "minLength": 1 }, "revoke-role": { "description": "An IAM role that the post step assumes (with a fresh OIDC token) to deny the session at job end, by an inline Deny on the session's role. `ci-oidc-broker policy export --aws-revocation` prints its policies.", "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } } }, "gcpGrant": { "description": "Google Cloud access this rule grants: a federated token from the workload identity pool provider, exchanged for a service account's access token by impersonation.", "type": "object", "additionalProperties": false, "required": ["workload-identity-provider"], "properties": { "workload-identity-provider": { "description": "The provider's full resource name: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.", "type": "string", "pattern": "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, "service-accounts": { "description": "Service accounts the job may impersonate; gcp-service-account must be one of them, and may be omitted when there is one.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" } }, "max-lifetime": { "description": "The longest access token granted: seconds or a duration (\"10m\"), up to 1 hour. Default: 10 minutes.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "scopes": { "description": "OAuth scopes of the access token. Default: https://www.googleapis.com/auth/cloud-platform.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" } } } } } };
const schema12 = { "type": "object", "additionalProperties": false, "required": ["name", "match"], "properties": { "name": { "description": "A unique name, shown in decisions and job summaries.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, "effect": { "description": "allow (the default) grants credentials; deny refuses them and wins over any allow.", "enum": ["allow", "deny"] }, "issuer": { "description": "The issuer this rule applies to, one of the policy's issuers. A rule without one applies to every issuer; with several CI systems in one policy, name it, since each CI system's claims mean different things.", "type": "string", "minLength": 1 }, "match": { "description": "Claims that must all hold. A claim that is absent from the token never matches. Each name must be a claim the rule's issuer puts in its tokens, or one listed under custom-claims.", "type": "object", "minProperties": 1, "additionalProperties": { "$ref": "#/definitions/claimValue" } }, "grant": { "$ref": "#/definitions/grant" } } };
const schema13 = { "description": "How a claim is matched. A string: exactly, case-sensitively. A list of strings: any one of them, exactly. {glob: PATTERN}: `*` matches within one `/`-separated segment, `**` across segments, every other character is literal. {regex: PATTERN}: an RE2 regular expression (the dialect of Google CEL), always anchored as ^(?:PATTERN)$. Claims are strings: quote numeric IDs (\"8429\").", "anyOf": [{ "type": "string" }, { "type": "array", "minItems": 1, "items": { "type": "string" } }, { "type": "object", "additionalProperties": false, "required": ["glob"], "properties": { "glob": { "type": "string", "minLength": 1 } } }, { "type": "object", "additionalProperties": false, "required": ["regex"], "properties": { "regex": { "type": "string", "minLength": 1 } } }] };
const pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", "u");
const schema14 = { "description": "What an allow rule grants.", "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "aws": { "$ref": "#/definitions/awsGrant" }, "gcp": { "$ref": "#/definitions/gcpGrant" } } };
const schema15 = { "description": "AWS roles this rule lets the job assume with AssumeRoleWithWebIdentity.", "type": "object", "additionalProperties": false, "required": ["roles"], "properties": { "roles": { "description": "IAM role ARNs. The step's role-to-assume must be one of them; with a single role it may be omitted.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } }, "max-duration": { "description": "The longest session granted: seconds (900) or a duration (\"15m\", \"1h\", \"1h30m\"), from 15 minutes to 12 hours. Default: 1 hour.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "session-policy": { "description": "A JSON file, by its path from the root of the policy's repository, holding an IAM policy that narrows every session this rule grants (sent to STS as the inline session policy).", "type": "string", "minLength": 1 }, "revoke-role": { "description": "An IAM role that the post step assumes (with a fresh OIDC token) to deny the session at job end, by an inline Deny on the session's role. `ci-oidc-broker policy export --aws-revocation` prints its policies.", "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" } } };
const schema16 = { "description": "Google Cloud access this rule grants: a federated token from the workload identity pool provider, exchanged for a service account's access token by impersonation.", "type": "object", "additionalProperties": false, "required": ["workload-identity-provider"], "properties": { "workload-identity-provider": { "description": "The provider's full resource name: projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.", "type": "string", "pattern": "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, "service-accounts": { "description": "Service accounts the job may impersonate; gcp-service-account must be one of them, and may be omitted when there is one.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" } }, "max-lifetime": { "description": "The longest access token granted: seconds or a duration (\"10m\"), up to 1 hour. Default: 10 minutes.", "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }] }, "scopes": { "description": "OAuth scopes of the access token. Default: https://www.googleapis.com/auth/cloud-platform.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" } } } };
const pattern1 = new RegExp("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", "u");
const pattern2 = new RegExp("^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$", "u");
const pattern4 = new RegExp("^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$", "u");
const pattern5 = new RegExp("^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$", "u");
const pattern7 = new RegExp("^https://www\\.googleapis\\.com/auth/[\\w.-]+$", "u");
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
        const err0 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((key0 === "aws") || (key0 === "gcp"))) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    if (data.aws !== undefined) {
        let data0 = data.aws;
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.roles === undefined) {
                const err2 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/required", keyword: "required", params: { missingProperty: "roles" }, message: "must have required property '" + "roles" + "'" };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
            for (const key1 in data0) {
                if (!((((key1 === "roles") || (key1 === "max-duration")) || (key1 === "session-policy")) || (key1 === "revoke-role"))) {
                    const err3 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
            }
            if (data0.roles !== undefined) {
                let data1 = data0.roles;
                if (Array.isArray(data1)) {
                    if (data1.length < 1) {
                        const err4 = { instancePath: instancePath + "/aws/roles", schemaPath: "#/definitions/awsGrant/properties/roles/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                    const len0 = data1.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        let data2 = data1[i0];
                        if (typeof data2 === "string") {
                            if (!pattern1.test(data2)) {
                                const err5 = { instancePath: instancePath + "/aws/roles/" + i0, schemaPath: "#/definitions/awsGrant/properties/roles/items/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" }, message: "must match pattern \"" + "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err5];
                                }
                                else {
                                    vErrors.push(err5);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err6 = { instancePath: instancePath + "/aws/roles/" + i0, schemaPath: "#/definitions/awsGrant/properties/roles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err7 = { instancePath: instancePath + "/aws/roles", schemaPath: "#/definitions/awsGrant/properties/roles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
            if (data0["max-duration"] !== undefined) {
                let data3 = data0["max-duration"];
                const _errs11 = errors;
                let valid5 = false;
                const _errs12 = errors;
                if (!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) {
                    const err8 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
                var _valid0 = _errs12 === errors;
                valid5 = valid5 || _valid0;
                if (!valid5) {
                    const _errs14 = errors;
                    if (typeof data3 === "string") {
                        if (!pattern2.test(data3)) {
                            const err9 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }, message: "must match pattern \"" + "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" + "\"" };
                            if (vErrors === null) {
                                vErrors = [err9];
                            }
                            else {
                                vErrors.push(err9);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err10 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err10];
                        }
                        else {
                            vErrors.push(err10);
                        }
                        errors++;
                    }
                    var _valid0 = _errs14 === errors;
                    valid5 = valid5 || _valid0;
                }
                if (!valid5) {
                    const err11 = { instancePath: instancePath + "/aws/max-duration", schemaPath: "#/definitions/awsGrant/properties/max-duration/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err11];
                    }
                    else {
                        vErrors.push(err11);
                    }
                    errors++;
                }
                else {
                    errors = _errs11;
                    if (vErrors !== null) {
                        if (_errs11) {
                            vErrors.length = _errs11;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data0["session-policy"] !== undefined) {
                let data4 = data0["session-policy"];
                if (typeof data4 === "string") {
                    if (data4.length < 1) {
                        const err12 = { instancePath: instancePath + "/aws/session-policy", schemaPath: "#/definitions/awsGrant/properties/session-policy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
                else {
                    const err13 = { instancePath: instancePath + "/aws/session-policy", schemaPath: "#/definitions/awsGrant/properties/session-policy/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            if (data0["revoke-role"] !== undefined) {
                let data5 = data0["revoke-role"];
                if (typeof data5 === "string") {
                    if (!pattern1.test(data5)) {
                        const err14 = { instancePath: instancePath + "/aws/revoke-role", schemaPath: "#/definitions/awsGrant/properties/revoke-role/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" }, message: "must match pattern \"" + "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err14];
                        }
                        else {
                            vErrors.push(err14);
                        }
                        errors++;
                    }
                }
                else {
                    const err15 = { instancePath: instancePath + "/aws/revoke-role", schemaPath: "#/definitions/awsGrant/properties/revoke-role/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/aws", schemaPath: "#/definitions/awsGrant/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.gcp !== undefined) {
        let data6 = data.gcp;
        if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6["workload-identity-provider"] === undefined) {
                const err17 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/required", keyword: "required", params: { missingProperty: "workload-identity-provider" }, message: "must have required property '" + "workload-identity-provider" + "'" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
            for (const key2 in data6) {
                if (!((((key2 === "workload-identity-provider") || (key2 === "service-accounts")) || (key2 === "max-lifetime")) || (key2 === "scopes"))) {
                    const err18 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
            if (data6["workload-identity-provider"] !== undefined) {
                let data7 = data6["workload-identity-provider"];
                if (typeof data7 === "string") {
                    if (!pattern4.test(data7)) {
                        const err19 = { instancePath: instancePath + "/gcp/workload-identity-provider", schemaPath: "#/definitions/gcpGrant/properties/workload-identity-provider/pattern", keyword: "pattern", params: { pattern: "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" }, message: "must match pattern \"" + "^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err19];
                        }
                        else {
                            vErrors.push(err19);
                        }
                        errors++;
                    }
                }
                else {
                    const err20 = { instancePath: instancePath + "/gcp/workload-identity-provider", schemaPath: "#/definitions/gcpGrant/properties/workload-identity-provider/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err20];
                    }
                    else {
                        vErrors.push(err20);
                    }
                    errors++;
                }
            }
            if (data6["service-accounts"] !== undefined) {
                let data8 = data6["service-accounts"];
                if (Array.isArray(data8)) {
                    if (data8.length < 1) {
                        const err21 = { instancePath: instancePath + "/gcp/service-accounts", schemaPath: "#/definitions/gcpGrant/properties/service-accounts/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                    const len1 = data8.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                        let data9 = data8[i1];
                        if (typeof data9 === "string") {
                            if (!pattern5.test(data9)) {
                                const err22 = { instancePath: instancePath + "/gcp/service-accounts/" + i1, schemaPath: "#/definitions/gcpGrant/properties/service-accounts/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" }, message: "must match pattern \"" + "^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err23 = { instancePath: instancePath + "/gcp/service-accounts/" + i1, schemaPath: "#/definitions/gcpGrant/properties/service-accounts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err24 = { instancePath: instancePath + "/gcp/service-accounts", schemaPath: "#/definitions/gcpGrant/properties/service-accounts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data6["max-lifetime"] !== undefined) {
                let data10 = data6["max-lifetime"];
                const _errs31 = errors;
                let valid10 = false;
                const _errs32 = errors;
                if (!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) {
                    const err25 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
                var _valid1 = _errs32 === errors;
                valid10 = valid10 || _valid1;
                if (!valid10) {
                    const _errs34 = errors;
                    if (typeof data10 === "string") {
                        if (!pattern2.test(data10)) {
                            const err26 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/1/pattern", keyword: "pattern", params: { pattern: "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" }, message: "must match pattern \"" + "^(?=\\d)(\\d+h)?(\\d+m)?(\\d+s)?$" + "\"" };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err27 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    var _valid1 = _errs34 === errors;
                    valid10 = valid10 || _valid1;
                }
                if (!valid10) {
                    const err28 = { instancePath: instancePath + "/gcp/max-lifetime", schemaPath: "#/definitions/gcpGrant/properties/max-lifetime/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
                else {
                    errors = _errs31;
                    if (vErrors !== null) {
                        if (_errs31) {
                            vErrors.length = _errs31;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data6.scopes !== undefined) {
                let data11 = data6.scopes;
                if (Array.isArray(data11)) {
                    if (data11.length < 1) {
                        const err29 = { instancePath: instancePath + "/gcp/scopes", schemaPath: "#/definitions/gcpGrant/properties/scopes/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                    const len2 = data11.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                        let data12 = data11[i2];
                        if (typeof data12 === "string") {
                            if (!pattern7.test(data12)) {
                                const err30 = { instancePath: instancePath + "/gcp/scopes/" + i2, schemaPath: "#/definitions/gcpGrant/properties/scopes/items/pattern", keyword: "pattern", params: { pattern: "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" }, message: "must match pattern \"" + "^https://www\\.googleapis\\.com/auth/[\\w.-]+$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err30];
                                }
                                else {
                                    vErrors.push(err30);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err31 = { instancePath: instancePath + "/gcp/scopes/" + i2, schemaPath: "#/definitions/gcpGrant/properties/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err31];
                            }
                            else {
                                vErrors.push(err31);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err32 = { instancePath: instancePath + "/gcp/scopes", schemaPath: "#/definitions/gcpGrant/properties/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
        }
        else {
            const err33 = { instancePath: instancePath + "/gcp", schemaPath: "#/definitions/gcpGrant/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err33];
            }
            else {
                vErrors.push(err33);
            }
            errors++;
        }
    }
}
else {
    const err34 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err34];
    }
    else {
        vErrors.push(err34);
    }
    errors++;
} validate12.errors = vErrors; return errors === 0; }
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.match === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property '" + "match" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((((key0 === "name") || (key0 === "effect")) || (key0 === "issuer")) || (key0 === "match")) || (key0 === "grant"))) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        let data0 = data.name;
        if (typeof data0 === "string") {
            if (!pattern0.test(data0)) {
                const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" }, message: "must match pattern \"" + "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        else {
            const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.effect !== undefined) {
        let data1 = data.effect;
        if (!((data1 === "allow") || (data1 === "deny"))) {
            const err5 = { instancePath: instancePath + "/effect", schemaPath: "#/properties/effect/enum", keyword: "enum", params: { allowedValues: schema12.properties.effect.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.issuer !== undefined) {
        let data2 = data.issuer;
        if (typeof data2 === "string") {
            if (data2.length < 1) {
                const err6 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        else {
            const err7 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.match !== undefined) {
        let data3 = data.match;
        if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (Object.keys(data3).length < 1) {
                const err8 = { instancePath: instancePath + "/match", schemaPath: "#/properties/match/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            for (const key1 in data3) {
                let data4 = data3[key1];
                const _errs12 = errors;
                let valid3 = false;
                const _errs13 = errors;
                if (typeof data4 !== "string") {
                    const err9 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err9];
                    }
                    else {
                        vErrors.push(err9);
                    }
                    errors++;
                }
                var _valid0 = _errs13 === errors;
                valid3 = valid3 || _valid0;
                if (!valid3) {
                    const _errs15 = errors;
                    if (Array.isArray(data4)) {
                        if (data4.length < 1) {
                            const err10 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                        const len0 = data4.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                            if (typeof data4[i0] !== "string") {
                                const err11 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i0, schemaPath: "#/definitions/claimValue/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err11];
                                }
                                else {
                                    vErrors.push(err11);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err12 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                    var _valid0 = _errs15 === errors;
                    valid3 = valid3 || _valid0;
                    if (!valid3) {
                        const _errs19 = errors;
                        if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                            if (data4.glob === undefined) {
                                const err13 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/required", keyword: "required", params: { missingProperty: "glob" }, message: "must have required property '" + "glob" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err13];
                                }
                                else {
                                    vErrors.push(err13);
                                }
                                errors++;
                            }
                            for (const key2 in data4) {
                                if (!(key2 === "glob")) {
                                    const err14 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err14];
                                    }
                                    else {
                                        vErrors.push(err14);
                                    }
                                    errors++;
                                }
                            }
                            if (data4.glob !== undefined) {
                                let data6 = data4.glob;
                                if (typeof data6 === "string") {
                                    if (data6.length < 1) {
                                        const err15 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/glob", schemaPath: "#/definitions/claimValue/anyOf/2/properties/glob/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        if (vErrors === null) {
                                            vErrors = [err15];
                                        }
                                        else {
                                            vErrors.push(err15);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err16 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/glob", schemaPath: "#/definitions/claimValue/anyOf/2/properties/glob/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err16];
                                    }
                                    else {
                                        vErrors.push(err16);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err17 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err17];
                            }
                            else {
                                vErrors.push(err17);
                            }
                            errors++;
                        }
                        var _valid0 = _errs19 === errors;
                        valid3 = valid3 || _valid0;
                        if (!valid3) {
                            const _errs24 = errors;
                            if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                                if (data4.regex === undefined) {
                                    const err18 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/required", keyword: "required", params: { missingProperty: "regex" }, message: "must have required property '" + "regex" + "'" };
                                    if (vErrors === null) {
                                        vErrors = [err18];
                                    }
                                    else {
                                        vErrors.push(err18);
                                    }
                                    errors++;
                                }
                                for (const key3 in data4) {
                                    if (!(key3 === "regex")) {
                                        const err19 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                        if (vErrors === null) {
                                            vErrors = [err19];
                                        }
                                        else {
                                            vErrors.push(err19);
                                        }
                                        errors++;
                                    }
                                }
                                if (data4.regex !== undefined) {
                                    let data7 = data4.regex;
                                    if (typeof data7 === "string") {
                                        if (data7.length < 1) {
                                            const err20 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/regex", schemaPath: "#/definitions/claimValue/anyOf/3/properties/regex/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                            if (vErrors === null) {
                                                vErrors = [err20];
                                            }
                                            else {
                                                vErrors.push(err20);
                                            }
                                            errors++;
                                        }
                                    }
                                    else {
                                        const err21 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/regex", schemaPath: "#/definitions/claimValue/anyOf/3/properties/regex/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err21];
                                        }
                                        else {
                                            vErrors.push(err21);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err22 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf/3/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                            var _valid0 = _errs24 === errors;
                            valid3 = valid3 || _valid0;
                        }
                    }
                }
                if (!valid3) {
                    const err23 = { instancePath: instancePath + "/match/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/claimValue/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err23];
                    }
                    else {
                        vErrors.push(err23);
                    }
                    errors++;
                }
                else {
                    errors = _errs12;
                    if (vErrors !== null) {
                        if (_errs12) {
                            vErrors.length = _errs12;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
        }
        else {
            const err24 = { instancePath: instancePath + "/match", schemaPath: "#/properties/match/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
    }
    if (data.grant !== undefined) {
        if (!(validate12(data.grant, { instancePath: instancePath + "/grant", parentData: data, parentDataProperty: "grant", rootData }))) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
        }
    }
}
else {
    const err25 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err25];
    }
    else {
        vErrors.push(err25);
    }
    errors++;
} validate11.errors = vErrors; return errors === 0; }
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/ci-oidc-broker/ci-oidc-broker/schema/policy.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.rules === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rules" }, message: "must have required property '" + "rules" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((((key0 === "version") || (key0 === "issuers")) || (key0 === "audiences")) || (key0 === "custom-claims")) || (key0 === "rules"))) {
            const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.version !== undefined) {
        if (1 !== data.version) {
            const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.issuers !== undefined) {
        let data1 = data.issuers;
        if (Array.isArray(data1)) {
            if (data1.length < 1) {
                const err4 = { instancePath: instancePath + "/issuers", schemaPath: "#/properties/issuers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (typeof data2 === "string") {
                    if (data2.length < 1) {
                        const err5 = { instancePath: instancePath + "/issuers/" + i0, schemaPath: "#/properties/issuers/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
                else {
                    const err6 = { instancePath: instancePath + "/issuers/" + i0, schemaPath: "#/properties/issuers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err6];
                    }
                    else {
                        vErrors.push(err6);
                    }
                    errors++;
                }
            }
        }
        else {
            const err7 = { instancePath: instancePath + "/issuers", schemaPath: "#/properties/issuers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.audiences !== undefined) {
        let data3 = data.audiences;
        if (Array.isArray(data3)) {
            if (data3.length < 1) {
                const err8 = { instancePath: instancePath + "/audiences", schemaPath: "#/properties/audiences/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            const len1 = data3.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data4 = data3[i1];
                if (typeof data4 === "string") {
                    if (data4.length < 1) {
                        const err9 = { instancePath: instancePath + "/audiences/" + i1, schemaPath: "#/properties/audiences/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                }
                else {
                    const err10 = { instancePath: instancePath + "/audiences/" + i1, schemaPath: "#/properties/audiences/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
            }
        }
        else {
            const err11 = { instancePath: instancePath + "/audiences", schemaPath: "#/properties/audiences/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data["custom-claims"] !== undefined) {
        let data5 = data["custom-claims"];
        if (Array.isArray(data5)) {
            if (data5.length < 1) {
                const err12 = { instancePath: instancePath + "/custom-claims", schemaPath: "#/properties/custom-claims/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
            const len2 = data5.length;
            for (let i2 = 0; i2 < len2; i2++) {
                let data6 = data5[i2];
                if (typeof data6 === "string") {
                    if (data6.length < 1) {
                        const err13 = { instancePath: instancePath + "/custom-claims/" + i2, schemaPath: "#/properties/custom-claims/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err13];
                        }
                        else {
                            vErrors.push(err13);
                        }
                        errors++;
                    }
                }
                else {
                    const err14 = { instancePath: instancePath + "/custom-claims/" + i2, schemaPath: "#/properties/custom-claims/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err14];
                    }
                    else {
                        vErrors.push(err14);
                    }
                    errors++;
                }
            }
        }
        else {
            const err15 = { instancePath: instancePath + "/custom-claims", schemaPath: "#/properties/custom-claims/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.rules !== undefined) {
        let data7 = data.rules;
        if (Array.isArray(data7)) {
            const len3 = data7.length;
            for (let i3 = 0; i3 < len3; i3++) {
                if (!(validate11(data7[i3], { instancePath: instancePath + "/rules/" + i3, parentData: data7, parentDataProperty: i3, rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
}
else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err17];
    }
    else {
        vErrors.push(err17);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }

// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(7314);
// EXTERNAL MODULE: ./src/oidc/issuer-url.ts
var issuer_url = __webpack_require__(1910);
// EXTERNAL MODULE: ./src/policy/duration.ts
var duration = __webpack_require__(5432);
;// CONCATENATED MODULE: ./src/policy/sources/directory-source.ts



/**
 * Files under one directory, and nothing outside it: absolute paths, `..` and symbolic links that lead
 * out are refused, so a policy can only come from the tree whose protection the caller relies on.
 */
function directorySource(root) {
    return {
        displayName: (path) => path,
        async read(path) {
            const realRoot = await (0,promises_.realpath)(root);
            const candidate = (0,external_node_path_.resolve)(realRoot, path);
            const real = await (0,promises_.realpath)(candidate).catch((error) => {
                if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
                    return undefined;
                throw error;
            });
            const inside = (0,external_node_path_.relative)(realRoot, real ?? candidate);
            if ((0,external_node_path_.isAbsolute)(path) || inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
                throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicySourceInvalid, `The policy path "${path}" leads outside ${root}.`, {
                    hint: 'Keep the policy and the files it names inside the repository, and give their paths relative to its root.',
                });
            }
            return real === undefined ? undefined : (0,promises_.readFile)(real, 'utf8');
        },
    };
}

// EXTERNAL MODULE: ./src/policy/matchers.ts
var matchers = __webpack_require__(8451);
;// CONCATENATED MODULE: ./src/policy/types.ts
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

;// CONCATENATED MODULE: ./src/policy/load.ts










const DEFAULT_MAX_DURATION_SECONDS = 3600;
const REGEX_HINT = 'Regexes use RE2 syntax, as Google CEL does: no lookaround or backreferences, \\x{e9} rather than \\u00e9, \\pL rather than \\p{Letter}, repeat counts up to 1000.';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const FORMAT_HINT = 'The format is described in schema/policy.schema.json and the README.';
const UNKNOWN_CLAIM_HINT = 'A claim the token does not carry never matches, so a misspelt name silently disables its condition (in a deny rule, the whole rule). Claim names are case-sensitive; list a claim your issuer adds, and every claim of an issuer the broker does not know, under `custom-claims:`.';
// schema/policy.schema.json, compiled at build time (scripts/generate-policy-validator.ts).
const validator = schema_validator_generated;
function load_validate(data) {
    return validator(data) ? [] : (validator.errors ?? []);
}
/**
 * Reads the policy at `path` of `source`, and the session-policy files its grants name (paths from the
 * root of the same source: the repository the policy lives in).
 */
async function loadPolicy(source, path) {
    const text = await source.read(path);
    const name = source.displayName(path);
    if (text === undefined) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyNotFound, `No policy file at ${name}.`, {
            hint: 'Create it (the default is .github/ci-oidc-broker.yml, on a protected branch), or point the `policy` input at your policy.',
        });
    }
    const policy = parsePolicy(text, name);
    const problems = [];
    for (const rule of policy.rules) {
        const sessionPolicy = rule.grant?.aws?.sessionPolicy;
        if (!sessionPolicy)
            continue;
        const read = await readSessionPolicy(source, sessionPolicy.path);
        if (typeof read === 'string')
            sessionPolicy.document = read;
        else
            problems.push({ location: sessionPolicy.location, code: 'session-policy', message: read.problem, hint: SESSION_POLICY_HINT });
    }
    if (problems.length > 0)
        throw invalid(name, problems);
    return policy;
}
/**
 * A policy on disk, for the CLI and tests. `root` is the repository it belongs to, where session-policy
 * paths start: by default the current directory, or the policy's own folder when it lies outside.
 */
function loadPolicyFile(path, root) {
    const absolute = (0,external_node_path_.resolve)(path);
    const base = root ?? ((0,external_node_path_.relative)(process.cwd(), absolute).startsWith('..') ? (0,external_node_path_.dirname)(absolute) : process.cwd());
    return loadPolicy(directorySource(base), (0,external_node_path_.relative)(base, absolute).split(external_node_path_.sep).join('/'));
}
const SESSION_POLICY_HINT = 'A session policy is a JSON IAM policy document in the policy’s repository, named by its path from the repository root.';
/** The session policy's document, compacted, or what is wrong with it. */
async function readSessionPolicy(source, path) {
    let text;
    try {
        text = await source.read(path);
    }
    catch (error) {
        if ((0,broker_error/* isBrokerError */.kA)(error, broker_error/* ErrorCode */.O4.PolicySourceInvalid))
            return { problem: `the session policy ${path} is outside the policy's repository` };
        throw error;
    }
    if (text === undefined)
        return { problem: `the session policy ${source.displayName(path)} does not exist` };
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        return { problem: `the session policy ${source.displayName(path)} is not valid JSON` };
    }
    if (typeof document !== 'object' || document === null || !('Statement' in document))
        return { problem: `the session policy ${source.displayName(path)} has no Statement` };
    // Sent to STS compact, as the service counts the packed size of what it receives.
    return JSON.stringify(document);
}
/**
 * Reads a policy strictly: YAML syntax, then the JSON schema, then what a schema cannot say (unique
 * rule names, grants only on allow rules, duration bounds, claim names the rule's issuer knows). Every
 * problem is reported with its file:line:column, all of them at once: past a YAML syntax error the
 * parser only guesses at what was meant, so what starts after the first one is left to the next run.
 *
 * Claim values must be YAML strings. Token claims such as repository_id are strings ("8429"), and an
 * unquoted 8429 is a YAML number; rather than convert numbers (where 0x10, 1e3 or 007 would silently
 * change meaning) the loader refuses them and asks for quotes.
 */
function parsePolicy(text, source) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const at = (offset) => ({ file: source, ...toLineColumn(lineCounter.linePos(offset)) });
    const found = document.errors.map((error) => ({ location: at(error.pos[0]), ...yamlProblem(error.code, error.message) }));
    const syntaxErrors = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
    const firstSyntaxError = Math.min(...syntaxErrors.map((error) => error.pos[0]));
    const checkable = (node) => syntaxErrors.length === 0 || (node?.range?.[2] ?? Infinity) < firstSyntaxError;
    for (const key of collapsingKeys(document))
        if (checkable(key.node))
            found.push({ location: at(key.node.range[0]), code: 'duplicate-key', message: key.message });
    const data = toData(document, syntaxErrors.length > 0);
    if ('problem' in data)
        found.push({ location: at(data.offset), code: 'yaml-alias', message: data.problem });
    else {
        const schemaErrors = load_validate(data.value);
        for (const problem of [...collapseAnyOf(schemaErrors).map(describeSchemaError), ...semanticProblems(data.value, schemaErrors)]) {
            const node = nodeOf(document, problem);
            if (checkable(node))
                found.push({ location: at(node?.range?.[0] ?? 0), code: problem.code, message: problem.message, hint: problem.hint });
        }
    }
    if (found.length > 0)
        throw invalid(source, found);
    const raw = data.value;
    return build(raw, source, (path) => at(nodeOf(document, { path, code: '', message: '' })?.range?.[0] ?? 0));
}
function build(raw, source, locate) {
    const rules = raw.rules.map((rule, index) => {
        const conditions = Object.entries(rule.match).map(([claim, expected]) => ({
            claim,
            matcher: toMatcher(expected),
            location: locate(['rules', index, 'match', claim]),
        }));
        // A rule's issuer is one more condition, on `iss`, checked first and explained like any other.
        if (rule.issuer !== undefined)
            conditions.unshift({ claim: 'iss', matcher: { kind: 'equals', values: [rule.issuer] }, location: locate(['rules', index, 'issuer']) });
        const effect = rule.effect ?? 'allow';
        return { name: rule.name, effect, conditions, grant: effect === 'allow' ? buildGrant(rule.grant, (path) => locate(['rules', index, ...path])) : undefined, location: locate(['rules', index]) };
    });
    return { source, issuers: raw.issuers ?? [GITHUB_ACTIONS_ISSUER], audiences: raw.audiences ?? [], rules };
}
function toMatcher(value) {
    if (typeof value === 'string')
        return { kind: 'equals', values: [value] };
    if (Array.isArray(value))
        return { kind: 'equals', values: value };
    return 'glob' in value ? (0,matchers/* compileGlob */.SO)(value.glob) : (0,matchers/* compileRegex */.DL)(value.regex);
}
function buildGrant(grant, locate) {
    const aws = grant?.aws;
    const gcp = grant?.gcp;
    const sessionPolicy = aws?.['session-policy'];
    return {
        gcp: gcp && {
            workloadIdentityProvider: gcp['workload-identity-provider'],
            serviceAccounts: gcp['service-accounts'] ?? [],
            maxLifetimeSeconds: gcp['max-lifetime'] === undefined ? duration/* GCP_TOKEN_SECONDS */.T9.default : (0,duration/* parseDuration */.E9)(gcp['max-lifetime']),
            scopes: gcp.scopes ?? [CLOUD_PLATFORM_SCOPE],
        },
        aws: aws && {
            roles: aws.roles,
            maxDurationSeconds: aws['max-duration'] === undefined ? DEFAULT_MAX_DURATION_SECONDS : (0,duration/* parseDuration */.E9)(aws['max-duration']),
            sessionPolicy: sessionPolicy === undefined ? undefined : { path: sessionPolicy, location: locate(['grant', 'aws', 'session-policy']), document: undefined },
            revokeRole: aws['revoke-role'],
        },
    };
}
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringsIn = (value) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
const dig = (value, ...keys) => keys.reduce((inner, key) => (isRecord(inner) ? inner[key] : undefined), value);
/**
 * What a schema cannot say. The rest of the document may be schema-invalid, so each check reads only
 * what it needs, and leaves alone a value the schema has already refused.
 */
function semanticProblems(data, schemaErrors) {
    if (!isRecord(data))
        return [];
    const pointer = (path) => path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    const refused = (path) => schemaErrors.some((error) => error.instancePath === pointer(path) || error.instancePath.startsWith(`${pointer(path)}/`));
    // A key the schema does not know may be a misspelt `effect` or `grant`: the rule's intent is then unsure.
    const hasUnknownKey = (path) => schemaErrors.some((error) => error.instancePath === pointer(path) && error.keyword === 'additionalProperties');
    const problems = [];
    stringsIn(data.issuers).forEach((issuer, index) => {
        try {
            (0,issuer_url/* parseIssuerUrl */.u)(issuer);
        }
        catch (error) {
            problems.push({ path: ['issuers', index], code: 'invalid-issuer', message: `issuer ${JSON.stringify(issuer)}: ${error.message.replace(/^The issuer "[^"]*" /, '')}` });
        }
    });
    // Which claims a rule may name depends on its issuers and the declared claims: unsure of those, say nothing.
    const issuers = data.issuers === undefined ? [GITHUB_ACTIONS_ISSUER] : refused(['issuers']) ? undefined : stringsIn(data.issuers);
    const declared = refused(['custom-claims']) ? undefined : stringsIn(data['custom-claims']);
    const seen = new Set();
    (Array.isArray(data.rules) ? data.rules : []).forEach((rule, index) => {
        if (!isRecord(rule))
            return;
        const at = (...path) => ['rules', index, ...path];
        const name = typeof rule.name === 'string' ? JSON.stringify(rule.name) : `#${index + 1}`;
        if (typeof rule.name === 'string') {
            if (seen.has(rule.name))
                problems.push({ path: at('name'), code: 'duplicate-rule-name', message: `the rule name ${name} is used twice; names must be unique` });
            seen.add(rule.name);
        }
        const effect = hasUnknownKey(at()) ? undefined : (rule.effect ?? 'allow');
        if (effect === 'deny' && rule.grant !== undefined)
            problems.push({ path: at('grant'), atKey: true, code: 'grant-on-deny', message: `deny rule ${name} has a grant; deny rules grant nothing` });
        if (effect === 'allow' && rule.grant === undefined)
            problems.push({ path: at(), code: 'allow-without-grant', message: `allow rule ${name} has no grant; say what it allows under \`grant:\`` });
        if (typeof rule.issuer === 'string' && issuers && !issuers.includes(rule.issuer)) {
            problems.push({ path: at('issuer'), code: 'unlisted-issuer', message: `rule ${name} names the issuer ${JSON.stringify(rule.issuer)}, which is not among the policy's issuers`, hint: 'List every issuer under the top-level `issuers:`, exactly as it appears in the tokens.' });
        }
        const ruleIssuers = typeof rule.issuer === 'string' ? [rule.issuer] : issuers;
        for (const [claim, value] of Object.entries(isRecord(rule.match) ? rule.match : {})) {
            const named = ruleIssuers && declared && claimNameProblem(claim, ruleIssuers, declared);
            if (named)
                problems.push({ path: at('match', claim), atKey: true, ...named });
            if (!isRecord(value) || refused(at('match', claim)))
                continue;
            const [kind, problem] = typeof value.glob === 'string' ? ['glob', (0,matchers/* globProblem */.AI)(value.glob)] : typeof value.regex === 'string' ? ['regex', (0,matchers/* regexProblem */.Hs)(value.regex)] : [];
            if (problem)
                problems.push({ path: at('match', claim, kind), code: 'invalid-pattern', message: `the ${kind} for ${claim} ${problem}`, hint: kind === 'regex' ? REGEX_HINT : undefined });
        }
        const bounds = [
            [['grant', 'gcp', 'max-lifetime'], duration/* GCP_TOKEN_SECONDS */.T9, 'max-lifetime %s is not between 1 s and 1h (3600 s)'],
            [['grant', 'aws', 'max-duration'], duration/* STS_SESSION_SECONDS */.Em, 'max-duration %s is not between 15m (900 s) and 12h (43200 s)'],
        ];
        for (const [path, { min, max }, message] of bounds) {
            const written = dig(rule, ...path);
            if ((typeof written !== 'number' && typeof written !== 'string') || refused(at(...path)))
                continue;
            const seconds = (0,duration/* parseDuration */.E9)(written);
            if (seconds === undefined || seconds < min || seconds > max)
                problems.push({ path: at(...path), code: 'duration-out-of-range', message: message.replace('%s', JSON.stringify(written)) });
        }
    });
    return problems;
}
/**
 * A claim that no token of the rule's issuers carries, or never carries as a string: its condition can
 * never hold. Unchecked, `event:` written for `event_name:` in a deny rule passes validation and then
 * refuses nothing.
 */
function claimNameProblem(claim, issuers, declared) {
    if (declared.includes(claim))
        return undefined;
    const systems = issuers.map((issuer) => (0,ci_systems/* ciSystemsFor */.UP)(issuer));
    const profiles = [...new Set(systems.flat())];
    // An issuer the broker does not model still carries the JWT claims.
    const known = [...profiles, ...(systems.some((list) => list.length === 0) ? [undefined] : [])].flatMap((profile) => (0,ci_systems/* knownClaim */.oR)(profile, claim) ?? []);
    if (known.some((entry) => entry.type === undefined || entry.type === 'list'))
        return undefined;
    if (known.length > 0) {
        const type = known[0].type;
        const titles = profiles.filter((profile) => (0,ci_systems/* knownClaim */.oR)(profile, claim)).map((profile) => profile.title);
        const carriers = titles.length > 0 ? `${orList(titles)} tokens` : 'tokens';
        return {
            code: 'claim-not-a-string',
            message: `the claim "${claim}" is ${type === 'object' ? 'an object' : `a ${type}`} in ${carriers}, and conditions compare strings: this one would never hold`,
            hint: 'Conditions compare the strings a token carries and never convert a number, boolean or object; match another claim.',
        };
    }
    const family = profiles.find((profile) => profile.customClaims && claim.startsWith(profile.customClaims.prefix))?.customClaims;
    if (family)
        return { code: 'undeclared-claim', message: `the claim "${claim}" is ${family.what}: declare it under \`custom-claims\``, hint: UNKNOWN_CLAIM_HINT };
    const titles = profiles.map((profile) => profile.title);
    const unmodelled = issuers.filter((_, index) => systems[index].length === 0);
    let message = titles.length > 0 ? `the claim "${claim}" is not one that ${orList(titles)} tokens carry` : `the claim "${claim}" is not declared under \`custom-claims\``;
    if (unmodelled.length > 0) {
        message += titles.length > 0 ? `, nor declared under \`custom-claims\` for ${unmodelled.join(', ')}, whose claims the broker does not know` : ` (the broker does not know the claims of ${unmodelled.join(', ')})`;
    }
    const suggestions = closestNames(claim, [...new Set([...[...profiles, undefined].flatMap((profile) => (0,ci_systems/* knownClaimNames */.S2)(profile)), ...declared])]);
    if (suggestions.length > 0)
        message += `; did you mean ${orList(suggestions.map((suggestion) => `"${suggestion}"`))}?`;
    return { code: 'unknown-claim', message, hint: UNKNOWN_CLAIM_HINT };
}
/**
 * Up to three known names a misspelt one was probably meant as, nearest first. A name is compared whole
 * and by each run of its words, a little less close, so that "event" finds "event_name", "evnt" finds
 * it too, and "vcs-origin" finds "oidc.circleci.com/vcs-origin". The distance allowed grows with the
 * length of what was written; case is ignored, since it is the likeliest slip.
 */
function closestNames(name, known) {
    const wanted = name.toLowerCase();
    const bound = wanted.length <= 4 ? 1 : wanted.length <= 10 ? 2 : 3;
    return known
        .map((candidate) => {
        const whole = candidate.toLowerCase();
        const words = whole.split(/([._:/-])/);
        const runs = [];
        for (let start = 0; start < words.length; start += 2)
            for (let end = start + 1; end <= words.length; end += 2)
                runs.push(words.slice(start, end).join(''));
        const partly = wanted.length < 3 ? Infinity : Math.min(...runs.filter((run) => run !== whole).map((run) => editDistance(wanted, run) + 0.5));
        return { candidate, distance: Math.min(editDistance(wanted, whole), partly) };
    })
        .filter(({ distance }) => distance <= bound + 0.5)
        .sort((a, b) => a.distance - b.distance || a.candidate.length - b.candidate.length || a.candidate.localeCompare(b.candidate))
        .slice(0, 3)
        .map(({ candidate }) => candidate);
}
/** Edits (insertions, deletions, substitutions and swaps of neighbours) that turn one string into the other. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
        }
    }
    return rows[a.length][b.length];
}
function orList(items) {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
/**
 * Ajv reports a failed anyOf as the errors of every branch plus the anyOf itself. When exactly one
 * branch's type fits the value, that branch is what the author meant: keep its errors alone (an empty
 * list, a malformed duration). Otherwise keep the anyOf alone, described with every accepted form.
 * Either way, one problem per mistake.
 */
function collapseAnyOf(errors) {
    const dropped = new Set();
    for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
        const branches = new Map();
        for (const error of errors) {
            if (!error.schemaPath.startsWith(`${anyOf.schemaPath}/`))
                continue;
            if (error.instancePath !== anyOf.instancePath && !error.instancePath.startsWith(`${anyOf.instancePath}/`))
                continue;
            const branch = error.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0];
            branches.set(branch, [...(branches.get(branch) ?? []), error]);
        }
        const fittingBranches = [...branches.values()].filter((list) => !list.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath));
        const fitting = new Set(fittingBranches.length === 1 ? fittingBranches[0] : []);
        if (fitting.size > 0)
            dropped.add(anyOf);
        for (const error of [...branches.values()].flat())
            if (!fitting.has(error))
                dropped.add(error);
    }
    return errors.filter((error) => !dropped.has(error));
}
/** rules.<i>.match.<claim> or an item of its list. */
function isClaimValue(path) {
    return path[0] === 'rules' && path[2] === 'match' && path.length >= 4;
}
function claimValueMessage(where) {
    return `${where} must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings`;
}
function durationFormMessage(where) {
    return `${where} must be a number of seconds (900) or a duration such as "15m" or "1h30m"`;
}
function describeSchemaError(error) {
    const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const params = error.params;
    const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the policy';
    const problem = (code, message, at = path) => ({ path: at, code, message });
    switch (error.keyword) {
        case 'additionalProperties':
            return { ...problem('unknown-key', `unknown key "${String(params.additionalProperty)}" in ${where}`, [...path, String(params.additionalProperty)]), atKey: true };
        case 'required':
            return problem('missing-key', `${where} is missing the required key "${String(params.missingProperty)}"`);
        case 'type':
            return isClaimValue(path) ? problem('wrong-type', claimValueMessage(where)) : problem('wrong-type', `${where} must be of type ${String(params.type)}`);
        case 'anyOf':
            if (isClaimValue(path))
                return problem('wrong-type', claimValueMessage(where));
            if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime')
                return problem('invalid-duration', durationFormMessage(where));
            return problem('invalid-value', `${where} ${error.message ?? 'is invalid'}`);
        case 'const':
            return problem('invalid-value', `${where} must be ${JSON.stringify(params.allowedValue)}`);
        case 'enum':
            return problem('invalid-value', `${where} must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`);
        case 'minProperties':
            return problem('empty', path.at(-1) === 'match' ? `${where} is empty; a rule must check at least one claim` : `${where} is empty`);
        case 'minItems':
            return problem('empty', `${where} must not be an empty list`);
        case 'pattern':
            if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime')
                return problem('invalid-duration', durationFormMessage(where));
            if (path.includes('roles'))
                return problem('invalid-format', `${where} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`);
            if (path.at(-1) === 'workload-identity-provider') {
                return problem('invalid-format', `${where} is not a provider's full resource name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`);
            }
            if (path.includes('service-accounts'))
                return problem('invalid-format', `${where} is not a service account email (<name>@<project>.iam.gserviceaccount.com)`);
            return problem('invalid-format', `${where} does not have the expected form (${String(params.pattern)})`);
        default:
            return problem('invalid-value', `${where} ${error.message ?? 'is invalid'}`);
    }
}
/**
 * The document as plain data. The YAML parser leaves two alias mistakes to this step, where they throw
 * plain errors: an alias to an anchor not yet set, and aliases that expand too much (an alias bomb).
 * After a syntax error the document may not convert at all; the syntax error is then the report.
 */
function toData(document, afterSyntaxError) {
    try {
        return { value: document.toJS() };
    }
    catch (error) {
        if (afterSyntaxError)
            return { value: undefined };
        if (!(error instanceof ReferenceError))
            throw error;
        let offset = 0;
        (0,dist/* visit */.YR)(document, (_key, node) => {
            if (!(0,dist/* isAlias */.Vj)(node))
                return undefined;
            offset = node.range?.[0] ?? 0;
            return dist/* visit */.YR.BREAK;
        });
        return { problem: `YAML aliases: ${error.message}`, offset };
    }
}
/**
 * Keys of one mapping that YAML tells apart but that become one key in the data: 1000 and "1000", true
 * and "true", ~ and "". The later silently replaces the earlier, and with it a condition. (Keys equal as
 * YAML values are the parser's DUPLICATE_KEY.)
 */
function collapsingKeys(document) {
    const found = [];
    (0,dist/* visit */.YR)(document, {
        Map(_key, map) {
            const seen = new Map();
            for (const { key } of map.items) {
                if (!(0,dist/* isScalar */.jn)(key) || !key.range)
                    continue;
                const name = key.value === null ? '' : String(key.value);
                const earlier = seen.get(name);
                if (earlier && earlier.value !== key.value) {
                    found.push({ node: key, message: `the key ${JSON.stringify(name)} is written twice (as ${describeKey(earlier.value)} and as ${describeKey(key.value)}), which would become one key and drop a value; each key may appear once in a mapping` });
                }
                if (!earlier)
                    seen.set(name, key);
            }
        },
    });
    return found;
}
function describeKey(value) {
    return value === null ? 'null' : typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `the ${typeof value} ${String(value)}`;
}
/** The YAML node (or key) a problem is about: the deepest one on its path that exists. */
function nodeOf(document, problem) {
    if (problem.atKey) {
        const parent = nodeAt(document, problem.path.slice(0, -1));
        if (parent.complete && (0,dist/* isMap */.jh)(parent.node)) {
            const key = pairOf(parent.node, problem.path.at(-1))?.key;
            if (key?.range)
                return key;
        }
    }
    return nodeAt(document, problem.path).node;
}
/**
 * The node at a path, or the deepest one on the way there (an alias, say). Keys are compared as text:
 * the path comes from the JS value, where a YAML key 8429 has become "8429" and a key "0" looks like an index.
 */
function nodeAt(document, path) {
    let node = document.contents;
    for (const segment of path) {
        const next = (0,dist/* isMap */.jh)(node) ? pairOf(node, segment)?.value : (0,dist/* isSeq */.oP)(node) ? node.items[Number(segment)] : undefined;
        if (next === undefined || next === null)
            return { node, complete: false };
        node = next;
    }
    return { node, complete: true };
}
function pairOf(map, key) {
    return map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(key));
}
function toLineColumn(position) {
    return { line: position.line, column: position.col };
}
function yamlProblem(code, message) {
    if (code === 'DUPLICATE_KEY')
        return { code: 'duplicate-key', message: 'duplicate key; each key may appear once in a mapping' };
    return { code: 'yaml-syntax', message: `YAML syntax: ${message.split('\n')[0]}` };
}
function invalid(source, problems) {
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    const lines = problems.map(({ location, message }) => `${location.file}:${location.line}:${location.column}: ${message}`);
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyInvalid, `The policy ${source} is invalid:\n${lines.join('\n')}`, {
        hint: ['Fix each listed line; the format is described in schema/policy.schema.json and the README.', ...new Set(problems.flatMap((p) => (p.hint ? [p.hint] : [])))].join(' '),
        location: problems[0].location,
        problems: problems.map((problem) => ({ ...problem, hint: problem.hint ?? FORMAT_HINT })),
    });
}

;// CONCATENATED MODULE: ./src/cli/commands/policy-file.ts



/**
 * Loads the policy file a command line names. What the loader would meet as a raw file-system error (a
 * folder, a file it may not read) is said here in terms of the path the user typed.
 */
async function loadPolicyArgument(path, root) {
    const info = await (0,promises_.stat)(path).catch((error) => error);
    if (info instanceof Error) {
        if (info.code === 'ENOENT' || info.code === 'ENOTDIR') {
            throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.PolicyNotFound, `No policy file at ${path}.`, {
                hint: "Check the path, which starts at the current directory; the action's default is .github/ci-oidc-broker.yml.",
            });
        }
        throw unreadable(path, info.code);
    }
    if (info.isDirectory()) {
        throw new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `${path} is a folder, not a policy file.`, { hint: 'Name the policy file itself, such as .github/ci-oidc-broker.yml.' });
    }
    await (0,promises_.access)(path, promises_.constants.R_OK).catch((error) => {
        throw unreadable(path, error.code);
    });
    return loadPolicyFile(path, root);
}
function unreadable(path, code) {
    return new broker_error/* BrokerError */.Wz(broker_error/* ErrorCode */.O4.InputInvalid, `Cannot read the policy file ${path} (${code ?? 'error'}).`, { hint: 'Check that the file is readable by this user.' });
}


/***/ }),

/***/ 5432:
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

/***/ 4198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ checkedClaims),
  U: () => (/* binding */ evaluatePolicy)
});

// EXTERNAL MODULE: ./src/oidc/ci-systems.ts
var ci_systems = __webpack_require__(7314);
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
/* harmony export */   el: () => (/* binding */ explainDecision)
/* harmony export */ });
/* unused harmony exports quoteClaim, describeExpected, describeFailure */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);

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

/***/ 8451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ globProblem),
/* harmony export */   DL: () => (/* binding */ compileRegex),
/* harmony export */   Hs: () => (/* binding */ regexProblem),
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   cK: () => (/* binding */ matches)
/* harmony export */ });
/* unused harmony exports globSource, regexSource */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

/**
 * Globs and regexes are both run by RE2 (re2js, a pure-JavaScript port): matching takes time linear
 * in the claim's length whatever the pattern, and the dialect is the one Google's CEL `matches()`
 * speaks, so the broker and an exported attribute condition run the very same pattern text.
 */
/**
 * The policy's glob language, kept deliberately small so that a reviewer can predict every match:
 * - `**` matches any run of characters, `/` and line breaks included, or none;
 * - `*` matches any run of characters other than `/` (line breaks included), or none;
 * - every other character, `?`, `[`, `{`, `(` and `\` included, stands for itself.
 * General-purpose glob libraries add classes, braces, groups and escapes, and treat `**` as special only
 * as a whole path segment; in a policy those extras are surprises, so they are not offered.
 */
function globProblem(pattern) {
    if (pattern === '')
        return 'is empty';
    if (pattern.includes('***'))
        return 'has three or more `*` in a row; use `*` within a segment or `**` across segments';
    return undefined;
}
/**
 * The glob as the anchored RE2 pattern that decides it. `(?s)` lets `.` cross line breaks, so that
 * `**` means "anything" in the broker and in CEL alike; `[^/]` already takes them in RE2.
 */
function globSource(pattern) {
    const body = pattern
        .split('**')
        .map((part) => part.split('*').map(quote).join('[^/]*'))
        .join('.*');
    return `(?s)^${body}$`;
}
/** A regex condition matches the whole claim: the author's pattern, anchored, in RE2's default flags. */
function regexSource(pattern) {
    return `^(?:${pattern})$`;
}
/** What is wrong with a regex, in RE2's own words, naming the offending part. */
function regexProblem(pattern) {
    if (pattern === '')
        return 'is empty';
    try {
        // The pattern alone first, so that RE2's message quotes the author's text rather than the anchors.
        compile(pattern);
        compile(regexSource(pattern));
        return undefined;
    }
    catch (error) {
        if (!(error instanceof re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JSException */ .o_))
            throw error;
        return `is not a valid RE2 regular expression (${error.message.replace(/^error parsing regexp: /, '')})`;
    }
}
function compileGlob(pattern) {
    const source = globSource(pattern);
    return { kind: 'glob', pattern, source, re2: compile(source) };
}
function compileRegex(pattern) {
    const source = regexSource(pattern);
    return { kind: 'regex', pattern, source, re2: compile(source) };
}
function matches(matcher, value) {
    return matcher.kind === 'equals' ? matcher.values.includes(value) : matcher.re2.test(value);
}
function compile(source) {
    return re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source);
}
// Escapes RE2's metacharacters one by one (not \Q…\E) so that the exported text reads plainly.
function quote(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/***/ 6614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ fetchText),
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4266);

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
 * GETs a URL and reads its whole body, retrying what another try may cure (no answer, 5xx, 429 with
 * its Retry-After, a body cut off) within the policy's budget; any other answer is returned for the
 * caller to judge. Each attempt is bounded by `attemptTimeoutMs` and by the budget left. When the
 * budget runs out, throws RetriesExhaustedError whose lastError's message says what went wrong.
 */
async function fetchText(url, init, policy, attemptTimeoutMs) {
    const where = new URL(url);
    const endpoint = `${where.origin}${where.pathname}`;
    const classify = (error) => (error instanceof TransientFetchError ? { retry: true, afterMs: error.afterMs } : { retry: false });
    const { value } = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetries */ .LH)(async ({ remainingMs }) => {
        let response;
        try {
            response = await fetch(url, { headers: init.headers, signal: AbortSignal.timeout(Math.max(1, Math.min(attemptTimeoutMs, remainingMs))) });
        }
        catch (cause) {
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
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
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


/***/ })

};
