/**
 * Which headings an org post's table of contents lists, from what the
 * author asked for: `#+OPTIONS: toc:t` (down to `H:`), `toc:N` (down to
 * level N), `toc:nil` (none), or `#+TOC: headlines [N]`.
 *
 * The outline itself (`Document.toc`, every heading with its id) is made
 * by `addHeadingIds` and stays whole: heading links, in this post and from
 * others, are resolved against it. This only picks the entries to show.
 */
import type { TocEntry } from '../document.js';
import type { OrgExportOptions } from './read-in-file-settings.js';

export type TocOptions = Pick<OrgExportOptions, 'toc' | 'tocKeyword' | 'headlineLevels'>;

/**
 * The entries to show, or null when the author did not say (no `toc:` and
 * no `#+TOC:`): the theme then decides (it shows one for posts with three
 * or more headings). An empty list means "no table of contents".
 *
 * Depths: an entry's `depth` is its HTML level after `shiftHeadings` (`*` is
 * `<h2>`, depth 2), so org level N is depth N + 1. Headlines deeper than
 * `H:` are list items, not headings, so they are never entries; as in
 * Emacs, `toc:N` cannot go deeper than `H:`.
 */
export function selectToc(options: TocOptions, toc: readonly TocEntry[]): TocEntry[] | null {
  const depth = requestedDepth(options);
  if (depth === null) return null;
  return toc.filter((entry) => entry.depth - 1 <= depth);
}

/** Org levels to list; 0 for none; null when unspecified. */
export function requestedDepth(options: TocOptions): number | null {
  const levels = options.headlineLevels;
  const fromKeyword = options.tocKeyword === null ? null : Math.min(options.tocKeyword.depth ?? levels, levels);
  const { toc } = options;
  const fromOption = toc === null ? null : toc === false ? 0 : toc === true ? levels : Math.min(toc, levels);
  if (fromKeyword === null) return fromOption;
  if (fromOption === null) return fromKeyword;
  return Math.max(fromKeyword, fromOption);
}
