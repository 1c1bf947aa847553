/**
 * `/__orgpress/todos/`: every note to self across the site, on one dev-only
 * page. It uses the theme's stylesheet for fonts and colours, but not its
 * templates: a broken template must not hide the page that helps fix things.
 */

/** Site path of the page in the dev server's output. */
export const TODOS_PAGE_PATH = '__orgpress/todos/index.html';

export interface NoteRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly keyword: string;
  readonly text: string;
  readonly title: string;
  readonly section: string | null;
  /** `post url#todo-N`, or null when the draft has never rendered (it has errors). */
  readonly href: string | null;
}

export function renderTodosPage(opts: { siteTitle: string; notes: readonly NoteRow[] }): string {
  const { notes } = opts;
  const drafts = new Set(notes.map((n) => n.file)).size;
  const summary =
    notes.length === 0
      ? 'No open notes: nothing left to do.'
      : `${notes.length} open note${notes.length === 1 ? '' : 's'} in ${drafts} draft${drafts === 1 ? '' : 's'}.`;
  const rows = notes.map(rowHtml).join('\n');
  const table = notes.length
    ? `<div class="table-wrap"><table class="org-table orgpress-todos">
<thead><tr><th scope="col">Where</th><th scope="col">Note</th><th scope="col">Post › Section</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <meta name="robots" content="noindex">
  <title>Notes to self – ${esc(opts.siteTitle)}</title>
  <link rel="stylesheet" href="/assets/style.css">
</head>
<body class="kind-dev-todos is-dev">
  <main id="main" class="site-main">
    <div class="wrap orgpress-todos-page">
      <p><a href="/">← ${esc(opts.siteTitle)}</a></p>
      <h1>Notes to self</h1>
      <p>${summary} This page exists only in <code>orgpress dev</code>; <code>orgpress todos</code> prints the same list.</p>
      <div class="post-body">
${table}
      </div>
    </div>
  </main>
</body>
</html>
`;
}

/** Each row's HTML, made once per row object (the dev server passes the same row while its note is unchanged). */
const rowsHtml = new WeakMap<NoteRow, string>();

function rowHtml(n: NoteRow): string {
  let html = rowsHtml.get(n);
  if (html === undefined) {
    const note = `<span class="todo-keyword">${esc(n.keyword)}</span> ${esc(n.text)}`;
    const where = `${n.file}:${n.line}:${n.column}`;
    html = [
      '<tr>',
      `<td><code>${esc(where)}</code></td>`,
      `<td>${n.href ? `<a href="${esc(n.href)}">${note}</a>` : note}</td>`,
      `<td>${esc(n.title)}${n.section ? ` <span aria-hidden="true">›</span> ${esc(n.section)}` : ''}</td>`,
      '</tr>',
    ].join('');
    rowsHtml.set(n, html);
  }
  return html;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
