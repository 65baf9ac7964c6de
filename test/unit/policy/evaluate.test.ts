import { describe, expect, it } from '@jest/globals';
import { checkedClaims, evaluatePolicy, type Decision } from '../../../src/policy/evaluate.ts';
import { denialError } from '../../../src/policy/explain.ts';
import { parsePolicy } from '../../../src/policy/load.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const ROLE = 'arn:aws:iam::111122223333:role/deploy';

const policy = parsePolicy(
  `
version: 1
rules:
  - name: deploy-main
    match:
      repository_id: "8429"
      ref: refs/heads/main
      environment: [production, prod]
    grant: {aws: {roles: [${ROLE}]}}
  - name: no-pull-requests
    effect: deny
    match:
      event_name: [pull_request, pull_request_target]
  - name: any-ref-of-app
    match:
      repository_id: "8429"
    grant: {aws: {roles: [${ROLE}]}}
`,
  'p.yml',
);

const mainJob = {
  iss: ISSUER,
  aud: 'sts.amazonaws.com',
  repository_id: '8429',
  ref: 'refs/heads/main',
  environment: 'production',
  event_name: 'push',
};

function denied(decision: Decision): Extract<Decision, { allowed: false }> {
  if (decision.allowed) throw new Error(`expected a denial, got rule ${decision.rule.name}`);
  return decision;
}

