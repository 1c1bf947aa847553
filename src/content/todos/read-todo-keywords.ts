/**
 * Reads an org file's in-buffer TODO keyword settings (`#+TODO:`,
 * `#+SEQ_TODO:`, `#+TYP_TODO:`), which uniorg-parse ignores.
 *
 * The result feeds two places: `parserTodoKeywords(sets)` goes to
 * uniorg-parse's `todoKeywords` option so headlines get their keyword, and
 * `open` decides which headlines are author notes (DESIGN.md, "TODO comments").
 */

/** The keyword sets of one org file. */
export interface TodoKeywordSets {
  /** Keywords before `|` (or all but the last without `|`): headlines with these are notes. */
  open: string[];
  /** Keywords after `|` (or the last one without `|`): finished, not notes. */
  done: string[];
  /** `open` then `done`, without duplicates. */
  all: string[];
}

/** Org's default when a file sets nothing: `TODO | DONE`. */
export const DEFAULT_TODO_KEYWORDS: Readonly<TodoKeywordSets> = Object.freeze({
  open: ['TODO'],
  done: ['DONE'],
  all: ['TODO', 'DONE'],
});

const settingLine = /^[ \t]*#\+(?:SEQ_|TYP_)?TODO:[ \t]*(.*)$/i;
const blockBegin = /^[ \t]*#\+begin_(\S+)/i;

/**
 * Scans org text (front matter already removed or not: `---` lines never
 * match) for keyword settings. Several lines add up, as in Emacs. Lines
 * inside `#+BEGIN_…`/`#+END_…` blocks (an org example in a src block) are
 * skipped. Fast-access keys and logging flags (`WAIT(w@/!)`) are dropped.
 * A setting line without any keyword is ignored; no usable line at all
 * gives the default `TODO | DONE`.
 */
export function readTodoKeywords(orgText: string): TodoKeywordSets {
  const open: string[] = [];
  const done: string[] = [];
  let openBlock: string | null = null;
  let sawSetting = false;

  for (const line of orgText.split(/\r?\n/)) {
    if (openBlock !== null) {
      if (new RegExp(`^[ \\t]*#\\+end_${escapeRegExp(openBlock)}[ \\t]*$`, 'i').test(line)) {
        openBlock = null;
      }
      continue;
    }
    const begin = blockBegin.exec(line);
    if (begin) {
      openBlock = begin[1] ?? null;
      continue;
    }
    const setting = settingLine.exec(line);
    if (!setting) continue;
    const words = (setting[1] ?? '')
      .split(/[ \t]+/)
      .map((word) => word.replace(/\(.*\)$/, ''))
      .filter((word) => word.length > 0);
    if (words.length === 0) continue;
    sawSetting = true;
    const bar = words.indexOf('|');
    const lineOpen = bar === -1 ? words.slice(0, -1) : words.slice(0, bar);
    const lineDone = bar === -1 ? words.slice(-1) : words.slice(bar + 1);
    open.push(...lineOpen.filter((word) => word !== '|'));
    done.push(...lineDone.filter((word) => word !== '|'));
  }

  if (!sawSetting) {
    return { open: [...DEFAULT_TODO_KEYWORDS.open], done: [...DEFAULT_TODO_KEYWORDS.done], all: [...DEFAULT_TODO_KEYWORDS.all] };
  }
  const uniqueOpen = unique(open);
  // A word listed both ways counts as open: an author note is the safer reading.
  const uniqueDone = unique(done).filter((word) => !uniqueOpen.includes(word));
  return { open: uniqueOpen, done: uniqueDone, all: [...uniqueOpen, ...uniqueDone] };
}

/**
 * The value to pass as uniorg-parse's `todoKeywords` option.
 *
 * uniorg-parse 3.2.2 builds `new RegExp('^' + todoKeywords.join('|'))` and
 * matches it at the start of the headline title: keywords are not escaped
 * and need no word end, so with plain `['TODO', 'DONE']` the headline
 * `* TODOS are` gets keyword `TODO` and title `S are`. Each pattern here is
 * the escaped keyword followed by a lookahead for whitespace or the end of
 * the line (zero-width, so the keyword uniorg reports is still the bare
 * word), longest first.
 */
export function parserTodoKeywords(sets: Pick<TodoKeywordSets, 'all'>): string[] {
  const keywords = [...sets.all].sort((a, b) => b.length - a.length);
  // An empty list would make uniorg's regex `^`, which matches every headline.
  if (keywords.length === 0) return ['(?!)'];
  return keywords.map((keyword) => `(?:${escapeRegExp(keyword)})(?=\\s|$)`);
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
