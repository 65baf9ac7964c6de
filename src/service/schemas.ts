// JSON schemas of every request and response. Fastify validates requests with them and serialises
// responses through them, so nothing a schema does not name can reach a client.

const errorBody = {
  type: 'object',
  required: ['code', 'message', 'hint'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
} as const;

export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: {
    error: errorBody,
    // A policy denial carries the decision as `policy explain --format json` prints it.
    decision: { type: 'object', additionalProperties: true },
  },
} as const;

const errorResponses = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse, 500: errorResponse, 502: errorResponse, 503: errorResponse } as const;

export const exchangeSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      aws: {
        type: 'object',
        additionalProperties: false,
        properties: {
          role: { type: 'string', minLength: 20, maxLength: 2048 },
          durationSeconds: { type: 'integer', minimum: 900, maximum: 43200 },
          sessionPolicy: { type: 'string', minLength: 1, maxLength: 2048 },
          managedSessionPolicyArns: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 20, maxLength: 2048 } },
        },
      },
      gcp: {
        type: 'object',
        additionalProperties: false,
        properties: {
          serviceAccount: { type: 'string', minLength: 3, maxLength: 320 },
          lifetimeSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
          scopes: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 512 } },
        },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['exchangeId', 'rule', 'checkedClaims'],
      properties: {
        exchangeId: { type: 'string' },
        rule: { type: 'string' },
        checkedClaims: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        aws: {
          type: 'object',
          required: ['sessionId', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration', 'roleArn', 'assumedRoleId', 'assumedRoleArn', 'sessionName', 'durationSeconds', 'capped'],
          properties: {
            sessionId: { type: 'string' },
            accessKeyId: { type: 'string' },
            secretAccessKey: { type: 'string' },
            sessionToken: { type: 'string' },
            expiration: { type: 'string' },
            roleArn: { type: 'string' },
            // `AROA…:session-name`: the session's aws:userid, as CloudTrail shows it and a per-session denial matches it.
            assumedRoleId: { type: 'string' },
            assumedRoleArn: { type: 'string' },
            sessionName: { type: 'string' },
            durationSeconds: { type: 'integer' },
            capped: { type: 'boolean' },
          },
        },
        gcp: {
          type: 'object',
          required: ['sessionId', 'accessToken', 'expiration', 'serviceAccount', 'lifetimeSeconds', 'capped'],
          properties: {
            sessionId: { type: 'string' },
            accessToken: { type: 'string' },
            expiration: { type: 'string' },
            serviceAccount: { type: 'string' },
            lifetimeSeconds: { type: 'integer' },
            capped: { type: 'boolean' },
          },
        },
      },
    },
    ...errorResponses,
  },
} as const;

/*
 * The operator API, for `sessions list --broker URL` and `revoke --broker URL --selector …`.
 * Operators send their own OIDC token as the bearer (minted for the broker's audience, from an issuer
 * the broker accepts); an entry of the policy's `operators:` section must match its claims, or 403.
 *
 *   GET /v1/sessions?repositoryId=&ownerId=&rule=&issuer=&status=active,revoked&issuedAfter=ISO&issuedBefore=ISO&limit=100&cursor=…
 *     → 200 {sessions: SessionView[], nextCursor?: string}   newest first; limit 1 to 500 (default 100);
 *       pass nextCursor back as `cursor` for the next page, with the same filters.
 *
 *   POST /v1/revoke
 *     body {} or none: the job's own sessions (the bearer is a fresh token of the same job; no operator
 *       entry is consulted): those of that job when the token names it (GitHub's check_run_id, GitLab's
 *       and Buildkite's job_id), `scope: "job"`; otherwise every session of the run, parallel jobs'
 *       included, `scope: "run"`;
 *     body {"selector": {repositoryId?, ownerId?, rule?, issuer?, issuedBefore?}}: an operator's revocation
 *       of every active session the selector matches (at least one of repositoryId, ownerId, rule;
 *       issuedBefore defaults to now). AWS: one denial per affected role on the session tags
 *       (aws:PrincipalTag/… and aws:TokenIssueTime), or on the sessions' aws:userid when the selector
 *       names a rule, which no tag carries. Google: cleared only.
 *     → 200 {sessions: [{sessionId, provider, target, assumedRoleId?, outcome: denied|cleared-only|failed, detail}],
 *            scope?: job|run,                                              (a job's own revocation only)
 *            denials: [{target, outcome: denied|failed, policyName?, detail}]}   (denials: selector only)
 */

