import type { Options } from '@swc/html';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/render-pages.js';

/**
 * @swc/html (native, from the swc project), set to change nothing a reader
 * could see. It parses each page as a browser would and writes the tree back:
 * - whitespace runs become one space but never disappear
 *   (`collapseWhitespaces: 'conservative'`), so text between inline elements
 *   keeps its spaces; the only whitespace dropped is what no browser renders
 *   (between the tags of `<html>` and `<head>`, at the very start and end of
 *   `<body>`, around a `<title>`). `<pre>`, `<textarea>` and `<code>` keep
 *   their text character for character, whitespace included, though not
 *   byte for byte: escapes are written swc's way (below), and a `<pre>` or
 *   `<textarea>` whose text has a line break gets a newline after its start
 *   tag, which HTML drops;
 * - comments go, all of them (`preserveComments: []`: swc would otherwise keep
 *   `<!--! …-->`, `@license`, `#…` and IE conditional comments);
 * - scripts, styles and JSON are left as written (`minifyJs`, `minifyCss`,
 *   `minifyJson` off; `mergeMetadataElements` off, or swc joins adjacent
 *   `<script>`s and prints them again through its JavaScript printer, even
 *   with `minifyJs` off). The theme's one script line is already small;
 * - attributes are left as they are: quotes kept (`quotes`; a value holding
 *   `"` may get single quotes), no tag omitted (`tagOmission`), nothing
 *   sorted, `checked="checked"` not collapsed (swc's table would also turn
 *   `hidden="until-found"` into `hidden`), no default or empty attribute
 *   removed, no value normalized (so URLs, `class` and event handlers are
 *   never rewritten). MathML and SVG keep their camelCase names; an empty
 *   foreign element is written `<x />`, an HTML void element `<br>` (the same
 *   tree either way). The one exception is `<iframe srcdoc>`, which swc always
 *   minifies as a page of its own (with its end tags omitted);
 * - `scriptingEnabled`, as in a browser, so `<noscript>` is parsed as one.
 * Entities: swc writes text and attribute values with the fewest escapes
 * HTML needs (`&#x3C;` becomes `&lt;`, `&#x26;` and `&amp;` become `&` where
 * no character reference could follow, `&nbsp;` the character itself). The
 * parsed text is the same, and where it could be misread (`&amp;copy`,
 * `&amp;not=1` in a URL) the escape stays, except in the cases of
 * `SWC_AMPERSAND_BUG`, whose pages are not minified. A `&#13;` or `&#128;`
 * would not survive either, but those are parse errors, and a page with a
 * parse error is not minified.
 * Options swc does not know are ignored without a word, so the tests check
 * each behaviour on real output (test/publish/minify-html.test.ts).
 * Measured on 1,159 pages of a 1000-post site: about 1 ms a page with
 * `minifySync` (2.4 ms with html-minifier-terser before it), a few ms to
 * load. `build` uses the async `minify` (`minifyOne`): a little slower a
 * page, but on libuv's thread pool, so the main thread renders the next
 * pages meanwhile and the minifying costs it next to nothing. It saves about
 * 2 % of those pages' bytes and 4 % of the sample blog's, the theme's
 * indentation. The post bodies are already compact, so long posts gain little.
 */
const OPTIONS: Options & { mergeMetadataElements: boolean } = {
  collapseWhitespaces: 'conservative',
  removeComments: true,
  preserveComments: [],
  minifyConditionalComments: false,
  minifyJs: false,
  minifyCss: false,
  minifyJson: false,
  mergeMetadataElements: false,
  removeEmptyMetadataElements: false,
  removeEmptyAttributes: false,
  removeRedundantAttributes: 'none',
  collapseBooleanAttributes: false,
  normalizeAttributes: false,
  sortAttributes: false,
  sortSpaceSeparatedAttributeValues: false,
  tagOmission: false,
  selfClosingVoidElements: false,
  quotes: true,
  forceSetHtml5Doctype: false,
  scriptingEnabled: true,
};

