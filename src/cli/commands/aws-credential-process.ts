import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { CI_SYSTEMS, type CiSystem } from '../../oidc/ci-systems.ts';
import { awsSecretValues } from '../../providers/aws/export.ts';
import { Exit, flagOf, runCommand, type ExitCode } from '../cli-output.ts';
import { exchangeCredentials, exitCodeFor, maskInGitHubActions, secretsOf, writeCredentialProcess, type ExchangeRequest } from './exchange.ts';
import { readInputFile } from './input-files.ts';

export interface CredentialProcessOptions extends ExchangeRequest {
  profile?: string | undefined;
  config?: string | undefined;
  /** The settings file of a renewing profile that the action wrote; it replaces every other option. */
  renewal?: string | undefined;
}

// A profile names the same settings as `exchange`'s flags, kebab-case, AWS only.
const PROFILE_KEYS: Record<string, keyof ExchangeRequest> = {
  preset: 'preset',
  'token-env': 'tokenEnv',
  'token-file': 'tokenFile',
  issuer: 'issuer',
  audience: 'audience',
  policy: 'policy',
  root: 'root',
  'aws-role': 'awsRole',
  'aws-region': 'awsRegion',
  'aws-duration': 'awsDuration',
};

// The `aws` CLI runs credential_process from whatever folder it was started in, so a profile's paths
// start at the config file's folder, where whoever wrote them was looking.
const PATH_SETTINGS: ReadonlyArray<keyof ExchangeRequest> = ['policy', 'root', 'tokenFile'];

/**
 * `aws-credential-process`: AWS's credential_process contract, so that a profile such as
 * `credential_process = ci-oidc-broker aws-credential-process --profile deploy` fetches fresh
 * short-lived credentials whenever the CLI or an SDK needs them. Settings come from the named profile
 * of the config file (--config, or CI_OIDC_BROKER_CONFIG), then from flags.
 */
export function awsCredentialProcess(options: CredentialProcessOptions): Promise<ExitCode> {
  return runCommand('text', exitCodeFor, async () => {
    if (options.renewal !== undefined) return renew(options);
    const fromProfile = options.profile ? await readProfile(options.profile, options.config ?? process.env.CI_OIDC_BROKER_CONFIG) : {};
    const flags = Object.fromEntries(Object.entries(options).filter(([name, value]) => value !== undefined && name !== 'profile' && name !== 'config'));
    const request = { ...fromProfile, ...flags } as ExchangeRequest;
    if (!request.awsRole || !request.awsRegion) throw usage('credential_process needs an AWS role and region: --aws-role and --aws-region, or `aws-role:` and `aws-region:` in the profile.', 'Name the role to assume and the STS region.');
    const result = await exchangeCredentials({ ...request, gcpProvider: undefined });
    maskInGitHubActions(secretsOf(result));
    writeCredentialProcess(result.aws!);
    return Exit.Ok;
  });
}

/**
 * The action's renewing profile: everything comes from the settings the main step wrote beside the
 * ledger, so that the renewal decides exactly as the main step did (see src/action/aws-renewal.ts).
 */
async function renew(options: CredentialProcessOptions): Promise<ExitCode> {
  const stray = Object.entries(options).find(([name, value]) => value !== undefined && name !== 'renewal');
  if (stray) throw usage(`${flagOf(stray[0])} is not used with --renewal: the renewing profile's settings decide everything.`, 'Run the credential_process line exactly as the action wrote it.');
  const { renewAwsSession } = await import('../../action/aws-renewal.ts');
  const session = await renewAwsSession(options.renewal!);
  maskInGitHubActions(awsSecretValues(session, { maskAccountId: true }));
  writeCredentialProcess(session);
  return Exit.Ok;
}

async function readProfile(name: string, file: string | undefined): Promise<ExchangeRequest> {
  if (!file) throw usage(`--profile ${name} needs a config file: --config FILE or CI_OIDC_BROKER_CONFIG.`, 'The file holds `profiles: {NAME: {preset, issuer, policy, aws-role, aws-region, ...}}`.');
  let parsed: unknown;
  try {
    parsed = parseYaml(await readInputFile(file, 'config'));
  } catch (error) {
    if (error instanceof BrokerError) throw error;
    throw usage(`The config file ${file} is not valid YAML.`, 'Fix the YAML; `profiles:` maps each name to its settings.');
  }
  const profile = (parsed as { profiles?: Record<string, unknown> } | null)?.profiles?.[name];
  if (typeof profile !== 'object' || profile === null) throw usage(`The config file ${file} has no profile "${name}".`, 'Add it under `profiles:`.');
  const request: Record<string, string> = {};
  for (const [key, value] of Object.entries(profile)) {
    const option = PROFILE_KEYS[key];
    if (!option) throw usage(`Profile "${name}" has an unknown setting "${key}".`, `Known settings: ${Object.keys(PROFILE_KEYS).join(', ')}.`);
    if (typeof value !== 'string' && typeof value !== 'number') throw usage(`Profile "${name}": ${key} must be a string.`, 'Quote the value.');
    request[option] = String(value);
  }
  for (const setting of PATH_SETTINGS) {
    const path = request[setting];
    if (path !== undefined && path !== '-' && !isAbsolute(path)) request[setting] = resolve(dirname(file), path);
  }
  if (request.preset !== undefined && !(request.preset in CI_SYSTEMS)) throw usage(`Profile "${name}": preset "${request.preset}" is not one of ${Object.keys(CI_SYSTEMS).join(', ')}.`, 'Use a known CI system, or token-env / token-file.');
  return request as ExchangeRequest & { preset?: CiSystem };
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
