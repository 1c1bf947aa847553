/**
 * Worker-thread entry for the content stage (loaded by tinypool from the
 * compiled lib/, so no TypeScript loader is needed at run time). A task is a
 * batch of drafts: one message per batch rather than per draft keeps the
 * messaging overhead small next to the rendering.
 */
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';
import { renderDocument } from '../content/render-document.js';

export interface RenderTask {
  files: SourceFile[];
  config: SiteConfig;
}

export default function renderBatch(task: RenderTask): Document[] {
  return task.files.map((f) => renderDocument(f, task.config));
}
