import { expect } from '@jest/globals';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';

export interface SecretSet {
  /** Credentials the action is meant to export through GITHUB_ENV (and, when asked, masked outputs). */
  credentials: string[];
  /** Values that must never leave the step at all: OIDC tokens and the token-request bearer. */
  neverExported: string[];
  /** OIDC tokens handed out at the runner's endpoint, and when: the step that asked must mask each. */
  requestedTokens?: Array<{ token: string; at: number; job?: string | undefined }>;
}

/**
 * Looks through everything the runner kept from every step, and the files left in the workspace and
 * RUNNER_TEMP, for secrets in places they must not be. Returns where each leak is, never the secret.
 */
export async function findLeaks(runner: SimulatedRunner, secrets: SecretSet): Promise<string[]> {
  const leaks: string[] = [];
  const all = [...secrets.credentials, ...secrets.neverExported].filter((s) => s.length >= 8);
  runner.steps.forEach((step, index) => {
    const where = `step ${index + 1}`;
    const masked = new Set(maskedValues(step));
    for (const secret of all) {
      if (printed(step.stdout).includes(secret)) leaks.push(`${where} stdout holds ${label(secret)}`);
      if (step.log.join('\n').includes(secret)) leaks.push(`${where} log shows ${label(secret)} unmasked`);
      if (printed(step.stderr).includes(secret)) leaks.push(`${where} stderr holds ${label(secret)}`);
      if (step.files.state.includes(secret)) leaks.push(`${where} GITHUB_STATE holds ${label(secret)}`);
      if (step.summary.includes(secret)) leaks.push(`${where} step summary holds ${label(secret)}`);
      if (step.files.output.includes(secret) && !masked.has(secret)) leaks.push(`${where} GITHUB_OUTPUT holds ${label(secret)} without masking it`);
    }
    for (const secret of secrets.neverExported) {
      if (step.files.env.includes(secret) || step.files.output.includes(secret)) leaks.push(`${where} exports ${label(secret)}`);
    }
    // A credential handed to later steps must have been announced first, so the runner hides it there too.
    for (const secret of secrets.credentials) {
      const exported = step.files.env.includes(secret) || step.files.output.includes(secret);
      if (exported && !announcedBy(runner, index).has(secret)) leaks.push(`${where} exports ${label(secret)} that no ::add-mask:: announced`);
    }
  });
  // Every OIDC token a step received is masked by that step: the runner would otherwise print it if
  // anything echoed it.
  const job = URL.canParse(runner.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '') ? new URL(runner.env.ACTIONS_ID_TOKEN_REQUEST_URL!).searchParams.get('job') : null;
  const ours = (secrets.requestedTokens ?? []).filter((served) => job === null || served.job === job);
  runner.steps.forEach((step, index) => {
    const masked = new Set(maskedValues(step));
    for (const { token, at } of ours) {
      if (at >= step.startedAt && at <= step.endedAt && !masked.has(token)) leaks.push(`step ${index + 1} received the OIDC token ${label(token)} without masking it`);
    }
  });
  for (const file of await runner.leftoverFiles()) {
    for (const secret of all) if (file.content.includes(secret)) leaks.push(`${file.path} holds ${label(secret)}`);
  }
  return leaks;
}

/** A test's last word on its job: nothing leaked. The runner is disposed of whatever the scan found. */
export async function expectNoLeaksAndDispose(runner: SimulatedRunner, secrets: SecretSet): Promise<void> {
  const leaks = await findLeaks(runner, secrets);
  await runner.dispose();
  expect(leaks).toEqual([]);
}

/**
 * `secrets`, less the rule that a step masks each OIDC token it was handed, for the tokens handed out
 * during `steps`: there a tool's credential helper (a credential_process, an executable credential
 * source) asked, and its stderr goes to the tool, not to the runner, so it has no way to register a mask.
 * The tokens stay among the secrets that every output is scanned for.
 */
export function unmaskableDuring(secrets: SecretSet, steps: Iterable<StepResult>): SecretSet {
  const during = [...steps];
  const requestedTokens = (secrets.requestedTokens ?? []).filter(({ at }) => !during.some((step) => at >= step.startedAt && at <= step.endedAt));
  return { ...secrets, requestedTokens };
}

/**
 * For a process run outside a runner (the CLI): where its output holds a secret, never the secret. A
 * token's payload and signature count on their own: a message that quotes part of a token leaks it too.
 */
export function leaksInOutput(output: { stdout: string; stderr: string }, secrets: readonly string[]): string[] {
  const pieces = secrets.flatMap((secret) => [secret, ...secret.split('.').filter((part) => part.length >= 16)]);
  const streams = { stdout: output.stdout, stderr: output.stderr };
  return Object.entries(streams).flatMap(([stream, text]) => pieces.filter((piece) => printed(text).includes(piece)).map((piece) => `${stream} holds ${label(piece)}`));
}

function label(secret: string): string {
  return `${secret.slice(0, 4)}… (${secret.length} chars)`;
}

/** Every value announced with ::add-mask:: in the steps up to and including `last`. */
function announcedBy(runner: SimulatedRunner, last: number): Set<string> {
  return new Set(runner.steps.slice(0, last + 1).flatMap(maskedValues));
}

// The runner reads workflow commands on stdout and stderr alike: a CLI whose stdout goes to $GITHUB_ENV masks on stderr.
function maskedValues(step: { stdout: string; stderr: string }): string[] {
  return [step.stdout, step.stderr].flatMap((text) =>
    text
      .split(/\r?\n/)
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length)),
  );
}

/** What a stream showed besides mask registrations, which name a secret in order to hide it. */
function printed(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}
