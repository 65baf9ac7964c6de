import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { commandLine } from '../../../src/util/command-line.ts';
import { thrown } from '../../helpers/broker-error.ts';

const python = (code: string, line: string): unknown => JSON.parse(execFileSync('python3', ['-c', `import json, shlex, sys; print(json.dumps(${code}))`, line], { encoding: 'utf8' }));

describe('an AWS credential_process line', () => {
  it('quotes each argument so that a POSIX shell and botocore’s shlex both read it back unchanged', () => {
    const args = ['/opt/node 24/bin/node', "/home/o'brien/dist/cli/index.js", 'aws-credential-process', '--renewal', '/tmp/a $b `c` "d"/renewal.json'];
    const line = commandLine('aws-credential-process', args, 'linux');
    const bash = execFileSync('bash', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
    expect(bash.split('\n').slice(0, -1)).toEqual(args);
    expect(python('shlex.split(sys.argv[1])', line)).toEqual(args);
  });

  it('uses double quotes on Windows, and refuses what a reader would cut or expand', () => {
    expect(commandLine('aws-credential-process', ['C:\\Program Files\\node.exe', 'D:\\a\\_temp\\renewal.json'], 'win32')).toBe('"C:\\Program Files\\node.exe" "D:\\a\\_temp\\renewal.json"');
    for (const [arg, platform] of [
      ['C:\\100%\\node.exe', 'win32'],
      ['C:\\a"b\\node.exe', 'win32'],
      ['D:\\a\\_temp\\', 'win32'],
      ['/tmp/a #b', 'linux'],
      ['/tmp/a ;b', 'win32'],
      ['/tmp/a\nb', 'linux'],
    ] as const) {
      const error = thrown(() => commandLine('aws-credential-process', [arg], platform));
      expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, `The path ${JSON.stringify(arg)} cannot be written into a credential_process line.`]);
    }
  });
});

describe('a Google executable command', () => {
  it('writes bare words, which the Python google-auth (gcloud) and google-auth-library both split back unchanged', () => {
    const args = ['/home/runner/externals/node24/bin/node', "/home/o'brien/dist/cli/index.js", 'gcp-executable-source', '--state', 'D:\\a\\_temp\\renewal.json', '--sha256', 'ab'.repeat(32)];
    const line = commandLine('google-executable', args);
    expect(python('sys.argv[1].split()', line)).toEqual(args);
    // google-auth-library strips quotes only where the line has them: it has none.
    expect(line).not.toContain('"');
  });

  it('refuses a path with white space or a double quote, which one reader or the other would split or keep quoted', () => {
    for (const arg of ['/opt/node 24/bin/node', '/tmp/a\tb', '/a"b/index.js']) {
      const error = thrown(() => commandLine('google-executable', ['/usr/bin/node', arg]));
      expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, `The path ${JSON.stringify(arg)} cannot be written into the command of a Google credentials file.`]);
    }
  });
});
