export const id = 484;
export const ids = [484];
export const modules = {

/***/ 8315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5725);


/** Reads a file named on the command line; `-` is standard input. */
async function readInputFile(path, what) {
    if (path === '-') {
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    }
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, `Cannot read the ${what} file ${path} (${error.code ?? 'error'}).`, {
            hint: 'Check the path; use - to read from standard input.',
        });
    }
}


/***/ }),

/***/ 7484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tokenVerify: () => (/* binding */ tokenVerify)
/* harmony export */ });
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6687);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);
/* harmony import */ var _oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1910);
/* harmony import */ var _oidc_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5700);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8116);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8315);






/** `token verify`: 0 when the token is valid, 1 when it is refused (with the reason), 2 on bad input. */
function tokenVerify(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .runCommand */ .d1)(options.format, (error) => (error.code.startsWith('TOKEN_') || error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.JwksFailed || error.code === _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.DiscoveryFailed ? _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Refused : _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Usage), async () => {
        (0,_oidc_issuer_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIssuerUrl */ .u)(options.issuer);
        const token = (await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .j)(options.token, 'token')).trim();
        const keys = options.jwks === undefined ? undefined : (0,jose__WEBPACK_IMPORTED_MODULE_5__/* .createLocalJWKSet */ .w)(parseJwks(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .j)(options.jwks, 'JWKS'), options.jwks));
        const { claims, header } = await (0,_oidc_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyToken */ .nr)(token, { issuer: options.issuer, audience: options.audience, keys });
        if (options.format === 'json')
            (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJson */ .GF)({ valid: true, header, claims });
        else
            process.stdout.write(`valid: signed by ${options.issuer} (${header.alg}, key ${header.kid ?? 'without kid'}) for ${options.audience}; subject ${claims.sub}\n${JSON.stringify(claims, null, 2)}\n`);
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_3__/* .Exit */ .Jc.Ok;
    });
}
function parseJwks(text, file) {
    try {
        const jwks = JSON.parse(text);
        if (Array.isArray(jwks.keys))
            return jwks;
    }
    catch {
        // Reported below with the same advice.
    }
    throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.InputInvalid, `${file} is not a JWKS (a JSON object with a "keys" array).`, {
        hint: "Save the issuer's jwks_uri document, such as https://token.actions.githubusercontent.com/.well-known/jwks.",
    });
}


/***/ }),

/***/ 1910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ parseIssuerUrl)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5725);

/** Hosts where plain http is acceptable: the traffic never leaves the machine. */
function isLoopbackHost(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
/**
 * Checks an issuer (or a URL an issuer publishes, such as its `jwks_uri`): https, or http on loopback
 * only; no credentials, query or fragment. The string itself is kept as given, because `iss` must
 * match it exactly.
 */
function parseIssuerUrl(value, what = 'issuer') {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} is not a URL.`, {
            hint: 'Use the issuer’s full URL, such as https://token.actions.githubusercontent.com.',
        });
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} does not use https.`, {
            hint: 'Keys fetched over plain http could be replaced in transit; only loopback addresses (for local tests) may use http.',
        });
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ErrorCode */ .O4.IssuerInvalid, `The ${what} ${JSON.stringify(value)} carries credentials, a query or a fragment.`, {
            hint: 'Give the issuer as its plain URL, exactly as it appears in the tokens’ `iss` claim.',
        });
    }
    return url;
}


/***/ })

};
