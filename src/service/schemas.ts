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
          required: ['sessionId', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration', 'roleArn', 'assumedRoleArn', 'sessionName', 'durationSeconds', 'capped'],
          properties: {
            sessionId: { type: 'string' },
            accessKeyId: { type: 'string' },
            secretAccessKey: { type: 'string' },
            sessionToken: { type: 'string' },
            expiration: { type: 'string' },
            roleArn: { type: 'string' },
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

export const revokeSchema = {
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: {
    200: {
      type: 'object',
      required: ['sessions'],
      properties: {
        sessions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['sessionId', 'provider', 'target', 'outcome', 'detail'],
            properties: {
              sessionId: { type: 'string' },
              provider: { type: 'string', enum: ['aws', 'gcp'] },
              target: { type: 'string' },
              outcome: { type: 'string', enum: ['denied', 'cleared-only', 'failed'] },
              detail: { type: 'string' },
            },
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
