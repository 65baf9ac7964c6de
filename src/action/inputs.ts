import { resolve } from 'node:path';
import * as core from '@actions/core';
import { parseBrokerUrl } from '../broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { isLoopbackHost, parseIssuerUrl } from '../oidc/issuer-url.ts';
import { GCP_TOKEN_SECONDS, parseDuration, STS_SESSION_SECONDS } from '../policy/duration.ts';
import { defaultSessionName, validateSessionName } from '../providers/aws/session-name.ts';
import { GOOGLE_ENDPOINTS, type GcpEndpoints } from '../providers/gcp/exchange.ts';
import { projectOfServiceAccount } from '../providers/gcp/export.ts';
import { setProxyOverride } from '../util/proxy.ts';
import { refuseAnchorOnlyInputs } from './anchor-inputs.ts';
import { parsePolicySourceSetting, type PolicySourceSetting } from './policy-source.ts';

/** The main step's inputs, parsed and checked. Names mirror action.yml. */
export interface MainInputs {
  policyPath: string;
  policySource: PolicySourceSetting;
  githubToken: string;
  issuer: string;
  /** Set when the step asks for AWS credentials (aws-region or role-to-assume given). */
  aws: AwsInputs | undefined;
  /** Set when the step asks for Google credentials (workload_identity_provider given). */
  gcp: GcpInputs | undefined;
  /** Set with `broker-url`: the broker decides and mints, and the step reads no policy. */
  broker: BrokerInputs | undefined;
}

export interface BrokerInputs {
  url: string;
  /** The audience of the job's token for the broker; by default its URL. */
  audience: string;
  /** Google credentials asked of the broker (service_account given): it impersonates, so no provider is involved. */
  gcp: BrokerGcpInputs | undefined;
}

export interface BrokerGcpInputs {
  serviceAccount: string;
  lifetimeSeconds: number;
  projectId: string | undefined;
}

export interface AwsInputs {
  audience: string;
  region: string;
  roleToAssume: string | undefined;
  roleSessionName: string;
  roleDurationSeconds: number;
  inlineSessionPolicy: string | undefined;
  managedSessionPolicies: string[];
  outputCredentials: boolean;
  maskAccountId: boolean;
  /** The revoker role for the post step; it overrides the rule's revoke-role. */
  revokeRole: string | undefined;
  /** Write a shared config profile whose credential_process renews the session, instead of static keys. */
  renewCredentials: boolean;
  /** The profile's name (`aws-profile`): a named profile instead of the environment; implies renewal. */
  profile: string | undefined;
  /** A second hop, AssumeRole signed by the first session, into a role the rule's `chain-to` lists. */
  chainToRole: string | undefined;
  /** Read the OIDC token from this file instead of asking the runner. */
  webIdentityTokenFile: string | undefined;
  /** False: outputs only, no variables exported. */
  outputEnvCredentials: boolean;
  /** Clear the AWS credential variables earlier steps left, before anything else. */
  unsetCurrentCredentials: boolean;
}

export interface GcpInputs {
  workloadIdentityProvider: string;
  /** The OIDC token's audience; by default the provider's full resource name, as Google expects. */
  audience: string;
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  /** Given, or else the project of the service account's email. */
  projectId: string | undefined;
  createCredentialsFile: boolean;
  endpoints: GcpEndpoints;
  /** The access token's scopes; undefined: every scope the rule grants. */
  scopes: string[] | undefined;
  /** Set with `token_format: id_token`: an ID token instead of the access token output. */
  idToken: GcpIdTokenInputs | undefined;
}

export interface GcpIdTokenInputs {
  audience: string;
  includeEmail: boolean;
}

const WORKLOAD_IDENTITY_PROVIDER = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;

export function readMainInputs(env: NodeJS.ProcessEnv = process.env): MainInputs {
  refuseAnchorOnlyInputs(env);
  useHttpProxyInput();
  const issuer = core.getInput('issuer') || 'https://token.actions.githubusercontent.com';
  parseIssuerUrl(issuer);
  const aws = readAwsInputs(env);
  const broker = readBrokerInputs();
  const gcp = broker ? undefined : readGcpInputs(aws !== undefined);
  if (!aws && !gcp && !broker?.gcp) {
    throw new BrokerError(ErrorCode.InputInvalid, 'No cloud was requested: give `aws-region` for AWS, `workload_identity_provider` for Google Cloud, or both.', {
      hint: 'Add, for example, `aws-region: us-east-1` and `role-to-assume: arn:aws:iam::…:role/…` to the step’s `with:` block.',
    });
  }
  return {
    policyPath: core.getInput('policy') || '.github/ci-oidc-broker.yml',
    policySource: parsePolicySourceSetting(core.getInput('policy-source')),
    githubToken: core.getInput('github-token'),
    issuer,
    aws,
    gcp,
    broker,
  };
}

