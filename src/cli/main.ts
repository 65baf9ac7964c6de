#!/usr/bin/env node
// ci-oidc-broker's command line: the CI-agnostic core (verification, policy, cloud-side trust) and the
// local sandbox, outside GitHub Actions.
import { Command, CommanderError, Option } from 'commander';
import { CI_SYSTEMS } from '../oidc/ci-systems.ts';
import { Exit, type ExitCode, type Format } from './cli-output.ts';

const format = (): Option => new Option('--format <format>', 'output for people or machines').choices(['text', 'json']).default('text');
const preset = (description: string): Option => new Option('--preset <ci>', description).choices(Object.keys(CI_SYSTEMS));
const root = (): Option => new Option('--root <dir>', "the policy's repository, where session-policy paths start (default: the current directory, or the policy's folder when it lies outside)");

function program(done: (code: ExitCode) => void): Command {
  const cli = new Command('ci-oidc-broker')
    .description('Verify CI OIDC tokens, check them against a policy, and export the cloud-side trust that enforces it.')
    .showHelpAfterError()
    .exitOverride();
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<ExitCode>) =>
    async (...args: A): Promise<void> =>
      done(await run(...args));

  cli
    .command('sandbox')
    .description('start the local OIDC issuer, AWS emulator and GitHub contents API until interrupted')
    .option('--aws-config <file>', 'roles and managed policies as JSON ({{provider}} and {{account}} are filled in)')
    .action(action(async (options: { awsConfig?: string }) => (await import('./commands/sandbox.ts')).sandbox(options)));

  const tokenOptions = (command: Command): Command =>
    command
      .addOption(preset('where a known CI system puts the token, and its issuer'))
      .option('--token-env <name>', 'an environment variable holding the OIDC token')
      .option('--token-file <file>', 'a file holding the OIDC token (- for standard input)')
      .option('--issuer <url>', "the token's issuer (default: the preset's)")
      .option('--audience <aud>', 'the audience the token must carry (default: sts.amazonaws.com, or the Google provider)')
      .option('--policy <file>', 'the policy that decides')
      .addOption(root())
      .option('--aws-role <arn>', 'the role to assume; one the matching rule grants')
      .option('--aws-region <region>', 'region for STS')
      .option('--aws-duration <duration>', 'session lifetime, 15m to 12h (default 15m)');
  tokenOptions(
    cli
      .command('exchange')
      .description("verify a CI job's OIDC token, check it against the policy, and print AWS and/or Google credentials. Exit 0 issued, 1 refused, 2 usage."),
  )
    .option('--gcp-provider <name>', 'the workload identity pool provider (full resource name)')
    .option('--gcp-service-account <email>', 'the service account to impersonate')
    .option('--gcp-lifetime <duration>', 'access token lifetime, up to 1h (default 10m)')
    .option('--gcp-project <id>', 'exported as GOOGLE_CLOUD_PROJECT and CLOUDSDK_CORE_PROJECT')
    .option('--gcp-token-url <url>', "Google STS (default: Google's)")
    .option('--gcp-iam-credentials-url <url>', "the IAM Credentials API (default: Google's)")
    .addOption(new Option('--format <format>', 'dotenv to source, json, or a GitHub-style env file').choices(['dotenv', 'json', 'github-env']).default('dotenv'))
    .action(action(async (options: import('./commands/exchange.ts').ExchangeRequest & { format: import('./commands/exchange.ts').ExchangeFormat }) => (await import('./commands/exchange.ts')).exchange(options)));

  tokenOptions(
    cli
      .command('aws-credential-process')
      .description("AWS's credential_process contract: prints short-lived credentials as JSON (Version 1). Exit 0 issued, 1 refused, 2 usage.")
      .option('--profile <name>', 'read the settings of this profile from the config file')
      .option('--config <file>', 'the config file of profiles (default: $CI_OIDC_BROKER_CONFIG)'),
  ).action(action(async (options: import('./commands/aws-credential-process.ts').CredentialProcessOptions) => (await import('./commands/aws-credential-process.ts')).awsCredentialProcess(options)));

  cli
    .command('revoke')
    .description('deny one session of an AWS role, or every session issued before a time, with an inline Deny on the role. Exit 0 denied, 1 refused, 2 usage.')
    .requiredOption('--role <arn>', 'the role whose sessions to deny')
    .option('--session <userid>', "one session's aws:userid, AROA…:session-name")
    .option('--expires-at <time>', "that session's expiry (ISO 8601), after which the denial is pruned")
    .option('--issued-before <time>', 'deny every session issued before this time (ISO 8601)')
    .option('--region <region>', 'region for STS', 'us-east-1')
    .option('--revoker-role <arn>', "assume this role with a CI job's OIDC token, instead of using your own AWS credentials")
    .addOption(preset('where a known CI system puts the token for --revoker-role'))
    .option('--token-file <file>', 'the OIDC token for --revoker-role (- for standard input)')
    .option('--token-env <name>', 'an environment variable holding the OIDC token for --revoker-role')
    .option('--audience <aud>', 'the audience of that token (default: sts.amazonaws.com)')
    .addOption(format())
    .action(action(async (options: import('./commands/revoke.ts').RevokeOptions) => (await import('./commands/revoke.ts')).revoke(options)));

  cli
    .command('token')
    .description('OIDC tokens')
    .command('verify')
    .description('verify a token: signature, issuer, audience and times. Exit 0 valid, 1 refused, 2 usage.')
    .requiredOption('--token <file>', 'the token (- for standard input)')
    .requiredOption('--issuer <url>', 'the issuer it must come from')
    .requiredOption('--audience <aud>', 'the audience it must be for')
    .option('--jwks <file>', "verify offline against this JWKS instead of the issuer's published keys")
    .addOption(format())
    .action(action(async (options: { token: string; issuer: string; audience: string; jwks?: string; format: Format }) => (await import('./commands/token-verify.ts')).tokenVerify(options)));

  const policy = cli.command('policy').description('write, test, lint, explain and export policies');
  policy
    .command('validate')
    .description('load a policy and report every problem with file:line:col. Exit 0 valid, 1 invalid, 2 usage.')
    .argument('<file>')
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string, options: { root?: string; format: Format }) => (await import('./commands/policy.ts')).policyValidate(file, options)));
  policy
    .command('explain')
    .description("decide a job's claims and show every rule's outcome. Exit 0 allow, 1 deny, 2 invalid input.")
    .requiredOption('--policy <file>')
    .option('--claims <file>', 'the claims, as JSON')
    .option('--token <file>', 'a token whose claims to use (not verified: explain is about the policy)')
    .addOption(root())
    .addOption(format())
    .action(action(async (options: { policy: string; claims?: string; token?: string; root?: string; format: Format }) => (await import('./commands/policy.ts')).policyExplain(options)));
  policy
    .command('test')
    .description('run fixture cases (claims and the expected decision and rule). Exit 0 all pass, 1 any fails, 2 invalid input.')
    .argument('<file>')
    .requiredOption('--cases <path>', 'a YAML or JSON file of cases, or a folder of them')
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string, options: { cases: string; root?: string; format: Format }) => (await import('./commands/policy.ts')).policyTest(file, options)));
  policy
    .command('lint')
    .description('find trust that is broader than it looks. Exit 0 no errors, 1 errors, 2 invalid input.')
    .argument('<file>')
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string, options: { root?: string; format: Format }) => (await import('./commands/policy.ts')).policyLint(file, options)));
  policy
    .command('export')
    .description('print the cloud-side trust that enforces the policy; notes on what the cloud cannot express go to stderr')
    .requiredOption('--policy <file>')
    .option('--aws-trust-policy', 'the IAM trust policy of one role')
    .option('--gcp-attribute-condition', 'the CEL attribute condition of a workload identity pool provider')
    .option('--aws-revocation', 'the IAM documents per-session revocation needs: the role\'s trust and boundary, the revoker\'s permissions and trust')
    .option('--rule <name>', 'export this rule only')
    .option('--role <arn>', 'the role, when the rules grant several')
    .option('--revoke-role <arn>', 'the revoker role, when the rules name none (with --aws-revocation)')
    .addOption(root())
    .addOption(format())
    .action(
      action(async (options: { policy: string; awsTrustPolicy?: boolean; gcpAttributeCondition?: boolean; rule?: string; role?: string; root?: string; format: Format }) =>
        (await import('./commands/policy.ts')).policyExport(options),
      ),
    );

  cli
    .command('lint')
    .description('lint cloud-side trust that already exists')
    .command('aws-trust-policy')
    .description('lint an IAM trust policy (JSON). Exit 0 no errors, 1 errors, 2 invalid input.')
    .argument('<file>')
    .addOption(format())
    .action(action(async (file: string, options: { format: Format }) => (await import('./commands/lint-trust-policy.ts')).lintTrustPolicy(file, options)));
  return cli;
}

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = Exit.Ok;
  try {
    await program((result) => (code = result)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    // Commander has printed its message and the help; --help and --version end with exit code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? Exit.Ok : Exit.Usage;
    process.stderr.write(`INTERNAL_ERROR: ${(error as Error).message}\nHint: this is a bug in ci-oidc-broker; please report it.\n`);
    return Exit.Refused;
  }
}

process.exitCode = await main(process.argv.slice(2));
