import * as core from '@actions/core';
import { parseBrokerUrl } from '../broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { isLoopbackHost, parseIssuerUrl } from '../oidc/issuer-url.ts';
import { GCP_TOKEN_SECONDS, parseDuration, STS_SESSION_SECONDS } from '../policy/duration.ts';
import { defaultSessionName, validateSessionName } from '../providers/aws/session-name.ts';
import { GOOGLE_ENDPOINTS, type GcpEndpoints } from '../providers/gcp/exchange.ts';
import { parsePolicySourceSetting, type PolicySourceSetting } from './policy-source.ts';

/** The main step's inputs, parsed and checked. Names mirror action.yml. */
export interface MainInputs {
  policyPath: string;
  policySource: PolicySourceSetting;
  githubToken: string;
  issuer: string;
  /** Set when the step asks for AWS credentials (aws-region or role-to-assume given). */
  aws: AwsInputs | undefined;
  /** Set when the step asks for Google credentials (gcp-workload-identity-provider given). */
  gcp: GcpInputs | undefined;
  /** Set with `broker-url`: the broker decides and mints, and the step reads no policy. */
  broker: BrokerInputs | undefined;
}

export interface BrokerInputs {
  url: string;
  /** The audience of the job's token for the broker; by default its URL. */
  audience: string;
  /** Google credentials asked of the broker (gcp-service-account given): it impersonates, so no provider is involved. */
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
}

export interface GcpInputs {
  workloadIdentityProvider: string;
  /** The OIDC token's audience; by default the provider's full resource name, as Google expects. */
  audience: string;
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  projectId: string | undefined;
  createCredentialsFile: boolean;
  endpoints: GcpEndpoints;
}

const WORKLOAD_IDENTITY_PROVIDER = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;

export function readMainInputs(env: NodeJS.ProcessEnv = process.env): MainInputs {
  const issuer = core.getInput('issuer') || 'https://token.actions.githubusercontent.com';
  parseIssuerUrl(issuer);
  const aws = readAwsInputs(env);
  const broker = readBrokerInputs();
  const gcp = broker ? undefined : readGcpInputs();
  if (!aws && !gcp && !broker?.gcp) {
    throw new BrokerError(ErrorCode.InputInvalid, 'No cloud was requested: give `aws-region` for AWS, `gcp-workload-identity-provider` for Google Cloud, or both.', {
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

function readBrokerInputs(): BrokerInputs | undefined {
  const url = core.getInput('broker-url');
  if (!url) {
    if (core.getInput('broker-audience')) throw new BrokerError(ErrorCode.InputInvalid, 'The input `broker-audience` needs `broker-url`.', { hint: 'Set broker-url to the broker service’s URL, or leave broker-audience out.' });
    return undefined;
  }
  const baseUrl = parseBrokerUrl(url, 'The input `broker-url`');
  // The broker impersonates service accounts itself: the job's token never reaches Google, so no provider is named.
  const provider = ['gcp-workload-identity-provider', 'gcp-audience', 'gcp-token-url', 'gcp-iam-credentials-url'].find((name) => core.getInput(name));
  if (provider) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${provider}\` is not used with \`broker-url\`: the broker mints Google tokens by impersonating the service account.`, {
      hint: 'Give gcp-service-account alone; the broker’s own service account holds roles/iam.serviceAccountTokenCreator on it.',
    });
  }
  const serviceAccount = readServiceAccount(core.getInput('gcp-service-account'));
  return {
    url: baseUrl,
    audience: core.getInput('broker-audience') || baseUrl,
    gcp: serviceAccount === undefined ? undefined : { serviceAccount, lifetimeSeconds: readLifetime(core.getInput('gcp-access-token-lifetime')), projectId: core.getInput('gcp-project-id') || undefined },
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
  };
}

function readGcpInputs(): GcpInputs | undefined {
  const provider = core.getInput('gcp-workload-identity-provider');
  if (!provider) {
    const stray = ['gcp-service-account', 'gcp-project-id', 'gcp-audience'].find((name) => core.getInput(name));
    if (stray) {
      throw new BrokerError(ErrorCode.InputInvalid, `The input \`${stray}\` needs \`gcp-workload-identity-provider\`.`, {
        hint: 'Set gcp-workload-identity-provider to projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.',
      });
    }
    return undefined;
  }
  if (!WORKLOAD_IDENTITY_PROVIDER.test(provider)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`gcp-workload-identity-provider\` is "${provider}", not a provider's full resource name.`, {
      hint: 'Use projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER (the project number, not its id), as `gcloud iam workload-identity-pools providers describe` prints it.',
    });
  }
  return {
    workloadIdentityProvider: provider,
    audience: core.getInput('gcp-audience') || `//iam.googleapis.com/${provider}`,
    serviceAccount: readServiceAccount(core.getInput('gcp-service-account')),
    lifetimeSeconds: readLifetime(core.getInput('gcp-access-token-lifetime')),
    projectId: core.getInput('gcp-project-id') || undefined,
    createCredentialsFile: readBoolean('gcp-create-credentials-file', true),
    endpoints: {
      tokenUrl: readHttpsUrl('gcp-token-url') ?? GOOGLE_ENDPOINTS.tokenUrl,
      iamCredentialsUrl: readHttpsUrl('gcp-iam-credentials-url') ?? GOOGLE_ENDPOINTS.iamCredentialsUrl,
    },
  };
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
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`gcp-access-token-lifetime\` is "${text}", not a duration from 1s to 1h.`, {
      hint: 'Write seconds (600) or hours, minutes and seconds (10m, 1h). Google caps service-account tokens at 1 hour.',
    });
  }
  return seconds;
}

function readServiceAccount(text: string): string | undefined {
  if (!text) return undefined;
  if (!/^[^@\s/]+@[a-z0-9.-]+$/.test(text)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`gcp-service-account\` is "${text}", not a service account's email.`, {
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
