import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { loadPolicy, parsePolicy } from '../../../src/policy/load.ts';
import { compileGlob, compileRegex, matches, regexProblem } from '../../../src/policy/matchers.ts';
import type { PolicySource } from '../../../src/policy/sources/policy-source.ts';
import type { Policy } from '../../../src/policy/types.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const ROLE = 'arn:aws:iam::111122223333:role/deploy';

/** The policy, or undefined when the loader refused it; anything thrown but a PolicyInvalid fails. */
function tryParse(text: string): Policy | undefined {
  try {
    return parsePolicy(text, 'fuzz.yml');
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    expect(error.code).toBe(ErrorCode.PolicyInvalid);
    expect(error.location?.file).toBe('fuzz.yml');
    return undefined;
  }
}

const yamlToken = fc.constantFrom(
  'version: 1', 'rules:', '  - name: a', '    effect: deny', '    match:', '      ref: refs/heads/main', '      sub: {regex: "(a+)+"}',
  '      ref: {glob: "refs/**"}', '    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}', 'issuers: [http://x]', 'audiences: []',
  '&a [1]', '*a', '<<: *a', '!!binary x', '? ', ': ', '- ', '{', '}', '[', ']', '"', "'", '#', '|', '>', '---', '...', '%YAML 1.2', '\t', '\n', ' ', '~',
);
const yamlish = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.oneof(yamlToken, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join('')));

const claimName = fc.constantFrom('ref', 'repository', 'repository_id', 'environment', 'sub', 'event_name', 'aud', '__proto__', 'constructor', 'toString', '');
const claimText = fc.oneof(fc.constantFrom('refs/heads/main', 'octo-org/app', '8429', 'production', 'pull_request', 'sts.amazonaws.com', ''), fc.string({ maxLength: 12 }));
const claimValue = fc.oneof(claimText, fc.array(claimText, { maxLength: 3 }), fc.record({ glob: fc.string({ maxLength: 12 }) }), fc.record({ regex: fc.string({ maxLength: 12 }) }));
/** Rules shaped like the schema's, with mistakes mixed in. */
const rule = fc.record(
  {
    name: fc.constantFrom('a', 'b', 'c', ''),
    effect: fc.constantFrom('allow', 'deny', 'maybe'),
    match: fc.dictionary(claimName, claimValue, { maxKeys: 4 }),
    grant: fc.constant({ aws: { roles: [ROLE] } }),
  },
  { requiredKeys: ['name', 'match'] },
);
const policyShaped = fc.record({ version: fc.constantFrom(1, 2, '1'), rules: fc.array(rule, { maxLength: 4 }), audiences: fc.constantFrom(undefined, [], ['sts.amazonaws.com']) }, { requiredKeys: ['version', 'rules'] });

const claimsArbitrary = fc.dictionary(claimName, fc.oneof(claimText, fc.array(claimText, { maxLength: 2 }), fc.anything({ maxDepth: 2 })), { maxKeys: 8 }).map((claims): Record<string, unknown> => ({ iss: ISSUER, ...claims }));

/** Whether a rule matches, worked out without the evaluator or its index. */
function ruleMatches(policy: Policy, index: number, claims: Record<string, unknown>): boolean {
  return policy.rules[index]!.conditions.every((c) => {
    const value = Object.hasOwn(claims, c.claim) ? claims[c.claim] : undefined;
    return typeof value === 'string' && matches(c.matcher, value);
  });
}

