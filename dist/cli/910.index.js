export const id = 910;
export const ids = [910];
export const modules = {

/***/ 1910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseIssuerUrl: () => (/* binding */ parseIssuerUrl)
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
