/**
 * Settles with `work`, or rejects with `onTimeout()` once `ms` have passed, whichever comes first. For
 * work whose own retries are bounded but whose total time is not (a client library's retry loop).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
