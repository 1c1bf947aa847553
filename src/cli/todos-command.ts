import { loadProject } from '../pipeline/build.js';
import { formatTodos } from '../content/todos/format-todos.js';
import { printDiagnostics } from './print-diagnostics.js';

export interface TodosCommandOptions {
  root: string;
  config?: string;
  json: boolean;
}

/**
 * `orgpress todos`: every open note across the drafts (drafts marked
 * `draft: true` included: that is where notes live), as
 * `path:line:col: TODO text  (Post › Section)` or JSON. A draft that fails
 * to parse still lists the notes found in it; the problems go to stderr.
 */
export async function todosCommand(o: TodosCommandOptions): Promise<number> {
  const project = await loadProject({ root: o.root, ...(o.config ? { configFile: o.config } : {}) });
  const notes = project.documents.flatMap((doc) =>
    doc.todos.map((t) => ({ ...t, title: doc.meta.title || doc.source.path })),
  );
  const out = formatTodos(notes, { json: o.json });
  if (out) process.stdout.write(out + '\n');
  else if (o.json) process.stdout.write('[]\n');
  if (!o.json) process.stderr.write(`${notes.length} note${notes.length === 1 ? '' : 's'}.\n`);
  printDiagnostics(project.diagnostics.filter((d) => d.severity === 'error'), project.sources);
  return 0;
}
