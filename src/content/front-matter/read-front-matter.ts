import type { SiteConfig } from '../../config/schema.js';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PostDate, PostMeta, SourceFile, SourceFormat } from '../document.js';
import { describeValue } from './describe-value.js';
import { ACCEPTED_DATE_FORMS, dateFromFileName, parseDate } from './extract-date.js';
import { normalizeTags } from './normalize-tags.js';
import { readOrgKeywords, type OrgKeyword } from './org-keywords.js';
import { parseYamlFields, type Position, type YamlField } from './parse-yaml-fields.js';
import { slugFromPath, slugify } from './slug.js';
import { splitFrontMatter } from './split-front-matter.js';

export interface FrontMatterResult {
  /** Always filled; title '' when missing (with an error diagnostic). */
  meta: PostMeta;
  /** The text after the YAML block (org keywords are left in place). */
  body: string;
  /** 1-based line of the original file where `body` starts (1 when there is no YAML). */
  bodyStartLine: number;
  diagnostics: Diagnostic[];
}

/** The PostMeta fields front matter can set (besides `extra`). */
type MetaField = 'title' | 'date' | 'updated' | 'tags' | 'slug' | 'draft' | 'author' | 'summary';

/**
 * YAML keys read into PostMeta, each with the field it sets. When two keys
 * set the same field, the first listed wins.
 */
const YAML_KEYS: readonly (readonly [string, MetaField])[] = [
  ['title', 'title'],
  ['date', 'date'],
  ['updated', 'updated'],
  ['lastmod', 'updated'],
  ['tags', 'tags'],
  ['keywords', 'tags'],
  ['slug', 'slug'],
  ['draft', 'draft'],
  ['author', 'author'],
  ['summary', 'summary'],
  ['description', 'summary'],
];

/** Keys that look like a mistake for one of YAML_KEYS, besides case variants (`Title`). */
const NEAR_MISSES: Record<string, string> = { tag: 'tags' };

const ORG_KEYWORDS: Readonly<Record<string, MetaField>> = {
  TITLE: 'title',
  DATE: 'date',
  AUTHOR: 'author',
  FILETAGS: 'tags',
  DESCRIPTION: 'summary',
  SLUG: 'slug',
  DRAFT: 'draft',
};

const CONTEXT = 'while reading the front matter';

/** A value for a field, from YAML or an org keyword, and where it was written. */
interface Given {
  value: unknown;
  /** Start of the value, for errors about it. */
  pos: Position;
  /** Start of the key or keyword, for warnings about the whole line. */
  keyPos: Position;
  /** `title` or `#+TITLE:`, for messages. */
  label: string;
  /** Source text of a plain YAML scalar, so numbers keep their spelling. */
  spelling: string | undefined;
  items: YamlField['items'];
}

/**
 * The front-matter stage: splits off the YAML block, reads it (and, for org
 * files, the `#+KEYWORD:` lines) into PostMeta. Never throws: every problem
 * becomes a diagnostic with a position in the original file.
 */
