/**
 * The one place where addresses that run code are taken out of a post, for
 * org and markdown alike: `[[javascript:alert(1)][x]]`, `[x](vbscript:…)`,
 * `<javascript:…>` autolinks, a `data:` page in a link, an `#+ATTR_HTML:
 * :src javascript:…`. Such a link keeps its text without the link (no `<a>`
 * at all), an image gives way to its alt text, any other attribute is
 * dropped; each is a warning at the link.
 *
 * `data:image/…` stays allowed in `<img src>`: an image cannot run a script
 * (browsers run none inside an SVG shown by `<img>`), and inline images are
 * a legitimate way to ship a small picture with the text.
 *
 * Runs on the tree before raw HTML is parsed (`render-document.ts`), so the
 * author's own `#+BEGIN_EXPORT html` / `@@html:…@@` / markdown HTML, which
 * is trusted (a bookmarklet is a legitimate `javascript:` link), is left
 * alone; `rawHtml: false` removes that HTML altogether.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFormat } from '../document.js';

/** hast property names that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'background', 'xLinkHref'] as const;

/** Schemes that make the browser run what follows. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript']);

/**
 * The scheme of `url` when it would run code (`javascript`, `vbscript`,
 * `data`), else null. Read the way a browser reads it: leading control
 * characters and spaces skipped, tabs and line breaks removed anywhere,
 * the scheme in any case (`JaVa\tScRiPt:` is `javascript:`).
 */
export function unsafeUrlScheme(url: string, opts: { image?: boolean } = {}): string | null {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return null;
  if (SCRIPT_SCHEMES.has(scheme)) return scheme;
  if (scheme === 'data') return opts.image && /^data:image\//i.test(cleaned) ? null : scheme;
  return null;
}

export interface NeutralizeContext {
  /** Draft path, for diagnostics. */
  file: string;
  /** Line of the file where the parsed body starts (tree positions count from the body). */
  startLine: number;
  format: SourceFormat;
  diagnostics: Diagnostic[];
}

/** Removes every URL that would run code from `tree` (see the module comment). */
export function neutralizeUnsafeUrls(tree: Root, ctx: NeutralizeContext): void {
  // An explicit stack: a post nested hundreds of levels deep must not exhaust the call stack.
  const parents: (Root | Element)[] = [tree];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    const out: (RootContent | ElementContent)[] = [];
    let changed = false;
    // What replaces an element is checked in its turn (an image inside a removed link).
    const pending: (RootContent | ElementContent)[] = [...parent.children].reverse();
    for (let child = pending.pop(); child; child = pending.pop()) {
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      const replacement = neutralizeElement(child, ctx);
      if (replacement === null) {
        out.push(child);
        parents.push(child);
      } else {
        changed = true;
        for (let i = replacement.length - 1; i >= 0; i--) pending.push(replacement[i]!);
      }
    }
    if (changed) parent.children = out as typeof parent.children;
  }
}

/** What replaces the element, or null to keep it (unsafe attributes are dropped in place). */
function neutralizeElement(el: Element, ctx: NeutralizeContext): ElementContent[] | null {
  for (const name of URL_PROPERTIES) {
    const value = el.properties[name];
    if (typeof value !== 'string') continue;
    const isImage = el.tagName === 'img' && name === 'src';
    const scheme = unsafeUrlScheme(value, { image: isImage });
    if (scheme === null) continue;
    report(el, scheme, isImage ? 'image' : el.tagName === 'a' && name === 'href' ? 'link' : `\`${name}\` attribute`, ctx);
    if (el.tagName === 'a' && name === 'href') return el.children;
    if (isImage) {
      const alt = typeof el.properties['alt'] === 'string' ? el.properties['alt'] : '';
      return alt === '' ? [] : [{ type: 'text', value: alt }];
    }
    delete el.properties[name];
  }
  return null;
}

function report(el: Element, scheme: string, what: string, ctx: NeutralizeContext): void {
  const start = el.position?.start;
  const line = start ? start.line + ctx.startLine - 1 : 0;
  const column = start?.column ?? 0;
  const rawHint =
    ctx.format === 'org'
      ? 'if the script is meant (a bookmarklet), write the link as raw HTML: @@html:<a href="…">…</a>@@'
      : 'if the script is meant (a bookmarklet), write the link as raw HTML: <a href="…">…</a>';
  ctx.diagnostics.push(
    warning(ctx.file, line, column, `the \`${scheme}:\` address of this ${what} is removed: it could run code in the reader's browser`, {
      code: 'content/unsafe-url',
      hint: scheme === 'data' ? 'link to a file next to the draft or a web address instead' : `link to a web page instead; ${rawHint}`,
    }),
  );
}
