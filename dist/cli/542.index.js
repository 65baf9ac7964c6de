export const id = 542;
export const ids = [542];
export const modules = {

/***/ 3542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sandbox: () => (/* binding */ sandbox)
/* harmony export */ });
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(524);

/** `sandbox`: the local issuer and cloud emulators, until SIGINT or SIGTERM. A bad --aws-config is a usage error. */
function sandbox(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d1)('text', () => _cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .Exit */ .Jc.Usage, async () => {
        const { startSandbox } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(746), __webpack_require__.e(118), __webpack_require__.e(55), __webpack_require__.e(967)]).then(__webpack_require__.bind(__webpack_require__, 4967));
        const running = await startSandbox({ awsConfigFile: options.awsConfig });
        process.stdout.write(`${running.describe()}\n\nA job environment pointed at the sandbox:\n`);
        for (const [name, value] of Object.entries(running.runnerEnv()))
            process.stdout.write(`export ${name}='${value}'\n`);
        process.stdout.write('\nPress Ctrl-C to stop.\n');
        await new Promise((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
        });
        await running.close();
        return _cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .Exit */ .Jc.Ok;
    });
}


/***/ })

};
