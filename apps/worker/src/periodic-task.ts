/**
 * Runs a task at once and then every `intervalMs`, never two runs at the same time: a run still
 * going when the next is due makes that one wait for the interval after. A failed run is handed
 * to `onError` and the next one runs as usual.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    const tick = () => {
      this.running ??= this.task()
        .catch(this.onError)
        .finally(() => {
          this.running = undefined;
        });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Starts no more runs, and waits for one under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
