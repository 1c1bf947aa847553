/**
 * `#+INCLUDE:` for org drafts, done in the source stage because the content
 * stage is pure (it never reads files):
 *
 *   #+INCLUDE: "part.org"                    the file's org text, in place
 *   #+INCLUDE: "part.org" :minlevel 2        …its headlines moved down so the top one is **
 *   #+INCLUDE: "code.py" src python          a src block of the file
 *   #+INCLUDE: "log.txt" example :lines "3-5"  an example block of lines 3 and 4 (Emacs: the end is excluded)
 *   #+INCLUDE: "snippet.html" export html    an export block
 *
 * Paths are relative to the file that holds the `#+INCLUDE:` line and must
 * stay inside the site root. Included org files may include others; a cycle
 * is an error. A missing file is an error at the `#+INCLUDE:` line (which
 * is then left as is: it renders as nothing). Lines inside blocks and in the
 * draft's YAML front matter are never include lines.
 *
 * Positions: the expanded text has more lines than the draft. `lineMap`
 * tells, for each of its lines, the file and line it came from, and
 * `remapPositions` moves a rendered Document's TODO notes, links and
 * diagnostics back to where they were written (a note in an included file
 * is reported in that file). Columns are unchanged (a `:minlevel` shift
 * moves headline columns by the added stars).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, SourceFile } from '../content/document.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText } from './read-drafts.js';

/** Where a line of the expanded text was written. */
export interface LineOrigin {
  /** Root-relative path, `/`-separated. */
  file: string;
  /** 1-based line in that file. */
  line: number;
}

