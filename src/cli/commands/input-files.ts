import { readFile } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { looksLikeToken } from '../redact.ts';

/** Reads a file named on the command line; `-` is standard input. */
export async function readInputFile(path: string, what: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (looksLikeToken(path)) throw tokenWhereFileExpected(what);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new BrokerError(ErrorCode.InputInvalid, `The ${what} file ${path} is a folder.`, { hint: `Name the ${what} file itself.` });
    throw new BrokerError(ErrorCode.InputInvalid, `Cannot read the ${what} file ${path} (${code ?? 'error'}).`, {
      hint: 'Check the path; use - to read from standard input.',
    });
  }
}

// Said without repeating the token: CI logs and terminal scrollback keep whatever is printed.
function tokenWhereFileExpected(what: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, `A token was given where the ${what} file's name was expected; it is not repeated here.`, {
    hint: 'Pass the token in an environment variable with --token-env NAME (or on standard input with -), so that it stays out of command lines and logs.',
  });
}