describe('evaluatePolicy', () => {
  it('lets the first matching allow rule in file order decide', () => {
    const decision = evaluatePolicy(policy, mainJob);
    expect(decision.allowed).toBe(true);
    expect(decision.rule?.name).toBe('deploy-main');
  });

  it('matches any one of a list of values, exactly', () => {
    expect(evaluatePolicy(policy, { ...mainJob, environment: 'prod' }).rule?.name).toBe('deploy-main');
    // Exact and case-sensitive: neither a prefix nor another case matches.
    expect(evaluatePolicy(policy, { ...mainJob, environment: 'Production' }).rule?.name).toBe('any-ref-of-app');
    expect(evaluatePolicy(policy, { ...mainJob, environment: 'production-eu' }).rule?.name).toBe('any-ref-of-app');
  });

  it('lets a matching deny rule win over an allow rule that comes before it', () => {
    const decision = denied(evaluatePolicy(policy, { ...mainJob, event_name: 'pull_request' }));
    expect(decision.reason).toBe('deny rule matched');
    expect(decision.rule?.name).toBe('no-pull-requests');
    expect(decision.outcomes.find((o) => o.rule.name === 'deploy-main')?.matched).toBe(true);
  });

  it('denies by default when no rule matches, and names the closest allow rule', () => {
    const decision = denied(evaluatePolicy(policy, { ...mainJob, repository_id: '9999' }));
    expect(decision.reason).toBe('no allow rule matched');
    expect(decision.closest?.rule.name).toBe('deploy-main');
    expect(decision.closest?.firstFailure).toMatchObject({ actual: '9999', failure: 'differs' });
  });

  it('never matches a claim that the token lacks or that is not a string', () => {
    const absent = evaluatePolicy(policy, { ...mainJob, environment: undefined, repository_id: '1' });
    expect(denied(absent).closest?.firstFailure?.failure).toBe('differs');
    const outcome = absent.outcomes.find((o) => o.rule.name === 'deploy-main')!;
    expect(outcome.conditions.map((c) => c.failure)).toEqual(['differs', undefined, 'absent']);
    const numeric = evaluatePolicy(policy, { ...mainJob, repository_id: 8429 });
    expect(numeric.allowed).toBe(false);
    expect(numeric.outcomes[0]!.firstFailure?.failure).toBe('not a string');
  });

  it('does not read claims from the object prototype', () => {
    const sneaky = parsePolicy(`version: 1\ncustom-claims: [constructor]\nrules:\n  - name: proto\n    match: {constructor: x}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml');
    expect(evaluatePolicy(sneaky, { iss: ISSUER }).outcomes[0]!.firstFailure?.failure).toBe('absent');
  });

  it('records every rule, matched or not', () => {
    const decision = evaluatePolicy(policy, mainJob);
    expect(decision.outcomes.map((o) => [o.rule.name, o.matched])).toEqual([
      ['deploy-main', true],
      ['no-pull-requests', false],
      ['any-ref-of-app', true],
    ]);
  });

  it('denies tokens from an issuer or for an audience the policy does not accept', () => {
    expect(denied(evaluatePolicy(policy, { ...mainJob, iss: 'https://gitlab.example.com' })).reason).toBe('issuer not accepted');
    const strict = parsePolicy(`version: 1\naudiences: [sts.amazonaws.com]\nrules: []\n`, 'p.yml');
    expect(denied(evaluatePolicy(strict, { ...mainJob, aud: ['other'] })).reason).toBe('audience not accepted');
    expect(denied(evaluatePolicy(strict, { ...mainJob, aud: ['other', 'sts.amazonaws.com'] })).reason).toBe('no allow rule matched');
  });
});

describe('evaluatePolicy, explaining a denial', () => {
  const ties = parsePolicy(
    `version: 1
rules:
  - name: block-everything-on-dev
    effect: deny
    match: {ref: refs/heads/dev, repository_id: "8429", environment: production}
  - name: first
    match: {repository_id: "8429", ref: refs/heads/main}
    grant: {aws: {roles: [${ROLE}]}}
  - name: second
    match: {environment: production, ref: refs/heads/release}
    grant: {aws: {roles: [${ROLE}]}}
  - name: third
    match: {ref: refs/heads/main}
    grant: {aws: {roles: [${ROLE}]}}
`,
    'p.yml',
  );
  const devJob = { iss: ISSUER, repository_id: '8429', ref: 'refs/heads/feature', environment: 'production' };

  it('names as closest the allow rule with the most conditions holding, the first in file order on a tie', () => {
    // "first" and "second" each have one of two conditions holding; the deny rule holds two of three but grants nothing.
    const decision = denied(evaluatePolicy(ties, devJob));
    expect(decision.closest?.rule.name).toBe('first');
    expect(decision.closest?.conditions.map((c) => [c.condition.claim, c.holds])).toEqual([
      ['repository_id', true],
      ['ref', false],
    ]);
    expect(decision.closest?.firstFailure).toMatchObject({ condition: { claim: 'ref' }, actual: 'refs/heads/feature', failure: 'differs' });
  });

  it('names no closest rule when a deny rule decided', () => {
    const decision = denied(evaluatePolicy(ties, { ...devJob, ref: 'refs/heads/dev' }));
    expect(decision.reason).toBe('deny rule matched');
    expect(decision.rule?.name).toBe('block-everything-on-dev');
    expect(decision.closest).toBeUndefined();
  });

  it('lets a deny rule win over allow rules that come after it', () => {
    const blocking = parsePolicy(
      `version: 1\nrules:\n  - name: no-forks\n    effect: deny\n    match: {event_name: pull_request}\n  - name: all\n    match: {repository_id: "8429"}\n    grant: {aws: {roles: [${ROLE}]}}\n`,
      'p.yml',
    );
    const claims = { iss: ISSUER, repository_id: '8429' };
    expect(evaluatePolicy(blocking, claims).rule?.name).toBe('all');
    expect(denied(evaluatePolicy(blocking, { ...claims, event_name: 'pull_request' })).rule?.name).toBe('no-forks');
  });

  it('names no closest rule when the policy has no allow rules', () => {
    const empty = parsePolicy('version: 1\nrules: []\n', 'p.yml');
    const decision = denied(evaluatePolicy(empty, { iss: ISSUER }));
    expect(decision.reason).toBe('no allow rule matched');
    expect(decision.closest).toBeUndefined();
    expect(decision.outcomes).toEqual([]);
  });

  it('never matches an absent claim, not even with a glob that matches anything', () => {
    const anything = parsePolicy(`version: 1\nrules:\n  - name: any-env\n    match: {environment: {glob: "**"}}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml');
    expect(evaluatePolicy(anything, { iss: ISSUER, environment: 'staging' }).allowed).toBe(true);
    const decision = denied(evaluatePolicy(anything, { iss: ISSUER }));
    expect(decision.closest?.firstFailure).toMatchObject({ actual: undefined, holds: false, failure: 'absent' });
  });

  it('names no closest rule when the issuer or the audience was refused, however close a rule came', () => {
    const strict = parsePolicy(`version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: a\n    match: {ref: refs/heads/main, repository_id: "8429"}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml');
    // One claim off: a default denial would name rule "a" and its ref; these were refused before any rule.
    const nearly = { ...mainJob, aud: 'sts.amazonaws.com', ref: 'refs/heads/dev' };
    expect(denied(evaluatePolicy(strict, nearly)).closest?.rule.name).toBe('a');
    const issuer = denied(evaluatePolicy(strict, { ...nearly, iss: 'https://gitlab.example.com' }));
    expect(issuer.reason).toBe('issuer not accepted');
    expect(issuer.closest).toBeUndefined();
    const audience = denied(evaluatePolicy(strict, { ...nearly, aud: 'sts.amazonaws.com.evil' }));
    expect(audience.reason).toBe('audience not accepted');
    expect(audience.closest).toBeUndefined();
    expect(denialError(audience, 'p.yml').message).toBe('Denied: the policy does not accept this token audience (see its `audiences`).');
    expect(denialError(audience, 'p.yml').location).toBeUndefined();
  });

  it('denies a token without an issuer, and accepts an audience given as a single string', () => {
    expect(denied(evaluatePolicy(policy, { ...mainJob, iss: undefined })).reason).toBe('issuer not accepted');
    const strict = parsePolicy(`version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: a\n    match: {ref: refs/heads/main}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml');
    expect(evaluatePolicy(strict, mainJob).rule?.name).toBe('a');
    expect(denied(evaluatePolicy(strict, { ...mainJob, aud: undefined })).reason).toBe('audience not accepted');
  });
});

describe('checkedClaims', () => {
  it('lists the deciding rule’s claims with the values the token carried', () => {
    expect(checkedClaims(evaluatePolicy(policy, mainJob))).toEqual([
      ['repository_id', '8429'],
      ['ref', 'refs/heads/main'],
      ['environment', 'production'],
    ]);
  });

  it('lists the claims of the deny rule that decided, and none for a denial by default', () => {
    expect(checkedClaims(evaluatePolicy(policy, { ...mainJob, event_name: 'pull_request_target' }))).toEqual([['event_name', 'pull_request_target']]);
    expect(checkedClaims(evaluatePolicy(policy, { ...mainJob, repository_id: '1' }))).toEqual([]);
  });
});

describe('list-valued claims', () => {
  const CIRCLECI = 'https://oidc.circleci.com/org/0f3e2a1c-7b4d-4c8e-9a6f-2d1b5e8c7a90';
  const CONTEXTS = 'oidc.circleci.com/context-ids';
  const circle = parsePolicy(
    `
version: 1
issuers: [${CIRCLECI}]
rules:
  - name: no-sandbox-context
    effect: deny
    match:
      ${CONTEXTS}: {glob: "sandbox-*"}
  - name: prod-context
    match:
      ${CONTEXTS}: ctx-prod
    grant: {aws: {roles: [${ROLE}]}}
`,
    'p.yml',
  );
  const job = (contexts: unknown) => ({ iss: CIRCLECI, [CONTEXTS]: contexts });

  it('hold an allow rule when any element matches', () => {
    expect(evaluatePolicy(circle, job(['ctx-dev', 'ctx-prod'])).rule?.name).toBe('prod-context');
    expect(denied(evaluatePolicy(circle, job(['ctx-dev']))).reason).toBe('no allow rule matched');
    expect(denied(evaluatePolicy(circle, job([]))).reason).toBe('no allow rule matched');
  });

  it('fire a deny rule when any element matches, whatever the others', () => {
    const decision = denied(evaluatePolicy(circle, job(['ctx-prod', 'sandbox-1'])));
    expect(decision.reason).toBe('deny rule matched');
    expect(decision.rule?.name).toBe('no-sandbox-context');
  });

  it('take a single string as it is, and never look into lists of claims that are one string', () => {
    expect(evaluatePolicy(circle, job('ctx-prod')).rule?.name).toBe('prod-context');
    expect(denied(evaluatePolicy(circle, job([1, null, ['ctx-prod']]))).reason).toBe('no allow rule matched');
    expect(denied(evaluatePolicy(policy, { ...mainJob, repository_id: ['8429'] })).reason).toBe('no allow rule matched');
  });
});
