// ci-oidc-broker's command line: the CI-agnostic core (verification, policy, cloud-side trust) and the
// local sandbox, outside GitHub Actions. Built apart from the entry point, so that tests can parse
// command lines (the README's among them) without running them.
import { Command, Option } from 'commander';
import { CI_SYSTEMS } from '../oidc/ci-systems.ts';
import { type ExitCode, type Format } from './cli-output.ts';
import { setProxyOverride } from '../util/proxy.ts';
import { withoutTokens } from './redact.ts';

const format = (): Option => new Option('--format <format>', 'output for people or machines').choices(['text', 'json']).default('text');
const preset = (description: string): Option => new Option('--preset <ci>', description).choices(Object.keys(CI_SYSTEMS));
const root = (): Option => new Option('--root <dir>', "the policy's repository, where session-policy paths start (default: the current directory, or the policy's folder when it lies outside)");

/** Every policy command takes its policy file as the argument or with --policy, whichever a user reaches for. */
const policyFileArgument = (command: Command): Command => command.argument('[file]', 'the policy file (or --policy FILE)').option('--policy <file>', 'the policy file (or give it as the argument)');

function policyFileOf(command: Command, file: string | undefined, options: { policy?: string | undefined }): string {
  const given = new Set([file, options.policy].filter((path) => path !== undefined));
  if (given.size === 1) return [...given][0]!;
  return command.error(
    given.size === 0 ? 'error: name the policy file, as the argument or with --policy FILE' : `error: the policy file is given twice, as the argument and with --policy; give it once`,
    { exitCode: 2, code: 'ci-oidc-broker.policyFile' },
  );
}

const SANDBOX_SERVERS = `
Each server listens on its own port of 127.0.0.1, chosen at start and printed with its URL:
  OIDC issuer              GitHub-shaped tokens; discovery at /.well-known/openid-configuration, keys at
                           /.well-known/jwks, and the runner's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)
  AWS STS and IAM          one endpoint for both (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_IAM), account 111122223333
  Google STS               its token URL is URL/v1/token: --gcp-token-url, or the action's gcp-token-url input
  Google IAM Credentials   URL: --gcp-iam-credentials-url, or the action's gcp-iam-credentials-url input
  GitHub contents API      GITHUB_API_URL, for policies read from a central repository
  broker service           with --broker: POST /v1/exchange and the operator API; its URL is the action's
                           broker-url input and the CLI's --broker, and the tokens' audience
It then prints a job environment (export lines) that points a runner's step at them.`;

