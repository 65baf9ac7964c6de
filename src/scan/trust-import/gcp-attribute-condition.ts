import { parse } from '@bufbuild/cel';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { GITHUB_ACTIONS_ISSUER } from '../../policy/types.ts';
import { TODO_PROVIDER } from '../plan/draft-policy.ts';
import type { ImportResult } from './aws-trust-policy.ts';
import { policyYaml, quoteRe2, type ClaimValue, type ImportedRule } from './policy-yaml.ts';

type Expr = ReturnType<typeof parse>['expr'];

export interface GcpImportOptions {
  /** The provider's issuer, which Google checks before the condition and the condition does not name. */
  issuer?: string | undefined;
  /** The service account the grant impersonates, and the provider, when known. */
  serviceAccount?: string | undefined;
  provider?: string | undefined;
}


/**
 * A policy that decides as a workload identity pool provider's attribute condition does: the condition
 * read as `!(deny) && … && (allow || …)`, each conjunction a rule of tests on claims (==, in, matches,
 * startsWith, endsWith, contains, on a claim or on the strings of a list claim), with the presence and
 * type guards the export writes. Whatever else it says cannot be carried over, and the policy never
 * admits more for it: an allow branch holding it is left out, a deny branch keeps the rest. Each is said.
 */
export function importGcpAttributeCondition(text: string, file: string, options: GcpImportOptions = {}): ImportResult {
  let root: Expr;
  try {
    root = parse(text.trim()).expr;
  } catch (error) {
    throw new BrokerError(ErrorCode.InputInvalid, `${file} is not a CEL expression: ${(error as Error).message.split('\n')[0]}.`, { hint: 'Give the attribute condition as `gcloud iam workload-identity-pools providers describe` prints it.' });
  }
  const notes: string[] = [];
  const terms = flatten(root, '_&&_');
  const denies = terms.filter((term) => call(term, '!_'));
  const alternatives = terms.filter((term) => call(term, '_||_'));
  const common = terms.filter((term) => !denies.includes(term) && !alternatives.includes(term));
  if (alternatives.length > 1) throw new BrokerError(ErrorCode.InputInvalid, `${file} joins several disjunctions with &&; policy init reads one (the allow rules) beside negated deny conjunctions.`, { hint: 'Write it as !(deny) && … && (allow || allow), as `policy export --gcp-attribute-condition` does.' });
  const branches = alternatives.length === 0 ? [common] : flatten(alternatives[0]!, '_||_').map((branch) => [...common, ...flatten(branch, '_&&_')]);
  const rules: ImportedRule[] = [];
  denies.forEach((deny, index) => {
    const name = `deny-${index + 1}`;
    const { match, lost } = conjunction(flatten(call(deny, '!_')![0]!, '_&&_'));
    if (lost.length > 0) notes.push(`Deny rule ${name} is carried over without ${lost.join('; ')}, which a policy cannot state: it denies more than the condition did.`);
    if (match.size === 0) throw new BrokerError(ErrorCode.InputInvalid, `${file}: no test of a deny branch can be stated in a policy, and leaving the branch out would admit more.`, { hint: notes.join(' ') });
    rules.push({ name, effect: 'deny', match });
  });
  branches.forEach((branch, index) => {
    const name = `allow-${index + 1}`;
    const { match, lost } = conjunction(branch);
    if (lost.length > 0) notes.push(`Allow branch ${name} is left out: a policy cannot state ${lost.join('; ')}, and leaving a test out would admit more.`);
    else if (match.size === 0) notes.push(`Allow branch ${name} tests nothing a policy can bind, and is left out.`);
    else rules.push({ name, effect: 'allow', match });
  });
  if (!rules.some((rule) => rule.effect === 'allow')) throw new BrokerError(ErrorCode.InputInvalid, `${file} has no allow branch a policy can state.`, { hint: notes.join(' ') || 'Give the attribute condition of a provider that CI jobs use.' });
  notes.push("Google checks the audience against the provider's allowed audiences, outside the condition: add `audiences:` to the policy if the broker should check it too.");
  // A branch that tests `iss` belongs to that issuer, as a rule's `issuer:` does.
  const issuers = [options.issuer ?? GITHUB_ACTIONS_ISSUER];
  for (const rule of rules) {
    const iss = rule.match.get('iss');
    if (!iss || !('equals' in iss) || iss.equals.length !== 1) continue;
    rule.issuer = iss.equals[0]!;
    rule.match.delete('iss');
    if (!issuers.includes(rule.issuer)) issuers.push(rule.issuer);
  }
  const provider = options.provider ?? TODO_PROVIDER;
  const accounts = options.serviceAccount === undefined ? '' : `, service-accounts: [${JSON.stringify(options.serviceAccount)}]`;
  const todo = options.provider === undefined ? 'the workload identity pool provider (--gcp-provider)' : undefined;
  const policy = policyYaml({ issuers, audiences: [], rules, grant: { text: `{gcp: {workload-identity-provider: ${JSON.stringify(provider)}${accounts}}}`, todo }, origin: file });
  return { policy, notes };
}

function call(expr: Expr | undefined, name: string): Expr[] | undefined {
  return expr?.exprKind.case === 'callExpr' && expr.exprKind.value.function === name ? expr.exprKind.value.args : undefined;
}

