/** IAM policy documents, and the part of IAM's evaluation logic the sandbox enforces. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { Federated?: string | string[]; AWS?: string | string[] };
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** A condition key's value: one string, or several for a multivalued key such as `aws:TagKeys`. */
export type KeyValue = string | readonly string[] | undefined;

export interface RequestContext {
  action: string;
  resource?: string;
  /** For trust policies: the federated principal making the request. */
  federatedPrincipal?: string;
  /** For trust policies: the role whose session signed the request, and its account. */
  awsPrincipal?: { roleArn: string; accountId: string };
  /** Condition keys; names are case-insensitive, as in IAM. */
  keys: Record<string, KeyValue>;
}

export type Verdict = 'Allow' | 'Deny' | 'NotApplicable';

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const quote = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wildcard = (character: string): string => (character === '*' ? '.*' : '.');

/** IAM's wildcards: `*` any run of characters, `?` any one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.split(/([*?])/).map((part, index) => (index % 2 === 1 ? wildcard(part) : quote(part))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/**
 * A condition value as IAM reads it: a policy variable (`${aws:username}`) takes the request's value of
 * that key, and `${*}`, `${?}` and `${$}` stand for those characters, so that only a bare `*` or `?` is a
 * wildcard, and only where the operator has wildcards. A variable the request lacks makes a value that
 * matches nothing.
 */
function valueMatches(value: string, actual: string, keys: ReadonlyMap<string, KeyValue>, options: { wildcards: boolean; ignoreCase?: boolean }): boolean {
  let source = '';
  let from = 0;
  for (const token of value.matchAll(/\$\{([^}]*)\}|[*?]/g)) {
    source += quote(value.slice(from, token.index));
    from = token.index + token[0].length;
    const variable = token[1];
    if (variable === undefined) {
      source += options.wildcards ? wildcard(token[0]) : quote(token[0]);
      continue;
    }
    const text = ['*', '?', '$'].includes(variable) ? variable : keys.get(variable.trim().toLowerCase());
    // A multivalued key is no policy variable.
    if (typeof text !== 'string') return false;
    source += quote(text);
  }
  return new RegExp(`^${source}${quote(value.slice(from))}$`, options.ignoreCase ? 'is' : 's').test(actual);
}

/** IAM takes a date as ISO 8601 text or as seconds since the epoch; NaN when it is neither. */
function parseDate(text: string): number {
  return /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}

/** Whether `actual` stands in `relation` to any of the `expected` dates; never for a value that is not a date. */
function anyDate(actual: string, expected: string[], relation: (actual: number, expected: number) => boolean): boolean {
  const time = parseDate(actual);
  return !Number.isNaN(time) && expected.map(parseDate).some((date) => !Number.isNaN(date) && relation(time, date));
}

type Operator = (actual: string | undefined, expected: string[], keys: ReadonlyMap<string, KeyValue>) => boolean;
const anyValue =
  (options: { wildcards: boolean; ignoreCase?: boolean }): Operator =>
  (actual, expected, keys) =>
    actual !== undefined && expected.some((value) => valueMatches(value, actual, keys, options));
const not =
  (operator: Operator): Operator =>
  (actual, expected, keys) =>
    actual === undefined || !operator(actual, expected, keys);
// Negated operators hold when the request lacks the key, as in IAM; the others never do.
const OPERATORS: Record<string, Operator> = {
  stringequals: anyValue({ wildcards: false }),
  stringnotequals: not(anyValue({ wildcards: false })),
  stringequalsignorecase: anyValue({ wildcards: false, ignoreCase: true }),
  stringlike: anyValue({ wildcards: true }),
  stringnotlike: not(anyValue({ wildcards: true })),
  dateequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a === e),
  datenotequals: (actual, expected) => actual === undefined || !anyDate(actual, expected, (a, e) => a === e),
  datelessthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a < e),
  datelessthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a <= e),
  dategreaterthan: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a > e),
  dategreaterthanequals: (actual, expected) => actual !== undefined && anyDate(actual, expected, (a, e) => a >= e),
};

interface ParsedOperator {
  /** `ForAnyValue:` or `ForAllValues:`, lower-cased: how the values of a multivalued key are taken. */
  set: 'foranyvalue' | 'forallvalues' | undefined;
  ifExists: boolean;
  /** Undefined for `Null`, which tests presence rather than values. */
  test: Operator | undefined;
}

