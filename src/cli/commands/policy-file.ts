import { access, constants, stat } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { loadPolicyFile } from '../../policy/load.ts';
import type { Policy } from '../../policy/types.ts';

/**
 * Loads the policy file a command line names. What the loader would meet as a raw file-system error (a
 * folder, a file it may not read) is said here in terms of the path the user typed.
 */
export async function loadPolicyArgument(path: string, root: string | undefined): Promise<Policy> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' || info.code === 'ENOTDIR') {
      throw new BrokerError(ErrorCode.PolicyNotFound, `No policy file at ${path}.`, {
        hint: "Check the path, which starts at the current directory; the action's default is .github/ci-oidc-broker.yml.",
      });
    }
    throw unreadable(path, info.code);
  }
  if (info.isDirectory()) {
    throw new BrokerError(ErrorCode.InputInvalid, `${path} is a folder, not a policy file.`, { hint: 'Name the policy file itself, such as .github/ci-oidc-broker.yml.' });
  }
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(path, error.code);
  });
  return loadPolicyFile(path, root);
}

function unreadable(path: string, code: string | undefined): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, `Cannot read the policy file ${path} (${code ?? 'error'}).`, { hint: 'Check that the file is readable by this user.' });
}
