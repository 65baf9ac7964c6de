import type { IAMClient } from '@aws-sdk/client-iam';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { applyDenial, iamClient, roleNameOf } from '../../providers/aws/apply-denial.ts';
import { assumeRoleWithWebIdentity } from '../../providers/aws/exchange.ts';
import { denyOneSession, denySessionsIssuedBefore, type SessionDenial } from '../../providers/aws/session-denial.ts';
import { Exit, flagOf, reportError, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readCiToken, type CiTokenOptions } from './ci-token.ts';

export interface RevokeOptions extends CiTokenOptions {
  role?: string | undefined;
  broker?: string | undefined;
  brokerAudience?: string | undefined;
  selector?: string[] | undefined;
  session?: string | undefined;
  expiresAt?: string | undefined;
  issuedBefore?: string | undefined;
  region: string;
  revokerRole?: string | undefined;
  audience?: string | undefined;
  format: Format;
}

/**
 * `revoke`: deny one session of a role, or every session issued before a time. With the caller's own
 * AWS credentials (incident response), or through a revoker role assumed with a CI job's OIDC token.
 * Exit 0 denied, 1 refused by AWS, 2 usage.
 */
export async function revoke(options: RevokeOptions): Promise<ExitCode> {
  if (options.broker) {
    const stray = (['role', 'session', 'expiresAt', 'issuedBefore', 'revokerRole'] as const).find((name) => options[name] !== undefined);
    if (stray || !options.selector) {
      return reportError(usage(stray ? `--broker revokes by --selector; ${flagOf(stray)} is for a role's own denials.` : 'revoke --broker needs --selector.', 'For example --selector repository-id=8429, or --selector rule=deploy,issued-before=2026-11-23T10:00:00Z.'), options.format, Exit.Usage);
    }
    const { revokeThroughBroker } = await import('./broker-operator.ts');
    return revokeThroughBroker({ ...options, broker: options.broker, selector: options.selector });
  }
  return runCommand(options.format, (error) => (error.code === ErrorCode.InputInvalid ? Exit.Usage : Exit.Refused), async () => {
    if (options.selector) throw usage('--selector needs --broker: only a broker knows which sessions it issued.', 'Add --broker URL, or deny on a role with --role and --session or --issued-before.');
    if (!options.role) throw usage('revoke needs --role (or --broker with --selector).', 'Deny on a role: --role arn:aws:iam::ACCOUNT:role/NAME; or through a broker: --broker URL --selector repository-id=ID.');
    const role = options.role;
    const roleName = roleNameOf(role);
    if (!roleName) throw usage(`--role is "${role}", not an IAM role ARN.`, 'Use arn:aws:iam::ACCOUNT:role/NAME.');
    if (Boolean(options.session) === Boolean(options.issuedBefore)) {
      throw usage('revoke needs exactly one of --session and --issued-before.', 'Deny one session (--session AROA…:name --expires-at TIME) or every session issued before a time (--issued-before TIME).');
    }
    let deny: (maxSessionDurationSeconds: number) => SessionDenial;
    if (options.session) {
      const session = options.session;
      if (!/^AROA[A-Z0-9]+:[\w+=,.@-]{2,64}$/.test(session)) throw usage(`--session is "${session}", not a session's aws:userid.`, 'Give the AssumedRoleId, AROA…:session-name, as STS returned it (the post step and CloudTrail show it).');
      const expiresAt = time(options.expiresAt ?? '', '--expires-at');
      deny = () => denyOneSession(session, expiresAt);
    } else {
      const cutoff = time(options.issuedBefore!, '--issued-before');
      deny = (maxSessionDurationSeconds) => denySessionsIssuedBefore(cutoff, maxSessionDurationSeconds);
    }
    const now = new Date();
    const iam = await iamClient(options.region, options.revokerRole ? await revokerCredentials(options) : undefined);
    try {
      if (!options.revokerRole) await requireOwnCredentials(iam);
      const { denial, pruned, boundaryArn } = await applyDenial(iam, roleName, deny, now);
      const result = { role, policyName: denial.policyName, pruned, permissionsBoundary: boundaryArn ?? null, obsoleteAt: denial.obsoleteAt.toISOString() };
      if (options.format === 'json') writeJson(result);
      else {
        process.stdout.write(`denied: ${options.session ? `session ${options.session}` : `every session issued before ${options.issuedBefore}`} on ${role} (inline policy ${denial.policyName}, pruned after ${result.obsoleteAt})\n`);
        if (pruned.length > 0) process.stdout.write(`pruned ${pruned.length} expired denial(s)\n`);
        if (!boundaryArn) process.stderr.write(`warning: ${role} has no permissions boundary; whoever may write these denials could also widen the role.\n`);
      }
      return Exit.Ok;
    } finally {
      iam.destroy();
    }
  });
}

async function revokerCredentials(options: RevokeOptions): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> {
  const token = await readCiToken(options, options.audience ?? 'sts.amazonaws.com');
  return assumeRoleWithWebIdentity({
    roleArn: options.revokerRole!,
    sessionName: `ci-oidc-broker-revoke-${Date.now()}`,
    durationSeconds: 900,
    region: options.region,
    subject: 'the given token',
    getToken: async () => token,
  });
}

// Found before IAM is called, so that their absence is not mistaken for a network failure.
async function requireOwnCredentials(iam: IAMClient): Promise<void> {
  try {
    await iam.config.credentials();
  } catch (error) {
    if ((error as Error).name !== 'CredentialsProviderError') throw error;
    throw new BrokerError(ErrorCode.InputInvalid, 'No AWS credentials were found to write the denial with.', {
      hint:
        'The AWS SDK looks, in this order, at AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN); the profile AWS_PROFILE names (else "default") in ~/.aws/credentials and ~/.aws/config, SSO and credential_process included; AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN; then the container and EC2 instance metadata. Provide one of them, or pass --revoker-role ARN with a CI job’s token.',
      cause: error,
    });
  }
}

function time(text: string, option: string): Date {
  const parsed = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(parsed)) throw usage(`${option} is "${text}", not an ISO 8601 time.`, `Write ${option} like 2026-11-23T10:00:00Z.`);
  return new Date(parsed);
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
