export const id = 16;
export const ids = [16];
export const modules = {

/***/ 8016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCredentialProcess: () => (/* binding */ awsCredentialProcess)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);
/* harmony import */ var _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7314);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8116);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6401);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8315);






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
/**
 * `aws-credential-process`: AWS's credential_process contract, so that a profile such as
 * `credential_process = ci-oidc-broker aws-credential-process --profile deploy` fetches fresh
 * short-lived credentials whenever the CLI or an SDK needs them. Settings come from the named profile
 * of the config file (--config, or CI_OIDC_BROKER_CONFIG), then from flags.
 */
function awsCredentialProcess(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .runCommand */ .d1)('text', _exchange_js__WEBPACK_IMPORTED_MODULE_4__.exitCodeFor, async () => {
        const fromProfile = options.profile ? await readProfile(options.profile, options.config ?? process.env.CI_OIDC_BROKER_CONFIG) : {};
        const flags = Object.fromEntries(Object.entries(options).filter(([name, value]) => value !== undefined && name !== 'profile' && name !== 'config'));
        const request = { ...fromProfile, ...flags };
        if (!request.awsRole || !request.awsRegion)
            throw usage('credential_process needs an AWS role and region: --aws-role and --aws-region, or `aws-role:` and `aws-region:` in the profile.', 'Name the role to assume and the STS region.');
        const result = await (0,_exchange_js__WEBPACK_IMPORTED_MODULE_4__.exchangeCredentials)({ ...request, gcpProvider: undefined });
        (0,_exchange_js__WEBPACK_IMPORTED_MODULE_4__.writeCredentialProcess)(result.aws);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Ok;
    });
}
async function readProfile(name, file) {
    if (!file)
        throw usage(`--profile ${name} needs a config file: --config FILE or CI_OIDC_BROKER_CONFIG.`, 'The file holds `profiles: {NAME: {preset, issuer, policy, aws-role, aws-region, ...}}`.');
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_5__/* .readInputFile */ .j)(file, 'config'));
    }
    catch (error) {
        if (error instanceof _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz)
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
    if (request.preset !== undefined && !(request.preset in _oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_2__/* .CI_SYSTEMS */ .m))
        throw usage(`Profile "${name}": preset "${request.preset}" is not one of ${Object.keys(_oidc_ci_systems_js__WEBPACK_IMPORTED_MODULE_2__/* .CI_SYSTEMS */ .m).join(', ')}.`, 'Use a known CI system, or token-env / token-file.');
    return request;
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ })

};
