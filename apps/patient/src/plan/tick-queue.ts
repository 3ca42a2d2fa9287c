/** Where the queue keeps itself: localStorage in the browser, a plain map in tests. */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The answer a tick carries, such as `{ checked: true }`; the routes it goes to take booleans. */
export type TickBody = Record<string, boolean>;

/**
 * One change the patient made that the server has not confirmed yet. Every route it goes to is
 * an idempotent PUT, so sending it again after an unclear failure can never count it twice.
 */
export interface QueuedTick {
  /** What the tick is of, such as one checklist entry; a later tick of the same key replaces it. */
  key: string;
  path: string;
  body: TickBody;
  /** Failed attempts so far; they set how long to wait before the next one. */
  attempts: number;
  /** Epoch milliseconds before which a retry waits, unless the flush is forced. */
  retryAt: number;
  /** Grows with every tick, so that the reply to an older value never clears a newer one. */
  seq: number;
}

/** What became of one attempt to send a tick. */
export type SendResult =
  { kind: 'saved' } | { kind: 'retry' } | { kind: 'rejected'; message: string };

export type QueueEvent =
  | { kind: 'changed' }
  | { kind: 'saved'; tick: QueuedTick; at: number }
  | { kind: 'rejected'; tick: QueuedTick; message: string };

export interface TickQueueOptions {
  storage: QueueStorage;
  /** One key per signed-in user, so that one person's ticks never reach another's account. */
  storageKey: string;
  now: () => number;
  send: (tick: QueuedTick) => Promise<SendResult>;
  onEvent?: (event: QueueEvent) => void;
}

export const FIRST_RETRY_MS = 2_000;
export const LONGEST_RETRY_MS = 60_000;

/** How long to wait after the given number of failed attempts: 2 s, 4 s, 8 s… up to a minute. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_MS);
}

/**
 * Whether a failed request is worth sending again. No answer, a server fault, a timeout, a busy
 * server or a lost session may all pass; any other 4xx means the server will keep saying no.
 */
export function isWorthRetrying(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

function isQueuedTick(value: unknown): value is QueuedTick {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const tick = value as Partial<Record<keyof QueuedTick, unknown>>;

  return (
    typeof tick.key === 'string' &&
    typeof tick.path === 'string' &&
    typeof tick.body === 'object' &&
    tick.body !== null &&
    Object.values(tick.body).every((answer) => typeof answer === 'boolean') &&
    typeof tick.attempts === 'number' &&
    typeof tick.retryAt === 'number' &&
    typeof tick.seq === 'number'
  );
}

/**
 * Holds the patient's unsaved ticks in storage and sends them in the order they were made, one at
 * a time. A failure worth retrying stops the round, so nothing overtakes an older tick; the next
 * round waits out a growing delay unless it is forced (back online, a page load, a new tick).
 */
export class TickQueue {
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private forceAgain = false;
  private sendingKey: string | null = null;
  /** Used only when storage refuses to write, so the ticks last for this visit at least. */
  private unstored: QueuedTick[] | null = null;

  constructor(private readonly options: TickQueueOptions) {}

  /** The unsaved ticks, oldest first. */
  pending(): QueuedTick[] {
    if (this.unstored !== null) {
      return [...this.unstored];
    }
    const stored = this.options.storage.getItem(this.options.storageKey);
    if (stored === null) {
      return [];
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(stored);
    } catch {
      // Text no version of this queue wrote cannot hold a tick; starting empty loses nothing.
      return [];
    }

    return Array.isArray(parsed) ? parsed.filter(isQueuedTick) : [];
  }

  /** The key of the tick on its way to the server right now, if any. */
  sending(): string | null {
    return this.sendingKey;
  }

  /** When the next retry is due, or null when nothing waits. */
  nextRetryAt(): number | null {
    const [head] = this.pending();

    return head === undefined ? null : head.retryAt;
  }

  /** Adds a tick, replacing any unsaved one of the same key, and moves it to the back. */
  enqueue(key: string, path: string, body: TickBody): void {
    const ticks = this.pending();
    const seq = ticks.reduce((highest, tick) => Math.max(highest, tick.seq), 0) + 1;
    const others = ticks.filter((tick) => tick.key !== key);

    this.write([...others, { key, path, body, attempts: 0, retryAt: 0, seq }]);
    this.emit({ kind: 'changed' });
  }

  /**
   * Sends what is due, oldest first. A call while a round is running asks for one more round
   * after it, so a tick made meanwhile is never left behind.
   */
  async flush(force = false): Promise<void> {
    if (this.draining !== null) {
      this.drainAgain = true;
      this.forceAgain ||= force;

      return this.draining;
    }
    this.draining = this.drain(force);
    try {
      await this.draining;
    } finally {
      this.draining = null;
    }
    if (this.drainAgain) {
      const again = this.forceAgain;
      this.drainAgain = false;
      this.forceAgain = false;
      await this.flush(again);
    }
  }

  private async drain(force: boolean): Promise<void> {
    let due = force;
    for (;;) {
      const [head] = this.pending();
      if (head === undefined || (!due && head.retryAt > this.options.now())) {
        return;
      }

      this.sendingKey = head.key;
      this.emit({ kind: 'changed' });
      const result = await this.options.send(head);
      this.sendingKey = null;

      if (result.kind === 'retry') {
        this.afterFailure(head);

        return;
      }
      this.remove(head);
      this.emit(
        result.kind === 'saved'
          ? { kind: 'saved', tick: head, at: this.options.now() }
          : { kind: 'rejected', tick: head, message: result.message },
      );
      // One reply means the way is open again, so the rest need not wait out their delays.
      due = true;
    }
  }

  private afterFailure(sent: QueuedTick): void {
    const attempts = sent.attempts + 1;
    const retryAt = this.options.now() + retryDelay(attempts);

    this.write(
      this.pending().map((tick) => (tick.seq === sent.seq ? { ...tick, attempts, retryAt } : tick)),
    );
    this.emit({ kind: 'changed' });
  }

  /** Drops the tick that was sent; a newer tick of the same key has its own seq and stays. */
  private remove(sent: QueuedTick): void {
    this.write(this.pending().filter((tick) => tick.seq !== sent.seq));
  }

  private write(ticks: QueuedTick[]): void {
    try {
      if (ticks.length === 0) {
        this.options.storage.removeItem(this.options.storageKey);
      } else {
        this.options.storage.setItem(this.options.storageKey, JSON.stringify(ticks));
      }
      this.unstored = null;
    } catch {
      // Storage may be full or turned off; keeping the ticks in memory still saves them this visit.
      this.unstored = ticks;
    }
  }

  private emit(event: QueueEvent): void {
    this.options.onEvent?.(event);
  }
}
