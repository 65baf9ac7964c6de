import * as core from '@actions/core';
import { runnerTokenRequestFromEnv } from '../oidc/request-token.ts';
import { loadPolicy } from '../policy/load.ts';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { authorize, runnerTokens } from './authorize.ts';
import { runMainThroughBroker } from './broker-main.ts';
import { readMainInputs } from './inputs.ts';
import { awsGrantRequest, issueAwsCredentials } from './issue-aws.ts';
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
  if (inputs.broker) return runMainThroughBroker(inputs.aws, inputs.broker);
  const runner = runnerTokenRequestFromEnv(process.env);
  const aws = inputs.aws && { inputs: inputs.aws, tokens: runnerTokens(runner, inputs.issuer, inputs.aws.audience) };
  const gcp = inputs.gcp && { inputs: inputs.gcp, tokens: runnerTokens(runner, inputs.issuer, inputs.gcp.audience) };

  // The policy's location may depend on the job (job-workflow): read it from the first verified token.
  const { claims } = await (aws ?? gcp)!.tokens.get();
  const policy = await loadPolicy(openPolicySource(inputs.policySource, claims, inputs.githubToken), inputs.policyPath);

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
  if (aws && awsAuthorization) reports.push(await issueAwsCredentials(aws.inputs, aws.tokens, awsAuthorization, remember));
  if (gcp && gcpAuthorization) reports.push(await issueGcpCredentials(gcp.inputs, gcp.tokens, gcpAuthorization, remember));

  core.setOutput('policy-rule', [...new Set(reports.map((report) => report.rule))].join(','));
  await writeIssuanceSummary(reports);
}
