import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Tinypool } from 'tinypool';
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';
import { renderDocument } from '../content/render-document.js';
import type { DocumentCache } from './document-cache.js';

/**
 * Below this many drafts to render, worker threads are not started: each
 * worker first loads the whole content stage (~0.3 s of module loading), which
 * outweighs what it saves on a handful of drafts. Measured with
 * `node bench/pool-crossover.mjs` (bench/results/pool-crossover.md).
 */
export const POOL_MIN_DOCS = 40;

/** Drafts per message to a worker: large enough to amortise messaging, small enough to balance the tail. */
const BATCH = 4;

/** Tests and benchmarks only: `0` forces the main thread, `N` forces N workers whatever the draft count. */
export const THREADS_ENV = 'ORGPRESS_THREADS';

export interface RenderDocumentsOptions {
  /** The on-disk cache, or null for `--no-cache`. */
  cache: DocumentCache | null;
  /** Worker threads; default: sized to the cores when there are at least POOL_MIN_DOCS drafts to render. */
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
  const { cache } = opts;
  const keys = cache ? files.map((f) => cache.keyFor(f)) : [];
  const found = cache ? await Promise.all(files.map((f, i) => cache.get(keys[i]!, f))) : files.map(() => null);
  const todo = files.flatMap((f, i) => (found[i] ? [] : [i]));

  const workers = workerCount(todo.length, opts.threads);
  const rendered = workers > 0 ? await renderOnPool(todo.map((i) => files[i]!), config, workers) : todo.map((i) => renderDocument(files[i]!, config));

  const documents = found.slice() as (Document | null)[];
  todo.forEach((fileIndex, n) => (documents[fileIndex] = rendered[n]!));
  if (cache) {
    await Promise.all(todo.map((i) => cache.put(keys[i]!, documents[i]!)));
    await cache.prune();
  }
  return {
    documents: documents as Document[],
    stats: { drafts: files.length, fromCache: files.length - todo.length, rendered: todo.length, workers },
  };
}

function workerCount(toRender: number, requested: number | undefined): number {
  const env = process.env[THREADS_ENV];
  const forced = requested ?? (env !== undefined && env !== '' ? Number(env) : undefined);
  if (forced !== undefined && Number.isInteger(forced) && forced >= 0) return toRender === 0 ? 0 : forced;
  const cores = availableParallelism();
  return cores > 1 && toRender >= POOL_MIN_DOCS ? cores : 0;
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
