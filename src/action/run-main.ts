import * as core from '@actions/core';
import { runnerTokenRequestFromEnv, type RunnerTokenRequest } from '../oidc/request-token.ts';
import { loadPolicy } from '../policy/load.ts';
import { policySnapshot, recordingPolicySource } from '../policy/sources/snapshot-source.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { authorize, runnerTokens } from './authorize.ts';
import { runMainThroughBroker } from './broker-main.ts';
import { readMainInputs } from './inputs.ts';
import { awsGrantRequest, awsTokens, issueAwsCredentials, refuseLocalOnlyAwsInputs, unsetCurrentAwsCredentials } from './issue-aws.ts';
import { gcpGrantRequest, issueGcpCredentials } from './issue-gcp.ts';
import { openPolicySource } from './policy-source.ts';
import { saveIssuedCredentials } from './state.ts';
import { writeIssuanceSummary, type IssuanceReport } from './summary.ts';

/**
 * The main step: for each cloud asked for, token → verified claims → decision → credentials → masked
 * export. Each cloud gets a token minted for its own audience, and each token faces the policy.
 */
export async function runMain(): Promise<void> {
  const inputs = readMainInputs();
  if (inputs.aws?.unsetCurrentCredentials) unsetCurrentAwsCredentials();
  if (inputs.broker) {
    if (inputs.aws) refuseLocalOnlyAwsInputs(inputs.aws);
    return runMainThroughBroker(inputs.aws, inputs.broker);
  }
  // Read when a cloud needs the runner: a web-identity-token-file needs no id-token permission.
  const runner = (): RunnerTokenRequest => runnerTokenRequestFromEnv(process.env);
  const aws = inputs.aws && { inputs: inputs.aws, tokens: awsTokens(inputs.aws, runner, inputs.issuer) };
  const gcp = inputs.gcp && { inputs: inputs.gcp, tokens: runnerTokens(runner(), inputs.issuer, inputs.gcp.audience) };

  // The policy's location may depend on the job (job-workflow): read it from the first verified token.
  const { claims } = await (aws ?? gcp)!.tokens.get();
  // Every text read is kept for renewing AWS profiles and Google credentials files, which decide later by the same policy.
  const recorded = recordingPolicySource(openPolicySource(inputs.policySource, claims, inputs.githubToken));
  const policy = await loadPolicy(recorded.source, inputs.policyPath);

  // Every cloud's request is decided, and what it may get settled, before any is issued: one denial or
  // ungranted request means no credentials at all.
  const awsAuthorization = aws && (await authorize(policy, aws.tokens, 'AWS', { aws: awsGrantRequest(aws.inputs) }));
  const gcpAuthorization = gcp && (await authorize(policy, gcp.tokens, 'Google Cloud', { gcp: gcpGrantRequest(gcp.inputs) }));

  const issued: IssuedCredential[] = [];
  // State is saved before each export, so the post step never misses something to clean up.
  const remember = (record: IssuedCredential): void => {
    issued.push(record);
    saveIssuedCredentials(issued);
  };
  const reports: IssuanceReport[] = [];
  const renewal = { issuer: inputs.issuer, policy: policySnapshot(inputs.policyPath, recorded.files) };
  if (aws && awsAuthorization) reports.push(await issueAwsCredentials(aws.inputs, { tokens: aws.tokens, authorization: awsAuthorization, remember, renewal }));
  if (gcp && gcpAuthorization) reports.push(await issueGcpCredentials(gcp.inputs, { tokens: gcp.tokens, authorization: gcpAuthorization, remember, renewal }));

  core.setOutput('policy-rule', [...new Set(reports.map((report) => report.rule))].join(','));
  await writeIssuanceSummary(reports);
}