export function readFrontMatter(source: SourceFile, format: SourceFormat, config: SiteConfig): FrontMatterResult {
  const file = source.path;
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(source.text);
  // A broken YAML block most likely holds the title; saying it is missing too would be noise.
  let frontMatterBroken = false;

  const given = new Map<MetaField, Given>();
  const extra: Record<string, unknown> = {};

  if (split.kind === 'unclosed') {
    frontMatterBroken = true;
    const guess = guessClosingLine(split.body);
    diagnostics.push(
      error(file, split.openLine, 1, 'front matter is never closed: the `---` on line 1 has no closing `---` line', {
        hint: `add a closing \`---\` line after the last front-matter key${guess ? ` (before line ${guess}?)` : ''}`,
        code: 'front-matter/unclosed',
        context: CONTEXT,
      }),
    );
  } else if (split.kind === 'none') {
    const late = /^(?:[ \t]*\n)+(?=---[ \t]*\n)/.exec(split.body);
    if (late) {
      const line = late[0].split('\n').length;
      diagnostics.push(
        warning(file, line, 1, 'this `---` block is not front matter: front matter must start on the first line', {
          hint: 'remove the blank lines above it',
          code: 'front-matter/not-at-top',
          context: CONTEXT,
        }),
      );
    }
  } else {
    const parsed = parseYamlFields(split.yaml, split.yamlStartLine, file);
    diagnostics.push(...parsed.diagnostics);
    frontMatterBroken = !parsed.ok;
    collectYamlFields(parsed.fields, file, given, extra, diagnostics);
  }

  if (format === 'org') collectOrgKeywords(readOrgKeywords(split.body, split.bodyStartLine), file, given, diagnostics);

  const read = new FieldReader(file, diagnostics);
  const title = read.title(given.get('title'));
  if (!given.has('title') && !frontMatterBroken) {
    diagnostics.push(
      error(file, 1, 1, `${file} has no title`, {
        hint:
          format === 'org'
            ? 'add `title: …` to the front matter or a `#+TITLE:` line'
            : 'add `title: …` to the front matter',
        code: 'front-matter/no-title',
        context: CONTEXT,
      }),
    );
  }

  const date = read.date(given.get('date'), config.timeZone) ?? read.fileNameDate(given.get('date'), config.timeZone);
  const updatedGiven = given.get('updated');
  const updated = read.date(updatedGiven, config.timeZone);
  if (date && updated && updatedGiven && updated.day < date.day) {
    diagnostics.push(
      warning(file, updatedGiven.pos.line, updatedGiven.pos.column, `\`${updatedGiven.label}\` (${updated.day}) is before the post's date (${date.day})`, {
        hint: 'check the two dates; `updated` is when the post last changed',
        code: 'front-matter/date',
        context: CONTEXT,
      }),
    );
  }

  const meta: PostMeta = {
    title,
    date,
    updated,
    tags: read.tags(given.get('tags')),
    slug: read.slug(given.get('slug'), title),
    draft: read.draft(given.get('draft')),
    author: read.author(given.get('author')),
    summary: read.summary(given.get('summary')),
    extra,
  };
  return { meta, body: split.body, bodyStartLine: split.bodyStartLine, diagnostics };
}

function collectYamlFields(
  fields: readonly YamlField[],
  file: string,
  given: Map<MetaField, Given>,
  extra: Record<string, unknown>,
  diagnostics: Diagnostic[],
): void {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, field] of YAML_KEYS) {
    const f = byKey.get(key);
    // An empty value (`title:`) gives nothing, so a `#+TITLE:` line or the file name can.
    if (!f || f.value === null || (typeof f.value === 'string' && f.value.trim() === '')) continue;
    const winner = given.get(field);
    if (winner) {
      diagnostics.push(
        warning(file, f.keyPos.line, f.keyPos.column, `\`${key}\` is ignored: \`${winner.label}\` (line ${winner.keyPos.line}) is also given`, {
          hint: `keep only one of \`${winner.label}\` and \`${key}\``,
          code: 'front-matter/duplicate-field',
          context: CONTEXT,
        }),
      );
      continue;
    }
    given.set(field, { value: f.value, pos: f.valuePos, keyPos: f.keyPos, label: key, spelling: f.spelling, items: f.items });
  }

  const known = new Set(YAML_KEYS.map(([key]) => key));
  for (const f of fields) {
    if (known.has(f.key)) continue;
    const meant = NEAR_MISSES[f.key] ?? (known.has(f.key.toLowerCase()) ? f.key.toLowerCase() : undefined);
    if (meant !== undefined) {
      diagnostics.push(
        warning(file, f.keyPos.line, f.keyPos.column, `\`${f.key}\` is not read as \`${meant}\` (keys are case-sensitive); it only reaches templates`, {
          hint: `rename it to \`${meant}\``,
          code: 'front-matter/unknown-key',
          context: CONTEXT,
        }),
      );
    }
    // defineProperty: a `__proto__` key must stay data, not change the object's prototype.
    Object.defineProperty(extra, f.key, { value: f.value, enumerable: true, writable: true, configurable: true });
  }
}

