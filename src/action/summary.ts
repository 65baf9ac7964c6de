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

const outcomeText: Record<RevocationResult['status'], string> = {
  revoked: 'revoked',
  'not-revocable': 'cleared only',
  failed: 'failed',
};

export async function writeRevocationSummary(reports: readonly CleanupReport[]): Promise<void> {
  const rows = reports.map(({ credential, revocation, cleanupProblems }) => [
    html(credential.provider),
    code(credential.identity),
    html(credential.expiresAt),
    html(outcomeText[revocation.status]),
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
