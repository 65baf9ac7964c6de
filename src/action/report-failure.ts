import * as core from '@actions/core';
import { ErrorCode, isBrokerError } from '../errors/broker-error.ts';
import { maskAccountIds } from '../providers/aws/export.ts';
import { writeFailureSummary, type FailureReport } from './summary.ts';

/**
 * Turns a failure into one error annotation with the code, what failed and what to do, pointing at the
 * policy file's line when there is one, and marks the step failed. The job summary says the same, so
 * that whoever opens the run sees why it failed; a denial has already written its own explanation there.
 */
export async function reportFailure(error: unknown): Promise<void> {
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
  if (isBrokerError(error, ErrorCode.PolicyDenied)) return;
  await writeFailureSummary(summaryOf(error)).catch((summaryError: Error) => core.warning(`The job summary could not be written: ${summaryError.message}`));
}

/**
 * The runner masks the log, not the job summary: an unforeseen error's own message stays in the log, and
 * the account id leaves ARNs unless the step was told it is no secret.
 */
function summaryOf(error: unknown): FailureReport {
  if (!isBrokerError(error)) {
    return { code: ErrorCode.Internal, message: 'An unexpected error stopped the step; its message is in the step’s log.', hint: 'This is a bug in ci-oidc-broker; please report it with the step’s log.' };
  }
  const keepAccountId = core.getInput('mask-aws-account-id').toLowerCase() === 'false';
  const shown = (text: string): string => (keepAccountId ? text : maskAccountIds(text));
  return { code: error.code, message: shown(error.message), hint: shown(error.hint) };
}
