import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { evaluatePolicy, type Decision } from '../../../src/policy/evaluate.ts';
import { describeExpected, describeFailure, denialError, explainDecision, quoteClaim } from '../../../src/policy/explain.ts';
import { parsePolicy } from '../../../src/policy/load.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const policy = parsePolicy(
  `version: 1
rules:
  - name: no-pull-requests
    effect: deny
    match:
      event_name: [pull_request, pull_request_target]
  - name: deploy-main
    match:
      repository_id: "8429"
      ref: refs/heads/main
    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}
`,
  'policy.yml',
);
const job = { iss: ISSUER, repository_id: '8429', ref: 'refs/heads/main', event_name: 'push' };

function denial(claims: Record<string, unknown>): Extract<Decision, { allowed: false }> {
  const decision = evaluatePolicy(policy, claims);
  if (decision.allowed) throw new Error('expected a denial');
  return decision;
}

describe('explainDecision', () => {
  it('explains an allow rule by rule', () => {
    expect(explainDecision(evaluatePolicy(policy, job))).toEqual([
      'Allowed by rule "deploy-main".',
      '  rule "no-pull-requests" (deny, line 3): no match, event_name was "push", expected one of "pull_request", "pull_request_target"',
      '  rule "deploy-main" (allow, line 7): matched (repository_id, ref)',
    ]);
  });

  it('explains a default denial with the first claim that failed in each rule', () => {
    expect(explainDecision(denial({ ...job, ref: 'refs/heads/dev' }))).toEqual([
      'Denied: no allow rule matched (deny by default).',
      '  rule "no-pull-requests" (deny, line 3): no match, event_name was "push", expected one of "pull_request", "pull_request_target"',
      '  rule "deploy-main" (allow, line 7): no match, ref was "refs/heads/dev", expected "refs/heads/main"',
    ]);
  });

  it('says when a claim is absent or not a string', () => {
    const lines = explainDecision(denial({ iss: ISSUER, repository_id: 8429 }));
    expect(lines[1]).toContain('event_name is absent from the token, expected one of');
    expect(lines[2]).toContain('repository_id is 8429, not a string, expected "8429"');
  });
});

describe('explainDecision headlines', () => {
  it('names the deny rule that decided', () => {
    expect(explainDecision(denial({ ...job, event_name: 'pull_request' }))).toEqual([
      'Denied by rule "no-pull-requests".',
      '  rule "no-pull-requests" (deny, line 3): matched (event_name)',
      '  rule "deploy-main" (allow, line 7): matched (repository_id, ref)',
    ]);
  });

  it('points at issuers and audiences when the token was refused before any rule', () => {
    expect(explainDecision(denial({ ...job, iss: 'https://gitlab.example.com' }))[0]).toBe(
      'Denied: the policy does not accept tokens from this issuer (see its `issuers`).',
    );
    const strict = parsePolicy('version: 1\naudiences: [sts.amazonaws.com]\nrules: []\n', 'policy.yml');
    expect(explainDecision(evaluatePolicy(strict, { iss: ISSUER, aud: 'other' }))).toEqual([
      'Denied: the policy does not accept this token audience (see its `audiences`).',
    ]);
  });
});

describe('describeExpected and describeFailure', () => {
  const [globs] = parsePolicy(
    `version: 1
rules:
  - name: tags
    match:
      ref: {glob: "refs/tags/v*"}
      sha: {regex: "[0-9a-f]{40}"}
    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}
`,
    'policy.yml',
  ).rules;

  it('says a glob or a regex is one, with its pattern quoted', () => {
    expect(globs!.conditions.map((c) => describeExpected(c.matcher))).toEqual(['glob "refs/tags/v*"', 'regex "[0-9a-f]{40}"']);
  });

  it('quotes the token value that a pattern did not match', () => {
    expect(describeFailure({ condition: globs!.conditions[0]!, actual: 'refs/heads/main', holds: false, failure: 'differs' })).toBe(
      'ref was "refs/heads/main", expected glob "refs/tags/v*"',
    );
  });
});

describe('quoteClaim', () => {
  it('escapes and shortens values so a claim cannot forge a log line', () => {
    expect(quoteClaim('refs/heads/main\n::error::forged')).toBe('"refs/heads/main\\n::error::forged"');
    expect(quoteClaim('x'.repeat(300))).toHaveLength(100);
    expect(quoteClaim(undefined)).toBe('(absent)');
  });

  it('keeps a value of exactly 100 characters whole and marks a cut one', () => {
    const exact = 'x'.repeat(98);
    expect(quoteClaim(exact)).toBe(`"${exact}"`);
    expect(quoteClaim('x'.repeat(99))).toBe(`"${'x'.repeat(96)}...`);
  });

  it('quotes values that are not strings as JSON', () => {
    expect(quoteClaim(8429)).toBe('8429');
    expect(quoteClaim(['a', 'b'])).toBe('["a","b"]');
    expect(quoteClaim(null)).toBe('null');
  });
});

describe('denialError', () => {
  it('names the deny rule that decided, at its location', () => {
    const error = denialError(denial({ ...job, event_name: 'pull_request' }), 'policy.yml');
    expect(error.code).toBe(ErrorCode.PolicyDenied);
    expect(error.message).toBe('Denied by rule "no-pull-requests".');
    expect(error.location).toEqual({ file: 'policy.yml', line: 3, column: 5 });
    expect(error.hint).toContain('change policy.yml in a reviewed pull request');
  });

  it('names the allow rule that came closest and the claim that differed', () => {
    const error = denialError(denial({ ...job, ref: 'refs/heads/dev' }), 'policy.yml');
    expect(error.message).toBe(
      'Denied: no allow rule matched (deny by default). Rule "deploy-main" came closest; ref was "refs/heads/dev", expected "refs/heads/main".',
    );
    expect(error.location).toEqual({ file: 'policy.yml', line: 10, column: 12 });
  });

  it('gives only the headline when no allow rule came close', () => {
    const empty = parsePolicy('version: 1\nrules: []\n', 'empty.yml');
    const decision = evaluatePolicy(empty, { iss: ISSUER });
    if (decision.allowed) throw new Error('expected a denial');
    const error = denialError(decision, 'empty.yml');
    expect(error.code).toBe(ErrorCode.PolicyDenied);
    expect(error.message).toBe('Denied: no allow rule matched (deny by default).');
    expect(error.location).toBeUndefined();
    expect(error.hint).toBe(
      "If this job should get credentials, change empty.yml in a reviewed pull request; the log and the job summary show every rule's result.",
    );
  });
});

describe('explainDecision before any rule is consulted', () => {
  it('lists no rule when the issuer is refused, since none was consulted', () => {
    expect(explainDecision(denial({ ...job, iss: 'https://token.actions.githubusercontent.com/' }))).toEqual(['Denied: the policy does not accept tokens from this issuer (see its `issuers`).']);
  });
});
