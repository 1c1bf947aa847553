/**
 * uniorg-parse ignores in-file `#+OPTIONS:` (DESIGN.md, "Facts about the
 * stack"), so we read them in a first pass and turn them into parse and
 * export options, the way Emacs' `org-export-options-alist` does. The
 * export keywords that steer what is exported (`#+EXCLUDE_TAGS:`,
 * `#+SELECT_TAGS:`, `#+TOC:`) are read here too.
 *
 * Defaults are Emacs' (`org-export-with-*`) except where a blog needs
 * otherwise; each such default says why.
 */
export interface OrgExportOptions {
  /** `^:` — `'{}'` (our default, as bloggers set it), `true` or `false`. */
  subSuperscripts: true | false | '{}';
  /**
   * `toc:` — false, true, or a depth; null when the file does not say (the
   * theme decides, see `selectToc`). Emacs' default is `t`; a blog theme
   * already shows a table of contents for long posts.
   */
  toc: boolean | number | null;
  /**
   * `#+TOC: headlines [N]` — the author asks for a table of contents down to
   * depth N (null: down to `H:`). Null when there is no such keyword.
   */
  tocKeyword: { depth: number | null } | null;
  /** `num:` — section numbers (true, false, or down to a depth). Default false: blog posts are not reports (Emacs: t). */
  num: boolean | number;
  /** `H:` — headline levels exported as headings; deeper ones become list items, as in Emacs. Default 6 (Emacs: 3): h6 is HTML's deepest. */
  headlineLevels: number;
  /** `todo:` — show TODO keywords in headlines. */
  todo: boolean;
  /** `tags:` — show headline tags (`not-in-toc` counts as shown: our table of contents never shows tags). */
  tags: boolean;
  /** `pri:` — show priorities. Default false, as in Emacs. */
  priority: boolean;
  /** `\n:` — preserve line breaks. */
  preserveBreaks: boolean;
  /** `-:` — special strings (`--`, `---`, `...`). */
  specialStrings: boolean;
  /** `e:` — entities. */
  entities: boolean;
  /** `f:` — footnotes. */
  footnotes: boolean;
  /**
   * `d:` — which drawers are exported: none (false), all (true), or those
   * named / all but those named (`d:("NOTES")`, `d:(not "LOGBOOK")`).
   * Default false: drawers hold the author's bookkeeping (Emacs' default,
   * `(not "LOGBOOK")`, publishes every other drawer).
   */
  drawers: boolean | { only: string[] } | { except: string[] };
  /** `arch:` — archived subtrees (`:ARCHIVE:`): `'headline'` (only the headline, Emacs' default), true (whole), false (none). */
  archived: boolean | 'headline';
  /** `#+EXCLUDE_TAGS:` — subtrees with one of these tags are not exported. Default `noexport`. */
  excludeTags: string[];
  /** `#+SELECT_TAGS:` — when a headline has one of these tags, only such subtrees are exported. Default `export`. */
  selectTags: string[];
}

export const DEFAULT_EXPORT_OPTIONS: Readonly<OrgExportOptions> = Object.freeze({
  subSuperscripts: '{}',
  toc: null,
  tocKeyword: null,
  num: false,
  headlineLevels: 6,
  todo: true,
  tags: true,
  priority: false,
  preserveBreaks: false,
  specialStrings: true,
  entities: true,
  footnotes: true,
  drawers: false,
  archived: 'headline',
  excludeTags: ['noexport'],
  selectTags: ['export'],
});

const OPTIONS_LINE = /^[ \t]*#\+OPTIONS:[ \t]*(.*)$/gim;
const TAGS_LINE = /^[ \t]*#\+(EXCLUDE|SELECT)_TAGS:[ \t]*(.*)$/gim;
const TOC_LINE = /^[ \t]*#\+TOC:[ \t]*headlines\b[ \t]*(\d+)?/gim;

