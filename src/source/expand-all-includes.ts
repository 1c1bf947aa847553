import type { SourceFile } from '../content/document.js';
import { expandIncludes, readIncludeFromDisk, type ExpandedSource } from './expand-includes.js';
import { formatOf } from './read-drafts.js';

/** `#+INCLUDE:` expansion for every org draft; markdown drafts pass through unchanged. */
export async function expandAllIncludes(files: readonly SourceFile[], root: string): Promise<ExpandedSource[]> {
  const read = readIncludeFromDisk(root);
  return Promise.all(
    files.map((f) =>
      formatOf(f.path) === 'org'
        ? expandIncludes(f, read)
        : Promise.resolve({ source: f, lineMap: null, included: new Map<string, string>(), diagnostics: [] }),
    ),
  );
}
