// Worker thread for the property tests: renders drafts with the compiled
// content stage (lib/, built by `npm test`'s tsc step), so the main thread
// can put a deadline on each render and end a render that hangs.
import { parentPort } from 'node:worker_threads';
import { renderDocument } from '../../lib/content/render-document.js';
import { defaultConfig } from '../../lib/config/schema.js';

parentPort.on('message', ({ id, path, text, config }) => {
  try {
    const doc = renderDocument({ path, text }, defaultConfig(config));
    parentPort.postMessage({ id, ok: true, html: doc.html, devHtml: doc.devHtml, summary: doc.meta.summary, toc: doc.toc.map((t) => t.text), diagnostics: doc.diagnostics });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err) });
  }
});
