import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { evaluatePolicy } from './evaluate.ts';
import { explainDecision } from './explain.ts';
import type { Policy } from './types.ts';

/** A fixture: the claims of a job, and the decision the policy must reach for it. */
export interface PolicyTestCase {
  name: string;
  claims: Record<string, unknown>;
  expect: { decision: 'allow' | 'deny'; rule?: string | null };
  /** Where the case is, for messages: file:line. */
  origin: string;
}

export interface PolicyTestResult {
  testCase: PolicyTestCase;
  passed: boolean;
  /** When it failed: expected and actual, as two lines to show as a diff, and why the policy decided so. */
  diff: string[];
}

/** Reads test cases from a YAML or JSON file: a list of `{name, claims, expect: {decision, rule}}`. */
export function parseTestCases(text: string, file: string): PolicyTestCase[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const fail = (offset: number, message: string): BrokerError => {
    const { line, col } = lineCounter.linePos(offset);
    return new BrokerError(ErrorCode.InputInvalid, `${file}:${line}:${col}: ${message}`, {
      hint: 'A test file is a list of cases: - {name: NAME, claims: {CLAIM: VALUE, ...}, expect: {decision: allow|deny, rule: NAME}}.',
      location: { file, line, column: col },
    });
  };
  if (document.errors.length > 0) throw fail(document.errors[0]!.pos[0], document.errors[0]!.message.split('\n')[0]!);
  const list = document.contents;
  if (!isSeq(list)) throw fail(list?.range?.[0] ?? 0, 'expected a list of test cases');
  return list.items.map((item, index) => {
    const offset = item.range?.[0] ?? 0;
    if (!isMap(item)) throw fail(offset, `case ${index + 1} is not a mapping`);
    const raw = item.toJSON() as { name?: unknown; claims?: unknown; expect?: { decision?: unknown; rule?: unknown } };
    const unknown = Object.keys(raw).filter((key) => !['name', 'claims', 'expect'].includes(key));
    if (unknown.length > 0) throw fail(offset, `case ${index + 1} has an unknown key "${unknown[0]}"`);
    if (typeof raw.name !== 'string') throw fail(offset, `case ${index + 1} needs a name`);
    if (typeof raw.claims !== 'object' || raw.claims === null || Array.isArray(raw.claims)) throw fail(offset, `case "${raw.name}" needs claims: a mapping of claim names to values`);
    const decision = raw.expect?.decision;
    if (decision !== 'allow' && decision !== 'deny') throw fail(offset, `case "${raw.name}" needs expect.decision: allow or deny`);
    const rule = raw.expect?.rule;
    if (rule !== undefined && rule !== null && typeof rule !== 'string') throw fail(offset, `case "${raw.name}": expect.rule must be a rule name or null`);
    return { name: raw.name, claims: raw.claims as Record<string, unknown>, expect: { decision, rule }, origin: `${file}:${lineCounter.linePos(offset).line}` };
  });
}

/** Runs each case against the policy. `expect.rule`, when given, must be the rule that decided (null: none). */
export function runTestCases(policy: Policy, cases: readonly PolicyTestCase[]): PolicyTestResult[] {
  return cases.map((testCase) => {
    const decision = evaluatePolicy(policy, testCase.claims);
    const actual = { decision: decision.allowed ? 'allow' : 'deny', rule: decision.rule?.name ?? null };
    const passed = actual.decision === testCase.expect.decision && (testCase.expect.rule === undefined || actual.rule === testCase.expect.rule);
    const show = (outcome: { decision: string; rule?: string | null | undefined }): string => `${outcome.decision}${outcome.rule ? ` by rule "${outcome.rule}"` : outcome.rule === null ? ' by no rule' : ''}`;
    return { testCase, passed, diff: passed ? [] : [`- expected: ${show(testCase.expect)}`, `+ actual:   ${show(actual)}`, ...explainDecision(decision).map((line) => `  ${line}`)] };
  });
}
