import { describe, expect, it } from '@jest/globals';
import { summaryAsText } from '../../../src/sandbox/runner/summary-text.ts';

describe('summaryAsText', () => {
  it('renders a table row as labelled lines, keeping line breaks within a cell', () => {
    const html =
      '<h3>Issued</h3>\n<table><tr><th>Rule</th><th>Claims checked</th></tr><tr><td><code>deploy</code></td><td><code>ref</code> = <code>refs/heads/main</code><br><code>environment</code> = <code>&#60;prod&#62;</code></td></tr></table>\n';
    expect(summaryAsText(html)).toBe(['## Issued', '', '  Rule            deploy', '  Claims checked  ref = refs/heads/main', '                  environment = <prod>'].join('\n'));
  });

  it('separates the rows of a table with a blank line', () => {
    const html = '<h3>Revoked</h3>\n<table><tr><th>Role</th><th>Status</th></tr><tr><td>a</td><td>revoked</td></tr><tr><td>b</td><td>expires</td></tr></table>';
    expect(summaryAsText(html)).toBe(['## Revoked', '', '  Role    a', '  Status  revoked', '', '  Role    b', '  Status  expires'].join('\n'));
  });

  it('renders a table without a header row as unlabelled lines', () => {
    expect(summaryAsText('<h3>Cells</h3>\n<table><tr><td>x</td><td>y</td></tr></table>')).toBe('## Cells\n\n    x\n    y');
  });

  it('indents code blocks and decodes what the summary escaped', () => {
    expect(summaryAsText('<h3>Denied</h3>\n<pre><code>rule &quot;a&quot;: ref was &#34;x&#34;</code></pre>\n')).toBe('## Denied\n\n    rule "a": ref was "x"');
    expect(summaryAsText('<h3>Policy</h3>\n<pre lang="yaml"><code>a: 1\nb: &#38;anchor</code></pre>')).toBe('## Policy\n\n    a: 1\n    b: &anchor');
  });

  it('drops other tags, collapses runs of blank lines and trims the ends', () => {
    expect(summaryAsText('\n\n<p>One <b>bold</b> line</p>\n\n\n\n<p>Two &amp; more</p>   \n\n')).toBe('One bold line\n\nTwo & more');
  });

  it('leaves Markdown as it is', () => {
    expect(summaryAsText('### Heading\n\n- item `code`')).toBe('### Heading\n\n- item `code`');
  });
});
