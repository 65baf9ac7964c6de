import { randomBytes } from 'node:crypto';
import { authorizeToken, type AwsGrantRequest, type GcpGrantRequest } from '../../core/authorize.ts';
import { issueAws, issueGcp } from '../../core/issue.ts';
import { webIdentityMinter } from '../../core/web-identity-minter.ts';
import { awsSessionOf, brokerClient, BrokerRefusal, explainDecisionJson, gcpSessionOf, parseBrokerUrl } from '../../broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { CI_SYSTEMS } from '../../oidc/ci-systems.ts';
import { GCP_TOKEN_SECONDS, parseDuration, STS_SESSION_SECONDS } from '../../policy/duration.ts';
import type { AwsSession } from '../../providers/aws/exchange.ts';
import { awsEnvironment, awsSecretValues } from '../../providers/aws/export.ts';
import { sessionNameForToken } from '../../providers/aws/session-name.ts';
import { GOOGLE_ENDPOINTS, type GcpSession } from '../../providers/gcp/exchange.ts';
import { gcpEnvironment, gcpSecretValues } from '../../providers/gcp/export.ts';
import { Exit, flagOf, runCommand, writeJson, type ExitCode } from '../cli-output.ts';
import { readCiToken, type CiTokenOptions } from './ci-token.ts';
import { loadPolicyArgument } from './policy-file.ts';

export interface ExchangeRequest extends CiTokenOptions {
  /** Ask this broker instead of the clouds: it decides, mints and records; no policy is read here. */
  broker?: string | undefined;
  /** The audience of the token sent to the broker; by default its URL. */
  brokerAudience?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  policy?: string | undefined;
  root?: string | undefined;
  awsRole?: string | undefined;
  awsRegion?: string | undefined;
  awsDuration?: string | undefined;
  gcpProvider?: string | undefined;
  gcpServiceAccount?: string | undefined;
  gcpLifetime?: string | undefined;
  gcpProject?: string | undefined;
  gcpTokenUrl?: string | undefined;
  gcpIamCredentialsUrl?: string | undefined;
}

export interface ExchangeResult {
  rule: string;
  aws: AwsSession | undefined;
  gcp: GcpSession | undefined;
}

export type ExchangeFormat = 'dotenv' | 'json' | 'github-env';

/**
 * `exchange`: the action's pipeline for any CI system. The token is verified, its claims face the
 * policy (a denial explains itself on stderr, as the action's log does), and the grant is exchanged
 * for AWS and/or Google credentials, printed on stdout only. Exit 0 issued, 1 refused, 2 usage.
 */
export function exchange(options: ExchangeRequest & { format: ExchangeFormat }): Promise<ExitCode> {
  return runCommand(options.format === 'json' ? 'json' : 'text', exitCodeFor, async () => {
    const result = await exchangeCredentials(options);
    maskInGitHubActions(secretsOf(result));
    process.stdout.write(render(result, options));
    return Exit.Ok;
  });
}

export function exitCodeFor(error: BrokerError): ExitCode {
  return error.code === ErrorCode.InputInvalid ? Exit.Usage : Exit.Refused;
}

