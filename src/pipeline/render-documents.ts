import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SiteConfig } from '../config/schema.js';
import { withoutDevBody, type Document, type SourceFile } from '../content/document.js';
import type { DocumentCache } from './document-cache.js';
import type { ContentMemo } from './content-memo.js';
import type { RenderResult, RenderTask } from './render-worker.js';

/**
 * Below this many drafts to render, no worker thread is started. A worker
 * first starts and loads the content stage (~0.4 s to its first draft) and
 * then warms up like any process (its JIT, and each syntax-highlighting
 * grammar compiled on its first block), so a worker only pays off once it
 * has hundreds of drafts to amortise that over. Measured with
 * `node bench/pool-crossover.mjs` (bench/results/pool-crossover.md): on 2
 * cores the pool was slower at 150 drafts, even at 300 and faster at 600.
 */
export const POOL_MIN_DOCS = 300;

/**
 * Drafts per message to a worker. A worker waits idle from posting a result until the main
 * thread, itself rendering one draft at a time, reads it and posts the next batch: ~5 ms a
 * time. Batches of 16 (~80 ms of work) keep that wait small; the tail stays short because the
 * main thread takes single drafts.
 */
const WORKER_BATCH = 16;

/** Tests and benchmarks only: `0` forces the main thread, `N` forces N workers whatever the draft count. */
export const THREADS_ENV = 'ORGPRESS_THREADS';

export interface RenderDocumentsOptions {
  /** The on-disk cache, or null for `--no-cache`. */
  cache: DocumentCache | null;
  /** Dev: the previous rebuild's Documents, reused for drafts whose text is unchanged. */
  memo?: ContentMemo;
  /** false (`build`): Documents come back without their dev body (`devHtml` empty); the cache still gets it. */
  devBodies?: boolean;
  /** Worker threads; default: one per core besides the main thread's, when there are at least POOL_MIN_DOCS drafts to render. */
  threads?: number;
}

export interface RenderDocumentsStats {
  drafts: number;
  fromCache: number;
  rendered: number;
  workers: number;
  /** Of `rendered`, how many the main thread rendered (the others: the workers). */
  onMainThread: number;
}

/**
 * The content stage for a whole site: Documents come from the cache when
 * their key is known; the others are rendered (on the main thread and, for
 * enough of them, on a worker pool sized to the cores) and then cached.
 * Results keep the order of `files`. `renderDocument` stays synchronous and
 * pure; this is only scheduling.
 *
 * In a large site, the drafts to render are known before any cache entry is
 * read (one listing of the cache folder), so a worker can load the content stage and
 * render them while the main thread reads the thousands of entries of a
 * large site: an edit of one post then costs the time of those reads, not
 * of the reads plus loading and warming up the content stage after them.
 */
export async function renderDocuments(
  files: SourceFile[],
  config: SiteConfig,
  opts: RenderDocumentsOptions,
): Promise<{ documents: Document[]; stats: RenderDocumentsStats }> {
  const { cache, memo } = opts;
  const remembered = memo ? files.map(memo.documents(config)) : files.map(() => null);
  const keys = cache ? files.map((f, i) => (remembered[i] ? '' : cache.keyFor(f))) : [];
  const slim = (doc: Document): Document => (opts.devBodies === false ? withoutDevBody(doc) : doc);
  const documents: (Document | null)[] = remembered.map((doc) => doc && slim(doc));
  const pending = files.flatMap((_, i) => (documents[i] ? [] : [i]));
  // Which entries exist, from one listing of the cache folder before any is read: the drafts
  // known to be missing can then render on a worker during the reads. Worth it before many
  // reads only (a dev edit looks up one draft, and just tries it).
  const listed = cache && (pending.length >= EARLY_WORKER_MIN_READS || forcedThreads(opts.threads) > 0) ? cache.listKeys() : null;
  const toLoad = cache ? (listed ? pending.filter((i) => listed.has(keys[i]!)) : pending) : [];
  const missing = listed ? pending.filter((i) => !listed.has(keys[i]!)) : cache ? [] : pending;
  let onMainThread = 0;
  let unread: number[] = [];
  // Each Document is cached as soon as it is rendered (by the worker that rendered it, or here).
  const done: OnRendered = (i, doc, by, cachedByWorker = false) => {
    if (cache && cachedByWorker) cache.written(keys[i]!);
    else if (cache) cache.put(keys[i]!, doc);
    if (by === 'main') onMainThread++;
    documents[i] = slim(doc);
  };
  const poolOpts = { cache: cache ? { dir: cache.dir, keys } : null, devBodies: opts.devBodies !== false };
  let workers = workerCount(missing.length, toLoad.length, opts.threads);
  // Started before the entries are read, so the workers render while this thread reads.
  let pool = workers > 0 ? await startPool(files, missing, config, workers, poolOpts, done) : null;
  try {
    for (const i of toLoad) {
      const found = cache!.get(keys[i]!, files[i]!, { devBody: opts.devBodies !== false });
      if (found) documents[i] = slim(found);
    }
    // Entries not there (unlisted) or unreadable (truncated, foreign): misses, rendered now.
    unread = toLoad.filter((i) => !documents[i]);
    if (pool) {
      // The main thread joins the workers, then renders what it could not read.
      await pool.renderWithWorkers();
      await renderHere(files, unread, config, done);
    } else {
      const misses = [...missing, ...unread].sort((a, b) => a - b);
      workers = workerCount(misses.length, 0, opts.threads);
      pool = workers > 0 ? await startPool(files, misses, config, workers, poolOpts, done) : null;
      if (pool) await pool.renderWithWorkers();
      else await renderHere(files, misses, config, done);
    }
  } finally {
    await pool?.destroy();
  }
  // Drafts taken from the memo were not looked up, so their entries would look unused: prune on full lookups only.
  if (cache && !remembered.some((d) => d)) await cache.prune();
  memo?.rememberDocuments(documents as Document[], config);
  const rendered = missing.length + unread.length;
  return {
    documents: documents as Document[],
    stats: { drafts: files.length, fromCache: files.length - rendered, rendered, workers, onMainThread },
  };
}

