/**
 * Worker-thread entry for the content stage (loaded by tinypool from the
 * compiled lib/, so no TypeScript loader is needed at run time). A task is a
 * batch of drafts: one message per batch rather than per draft keeps the
 * messaging overhead small next to the rendering.
 */
import type { SiteConfig } from '../config/schema.js';
import { withoutDevBody, type Document, type SourceFile } from '../content/document.js';
import { loadFormats, renderDocument } from '../content/render-document.js';
import { writeCacheEntry } from './document-cache.js';

export interface RenderTask {
  files: SourceFile[];
  config: SiteConfig;
  /** Where and under which keys (one per file) to cache the Documents; null for `--no-cache`. */
  cache: { dir: string; keys: string[] } | null;
  /** false (`build`): Documents come back without their dev body, which only the cache needs. */
  devBodies: boolean;
}

export interface RenderResult {
  /** Without their source, which the main thread has (sent back, it would be a second copy of every draft's text). */
  docs: Omit<Document, 'source'>[];
  /** Per file: whether its cache entry was written. */
  cached: boolean[];
}

/**
 * Renders the batch, writes each Document to the cache from here (so the
 * main thread neither receives the dev body nor serialises the entry), and
 * sends back what the build needs.
 */
export default async function renderBatch(task: RenderTask): Promise<RenderResult> {
  await loadFormats(task.files);
  const docs: Omit<Document, 'source'>[] = [];
  const cached: boolean[] = [];
  for (const [i, f] of task.files.entries()) {
    const doc = renderDocument(f, task.config);
    if (task.cache) cached.push(writeCacheEntry(task.cache.dir, task.cache.keys[i]!, doc));
    const { source: _source, ...sent } = task.devBodies ? doc : withoutDevBody(doc);
    docs.push(sent);
  }
  return { docs, cached };
}
