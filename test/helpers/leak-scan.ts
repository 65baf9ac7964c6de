import type { SimulatedRunner } from '../../src/sandbox/runner/simulated-runner.ts';

export interface SecretSet {
  /** Credentials the action is meant to export through GITHUB_ENV (and, when asked, masked outputs). */
  credentials: string[];
  /** Values that must never leave the step at all: OIDC tokens and the token-request bearer. */
  neverExported: string[];
}

/**
 * Looks through everything the runner kept from every step, and the files left in the workspace and
 * RUNNER_TEMP, for secrets in places they must not be. Returns where each leak is, never the secret.
 */
export async function findLeaks(runner: SimulatedRunner, secrets: SecretSet): Promise<string[]> {
  const leaks: string[] = [];
  const all = [...secrets.credentials, ...secrets.neverExported].filter((s) => s.length >= 8);
  const label = (secret: string): string => `${secret.slice(0, 4)}… (${secret.length} chars)`;
  runner.steps.forEach((step, index) => {
    const where = `step ${index + 1}`;
    const masked = new Set(maskedValues(step.stdout));
    const printed = step.stdout.split(/\r?\n/).filter((line) => !line.startsWith('::add-mask::')).join('\n');
    for (const secret of all) {
      if (printed.includes(secret)) leaks.push(`${where} stdout holds ${label(secret)}`);
      if (step.log.join('\n').includes(secret)) leaks.push(`${where} log shows ${label(secret)} unmasked`);
      if (step.stderr.includes(secret)) leaks.push(`${where} stderr holds ${label(secret)}`);
      if (step.files.state.includes(secret)) leaks.push(`${where} GITHUB_STATE holds ${label(secret)}`);
      if (step.summary.includes(secret)) leaks.push(`${where} step summary holds ${label(secret)}`);
      if (step.files.output.includes(secret) && !masked.has(secret)) leaks.push(`${where} GITHUB_OUTPUT holds ${label(secret)} without masking it`);
    }
    for (const secret of secrets.neverExported) {
      if (step.files.env.includes(secret) || step.files.output.includes(secret)) leaks.push(`${where} exports ${label(secret)}`);
    }
  });
  for (const file of await runner.leftoverFiles()) {
    for (const secret of all) if (file.content.includes(secret)) leaks.push(`${file.path} holds ${label(secret)}`);
  }
  return leaks;
}

function maskedValues(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
}
