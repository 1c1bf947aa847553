import { performance } from 'node:perf_hooks';

/** The stages of a build, in order (`orgpress build -v` prints each one's time). */
export const STAGES = ['read', 'content', 'site', 'render', 'write'] as const;
export type Stage = (typeof STAGES)[number];
/** Milliseconds spent in each stage. */
export type StageTimings = Record<Stage, number>;

/**
 * A lap timer over the build's stages: `enter(stage)` closes the stage
 * running and opens the next, so the pipeline marks its stages with one
 * line each rather than being wrapped in callbacks. It also tells a listener
 * (the progress bar) when a stage starts.
 */
export class StageClock {
  private readonly ms: StageTimings = { read: 0, content: 0, site: 0, render: 0, write: 0 };
  private current: Stage | null = null;
  private since = 0;

  constructor(private readonly onStage?: (stage: Stage) => void) {}

  enter(stage: Stage): void {
    this.stop();
    this.current = stage;
    this.since = performance.now();
    this.onStage?.(stage);
  }

  /** Closes the stage running, if any. */
  stop(): void {
    if (this.current !== null) this.ms[this.current] += performance.now() - this.since;
    this.current = null;
  }

  /** Whole milliseconds per stage (the one running counts up to now). */
  get timings(): StageTimings {
    const out = { ...this.ms };
    if (this.current !== null) out[this.current] += performance.now() - this.since;
    for (const s of STAGES) out[s] = Math.round(out[s]);
    return out;
  }
}
