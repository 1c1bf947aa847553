import type { SourceFile } from '../content/document.js';
import { expandIncludes, readIncludeFromDisk, type ExpandedSource } from './expand-includes.js';
import { formatOf } from './read-drafts.js';

/** Dev: drafts already known to include nothing (src/pipeline/content-memo.ts). */
export interface KnownIncludes {
  hasNoIncludes(file: SourceFile): boolean;
  rememberNoIncludes(file: SourceFile): void;
}

/** `#+INCLUDE:` expansion for every org draft; markdown drafts pass through unchanged. */
export async function expandAllIncludes(files: readonly SourceFile[], root: string, known?: KnownIncludes): Promise<ExpandedSource[]> {
  const read = readIncludeFromDisk(root);
  const unchanged = (f: SourceFile): ExpandedSource => ({ source: f, lineMap: null, included: new Map<string, string>(), diagnostics: [] });
  return Promise.all(
    files.map(async (f) => {
      if (formatOf(f.path) !== 'org' || known?.hasNoIncludes(f)) return unchanged(f);
      const e = await expandIncludes(f, read);
      if (known && e.source === f && e.included.size === 0 && e.diagnostics.length === 0) known.rememberNoIncludes(f);
      return e;
    }),
  );
}
