import { describe, expect, it } from '@jest/globals';
import { parseWorkflowCommand } from '../../../src/sandbox/runner/workflow-commands.ts';

describe('parseWorkflowCommand', () => {
  it('reads an annotation’s properties and message, unescaped as @actions/core escapes them', () => {
    expect(parseWorkflowCommand('::error file=.github/p.yml,line=3,col=5,title=Policy%3A invalid%2C twice::bad%0Aline%25%0D')).toEqual({
      command: 'error',
      properties: { file: '.github/p.yml', line: '3', col: '5', title: 'Policy: invalid, twice' },
      message: 'bad\nline%\r',
    });
  });

  it('reads ::add-mask:: with the value to mask', () => {
    expect(parseWorkflowCommand('::add-mask::s3cr3t')).toEqual({ command: 'add-mask', properties: {}, message: 's3cr3t' });
  });

  it('keeps colons in the message', () => {
    expect(parseWorkflowCommand('::notice::arn:aws:iam::111122223333:role/ci')).toEqual({ command: 'notice', properties: {}, message: 'arn:aws:iam::111122223333:role/ci' });
  });

  it('reads commands without a message', () => {
    expect(parseWorkflowCommand('::endgroup::')).toEqual({ command: 'endgroup', properties: {}, message: '' });
    expect(parseWorkflowCommand('::group::Verify')).toEqual({ command: 'group', properties: {}, message: 'Verify' });
  });

  it('decodes %25 last, so an escaped escape stays literal', () => {
    expect(parseWorkflowCommand('::warning::100%253A')?.message).toBe('100%3A');
  });

  it('ignores a property without a value', () => {
    expect(parseWorkflowCommand('::warning file=a.yml,oops,line=2::m')?.properties).toEqual({ file: 'a.yml', line: '2' });
  });

  it('leaves ordinary output alone', () => {
    expect(parseWorkflowCommand('Verified the OIDC token')).toBeUndefined();
    expect(parseWorkflowCommand(':: not a command')).toBeUndefined();
    expect(parseWorkflowCommand(' ::error::indented')).toBeUndefined();
    expect(parseWorkflowCommand('::error')).toBeUndefined();
  });
});