/**
 * The content stage (unified, uniorg, the highlighter, KaTeX) is loaded only
 * when a draft needs rendering: a build that finds every Document in the
 * cache never pays for loading it. So is the markdown pipeline, when one of
 * the drafts to render is markdown.
 */
async function contentStage(drafts: readonly SourceFile[]): Promise<typeof import('../content/render-document.js')> {
  const stage = await import('../content/render-document.js');
  await stage.loadFormats(drafts);
  return stage;
}

/** Told of each Document as it is rendered, by its index in the files given, by whom, and whether the worker already cached it. */
type OnRendered = (index: number, doc: Document, by: 'main' | 'worker', cachedByWorker?: boolean) => void;

async function renderHere(files: SourceFile[], indexes: number[], config: SiteConfig, done: OnRendered): Promise<void> {
  if (indexes.length === 0) return;
  const { renderDocument } = await contentStage(indexes.map((i) => files[i]!));
  for (const i of indexes) {
    done(i, renderDocument(files[i]!, config), 'main');
    // Between drafts, let signals (Ctrl-C) and the progress bar through.
    await yieldToEventLoop();
  }
}

/**
 * Below this many cache entries to read, the cache folder is not listed
 * first, and drafts that are few (under POOL_MIN_DOCS) are rendered on the
 * main thread after the reads. From it on, a worker renders the drafts the
 * listing shows missing during the reads: a worker takes ~0.4 s to
 * start, load the content stage and render its first draft, the main
 * thread ~0.3 s to load and render after its reads, and reads take ~75 µs
 * an entry (measured on bench/ corpora, 2 cores).
 */
export const EARLY_WORKER_MIN_READS = 1000;

/** Workers asked for by the caller or by ORGPRESS_THREADS (tests, benchmarks), or -1: decide by the counts. */
function forcedThreads(requested: number | undefined): number {
  const env = process.env[THREADS_ENV];
  const forced = requested ?? (env !== undefined && env !== '' ? Number(env) : undefined);
  return forced !== undefined && Number.isInteger(forced) && forced >= 0 ? forced : -1;
}

function workerCount(toRender: number, toRead: number, requested: number | undefined): number {
  if (toRender === 0) return 0;
  const forced = forcedThreads(requested);
  if (forced >= 0) return forced;
  // The main thread renders too, so one core per worker besides it: more threads than
  // cores would only make each of them pay its warm-up (module loading, grammar
  // compilation) on a shared core.
  const cores = availableParallelism();
  if (cores < 2) return 0;
  if (toRender >= POOL_MIN_DOCS) return cores - 1;
  // A few drafts, rendered while the entries are read: no more workers than batches.
  return toRead >= EARLY_WORKER_MIN_READS ? Math.min(cores - 1, Math.ceil(toRender / WORKER_BATCH)) : 0;
}

interface RunningPool {
  /** The main thread takes drafts from the workers' queue until it is empty, then waits for the workers. */
  renderWithWorkers(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Starts `workers` worker threads on the drafts `indexes` of `files`: they
 * take batches from one queue, which the main thread joins (one draft at a
 * time) when it calls `renderWithWorkers`, so it does useful work while the
 * workers are still loading their modules, and nobody idles at the end.
 */
async function startPool(
  files: SourceFile[],
  indexes: number[],
  config: SiteConfig,
  workers: number,
  opts: { cache: { dir: string; keys: string[] } | null; devBodies: boolean },
  done: OnRendered,
): Promise<RunningPool> {
  // Loaded here: most builds of a small or unchanged site start no pool.
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./render-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  let next = 0;
  const take = (size: number): number[] => {
    const batch = indexes.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  const viaWorker = async (): Promise<void> => {
    for (let batch = take(WORKER_BATCH); batch.length; batch = take(WORKER_BATCH)) {
      const task: RenderTask = {
        files: batch.map((i) => files[i]!),
        config,
        cache: opts.cache && { dir: opts.cache.dir, keys: batch.map((i) => opts.cache!.keys[i]!) },
        devBodies: opts.devBodies,
      };
      const { docs, cached } = (await pool.run(task)) as RenderResult;
      for (const [k, i] of batch.entries()) done(i, { source: files[i]!, ...docs[k]! }, 'worker', cached[k] === true);
    }
  };
  // Posted now: a worker starts on its first batch while this thread is busy (reading the cache).
  const running = Promise.all(Array.from({ length: workers }, viaWorker));
  // Until renderWithWorkers awaits it, a worker's failure must not count as unhandled.
  running.catch(() => {});
  return {
    async renderWithWorkers() {
      // Nothing left to take (a few drafts, all in the workers' first batches): the content stage is not loaded here.
      if (next < indexes.length) {
        const { renderDocument } = await contentStage(indexes.slice(next).map((i) => files[i]!));
        for (let batch = take(1); batch.length; batch = take(1)) {
          done(batch[0]!, renderDocument(files[batch[0]!]!, config), 'main');
          // Let worker results and requests through between drafts: a worker waits until then.
          await yieldToEventLoop();
        }
      }
      await running;
    },
    destroy: () => pool.destroy(),
  };
}
