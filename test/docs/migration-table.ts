// The README's migration tables as src/action/anchor-inputs.ts defines them: one row per input or
// output of an anchor. The docs test holds the README to these rows; `node test/docs/migration-table.ts`
// prints them, to paste after a change to the table.
import { ANCHOR_NAMES, type Anchor, type AnchorName } from '../../src/action/anchor-inputs.ts';

function fateCell(entry: AnchorName): string {
  const { fate } = entry;
  if (fate.here === 'same') return 'same';
  if (entry.kind === 'output') return 'not set';
  const accepted = fate.accepts?.length ? ` (${fate.accepts.map((value) => `\`${value}\``).join(' or ')} passes)` : '';
  return `refused${accepted}`;
}

export function migrationRow(entry: AnchorName): string {
  const notes = entry.fate.here === 'none' ? entry.fate.instead : (entry.note ?? '');
  return `| \`${entry.name}\` | ${fateCell(entry)} | ${notes} |`.replace(/ {2}\|$/, ' |');
}

export function migrationTable(anchor: Anchor, kind: 'input' | 'output'): string {
  const head = kind === 'input' ? '| Input | Here | What to do |\n| --- | --- | --- |' : '| Output | Here | What to do |\n| --- | --- | --- |';
  return [head, ...ANCHOR_NAMES.filter((entry) => entry.anchor === anchor && entry.kind === kind).map(migrationRow)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const anchor of ['aws-actions/configure-aws-credentials', 'google-github-actions/auth'] as const) {
    for (const kind of ['input', 'output'] as const) console.log(`${anchor} ${kind}s\n\n${migrationTable(anchor, kind)}\n`);
  }
}