/**
 * Whitespace that CSS keeps (`white-space: pre…`, `break-spaces`,
 * `white-space-collapse: preserve`) or SVG's `xml:space="preserve"` could be
 * set on any element by raw HTML or its own `<style>`; collapsing there would
 * show. Such a page is written as rendered. The theme's stylesheet is a file
 * of its own, so the built-in pages never match.
 */
const KEPT_WHITESPACE = /white-space(?:-collapse)?\s*:\s*(?:pre|break-spaces|preserve)|xml:space\s*=\s*["']?preserve/i;

/**
 * @swc/html 1.16 writes some text wrong. Deciding whether an `&` must be
 * written `&amp;`, it looks at what follows (`#`, or a run of letters and
 * digits) and then writes the next character as it is, unexamined: the
 * text `&<T>` (Rust), `a&b<c` (C) comes out as `&<T>`, `a&b<c`, which a
 * browser reads as a tag, and `&&not_ready` as `&&not_ready`, read as
 * `&¬_ready`. A page whose text or attribute values have that shape (an
 * ampersand, then maybe `#` or a word, then a `<` that is text, or another
 * ampersand that could start a character reference) is written as rendered.
 * Matched on the page as rendered, where such an ampersand is `&amp;`,
 * `&#x26;`, `&#38;` or a bare `&`, and such a `<` is `&lt;`, `&#x3C;`,
 * `&#60;` or a `<` that opens no tag. It never matches the pages of the
 * sample blog or of a generated 1000-post site, so it costs nothing there.
 */
const SWC_AMPERSAND_BUG = (() => {
  // An escaped ampersand, or a bare one (one that starts no escape of an ampersand).
  const amp = String.raw`&(?:amp;?|#0*38;?|#x0*26;?|(?!amp|#0*38|#x0*26))`;
  const lt = String.raw`(?:&(?:lt;?|#0*60;?|#x0*3c;?)|<(?![a-z/!?]))`;
  // What a character reference can start with: `#`, a name ending in `;`, or one of the
  // names HTML reads without a `;` (fixed by the HTML standard, never to grow).
  const legacy =
    'AElig|AMP|Aacute|Acirc|Agrave|Aring|Atilde|Auml|COPY|Ccedil|ETH|Eacute|Ecirc|Egrave|Euml|GT|Iacute|Icirc|Igrave|Iuml|LT|Ntilde|Oacute|Ocirc|Ograve|Oslash|Otilde|Ouml|QUOT|REG|THORN|Uacute|Ucirc|Ugrave|Uuml|Yacute|' +
    'aacute|acirc|acute|aelig|agrave|amp|aring|atilde|auml|brvbar|ccedil|cedil|cent|copy|curren|deg|divide|eacute|ecirc|egrave|eth|euml|frac12|frac14|frac34|gt|iacute|icirc|iexcl|igrave|iquest|iuml|laquo|lt|macr|micro|middot|nbsp|not|ntilde|' +
    'oacute|ocirc|ograve|ordf|ordm|oslash|otilde|ouml|para|plusmn|pound|quot|raquo|reg|sect|shy|sup1|sup2|sup3|szlig|thorn|times|uacute|ucirc|ugrave|uml|uuml|yacute|yen|yuml';
  return new RegExp(`${amp}(?:#|[a-z][a-z0-9]*)?(?:${lt}|${amp}(?:[#&]|[a-z][a-z0-9]*;|${legacy}))`, 'i');
})();

/** What minifying uses of @swc/html. */
export type SwcHtml = Pick<typeof import('@swc/html'), 'minifySync' | 'minify'>;

/** The import of @swc/html, which loads its native binary (and throws where there is none for the platform). */
export type LoadSwcHtml = () => Promise<SwcHtml>;

const importSwcHtml: LoadSwcHtml = () => import('@swc/html');

export interface HtmlMinifier {
  /** Why pages cannot be minified on this machine (@swc/html did not load), or null. */
  readonly unavailable: string | null;
  /** Minifies every HTML page; anything else passes through, and so does every page when `unavailable`. */
  minify(files: readonly OutputFile[]): { files: OutputFile[]; diagnostics: Diagnostic[] };
  /**
   * The same for one file, off the main thread: swc's async `minify` runs on
   * libuv's thread pool, so `build` renders the next pages through the
   * templates while this one is minified (src/render/render-pages.ts).
   */
  minifyOne(file: OutputFile): Promise<{ file: OutputFile; diagnostic: Diagnostic | null }>;
}

/** The process's minifier: loading a native module once is enough, and a failure would not mend. */
let shared: Promise<HtmlMinifier> | undefined;
/** Minifiers whose unavailability has been told (see `unavailableWarning`). */
const told = new WeakSet<HtmlMinifier>();

/**
 * Loads @swc/html (on first use, so `dev` never pays for it). Where its
 * native binary cannot be loaded (a platform without a prebuilt one, or an
 * install that skipped optional dependencies) the minifier is `unavailable`
 * and passes pages through, rather than failing the build.
 * `load` is for tests only: it stands in for the import, so that the
 * fallback can be tested by importing a real copy of @swc/html that has no
 * binary next to it, without mocking the module.
 */
export function loadHtmlMinifier(load?: LoadSwcHtml): Promise<HtmlMinifier> {
  if (load) return loadWith(load);
  return (shared ??= loadWith(importSwcHtml));
}

async function loadWith(load: LoadSwcHtml): Promise<HtmlMinifier> {
  let swc: SwcHtml;
  try {
    swc = await load();
    if (typeof swc.minifySync !== 'function' || typeof swc.minify !== 'function') throw new Error('it has no minifySync or minify');
  } catch (err) {
    const unavailable = describeLoadError(err);
    return { unavailable, minify: (files) => ({ files: [...files], diagnostics: [] }), minifyOne: async (file) => ({ file, diagnostic: null }) };
  }
  return {
    unavailable: null,
    minify: (files) => minifyWith(swc, files),
    minifyOne: async (file) => {
      if (!mayMinify(file)) return { file, diagnostic: null };
      let outcome: Outcome;
      try {
        outcome = await swc.minify(file.content, OPTIONS);
      } catch (err) {
        outcome = err instanceof Error ? err : new Error(String(err));
      }
      return settle(file, outcome);
    },
  };
}

/**
 * The one warning for a build whose pages are written unminified because
 * @swc/html did not load. The page finisher gives it for each build; a
 * `minifyPages` after it in the same process (the build's redirect pages)
 * says nothing more.
 */
export function unavailableWarning(minifier: HtmlMinifier): Diagnostic | null {
  if (minifier.unavailable === null) return null;
  told.add(minifier);
  return warning(
    '',
    0,
    0,
    `pages are written unminified: the HTML minifier (@swc/html) could not load its native binary for ${process.platform}-${process.arch}: ${minifier.unavailable}`,
    {
      code: 'output/minify',
      hint: 'reinstall the dependencies (`npm ci`, with optional dependencies) to get the binary for this platform, or set `minify: false` in site.yaml to build without minifying and without this warning',
    },
  );
}

/**
 * Minifies every HTML file; anything else passes through. A page the
 * minifier reports a parse error in (raw HTML from a draft can be anything)
 * is written as rendered, with a warning, and so, without one, is a page
 * whose whitespace CSS may keep (`KEPT_WHITESPACE`) or whose text swc would
 * write wrong (`SWC_AMPERSAND_BUG`). Where @swc/html cannot load,
 * every page is written as rendered, with one warning (unless the page
 * finisher already gave it).
 */
export async function minifyPages(files: readonly OutputFile[], load?: LoadSwcHtml): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  // A build that kept every page from the previous output (they arrive as bytes) has nothing to minify.
  if (!files.some(isPage)) return { files: [...files], diagnostics: [] };
  const minifier = await loadHtmlMinifier(load);
  const result = minifier.minify(files);
  if (minifier.unavailable !== null && !told.has(minifier)) result.diagnostics.unshift(unavailableWarning(minifier)!);
  return result;
}

