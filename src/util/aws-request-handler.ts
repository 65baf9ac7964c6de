import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { NodeHttpHandlerOptions } from '@smithy/types';
import { agentFor, proxyFor, refusedByProxy } from './proxy.ts';

/**
 * An AWS SDK request handler that routes each request as proxyFor decides for its URL. The SDK resolves
 * the endpoint (region, AWS_ENDPOINT_URL_STS, FIPS…) per request, so the choice is made on the URL it
 * built, not when the client is made. One SDK handler per route, each with an agent of its own.
 */
export class ProxyRoutingHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  readonly #routes = new Map<string, NodeHttpHandler>();
  // Settings the SDK pushes (such as a request timeout) apply to routes opened later too.
  readonly #config: NodeHttpHandlerOptions = {};

  async handle(...[request, options]: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const url = new URL(`${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}/`);
    const proxy = proxyFor(url);
    const route = `${url.protocol}${proxy?.href ?? 'direct'}`;
    let handler = this.#routes.get(route);
    if (!handler) {
      const agent = url.protocol === 'https:' ? { httpsAgent: agentFor(url) } : { httpAgent: agentFor(url) };
      handler = new NodeHttpHandler({ ...this.#config, ...agent });
      this.#routes.set(route, handler);
    }
    // A proxy's refusal would otherwise read as STS's own error, or as a network failure worth retrying.
    const answer = await handler.handle(request, options).catch((error: Error) => {
      throw refusedByProxy(proxy, url, { error }) ?? error;
    });
    const refused = refusedByProxy(proxy, url, { status: answer.response.statusCode });
    if (refused) throw refused;
    return answer;
  }

  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    (this.#config as Record<string, unknown>)[key] = value;
    for (const handler of this.#routes.values()) handler.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return { ...this.#config };
  }

  destroy(): void {
    for (const handler of this.#routes.values()) handler.destroy();
    this.#routes.clear();
  }
}