describe('loading policies from arbitrary text', () => {
  it('returns a policy or throws PolicyInvalid, for YAML-ish text', () => {
    fc.assert(fc.property(yamlish, (text) => void tryParse(text)), { numRuns: 1500 });
  });

  it('returns a policy or throws PolicyInvalid, for JSON-ish values dumped to YAML', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), policyShaped), (value) => void tryParse(stringify(value))), { numRuns: 1000 });
  });

  it('rejects through loadPolicy with the same error', async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) => {
        const source: PolicySource = { read: () => Promise.resolve(text), displayName: (path) => path };
        await loadPolicy(source, 'fuzz.yml').then(
          (policy) => expect(policy.source).toBe('fuzz.yml'),
          (error: unknown) => expect(error).toBeInstanceOf(BrokerError),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluating arbitrary claims', () => {
  it('never throws, and allows exactly when an allow rule fully matches and no deny rule does', () => {
    fc.assert(
      fc.property(policyShaped, fc.array(claimsArbitrary, { minLength: 1, maxLength: 5 }), (raw, claimSets) => {
        const policy = tryParse(stringify(raw));
        if (!policy) return;
        for (const claims of claimSets) {
          const decision = evaluatePolicy(policy, claims);
          const matching = policy.rules.map((_, index) => ruleMatches(policy, index, claims));
          const denyMatches = policy.rules.some((r, index) => r.effect === 'deny' && matching[index]);
          const firstAllow = policy.rules.find((r, index) => r.effect === 'allow' && matching[index]);
          const audiences: unknown[] = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
          const audienceOk = policy.audiences.length === 0 || audiences.some((aud) => typeof aud === 'string' && policy.audiences.includes(aud));
          expect(decision.allowed).toBe(audienceOk && !denyMatches && firstAllow !== undefined);
          if (decision.allowed) expect(decision.rule).toBe(firstAllow);
          expect(decision.outcomes.map((o) => o.matched)).toEqual(matching);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matching arbitrary values', () => {
  const literal = fc.string({ maxLength: 20 }).filter((s) => !s.includes('*'));

  it('a glob of literal pieces and wildcards matches every value that fills the wildcards in', () => {
    const filler = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, fc.constantFrom('*', '**'), filler), { minLength: 1, maxLength: 4 }), literal, (parts, last) => {
        const pattern = parts.map(([piece, star]) => piece + star).join('') + last;
        // `*` cannot take a `/`; `**` can take anything.
        const value = parts.map(([piece, star, fill]) => piece + (star === '*' ? fill.replaceAll('/', '') : fill)).join('') + last;
        if (pattern.includes('***')) return;
        expect(matches(compileGlob(pattern), value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a glob without wildcards matches only the string itself', () => {
    fc.assert(
      fc.property(literal, fc.string({ maxLength: 20 }), (pattern, value) => {
        expect(matches(compileGlob(pattern), value)).toBe(pattern === value);
        expect(matches(compileGlob(pattern), pattern)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any pattern and value, and a regex is refused or matches', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 60 }), (pattern, value) => {
        if (pattern !== '' && !pattern.includes('***')) expect(typeof matches(compileGlob(pattern), value)).toBe('boolean');
        const problem = regexProblem(pattern);
        if (problem === undefined) expect(typeof matches(compileRegex(pattern), value)).toBe('boolean');
        else expect(typeof problem).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pathological patterns', () => {
  // Pieces of the classic slow regexes, put together at random: RE2 accepts them all (its syntax
  // allowing) and decides on long hostile claims within the test's timeout.
  const atom = fc.constantFrom('a', '.', '\\w', '[a-z]', '[^/]', '(?:a|a)', '(?:a|ab)', '(a)', '\\d', '/', '-', 'b');
  const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,40}', '{1,}', '*?');
  const piece: fc.Arbitrary<string> = fc.letrec<{ piece: string }>((tie) => ({
    piece: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(atom, quantifier).map(([a, q]) => a + q),
      fc.tuple(fc.array(tie('piece'), { minLength: 1, maxLength: 3 }), quantifier).map(([parts, q]) => `(?:${parts.join('')})${q}`),
      fc.tuple(tie('piece'), tie('piece'), quantifier).map(([x, y, q]) => `(?:${x}|${y})${q}`),
    ),
  })).piece;
  const regexPattern = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const globPattern = fc.array(fc.constantFrom('*', '**', 'a', '/', 'b', '*a', '**a'), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
  const hostile = ['a'.repeat(10_000) + '!', 'a'.repeat(10_000), `${'a/'.repeat(5000)}!`, `${'ab'.repeat(5000)}\n`, '1'.repeat(10_000)];

  it(
    'load and decide on 10,000-character claims',
    () => {
      fc.assert(
        fc.property(fc.oneof(regexPattern.map((regex) => ({ regex })), globPattern.map((glob) => ({ glob }))), (matcher) => {
          const policy = tryParse(stringify({ version: 1, rules: [{ name: 'p', match: { ref: matcher }, grant: { aws: { roles: [ROLE] } } }] }));
          if (!policy) {
            // RE2 itself refuses some: a nested repeat that counts past 1000, say.
            expect('glob' in matcher ? matcher.glob.includes('***') : regexProblem(matcher.regex) !== undefined).toBe(true);
            return;
          }
          for (const ref of hostile) expect(typeof evaluatePolicy(policy, { iss: ISSUER, ref }).allowed).toBe('boolean');
        }),
        { numRuns: 300 },
      );
    },
    60_000,
  );
});
