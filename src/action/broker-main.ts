import * as core from '@actions/core';
import { awsSessionOf, brokerClient, brokerSessionName, BrokerRefusal, explainDecisionJson, gcpSessionOf, type ExchangeBody, type ExchangeResponse } from '../broker-client/broker-client.ts';
import { runnerTokenRequestFromEnv } from '../oidc/request-token.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn } from '../providers/aws/export.ts';
import { gcpEnvironment, gcpOutputs, gcpSecretValues } from '../providers/gcp/export.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import type { AwsInputs, BrokerInputs } from './inputs.ts';
import { requestMaskedToken } from './runner-token.ts';
import { saveBrokerState, saveIssuedCredentials } from './state.ts';
import { writeDenialSummary, writeIssuanceSummary, type IssuanceReport } from './summary.ts';

/**
 * The main step in broker mode: one runner token for the broker's audience, one exchange, then the
 * same masking, state and exports as when the step mints itself. The broker verifies, decides and
 * records; no policy is read here, and nothing the job's own token could do reaches a cloud.
 */
export async function runMainThroughBroker(aws: AwsInputs | undefined, broker: BrokerInputs): Promise<void> {
  const token = await requestMaskedToken(runnerTokenRequestFromEnv(process.env), broker.audience);
  saveBrokerState({ url: broker.url, audience: broker.audience });
  const body: ExchangeBody = {
    ...(aws && {
      aws: {
        ...(aws.roleToAssume && { role: aws.roleToAssume }),
        durationSeconds: aws.roleDurationSeconds,
        ...(aws.inlineSessionPolicy && { sessionPolicy: aws.inlineSessionPolicy }),
        ...(aws.managedSessionPolicies.length > 0 && { managedSessionPolicyArns: aws.managedSessionPolicies }),
      },
    }),
    ...(broker.gcp && { gcp: { serviceAccount: broker.gcp.serviceAccount, lifetimeSeconds: broker.gcp.lifetimeSeconds } }),
  };
  const answer = await brokerClient(broker.url)
    .exchange(token, body)
    .catch(async (error: unknown) => {
      if (error instanceof BrokerRefusal && error.decision) await explainDenial(explainDecisionJson(error.decision));
      throw error;
    });
  core.info(`The broker at ${broker.url} allowed the exchange by rule "${answer.rule}" (exchange ${answer.exchangeId}).`);

  const issued: IssuedCredential[] = [];
  const reports: IssuanceReport[] = [];
  const report = (cloud: string, identity: string, expiresAt: string): void => void reports.push({ cloud, rule: answer.rule, checkedClaims: answer.checkedClaims, identity, expiresAt });
  if (aws && answer.aws) report('AWS', exportAws(aws, answer.aws, broker, issued), answer.aws.expiration);
  if (broker.gcp && answer.gcp) report('Google Cloud', exportGcp(broker.gcp.projectId, answer.gcp, issued), answer.gcp.expiration);
  core.setOutput('policy-rule', answer.rule);
  await writeIssuanceSummary(reports);
}

async function explainDenial(lines: string[]): Promise<void> {
  core.startGroup('policy (decided by the broker): denied');
  for (const line of lines) core.info(line);
  core.endGroup();
  await writeDenialSummary('broker', lines);
}

// Mask, record, export: in that order, as when the step mints itself.
function exportAws(inputs: AwsInputs, answer: NonNullable<ExchangeResponse['aws']>, broker: BrokerInputs, issued: IssuedCredential[]): string {
  const session = awsSessionOf(answer, inputs.region);
  for (const secret of awsSecretValues(session, { maskAccountId: inputs.maskAccountId })) core.setSecret(secret);
  if (answer.capped) core.notice(`role-duration-seconds lowered to ${answer.durationSeconds}, the most that the broker's rule grants.`);
  const environment = awsEnvironment(session);
  issued.push(awsCredentialRecord(session, Object.keys(environment), { audience: broker.audience, revokerRoleArn: undefined }));
  saveIssuedCredentials(issued);
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(awsOutputs(session, { includeCredentials: inputs.outputCredentials }))) core.setOutput(name, value);
  core.info(`AWS: the broker assumed ${answer.roleArn} as session "${answer.sessionName}" until ${answer.expiration}; exported ${Object.keys(environment).join(', ')}.`);
  return `${displayArn(answer.roleArn, { maskAccountId: inputs.maskAccountId })}, session ${answer.sessionName}`;
}

/**
 * Google's libraries cannot refresh a token the broker minted, so no credentials file is written: the
 * token goes to gcloud's and Terraform's variables, and to the access_token output.
 */
function exportGcp(projectId: string | undefined, answer: NonNullable<ExchangeResponse['gcp']>, issued: IssuedCredential[]): string {
  const session = gcpSessionOf(answer);
  for (const secret of gcpSecretValues(session)) core.setSecret(secret);
  if (answer.capped) core.notice(`access_token_lifetime lowered to ${answer.lifetimeSeconds}s, the most that the broker's rule grants.`);
  const environment = { CLOUDSDK_AUTH_ACCESS_TOKEN: answer.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: answer.accessToken, ...gcpEnvironment(undefined, projectId) };
  issued.push({ provider: 'gcp', identity: brokerSessionName(answer.sessionId), workloadIdentityProvider: '', serviceAccount: answer.serviceAccount, expiresAt: answer.expiration, exportedVariables: Object.keys(environment), files: [] });
  saveIssuedCredentials(issued);
  for (const [name, value] of Object.entries(environment)) core.exportVariable(name, value);
  for (const [name, value] of Object.entries(gcpOutputs(session))) core.setOutput(name, value);
  core.info(`Google Cloud: the broker obtained an access token for ${answer.serviceAccount} until ${answer.expiration}; exported ${Object.keys(environment).join(', ')}.`);
  return answer.serviceAccount;
}
