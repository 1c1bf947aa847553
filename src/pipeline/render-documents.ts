import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Tinypool } from 'tinypool';
import type { SiteConfig } from '../config/schema.js';
import { withoutDevBody, type Document, type SourceFile } from '../content/document.js';
import type { DocumentCache } from './document-cache.js';
import type { ContentMemo } from './content-memo.js';
import type { RenderResult, RenderTask } from './render-worker.js';

/**
 * Below this many drafts to render, no worker thread is started. A worker
 * first loads the content stage (~0.7 s of module loading) and then warms up
 * like any process: each syntax-highlighting grammar is compiled on its first
 * block (10 ms to 1.8 s per language), so a worker only pays off once it has
 * hundreds of drafts to amortise that over. Measured with
 * `node bench/pool-crossover.mjs` (bench/results/pool-crossover.md): on 2
 * cores the pool was slower at 200 drafts and faster at 1000.
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
}

/**
 * The content stage for a whole site: Documents come from the cache when
 * their key is known; the others are rendered (on the main thread and, for
 * enough of them, on a worker pool sized to the cores) and then cached.
 * Results keep the order of `files`. `renderDocument` stays synchronous and
 * pure; this is only scheduling.
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
  const documents = files.map((f, i) => {
    const found = remembered[i] ?? (cache ? cache.get(keys[i]!, f, { devBody: opts.devBodies !== false }) : null);
    return found && slim(found);
  });
  const todo = files.flatMap((f, i) => (documents[i] ? [] : [i]));
  // Each Document is cached as soon as it is rendered (by the worker that rendered it, or here).
  const done: OnRendered = (n, doc, cachedByWorker) => {
    const i = todo[n]!;
    if (cache && cachedByWorker) cache.written(keys[i]!);
    else if (cache) cache.put(keys[i]!, doc);
    documents[i] = slim(doc);
  };
  const workers = workerCount(todo.length, opts.threads);
  const todoFiles = todo.map((i) => files[i]!);
  if (workers > 0) {
    const cacheFor = cache ? { dir: cache.dir, keys: todo.map((i) => keys[i]!) } : null;
    await renderOnPool(todoFiles, config, workers, { cache: cacheFor, devBodies: opts.devBodies !== false }, done);
  } else if (todo.length) await renderHere(todoFiles, config, done);
  // Drafts taken from the memo were not looked up, so their entries would look unused: prune on full lookups only.
  if (cache && !remembered.some((d) => d)) await cache.prune();
  memo?.rememberDocuments(documents as Document[], config);
  return {
    documents: documents as Document[],
    stats: { drafts: files.length, fromCache: files.length - todo.length, rendered: todo.length, workers },
  };
}

/**
 * The content stage (unified, uniorg, the highlighter, KaTeX) is loaded only
 * when a draft needs rendering: a build that finds every Document in the
 * cache never pays for loading it.
 */
const contentStage = () => import('../content/render-document.js');

/** Told of each Document as it is rendered, by its index in the files given, and whether a worker already cached it. */
type OnRendered = (index: number, doc: Document, cachedByWorker: boolean) => void;

async function renderHere(files: SourceFile[], config: SiteConfig, done: OnRendered): Promise<void> {
  const { renderDocument } = await contentStage();
  for (const [i, f] of files.entries()) {
    done(i, renderDocument(f, config), false);
    // Between drafts, let signals (Ctrl-C) and the progress bar through.
    await yieldToEventLoop();
  }
}

function workerCount(toRender: number, requested: number | undefined): number {
  const env = process.env[THREADS_ENV];
  const forced = requested ?? (env !== undefined && env !== '' ? Number(env) : undefined);
  if (forced !== undefined && Number.isInteger(forced) && forced >= 0) return toRender === 0 ? 0 : forced;
  // The main thread renders too, so one core per worker besides it: more threads than
  // cores would only make each of them pay its warm-up (module loading, grammar
  // compilation) on a shared core.
  const cores = availableParallelism();
  return cores > 1 && toRender >= POOL_MIN_DOCS ? cores - 1 : 0;
}

/**
 * Renders on `workers` worker threads while the main thread renders too:
 * all of them take batches from one queue, so the main thread does useful
 * work while the workers are still loading their modules, and nobody idles
 * at the end.
 */
async function renderOnPool(
  files: SourceFile[],
  config: SiteConfig,
  workers: number,
  opts: Pick<RenderTask, 'cache' | 'devBodies'>,
  done: OnRendered,
): Promise<void> {
  const pool = new Tinypool({
    filename: new URL('./render-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  let next = 0;
  const take = (size: number): number[] => {
    const start = next;
    next = Math.min(files.length, next + size);
    return Array.from({ length: next - start }, (_, k) => start + k);
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
      for (const [k, i] of batch.entries()) done(i, docs[k]!, cached[k] === true);
    }
  };
  const onMainThread = async (): Promise<void> => {
    const { renderDocument } = await contentStage();
    for (let batch = take(1); batch.length; batch = take(1)) {
      done(batch[0]!, renderDocument(files[batch[0]!]!, config), false);
      // Let worker results and requests through between drafts: a worker waits until then.
      await yieldToEventLoop();
    }
  };
  try {
    await Promise.all([...Array.from({ length: workers }, viaWorker), onMainThread()]);
  } finally {
    await pool.destroy();
  }
}
