export const id = 874;
export const ids = [874];
export const modules = {

/***/ 39874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serve: () => (/* binding */ serve)
/* harmony export */ });
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10524);
/* harmony import */ var _until_stopped_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26438);


/** `serve --config FILE`: the broker until SIGINT or SIGTERM, which close it cleanly. A bad configuration or policy is a usage error. */
function serve(options) {
    return (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d1)('text', () => _cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .Exit */ .Jc.Usage, async () => {
        const { startBroker } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(856), __webpack_require__.e(746), __webpack_require__.e(830), __webpack_require__.e(655), __webpack_require__.e(485), __webpack_require__.e(127), __webpack_require__.e(540), __webpack_require__.e(665), __webpack_require__.e(275), __webpack_require__.e(270)]).then(__webpack_require__.bind(__webpack_require__, 48715));
        const broker = await startBroker(options.config);
        // Its own log is JSON on stdout; this line is for the person who started it.
        process.stderr.write(`ci-oidc-broker: listening on ${broker.url} (audience ${broker.config.audience}); Ctrl-C stops it.\n`);
        await (0,_until_stopped_js__WEBPACK_IMPORTED_MODULE_1__/* .untilStopped */ .s)();
        await broker.close();
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