/**
 * The `http-proxy` input: every call of this process goes through it, whatever HTTPS_PROXY says
 * (NO_PROXY still applies). Its password is masked before anything could print it.
 */
export function useHttpProxyInput(): void {
  const proxy = setProxyOverride(core.getInput('http-proxy'), 'the input `http-proxy`');
  if (proxy?.password) core.setSecret(decodeURIComponent(proxy.password));
}

function readBrokerInputs(): BrokerInputs | undefined {
  const url = core.getInput('broker-url');
  if (!url) {
    if (core.getInput('broker-audience')) throw new BrokerError(ErrorCode.InputInvalid, 'The input `broker-audience` needs `broker-url`.', { hint: 'Set broker-url to the broker service’s URL, or leave broker-audience out.' });
    return undefined;
  }
  const baseUrl = parseBrokerUrl(url, 'The input `broker-url`');
  // The broker impersonates service accounts itself: the job's token never reaches Google, so no provider is named.
  const provider = ['workload_identity_provider', 'gcp-audience', 'gcp-token-url', 'gcp-iam-credentials-url'].find((name) => core.getInput(name));
  if (provider) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${provider}\` is not used with \`broker-url\`: the broker mints Google tokens by impersonating the service account.`, {
      hint: 'Give service_account alone; the broker’s own service account holds roles/iam.serviceAccountTokenCreator on it.',
    });
  }
  // The broker mints access tokens, so `token_format: access_token` asks for nothing else.
  const unsupported = ['id_token_audience', 'access_token_scopes'].find((name) => core.getInput(name)) ?? (['', 'access_token'].includes(core.getInput('token_format')) ? undefined : 'token_format');
  if (unsupported) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${unsupported}\` is not supported with \`broker-url\`: the broker mints access tokens with the scopes its rule grants.`, {
      hint: 'Leave it out, or mint ID tokens and narrower scopes in the step itself, through workload_identity_provider.',
    });
  }
  const serviceAccount = readServiceAccount(core.getInput('service_account'));
  return {
    url: baseUrl,
    audience: core.getInput('broker-audience') || baseUrl,
    gcp: serviceAccount === undefined ? undefined : { serviceAccount, lifetimeSeconds: readLifetime(core.getInput('access_token_lifetime')), projectId: readProjectId(serviceAccount) },
  };
}

function readAwsInputs(env: NodeJS.ProcessEnv): AwsInputs | undefined {
  const region = core.getInput('aws-region');
  const roleToAssume = core.getInput('role-to-assume') || undefined;
  if (!region && !roleToAssume) return undefined;
  if (!region) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `aws-region` is required with `role-to-assume`.', {
      hint: 'Add `aws-region: <region>` (for example us-east-1) to the step’s `with:` block.',
    });
  }
  const requestedName = core.getInput('role-session-name');
  if (requestedName) validateSessionName(requestedName);
  return {
    audience: core.getInput('audience') || 'sts.amazonaws.com',
    region,
    roleToAssume,
    roleSessionName: requestedName || sessionNameForJob(env),
    roleDurationSeconds: readDuration(core.getInput('role-duration-seconds')),
    inlineSessionPolicy: readInlinePolicy(core.getInput('inline-session-policy')),
    // A blank line in a block scalar is not a policy ARN.
    managedSessionPolicies: core.getMultilineInput('managed-session-policies').filter(Boolean),
    outputCredentials: readBoolean('output-credentials', false),
    maskAccountId: readBoolean('mask-aws-account-id', true),
    revokeRole: readRoleArn('aws-revoke-role'),
    ...readAwsCredentialDelivery(),
    chainToRole: readRoleArn('chain-to-role'),
    // As configure-aws-credentials reads it: a relative path starts at the workspace.
    webIdentityTokenFile: core.getInput('web-identity-token-file') ? resolve(env.GITHUB_WORKSPACE ?? process.cwd(), core.getInput('web-identity-token-file')) : undefined,
    unsetCurrentCredentials: readBoolean('unset-current-credentials', false),
  };
}

/**
 * Where the credentials go: static keys in the environment (the default, as configure-aws-credentials
 * does), a renewing profile, or outputs only. A profile exists only as a file that the environment
 * names, so it cannot be combined with outputs only.
 */
