// Credentials that renew themselves hand a tool a command line that runs this project's CLI, and each
// tool splits that line its own way. One line must read back as the same arguments in every reader of
// its kind, so each argument is written for all of them, and one that some reader would cut, expand or
// mangle is refused rather than written.
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

/** How to start the project's CLI: a Node executable and the script it runs. */
export interface CliLauncher {
  node: string;
  script: string;
}

/**
 * Who reads the line.
 * - `aws-credential-process`: an AWS shared config profile's credential_process. The JavaScript SDK
 *   hands the line to a shell (/bin/sh, or cmd.exe on Windows); botocore, which the aws CLI runs on,
 *   splits it with shlex (on Windows, by the C runtime's rules) and runs it without a shell.
 * - `google-executable`: an external-account file's executable command. google-auth-library (Node)
 *   splits on white space outside double quotes, with no escapes, and strips the quotes; the Python
 *   google-auth, which gcloud runs on, splits on white space only and keeps quotes as they are.
 */
export type CommandReader = 'aws-credential-process' | 'google-executable';

export function commandLine(reader: CommandReader, args: readonly string[], platform: NodeJS.Platform = process.platform): string {
  return args.map((arg) => (reader === 'google-executable' ? googleWord(arg) : awsWord(arg, platform === 'win32'))).join(' ');
}

function awsWord(arg: string, windows: boolean): string {
  // An INI reader ends the value at a line break, and the JavaScript SDK's also at " ;" or " #". On
  // Windows, cmd.exe expands %NAME% even inside quotes, and a backslash before the closing quote would
  // escape it for both the C runtime and botocore.
  if (/[\r\n]|\s[;#]/.test(arg) || (windows && /["%]|\\$/.test(arg))) {
    throw refused(arg, 'a credential_process line', 'Move the runner’s work and temp folders to paths without line breaks, " ;", " #"' + (windows ? ', quotes, % or a trailing backslash.' : '.'));
  }
  // Single quotes mean the same to a POSIX shell and to shlex, and double quotes to cmd.exe and the C runtime.
  return windows ? `"${arg}"` : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function googleWord(arg: string): string {
  // No quoting survives both readers: the Python one would pass the quotes on as part of the path.
  if (/[\s"]/.test(arg)) {
    throw refused(arg, 'the command of a Google credentials file', 'Run the job where RUNNER_TEMP, Node and the action’s folder have no white space or double quote in their paths.');
  }
  return arg;
}

function refused(arg: string, line: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, `The path ${JSON.stringify(arg)} cannot be written into ${line}.`, { hint });
}
