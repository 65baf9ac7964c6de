import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isBrokerError, type BrokerError } from '../errors/broker-error.ts';
import { loadPolicyFile } from '../policy/load.ts';
import type { Policy } from '../policy/types.ts';

export type ReloadOutcome = { replaced: true; policy: Policy } | { replaced: false; error: BrokerError | Error };

// Editors write a file in several steps; one reload after they settle.
const SETTLE_MS = 200;

/**
 * The policy in force. A new one replaces it only once it has loaded and validated completely; until
 * then, and whenever a new one is bad, the last good policy stays.
 */
export class PolicyHolder {
  #current: Policy | undefined;
  #loading: Promise<ReloadOutcome> | undefined;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #load: () => Promise<Policy>;
  readonly #onReload: (outcome: ReloadOutcome) => void;

  constructor(load: () => Promise<Policy>, onReload: (outcome: ReloadOutcome) => void = () => {}) {
    this.#load = load;
    this.#onReload = onReload;
  }

  static forFile(file: string, root: string | undefined, onReload?: (outcome: ReloadOutcome) => void): PolicyHolder {
    return new PolicyHolder(() => loadPolicyFile(file, root ?? dirname(file)), onReload);
  }

  /** Undefined until a first policy has loaded. */
  get current(): Policy | undefined {
    return this.#current;
  }

  /** Loads afresh; concurrent calls share one load. */
  reload(): Promise<ReloadOutcome> {
    this.#loading ??= this.#reload().finally(() => (this.#loading = undefined));
    return this.#loading;
  }

  /** Reloads when the file changes. The folder is watched, since editors replace files rather than write them. */
  watchFile(file: string): void {
    this.#watcher = watch(dirname(file), (_event, name) => {
      if (name !== null && name !== basename(file)) return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.reload(), SETTLE_MS);
    });
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
  }

  async #reload(): Promise<ReloadOutcome> {
    let outcome: ReloadOutcome;
    try {
      const policy = await this.#load();
      this.#current = policy;
      outcome = { replaced: true, policy };
    } catch (error) {
      outcome = { replaced: false, error: isBrokerError(error) || error instanceof Error ? error : new Error(String(error)) };
    }
    this.#onReload(outcome);
    return outcome;
  }
}
