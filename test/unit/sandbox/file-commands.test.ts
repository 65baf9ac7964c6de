import { describe, expect, it } from '@jest/globals';
import { parseFileCommands } from '../../../src/sandbox/runner/file-commands.ts';

describe('parseFileCommands', () => {
  it('reads name=value lines, splitting at the first =', () => {
    expect(Object.fromEntries(parseFileCommands('A=1\nC=x=y\nEMPTY=\n'))).toEqual({ A: '1', C: 'x=y', EMPTY: '' });
  });

  it('reads the heredoc format @actions/core writes for every value', () => {
    const text = ['AWS_REGION<<ghadelimiter_6f7a', 'us-east-1', 'ghadelimiter_6f7a', 'NOTE<<ghadelimiter_91b2', 'line 1', 'KEY=not a command', '', 'line 4', 'ghadelimiter_91b2', ''].join('\n');
    expect(Object.fromEntries(parseFileCommands(text))).toEqual({ AWS_REGION: 'us-east-1', NOTE: 'line 1\nKEY=not a command\n\nline 4' });
  });

  it('reads an empty heredoc value, as exportVariable(name, "") writes it', () => {
    expect(parseFileCommands('AWS_SESSION_TOKEN<<EOF\nEOF\n').get('AWS_SESSION_TOKEN')).toBe('');
  });

  it('lets later entries replace earlier ones, as the runner does', () => {
    expect(parseFileCommands('A=1\nA<<EOF\n2\nEOF\n').get('A')).toBe('2');
    expect(parseFileCommands('A<<EOF\n2\nEOF\nA=3').get('A')).toBe('3');
  });

  it('accepts Windows line endings', () => {
    expect(Object.fromEntries(parseFileCommands('A=1\r\nB<<EOF\r\nx\r\ny\r\nEOF\r\n'))).toEqual({ A: '1', B: 'x\ny' });
  });

  it('treats << after an = as part of the value', () => {
    expect(Object.fromEntries(parseFileCommands('A=x<<y'))).toEqual({ A: 'x<<y' });
  });

  it('ends a heredoc only at a line that is exactly the delimiter', () => {
    expect(parseFileCommands('A<<EOF\n EOF\nEOF \nEOF\n').get('A')).toBe(' EOF\nEOF ');
  });

  it('reads nothing from an empty file', () => {
    expect(parseFileCommands('').size).toBe(0);
  });

  it('refuses an unterminated heredoc, naming the variable and the delimiter', () => {
    expect(() => parseFileCommands('B<<EOF\nvalue\n')).toThrow('unterminated value for B (no closing EOF)');
  });

  it('refuses a line without a name or without an =, giving its line number', () => {
    expect(() => parseFileCommands('=value')).toThrow('malformed file command line 1');
    expect(() => parseFileCommands('A=1\n\njust words')).toThrow('malformed file command line 3');
    expect(() => parseFileCommands('<<EOF\nx\nEOF')).toThrow('malformed file command line 1');
  });
});
