/** Where the draft stands with the API, for the line under the text box. */
/** `refused`: the API will not take this version as it is; the next change tries again. */
export type SyncState = 'idle' | 'pending' | 'saving' | 'saved' | 'waiting' | 'refused';

export interface DraftSyncOptions<T> {
  send: (content: T) => Promise<void>;
  onState: (state: SyncState) => void;
  /** How long the patient pauses before the draft goes to the API. */
  quietMs?: number;
  /** How long to wait before trying again after a failure. */
  retryMs?: number;
  /** True for a failure that trying again cannot mend, such as text that is too long. */
  isPermanent?: (error: unknown) => boolean;
}

/**
 * Sends the newest version of a draft to the API a moment after the patient stops typing, one
 * request at a time. Each request carries the whole draft under the same draft id, so a repeat
 * or a retry changes nothing; a failure keeps the draft waiting and tries again later.
 */
export class DraftSync<T> {
  private latest: T | null = null;
  private sending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly quietMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: DraftSyncOptions<T>) {
    this.quietMs = options.quietMs ?? 1500;
    this.retryMs = options.retryMs ?? 5000;
  }

  /** The patient changed the draft. */
  change(content: T): void {
    this.latest = content;
    this.options.onState('pending');
    this.schedule(this.quietMs);
  }

  /** Sends what is waiting now, such as when the connection comes back. */
  flush(): void {
    if (this.latest !== null) {
      this.schedule(0);
    }
  }

  /**
   * Forgets what is waiting and resolves once no autosave is on its way, so that the final save
   * goes last and no late autosave follows it.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.latest = null;
    this.clearTimer();
    await this.sending;
  }

  /** Autosaves again after a final save failed. */
  resume(): void {
    this.stopped = false;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendLatest();
    }, delayMs);
  }

  private async sendLatest(): Promise<void> {
    if (this.sending !== null || this.latest === null || this.stopped) {
      return;
    }
    const content = this.latest;
    this.latest = null;
    const sent = this.options.send(content);
    this.sending = sent.then(
      () => undefined,
      () => undefined,
    );
    this.options.onState('saving');
    try {
      await sent;
      if (!this.stopped) {
        this.options.onState(this.latest === null ? 'saved' : 'pending');
      }
    } catch (error) {
      this.sending = null;
      if (this.options.isPermanent?.(error) === true) {
        if (!this.stopped && this.latest === null) {
          this.options.onState('refused');
        }
        this.schedule(this.quietMs);

        return;
      }
      // Keep the newest version: the one that failed, unless the patient has typed since.
      this.latest ??= content;
      if (!this.stopped) {
        this.options.onState('waiting');
      }
      this.schedule(this.retryMs);

      return;
    }
    this.sending = null;
    if (this.latest !== null) {
      this.schedule(this.quietMs);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
