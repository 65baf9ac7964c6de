export const id = 926;
export const ids = [926];
export const modules = {

/***/ 68315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readInputFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98629);



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

/***/ 29926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lintTrustPolicy: () => (/* binding */ lintTrustPolicy)
/* harmony export */ });
/* harmony import */ var _policy_lint_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55359);
/* harmony import */ var _policy_lint_aws_trust_policy_lint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31797);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10524);
/* harmony import */ var _input_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68315);




/** `lint aws-trust-policy`: 0 without error findings, 1 with any, 2 on invalid input. */
function lintTrustPolicy(file, options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d1)(options.format, () => _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Usage, async () => {
        const findings = (0,_policy_lint_aws_trust_policy_lint_js__WEBPACK_IMPORTED_MODULE_1__/* .lintAwsTrustPolicy */ .R)(await (0,_input_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputFile */ .j)(file, 'trust policy'), file);
        if (options.format === 'json')
            (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJson */ .GF)({ findings });
        else
            process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(_policy_lint_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .formatFinding */ .t).join('\n')}\n`);
        return findings.some((finding) => finding.severity === 'error') ? _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Refused : _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Ok;
    });
}


/***/ }),

/***/ 55359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ sortFindings),
/* harmony export */   t: () => (/* binding */ formatFinding)
/* harmony export */ });
const ORDER = { error: 0, warning: 1, note: 2 };
function sortFindings(findings) {
    return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.id.localeCompare(b.id));
}
function formatFinding(finding) {
    const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}: ` : '';
    const about = finding.rule === null ? '' : ` [${finding.rule}]`;
    return `${where}${finding.severity} ${finding.id}${about}: ${finding.message}\n  fix: ${finding.fix}`;
}


/***/ })

};