function readAwsCredentialDelivery(): Pick<AwsInputs, 'renewCredentials' | 'profile' | 'outputEnvCredentials'> {
  const profile = core.getInput('aws-profile') || undefined;
  if (profile !== undefined && !/^[\w.+@-]{1,64}$/.test(profile)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`aws-profile\` is ${JSON.stringify(profile)}, not a profile name.`, {
      hint: 'Use up to 64 letters, digits and _ . + @ -, such as `production`.',
    });
  }
  const renewCredentials = profile !== undefined || readBoolean('aws-renew-credentials', false);
  const outputEnvCredentials = readBoolean('output-env-credentials', true);
  if (renewCredentials && !outputEnvCredentials) {
    throw new BrokerError(ErrorCode.InputInvalid, `\`output-env-credentials: false\` cannot be combined with \`${profile === undefined ? 'aws-renew-credentials' : 'aws-profile'}\`: the renewing profile is found through AWS_CONFIG_FILE.`, {
      hint: 'Drop output-env-credentials to let the step export AWS_CONFIG_FILE, or drop the profile and use `output-credentials: true` for outputs only.',
    });
  }
  return { renewCredentials, profile, outputEnvCredentials };
}

function readGcpInputs(askedForAws: boolean): GcpInputs | undefined {
  const provider = core.getInput('workload_identity_provider');
  if (!provider) {
    const stray = ['service_account', 'project_id', 'gcp-audience', 'token_format', 'id_token_audience', 'access_token_scopes'].find((name) => core.getInput(name));
    if (stray) {
      throw new BrokerError(ErrorCode.InputInvalid, `The input \`${stray}\` needs \`workload_identity_provider\`.`, {
        hint: 'Set workload_identity_provider to projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.',
      });
    }
    return undefined;
  }
  if (!WORKLOAD_IDENTITY_PROVIDER.test(provider)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`workload_identity_provider\` is "${provider}", not a provider's full resource name.`, {
      hint: 'Use projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id), as `gcloud iam workload-identity-pools providers describe` prints it.',
    });
  }
  const serviceAccount = readServiceAccount(core.getInput('service_account'));
  const idToken = readIdTokenInputs();
  const scopes = readScopes();
  if (idToken && scopes) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `access_token_scopes` shapes the access_token output, which `token_format: id_token` does not produce.', {
      hint: 'Leave access_token_scopes out, or use `token_format: access_token`; the credentials file’s users choose their own scopes.',
    });
  }
  return {
    workloadIdentityProvider: provider,
    audience: readGcpAudience(provider, askedForAws),
    serviceAccount,
    lifetimeSeconds: readLifetime(core.getInput('access_token_lifetime')),
    projectId: readProjectId(serviceAccount),
    createCredentialsFile: readBoolean('create_credentials_file', true),
    endpoints: {
      tokenUrl: readHttpsUrl('gcp-token-url') ?? GOOGLE_ENDPOINTS.tokenUrl,
      iamCredentialsUrl: readHttpsUrl('gcp-iam-credentials-url') ?? GOOGLE_ENDPOINTS.iamCredentialsUrl,
    },
    scopes,
    idToken,
  };
}

/**
 * `audience` serves the one cloud a step asks for, as in each anchor action; a step that asks for both
 * names Google's as `gcp-audience`, so that neither cloud ever gets a token minted for the other.
 */
function readGcpAudience(provider: string, askedForAws: boolean): string {
  const own = core.getInput('gcp-audience');
  const shared = core.getInput('audience');
  if (askedForAws && shared && !own) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `audience` is ambiguous: this step asks for AWS and Google Cloud credentials, and it could be either cloud’s.', {
      hint: 'Give Google’s audience as `gcp-audience` (then `audience` is AWS’s), or ask for each cloud in its own step.',
    });
  }
  if (!askedForAws && shared && own) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The inputs `audience` and `gcp-audience` both give Google’s audience.', {
      hint: 'Keep one of them: `audience` is enough when the step asks for Google Cloud alone.',
    });
  }
  return own || (askedForAws ? '' : shared) || `//iam.googleapis.com/${provider}`;
}

