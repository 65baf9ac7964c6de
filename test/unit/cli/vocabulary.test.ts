import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { cliWording, FLAG_FOR_INPUT, inCliTerms } from '../../../src/cli/vocabulary.ts';

describe('inCliTerms', () => {
  it.each([
    ['Set the `issuer` input to the issuer that minted the token.', 'Set --issuer to the issuer that minted the token.'],
    ['check the `issuer` input for a trailing slash', 'check --issuer for a trailing slash'],
    ['set the `audience` input to match the cloud side.', 'set --audience to match the cloud side.'],
    ['point the `policy` input at your policy.', 'point --policy at your policy.'],
    ['grants several roles (a, b) and no role-to-assume was given.', 'grants several roles (a, b) and no --aws-role was given.'],
    ['Set the `service_account` input to one of them.', 'Set --gcp-service-account to one of them.'],
    ['Set workload_identity_provider to the granted provider', 'Set --gcp-provider to the granted provider'],
    ['and no service_account was given.', 'and no --gcp-service-account was given.'],
    ['the audience the token was requested for (gcp-audience).', 'the audience the token was requested for (--audience).'],
    ["change p.yml in a reviewed pull request; the log and the job summary show every rule's result.", "change p.yml in a reviewed pull request; the explanation above shows every rule's result."],
  ])('%s', (action, cli) => {
    expect(inCliTerms(action)).toBe(cli);
  });

  it('leaves plain words, and flags already written as flags, alone', () => {
    const text = 'The issuer must match the policy; run `policy export --gcp-attribute-condition` or pass --gcp-service-account.';
    expect(inCliTerms(text)).toBe(text);
  });

  it('rewords an error’s message and hint, and nothing else', () => {
    const error = new BrokerError(ErrorCode.RoleNotGranted, 'no role-to-assume was given.', { hint: 'Set the `role-to-assume` input to one of them.' });
    expect(cliWording(error)).toEqual({ message: 'no --aws-role was given.', hint: 'Set --aws-role to one of them.' });
  });
});

// What the core says to an action user: an input by name, or where the action shows its results.
const ACTION_WORDING = /`([a-z_-]+)` input|input `([a-z_-]+)`|job summary|step['’]s log|`with:`/;
const CORE = ['src/errors', 'src/oidc', 'src/policy', 'src/providers', 'src/util'];

async function coreLines(): Promise<Array<{ where: string; line: string }>> {
  const lines: Array<{ where: string; line: string }> = [];
  for (const folder of CORE) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.generated.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      (await readFile(path, 'utf8')).split('\n').forEach((line, index) => {
        // Comments speak to developers; only what the code says can reach a user.
        if (!/^\s*(\/\/|\*|\/\*)/.test(line)) lines.push({ where: `${path}:${index + 1}`, line });
      });
    }
  }
  return lines;
}

describe('the core’s messages, as the CLI prints them', () => {
  it('name no action input and no job summary once reworded', async () => {
    const leftovers = (await coreLines()).filter(({ line }) => ACTION_WORDING.test(line) && ACTION_WORDING.test(inCliTerms(line)));
    expect(leftovers.map(({ where }) => where)).toEqual([]);
  });

  it('name no action input of action.yml that the CLI has a flag for, once reworded', async () => {
    const inputs = Object.keys((parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs).filter((name) => /[-_]/.test(name) && name in FLAG_FOR_INPUT);
    const named = new RegExp(`(?<![\\w-])(${inputs.join('|')})(?![\\w-])`);
    const leftovers = (await coreLines()).filter(({ line }) => named.test(inCliTerms(line)));
    expect(leftovers.map(({ where, line }) => `${where}: ${line.trim()}`)).toEqual([]);
  });

  it('have a flag for every input the core names', async () => {
    const named = (await coreLines()).flatMap(({ line }) => [...line.matchAll(/`([a-z_-]+)` input|input `([a-z_-]+)`/g)].map((match) => match[1] ?? match[2]!));
    expect([...new Set(named)].filter((input) => !(input in FLAG_FOR_INPUT))).toEqual([]);
  });
});