/** Token → verified claims → decision → credentials; shared by `exchange` and `aws-credential-process`. */
export async function exchangeCredentials(request: ExchangeRequest): Promise<ExchangeResult> {
  if (request.broker) return exchangeThroughBroker(request, request.broker);
  const wantsAws = Boolean(request.awsRole || request.awsRegion);
  if (!wantsAws && !request.gcpProvider) {
    throw usage('Ask for a cloud: --aws-role (with --aws-region) for AWS, --gcp-provider for Google Cloud, or both.', 'For example --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1.');
  }
  if (!request.policy) throw usage('Give the policy that decides with --policy.', 'The same policy file the action reads; it names the roles and service accounts each job may get.');
  const issuer = request.issuer ?? (request.preset ? CI_SYSTEMS[request.preset].defaultIssuer : undefined);
  if (!issuer) throw usage('Give the issuer with --issuer.', request.preset === 'circleci' ? 'CircleCI’s issuer names your organisation: https://oidc.circleci.com/org/ORG_ID.' : 'Use the issuer URL exactly as it appears in the tokens’ iss claim.');
  const audience = request.audience ?? (wantsAws ? 'sts.amazonaws.com' : `//iam.googleapis.com/${request.gcpProvider}`);
  const wanted = { aws: wantsAws ? awsRequest(request) : undefined, gcp: request.gcpProvider ? gcpRequest(request) : undefined };

  const token = await readCiToken(request, audience);
  maskInGitHubActions([token]);
  const policy = await loadPolicyArgument(request.policy, request.root);
  const authorization = await authorizeToken(token, { issuer, audience, policy, wanted });
  if (!authorization.allowed) {
    // The same explanation the action logs; claims are not secrets, the token never appears.
    process.stderr.write(`${authorization.explanation.join('\n')}\n`);
    throw authorization.error;
  }
  const { rule, claims, grants } = authorization;
  const minter = webIdentityMinter({
    getToken: async () => token,
    region: request.awsRegion,
    gcpEndpoints: { tokenUrl: request.gcpTokenUrl ?? GOOGLE_ENDPOINTS.tokenUrl, iamCredentialsUrl: request.gcpIamCredentialsUrl ?? GOOGLE_ENDPOINTS.iamCredentialsUrl },
  });
  if (grants.aws?.capped) notice(`the AWS session lasts ${grants.aws.durationSeconds} s, not the ${grants.aws.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-duration).`);
  // Readable in CloudTrail, and unique per job: the CI system's own project, run and job identifiers.
  const aws = grants.aws && (await issueAws(grants.aws, claims, sessionNameForToken(claims, request.preset), minter));
  if (grants.gcp?.capped) notice(`the Google access token lives ${grants.gcp.lifetimeSeconds} s, not the ${grants.gcp.requestedSeconds} s asked for: rule "${rule.name}" grants at most that (max-lifetime).`);
  const gcp = grants.gcp && (await issueGcp(grants.gcp, claims, minter));
  return { rule: rule.name, aws, gcp };
}

/** The same request put to the broker, which verifies, decides and mints; its denial explains itself as the local one does. */
async function exchangeThroughBroker(request: ExchangeRequest, brokerUrl: string): Promise<ExchangeResult> {
  const baseUrl = parseBrokerUrl(brokerUrl, '--broker');
  const stray = (['policy', 'root', 'issuer', 'audience', 'gcpProvider', 'gcpTokenUrl', 'gcpIamCredentialsUrl'] as const).find((option) => request[option] !== undefined);
  if (stray) throw usage(`${flagOf(stray)} is not used with --broker: the broker verifies with its own issuers, decides by its own policy, and mints Google tokens by impersonation.`, 'Leave it out; --broker-audience sets the audience of the token sent to the broker.');
  const wantsAws = Boolean(request.awsRole || request.awsRegion);
  const wantsGcp = Boolean(request.gcpServiceAccount);
  if (!wantsAws && !wantsGcp) {
    throw usage('Ask the broker for a cloud: --aws-role (with --aws-region) for AWS, --gcp-service-account for Google Cloud, or both.', 'For example --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1.');
  }
  // The broker's own default duration applies unless one is asked for.
  const aws = wantsAws ? awsRequest(request) : undefined;
  const gcp = wantsGcp ? gcpRequest(request) : undefined;
  const body = {
    ...(aws && { aws: { ...(aws.role && { role: aws.role }), ...(request.awsDuration !== undefined && { durationSeconds: aws.durationSeconds }) } }),
    ...(gcp && { gcp: { ...(gcp.serviceAccount && { serviceAccount: gcp.serviceAccount }), lifetimeSeconds: gcp.lifetimeSeconds } }),
  };
  const token = await readCiToken(request, request.brokerAudience ?? baseUrl);
  maskInGitHubActions([token]);
  const answer = await brokerClient(baseUrl)
    .exchange(token, body)
    .catch((error: unknown) => {
      if (error instanceof BrokerRefusal && error.decision) process.stderr.write(`${explainDecisionJson(error.decision).join('\n')}\n`);
      throw error;
    });
  if (answer.aws?.capped) notice(`the AWS session lasts ${answer.aws.durationSeconds} s: rule "${answer.rule}" grants at most that (max-duration).`);
  if (answer.gcp?.capped) notice(`the Google access token lives ${answer.gcp.lifetimeSeconds} s: rule "${answer.rule}" grants at most that (max-lifetime).`);
  return { rule: answer.rule, aws: answer.aws && awsSessionOf(answer.aws, aws!.region), gcp: answer.gcp && gcpSessionOf(answer.gcp) };
}