function collectOrgKeywords(
  keywords: readonly OrgKeyword[],
  file: string,
  given: Map<MetaField, Given>,
  diagnostics: Diagnostic[],
): void {
  const firstSeen = new Map<string, OrgKeyword>();
  for (const kw of keywords) {
    const field = ORG_KEYWORDS[kw.key];
    if (field === undefined || kw.value === '') continue;
    const label = `#+${kw.key}:`;

    const earlier = firstSeen.get(kw.key);
    if (earlier) {
      diagnostics.push(
        warning(file, kw.line, kw.column, `\`${label}\` is given again and ignored: the first one (line ${earlier.line}) is used`, {
          hint: `keep one \`${label}\` line`,
          code: 'front-matter/duplicate-keyword',
          context: CONTEXT,
        }),
      );
      continue;
    }
    firstSeen.set(kw.key, kw);

    const fromYaml = given.get(field);
    if (fromYaml) {
      diagnostics.push(
        warning(
          file,
          kw.line,
          kw.column,
          `\`${label}\` is ignored: the YAML front matter sets \`${fromYaml.label}\` (line ${fromYaml.keyPos.line}), which wins`,
          { hint: `remove \`${label}\` or the YAML \`${fromYaml.label}\` key`, code: 'front-matter/conflict', context: CONTEXT },
        ),
      );
      continue;
    }
    given.set(field, {
      value: kw.value,
      pos: { line: kw.line, column: kw.valueColumn },
      keyPos: { line: kw.line, column: kw.column },
      label,
      spelling: undefined,
      items: [],
    });
  }
}

