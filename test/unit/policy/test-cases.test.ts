import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { parseTestCases, runTestCases } from '../../../src/policy/test-cases.ts';
import { thrown } from '../../helpers/broker-error.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const policy = parsePolicy(
  `version: 1\nrules:\n  - name: main\n    match: {repository_id: "8429", ref: refs/heads/main}\n    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}\n`,
  'p.yml',
);

describe('policy test cases', () => {
  it('pass when the decision and the deciding rule are as expected', () => {
    const cases = parseTestCases(
      `- name: main deploys\n  claims: {iss: "${ISSUER}", repository_id: "8429", ref: refs/heads/main}\n  expect: {decision: allow, rule: main}\n- name: dev is denied\n  claims: {iss: "${ISSUER}", repository_id: "8429", ref: refs/heads/dev}\n  expect: {decision: deny, rule: null}\n`,
      'cases.yml',
    );
    expect(runTestCases(policy, cases).map((r) => [r.testCase.name, r.passed])).toEqual([
      ['main deploys', true],
      ['dev is denied', true],
    ]);
  });

  it('fail with a diff and the explanation', () => {
    const [result] = runTestCases(policy, parseTestCases(`- name: dev deploys\n  claims: {iss: "${ISSUER}", repository_id: "8429", ref: refs/heads/dev}\n  expect: {decision: allow, rule: main}\n`, 'cases.yml'));
    expect(result!.passed).toBe(false);
    expect(result!.testCase.origin).toBe('cases.yml:1');
    expect(result!.diff).toEqual([
      '- expected: allow by rule "main"',
      '+ actual:   deny by no rule',
      '  Denied: no allow rule matched (deny by default).',
      '    rule "main" (allow, line 3): no match, ref was "refs/heads/dev", expected "refs/heads/main"',
    ]);
  });

  it.each([
    ['- name: x\n  claims: {a: b}\n  expect: {decision: maybe}\n', 'cases.yml:1:3: case "x" needs expect.decision: allow or deny'],
    ['- name: x\n  claim: {a: b}\n  expect: {decision: deny}\n', 'cases.yml:1:3: case 1 has an unknown key "claim"'],
    ['name: x\n', 'cases.yml:1:1: expected a list of test cases'],
  ])('refuse a malformed file with file:line:col', (text, message) => {
    const error = thrown(() => parseTestCases(text, 'cases.yml'));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(message);
  });
});
