// The README's migration sections: a table for each anchor that is exactly what anchor-inputs.ts says
// (every input and output of the anchor, one row each), every input action.yml declares named, and the
// default lifetimes a migration trips over stated as action.yml sets them.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { ANCHOR_NAMES } from '../../src/action/anchor-inputs.ts';
import { migrationTable } from './migration-table.ts';

const README = await readFile('README.md', 'utf8');
const action = parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, { default?: unknown }> };

/** From a `## Migrating from <anchor>` heading to the next `## ` heading. */
function section(title: string): string {
  const start = README.indexOf(`\n## Migrating from ${title}\n`);
  const end = README.indexOf('\n## ', start + 1);
  return start < 0 ? '' : README.slice(start, end < 0 ? undefined : end);
}

const SECTIONS = {
  'aws-actions/configure-aws-credentials': section('configure-aws-credentials'),
  'google-github-actions/auth': section('google-github-actions/auth'),
} as const;

describe('the README’s migration tables', () => {
  it.each(Object.entries(SECTIONS))('%s: one table of inputs and one of outputs, as the anchors table has them', (anchor, text) => {
    expect(text).not.toBe('');
    for (const kind of ['input', 'output'] as const) {
      const table = migrationTable(anchor as keyof typeof SECTIONS, kind);
      // On a mismatch, `node test/docs/migration-table.ts` prints the tables to paste.
      expect({ anchor, kind, inREADME: text.includes(`\n${table}\n`) }).toEqual({ anchor, kind, inREADME: true });
    }
    const rows = ANCHOR_NAMES.filter((entry) => entry.anchor === anchor);
    expect(rows.filter((entry) => !text.includes(`\n| \`${entry.name}\` |`))).toEqual([]);
  });

  it('names every input that action.yml declares', () => {
    const migration = Object.values(SECTIONS).join('\n');
    expect(Object.keys(action.inputs).filter((name) => !migration.includes(`\`${name}\``))).toEqual([]);
  });

  it('states the default lifetimes that action.yml sets', () => {
    expect(/`role-duration-seconds` defaults to \*\*(\w+)\*\*/.exec(SECTIONS['aws-actions/configure-aws-credentials'])?.[1]).toBe(String(action.inputs['role-duration-seconds']?.default));
    expect(/`access_token_lifetime` defaults to \*\*(\w+)\*\*/.exec(SECTIONS['google-github-actions/auth'])?.[1]).toBe(String(action.inputs['access_token_lifetime']?.default));
  });
});
