import * as core from '@actions/core';
import { isBrokerError } from '../errors/broker-error.ts';

/**
 * Turns a failure into one error annotation with the code, what failed and what to do, pointing at the
 * policy file's line when there is one, and marks the step failed.
 */
export function reportFailure(error: unknown): void {
  if (isBrokerError(error)) {
    core.error(error.describe(), {
      title: `ci-oidc-broker: ${error.code}`,
      ...(error.location && { file: error.location.file, startLine: error.location.line, startColumn: error.location.column }),
    });
  } else {
    // Not a BrokerError: a bug or an unforeseen failure. Its message comes from code we do not control,
    // but every secret was registered with the runner's masker before any such call was made.
    core.error(`INTERNAL_ERROR: ${error instanceof Error ? error.message : String(error)}\nHint: this is a bug in ci-oidc-broker; please report it with the step's log.`, {
      title: 'ci-oidc-broker: INTERNAL_ERROR',
    });
  }
  process.exitCode = 1;
}
