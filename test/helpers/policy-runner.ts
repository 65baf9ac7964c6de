// A job's runner with a policy in its workspace, and the one-rule policies the end-to-end tests give it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT } from '../../src/sandbox/index.ts';
import { SimulatedRunner, type RunnerOptions } from '../../src/sandbox/runner/simulated-runner.ts';

/** The sandbox's job (octo-org/app, by its owner's id and its own) on main. */
const MAIN_OF_SANDBOX_REPO = '{repository_owner_id: "1342004", repository_id: "8429", ref: refs/heads/main}';

/** The sandbox's Google account through its provider, and nothing more. */
export const SANDBOX_GCP_GRANT = `{workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}]}`;

export interface OneRule {
  /** Each cloud's grant as a YAML flow mapping, as a policy author writes it. */
  grant: { aws?: string; gcp?: string };
  name?: string;
  /** A YAML flow mapping; the sandbox's job on main unless given. */
  match?: string;
}

/** A policy trusting `issuer` with one rule, "deploy-from-main" unless named otherwise. */
export function policyWithOneRule(issuer: string, rule: OneRule): string {
  const grants = Object.entries(rule.grant).map(([cloud, grant]) => `      ${cloud}: ${grant}\n`);
  return `version: 1
issuers: ["${issuer}"]
rules:
  - name: ${rule.name ?? 'deploy-from-main'}
    match: ${rule.match ?? MAIN_OF_SANDBOX_REPO}
    grant:
${grants.join('')}`;
}

/**
 * A fresh job's runner with `policy` where the action looks when no `policy` input is set. A variable
 * that `env` sets to undefined is left out, as from a job without it (no id-token permission, say).
 */
export async function runnerWithPolicy(env: Record<string, string | undefined>, policy: string, options: Omit<RunnerOptions, 'env'> = {}): Promise<SimulatedRunner> {
  const defined = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const runner = await SimulatedRunner.create({ ...options, env: defined });
  await mkdir(join(runner.workspace, '.github'));
  await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), policy);
  return runner;
}
