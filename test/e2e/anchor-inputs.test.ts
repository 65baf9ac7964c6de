// The bundled action given inputs of configure-aws-credentials and google-github-actions/auth that it
// does not have, as a workflow being migrated would give them: the step fails before it asks the
// runner for a token, naming the input and the way to the same result; a value that asks for what
// happens anyway passes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';
import { expectNoLeaksAndDispose } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy, SANDBOX_GCP_GRANT } from '../helpers/policy-runner.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';

let sandbox: Sandbox;
let runner: SimulatedRunner;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => expectNoLeaksAndDispose(runner, sandbox.secretsIssued()));

async function newRunner(): Promise<SimulatedRunner> {
  const policy = policyWithOneRule(sandbox.issuer.url, {
    match: '{repository_owner_id: "1342004", ref: refs/heads/main}',
    grant: { aws: `{roles: [${DEPLOY_ROLE}]}`, gcp: SANDBOX_GCP_GRANT },
  });
  runner = await runnerWithPolicy(sandbox.runnerEnv(), policy);
  return runner;
}

function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

describe('inputs of the actions this one replaces', () => {
  it('refuses `role-chaining: true` before any token is requested, pointing at chain-to-role', async () => {
    await newRunner();
    const served = sandbox.issuer.servedToRunner.length;
    const main = await runner.runMain(MAIN, { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, 'role-chaining': 'true' });
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('INPUT_INVALID: The input `role-chaining` (of aws-actions/configure-aws-credentials) is not supported');
    expect(errorText(main)).toContain('`chain-to-role`');
    expect(sandbox.issuer.servedToRunner.length).toBe(served);
    expect(runner.jobEnv.has('AWS_ACCESS_KEY_ID')).toBe(false);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('refuses a service account key without echoing it', async () => {
    await newRunner();
    const key = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"}';
    const main = await runner.runMain(MAIN, { issuer: sandbox.issuer.url, ...sandbox.gcpInputs(), credentials_json: key });
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('`credentials_json`');
    expect(errorText(main)).toContain('workload_identity_provider');
    expect(main.stdout + main.stderr).not.toContain('MIIEvAIBADANBgkqhkiG9w0BAQEFAASC');
  });

  it('passes values that ask for what happens here anyway', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, 'role-chaining': 'false', 'disable-retry': 'false' });
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });
});