export interface ExpandedSource {
  /** The draft with every include expanded (the draft itself when it has none). */
  source: SourceFile;
  /** Origin of each line of `source.text` (index 0 is line 1); null when nothing was included. */
  lineMap: LineOrigin[] | null;
  /** The included files' texts by root-relative path: for code frames, dev's watcher and cache keys. */
  included: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Reads a root-relative file: its text, or null when it does not exist.
 * Any other failure is thrown (and reported at the include line).
 */
export type ReadInclude = (rootRelativePath: string) => Promise<string | null>;

/** `ReadInclude` for files under `root` on disk (UTF-8, line ends normalised like drafts). */
export function readIncludeFromDisk(root: string): ReadInclude {
  return async (rel) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.resolve(root, ...rel.split('/')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const decoded = decodeText(bytes);
    if (decoded.badOffset !== null) throw new Error('the file is not valid UTF-8 text');
    return decoded.text;
  };
}

const INCLUDE = /^[ \t]*#\+INCLUDE:[ \t]*/i;
const BLOCK_BEGIN = /^[ \t]*#\+begin_(\S+)/i;

interface IncludeLine {
  target: string;
  /** 1-based column of the file name (after the opening quote). */
  column: number;
  kind: 'org' | 'src' | 'example' | 'export';
  /** Language of `src`, back-end of `export`. */
  language: string;
  lines: { from: number; to: number | null } | null;
  minLevel: number | null;
}

/** Expands the includes of an org draft; other formats come back unchanged. */
export async function expandIncludes(draft: SourceFile, read: ReadInclude): Promise<ExpandedSource> {
  const unchanged: ExpandedSource = { source: draft, lineMap: null, included: new Map(), diagnostics: [] };
  if (!/\.org$/i.test(draft.path) || !/^[ \t]*#\+include:/im.test(draft.text)) return unchanged;

  const included = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  let changed = false;

  const expand = async (file: string, text: string, stack: readonly string[], minLevel: number | null): Promise<{ lines: string[]; origins: LineOrigin[] }> => {
    const lines: string[] = [];
    const origins: LineOrigin[] = [];
    const source = text.split('\n');
    const skip = skippedLines(source, file === draft.path);
    const headlineShift = minLevel === null ? 0 : Math.max(0, minLevel - topLevel(source, skip));
    for (const [i, line] of source.entries()) {
      const here: LineOrigin = { file, line: i + 1 };
      const include = skip[i] ? null : parseInclude(line);
      if (!include) {
        lines.push(headlineShift > 0 && !skip[i] && /^\*+\s/.test(line) ? '*'.repeat(headlineShift) + line : line);
        origins.push(here);
        continue;
      }
      const report = (message: string, hint: string): void => {
        diagnostics.push(error(file, i + 1, include.column, message, { code: 'source/include', hint, context: `while expanding #+INCLUDE in ${file}` }));
        lines.push(line);
        origins.push(here);
      };
      const target = resolveTarget(file, include.target);
      if (target === null) {
        report(`cannot include "${include.target}": the path leaves the site folder`, 'include files that sit next to the draft (a relative path inside the site)');
        continue;
      }
      if (stack.includes(target) || target === file) {
        report(`include cycle: ${[...stack, file, target].join(' → ')}`, 'remove one of these #+INCLUDE lines');
        continue;
      }
      let content: string | null;
      try {
        content = included.get(target) ?? (await read(target));
      } catch (err) {
        report(`cannot read included file ${target}: ${err instanceof Error ? err.message : String(err)}`, 'check the file and its permissions');
        continue;
      }
      if (content === null) {
        report(`included file not found: ${target}`, `check the name; paths are relative to ${path.posix.dirname(file)}/`);
        continue;
      }
      included.set(target, content);
      changed = true;
      const picked = pickLines(content, include.lines);
      if (include.kind === 'org') {
        // The file's final newline ends the line; it adds no blank line (two would end a list).
        const inner = await expand(target, picked.text.replace(/\n$/, ''), [...stack, file], include.minLevel);
        // Keep the origins of a `:lines` range right.
        lines.push(...inner.lines);
        origins.push(...inner.origins.map((o) => (o.file === target ? { file: target, line: o.line + picked.firstLine - 1 } : o)));
        continue;
      }
      const body = picked.text.replace(/\n$/, '');
      const begin = blockBegin(include);
      lines.push(begin);
      origins.push(here);
      if (body !== '') {
        body.split('\n').forEach((bodyLine, k) => {
          lines.push(escapeCode(bodyLine));
          origins.push({ file: target, line: picked.firstLine + k });
        });
      }
      lines.push(`#+END_${include.kind.toUpperCase()}`);
      origins.push(here);
    }
    return { lines, origins };
  };

  const result = await expand(draft.path, draft.text, [], null);
  if (!changed) return { ...unchanged, diagnostics };
  return { source: { path: draft.path, text: result.lines.join('\n') }, lineMap: result.origins, included, diagnostics };
}

/** Where line `line` (1-based) of the expanded text was written; the draft itself past the end. */
export function originOf(lineMap: readonly LineOrigin[] | null, draftPath: string, line: number): LineOrigin {
  if (lineMap === null || line < 1) return { file: draftPath, line };
  return lineMap[line - 1] ?? { file: draftPath, line };
}

/**
 * A Document rendered from the expanded text, with the positions of its TODO
 * notes, links, assets and diagnostics moved back to the file and line they
 * were written at. Returns `doc` itself when nothing was included.
 */
export function remapPositions(doc: Document, expanded: Pick<ExpandedSource, 'lineMap'>): Document {
  const map = expanded.lineMap;
  if (map === null) return doc;
  const self = doc.source.path;
  const at = (line: number): LineOrigin => originOf(map, self, line);
  return {
    ...doc,
    todos: doc.todos.map((note) => (note.file === self ? { ...note, ...at(note.line) } : note)),
    links: doc.links.map((link) => ({ ...link, line: at(link.line).line })),
    assets: doc.assets.map((asset) => ({ ...asset, line: at(asset.line).line })),
    diagnostics: doc.diagnostics.map((d) => (d.file === self && d.line > 0 ? { ...d, ...at(d.line) } : d)),
  };
}

function parseInclude(line: string): IncludeLine | null {
  const head = INCLUDE.exec(line);
  if (!head) return null;
  const rest = line.slice(head[0].length);
  const quoted = /^"((?:[^"\\]|\\.)*)"|^<([^>]*)>|^(\S+)/.exec(rest);
  if (!quoted) return null;
  const target = quoted[1] ?? quoted[2] ?? quoted[3] ?? '';
  const column = head[0].length + (quoted[3] === undefined ? 2 : 1);
  const tokens = [...rest.slice(quoted[0].length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  const out: IncludeLine = { target, column, kind: 'org', language: '', lines: null, minLevel: null };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const value = tokens[i + 1];
    if (token === ':lines' && value !== undefined) {
      const m = /^(\d*)-(\d*)$/.exec(value.trim());
      if (m) out.lines = { from: m[1] ? Number(m[1]) : 1, to: m[2] ? Number(m[2]) : null };
      i++;
    } else if (token === ':minlevel' && value !== undefined) {
      if (/^\d+$/.test(value)) out.minLevel = Number(value);
      i++;
    } else if (token.startsWith(':')) {
      i++; // another keyword and its value (:only-contents, :lines of other forms…): not supported, ignored
    } else if (i === 0 && (token === 'src' || token === 'example' || token === 'export')) {
      out.kind = token;
    } else if (out.kind !== 'org' && out.language === '') {
      out.language = token;
    }
  }
  // `"file.org::*Heading"` (a part of a file) is not supported: the whole file is included.
  out.target = out.target.replace(/::.*$/, '');
  return out;
}

