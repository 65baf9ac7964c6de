// Copies another action's committed action.yml and dist/ out of a git directory (a clone or a bare
// mirror) into a folder outside this repository, for `npm run bench -- --aws-anchor DIR --gcp-anchor DIR`.
// The other project's code is run from there, never vendored here.
//   node bench/anchor-dist.ts GIT_DIR OUT_DIR [REV]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [gitDir, outDir, rev = 'HEAD'] = process.argv.slice(2);
if (!gitDir || !outDir) {
  console.error('usage: node bench/anchor-dist.ts GIT_DIR OUT_DIR [REV]');
  process.exit(2);
}
if (resolve(outDir).startsWith(resolve('.'))) {
  console.error(`${outDir} is inside this repository; choose a folder outside it (under /tmp, say), so that nothing of the other project is committed here.`);
  process.exit(2);
}

const git = (...args: string[]): Buffer => execFileSync('git', [`--git-dir=${gitDir}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
const commit = git('rev-parse', rev).toString().trim();
const files = git('ls-tree', '-r', '--name-only', commit, '--', 'action.yml', 'dist').toString().split('\n').filter(Boolean);
if (!files.includes('action.yml')) throw new Error(`${gitDir} has no action.yml at ${commit}`);
for (const file of files) {
  const target = join(outDir, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, git('show', `${commit}:${file}`));
}
writeFileSync(join(outDir, 'COMMIT'), `${commit} ${git('describe', '--tags', '--always', commit).toString().trim()}\n`);
console.log(`${files.length} files of ${commit.slice(0, 12)} written to ${outDir}`);