function isPage(f: OutputFile): f is OutputFile & { content: string } {
  return f.path.endsWith('.html') && typeof f.content === 'string';
}

interface SwcError {
  level?: string;
  message?: string;
  span?: { primary_spans?: { start?: number }[] };
}

// One page at a time, synchronously: thousands of pages in flight at once held
// all their parse states together (2.9 GiB at N = 4000 with the previous minifier).
function minifyWith(swc: SwcHtml, files: readonly OutputFile[]): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out: OutputFile[] = [];
  for (const f of files) {
    if (!mayMinify(f)) {
      out.push(f);
      continue;
    }
    let outcome: Outcome;
    try {
      outcome = swc.minifySync(f.content, OPTIONS);
    } catch (err) {
      outcome = err instanceof Error ? err : new Error(String(err));
    }
    const { file, diagnostic } = settle(f, outcome);
    out.push(file);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return { files: out, diagnostics };
}

/** What swc gave for a page: its output, or what it threw. */
type Outcome = Awaited<ReturnType<SwcHtml['minify']>> | Error;

/** A page swc may be given: HTML not already bytes, without whitespace CSS keeps, without text swc writes wrong. */
function mayMinify(f: OutputFile): f is OutputFile & { content: string } {
  return isPage(f) && !KEPT_WHITESPACE.test(f.content) && !SWC_AMPERSAND_BUG.test(f.content);
}

