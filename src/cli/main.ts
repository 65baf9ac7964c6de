#!/usr/bin/env node
// ci-oidc-broker's command line: the CI-agnostic core (verification, policy) and the local sandbox,
// outside GitHub Actions.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isBrokerError } from '../errors/broker-error.ts';

const USAGE = `usage: ci-oidc-broker <command> [options]

commands:
  sandbox [--aws-config FILE]          start the local OIDC issuer and AWS emulator until interrupted
  verify --issuer URL --audience AUD [TOKEN_FILE]
                                       verify an OIDC token (from TOKEN_FILE, or stdin) and print its claims
  policy check FILE                    load a policy file and report every problem with file:line:col
`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async sandbox(args) {
    const { values } = parseArgs({ args, options: { 'aws-config': { type: 'string' } } });
    const { startSandbox } = await import('../sandbox/index.ts');
    const sandbox = await startSandbox({ awsConfigFile: values['aws-config'] });
    console.log(sandbox.describe());
    console.log('\nA job environment pointed at the sandbox:');
    for (const [name, value] of Object.entries(sandbox.runnerEnv())) console.log(`export ${name}='${value}'`);
    console.log('\nPress Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await sandbox.close();
  },

  async verify(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { issuer: { type: 'string' }, audience: { type: 'string' } },
    });
    if (!values.issuer || !values.audience) throw new UsageError('verify needs --issuer and --audience');
    const { parseIssuerUrl } = await import('../oidc/issuer-url.ts');
    const { verifyToken } = await import('../oidc/verify.ts');
    const issuer = parseIssuerUrl(values.issuer).href.replace(/\/$/, '');
    const token = (positionals[0] ? await readFile(positionals[0], 'utf8') : await readStdin()).trim();
    const { claims, header } = await verifyToken(token, { issuer, audience: values.audience });
    console.log(JSON.stringify({ header, claims }, null, 2));
  },

  async policy(args) {
    const [subcommand, ...rest] = args;
    if (subcommand !== 'check') throw new UsageError(`unknown policy command "${subcommand ?? ''}"`);
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('policy check needs one FILE');
    const { loadPolicyFile } = await import('../policy/load.ts');
    const policy = await loadPolicyFile(positionals[0]!);
    console.log(`${policy.source}: valid; ${policy.rules.length} rule(s): ${policy.rules.map((r) => `${r.name} (${r.effect})`).join(', ')}`);
  },
};

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command || name === 'help' || args.includes('--help')) {
    (command ? process.stdout : process.stderr).write(USAGE);
    return command ? 0 : 2;
  }
  try {
    await command(args);
    return 0;
  } catch (error) {
    if (isBrokerError(error)) console.error(error.describe());
    else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n\n${USAGE}`);
    else console.error(`error: ${(error as Error).message}`);
    return isBrokerError(error) || !(error instanceof UsageError) ? 1 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