function readIdTokenInputs(): GcpIdTokenInputs | undefined {
  const format = core.getInput('token_format');
  const audience = core.getInput('id_token_audience');
  if (format !== '' && format !== 'access_token' && format !== 'id_token') {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`token_format\` is "${format}", not access_token or id_token.`, {
      hint: 'Use access_token (the default) for an OAuth access token, or id_token with id_token_audience for Cloud Run and IAP.',
    });
  }
  if (format !== 'id_token') {
    const stray = audience ? 'id_token_audience' : core.getInput('id_token_include_email') === 'true' ? 'id_token_include_email' : undefined;
    if (stray) {
      throw new BrokerError(ErrorCode.InputInvalid, `The input \`${stray}\` needs \`token_format: id_token\`.`, { hint: 'Add `token_format: id_token` to the step, or leave the ID token inputs out.' });
    }
    return undefined;
  }
  if (!audience) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `id_token_audience` is required with `token_format: id_token`.', {
      hint: 'Set it to the URL of the Cloud Run service, or the client id of the IAP-protected resource, that the token is for.',
    });
  }
  return { audience, includeEmail: readBoolean('id_token_include_email', false) };
}

function readScopes(): string[] | undefined {
  const text = core.getInput('access_token_scopes');
  if (!text) return undefined;
  const scopes = text.split(/[\n,]/).map((scope) => scope.trim()).filter(Boolean);
  const bad = scopes.find((scope) => /\s/.test(scope));
  if (bad !== undefined || scopes.length === 0) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`access_token_scopes\` is ${JSON.stringify(text)}, not a list of scopes.`, {
      hint: 'Separate scopes with commas or new lines, such as https://www.googleapis.com/auth/cloud-platform.',
    });
  }
  return scopes;
}

/** `project_id`, or else the project of the service account asked for; the main step also infers it from the one granted. */
function readProjectId(serviceAccount: string | undefined): string | undefined {
  return core.getInput('project_id') || projectOfServiceAccount(serviceAccount);
}

function sessionNameForJob(env: NodeJS.ProcessEnv): string {
  return defaultSessionName({
    repository: env.GITHUB_REPOSITORY ?? 'unknown-repository',
    runId: env.GITHUB_RUN_ID ?? '0',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? 'job',
  });
}

function readDuration(text: string): number {
  if (!text) return STS_SESSION_SECONDS.default;
  // Digits only: Number() would also take "0x384", "9e2" and " 900 ".
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= STS_SESSION_SECONDS.min && seconds <= STS_SESSION_SECONDS.max)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`role-duration-seconds\` is "${text}", not a whole number from ${STS_SESSION_SECONDS.min} to ${STS_SESSION_SECONDS.max}.`, {
      hint: 'Use a number of seconds, such as 900 (the default and STS minimum) or 3600.',
    });
  }
  return seconds;
}

function readLifetime(text: string): number {
  if (!text) return GCP_TOKEN_SECONDS.default;
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds < GCP_TOKEN_SECONDS.min || seconds > GCP_TOKEN_SECONDS.max) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`access_token_lifetime\` is "${text}", not a duration from 1s to 1h.`, {
      hint: 'Write seconds (600) or hours, minutes and seconds (10m, 1h). Google caps service-account tokens at 1 hour.',
    });
  }
  return seconds;
}

function readServiceAccount(text: string): string | undefined {
  if (!text) return undefined;
  if (!/^[^@\s/]+@[a-z0-9.-]+$/.test(text)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`service_account\` is "${text}", not a service account's email.`, {
      hint: 'Use the email, such as deploy@my-project.iam.gserviceaccount.com.',
    });
  }
  return text;
}

function readHttpsUrl(name: string): string | undefined {
  const text = core.getInput(name);
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // Plain http is for the loopback sandbox only: these endpoints receive the job's tokens.
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${name}\` is "${text}", not an https URL.`, {
      hint: 'Leave it empty for Google’s public endpoints; set it only for another universe or a local emulator (http on 127.0.0.1 only).',
    });
  }
  return text;
}

function readRoleArn(name: string): string | undefined {
  const text = core.getInput(name);
  if (!text) return undefined;
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(text)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${name}\` is "${text}", not an IAM role ARN.`, {
      hint: 'Use arn:aws:iam::ACCOUNT:role/NAME.',
    });
  }
  return text;
}

function readInlinePolicy(text: string): string | undefined {
  if (!text) return undefined;
  try {
    JSON.parse(text);
  } catch {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `inline-session-policy` is not valid JSON.', {
      hint: 'Give an IAM policy document as JSON, for example with a YAML block scalar (`|`).',
    });
  }
  return text;
}

function readBoolean(name: string, fallback: boolean): boolean {
  if (!core.getInput(name)) return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${name}\` must be true or false.`, {
      hint: `Set \`${name}: true\` or \`${name}: false\`.`,
    });
  }
}
