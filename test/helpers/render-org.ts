import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { defaultConfig, type SiteConfig } from '../../src/config/schema.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Document } from '../../src/content/document.js';
import { renderDocument } from '../../src/content/render-document.js';

export interface RenderedOrg {
  /** The published HTML read back as a browser would. */
  tree: Root;
  doc: Document;
  /** Diagnostics of the body (front matter ones left out). */
  diagnostics: Diagnostic[];
}

/**
 * An org body through the real content stage (`renderDocument` on
 * `drafts/x.org`), with a title so front matter adds no diagnostics.
 * The body starts on line 3 of the file (after `#+TITLE:` and a blank line).
 */
export function renderOrg(body: string, config: Partial<SiteConfig> = {}): RenderedOrg {
  const doc = renderDocument({ path: 'drafts/x.org', text: `#+TITLE: Test\n\n${body}` }, defaultConfig(config));
  return { tree: fromHtml(doc.html, { fragment: true }), doc, diagnostics: doc.diagnostics };
}

export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function all(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** Text content with runs of spaces, tabs and newlines collapsed (no-break spaces are kept). */
export function text(node: Root | Element): string {
  return toString(node).replace(/[ \t\r\n]+/g, ' ').trim();
}

export function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}
