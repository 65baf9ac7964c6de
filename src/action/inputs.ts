import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { parseIssuerUrl } from '../oidc/issuer-url.ts';
import { defaultSessionName, validateSessionName } from '../providers/aws/session-name.ts';
import { parsePolicySourceSetting, type PolicySourceSetting } from './policy-source.ts';

/** The main step's inputs, parsed and checked. Names mirror action.yml. */
export interface MainInputs {
  policyPath: string;
  policySource: PolicySourceSetting;
  githubToken: string;
  issuer: string;
  audience: string;
  awsRegion: string;
  roleToAssume: string | undefined;
  roleSessionName: string;
  roleDurationSeconds: number;
  inlineSessionPolicy: string | undefined;
  managedSessionPolicies: string[];
  outputCredentials: boolean;
  maskAwsAccountId: boolean;
}

// STS accepts 900 s up to 12 h; the role's MaxSessionDuration and the policy may lower the top.
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43_200;

export function readMainInputs(env: NodeJS.ProcessEnv = process.env): MainInputs {
  const issuer = core.getInput('issuer') || 'https://token.actions.githubusercontent.com';
  parseIssuerUrl(issuer);
  const awsRegion = core.getInput('aws-region');
  if (!awsRegion) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The input `aws-region` is required.', {
      hint: 'Add `aws-region: <region>` (for example us-east-1) to the step’s `with:` block.',
    });
  }
  const requestedName = core.getInput('role-session-name');
  if (requestedName) validateSessionName(requestedName);
  return {
    policyPath: core.getInput('policy') || '.github/ci-oidc-broker.yml',
    policySource: parsePolicySourceSetting(core.getInput('policy-source')),
    githubToken: core.getInput('github-token'),
    issuer,
    audience: core.getInput('audience') || 'sts.amazonaws.com',
    awsRegion,
    roleToAssume: core.getInput('role-to-assume') || undefined,
    roleSessionName: requestedName || sessionNameForJob(env),
    roleDurationSeconds: readDuration(core.getInput('role-duration-seconds')),
    inlineSessionPolicy: readInlinePolicy(core.getInput('inline-session-policy')),
    managedSessionPolicies: core.getMultilineInput('managed-session-policies'),
    outputCredentials: readBoolean('output-credentials', false),
    maskAwsAccountId: readBoolean('mask-aws-account-id', true),
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
  if (!text) return MIN_DURATION_SECONDS;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`role-duration-seconds\` is "${text}", not a whole number from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}.`, {
      hint: 'Use a number of seconds, such as 900 (the default and STS minimum) or 3600.',
    });
  }
  return seconds;
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