/** The minified page, or the page as rendered with a warning where swc reported a parse error or threw. */
function settle(f: OutputFile & { content: string }, outcome: Outcome): { file: OutputFile; diagnostic: Diagnostic | null } {
  let problem: { why: string; line: number; column: number };
  if (outcome instanceof Error) problem = { why: firstLine(outcome), line: 0, column: 0 };
  else {
    const errors = (outcome.errors ?? []) as SwcError[];
    if (errors.length === 0) return { file: { ...f, content: outcome.code }, diagnostic: null };
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    problem = { why: `${first.message ?? 'a parse error'}${more}`, ...position(f.content, first.span?.primary_spans?.[0]?.start) };
  }
  // A page without a doctype is the template's doing, and more than a minifying matter: browsers show it in quirks mode.
  const noDoctype = /without seeing a doctype/i.test(problem.why);
  const diagnostic = warning(f.path, problem.line, problem.column, `this page could not be minified, so it is written as rendered: ${problem.why}`, {
    code: 'output/minify',
    hint: noDoctype
      ? 'its template does not start with <!DOCTYPE html>, so browsers render the page in quirks mode (old, inconsistent layout rules); put that line first in the template (or in the base template it extends)'
      : 'the position is in the page as written; look for unbalanced raw HTML (#+BEGIN_EXPORT html, #+HTML:) in the post behind this page, or in its template',
  });
  return { file: f, diagnostic };
}

/** Line and column (1-based) of swc's position: a byte offset into the UTF-8 page, counted from 1. */
function position(html: string, start: number | undefined): { line: number; column: number } {
  if (typeof start !== 'number' || start < 1) return { line: 0, column: 0 };
  const before = Buffer.from(html, 'utf8').subarray(0, start - 1).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

function describeLoadError(err: unknown): string {
  // napi-rs throws "Failed to load native binding" with what each attempt (the file
  // in the package, then the platform's package) said as its cause.
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  const causes = (Array.isArray(cause) ? cause : cause === undefined ? [] : [cause]).map(firstLine);
  const why = firstLine(err);
  return causes.length ? `${why} (${causes.join('; ')})` : why;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}
