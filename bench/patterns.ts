// How long the slowest globs and regexes tried while bounding matching time take on a 10,000-character
// claim: globs as the broker matches them and as the regex they export to, and regexes the loader refuses
// or accepts. Prints figures; asserts nothing. A regex the loader refuses is run only on a shorter claim,
// as on 10,000 characters it would not finish.
import { performance } from 'node:perf_hooks';
import { globMatches } from '../src/policy/glob-match.ts';
import { anchoredRegExp, globToRegExp, regexProblem } from '../src/policy/matchers.ts';

const LENGTH = 10_000;
const hostile = 'a'.repeat(LENGTH) + '!';

function time(run: () => boolean): string {
  const started = performance.now();
  run();
  return `${(performance.now() - started).toFixed(2)} ms`;
}

console.log(`Globs on ${hostile.length} characters ("a" repeated, then "!"):`);
for (const [glob, backtrackingLength] of [['**a**a', LENGTH], ['**a**a**a', 1000], ['*a*a*a*a', 200], ['**a**a**a**a**a**a', 60], ['refs/heads/**', LENGTH]] as const) {
  const regExp = globToRegExp(glob);
  const shorter = hostile.slice(-backtrackingLength - 1);
  console.log(`  ${glob.padEnd(20)} broker: ${time(() => globMatches(glob, hostile)).padStart(10)}   as a V8 regex on ${shorter.length} characters: ${time(() => regExp.test(shorter))}`);
}

console.log(`\nRegexes the loader refuses, on a shorter claim (V8's backtracking engine):`);
const refused: Array<[string, string]> = [
  ['(a+)+', `${'a'.repeat(24)}!`],
  ['(a|a)*', `${'a'.repeat(24)}!`],
  ['(?:a|aa)+', `${'a'.repeat(32)}!`],
  ['.*a.*a.*a', `${'a'.repeat(1000)}\n`],
  ['[a-z]+[a-z0-9]+', hostile],
];
for (const [regex, subject] of refused) {
  console.log(`  ${regex.padEnd(20)} refused: ${regexProblem(regex) !== undefined}   on ${subject.length} characters: ${time(() => anchoredRegExp(regex).test(subject))}`);
}

console.log(`\nRegexes the loader accepts, on ${hostile.length} characters:`);
for (const regex of ['[a-z]+(?:-[a-z]+)*', 'v[0-9]+(\\.[0-9]+)*', 'a*b', '[^/]+/[^/]+', 'refs/heads/.*', '(?:a|b)+!?x']) {
  console.log(`  ${regex.padEnd(20)} refused: ${regexProblem(regex) !== undefined}   ${time(() => anchoredRegExp(regex).test(hostile))}`);
}