function resolveTarget(fromFile: string, target: string): string | null {
  if (target === '' || target.startsWith('/') || target.startsWith('~') || /^[a-z]:[\\/]/i.test(target)) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), target.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined;
}

/** `:lines "a-b"`: lines a to b-1 (1-based, as Emacs); the text and the number of its first line. */
function pickLines(text: string, range: IncludeLine['lines']): { text: string; firstLine: number } {
  if (range === null) return { text, firstLine: 1 };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const from = Math.max(1, range.from);
  const to = range.to === null ? lines.length + 1 : range.to;
  const picked = lines.slice(from - 1, Math.max(from - 1, to - 1));
  return { text: picked.length === 0 ? '' : picked.join('\n') + '\n', firstLine: from };
}

function blockBegin(include: IncludeLine): string {
  const kind = include.kind.toUpperCase();
  return include.language === '' ? `#+BEGIN_${kind}` : `#+BEGIN_${kind} ${include.language}`;
}

/** Org's `org-escape-code-in-string`: protect lines that would end the block or start a headline. */
function escapeCode(line: string): string {
  return line.replace(/^([ \t]*)(,*(?:\*|#\+))/, '$1,$2');
}

/** The shallowest headline level of an org text (1 when it has none). */
function topLevel(lines: readonly string[], skip: readonly boolean[]): number {
  let min = Infinity;
  lines.forEach((line, i) => {
    const m = /^(\*+)\s/.exec(line);
    if (m && !skip[i]) min = Math.min(min, (m[1] ?? '').length);
  });
  return min === Infinity ? 1 : min;
}

/** Lines that cannot be include lines (nor headlines): inside blocks, and the draft's YAML front matter. */
function skippedLines(lines: readonly string[], isDraft: boolean): boolean[] {
  const skip = lines.map(() => false);
  let i = 0;
  if (isDraft && lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      for (; i <= end; i++) skip[i] = true;
    }
  }
  let block: string | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (block !== null) {
      skip[i] = true;
      if (new RegExp(`^[ \\t]*#\\+end_${escapeRegExp(block)}\\b`, 'i').test(line)) block = null;
      continue;
    }
    const begin = BLOCK_BEGIN.exec(line);
    if (begin) {
      block = begin[1] ?? '';
      skip[i] = true;
    }
  }
  return skip;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
