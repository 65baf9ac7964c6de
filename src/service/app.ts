import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { readBearer, verifyBearer, type Bearer } from './bearer.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';
import type { Operator } from '../policy/types.ts';
import type { BrokerDeps } from './broker-deps.ts';
import type { BrokerConfig } from './config.ts';
import { exchange, ExchangeDenied, notReady, type ExchangeBody } from './exchange.ts';
import { authorizeOperator, listInventory, type SessionsQuery } from './operators.ts';
import { revokeBySelector, revokeOwnSessions, type Selector } from './revoke.ts';
import { exchangeSchema, healthSchema, revokeSchema, sessionsSchema } from './schemas.ts';
import { ServiceError, ServiceErrorCode, statusOf } from './service-error.ts';
import type { AuditEntry } from './store/broker-store.ts';

export interface BrokerAppOptions {
  /** Where the JSON log goes; stdout by default. */
  logStream?: { write(line: string): void };
  https?: { cert: Buffer; key: Buffer };
}

const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The broker's HTTP API, not yet listening: tests drive it with `inject`. Logs are pino JSON that name a
 * token by its SHA-256 only; the Authorization header is redacted wherever a request is logged.
 */
export function buildBrokerApp(config: BrokerConfig, deps: BrokerDeps, options: BrokerAppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' }, ...(options.logStream && { stream: options.logStream }) },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.behindProxy,
    // Unknown fields are refused, never silently dropped, and nothing is coerced: a request means what it says.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
    ...(options.https && { https: options.https }),
  }) as unknown as FastifyInstance;

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: { code: ServiceErrorCode.NotFound, message: `No endpoint ${request.method} ${request.url.split('?')[0]}.`, hint: 'The API is POST /v1/exchange, POST /v1/revoke, GET /v1/sessions, GET /healthz, GET /readyz and GET /metrics.' } });
  });

  app.post<{ Body: ExchangeBody }>('/v1/exchange', { schema: exchangeSchema }, async (request, reply) => {
    const started = process.hrtime.bigint();
    let outcome = 'failed';
    let bearer: Bearer | undefined;
    try {
      bearer = readBearer(request.headers.authorization);
      const claims = await verifyBearer(bearer, config, deps.verifier);
      const response = await exchange(bearer, claims, request.body, config, deps);
      outcome = 'issued';
      request.log.info({ tokenSha256: bearer.tokenSha256, outcome, rule: response.rule, exchangeId: response.exchangeId, sessionIds: [response.aws?.sessionId, response.gcp?.sessionId].filter(Boolean) }, 'exchange');
      return reply.send(response);
    } catch (error) {
      outcome = outcomeOf(error);
      request.log.info({ tokenSha256: bearer?.tokenSha256, outcome, code: codeOf(error) }, 'exchange refused');
      throw error;
    } finally {
      deps.metrics.exchanges.inc({ outcome });
      deps.metrics.exchangeSeconds.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  });

  // One path, two callers: a body naming a selector is an operator's; an empty one, a job ending its own run.
  app.post<{ Body: { selector?: Selector } | undefined }>('/v1/revoke', { schema: revokeSchema }, async (request, reply) => {
    const bearer = readBearer(request.headers.authorization);
    const claims = await verifyBearer(bearer, config, deps.verifier);
    const selector = request.body?.selector;
    let response;
    if (selector) {
      const operator = await operatorOf(claims, bearer, request, { action: 'revoke', repositoryId: selector.repositoryId });
      response = await revokeBySelector(bearer, claims, operator, selector, deps);
      request.log.info({ tokenSha256: bearer.tokenSha256, operator: operator.name, selector, sessions: response.sessions.length, denials: response.denials }, 'revoke by selector');
    } else {
      response = await revokeOwnSessions(bearer, claims, deps);
      request.log.info({ tokenSha256: bearer.tokenSha256, sessions: response.sessions.map((s) => ({ id: s.sessionId, outcome: s.outcome })) }, 'revoke');
    }
    return reply.send(response);
  });

  app.get<{ Querystring: SessionsQuery }>('/v1/sessions', { schema: sessionsSchema }, async (request, reply) => {
    const bearer = readBearer(request.headers.authorization);
    const claims = await verifyBearer(bearer, config, deps.verifier);
    const operator = await operatorOf(claims, bearer, request, { action: 'list', repositoryId: request.query.repositoryId });
    const response = await listInventory(request.query, deps);
    // Who read which part of the inventory is audited as revocations are, and before the answer leaves.
    await deps.store.appendAudit({
      ...auditOf(claims, bearer, 'list', request.query.repositoryId),
      outcome: 'listed',
      detail: { requestedBy: 'operator', operator: operator.name, filters: JSON.stringify(request.query), sessions: String(response.sessions.length) },
    });
    request.log.info({ tokenSha256: bearer.tokenSha256, operator: operator.name, query: request.query, sessions: response.sessions.length }, 'sessions listed');
    return reply.send(response);
  });

  function auditOf(claims: VerifiedClaims, bearer: Bearer, action: AuditEntry['action'], repositoryId: string | undefined): Omit<AuditEntry, 'outcome' | 'detail'> {
    return { at: deps.now?.() ?? new Date(), action, issuer: claims.iss, subject: claims.sub, repositoryId, tokenSha256: bearer.tokenSha256, sessionIds: [] };
  }

  /**
   * The operator the policy admits, or 403. A refused attempt to read the inventory or to revoke by
   * selector belongs in the trail as much as a granted one: it is audited, and logged with the token's digest.
   */
  async function operatorOf(claims: VerifiedClaims, bearer: Bearer, request: FastifyRequest, attempt: { action: 'list' | 'revoke'; repositoryId: string | undefined }): Promise<Operator> {
    try {
      return authorizeOperator(claims, deps);
    } catch (error) {
      request.log.warn({ tokenSha256: bearer.tokenSha256, subject: claims.sub, code: codeOf(error) }, 'operator refused');
      await deps.store.appendAudit({ ...auditOf(claims, bearer, attempt.action, attempt.repositoryId), outcome: 'refused', detail: { requestedBy: 'operator', code: codeOf(error) } });
      throw error;
    }
  }

  app.get('/healthz', { schema: healthSchema }, async () => ({ status: 'ok' }));

  // Ready while the database answers: no exchange can be recorded without it. A Redis outage leaves the
  // broker ready, counting rate limits per instance, and says so: taking every instance out of the load
  // balancer for it would turn a loss of shared counting into a loss of service.
  const readySchema = { response: { ...healthSchema.response, 200: { type: 'object', required: ['status'], properties: { status: { type: 'string' }, policy: { type: 'string' }, store: { type: 'string' }, rateLimits: { type: 'string' } } } } };
  app.get('/readyz', { schema: readySchema }, async (request) => {
    const store = config.store.kind;
    try {
      await deps.store.ping();
    } catch (error) {
      request.log.error({ err: error }, 'the store does not answer');
      throw new ServiceError(ServiceErrorCode.NotReady, 503, `The broker’s store (${store}) does not answer.`, { hint: 'The broker’s log says why; check the database (the file and its disk, or the PostgreSQL server).' });
    }
    const policy = deps.policy.current;
    if (!policy) throw notReady();
    return { status: 'ready', policy: policy.source, store, rateLimits: deps.rateLimiter.state() };
  });

  app.get('/metrics', async (_request, reply) => reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()));

  return app;
}

