// Bundles each entry point with ncc into dist/<name>/index.js, the files the action and the CLI run.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const entries = {
  main: 'src/action/main.ts',
  post: 'src/action/post.ts',
  cli: 'src/cli/main.ts',
} as const;

export function build(outRoot: string): void {
  for (const [name, source] of Object.entries(entries)) {
    const outDir = join(outRoot, name);
    rmSync(outDir, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'), 'build', source, '--out', outDir, '--minify', '--license', 'licenses.txt', '--quiet', '--target', 'es2023'],
      { stdio: 'inherit' },
    );
  }
}

if (import.meta.main) build(process.argv[2] ?? 'dist');
