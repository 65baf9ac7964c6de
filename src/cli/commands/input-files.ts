import { readFile } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';

/** Reads a file named on the command line; `-` is standard input. */
export async function readInputFile(path: string, what: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new BrokerError(ErrorCode.InputInvalid, `Cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      hint: 'Check the path; use - to read from standard input.',
    });
  }
}