/** The command tree. `done` receives each command's exit code; commander's own errors throw a CommanderError. */
export function program(done: (code: ExitCode) => void, version: string): Command {
  const cli = new Command('ci-oidc-broker')
    .description('Verify CI OIDC tokens, check them against a policy, and export the cloud-side trust that enforces it.')
    .version(version)
    .showHelpAfterError()
    // Commander quotes what it could not parse; a token pasted in the wrong place must not be echoed.
    .configureOutput({ writeErr: (text) => process.stderr.write(withoutTokens(text)) })
    .exitOverride()
    .option('--http-proxy <url>', 'send every outbound call through this proxy, instead of the one HTTPS_PROXY or HTTP_PROXY names (NO_PROXY still applies)')
    .hook('preAction', (root) => {
      try {
        setProxyOverride(root.opts<{ httpProxy?: string }>().httpProxy, 'the option --http-proxy');
      } catch (error) {
        // The message describes the proxy without quoting it: it may hold a password.
        root.error(`error: ${(error as Error).message}`, { exitCode: 2, code: 'ci-oidc-broker.httpProxy' });
      }
    });
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<ExitCode>) =>
    async (...args: A): Promise<void> =>
      done(await run(...args));

  cli
    .command('sandbox')
    .description("start the local sandbox until interrupted: an OIDC issuer, AWS STS and IAM, Google STS and IAM Credentials, GitHub's contents API, and with --broker the broker service")
    .option('--aws-config <file>', 'roles and managed policies as JSON ({{provider}} and {{account}} are filled in), such as demo/sandbox-aws.json')
    .option('--broker', "start the broker service too, with its own AWS role and Google service account, which ci-deploy and the sandbox's service account trust")
    .option('--broker-policy <file>', "the broker's policy (implies --broker; default: ci-deploy and the sandbox's service account for the sandbox job on main, and an operators: entry)")
    .addHelpText('after', SANDBOX_SERVERS)
    .action(action(async (options: import('./commands/sandbox.ts').SandboxCommandOptions) => (await import('./commands/sandbox.ts')).sandbox(options)));

  cli
    .command('serve')
    .description('run the broker service: it verifies CI jobs\' tokens, decides by the policy, mints with its own cloud identity and keeps an inventory. Runs until SIGINT or SIGTERM; exit 2 on a bad configuration.')
    .requiredOption('--config <file>', 'the broker configuration (YAML); see the README section on the service')
    .action(action(async (options: { config: string }) => (await import('./commands/serve.ts')).serve(options)));

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
      .option('--aws-duration <duration>', "session lifetime, 15m to 12h (default 15m), capped by the rule's max-duration");
  tokenOptions(
    cli
      .command('exchange')
      .description("verify a CI job's OIDC token, check it against the policy, and print AWS and/or Google credentials. Exit 0 issued, 1 refused, 2 usage."),
  )
    .option('--broker <url>', 'ask this broker service instead: it decides and mints; no --policy here, and the token is minted for the broker')
    .option('--broker-audience <aud>', "the audience of the token sent to the broker (default: the broker's URL)")
    .option('--gcp-provider <name>', 'the workload identity pool provider (full resource name)')
    .option('--gcp-service-account <email>', 'the service account to impersonate')
    .option('--gcp-lifetime <duration>', "access token lifetime, up to 1h (default 10m), capped by the rule's max-lifetime")
    .option('--gcp-project <id>', 'exported as GOOGLE_CLOUD_PROJECT, CLOUDSDK_CORE_PROJECT and CLOUDSDK_PROJECT')
    .option('--gcp-token-url <url>', "Google STS (default: Google's)")
    .option('--gcp-iam-credentials-url <url>', "the IAM Credentials API (default: Google's)")
    .addOption(
      new Option('--format <format>', 'dotenv to source, json, or a GitHub-style env file (inside GitHub Actions every secret is masked first, on stderr)').choices(['dotenv', 'json', 'github-env']).default('dotenv'),
    )
    .action(action(async (options: import('./commands/exchange.ts').ExchangeRequest & { format: import('./commands/exchange.ts').ExchangeFormat }) => (await import('./commands/exchange.ts')).exchange(options)));

  tokenOptions(
    cli
      .command('aws-credential-process')
      .description("AWS's credential_process contract: prints short-lived credentials as JSON (Version 1). Exit 0 issued, 1 refused, 2 usage.")
      .option('--profile <name>', 'read the settings of this profile from the config file; its relative paths start at the file\'s folder')
      .option('--config <file>', 'the config file of profiles (default: $CI_OIDC_BROKER_CONFIG)')
      .option('--renewal <file>', "the settings of a renewing profile that the action wrote (its credential_process line names them); no other option is used"),
  ).action(action(async (options: import('./commands/aws-credential-process.ts').CredentialProcessOptions) => (await import('./commands/aws-credential-process.ts')).awsCredentialProcess(options)));

  cli
    .command('gcp-executable-source')
    .description(
      "the command of the Google credentials file the action writes: asks the runner for a fresh OIDC token, verifies it, checks it against the main step's policy and prints Google's executable-sourced response. Exit 0 issued, 1 refused.",
    )
    .requiredOption('--state <file>', 'the renewal state the action wrote beside the credentials file')
    .requiredOption('--sha256 <hex>', "that file's SHA-256, which pins it")
    .action(action(async (options: import('./commands/gcp-executable-source.ts').ExecutableSourceOptions) => (await import('./commands/gcp-executable-source.ts')).gcpExecutableSource(options)));

  cli
    .command('revoke')
    .description('deny one session of an AWS role, or every session issued before a time, with an inline Deny on the role; or, with --broker, every session a broker issued that a selector matches. Exit 0 denied, 1 refused, 2 usage.')
    .option('--role <arn>', 'the role whose sessions to deny')
    .option('--session <userid>', "one session's aws:userid, AROA…:session-name")
    .option('--expires-at <time>', "that session's expiry (ISO 8601), after which the denial is pruned")
    .option('--issued-before <time>', 'deny every session issued before this time (ISO 8601)')
    .option('--region <region>', 'region for STS', 'us-east-1')
    .option('--revoker-role <arn>', "assume this role with a CI job's OIDC token, instead of using your own AWS credentials")
    .addOption(preset('where a known CI system puts the token for --revoker-role'))
    .option('--token-file <file>', 'the OIDC token for --revoker-role (- for standard input)')
    .option('--token-env <name>', 'an environment variable holding the OIDC token for --revoker-role')
    .option('--audience <aud>', 'the audience of that token (default: sts.amazonaws.com)')
    .option('--broker <url>', "revoke through this broker service, with your own OIDC token (--token-env, --token-file or --preset) that the policy's operators: admit")
    .option('--broker-audience <aud>', "the audience of your token (default: the broker's URL)")
    .option('--selector <key=value>', 'with --broker: repository-id=ID, owner-id=ID or rule=NAME, optionally issuer=URL and issued-before=TIME (repeat, or join with commas)', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(format())
    .action(action(async (options: import('./commands/revoke.ts').RevokeOptions) => (await import('./commands/revoke.ts')).revoke(options)));

  cli
    .command('sessions')
    .description("a broker's inventory of the credentials it issued")
    .command('list')
    .description("list the sessions a broker issued, newest first, with your own OIDC token that the policy's operators: admit. Exit 0 listed, 1 refused, 2 usage.")
    .requiredOption('--broker <url>', "the broker service's URL")
    .option('--broker-audience <aud>', "the audience of your token (default: the broker's URL)")
    .addOption(preset('where a known CI system puts your token'))
    .option('--token-env <name>', 'an environment variable holding your OIDC token')
    .option('--token-file <file>', 'a file holding your OIDC token (- for standard input)')
    .option('--repository-id <id>', 'only this repository')
    .option('--owner-id <id>', 'only this owner (organisation or user)')
    .option('--rule <name>', 'only sessions this rule granted')
    .option('--issuer <url>', 'only tokens from this issuer')
    .option('--status <list>', 'only these statuses, comma-separated: minting, active, revoked, expired, failed')
    .option('--issued-after <time>', 'only sessions issued after this time (ISO 8601)')
    .option('--issued-before <time>', 'only sessions issued before this time (ISO 8601)')
    .option('--limit <n>', 'at most this many, 1 to 500 (default 100)')
    .option('--cursor <cursor>', 'the next page, as the previous one printed')
    .addOption(format())
    .action(action(async (options: import('./commands/broker-operator.ts').SessionsListOptions) => (await import('./commands/broker-operator.ts')).sessionsList(options)));

  cli
    .command('token')
    .description('OIDC tokens')
    .command('verify')
    .description('verify a token: signature, issuer, audience and times. Exit 0 valid, 1 refused, 2 usage.')
    .option('--token <file>', 'a file holding the token (- for standard input)')
    .option('--token-env <name>', 'an environment variable holding the token')
    .requiredOption('--issuer <url>', 'the issuer it must come from')
    .requiredOption('--audience <aud>', 'the audience it must be for')
    .option('--jwks <file>', "verify offline against this JWKS instead of the issuer's published keys")
    .addOption(format())
    .action(action(async (options: import('./commands/token-verify.ts').TokenVerifyOptions) => (await import('./commands/token-verify.ts')).tokenVerify(options)));

  cli
    .command('scan')
    .description('find the static cloud keys and the OIDC use in the CI files of repositories (GitHub Actions, GitLab CI, CircleCI, Buildkite). Exit 0 no finding at or above --fail-on, 1 some, 2 invalid input.')
    .argument('[paths...]', "the repositories' folders (default: the current directory)")
    .addOption(new Option('--format <format>', 'a table, json, or SARIF 2.1.0 for code scanning').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'the least severe finding that makes the exit code 1').choices(['error', 'warning', 'note', 'never']).default('error'))
    .option('--plan <dir>', 'write a migration plan there: per job with static keys a draft policy rule, its cloud-side trust and a patch to the workflow, and SUMMARY.md')
    .option('--repository-id <id>', "the plan's repository (GitHub), project (GitLab, CircleCI) or pipeline (Buildkite) id; read through GitHub's API with a token, else TODO")
    .option('--owner-id <id>', "the plan's owner (GitHub), group (GitLab) or organization (CircleCI, Buildkite) id; read through GitHub's API with a token, else TODO")
    .option('--repository <owner/repo>', "the checkout's GitHub repository, for --plan (default: its git remote origin): its ids are read through the API when $GITHUB_TOKEN is set, and CircleCI's vcs-origin names it")
    .option('--map <secret=target>', 'the role ARN or service-account email that replaces what a secret holds (repeat)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--github-org <org>', "scan every repository of a GitHub organisation through GitHub's API, instead of folders")
    .option('--github-token-env <name>', "the environment variable holding the token for --github-org, and for --plan's ids", 'GITHUB_TOKEN')
    .option('--github-api-url <url>', 'the GitHub API (default: $GITHUB_API_URL, or https://api.github.com)')
    .option('--max-repositories <n>', 'with --github-org, read at most this many repositories', '200')
    .action(action(async (paths: string[], options: import('./commands/scan.ts').ScanOptions) => (await import('./commands/scan.ts')).scan(paths, options)));

  const policy = cli.command('policy').description('write, test, lint, explain and export policies');
  policy
    .command('init')
    .description("write a policy from the trust a CI role has now, on stdout; what cannot be carried over and the policy's lint go to stderr. Exit 0 written, 1 written with lint errors, 2 invalid input.")
    .option('--from-aws-trust-policy <file>', 'an IAM trust policy (JSON) that admits OIDC tokens')
    .option('--role <arn>', 'the role that trust policy belongs to, for the grant (marked TODO when not given)')
    .option('--from-gcp-attribute-condition <file>', "a workload identity pool provider's attribute condition (CEL)")
    .option('--issuer <url>', "that provider's issuer (default: GitHub Actions')")
    .option('--gcp-provider <name>', "that provider's full resource name, for the grant (marked TODO when not given)")
    .option('--gcp-service-account <email>', 'the service account the grant impersonates')
    .addOption(format())
    .action(action(async (options: import('./commands/policy-init.ts').PolicyInitOptions) => (await import('./commands/policy-init.ts')).policyInit(options)));
  policyFileArgument(policy.command('validate').description('load a policy and report every problem with file:line:col. Exit 0 valid, 1 invalid, 2 usage.'))
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string | undefined, options: { policy?: string; root?: string; format: Format }, command: Command) => (await import('./commands/policy.ts')).policyValidate(policyFileOf(command, file, options), options)));
  policyFileArgument(policy.command('explain').description("decide a job's claims and show every rule's outcome. Exit 0 allow, 1 deny, 2 invalid input."))
    .option('--claims <file>', 'the claims, as JSON: an object of claims, or what `token verify --format json` prints')
    .option('--token <file>', 'a token whose claims to use (not verified: explain is about the policy)')
    .option('--token-env <name>', 'an environment variable holding such a token')
    .addOption(root())
    .addOption(format())
    .action(
      action(async (file: string | undefined, options: Omit<import('./commands/policy.ts').ExplainOptions, 'policy'> & { policy?: string }, command: Command) =>
        (await import('./commands/policy.ts')).policyExplain({ ...options, policy: policyFileOf(command, file, options) }),
      ),
    );
  policyFileArgument(policy.command('test').description('run fixture cases (claims and the expected decision and rule). Exit 0 all pass, 1 any fails, 2 invalid input.'))
    .requiredOption('--cases <path>', 'a YAML or JSON file of cases, or a folder of them')
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string | undefined, options: { policy?: string; cases: string; root?: string; format: Format }, command: Command) => (await import('./commands/policy.ts')).policyTest(policyFileOf(command, file, options), options)));
  policyFileArgument(policy.command('lint').description('find trust that is broader than it looks. Exit 0 no errors, 1 errors, 2 invalid input.'))
    .addOption(root())
    .addOption(format())
    .action(action(async (file: string | undefined, options: { policy?: string; root?: string; format: Format }, command: Command) => (await import('./commands/policy.ts')).policyLint(policyFileOf(command, file, options), options)));
  policyFileArgument(policy.command('export').description('print the cloud-side trust that enforces the policy; notes on what the cloud cannot express go to stderr'))
    .option('--aws-trust-policy', 'the IAM trust policy of one role')
    .option('--gcp-attribute-condition', 'the CEL attribute condition of a workload identity pool provider')
    .option('--aws-revocation', "the IAM documents per-session revocation needs: the role's trust and boundary, the revoker's permissions and trust")
    .option('--aws-broker-trust', "the target role's trust policy for the broker service (tag conditions), and the broker role's permissions")
    .option('--gcp-broker-bindings', "the token-creator binding each granted service account needs for the broker's service account")
    .option('--rule <name>', 'export this rule only')
    .option('--role <arn>', 'the role, when the rules grant several')
    .option('--revoke-role <arn>', 'the revoker role, when the rules name none (with --aws-revocation)')
    .option('--broker-role <arn>', "the broker service's own role (with --aws-broker-trust)")
    .option('--broker-service-account <email>', "the broker service's own service account (with --gcp-broker-bindings)")
    .option('--allow-broader', 'print an AWS trust policy that admits more than the policy, each widening noted, instead of exiting 1')
    .addOption(root())
    .addOption(format())
    .action(
      action(async (file: string | undefined, options: Omit<Parameters<typeof import('./commands/policy.ts').policyExport>[0], 'policy'> & { policy?: string }, command: Command) =>
        (await import('./commands/policy.ts')).policyExport({ ...options, policy: policyFileOf(command, file, options) }),
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
