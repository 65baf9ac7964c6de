import { writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { writeDenialSummary, writeIssuanceSummary, writeRevocationSummary } from '../../../src/action/summary.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

// core.summary keeps the file it first wrote to, so the whole file shares one context and empties it.
let context: ActionContext;
beforeAll(async () => {
  context = await actionContext();
});
afterEach(() => writeFile(process.env.GITHUB_STEP_SUMMARY!, ''));
afterAll(() => context.restore());

describe('the job summary', () => {
  it('tables the rule, the claims it checked, the role, the session name and the expiry', async () => {
    await writeIssuanceSummary({
      rule: 'deploy-main',
      checkedClaims: [
        ['ref', 'refs/heads/main'],
        ['environment', 'production'],
      ],
      role: 'arn:aws:iam::***:role/deploy',
      sessionName: 'octo-org.app@42-1-deploy',
      expiresAt: '2030-01-01T00:15:00.000Z',
    });
    const html = await context.summary();
    expect(html).toContain('<h3>ci-oidc-broker: credentials issued</h3>');
    expect(html).toContain('<td><code>deploy-main</code></td>');
    expect(html).toContain('<code>ref</code> = <code>refs/heads/main</code><br><code>environment</code> = <code>production</code>');
    expect(html).toContain('<code>arn:aws:iam::***:role/deploy</code>');
    expect(html).toContain('2030-01-01T00:15:00.000Z');
  });

  it('escapes claim values, which come from the token', async () => {
    await writeIssuanceSummary({ rule: 'r', checkedClaims: [['environment', '<img src=x onerror=alert(1)>']], role: 'r', sessionName: 's', expiresAt: 'e' });
    await writeDenialSummary(['Denied: no allow rule matched (deny by default).', '  rule "r": no match, ref was "<script>"']);
    const html = await context.summary();
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('reports what the post step did with each credential', async () => {
    await writeRevocationSummary([
      {
        credential: awsCredentialRecord(),
        revocation: { status: 'not-revocable', detail: 'Lasts until it expires.' },
        cleanupProblems: ['Could not delete /tmp/x (EACCES).'],
      },
    ]);
    const html = await context.summary();
    expect(html).toContain('<td>cleared only</td>');
    expect(html).toContain('Lasts until it expires. Could not delete /tmp/x (EACCES).');
  });
});
