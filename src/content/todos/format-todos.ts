/**
 * Output of `orgpress todos` (DESIGN.md, "TODO comments"): one line per note
 * starting `path:line:col:` so editors and terminals make it clickable, or a
 * JSON array for tools.
 */
import type { TodoNote } from '../document.js';

/** A note with the title of the post it belongs to. */
export type TitledTodoNote = TodoNote & { title: string };

/** One element of the `--json` array. */
export interface TodoJson {
  file: string;
  line: number;
  column: number;
  keyword: string;
  text: string;
  title: string;
  section: string | null;
}

/**
 * Text form: `drafts/x.org:7:1: TODO text  (Post title › Section)`, one line
 * per note, no trailing newline; `(Post title)` alone before the first
 * heading. JSON form: a pretty-printed array of `TodoJson`. Both sorted by
 * file, then line, then column. No notes: `''` or `[]`.
 */
export function formatTodos(notes: readonly TitledTodoNote[], options: { json: boolean }): string {
  const sorted = [...notes].sort(compareNotes);
  if (options.json) {
    const items: TodoJson[] = sorted.map((note) => ({
      file: note.file,
      line: note.line,
      column: note.column,
      keyword: note.keyword,
      text: note.text,
      title: note.title,
      section: note.section,
    }));
    return JSON.stringify(items, null, 2);
  }
  return sorted.map(formatLine).join('\n');
}

function formatLine(note: TitledTodoNote): string {
  const where = note.section === null ? oneLine(note.title) : `${oneLine(note.title)} › ${oneLine(note.section)}`;
  const text = note.text === '' ? '' : ` ${oneLine(note.text)}`;
  return `${note.file}:${note.line}:${note.column}: ${note.keyword}${text}  (${where})`;
}

function compareNotes(a: TodoNote, b: TodoNote): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Keeps each note on one line whatever a title or heading contains. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
