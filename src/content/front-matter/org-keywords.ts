/** One `#+KEY: value` line of an org file. */
export interface OrgKeyword {
  /** Upper-cased: org keywords are case-insensitive. */
  key: string;
  /** Trimmed value; may be ''. */
  value: string;
  /** 1-based line in the original file. */
  line: number;
  /** 1-based column of `#+`. */
  column: number;
  /** 1-based column where the value starts (the end of the line when it is empty). */
  valueColumn: number;
}

const KEYWORD = /^([ \t]*)#\+([^\s:]+):(?:([ \t]*)(.*))?$/;
const BLOCK_BEGIN = /^[ \t]*#\+begin(?:_(\S+)|:)/i;

/**
 * Every keyword line of an org body, in order, the way Emacs sees them:
 * anywhere in the file, but not inside `#+BEGIN_…`/`#+END_…` blocks (a
 * `#+TITLE:` in a source example is content). A block that never ends is
 * not a block, as in org. `firstLine` is the body's line in the file.
 */
export function readOrgKeywords(body: string, firstLine: number): OrgKeyword[] {
  const lines = body.split('\n');
  const out: OrgKeyword[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const begin = BLOCK_BEGIN.exec(text);
    if (begin) {
      const end = findBlockEnd(lines, i + 1, begin[1]);
      if (end >= 0) {
        i = end;
        continue;
      }
    }
    const m = KEYWORD.exec(text);
    if (!m) continue;
    const indent = m[1] ?? '';
    const key = (m[2] ?? '').toUpperCase();
    const gap = m[3] ?? '';
    const raw = m[4] ?? '';
    out.push({
      key,
      value: raw.trim(),
      line: firstLine + i,
      column: indent.length + 1,
      valueColumn: indent.length + 2 + key.length + 1 + gap.length + 1,
    });
  }
  return out;
}

/** Index of the line closing a block opened with `#+BEGIN_name` (or `#+BEGIN:` when name is undefined), or -1. */
function findBlockEnd(lines: readonly string[], from: number, name: string | undefined): number {
  const end = name === undefined ? /^[ \t]*#\+end:/i : new RegExp(String.raw`^[ \t]*#\+end_${escapeRegExp(name)}\s*$`, 'i');
  for (let j = from; j < lines.length; j++) if (end.test(lines[j] ?? '')) return j;
  return -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