const STATUS = '(minting|active|revoked|expired|failed)';

export const sessionView = {
  type: 'object',
  required: ['sessionId', 'exchangeId', 'status', 'issuer', 'repositoryId', 'ownerId', 'rule', 'provider', 'target', 'issuedAt', 'expiresAt'],
  properties: {
    sessionId: { type: 'string' },
    exchangeId: { type: 'string' },
    status: { type: 'string', enum: ['minting', 'active', 'revoked', 'expired', 'failed'] },
    issuer: { type: 'string' },
    repositoryId: { type: 'string' },
    ownerId: { type: 'string' },
    run: { type: 'string' },
    job: { type: 'string' },
    rule: { type: 'string' },
    provider: { type: 'string', enum: ['aws', 'gcp'] },
    target: { type: 'string' },
    sessionName: { type: 'string' },
    sourceIdentity: { type: 'string' },
    issuedAt: { type: 'string' },
    expiresAt: { type: 'string' },
    revokedAt: { type: 'string' },
  },
} as const;

const id = { type: 'string', minLength: 1, maxLength: 256 } as const;
const instant = { type: 'string', format: 'date-time' } as const;

export const MAX_SESSIONS_PAGE = 500;

export const sessionsSchema = {
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      repositoryId: id,
      ownerId: id,
      rule: id,
      issuer: { type: 'string', minLength: 1, maxLength: 2048 },
      status: { type: 'string', pattern: `^${STATUS}(,${STATUS})*$` },
      issuedAfter: instant,
      issuedBefore: instant,
      // Query values are text: nothing is coerced, so the number is checked as digits, then bounded.
      limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
      cursor: { type: 'string', maxLength: 512 },
    },
  },
  response: {
    200: { type: 'object', required: ['sessions'], properties: { sessions: { type: 'array', items: sessionView }, nextCursor: { type: 'string' } } },
    ...errorResponses,
  },
} as const;

export const revokeSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      selector: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        anyOf: [{ required: ['repositoryId'] }, { required: ['ownerId'] }, { required: ['rule'] }],
        properties: { repositoryId: id, ownerId: id, rule: id, issuer: { type: 'string', minLength: 1, maxLength: 2048 }, issuedBefore: instant },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['sessions'],
      properties: {
        scope: { type: 'string', enum: ['job', 'run'] },
        sessions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['sessionId', 'provider', 'target', 'outcome', 'detail'],
            properties: {
              sessionId: { type: 'string' },
              provider: { type: 'string', enum: ['aws', 'gcp'] },
              target: { type: 'string' },
              assumedRoleId: { type: 'string' },
              outcome: { type: 'string', enum: ['denied', 'cleared-only', 'failed'] },
              detail: { type: 'string' },
            },
          },
        },
        denials: {
          type: 'array',
          items: {
            type: 'object',
            required: ['target', 'outcome', 'detail'],
            properties: { target: { type: 'string' }, outcome: { type: 'string', enum: ['denied', 'failed'] }, policyName: { type: 'string' }, detail: { type: 'string' } },
          },
        },
      },
    },
    ...errorResponses,
  },
} as const;

export const healthSchema = {
  response: {
    200: { type: 'object', required: ['status'], properties: { status: { type: 'string' }, policy: { type: 'string' } } },
    503: errorResponse,
  },
} as const;
