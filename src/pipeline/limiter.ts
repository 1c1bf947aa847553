/**
 * Runs async tasks with at most `limit` in flight: `add` waits for a free
 * slot, `drain` for all of them. A task that fails fails the next `add` or
 * `drain`, not the process (as an unhandled rejection would). Used where work
 * is handed off and the caller goes on: pages being minified and staged
 * while the next ones render (src/render/render-pages.ts).
 */
export class Limiter {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    this.rethrow();
    const p: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
