import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { draftFileName, draftText, parseTagList, todayIn, type DraftFormat } from '../publish/new-draft.js';
import { printDiagnostics } from './print-diagnostics.js';

export interface NewCommandOptions {
  root: string;
  config?: string;
  md: boolean;
  tags?: string;
  /** `YYYY-MM-DD`; default: today in the site's `timeZone`. */
  date?: string;
}

/**
 * `orgpress new "Title"`: writes `drafts/YYYY-MM-DD-title.org` with its front
 * matter filled in and prints the path. Never overwrites a file.
 */
export async function newCommand(title: string, o: NewCommandOptions): Promise<number> {
  const root = path.resolve(o.root);
  const loaded = await loadConfig(root, o.config);
  if (hasErrors(loaded.diagnostics)) {
    printDiagnostics(loaded.diagnostics, new Map());
    return 1;
  }
  const trimmed = title.trim();
  if (trimmed === '') return fail('the title is empty: give one, e.g. orgpress new "My first post"');
  if (o.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) return fail(`--date ${o.date}: write it as YYYY-MM-DD`, 2);
  const format: DraftFormat = o.md ? 'md' : 'org';
  const date = o.date ?? todayIn(loaded.config.timeZone);
  const name = draftFileName({ title: trimmed, date, format });
  if (name === null) return fail(`"${trimmed}" has no letter or digit to name the file by: give a title with some`);

  const file = path.join(root, loaded.config.dirs.drafts, name);
  const shown = path.relative(process.cwd(), file) || file;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `wx`: fail rather than replace, even if the file appears between a check and the write.
    await writeFile(file, draftText({ title: trimmed, date, tags: parseTagList(o.tags), format }), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return fail(`${shown} already exists; nothing was written (choose another title, or edit that draft)`);
    }
    throw err;
  }
  process.stdout.write(shown + '\n');
  return 0;
}

function fail(message: string, code = 1): number {
  process.stderr.write(`orgpress new: ${message}\n`);
  return code;
}
