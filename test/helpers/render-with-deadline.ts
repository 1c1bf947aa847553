import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../../src/config/schema.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export type DeadlineResult =
  | { kind: 'rendered'; html: string; devHtml: string; summary: string | null; toc: string[]; diagnostics: Diagnostic[]; ms: number }
  | { kind: 'threw'; error: string }
  | { kind: 'timed-out'; ms: number };

/**
 * Renders drafts on a worker thread, one at a time, each with a deadline:
 * a render that hangs cannot be stopped on the thread that runs it, so the
 * worker is ended instead (and a fresh one started for the next draft).
 */
export class DeadlineRenderer {
  private worker: Worker | null = null;
  private nextId = 0;

  constructor(private readonly deadlineMs: number) {}

  /** `deadlineMs` overrides the renderer's deadline for this one draft. */
  async render(path: string, text: string, config: Partial<SiteConfig> = {}, deadlineMs = this.deadlineMs): Promise<DeadlineResult> {
    const worker = (this.worker ??= new Worker(new URL('./render-worker.mjs', import.meta.url)));
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<DeadlineResult>((resolve) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        void worker.terminate();
        this.worker = null;
        resolve({ kind: 'timed-out', ms: performance.now() - started });
      }, deadlineMs);
      // The worker's reply: its shape is set by render-worker.mjs.
      type Reply = { id: number; ok: boolean; html?: string; devHtml?: string; summary?: string | null; toc?: string[]; diagnostics?: Diagnostic[]; error?: string };
      const onMessage = (msg: Reply) => {
        if (msg.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(
          msg.ok
            ? {
                kind: 'rendered',
                html: msg.html ?? '',
                devHtml: msg.devHtml ?? '',
                summary: msg.summary ?? null,
                toc: msg.toc ?? [],
                diagnostics: msg.diagnostics ?? [],
                ms: performance.now() - started,
              }
            : { kind: 'threw', error: msg.error ?? 'unknown error' },
        );
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, path, text, config });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
