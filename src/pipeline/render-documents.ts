import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Tinypool } from 'tinypool';
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';
import type { DocumentCache } from './document-cache.js';
import type { ContentMemo } from './content-memo.js';

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

/** Drafts per message to a worker: large enough to amortise messaging, small enough to balance the tail. */
const BATCH = 4;

/** Tests and benchmarks only: `0` forces the main thread, `N` forces N workers whatever the draft count. */
export const THREADS_ENV = 'ORGPRESS_THREADS';

export interface RenderDocumentsOptions {
  /** The on-disk cache, or null for `--no-cache`. */
  cache: DocumentCache | null;
  /** Dev: the previous rebuild's Documents, reused for drafts whose text is unchanged. */
  memo?: ContentMemo;
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
  const found = await Promise.all(files.map((f, i) => remembered[i] ?? (cache ? cache.get(keys[i]!, f) : null)));
  const todo = files.flatMap((f, i) => (found[i] ? [] : [i]));

  const workers = workerCount(todo.length, opts.threads);
  const rendered =
    workers > 0 ? await renderOnPool(todo.map((i) => files[i]!), config, workers) : todo.length ? await renderHere(todo.map((i) => files[i]!), config) : [];

  const documents = found.slice() as (Document | null)[];
  todo.forEach((fileIndex, n) => (documents[fileIndex] = rendered[n]!));
  if (cache) {
    await Promise.all(todo.map((i) => cache.put(keys[i]!, documents[i]!)));
    // Drafts taken from the memo were not looked up, so their entries would look unused: prune on full lookups only.
    if (!remembered.some((d) => d)) await cache.prune();
  }
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

async function renderHere(files: SourceFile[], config: SiteConfig): Promise<Document[]> {
  const { renderDocument } = await contentStage();
  return files.map((f) => renderDocument(f, config));
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
async function renderOnPool(files: SourceFile[], config: SiteConfig, workers: number): Promise<Document[]> {
  const pool = new Tinypool({
    filename: new URL('./render-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  const results: Document[] = new Array<Document>(files.length);
  let next = 0;
  const take = (): number[] => {
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return Array.from({ length: next - start }, (_, k) => start + k);
  };
  const viaWorker = async (): Promise<void> => {
    for (let batch = take(); batch.length; batch = take()) {
      const docs = (await pool.run({ files: batch.map((i) => files[i]!), config })) as Document[];
      batch.forEach((i, k) => (results[i] = docs[k]!));
    }
  };
  const onMainThread = async (): Promise<void> => {
    const { renderDocument } = await contentStage();
    for (let batch = take(); batch.length; batch = take()) {
      for (const i of batch) results[i] = renderDocument(files[i]!, config);
      // Let worker results and requests through between batches.
      await yieldToEventLoop();
    }
  };
  try {
    await Promise.all([...Array.from({ length: workers }, viaWorker), onMainThread()]);
  } finally {
    await pool.destroy();
  }
  return results;
}
