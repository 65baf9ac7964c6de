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

export interface RequestContext {
  action: string;
  resource?: string;
  /** For trust policies: the federated principal making the request. */
  federatedPrincipal?: string;
  /** Condition keys; names are case-insensitive, as in IAM. */
  keys: Record<string, string | undefined>;
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
function valueMatches(value: string, actual: string, keys: ReadonlyMap<string, string | undefined>, options: { wildcards: boolean; ignoreCase?: boolean }): boolean {
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
    if (text === undefined) return false;
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

type Operator = (actual: string | undefined, expected: string[], keys: ReadonlyMap<string, string | undefined>) => boolean;
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

function operatorNamed(name: string): Operator | undefined {
  return OPERATORS[name.replace(/IfExists$/i, '').toLowerCase()];
}

/** Whether the sandbox can evaluate a condition operator (`StringLike`, `DateLessThanIfExists`…). */
export function isKnownConditionOperator(name: string): boolean {
  return operatorNamed(name) !== undefined;
}

function conditionsHold(conditions: PolicyStatement['Condition'], keys: Map<string, string | undefined>): boolean {
  for (const [rawOperator, tests] of Object.entries(conditions ?? {})) {
    const ifExists = /IfExists$/i.test(rawOperator);
    const operator = operatorNamed(rawOperator);
    // An operator the sandbox does not know fails closed, as an unknown operator makes IAM reject the policy.
    if (!operator) return false;
    for (const [key, expected] of Object.entries(tests)) {
      const actual = keys.get(key.toLowerCase());
      if (ifExists && actual === undefined) continue;
      if (!operator(actual, list(expected), keys)) return false;
    }
  }
  return true;
}

function statementApplies(statement: PolicyStatement, context: RequestContext, keys: Map<string, string | undefined>): boolean {
  const actionMatches = (patterns: string[]): boolean => patterns.some((p) => wildcardMatch(p, context.action, true));
  if (statement.Action !== undefined && !actionMatches(list(statement.Action))) return false;
  if (statement.NotAction !== undefined && actionMatches(list(statement.NotAction))) return false;
  if (context.resource !== undefined) {
    const resourceMatches = (patterns: string[]): boolean => patterns.some((p) => wildcardMatch(p, context.resource!));
    if (statement.Resource !== undefined && !resourceMatches(list(statement.Resource))) return false;
    if (statement.NotResource !== undefined && resourceMatches(list(statement.NotResource))) return false;
  }
  if (context.federatedPrincipal !== undefined) {
    const principal = statement.Principal;
    const federated = principal === '*' ? ['*'] : list(principal?.Federated);
    if (!federated.some((p) => wildcardMatch(p, context.federatedPrincipal!))) return false;
  }
  return conditionsHold(statement.Condition, keys);
}

/** Evaluates documents together: an explicit Deny anywhere wins, then any Allow, else not applicable. */
export function evaluatePolicies(documents: readonly PolicyDocument[], context: RequestContext): Verdict {
  const keys = new Map(Object.entries(context.keys).map(([name, value]) => [name.toLowerCase(), value]));
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
