import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { watch, type FSWatcher } from 'chokidar';
import { formatOf, isIgnoredName } from '../source/read-drafts.js';
import { isEditorJunk } from './editor-junk.js';

/**
 * What a changed file means for the dev server:
 * - `config`: the config file; everything is redone.
 * - `templates`: a template; every page is rendered again (no draft is).
 * - `drafts`: a draft, or a file next to the drafts; changed drafts are rendered again.
 * - `css`: a stylesheet in `templates/assets/` or `static/`; pages swap it in place.
 * - `asset`: any other static or theme file; served from disk as is, so pages just reload.
 */
export type SourceChange = 'config' | 'templates' | 'drafts' | 'css' | 'asset';

export interface ChangeBatch {
  kinds: Set<SourceChange>;
  /** Changed files, relative to the site root, `/`-separated. */
  paths: string[];
  /** `performance.now()` of the first event in the batch: edit-to-update time is measured from it. */
  firstEventAt: number;
}

export interface WatchTargets {
  root: string;
  drafts: string;
  templates: string;
  static: string;
  /** Every config file name that may be used (site.yaml and site.yml, or --config). */
  configFiles: string[];
}

export interface SourceWatcher {
  /** Resolves once the initial scan is done: edits from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches drafts, templates, static files and the config with chokidar.
 * Editors save in several steps (a temp file renamed over the original, a
 * backup, a lock file, several writes in a row): junk names are ignored and
 * events are coalesced until `debounceMs` pass without a new one, so one
 * save gives one batch. A steady stream of writes still flushes after `maxWaitMs`.
 */
export function watchSources(
  targets: WatchTargets,
  onBatch: (batch: ChangeBatch) => void,
  opts: { debounceMs?: number; maxWaitMs?: number; onError?: (err: unknown) => void } = {},
): SourceWatcher {
  const debounceMs = opts.debounceMs ?? 60;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  let pending: ChangeBatch | null = null;
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = null;
    if (batch) onBatch(batch);
  };

  // The root is watched, filtered down to the targets, rather than the targets themselves:
  // chokidar reports `ready` too early when a watched path does not exist yet (no static/,
  // no site.yaml), and edits right after it are lost. Watching the root also sees those appear.
  const outside = [targets.drafts, targets.templates, targets.static].filter((d) => relativeInside(targets.root, d) === null && d !== targets.root);
  const watcher: FSWatcher = watch([targets.root, ...outside.filter((d) => existsSync(d))], {
    ignoreInitial: true,
    ignored: (p: string) => !isRelevant(targets, p),
  });
  watcher.on('all', (_event, file) => {
    const kinds = classifyChange(targets, file);
    if (kinds.length === 0) return;
    const now = performance.now();
    pending ??= { kinds: new Set(), paths: [], firstEventAt: now };
    for (const k of kinds) pending.kinds.add(k);
    const rel = path.relative(targets.root, file).split(path.sep).join('/');
    if (!pending.paths.includes(rel)) pending.paths.push(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, now - pending.firstEventAt >= maxWaitMs ? 0 : debounceMs);
  });
  watcher.on('error', (err) => opts.onError?.(err));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      await watcher.close();
    },
  };
}

/** Which kinds of change an event on `file` is; none for files that do not matter. */
export function classifyChange(t: WatchTargets, file: string): SourceChange[] {
  if (t.configFiles.includes(file)) return ['config'];
  const inTemplates = relativeInside(t.templates, file);
  if (inTemplates !== null) {
    if (!inTemplates.startsWith('assets/')) return ['templates'];
    return [inTemplates.endsWith('.css') ? 'css' : 'asset'];
  }
  const inStatic = relativeInside(t.static, file);
  if (inStatic !== null) return [inStatic.endsWith('.css') ? 'css' : 'asset'];
  const inDrafts = relativeInside(t.drafts, file);
  if (inDrafts !== null) return formatOf(file) ? ['drafts'] : ['drafts', 'asset'];
  return [];
}

/** The root, the targets, what is inside them, and the folders on the way to them; no editor junk. */
function isRelevant(t: WatchTargets, file: string): boolean {
  if (file === t.root || t.configFiles.includes(file)) return true;
  if (isEditorJunk(path.basename(file))) return false;
  return [t.drafts, t.templates, t.static].some((dir) => {
    if (file === dir || relativeInside(file, dir) !== null) return true; // the folder itself, or on the way to it
    const inside = relativeInside(dir, file);
    if (inside === null) return false;
    // Under drafts/, the names readDrafts skips (hidden files and folders, backups) change nothing.
    return dir !== t.drafts || !inside.split('/').some(isIgnoredName);
  });
}

/** `file` relative to `dir` with `/` separators, or null when it is not strictly inside it. */
function relativeInside(dir: string, file: string): string | null {
  const rel = path.relative(dir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
