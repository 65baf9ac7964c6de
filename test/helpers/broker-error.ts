import { BrokerError } from '../../src/errors/broker-error.ts';

/** The BrokerError a promise rejects with. Resolving, or rejecting with anything else, fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<BrokerError> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected a BrokerError, but the call succeeded');
  if (!(outcome.error instanceof BrokerError)) throw new Error(`expected a BrokerError, got ${String(outcome.error)}`);
  return outcome.error;
}

/** The BrokerError a function throws. Returning, or throwing anything else, fails the test. */
export function thrown(run: () => unknown): BrokerError {
  try {
    run();
  } catch (error) {
    if (error instanceof BrokerError) return error;
    throw error;
  }
  throw new Error('expected a BrokerError, but the call succeeded');
}
