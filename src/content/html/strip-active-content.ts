/**
 * `rawHtml: false` is for content the site owner does not fully trust:
 * nothing in such a post may run a script. Raw HTML is removed before this
 * runs (`render-document.ts`); what is left to catch is what `#+ATTR_HTML:`
 * adds to any element (`:onclick alert(1)`, `:srcdoc …`) and, as a last
 * guard, a script-capable element that some handler might produce. Each
 * removal is a warning: the author asked for something that is not
 * published.
 */
import type { Element, Root } from 'hast';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';

/** Elements that run or load active content, or redirect the page. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'noscript']);

/** Attributes that hold code or a whole document, besides `on…` event handlers. */
const ACTIVE_PROPERTIES = new Set(['srcdoc', 'srcDoc']);

export interface StripContext {
  file: string;
  /** Line of the file where the parsed body starts. */
  startLine: number;
  diagnostics: Diagnostic[];
}

export function stripActiveContent(tree: Root, ctx: StripContext): void {
  // An explicit stack: deeply nested posts must not exhaust the call stack.
  const parents: (Root | Element)[] = [tree];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    const kept = parent.children.filter((child) => {
      if (child.type !== 'element') return true;
      if (ACTIVE_ELEMENTS.has(child.tagName)) {
        report(child, `a <${child.tagName}> element is dropped`, ctx);
        return false;
      }
      for (const name of Object.keys(child.properties)) {
        if (!/^on/i.test(name) && !ACTIVE_PROPERTIES.has(name)) continue;
        report(child, `the \`${name.toLowerCase()}\` attribute is dropped`, ctx);
        delete child.properties[name];
      }
      parents.push(child);
      return true;
    });
    if (kept.length !== parent.children.length) parent.children = kept as typeof parent.children;
  }
}

function report(el: Element, what: string, ctx: StripContext): void {
  const start = el.position?.start;
  ctx.diagnostics.push(
    warning(ctx.file, start ? start.line + ctx.startLine - 1 : 0, start?.column ?? 0, `${what}: the site turns raw HTML off (\`rawHtml: false\`)`, {
      code: 'content/raw-html-off',
      hint: 'remove it from the draft (or from its #+ATTR_HTML: line), or set `rawHtml: true` in site.yaml if you trust this content',
    }),
  );
}