const SERVICE_OUTCOMES: Partial<Record<ServiceErrorCode, string>> = { [ServiceErrorCode.TokenReplayed]: 'replayed', [ServiceErrorCode.RateLimited]: 'rate-limited', [ServiceErrorCode.NotReady]: 'failed' };

/** The metrics label of a refused exchange: few values, so that the series stay few. */
function outcomeOf(error: unknown): string {
  if (error instanceof ExchangeDenied) return 'denied';
  if (error instanceof ServiceError) return SERVICE_OUTCOMES[error.code] ?? 'invalid';
  if (error instanceof BrokerError) return statusOf(error) < 500 ? 'invalid' : 'failed';
  return (error as FastifyError).validation ? 'invalid' : 'failed';
}

function codeOf(error: unknown): string {
  if (error instanceof ExchangeDenied) return error.error.code;
  if (error instanceof ServiceError || error instanceof BrokerError) return error.code;
  return (error as FastifyError).validation ? ServiceErrorCode.RequestInvalid : ErrorCode.Internal;
}

/** Every error as `{error: {code, message, hint}}` with a stable code; an unexpected one says nothing of its cause. */
function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ExchangeDenied) {
    return reply.code(403).send({ error: describe(error.error), decision: error.decision });
  }
  if (error instanceof ServiceError) {
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(error.statusCode).send({ error: describe(error) });
  }
  if (error instanceof BrokerError) return reply.code(statusOf(error)).send({ error: describe(error) });
  const fastifyError = error as FastifyError;
  if (fastifyError.validation || (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)) {
    return reply.code(fastifyError.statusCode ?? 400).send({ error: { code: ServiceErrorCode.RequestInvalid, message: fastifyError.message, hint: 'The request body is JSON as the API describes: {"aws": {...}, "gcp": {...}}.' } });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send({ error: { code: ErrorCode.Internal, message: 'The broker failed unexpectedly.', hint: 'The broker’s log has the details; please report it.' } });
}

function describe(error: { code: string; message: string; hint: string }): { code: string; message: string; hint: string } {
  return { code: error.code, message: error.message, hint: error.hint };
}
