import * as core from '@actions/core';
import type { IssuedCredential, RevocationResult } from '../providers/issued-credential.ts';

/** What the main step reports about one issued credential. Never holds a secret. */
export interface IssuanceReport {
  cloud: string;
  rule: string;
  /** The claims the matching rule checked, with the values the token carried. */
  checkedClaims: ReadonlyArray<readonly [claim: string, value: string]>;
  /** Who the credential acts as: a role and session, a service account. */
  identity: string;
  expiresAt: string;
}

export interface CleanupReport {
  credential: IssuedCredential;
  revocation: RevocationResult;
  /** Problems met while clearing variables or deleting files. */
  cleanupProblems: string[];
}

// Summary cells are raw HTML, and claim values come from the token: escape everything we insert.
function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function code(text: string): string {
  return `<code>${html(text)}</code>`;
}

export async function writeIssuanceSummary(reports: readonly IssuanceReport[]): Promise<void> {
  const rows = reports.map((report) => [
    html(report.cloud),
    code(report.rule),
    report.checkedClaims.map(([claim, value]) => `${code(claim)} = ${code(value)}`).join('<br>') || '(none)',
    code(report.identity),
    html(report.expiresAt),
  ]);
  await core.summary
    .addHeading('ci-oidc-broker: credentials issued', 3)
    .addTable([
      [
        { data: 'Cloud', header: true },
        { data: 'Rule', header: true },
        { data: 'Claims checked', header: true },
        { data: 'Identity', header: true },
        { data: 'Expires', header: true },
      ],
      ...rows,
    ])
    .write();
}

export async function writeDenialSummary(cloud: string, explanation: readonly string[]): Promise<void> {
  await core.summary
    .addHeading(`ci-oidc-broker: ${html(cloud)} request denied`, 3)
    // addCodeBlock inserts its text as HTML, and the explanation quotes claim values from the token.
    .addCodeBlock(html(explanation.join('\n')))
    .write();
}

/** What failed and what to do, for a failure the job summary would otherwise say nothing about. Never holds a secret. */
export interface FailureReport {
  code: string;
  message: string;
  hint: string;
}

export async function writeFailureSummary(failure: FailureReport): Promise<void> {
  await core.summary
    .addHeading(`ci-oidc-broker: failed (${html(failure.code)})`, 3)
    // Messages can span lines (a policy's every problem); a code block keeps them, escaped like the rest.
    .addCodeBlock(html(failure.message))
    .addRaw(`<p><strong>What to do:</strong> ${html(failure.hint)}</p>`, true)
    .write();
}

const OUTCOMES: Record<RevocationResult['status'], string> = {
  revoked: 'revoked',
  'not-revocable': 'cleared only',
  failed: 'failed',
};

/** What was done with a credential, in the one set of words the log and the summary share. */
export function outcomeText(status: RevocationResult['status']): string {
  return OUTCOMES[status];
}

export async function writeRevocationSummary(reports: readonly CleanupReport[]): Promise<void> {
  const rows = reports.map(({ credential, revocation, cleanupProblems }) => [
    html(credential.provider),
    code(credential.identity),
    html(credential.expiresAt),
    html(outcomeText(revocation.status)),
    html([revocation.detail, ...cleanupProblems].join(' ')),
  ]);
  await core.summary
    .addHeading('Revocation', 3)
    .addTable([
      [
        { data: 'Provider', header: true },
        { data: 'Identity', header: true },
        { data: 'Expires', header: true },
        { data: 'Done', header: true },
        { data: 'Details', header: true },
      ],
      ...rows,
    ])
    .write();
}
