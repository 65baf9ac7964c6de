// Fails when dist/ differs from a fresh build of src/, or the generated policy validator from the schema:
// dist/ is what the runner executes, so it must be exactly what the reviewed sources produce.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from './build.ts';
import { GENERATED_VALIDATOR, policyValidatorSource } from './generate-policy-validator.ts';

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(root, path)).isFile())
    .sort();
}

if (readFileSync(GENERATED_VALIDATOR, 'utf8') !== policyValidatorSource()) {
  console.error(`${GENERATED_VALIDATOR} does not match schema/policy.schema.json: run \`npm run build\` and commit it.`);
  process.exitCode = 1;
}

const fresh = mkdtempSync(join(tmpdir(), 'ci-oidc-broker-dist-'));
try {
  await build(fresh);
  const committed = listFiles('dist');
  const built = listFiles(fresh);
  const problems: string[] = [];
  for (const path of new Set([...committed, ...built])) {
    if (!committed.includes(path)) problems.push(`missing from dist/: ${path}`);
    else if (!built.includes(path)) problems.push(`stale file in dist/: ${path}`);
    else if (!readFileSync(join('dist', path)).equals(readFileSync(join(fresh, path)))) problems.push(`differs: dist/${path}`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`dist/ is stale: run \`npm run build\` and commit dist/ (compared against ${relative('.', fresh)}).`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ is fresh (${committed.length} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
