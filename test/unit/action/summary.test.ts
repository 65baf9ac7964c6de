import { writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { writeDenialSummary, writeIssuanceSummary, writeRevocationSummary, type IssuanceReport } from '../../../src/action/summary.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

// core.summary keeps the file it first wrote to, so the whole file shares one context and empties it.
let context: ActionContext;
beforeAll(async () => {
  context = await actionContext();
});
afterEach(() => writeFile(process.env.GITHUB_STEP_SUMMARY!, ''));
afterAll(() => context.restore());

// The identity cell's text is left to the tests of run-main, which decides how much of the ARN to show.
function issuance(overrides: Partial<IssuanceReport> = {}): IssuanceReport {
  return {
    cloud: 'AWS',
    rule: 'deploy-main',
    checkedClaims: [
      ['ref', 'refs/heads/main'],
      ['environment', 'production'],
    ],
    identity: 'arn:aws:iam::***:role/deploy, session octo-org.app@42-1-deploy',
    expiresAt: '2030-01-01T00:15:00.000Z',
    ...overrides,
  };
}

describe('the issuance summary', () => {
  it('tables the cloud, the rule, the claims it checked, the identity and the expiry', async () => {
    await writeIssuanceSummary([issuance()]);
    const html = await context.summary();
    expect(html).toContain('<h3>ci-oidc-broker: credentials issued</h3>');
    expect(html).toContain('<tr><th>Cloud</th><th>Rule</th><th>Claims checked</th><th>Identity</th><th>Expires</th></tr>');
    expect(html).toContain('<td>AWS</td><td><code>deploy-main</code></td>');
    expect(html).toContain('<td><code>ref</code> = <code>refs/heads/main</code><br><code>environment</code> = <code>production</code></td>');
    expect(html).toContain('<td><code>arn:aws:iam::***:role/deploy, session octo-org.app@42-1-deploy</code></td>');
    expect(html).toContain('<td>2030-01-01T00:15:00.000Z</td></tr></table>');
  });

  it('gives each cloud its own row in one table', async () => {
    await writeIssuanceSummary([issuance(), issuance({ cloud: 'Google Cloud', identity: 'deploy@p.iam.gserviceaccount.com', expiresAt: '2030-01-01T00:10:00.000Z' })]);
    const html = await context.summary();
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html).toContain('<td>Google Cloud</td><td><code>deploy-main</code></td>');
    expect(html).toContain('<td><code>deploy@p.iam.gserviceaccount.com</code></td><td>2030-01-01T00:10:00.000Z</td></tr></table>');
  });

  it('says "(none)" when the rule checked no claim', async () => {
    await writeIssuanceSummary([issuance({ checkedClaims: [] })]);
    expect(await context.summary()).toContain('<td><code>deploy-main</code></td><td>(none)</td>');
  });

  it('escapes claim values, which come from the token', async () => {
    await writeIssuanceSummary([issuance({ checkedClaims: [['environment', '<img src=x onerror=alert(1)>']] })]);
    const html = await context.summary();
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>environment</code> = <code>&#60;img src=x onerror=alert(1)&#62;</code>');
  });

  it('escapes every character that could open a tag, an entity or an attribute', async () => {
    await writeIssuanceSummary([issuance({ rule: `a&b<c>"d'`, identity: 's&t', checkedClaims: [['job_workflow_ref', `"'&`]] })]);
    const html = await context.summary();
    expect(html).toContain('<code>a&#38;b&#60;c&#62;&#34;d&#39;</code>');
    expect(html).toContain('<code>s&#38;t</code>');
    expect(html).toContain('<code>&#34;&#39;&#38;</code>');
  });

  it('adds to what earlier steps wrote rather than replacing it', async () => {
    await writeFile(process.env.GITHUB_STEP_SUMMARY!, '<p>earlier step</p>\n');
    await writeIssuanceSummary([issuance()]);
    const html = await context.summary();
    expect(html.startsWith('<p>earlier step</p>\n<h3>ci-oidc-broker: credentials issued</h3>')).toBe(true);
  });
});

describe('the denial summary', () => {
  it('shows the explanation line by line in a code block', async () => {
    await writeDenialSummary('AWS', ['Denied: no allow rule matched (deny by default).', '  rule "app" (allow, line 4): no match, ref was "refs/heads/dev", expected "refs/heads/main"']);
    expect(await context.summary()).toBe(
      '<h3>ci-oidc-broker: AWS request denied</h3>\n' +
        '<pre><code>Denied: no allow rule matched (deny by default).\n  rule &#34;app&#34; (allow, line 4): no match, ref was &#34;refs/heads/dev&#34;, expected &#34;refs/heads/main&#34;</code></pre>\n',
    );
  });

  it('escapes claim values quoted in the explanation', async () => {
    await writeDenialSummary('AWS', ['Denied: no allow rule matched (deny by default).', '  rule "r": no match, ref was "<script>"']);
    const html = await context.summary();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('the revocation summary', () => {
  it('reports what the post step did with each credential', async () => {
    await writeRevocationSummary([
      {
        credential: awsCredentialRecord(),
        revocation: { status: 'not-revocable', detail: 'Lasts until it expires.' },
        cleanupProblems: ['Could not delete /tmp/x (EACCES).'],
      },
    ]);
    const html = await context.summary();
    expect(html).toContain('<h3>Revocation</h3>');
    expect(html).toContain('<tr><th>Provider</th><th>Identity</th><th>Expires</th><th>Done</th><th>Details</th></tr>');
    expect(html).toContain(
      '<tr><td>aws</td><td><code>AROAEXAMPLE:octo-org.app@42-1-deploy</code></td><td>2030-01-01T00:15:00.000Z</td><td>cleared only</td><td>Lasts until it expires. Could not delete /tmp/x (EACCES).</td></tr>',
    );
  });

  it('gives each credential its own row and names each outcome plainly', async () => {
    await writeRevocationSummary([
      { credential: awsCredentialRecord({ identity: 'AROAONE:one' }), revocation: { status: 'revoked', detail: 'Denied from now on.' }, cleanupProblems: [] },
      { credential: awsCredentialRecord({ identity: 'AROATWO:two' }), revocation: { status: 'failed', detail: 'The revoker role was refused.' }, cleanupProblems: [] },
    ]);
    const html = await context.summary();
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('<td><code>AROAONE:one</code></td><td>2030-01-01T00:15:00.000Z</td><td>revoked</td><td>Denied from now on.</td>');
    expect(html).toContain('<td><code>AROATWO:two</code></td><td>2030-01-01T00:15:00.000Z</td><td>failed</td><td>The revoker role was refused.</td>');
  });

  it('escapes the details, which may quote file paths', async () => {
    await writeRevocationSummary([
      { credential: awsCredentialRecord(), revocation: { status: 'not-revocable', detail: 'Lasts.' }, cleanupProblems: ['Could not delete /tmp/<b>x</b> (EISDIR).'] },
    ]);
    const html = await context.summary();
    expect(html).not.toContain('<b>');
    expect(html).toContain('Lasts. Could not delete /tmp/&#60;b&#62;x&#60;/b&#62; (EISDIR).');
  });
});
