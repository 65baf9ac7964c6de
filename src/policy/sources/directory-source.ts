import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { PolicySource } from './policy-source.ts';
import { isWithin } from '../../util/within.ts';

/**
 * Files under one directory, and nothing outside it: absolute paths, `..` and symbolic links that lead
 * out are refused, so a policy can only come from the tree whose protection the caller relies on.
 */
export function directorySource(root: string): PolicySource {
  return {
    displayName: (path) => path,
    async read(path) {
      const realRoot = await realpath(root);
      const candidate = resolve(realRoot, path);
      const real = await realpath(candidate).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
        throw error;
      });
      const target = real ?? candidate;
      if (isAbsolute(path) || relative(realRoot, target) === '' || !isWithin(realRoot, target)) {
        throw new BrokerError(ErrorCode.PolicySourceInvalid, `The policy path "${path}" leads outside ${root}.`, {
          hint: 'Keep the policy and the files it names inside the repository, and give their paths relative to its root.',
        });
      }
      return real === undefined ? undefined : readFile(real, 'utf8');
    },
  };
}
