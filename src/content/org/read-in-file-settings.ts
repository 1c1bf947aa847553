/**
 * uniorg-parse ignores in-file `#+OPTIONS:` (DESIGN.md, "Facts about the
 * stack"), so we read them in a first pass and turn them into parse and
 * export options, the way Emacs' `org-export-options-alist` does.
 */
export interface OrgExportOptions {
  /** `^:` — `'{}'` (our default, as bloggers set it), `true` or `false`. */
  subSuperscripts: true | false | '{}';
  /** `toc:` — false, true, or a depth. */
  toc: boolean | number;
  /** `num:` — section numbers. */
  num: boolean | number;
  /** `H:` — headline levels exported as headings; deeper ones become list items in Emacs. */
  headlineLevels: number;
  /** `todo:` — show TODO keywords in headlines. */
  todo: boolean;
  /** `tags:` — show headline tags. */
  tags: boolean;
  /** `pri:` — show priorities. */
  priority: boolean;
  /** `\n:` — preserve line breaks. */
  preserveBreaks: boolean;
  /** `-:` — special strings (`--`, `---`, `...`). */
  specialStrings: boolean;
  /** `e:` — entities. */
  entities: boolean;
  /** `f:` — footnotes. */
  footnotes: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: OrgExportOptions = {
  subSuperscripts: '{}',
  toc: false,
  num: false,
  headlineLevels: 6,
  todo: true,
  tags: true,
  priority: true,
  preserveBreaks: false,
  specialStrings: true,
  entities: true,
  footnotes: true,
};

const OPTIONS_LINE = /^[ \t]*#\+OPTIONS:[ \t]*(.*)$/gim;

export function readExportOptions(text: string): OrgExportOptions {
  const opts: OrgExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  for (const m of text.matchAll(OPTIONS_LINE)) {
    for (const item of (m[1] ?? '').split(/\s+/)) {
      const idx = item.indexOf(':');
      if (idx <= 0) continue;
      applyOption(opts, item.slice(0, idx), item.slice(idx + 1));
    }
  }
  return opts;
}

function flag(v: string): boolean {
  return v !== 'nil' && v !== '';
}

function flagOrNumber(v: string): boolean | number {
  return /^\d+$/.test(v) ? Number(v) : flag(v);
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
    default:
      break; // Options that make no sense for a blog page (author:, email:, …) are accepted and ignored.
  }
}
