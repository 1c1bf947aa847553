import path from 'node:path';
import { build } from '../pipeline/build.js';
import { handleInterrupts } from './interrupt.js';
import { reportBuild, type ReportMode } from './build-report.js';
import { progressBar, SILENT_PROGRESS } from './progress-bar.js';

export interface BuildCommandOptions {
  root: string;
  config?: string;
  out?: string;
  drafts: boolean;
  baseUrl?: string;
  /** false for `--no-cache`. */
  cache?: boolean;
  /** `-q`, `-v`, `--json`. */
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

export async function buildCommand(o: BuildCommandOptions): Promise<number> {
  // Ctrl-C or SIGTERM: the staging folder is removed and the previous output stays as it was.
  const interrupt = handleInterrupts({
    exitMessage: (sig) => `orgpress build: stopped by ${sig}; nothing was written, the output folder is unchanged.\n`,
  });
  const mode: ReportMode = { quiet: o.quiet ?? false, verbose: o.verbose ?? false, json: o.json ?? false };
  const progress = mode.quiet || mode.json ? SILENT_PROGRESS : progressBar();
  let result;
  try {
    result = await build({
      root: o.root,
      ...(o.config ? { configFile: o.config } : {}),
      ...(o.out ? { outDir: o.out } : {}),
      ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
      includeDrafts: o.drafts,
      cache: o.cache !== false,
      signal: interrupt.signal,
      onStage: (stage) => progress.stage(stage),
      onLockWait: (pid) => process.stderr.write(`orgpress build: another build (pid ${pid}) is writing the output; waiting for it to finish…\n`),
    });
  } catch (err) {
    if (!interrupt.received) throw err;
    process.stderr.write(`orgpress build: stopped by ${interrupt.received}; nothing was written, the output folder is unchanged.\n`);
    return interrupt.exitCode;
  } finally {
    progress.done();
    interrupt.dispose();
  }
  if (interrupt.received) {
    // The signal came while the finished site was being swapped in: it is in place, complete.
    process.stderr.write(`orgpress build: stopped by ${interrupt.received} after the new site was in place.\n`);
    return interrupt.exitCode;
  }
  return reportBuild(result, mode);
}
