import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { error, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';

export interface Position {
  /** 1-based line in the original file. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** One top-level `key: value` of the front matter, with where it was written. */
export interface YamlField {
  key: string;
  /** The value as plain JS (strings, numbers, booleans, null, arrays, objects). */
  value: unknown;
  keyPos: Position;
  /** Start of the value; for an empty value, just after the key. */
  valuePos: Position;
  /** Source text of a plain scalar, so `1.0` or `2018` keep their spelling when read as text. */
  spelling: string | undefined;
  /** Entries of a list value: their positions and plain-scalar spellings. */
  items: { pos: Position; spelling: string | undefined }[];
}

export interface YamlFields {
  fields: YamlField[];
  diagnostics: Diagnostic[];
  /** False when the YAML did not parse: `fields` is then empty. */
  ok: boolean;
}

const CONTEXT = 'while reading the front matter';

const GENERIC_HINT =
  'front matter is YAML: one `key: value` per line; put a value in double quotes when it ' +
  'contains `: ` or ` #`, or starts with [ { & * ! | > % @ ` or a quote';

const HINTS: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'each key may appear once in the front matter; remove or merge the repeated one',
  TAB_AS_INDENT: 'indent YAML with spaces, not tabs',
  MISSING_CHAR: 'a quote, bracket or brace is not closed; close it on the same value',
  BAD_INDENT: 'check the indentation: list entries and nested keys need the same indent as their siblings',
  MULTILINE_IMPLICIT_KEY: 'a key and its `:` must be on one line; quote values that contain `: `',
  BLOCK_AS_IMPLICIT_KEY: 'a value containing `: ` must be in double quotes, e.g. title: "Python: a tour"',
};

/**
 * Parses the YAML between the fences with the YAML 1.2 core schema, which
 * has no timestamp type: `date: 2018-03-09` stays the text `2018-03-09`
 * instead of becoming a JS Date at UTC midnight (a day early west of UTC).
 * Positions are of the original file: `firstLine` is the file line where
 * `yaml` starts.
 */
export function parseYamlFields(yaml: string, firstLine: number, file: string): YamlFields {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { schema: 'core', prettyErrors: false, lineCounter, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const diagnostics: Diagnostic[] = [];

  for (const e of doc.errors) {
    const { line, column } = at(errorOffset(yaml, e));
    diagnostics.push(
      error(file, line, column, `invalid YAML: ${firstSentence(e.message)}`, {
        hint: HINTS[e.code] ?? GENERIC_HINT,
        code: 'front-matter/yaml',
        context: CONTEXT,
      }),
    );
  }
  for (const w of doc.warnings) {
    const { line, column } = at(w.pos[0]);
    diagnostics.push(warning(file, line, column, `YAML: ${firstSentence(w.message)}`, { code: 'front-matter/yaml', context: CONTEXT }));
  }
  if (doc.errors.length > 0) return { fields: [], diagnostics, ok: false };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { fields: [], diagnostics, ok: true };
  if (!isMap(contents)) {
    const { line, column } = at(contents.range?.[0] ?? 0);
    diagnostics.push(
      error(file, line, column, 'the front matter is not a set of `key: value` lines', {
        hint: 'write one `key: value` per line between the `---` lines, e.g. title: My post',
        code: 'front-matter/not-a-mapping',
        context: CONTEXT,
      }),
    );
    return { fields: [], diagnostics, ok: false };
  }

  const fields: YamlField[] = [];
  // As for a syntax error: a block with an unreadable value gives no fields (no "missing title" on top of it).
  let broken = false;
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null; // the composer only ever puts nodes (or null) here
    const keyPos = at(keyNode?.range?.[0] ?? 0);
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      diagnostics.push(
        warning(file, keyPos.line, keyPos.column, 'a front-matter key that is not plain text is ignored', {
          code: 'front-matter/odd-key',
          context: CONTEXT,
        }),
      );
      continue;
    }
    const valueNode = pair.value as Node | null;
    let value: unknown = null;
    try {
      value = valueNode ? valueNode.toJS(doc) : null;
    } catch (err) {
      // toJS throws for an alias with no anchor (`title: *x`) or one that expands too far; the parse reports neither.
      const pos = at(valueNode?.range?.[0] ?? keyNode.range?.[0] ?? 0);
      diagnostics.push(
        error(file, pos.line, pos.column, `invalid YAML: ${firstSentence(err instanceof Error ? err.message : String(err))}`, {
          hint: 'in YAML, `*name` repeats a value marked `&name` above it; to write a value that starts with `*` or `&`, put it in double quotes, e.g. title: "*Starred*"',
          code: 'front-matter/yaml',
          context: CONTEXT,
        }),
      );
      broken = true;
      continue;
    }
    fields.push({
      key: String(keyNode.value),
      value,
      keyPos,
      valuePos: valueNode?.range ? at(valueNode.range[0]) : at(keyNode.range?.[1] ?? 0),
      spelling: plainSpelling(valueNode),
      items: isSeq(valueNode)
        ? valueNode.items.map((item) => {
            const node = item as Node | null; // items of a composed sequence are nodes
            return { pos: at(node?.range?.[0] ?? valueNode.range?.[0] ?? 0), spelling: plainSpelling(node) };
          })
        : [],
    });
  }
  return broken ? { fields: [], diagnostics, ok: false } : { fields, diagnostics, ok: true };
}

/**
 * yaml reports an unclosed quote where the text ends; the opening quote is
 * where the author has to look.
 */
function errorOffset(yaml: string, e: YAMLError): number {
  const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
  if (quote === undefined) return e.pos[0];
  const open = yaml.lastIndexOf(quote, e.pos[0] - 1);
  return open >= 0 ? open : e.pos[0];
}

function plainSpelling(node: Node | null): string | undefined {
  return isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
}

/** yaml's messages sometimes run on with a code frame; ours is printed by the formatter. */
function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').trim() ?? message;
}
