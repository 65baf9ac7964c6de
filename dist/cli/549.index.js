export const id = 549;
export const ids = [549];
export const modules = {

/***/ 14549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseSelector: () => (/* binding */ parseSelector),
/* harmony export */   revokeThroughBroker: () => (/* binding */ revokeThroughBroker),
/* harmony export */   sessionsList: () => (/* binding */ sessionsList)
/* harmony export */ });
/* harmony import */ var _broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25096);
/* harmony import */ var _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25725);
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10524);
/* harmony import */ var _ci_token_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15197);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22580);





/** `sessions list --broker URL`: the broker's inventory, newest first. Exit 0 listed, 1 refused, 2 usage. */
function sessionsList(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d1)(options.format, _exchange_js__WEBPACK_IMPORTED_MODULE_4__.exitCodeFor, async () => {
        for (const [flag, value] of [['--issued-after', options.issuedAfter], ['--issued-before', options.issuedBefore]])
            if (value !== undefined)
                isoTime(value, flag);
        const { baseUrl, token } = await operatorAccess(options);
        const filter = {
            repositoryId: options.repositoryId,
            ownerId: options.ownerId,
            rule: options.rule,
            issuer: options.issuer,
            status: options.status,
            issuedAfter: options.issuedAfter,
            issuedBefore: options.issuedBefore,
            limit: options.limit,
            cursor: options.cursor,
        };
        const page = await (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_0__/* .brokerClient */ .ru)(baseUrl).listSessions(token, filter);
        if (options.format === 'json')
            (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJson */ .GF)(page);
        else {
            process.stdout.write(page.sessions.length === 0 ? 'No sessions match.\n' : `${table(page.sessions)}\n`);
            if (page.nextCursor)
                process.stderr.write(`More sessions match: add --cursor ${page.nextCursor}\n`);
        }
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Ok;
    });
}
const SELECTOR_KEYS = {
    'repository-id': 'repositoryId',
    'owner-id': 'ownerId',
    rule: 'rule',
    issuer: 'issuer',
    'issued-before': 'issuedBefore',
};
/**
 * `revoke --broker URL --selector KEY=VALUE…`: the broker denies every active session the selector
 * matches and marks them revoked in its inventory. Exit 0 when every denial was written, 1 refused or
 * partly failed, 2 usage.
 */
function revokeThroughBroker(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d1)(options.format, _exchange_js__WEBPACK_IMPORTED_MODULE_4__.exitCodeFor, async () => {
        const selector = parseSelector(options.selector);
        const { baseUrl, token } = await operatorAccess(options);
        const result = await (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_0__/* .brokerClient */ .ru)(baseUrl).revokeBySelector(token, selector);
        const failed = [...result.sessions, ...result.denials].some((entry) => entry.outcome === 'failed');
        if (options.format === 'json')
            (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJson */ .GF)(result);
        else {
            for (const denial of result.denials)
                process.stdout.write(`${denial.outcome}: ${denial.target}${denial.policyName ? ` (inline policy ${denial.policyName})` : ''}: ${denial.detail}\n`);
            for (const session of result.sessions)
                process.stdout.write(`${session.outcome}: session ${session.sessionId} (${session.provider} ${session.target})\n`);
            process.stdout.write(`${result.sessions.length} session(s) revoked in the inventory${failed ? '; some denials failed, see above' : ''}.\n`);
        }
        return failed ? _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Refused : _cli_output_js__WEBPACK_IMPORTED_MODULE_2__/* .Exit */ .Jc.Ok;
    });
}
function parseSelector(entries) {
    const selector = {};
    for (const entry of entries.flatMap((text) => text.split(','))) {
        const [key = '', ...rest] = entry.split('=');
        const value = rest.join('=');
        const field = SELECTOR_KEYS[key.trim()];
        if (!field || value === '')
            throw usage(`--selector ${JSON.stringify(entry)} is not KEY=VALUE with a known key.`, `Keys: ${Object.keys(SELECTOR_KEYS).join(', ')}; for example --selector repository-id=8429.`);
        if (field === 'issuedBefore')
            isoTime(value, '--selector issued-before');
        selector[field] = value;
    }
    if (!selector.repositoryId && !selector.ownerId && !selector.rule) {
        throw usage('--selector must name a repository-id, an owner-id or a rule.', 'Revoking everything a broker issued is not one request; for example --selector repository-id=8429, optionally with issued-before=TIME.');
    }
    return selector;
}
async function operatorAccess(options) {
    const baseUrl = (0,_broker_client_broker_client_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBrokerUrl */ .Ug)(options.broker, '--broker');
    return { baseUrl, token: await (0,_ci_token_js__WEBPACK_IMPORTED_MODULE_3__/* .readCiToken */ .WZ)(options, options.brokerAudience ?? baseUrl) };
}
function table(sessions) {
    const rows = [
        ['STATUS', 'CLOUD', 'REPOSITORY', 'RUN', 'RULE', 'TARGET', 'ISSUED', 'EXPIRES', 'SESSION'],
        ...sessions.map((s) => [s.status, s.provider, s.repositoryId, s.run ?? '-', s.rule, s.target, s.issuedAt, s.expiresAt, s.sessionId]),
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}
function isoTime(text, option) {
    if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(Date.parse(text)))
        throw usage(`${option} is "${text}", not an ISO 8601 time.`, `Write it like 2026-11-23T10:00:00Z.`);
}
function usage(message, hint) {
    return new _errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .BrokerError */ .Wz(_errors_broker_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ErrorCode */ .O4.InputInvalid, message, { hint });
}


/***/ })

};
