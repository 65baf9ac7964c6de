import { describe, expect, it } from '@jest/globals';
import { parseFileCommands } from '../../../src/sandbox/runner/file-commands.ts';
import { summaryAsText } from '../../../src/sandbox/runner/summary-text.ts';
import { parseWorkflowCommand } from '../../../src/sandbox/runner/workflow-commands.ts';

describe('parseFileCommands', () => {
  it('reads name=value lines and heredoc blocks, later entries replacing earlier ones', () => {
    const text = ['A=1', 'B<<ghadelimiter_x', 'line 1', 'line 2', 'ghadelimiter_x', 'A=', 'C=x=y', ''].join('\n');
    expect(Object.fromEntries(parseFileCommands(text))).toEqual({ A: '', B: 'line 1\nline 2', C: 'x=y' });
  });

  it('refuses an unterminated heredoc and a line without a name', () => {
    expect(() => parseFileCommands('B<<EOF\nvalue\n')).toThrow('unterminated value for B (no closing EOF)');
    expect(() => parseFileCommands('=value')).toThrow('malformed file command line 1');
  });
});

describe('parseWorkflowCommand', () => {
  it('reads the command, its properties and its message, unescaped', () => {
    expect(parseWorkflowCommand('::error file=.github/p.yml,line=3,col=5,title=Policy%3A invalid::bad%0Aline%25')).toEqual({
      command: 'error',
      properties: { file: '.github/p.yml', line: '3', col: '5', title: 'Policy: invalid' },
      message: 'bad\nline%',
    });
    expect(parseWorkflowCommand('::add-mask::s3cr3t')).toEqual({ command: 'add-mask', properties: {}, message: 's3cr3t' });
  });

  it('leaves ordinary output alone', () => {
    expect(parseWorkflowCommand('Verified the OIDC token')).toBeUndefined();
    expect(parseWorkflowCommand(':: not a command')).toBeUndefined();
  });
});

describe('summaryAsText', () => {
  it('renders a table row as labelled lines, keeping line breaks within a cell', () => {
    const html =
      '<h3>Issued</h3>\n<table><tr><th>Rule</th><th>Claims checked</th></tr><tr><td><code>deploy</code></td><td><code>ref</code> = <code>refs/heads/main</code><br><code>environment</code> = <code>&#60;prod&#62;</code></td></tr></table>\n';
    expect(summaryAsText(html)).toBe(['## Issued', '', '  Rule            deploy', '  Claims checked  ref = refs/heads/main', '                  environment = <prod>'].join('\n'));
  });

  it('indents code blocks and decodes what the summary escaped', () => {
    expect(summaryAsText('<h3>Denied</h3>\n<pre><code>rule &quot;a&quot;: ref was &#34;x&#34;</code></pre>\n')).toBe('## Denied\n\n    rule "a": ref was "x"');
  });
});
