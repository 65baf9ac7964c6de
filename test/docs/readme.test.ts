// The README's examples, as a new user copies them: every policy loads, every trust policy and every
// document exported from a README policy lints clean, every command line parses, and the Google
// resource names agree with each other and with what the loader and the action accept.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { CommanderError, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { readMainInputs } from '../../src/action/inputs.ts';
import { program } from '../../src/cli/program.ts';
import { parseBrokerConfig } from '../../src/service/config.ts';
import { exportAwsTrustPolicy } from '../../src/policy/export/aws-trust-policy.ts';
import { exportGcpAttributeCondition } from '../../src/policy/export/gcp-attribute-condition.ts';
import { lintAwsTrustPolicy } from '../../src/policy/lint/aws-trust-policy-lint.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import type { Policy } from '../../src/policy/types.ts';
import { actionContext } from '../helpers/action-context.ts';

const README = await readFile('README.md', 'utf8');

interface Block {
  lang: string;
  text: string;
  line: number;
}

/** Fenced blocks, list-indented ones included, with their indentation removed. */
function codeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const close = new RegExp(`^ {${indent}}\`\`\`\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    blocks.push({ lang: open[2]!, text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

const blocks = codeBlocks(README);

const policies = blocks.flatMap((block) => {
  if (block.lang !== 'yaml') return [];
  let data: unknown;
  try {
    data = parseYaml(block.text);
  } catch {
    return [];
  }
  const isPolicy = typeof data === 'object' && data !== null && 'version' in data && 'rules' in data;
  return isPolicy ? [{ name: `README.md:${block.line}`, text: block.text }] : [];
});

// A broker configuration names the broker's audience and its store; the fragments beside it do not.
const brokerConfigs = blocks.flatMap((block) => {
  if (block.lang !== 'yaml') return [];
  let data: unknown;
  try {
    data = parseYaml(block.text);
  } catch {
    return [];
  }
  return typeof data === 'object' && data !== null && 'audience' in data && 'store' in data ? [{ name: `README.md:${block.line}`, text: block.text }] : [];
});

const trustPolicies = blocks.filter((block) => block.lang === 'json' && block.text.includes('"Statement"')).map((block) => ({ name: `README.md:${block.line}`, text: block.text }));

// `ci-oidc-broker`, `npx [--no] ci-oidc-broker` or `node …/dist/cli/index.js`, followed by its arguments.
const INVOCATION = /(?:^|[\s("'=])((?:npx (?:--no )?)?ci-oidc-broker|node \S*dist\/cli\/index\.js)(?=\s|$)/g;

/** The arguments after an invocation, as a POSIX shell splits them, up to what ends the command. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      // An unmatched quote closes the one the command sits in, as in "$(ci-oidc-broker ...)".
      if (end < 0) break;
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (')|;&>#'.includes(c)) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function invocationsIn(text: string, where: string): Array<{ where: string; args: string[] }> {
  return [...text.matchAll(INVOCATION)].map((match) => ({ where, args: shellWords(text.slice(match.index + match[0].length)) }));
}

// Inline code that starts with the command: a whole command line when it passes an option, else the name of a command.
const outsideBlocks = README.replace(/^( *)```[\s\S]*?^\1```/gm, '');
const spans = [...outsideBlocks.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.replace(/\s*\n\s*/g, ' ')).filter((span) => /^(npx (--no )?)?ci-oidc-broker |^node \S*dist\/cli\/index\.js /.test(span));
const commandLines = [
  ...blocks.flatMap((block) =>
    block.text
      .replace(/\\\n/g, ' ')
      .split('\n')
      .flatMap((line, index) => invocationsIn(line, `README.md:${block.line + 1 + index}`)),
  ),
  ...spans.filter((span) => / -/.test(span)).flatMap((span) => invocationsIn(span, `\`${span}\``)),
];
const commandNames = spans.filter((span) => !/ -/.test(span)).flatMap((span) => invocationsIn(span, `\`${span}\``));

class Parsed extends Error {}

/** Parses a command line with the CLI's own parser and stops before the command would run. */
async function parse(args: string[]): Promise<{ parsed: boolean; errors: string }> {
  let errors = '';
  const cli = program(() => undefined, '0.0.0');
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  for (const command of everyCommand(cli)) command.configureOutput({ writeOut: () => undefined, writeErr: (text) => void (errors += text) });
  cli.hook('preAction', () => {
    throw new Parsed();
  });
  try {
    await cli.parseAsync(args, { from: 'user' });
    return { parsed: false, errors: 'the command ran instead of stopping after parsing' };
  } catch (error) {
    if (error instanceof Parsed) return { parsed: true, errors };
    if (error instanceof CommanderError && error.exitCode === 0) return { parsed: true, errors };
    return { parsed: false, errors: errors || String(error) };
  }
}

const grantedRoles = (policy: Policy): string[] => [...new Set(policy.rules.flatMap((rule) => rule.grant?.aws?.roles ?? []))];

