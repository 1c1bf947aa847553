import { STAGES, type Stage } from '../pipeline/stage-timings.js';
import { isInteractive } from './terminal.js';

/** Rough share of a cold build each stage takes, so the bar moves about evenly. */
const WEIGHT: Record<Stage, number> = { read: 0.05, content: 0.6, site: 0.05, render: 0.2, write: 0.1 };
const LABEL: Record<Stage, string> = {
  read: 'reading drafts',
  content: 'rendering drafts',
  site: 'building the site',
  render: 'rendering pages',
  write: 'writing files',
};
const WIDTH = 24;

export interface Progress {
  stage(stage: Stage): void;
  /** Clears the bar (if it was ever drawn). */
  done(): void;
}

/** For `-q` and `--json`: nothing but the result. */
export const SILENT_PROGRESS: Progress = { stage() {}, done() {} };

/**
 * A one-line bar on stderr for builds that take more than `delayMs`: a quick
 * build prints nothing extra, and nothing is drawn unless stderr is a
 * terminal (logs, pipes, CI and tests stay clean). A few lines of our own:
 * the build has five stages, not a stream of ticks.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  if (!isInteractive(stream)) return SILENT_PROGRESS;
  const t0 = Date.now();
  let current: Stage = 'read';
  let drawn = false;
  let timer: NodeJS.Timeout | null = null;
  const draw = () => {
    const before = STAGES.slice(0, STAGES.indexOf(current)).reduce((sum, s) => sum + WEIGHT[s], 0);
    const filled = Math.round(before * WIDTH);
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${LABEL[current]}… ${seconds} s`);
    drawn = true;
  };
  const start = setTimeout(() => {
    draw();
    timer = setInterval(draw, 100);
    timer.unref();
  }, delayMs);
  start.unref();
  return {
    stage(stage) {
      current = stage;
      if (drawn) draw();
    },
    done() {
      clearTimeout(start);
      if (timer) clearInterval(timer);
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
