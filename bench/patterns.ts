// How long the patterns that backtrack worst in V8 take in the broker, which runs every glob and regex
// on RE2 (re2js), against the same pattern in V8's backtracking engine on a shorter claim (on 10,000
// characters V8 would not finish). Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { compileGlob, compileRegex, matches } from '../src/policy/matchers.ts';
import type { PatternMatcher } from '../src/policy/types.ts';

const LENGTH = 10_000;
const hostile = 'a'.repeat(LENGTH) + '!';

function time(run: () => boolean): string {
  const started = performance.now();
  run();
  return `${(performance.now() - started).toFixed(2)} ms`;
}

function row(label: string, matcher: PatternMatcher, v8: RegExp, v8Length: number): void {
  const shorter = hostile.slice(-v8Length - 1);
  console.log(`  ${label.padEnd(26)} broker on ${hostile.length}: ${time(() => matches(matcher, hostile)).padStart(10)}   V8 on ${String(shorter.length).padStart(5)}: ${time(() => v8.test(shorter))}`);
}

console.log(`Globs ("a" repeated, then "!"):`);
for (const [glob, v8Length] of [['**a**a', LENGTH], ['**a**a**a', 1000], ['*a*a*a*a', 200], ['**a**a**a**a**a**a', 60], ['refs/heads/**', LENGTH]] as const) {
  const matcher = compileGlob(glob);
  row(glob, matcher, new RegExp(matcher.source.replace('(?s)', ''), 's'), v8Length);
}

console.log(`\nRegexes:`);
for (const [regex, v8Length] of [['(a+)+', 24], ['(a|a)*', 24], ['(?:a|aa)+', 32], ['.*a.*a.*a', 1000], ['[a-z]{1,30}-?'.repeat(7), 40], ['[a-z]+(?:-[a-z]+)*', LENGTH]] as const) {
  const matcher = compileRegex(regex);
  row(regex.length > 26 ? `${regex.slice(0, 23)}...` : regex, matcher, new RegExp(matcher.source), v8Length);
}