/** Turns each given value into its PostMeta field, reporting what does not fit. */
class FieldReader {
  constructor(
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  title(g: Given | undefined): string {
    if (!g || g.value === null) return '';
    const text = this.text(g);
    if (text !== null) return text;
    this.report('error', g.pos, `the title is ${describeValue(g.value)}, not text`, 'write the title as text, in double quotes if it contains `: `', 'title');
    return '';
  }

  /** null when absent, ignored or wrong (each reported as it should be). */
  date(g: Given | undefined, timeZone: string): PostDate | null {
    if (!g || g.value === null) return null;
    if (Array.isArray(g.value) || typeof g.value === 'object') {
      this.report('warning', g.pos, `\`${g.label}\` is ${describeValue(g.value)}, not a date; it is ignored`, `give one date: ${ACCEPTED_DATE_FORMS}`, 'date');
      return null;
    }
    const parsed = parseDate(this.text(g) ?? '', timeZone);
    if (!parsed.ok) {
      this.report('error', g.pos, `\`${g.label}\`: ${parsed.message}`, ACCEPTED_DATE_FORMS, 'date');
      return null;
    }
    for (const w of parsed.warnings) this.report('warning', g.pos, `\`${g.label}\`: ${w}`, undefined, 'date');
    return parsed.date;
  }

  /** The `YYYY-MM-DD-` file-name prefix, when no usable date was written (a wrong one is already an error). */
  fileNameDate(g: Given | undefined, timeZone: string): PostDate | null {
    const wroteBadDate = g !== undefined && g.value !== null && !Array.isArray(g.value) && typeof g.value !== 'object';
    if (wroteBadDate) return null;
    const parsed = dateFromFileName(this.file, timeZone);
    if (!parsed) return null;
    if (!parsed.ok) {
      this.diagnostics.push(
        error(this.file, 0, 0, `the date in the file name: ${parsed.message}`, {
          hint: 'rename the file, or add `date:` to the front matter',
          code: 'front-matter/date',
          context: CONTEXT,
        }),
      );
      return null;
    }
    return parsed.date;
  }

  tags(g: Given | undefined): string[] {
    if (!g) return [];
    const spellings = g.items.length > 0 ? g.items.map((i) => i.spelling) : [g.spelling];
    const { tags, problems } = normalizeTags(g.value, spellings);
    for (const p of problems) {
      const pos = p.index === null ? g.pos : (g.items[p.index]?.pos ?? g.pos);
      this.report(p.severity, pos, `\`${g.label}\`: ${p.message}`, 'write tags as a list (`[a, b]`) or as text (`a, b`)', 'tags');
    }
    return tags;
  }

  slug(g: Given | undefined, title: string): string {
    if (g && g.value !== null) {
      const text = this.text(g);
      if (text === null) {
        this.report('warning', g.pos, `\`${g.label}\` is ${describeValue(g.value)}, not text; it is ignored`, 'write the slug as text, e.g. slug: my-post', 'slug');
      } else {
        const slug = slugify(text);
        if (slug !== '') return slug;
        this.report('warning', g.pos, `\`${g.label}\` has no letters or digits; it is ignored`, 'write the slug as text, e.g. slug: my-post', 'slug');
      }
    }
    const fallback = slugFromPath(this.file) || slugify(title);
    if (fallback !== '') return fallback;
    this.report('warning', { line: 0, column: 0 }, 'neither the file name nor the title gives a slug; using `untitled`', 'add `slug: …` to the front matter', 'slug');
    return 'untitled';
  }

  draft(g: Given | undefined): boolean {
    if (!g || g.value === null) return false;
    if (typeof g.value === 'boolean') return g.value;
    if (typeof g.value === 'string') {
      const word = g.value.trim().toLowerCase();
      // `t`/`nil` are how org writes booleans (#+DRAFT: t).
      if (['true', 'yes', 't', 'on'].includes(word)) return true;
      if (['false', 'no', 'nil', 'off', ''].includes(word)) return false;
    }
    // Publishing a post by mistake cannot be undone; keeping it back can.
    this.report(
      'warning',
      g.pos,
      `\`${g.label}\` is ${describeValue(g.value)} orgpress cannot read as yes or no; the post is treated as a draft`,
      `write \`${g.label === 'draft' ? 'draft: true' : '#+DRAFT: t'}\` or \`${g.label === 'draft' ? 'draft: false' : '#+DRAFT: nil'}\``,
      'draft',
    );
    return true;
  }

  author(g: Given | undefined): string | null {
    if (!g || g.value === null) return null;
    // Several authors as a list are legitimate; one line names them all.
    if (Array.isArray(g.value) && g.value.every((a: unknown) => typeof a === 'string' || typeof a === 'number')) {
      return g.value.map((a: unknown) => String(a).trim()).filter((a) => a !== '').join(', ') || null;
    }
    const text = this.text(g);
    if (text !== null) return text === '' ? null : text;
    this.report('warning', g.pos, `\`${g.label}\` is ${describeValue(g.value)}, not a name; it is ignored`, 'write the author as text, e.g. author: Jane Doe', 'author');
    return null;
  }

  summary(g: Given | undefined): string | null {
    if (!g || g.value === null) return null;
    const text = this.text(g);
    if (text !== null) return text.replace(/\s+/g, ' ').trim() || null;
    this.report('warning', g.pos, `\`${g.label}\` is ${describeValue(g.value)}, not text; it is ignored`, 'write the summary as text', 'summary');
    return null;
  }

  /** A scalar as trimmed text (numbers in their written spelling), or null for lists and mappings. */
  private text(g: Given): string | null {
    const v = g.value;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return g.spelling ?? String(v);
    return null;
  }

  private report(severity: 'error' | 'warning', pos: Position, message: string, hint: string | undefined, code: string): void {
    const make = severity === 'error' ? error : warning;
    this.diagnostics.push(
      make(this.file, pos.line, pos.column, message, {
        ...(hint === undefined ? {} : { hint }),
        code: `front-matter/${code}`,
        context: CONTEXT,
      }),
    );
  }
}

/**
 * For an unclosed block: the first line after the fence that cannot be YAML
 * (not a `key:`, list entry, indented or blank line), where the
 * closing `---` was probably meant to go.
 */
function guessClosingLine(text: string): number | null {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // `#` lines count as content: after front matter they are org comments far more often than YAML ones.
    if (/^\s*$/.test(line) || /^[ \t]/.test(line) || /^- /.test(line)) continue;
    if (/^[^\s:#][^:]*:(?:\s|$)/.test(line)) continue;
    return i + 1;
  }
  return null;
}
