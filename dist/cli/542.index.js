export const id = 542;
export const ids = [542];
export const modules = {

/***/ 33542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sandbox: () => (/* binding */ sandbox)
/* harmony export */ });
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10524);
/* harmony import */ var _until_stopped_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26438);


/** `sandbox`: the local issuer and cloud emulators, and with --broker the broker service, until SIGINT or SIGTERM. A bad --aws-config is a usage error. */
function sandbox(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d1)('text', () => _cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .Exit */ .Jc.Usage, async () => {
        const { startSandbox } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(746), __webpack_require__.e(422), __webpack_require__.e(118), __webpack_require__.e(959), __webpack_require__.e(791), __webpack_require__.e(967)]).then(__webpack_require__.bind(__webpack_require__, 74967));
        const wantsBroker = options.broker === true || options.brokerPolicy !== undefined;
        const running = await startSandbox({ awsConfigFile: options.awsConfig, broker: wantsBroker && { policyFile: options.brokerPolicy } });
        process.stdout.write(`${running.describe()}\n\nA job environment pointed at the sandbox:\n`);
        for (const [name, value] of Object.entries(running.runnerEnv()))
            process.stdout.write(`export ${name}='${value}'\n`);
        if (running.broker)
            process.stdout.write(`\nThe broker: the action's broker-url input, or --broker for the CLI:\n  ${running.broker.url}\n`);
        process.stdout.write('\nPress Ctrl-C to stop.\n');
        await (0,_until_stopped_js__WEBPACK_IMPORTED_MODULE_1__/* .untilStopped */ .s)();
        await running.close();
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .Exit */ .Jc.Ok;
    });
}


/***/ }),

/***/ 26438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ untilStopped)
/* harmony export */ });
/** Resolves on the first SIGINT or SIGTERM; while it waits, neither ends the process mid-request. */
function untilStopped() {
    return new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
}


/***/ })

};
