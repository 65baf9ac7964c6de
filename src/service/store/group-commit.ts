/** How one write of a batch ended. */
export type WriteOutcome<R> = { value: R } | { error: unknown };

// A batch holds at most this many writes; the rest go in the next one, a moment later.
const MAX_BATCH = 256;

interface Pending<W, R> {
  write: W;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the writes that arrive during one turn of the event loop are committed together, in one
 * transaction, so that concurrent exchanges share one commit (one fsync, one round trip to the database)
 * instead of paying for one each. `commit` receives the batch and returns each write's outcome, in
 * order, once the transaction that holds them is durable; if it throws, every write of the batch failed.
 * A caller hears back only then, so an answer never rests on a write that a crash could still undo.
 */
export class GroupCommit<W, R> {
  readonly #commit: (writes: W[]) => WriteOutcome<R>[] | Promise<WriteOutcome<R>[]>;
  #pending: Array<Pending<W, R>> = [];

  constructor(commit: (writes: W[]) => WriteOutcome<R>[] | Promise<WriteOutcome<R>[]>) {
    this.#commit = commit;
  }

  /** Queues `write` for the next commit; settles with its outcome once that commit returned. */
  add(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ write, resolve, reject });
      // setImmediate runs once the loop has handled the I/O it already polled: every request read in
      // this turn joins the batch, and a lone request waits for nothing else.
      if (this.#pending.length === 1) setImmediate(() => void this.#flush());
    });
  }

  /** Commits everything queued so far, now: for closing the store without dropping accepted writes. */
  async drain(): Promise<void> {
    while (this.#pending.length > 0) await this.#flush();
  }

  async #flush(): Promise<void> {
    const batch = this.#pending.splice(0, MAX_BATCH);
    if (this.#pending.length > 0) setImmediate(() => void this.#flush());
    if (batch.length === 0) return;
    let outcomes: WriteOutcome<R>[];
    try {
      outcomes = await this.#commit(batch.map((pending) => pending.write));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) pending.reject(new Error('the store reported no outcome for a write of its batch'));
      else if ('error' in outcome) pending.reject(outcome.error);
      else pending.resolve(outcome.value);
    });
  }
}