function flatten(expr: Expr, operator: '_&&_' | '_||_'): Expr[] {
  const args = call(expr, operator);
  return args ? args.flatMap((arg) => flatten(arg, operator)) : [expr];
}

function stringOf(expr: Expr | undefined): string | undefined {
  const constant = expr?.exprKind.case === 'constExpr' ? expr.exprKind.value.constantKind : undefined;
  return constant?.case === 'stringValue' ? constant.value : undefined;
}

/** The claim `assertion.X`, `assertion["X"]`, or (inside a list claim's exists()) the loop variable stands for. */
function claimOf(expr: Expr | undefined, loop: { variable: string; claim: string } | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.exprKind.case === 'identExpr') return loop && expr.exprKind.value.name === loop.variable ? loop.claim : undefined;
  if (expr.exprKind.case === 'selectExpr' && !expr.exprKind.value.testOnly) {
    const operand = expr.exprKind.value.operand;
    return operand?.exprKind.case === 'identExpr' && operand.exprKind.value.name === 'assertion' ? expr.exprKind.value.field : undefined;
  }
  const index = call(expr, '_[_]');
  return index && index[0]?.exprKind.case === 'identExpr' && index[0].exprKind.value.name === 'assertion' ? stringOf(index[1]) : undefined;
}

/** A presence or type guard the export writes before a test: implied by the test, as the broker reads it. */
function isGuard(expr: Expr, loop: { variable: string; claim: string } | undefined): boolean {
  if (expr.exprKind.case === 'selectExpr' && expr.exprKind.value.testOnly) return true;
  const within = call(expr, '@in');
  if (within && stringOf(within[0]) !== undefined && within[1]?.exprKind.case === 'identExpr' && within[1].exprKind.value.name === 'assertion') return true;
  const equal = call(expr, '_==_');
  const typed = equal && call(equal[0], 'type');
  return typed !== undefined && claimOf(typed[0], loop) !== undefined && equal![1]?.exprKind.case === 'identExpr' && equal![1].exprKind.value.name === 'string';
}

/** One test on a claim as a claim value, or undefined when a policy cannot state it. */
function test(expr: Expr, loop: { variable: string; claim: string } | undefined): [string, ClaimValue] | undefined {
  const equal = call(expr, '_==_');
  if (equal) {
    const [left, right] = stringOf(equal[1]) !== undefined ? equal : [equal[1]!, equal[0]!];
    const claim = claimOf(left, loop);
    const value = stringOf(right);
    return claim !== undefined && value !== undefined ? [claim, { equals: [value] }] : undefined;
  }
  const within = call(expr, '@in');
  if (within) {
    const claim = claimOf(within[0], loop);
    const list = within[1]?.exprKind.case === 'listExpr' ? within[1].exprKind.value.elements.map(stringOf) : [];
    return claim !== undefined && list.length > 0 && list.every((value) => value !== undefined) ? [claim, { equals: list as string[] }] : undefined;
  }
  if (expr.exprKind.case === 'callExpr' && expr.exprKind.value.target) {
    const { function: method, target, args } = expr.exprKind.value;
    const claim = claimOf(target, loop);
    const argument = stringOf(args[0]);
    if (claim === undefined || argument === undefined || args.length !== 1) return undefined;
    // CEL's matches() finds the pattern anywhere in the string; a pattern anchored at both ends reads as written.
    if (method === 'matches') return [claim, { regex: /^(\(\?s\))?\^/.test(argument) && /(?<!\\)\$$/.test(argument) ? argument : `(?s:.*)(?:${argument})(?s:.*)` }];
    const literal = quoteRe2(argument);
    const regex = method === 'startsWith' ? `${literal}(?s:.*)` : method === 'endsWith' ? `(?s:.*)${literal}` : method === 'contains' ? `(?s:.*)${literal}(?s:.*)` : undefined;
    return regex === undefined ? undefined : [claim, { regex }];
  }
  return listTest(expr);
}

/** The export's test on a list claim: `(type(x) == list ? x : [x]).exists(v, type(v) == string && TEST(v))`. */
function listTest(expr: Expr): [string, ClaimValue] | undefined {
  if (expr.exprKind.case !== 'comprehensionExpr') return undefined;
  const { iterRange, iterVar, loopStep } = expr.exprKind.value;
  const range = call(iterRange, '_?_:_');
  const claim = claimOf(range?.[1], undefined);
  const predicate = call(loopStep, '_||_')?.[1];
  if (claim === undefined || !predicate) return undefined;
  const loop = { variable: iterVar, claim };
  const tests = flatten(predicate, '_&&_').filter((term) => !isGuard(term, loop));
  return tests.length === 1 ? test(tests[0]!, loop) : undefined;
}

function conjunction(terms: readonly Expr[]): { match: Map<string, ClaimValue>; lost: string[] } {
  const match = new Map<string, ClaimValue>();
  const lost: string[] = [];
  for (const term of terms.filter((candidate) => !isGuard(candidate, undefined))) {
    const found = test(term, undefined);
    if (found && !match.has(found[0])) match.set(...found);
    else lost.push(found ? `a second test on ${found[0]}` : `a test of the form ${kindOf(term)}`);
  }
  return { match, lost };
}

function kindOf(expr: Expr): string {
  return expr.exprKind.case === 'callExpr' ? expr.exprKind.value.function.replace(/^_|_$/g, '').replace(/_/g, ' ') : (expr.exprKind.case ?? 'unknown');
}