describe('the README', () => {
  it('has examples of each kind to check', () => {
    expect(policies.length).toBeGreaterThanOrEqual(6);
    expect(trustPolicies.length).toBeGreaterThanOrEqual(1);
    expect(commandLines.length).toBeGreaterThanOrEqual(8);
    expect(brokerConfigs.length).toBeGreaterThanOrEqual(1);
  });

  it.each(brokerConfigs.map((config) => [config.name, config.text]))('broker configuration at %s loads as `serve --config` loads it', (name, text) => {
    expect(() => parseBrokerConfig(text, name)).not.toThrow();
  });

  it.each(policies.map((policy) => [policy.name, policy.text]))('policy at %s loads', (name, text) => {
    expect(() => parsePolicy(text, name)).not.toThrow();
  });

  it.each(trustPolicies.map((policy) => [policy.name, policy.text]))('trust policy at %s lints without errors or warnings', (name, text) => {
    expect(lintAwsTrustPolicy(text, name).filter((finding) => finding.severity !== 'note')).toEqual([]);
  });

  it.each(policies.map((policy) => [policy.name, policy.text]))('policy at %s exports trust policies that lint clean', (name, text) => {
    const policy = parsePolicy(text, name);
    for (const role of grantedRoles(policy)) {
      // As the README shows it: with --allow-broader where AWS cannot check a rule exactly, the broker alone enforcing the rest.
      const exported = exportAwsTrustPolicy(policy, { role, allowBroader: true });
      const document = JSON.stringify(exported.document, null, 2);
      expect({ role, findings: lintAwsTrustPolicy(document, `${name} (${role})`).filter((finding) => finding.severity !== 'note') }).toEqual({ role, findings: [] });
    }
    if (policy.rules.some((rule) => rule.grant?.gcp)) expect(exportGcpAttributeCondition(policy).condition).not.toBe('');
  });

  it.each(commandLines.map((line) => [line.where, line.args.join(' '), line.args]))('command line at %s parses: ci-oidc-broker %s', async (_, __, args) => {
    expect(await parse(args as string[])).toEqual({ parsed: true, errors: '' });
  });

  it.each(commandNames.map((name) => [name.where, name.args]))('command named at %s exists', (_, path) => {
    const found = (path as string[]).reduce<Command | undefined>((command, name) => command?.commands.find((sub) => sub.name() === name), program(() => undefined, '0.0.0'));
    expect(found).toBeDefined();
  });
});

describe('the README’s Google resource names', () => {
  const pools = [...README.matchAll(/workloadIdentityPools\/([^/\s"`]+)|pools create (\S+)|--workload-identity-pool=(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
  const providers = [...README.matchAll(/workloadIdentityPools\/[^/\s"`]+\/providers\/([^/\s"`]+)|create-oidc (\S+)/g)].map((match) => match[1] ?? match[2]!).filter((id) => id !== 'PROVIDER');

  it('use one pool and one provider id, each 4 to 32 lowercase letters, digits and hyphens', () => {
    const named = [...new Set(pools.filter((id) => id !== 'POOL'))];
    expect(named).toEqual(['ci-broker']);
    expect([...new Set(providers)]).toEqual(['github']);
    for (const id of [...named, ...providers]) expect(id).toMatch(/^[a-z0-9-]{4,32}$/);
  });

  it('give the step a provider the action accepts', async () => {
    const inputs = [...README.matchAll(/workload_identity_provider: (\S+)/g)].map((match) => match[1]!);
    expect(inputs.length).toBeGreaterThan(0);
    for (const provider of inputs) {
      const context = await actionContext({ workload_identity_provider: provider });
      try {
        expect(readMainInputs().gcp?.workloadIdentityProvider).toBe(provider);
      } finally {
        await context.restore();
      }
    }
  });
});

describe('the README’s migration from configure-aws-credentials', () => {
  const section = /^## Migrating from configure-aws-credentials\n([\s\S]*?)^## /m.exec(README)?.[1] ?? '';
  // Input names in backquotes, leaving out asides in parentheses.
  const names = (text: string): string[] => [...text.replace(/\([^)]*\)/g, '').matchAll(/`([a-z][a-z-]+)`/g)].map((match) => match[1]!);

  it('says which inputs carry over and which do not exist, as action.yml has them', async () => {
    const inputs = Object.keys((parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    const kept = names(/These keep their names and meaning: ([\s\S]*?)\. /.exec(section)?.[1] ?? '');
    const missing = names(/Inputs that do not exist here([\s\S]*?)\n4\./.exec(section)?.[1] ?? '');
    expect(kept.length).toBeGreaterThan(5);
    expect(missing.length).toBeGreaterThan(5);
    expect(kept.filter((name) => !inputs.includes(name))).toEqual([]);
    expect(missing.filter((name) => inputs.includes(name))).toEqual([]);
  });

  it('gives the default session length action.yml gives', async () => {
    const action = parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, { default?: unknown }> };
    const stated = /`role-duration-seconds` defaults to \*\*(\d+)\*\*/.exec(section)?.[1];
    expect(stated).toBeDefined();
    expect(String(action.inputs['role-duration-seconds']?.default ?? '900')).toBe(stated);
  });
});