function parseOperator(name: string): ParsedOperator | undefined {
  const [, set, base = '', ifExists] = /^(?:(ForAnyValue|ForAllValues):)?(.*?)(IfExists)?$/i.exec(name)!;
  if (base.toLowerCase() === 'null') return set === undefined && ifExists === undefined ? { set: undefined, ifExists: false, test: undefined } : undefined;
  const test = OPERATORS[base.toLowerCase()];
  return test && { set: set?.toLowerCase() as ParsedOperator['set'], ifExists: ifExists !== undefined, test };
}

/** Whether the sandbox can evaluate a condition operator (`StringLike`, `DateLessThanIfExists`, `ForAllValues:StringEquals`, `Null`…). */
export function isKnownConditionOperator(name: string): boolean {
  return parseOperator(name) !== undefined;
}

/**
 * One key's test. `Null` holds when the key's presence is as expected ("true": absent, an empty set
 * counting as absent). `ForAllValues:` holds when every value passes, so vacuously for an absent key;
 * `ForAnyValue:` when one does, so never for an absent key. A multivalued key under a plain operator
 * never matches, negated or not: IAM compares it only through a set qualifier.
 */
function keyHolds(operator: ParsedOperator, actual: KeyValue, expected: string[], keys: ReadonlyMap<string, KeyValue>): boolean {
  const values = actual === undefined ? [] : typeof actual === 'string' ? [actual] : actual;
  if (!operator.test) return expected.some((value) => (values.length === 0) === (value.toLowerCase() === 'true'));
  if (operator.set === 'forallvalues') return values.every((value) => operator.test!(value, expected, keys));
  if (operator.set === 'foranyvalue') return values.some((value) => operator.test!(value, expected, keys));
  if (Array.isArray(actual)) return false;
  if (operator.ifExists && actual === undefined) return true;
  return operator.test(actual as string | undefined, expected, keys);
}

function conditionsHold(conditions: PolicyStatement['Condition'], keys: Map<string, KeyValue>): boolean {
  for (const [name, tests] of Object.entries(conditions ?? {})) {
    const operator = parseOperator(name);
    // An operator the sandbox does not know fails closed, as an unknown operator makes IAM reject the policy.
    if (!operator) return false;
    for (const [key, expected] of Object.entries(tests)) if (!keyHolds(operator, keys.get(key.toLowerCase()), list(expected), keys)) return false;
  }
  return true;
}

/**
 * Whether a trust policy statement names who asks. An AWS principal is `*`, the caller's account (its
 * id or `:root` ARN), or the caller's role ARN exactly: IAM allows no other wildcard there.
 */
function principalMatches(principal: PolicyStatement['Principal'], context: RequestContext): boolean {
  if (principal === '*') return true;
  if (context.federatedPrincipal !== undefined) return list(principal?.Federated).some((p) => wildcardMatch(p, context.federatedPrincipal!));
  const { roleArn, accountId } = context.awsPrincipal!;
  return list(principal?.AWS).some((name) => name === '*' || name === accountId || name === `arn:aws:iam::${accountId}:root` || name === roleArn);
}

function statementApplies(statement: PolicyStatement, context: RequestContext, keys: Map<string, KeyValue>): boolean {
  const actionMatches = (patterns: string[]): boolean => patterns.some((p) => wildcardMatch(p, context.action, true));
  if (statement.Action !== undefined && !actionMatches(list(statement.Action))) return false;
  if (statement.NotAction !== undefined && actionMatches(list(statement.NotAction))) return false;
  if (context.resource !== undefined) {
    const resourceMatches = (patterns: string[]): boolean => patterns.some((p) => wildcardMatch(p, context.resource!));
    if (statement.Resource !== undefined && !resourceMatches(list(statement.Resource))) return false;
    if (statement.NotResource !== undefined && resourceMatches(list(statement.NotResource))) return false;
  }
  if ((context.federatedPrincipal !== undefined || context.awsPrincipal !== undefined) && !principalMatches(statement.Principal, context)) return false;
  return conditionsHold(statement.Condition, keys);
}

/** Evaluates documents together: an explicit Deny anywhere wins, then any Allow, else not applicable. */
export function evaluatePolicies(documents: readonly PolicyDocument[], context: RequestContext): Verdict {
  const keys = new Map<string, KeyValue>(Object.entries(context.keys).map(([name, value]) => [name.toLowerCase(), value]));
  let verdict: Verdict = 'NotApplicable';
  for (const document of documents) {
    for (const statement of Array.isArray(document.Statement) ? document.Statement : [document.Statement]) {
      if (!statementApplies(statement, context, keys)) continue;
      if (statement.Effect === 'Deny') return 'Deny';
      verdict = 'Allow';
    }
  }
  return verdict;
}
