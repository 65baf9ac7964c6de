import { isKnownConditionOperator, type PolicyDocument, type PolicyStatement } from './iam-policy.ts';
import { AwsApiError } from './query-protocol.ts';

/** IAM's quota on a role's inline policies, all of them together, counted without whitespace. */
export const MAX_ROLE_INLINE_POLICY_CHARS = 10_240;

interface InlinePolicy {
  /** The document as the caller wrote it: GetRolePolicy hands back the caller's text, not a re-serialisation. */
  text: string;
  document: PolicyDocument;
}

/**
 * A role's inline permission policies, by name. Every change is one synchronous step, so concurrent
 * writers are applied one whole request at a time and the last one wins, as in IAM.
 */
export class InlinePolicies {
  readonly #byName = new Map<string, InlinePolicy>();
  readonly #roleName: string;

  constructor(roleName: string, initial: Record<string, PolicyDocument> = {}) {
    this.#roleName = roleName;
    for (const [name, document] of Object.entries(initial)) this.#byName.set(name, { text: JSON.stringify(document), document });
  }

  /** Adds or replaces a policy, refusing a malformed document or one that takes the role past its quota. */
  put(name: string, text: string): void {
    const document = parsePermissionPolicy(text);
    const others = [...this.#byName].filter(([other]) => other !== name).map(([, policy]) => policy.text);
    const size = [...others, text].reduce((total, each) => total + each.replace(/\s/g, '').length, 0);
    if (size > MAX_ROLE_INLINE_POLICY_CHARS) {
      throw new AwsApiError('LimitExceeded', 409, `Maximum policy size of ${MAX_ROLE_INLINE_POLICY_CHARS} bytes exceeded for role ${this.#roleName}`);
    }
    this.#byName.set(name, { text, document });
  }

  /** The policy's text as it was written. */
  text(name: string): string {
    return this.#existing(name).text;
  }

  delete(name: string): void {
    this.#existing(name);
    this.#byName.delete(name);
  }

  /** Names in ascending order, as IAM lists them. */
  names(): string[] {
    return [...this.#byName.keys()].sort();
  }

  documents(): PolicyDocument[] {
    return [...this.#byName.values()].map((policy) => policy.document);
  }

  #existing(name: string): InlinePolicy {
    const policy = this.#byName.get(name);
    if (!policy) throw new AwsApiError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
    return policy;
  }
}

const malformed = (message: string) => new AwsApiError('MalformedPolicyDocument', 400, message);
const SYNTAX_ERRORS = 'Syntax errors in policy.';

const isStringOrList = (value: unknown): boolean => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/**
 * Reads an identity-based policy as PutRolePolicy does. Beyond IAM's own checks it refuses values the
 * sandbox's evaluator cannot judge (a condition operator it does not know, a number where it expects
 * text), because a Deny it silently failed to match would let a revoked session through.
 */
export function parsePermissionPolicy(text: string): PolicyDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformed(SYNTAX_ERRORS);
  }
  if (typeof document !== 'object' || document === null || !('Statement' in document)) throw malformed(SYNTAX_ERRORS);
  const statements: unknown[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements) checkStatement(statement);
  return document as PolicyDocument;
}

function checkStatement(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(SYNTAX_ERRORS);
  const statement = value as Partial<Record<keyof PolicyStatement | 'NotPrincipal', unknown>>;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw malformed(SYNTAX_ERRORS);
  if (statement.Principal !== undefined || statement.NotPrincipal !== undefined) throw malformed('Policy document should not specify a principal.');
  if (statement.Action === undefined && statement.NotAction === undefined) throw malformed('Policy statement must contain actions.');
  if (statement.Resource === undefined && statement.NotResource === undefined) throw malformed('Policy statement must contain resources.');
  for (const member of [statement.Action, statement.NotAction, statement.Resource, statement.NotResource]) {
    if (member !== undefined && !isStringOrList(member)) throw malformed(SYNTAX_ERRORS);
  }
  if (statement.Condition === undefined) return;
  if (typeof statement.Condition !== 'object' || statement.Condition === null) throw malformed(SYNTAX_ERRORS);
  for (const [operator, tests] of Object.entries(statement.Condition)) {
    if (!isKnownConditionOperator(operator) || typeof tests !== 'object' || tests === null) throw malformed(SYNTAX_ERRORS);
    if (!Object.values(tests).every(isStringOrList)) throw malformed(SYNTAX_ERRORS);
  }
}
