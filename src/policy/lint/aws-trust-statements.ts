import { actionMatches, parsePattern, type Token } from './aws-iam-patterns.ts';
import type { JsonPath } from './aws-policy-document.ts';

/**
 * A trust policy's statements as IAM reads them: element names and Effect are case-sensitive; action
 * names, condition keys and (as the lint reads them) operator names are not.
 */
export interface TrustStatement {
  name: string;
  path: JsonPath;
  /** undefined when Effect is not exactly Allow or Deny, which IAM refuses. */
  effect: 'Allow' | 'Deny' | undefined;
  principal: Principal;
  actions: ActionSet;
  conditions: ConditionTest[];
  /** What makes IAM refuse the statement, each with the element it is about. */
  problems: { message: string; path: JsonPath }[];
}

export interface Principal {
  path: JsonPath;
  /** How the statement reaches every caller, if it does: `"*"`, `{"AWS": "*"}`, a Federated wildcard, or NotPrincipal. */
  everyone: 'star' | 'aws' | 'federated' | 'not-principal' | undefined;
  /** OIDC providers by condition-key prefix (`token.actions.githubusercontent.com`), lower-case; for NotPrincipal, those left out. */
  providers: string[];
}

export interface ActionSet {
  path: JsonPath;
  patterns: string[];
  /** NotAction: the statement covers every action its patterns do not. */
  negated: boolean;
}

export interface Operator {
  /** How values are compared: `exact` (StringEquals…), `like` (StringLike…), Null, or another type the lint does not compare. */
  kind: 'exact' | 'like' | 'null' | 'other';
  negated: boolean;
  ignoreCase: boolean;
  ifExists: boolean;
  set: 'ForAnyValue' | 'ForAllValues' | undefined;
}

export interface ConditionTest {
  /** The operator as written, `StringLikeIfExists` or `ForAllValues:StringEquals`. */
  operatorName: string;
  /** undefined for an operator IAM does not have. */
  operator: Operator | undefined;
  key: string;
  /** The key's provider part (before the last `:`) and its claim, both lower-case, as IAM compares keys. */
  prefix: string;
  claim: string;
  values: { text: string; tokens: Token[]; path: JsonPath }[];
  path: JsonPath;
}

const ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'];

const STRING_OPERATORS: Record<string, Pick<Operator, 'kind' | 'negated' | 'ignoreCase'>> = {
  stringequals: { kind: 'exact', negated: false, ignoreCase: false },
  stringnotequals: { kind: 'exact', negated: true, ignoreCase: false },
  stringequalsignorecase: { kind: 'exact', negated: false, ignoreCase: true },
  stringnotequalsignorecase: { kind: 'exact', negated: true, ignoreCase: true },
  stringlike: { kind: 'like', negated: false, ignoreCase: false },
  stringnotlike: { kind: 'like', negated: true, ignoreCase: false },
};
const OTHER_OPERATORS = new Set(
  ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'].map((name) => name.toLowerCase()),
);