export function readExportOptions(text: string): OrgExportOptions {
  const opts: OrgExportOptions = {
    ...DEFAULT_EXPORT_OPTIONS,
    excludeTags: [...DEFAULT_EXPORT_OPTIONS.excludeTags],
    selectTags: [...DEFAULT_EXPORT_OPTIONS.selectTags],
  };
  for (const m of text.matchAll(OPTIONS_LINE)) {
    for (const [key, value] of splitOptions(m[1] ?? '')) applyOption(opts, key, value);
  }
  // Several lines add up; any line replaces the default (Emacs' `split` keywords).
  const tags: Record<'EXCLUDE' | 'SELECT', string[] | null> = { EXCLUDE: null, SELECT: null };
  for (const m of text.matchAll(TAGS_LINE)) {
    const kind = (m[1] ?? '').toUpperCase() === 'EXCLUDE' ? 'EXCLUDE' : 'SELECT';
    tags[kind] = [...(tags[kind] ?? []), ...(m[2] ?? '').split(/\s+/).filter((t) => t.length > 0)];
  }
  if (tags.EXCLUDE) opts.excludeTags = tags.EXCLUDE;
  if (tags.SELECT) opts.selectTags = tags.SELECT;
  for (const m of text.matchAll(TOC_LINE)) {
    const depth = m[1] === undefined ? null : Number(m[1]);
    const previous = opts.tocKeyword;
    // Two `#+TOC:` lines: the deeper one wins (we show one table of contents; null is "all levels").
    if (previous === null) opts.tocKeyword = { depth };
    else if (previous.depth !== null) opts.tocKeyword = { depth: depth === null ? null : Math.max(previous.depth, depth) };
  }
  return opts;
}

/**
 * `key:value` items of an `#+OPTIONS:` line. Values are Lisp data, so a
 * parenthesised list with quoted strings (`d:("A B" "C")`) is one value.
 */
function splitOptions(line: string): [string, string][] {
  const items: [string, string][] = [];
  const item = /([^\s:]+):(\((?:[^()"]|"[^"]*")*\)|"[^"]*"|\S*)/g;
  for (const m of line.matchAll(item)) items.push([m[1] ?? '', m[2] ?? '']);
  return items;
}

function flag(v: string): boolean {
  return v !== 'nil' && v !== '';
}

function flagOrNumber(v: string): boolean | number {
  return /^\d+$/.test(v) ? Number(v) : flag(v);
}

/** `d:` values: `t`, `nil`, `("A" "B")`, `(not "A" "B")`. */
function drawersOption(v: string): OrgExportOptions['drawers'] {
  const list = /^\((.*)\)$/s.exec(v.trim());
  if (!list) return flag(v);
  const body = list[1] ?? '';
  const names = [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
  return /^\s*not\b/.test(body) ? { except: names } : { only: names };
}

function applyOption(opts: OrgExportOptions, key: string, value: string): void {
  switch (key) {
    case '^':
      opts.subSuperscripts = value === '{}' ? '{}' : flag(value);
      break;
    case 'toc':
      opts.toc = flagOrNumber(value);
      break;
    case 'num':
      opts.num = flagOrNumber(value);
      break;
    case 'H':
      if (/^\d+$/.test(value)) opts.headlineLevels = Number(value);
      break;
    case 'todo':
      opts.todo = flag(value);
      break;
    case 'tags':
      opts.tags = flag(value);
      break;
    case 'pri':
      opts.priority = flag(value);
      break;
    case '\\n':
      opts.preserveBreaks = flag(value);
      break;
    case '-':
      opts.specialStrings = flag(value);
      break;
    case 'e':
      opts.entities = flag(value);
      break;
    case 'f':
      opts.footnotes = flag(value);
      break;
    case 'd':
      opts.drawers = drawersOption(value);
      break;
    case 'arch':
      opts.archived = value === 'headline' ? 'headline' : flag(value);
      break;
    default:
      break; // Options that make no sense for a blog page (author:, email:, …) are accepted and ignored.
  }
}
