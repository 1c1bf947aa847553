import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuildResult } from '../pipeline/build.js';
import { STAGES } from '../pipeline/stage-timings.js';
import { printDiagnostics } from './print-diagnostics.js';
import { paint, useColor } from './terminal.js';

/** How much `build` says: `-q` errors only, `-v` timing per stage, `--json` one object on stdout for scripts. */
export interface ReportMode {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

/** The `--json` summary: stable keys, for scripts and CI. */
export interface BuildSummary {
  ok: boolean;
  posts: number;
  pages: number;
  files: number;
  ms: number;
  outDir: string;
  timings: BuildResult['timings'];
  diagnostics: Diagnostic[];
}

/** Prints a finished build as `mode` asks; returns the exit code (0, or 1 when the site has errors). */
export function reportBuild(result: BuildResult, mode: ReportMode): number {
  const out = path.relative(process.cwd(), result.outDir) || '.';
  if (mode.json) {
    const summary: BuildSummary = {
      ok: result.ok,
      posts: result.stats.posts,
      pages: result.stats.pages,
      files: result.stats.files,
      ms: result.stats.ms,
      outDir: out,
      timings: result.timings,
      diagnostics: result.diagnostics,
    };
    process.stdout.write(JSON.stringify(summary) + '\n');
    return result.ok ? 0 : 1;
  }
  const shown = mode.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  printDiagnostics(shown, result.sources);
  if (!result.ok) {
    process.stderr.write(`${paint('red', 'Build failed', useColor(process.stderr))}: nothing was written; ${out}/ is unchanged.\n`);
    return 1;
  }
  if (mode.quiet) return 0;
  const s = result.stats;
  const built = paint('green', 'Built', useColor(process.stdout));
  process.stdout.write(
    `${built} ${s.posts} post${s.posts === 1 ? '' : 's'}, ${s.pages} page${s.pages === 1 ? '' : 's'} (${s.files} files) into ${out}/ in ${s.ms} ms.\n`,
  );
  if (mode.verbose) process.stdout.write(formatTimings(result.timings) + '\n' + formatWork(result) + '\n');
  return 0;
}

/** `  drafts: 3 rendered (on 1 worker thread and the main thread), 997 from the cache · pages: 5 rendered, 1154 kept` */
export function formatWork(result: Pick<BuildResult, 'content' | 'stats'>): string {
  const c = result.content;
  const workers = `${c.workers} worker thread${c.workers === 1 ? '' : 's'}`;
  // A few drafts go to a worker while the main thread reads the cache, which may then find none left to render.
  const threads = c.workers === 0 ? '' : c.onMainThread > 0 ? ` (on ${workers} and the main thread)` : ` (on ${workers})`;
  const kept = result.stats.pages - result.stats.rendered;
  return `  drafts: ${c.rendered} rendered${threads}, ${c.fromCache} from the cache · pages: ${result.stats.rendered} rendered, ${kept} kept`;
}

/** `  read 12 ms · content 180 ms · site 3 ms · render 40 ms · write 20 ms` */
export function formatTimings(t: BuildResult['timings']): string {
  return '  ' + STAGES.map((s) => `${s} ${t[s]} ms`).join(' · ');
}
