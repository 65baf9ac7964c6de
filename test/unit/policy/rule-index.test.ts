import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { RuleIndex } from '../../../src/policy/rule-index.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const ROLE = 'arn:aws:iam::111122223333:role/r';
const values = { repository_id: ['1', '2', '3'], environment: ['prod', 'dev'], ref: ['refs/heads/main', 'refs/heads/dev'], event_name: ['push', 'pull_request'] };
type Claim = keyof typeof values;

const ruleArbitrary = fc.record({
  deny: fc.boolean(),
  match: fc.dictionary(fc.constantFrom<Claim>(...(Object.keys(values) as Claim[])), fc.constantFrom('a', 'b', 'glob'), { minKeys: 1 }),
});

function policyText(rules: Array<{ deny: boolean; match: Partial<Record<Claim, string>> }>): string {
  const body = rules.map((rule, i) => {
    const match = Object.entries(rule.match).map(([claim, form]) => {
      const options = values[claim as Claim];
      const value = form === 'glob' ? `{glob: "${options[0]!.slice(0, 1)}*"}` : JSON.stringify(form === 'a' ? options[0] : options.slice(0, 2));
      return `      ${claim}: ${value}`;
    });
    return [`  - name: r${i}`, `    effect: ${rule.deny ? 'deny' : 'allow'}`, '    match:', ...match, ...(rule.deny ? [] : [`    grant: {aws: {roles: [${ROLE}]}}`])].join('\n');
  });
  return `version: 1\nrules:\n${body.join('\n')}\n`;
}

describe('RuleIndex', () => {
  it('files each rule under its most selective exact condition, and keeps rules without one', () => {
    const policy = parsePolicy(
      `version: 1\nrules:\n  - name: a\n    match: {ref: x, repository_id: "1"}\n    grant: {aws: {roles: [${ROLE}]}}\n  - name: b\n    match: {ref: {glob: "refs/*"}}\n    grant: {aws: {roles: [${ROLE}]}}\n  - name: c\n    match: {repository_id: ["2", "3"]}\n    grant: {aws: {roles: [${ROLE}]}}\n`,
      'p.yml',
    );
    const index = new RuleIndex(policy.rules);
    expect(index.candidates({ repository_id: '1', ref: 'x' })).toEqual([0, 1]);
    expect(index.candidates({ repository_id: '3' })).toEqual([1, 2]);
    expect(index.candidates({})).toEqual([1]);
  });

  it('never changes a decision: the same rule wins as when every rule is evaluated', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArbitrary, { minLength: 1, maxLength: 12 }),
        fc.record({ repository_id: fc.constantFrom(...values.repository_id), environment: fc.constantFrom(...values.environment), ref: fc.constantFrom(...values.ref), event_name: fc.constantFrom(...values.event_name) }),
        (rules, claims) => {
          const decision = evaluatePolicy(parsePolicy(policyText(rules), 'p.yml'), { iss: ISSUER, ...claims });
          const matched = decision.outcomes.filter((o) => o.matched);
          const expected = matched.find((o) => o.rule.effect === 'deny') ?? matched.find((o) => o.rule.effect === 'allow');
          expect(decision.allowed).toBe(expected?.rule.effect === 'allow');
          expect(decision.rule?.name).toBe(expected?.rule.name);
        },
      ),
    );
  });
});
