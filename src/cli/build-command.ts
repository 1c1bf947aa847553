import path from 'node:path';
import { build } from '../pipeline/build.js';
import { printDiagnostics } from './print-diagnostics.js';

export interface BuildCommandOptions {
  root: string;
  config?: string;
  out?: string;
  drafts: boolean;
  baseUrl?: string;
  /** false for `--no-cache`. */
  cache?: boolean;
}

export async function buildCommand(o: BuildCommandOptions): Promise<number> {
  const result = await build({
    root: o.root,
    ...(o.config ? { configFile: o.config } : {}),
    ...(o.out ? { outDir: o.out } : {}),
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    includeDrafts: o.drafts,
    cache: o.cache !== false,
  });
  printDiagnostics(result.diagnostics, result.sources);
  const out = path.relative(process.cwd(), result.outDir) || '.';
  if (!result.ok) {
    process.stderr.write(`Build failed: nothing was written; ${out}/ is unchanged.\n`);
    return 1;
  }
  const s = result.stats;
  process.stdout.write(
    `Built ${s.posts} post${s.posts === 1 ? '' : 's'}, ${s.pages} page${s.pages === 1 ? '' : 's'} (${s.files} files) into ${out}/ in ${s.ms} ms.\n`,
  );
  return 0;
}