// The flags are checked before any token is read, so a mistyped one costs no token.
function awsRequest(request: ExchangeRequest): AwsGrantRequest & { region: string } {
  if (!request.awsRegion) throw usage('--aws-region is required for AWS.', 'For example --aws-region us-east-1.');
  const durationSeconds = request.awsDuration === undefined ? STS_SESSION_SECONDS.default : parseDuration(request.awsDuration);
  if (durationSeconds === undefined || durationSeconds < STS_SESSION_SECONDS.min || durationSeconds > STS_SESSION_SECONDS.max) throw usage(`--aws-duration is "${request.awsDuration}", not from 15m to 12h.`, 'Write seconds (900) or a duration (15m, 1h).');
  return { role: request.awsRole, durationSeconds, region: request.awsRegion };
}

function gcpRequest(request: ExchangeRequest): GcpGrantRequest {
  const lifetimeSeconds = request.gcpLifetime === undefined ? GCP_TOKEN_SECONDS.default : parseDuration(request.gcpLifetime);
  if (lifetimeSeconds === undefined || lifetimeSeconds < GCP_TOKEN_SECONDS.min || lifetimeSeconds > GCP_TOKEN_SECONDS.max) throw usage(`--gcp-lifetime is "${request.gcpLifetime}", not from 1s to 1h.`, 'Write seconds (600) or a duration (10m).');
  return { provider: request.gcpProvider, serviceAccount: request.gcpServiceAccount, lifetimeSeconds };
}

/** The variables the clouds' CLIs and SDKs read. Google's client libraries take no bare token, so gcloud's and Terraform's. */
function environmentOf(result: ExchangeResult, request: ExchangeRequest): Record<string, string> {
  return {
    ...(result.aws && awsEnvironment(result.aws)),
    ...(result.gcp && { CLOUDSDK_AUTH_ACCESS_TOKEN: result.gcp.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: result.gcp.accessToken, ...gcpEnvironment(undefined, request.gcpProject) }),
  };
}

function render(result: ExchangeResult, request: ExchangeRequest & { format: ExchangeFormat }): string {
  const environment = environmentOf(result, request);
  switch (request.format) {
    case 'json':
      return `${JSON.stringify(
        {
          rule: result.rule,
          ...(result.aws && { aws: { accessKeyId: result.aws.accessKeyId, secretAccessKey: result.aws.secretAccessKey, sessionToken: result.aws.sessionToken, expiration: result.aws.expiration.toISOString(), assumedRoleId: result.aws.assumedRoleId, region: result.aws.region } }),
          ...(result.gcp && { gcp: { accessToken: result.gcp.accessToken, expiration: result.gcp.expiration.toISOString(), serviceAccount: result.gcp.serviceAccount ?? null } }),
          environment,
        },
        null,
        2,
      )}\n`;
    case 'dotenv':
      // Single-quoted for `source` and for dotenv parsers alike.
      return Object.entries(environment)
        .map(([name, value]) => `export ${name}='${value.replaceAll("'", "'\\''")}'\n`)
        .join('');
    case 'github-env': {
      // The runner's multi-line syntax, with a delimiter no value can contain.
      const delimiter = `ci_oidc_broker_${randomBytes(12).toString('hex')}`;
      return Object.entries(environment)
        .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
        .join('');
    }
  }
}

// As the action's notice does: a credential shorter than asked for should not come as a surprise later.
function notice(text: string): void {
  process.stderr.write(`notice: ${text}\n`);
}

/**
 * Inside GitHub Actions, registers secrets with the runner's masker before anything could print them, as
 * the action does. On stderr, which the runner reads for workflow commands too: stdout may be going
 * to $GITHUB_ENV.
 */
export function maskInGitHubActions(secrets: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  if (env.GITHUB_ACTIONS !== 'true') return;
  for (const secret of secrets) process.stderr.write(`::add-mask::${secret}\n`);
}

/** Every secret of the credentials, the account id included, as the action masks them by default. */
export function secretsOf(result: ExchangeResult): string[] {
  return [...(result.aws ? awsSecretValues(result.aws, { maskAccountId: true }) : []), ...(result.gcp ? gcpSecretValues(result.gcp) : [])];
}

/** Prints the `credential_process` JSON contract (Version 1) for AWS CLIs and SDKs. */
export function writeCredentialProcess(session: AwsSession): void {
  writeJson({ Version: 1, AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiration.toISOString() });
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
