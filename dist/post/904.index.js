export const id = 904;
export const ids = [904];
export const modules = {

/***/ 8904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyRoutingHandler: () => (/* binding */ ProxyRoutingHandler)
/* harmony export */ });
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1279);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(796);


/**
 * An AWS SDK request handler that routes each request as proxyFor decides for its URL. The SDK resolves
 * the endpoint (region, AWS_ENDPOINT_URL_STS, FIPS…) per request, so the choice is made on the URL it
 * built, not when the client is made. One SDK handler per route, each with an agent of its own.
 */
class ProxyRoutingHandler {
    metadata = { handlerProtocol: 'http/1.1' };
    #routes = new Map();
    // Settings the SDK pushes (such as a request timeout) apply to routes opened later too.
    #config = {};
    async handle(...[request, options]) {
        const url = new URL(`${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}/`);
        const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyFor */ .iJ)(url);
        const route = `${url.protocol}${proxy?.href ?? 'direct'}`;
        let handler = this.#routes.get(route);
        if (!handler) {
            const agent = url.protocol === 'https:' ? { httpsAgent: (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .agentFor */ .Pf)(url) } : { httpAgent: (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .agentFor */ .Pf)(url) };
            handler = new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__.NodeHttpHandler({ ...this.#config, ...agent });
            this.#routes.set(route, handler);
        }
        // A proxy's refusal would otherwise read as STS's own error, or as a network failure worth retrying.
        const answer = await handler.handle(request, options).catch((error) => {
            throw (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .refusedByProxy */ .SR)(proxy, url, { error }) ?? error;
        });
        const refused = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .refusedByProxy */ .SR)(proxy, url, { status: answer.response.statusCode });
        if (refused)
            throw refused;
        return answer;
    }
    updateHttpClientConfig(key, value) {
        this.#config[key] = value;
        for (const handler of this.#routes.values())
            handler.updateHttpClientConfig(key, value);
    }
    httpHandlerConfigs() {
        return { ...this.#config };
    }
    destroy() {
        for (const handler of this.#routes.values())
            handler.destroy();
        this.#routes.clear();
    }
}


/***/ })

};
