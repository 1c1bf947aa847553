import { readFileSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile, SourceFormat } from '../content/document.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

const FORMATS: Record<string, SourceFormat> = { '.org': 'org', '.md': 'markdown', '.markdown': 'markdown' };

export function formatOf(file: string): SourceFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

/** Editor leftovers and hidden files are never posts (`#x.org#`, `.x.org.swp`, `x.org~`). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name.endsWith('#');
}

export interface ReadDraftsResult {
  files: SourceFile[];
  /** Every other file under drafts/ (images and the like), relative to the root. */
  assets: string[];
  diagnostics: Diagnostic[];
}

/** Dev: texts read before, reused while a file's stats are unchanged (src/pipeline/content-memo.ts). */
export interface KnownTexts {
  statOf(abs: string): Stats | null;
  knownText(abs: string, st: Stats | null): string | null;
  rememberText(abs: string, st: Stats | null, text: string): void;
  keepTexts(listed: ReadonlySet<string>): void;
}

/**
 * Reads every draft below `draftsDir`; paths in the result are relative to `root`, `/`-separated.
 * Files are read synchronously: thousands of small async reads cost four thread-pool round trips
 * each (open, stat, read, close), and measured at 4000 drafts the async version took ~10× longer.
 */
export async function readDrafts(root: string, draftsDir: string, known?: KnownTexts): Promise<ReadDraftsResult> {
  const files: SourceFile[] = [];
  const assets: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const absDir = path.resolve(root, draftsDir);
  let entries: string[];
  try {
    entries = (await readdir(absDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files, assets, diagnostics };
    diagnostics.push(error(toRel(root, absDir), 0, 0, `cannot read the drafts folder: ${code ?? String(err)}`, { hint: 'check its permissions' }));
    return { files, assets, diagnostics };
  }
  entries.sort();
  known?.keepTexts(new Set(entries));
  const readDraft = (abs: string): void => {
    const rel = toRel(root, abs);
    if (rel.split('/').some(isIgnoredName)) return;
    if (!formatOf(abs)) {
      assets.push(rel);
      return;
    }
    const st = known ? known.statOf(abs) : null;
    const before = known ? known.knownText(abs, st) : null;
    if (before !== null) {
      files.push({ path: rel, text: before });
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      // Deleted or made unreadable between the listing and the read.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      diagnostics.push(error(rel, 0, 0, `cannot read the draft: ${code ?? String(err)}`, { hint: 'check its permissions' }));
      return;
    }
    const decoded = decodeText(bytes);
    if (decoded.badOffset !== null) {
      const { line, column } = positionOfByte(bytes, decoded.badOffset);
      diagnostics.push(
        error(rel, line, column, 'the file is not valid UTF-8 text', {
          code: 'source/encoding',
          hint: 'save it as UTF-8 (in Emacs: C-x RET f utf-8 RET, then save)',
        }),
      );
      return;
    }
    const nul = decoded.text.indexOf('\0');
    if (nul >= 0) {
      // Valid UTF-8 can still be binary (a NUL byte never occurs in text an editor saves).
      const { line, column } = positionOfChar(decoded.text, nul);
      diagnostics.push(
        error(rel, line, column, 'the file is binary (it holds a NUL byte), not text', {
          code: 'source/binary',
          hint: `a draft must be text; if this is not a draft, rename it so it does not end in ${path.extname(rel)}`,
        }),
      );
      return;
    }
    if (decoded.text.trim() === '') {
      // A draft just created (or emptied) is work in progress, not a broken post.
      diagnostics.push(
        warning(rel, 0, 0, 'the file is empty; it is not published', {
          code: 'source/empty',
          hint: 'give it front matter with a title, or delete it',
        }),
      );
      return;
    }
    files.push({ path: rel, text: decoded.text });
    known?.rememberText(abs, st, decoded.text);
  };
  for (const abs of entries) readDraft(abs);
  files.sort((a, b) => a.path.localeCompare(b.path));
  assets.sort();
  return { files, assets, diagnostics };
}

export function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** UTF-8 decode; CRLF and lone CR become LF so positions count lines the way editors do. */
export function decodeText(bytes: Uint8Array): { text: string; badOffset: number | null } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: normalizeNewlines(text), badOffset: null };
  } catch {
    return { text: '', badOffset: firstInvalidUtf8(bytes) };
  }
}

export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function positionOfChar(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