function parseOperator(name: string): Operator | undefined {
  const parts = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/i.exec(name);
  if (!parts) return undefined;
  const set = parts[1] === undefined ? undefined : parts[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues';
  const base = parts[2]!.toLowerCase();
  const ifExists = parts[3] !== undefined;
  const string = STRING_OPERATORS[base];
  if (string) return { ...string, ifExists, set };
  if (base === 'null' && !ifExists && !set) return { kind: 'null', negated: false, ignoreCase: false, ifExists, set };
  if (OTHER_OPERATORS.has(base)) return { kind: 'other', negated: base.includes('not'), ignoreCase: false, ifExists, set };
  return undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readStatements(data: unknown): { statements: TrustStatement[]; problems: { message: string; path: JsonPath }[] } {
  if (!isObject(data) || data.Statement === undefined) {
    return { statements: [], problems: [{ message: 'The document has no Statement element: it is not a policy IAM accepts.', path: [] }] };
  }
  const problems = Object.keys(data)
    .filter((key) => !['Version', 'Id', 'Statement'].includes(key))
    .map((key) => ({ message: `IAM does not know the policy element "${key}" (element names are case-sensitive).`, path: [key] }));
  const variables = data.Version === '2012-10-17';
  const raw = Array.isArray(data.Statement) ? data.Statement : [data.Statement];
  const statements = raw.map((statement, index) => readStatement(statement, Array.isArray(data.Statement) ? ['Statement', index] : ['Statement'], index, variables));
  return { statements, problems };
}

function readStatement(raw: unknown, path: JsonPath, index: number, variables: boolean): TrustStatement {
  const data = isObject(raw) ? raw : {};
  const problems: TrustStatement['problems'] = [];
  const problem = (message: string, element?: string): void => {
    problems.push({ message, path: element === undefined ? path : [...path, element] });
  };
  if (!isObject(raw)) problem('A statement must be an object.');
  for (const key of Object.keys(data).filter((key) => !ELEMENTS.includes(key))) {
    problem(`IAM does not know the statement element "${key}" (element names are case-sensitive).`, key);
  }
  const effect = data.Effect === 'Allow' || data.Effect === 'Deny' ? data.Effect : undefined;
  if (!effect) problem(`Effect is ${JSON.stringify(data.Effect)}: IAM takes only "Allow" or "Deny", spelt exactly so.`, data.Effect === undefined ? undefined : 'Effect');
  const principalElement = data.NotPrincipal === undefined ? 'Principal' : 'NotPrincipal';
  if ((data.Principal === undefined) === (data.NotPrincipal === undefined)) problem('A trust policy statement needs exactly one of Principal and NotPrincipal.');
  const actionElement = data.NotAction === undefined ? 'Action' : 'NotAction';
  if ((data.Action === undefined) === (data.NotAction === undefined)) problem('A statement needs exactly one of Action and NotAction.');
  const patterns = list(data[actionElement]);
  if (patterns.some((pattern) => typeof pattern !== 'string')) problem(`${actionElement} must hold strings.`, actionElement);
  if (data.Condition !== undefined && !(isObject(data.Condition) && Object.values(data.Condition).every(isObject))) {
    problem('Condition must map each operator to an object of condition keys.', 'Condition');
  }
  return {
    name: typeof data.Sid === 'string' && data.Sid !== '' ? data.Sid : `Statement[${index}]`,
    path,
    effect,
    principal: readPrincipal(data[principalElement], principalElement === 'NotPrincipal', [...path, principalElement], problem),
    actions: { path: [...path, actionElement], patterns: patterns.filter((p): p is string => typeof p === 'string'), negated: actionElement === 'NotAction' },
    conditions: readConditions(data.Condition, [...path, 'Condition'], variables),
    problems,
  };
}

function readPrincipal(raw: unknown, not: boolean, path: JsonPath, problem: (message: string, element?: string) => void): Principal {
  const principal: Principal = { path, everyone: undefined, providers: [] };
  if (raw === undefined) return principal;
  if (raw === '*') return { ...principal, everyone: not ? 'not-principal' : 'star' };
  if (!isObject(raw)) {
    problem('A principal must be "*" or an object such as {"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST"}.', path.at(-1) as string);
    return principal;
  }
  for (const [type, values] of Object.entries(raw)) {
    if (!PRINCIPAL_TYPES.includes(type)) problem(`IAM does not know the principal type "${type}".`, path.at(-1) as string);
    for (const value of list(values)) {
      const text = String(value);
      // IAM allows no wildcard in a principal but a lone "*"; anything else with one is read as everyone.
      if (/[*?]/.test(text) && !not) principal.everyone ??= type === 'AWS' ? 'aws' : 'federated';
      else if (type === 'Federated' && !/:saml-provider\//i.test(text)) principal.providers.push(providerPrefix(text));
    }
  }
  if (not) principal.everyone = 'not-principal';
  return principal;
}

/** The condition-key prefix of a federated principal: the provider ARN's host and path, or the provider's name itself. */
function providerPrefix(principal: string): string {
  return (/^arn:[^:]*:iam::[^:]*:oidc-provider\/(.+)$/i.exec(principal)?.[1] ?? principal).toLowerCase();
}

function readConditions(raw: unknown, path: JsonPath, variables: boolean): ConditionTest[] {
  if (!isObject(raw)) return [];
  const tests: ConditionTest[] = [];
  for (const [operatorName, block] of Object.entries(raw)) {
    if (!isObject(block)) continue;
    const operator = parseOperator(operatorName);
    for (const [key, value] of Object.entries(block)) {
      const colon = key.lastIndexOf(':');
      const keyPath = [...path, operatorName, key];
      const items = list(value);
      tests.push({
        operatorName,
        operator,
        key,
        prefix: key.slice(0, Math.max(colon, 0)).toLowerCase(),
        claim: key.slice(colon + 1).toLowerCase(),
        values: items.map((item, index) => {
          const text = String(item);
          return { text, tokens: parsePattern(text, { wildcards: operator?.kind === 'like', variables }), path: Array.isArray(value) ? [...keyPath, index] : keyPath };
        }),
        path: keyPath,
      });
    }
  }
  return tests;
}

/** Whether a statement's Action (or NotAction) covers an action. */
export function coversAction(actions: ActionSet, action: string): boolean {
  return actions.patterns.some((pattern) => actionMatches(pattern, action)) !== actions.negated;
}
