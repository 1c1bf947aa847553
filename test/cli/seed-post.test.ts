import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, makeSite, runCli, SEED_PATH } from '../helpers/fixture-site.js';

/**
 * The user's real draft, built as part of a real site: the post that must
 * render perfectly (DESIGN.md).
 */
describe('the seed post (2018-03-09-python-asyncio.org)', () => {
  let dist: string;
  let page: ReturnType<typeof fromHtml>;
  let body: Element;
  let seed: string;

  beforeAll(async () => {
    seed = await readFile(SEED_PATH, 'utf8');
    const root = await makeSite({ 'drafts/2018-03-09-python-asyncio.org': seed, 'site.yaml': 'baseUrl: https://example.com/\n' });
    const r = await runCli(['build', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    dist = path.join(root, 'dist');
    page = fromHtml(await readFile(path.join(dist, '2018/03/python-asyncio/index.html'), 'utf8'));
    body = select('.post-body', page)!;
    expect(body).toBeTruthy();
  });

  it('has its title as the only h1, and its human date as that calendar day', () => {
    expect(selectAll('h1', page).map((h) => toString(h))).toEqual(['Some Python asyncio disambiguation']);
    const time = select('.post-header time', page)!;
    expect(time.properties.dateTime).toBe('2018-03-09');
    expect(toString(time)).toBe('March 9, 2018');
  });

  it('lists its single string tag', () => {
    expect(selectAll('a[rel=tag]', page).map((a) => toString(a))).toEqual(['technobabble']);
  });

  it('puts the table header row in <thead> with four column headers, and one body group', () => {
    const tables = selectAll('table', body);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(selectAll('thead tr', table)).toHaveLength(1);
    expect(selectAll('thead th[scope=col]', table).map((th) => toString(th))).toEqual(['Call from', 'Call to', 'When/where', 'How']);
    expect(selectAll('tbody', table)).toHaveLength(1);
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => selectAll('td', r).length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    // The ensure_future row continues the create_task row above it.
    expect(rows[5]!.properties.className).toContain('continuation');
    expect(toString(rows[5]!)).toContain('asyncio.ensure_future()');
    expect(select('.table-wrap > table', body)).toBe(table);
  });

  it('shows escaped underscores as plain underscores', () => {
    const text = toString(body);
    expect(text).toContain('asyncio.ensure_future()');
    expect(text).toContain('.create_task()');
    expect(text).not.toContain('\\_');
  });

  it('points every link where the author meant, uvloop included', () => {
    const hrefs = selectAll('a[href]', body)
      .map((a) => String(a.properties.href))
      .filter((h) => !h.startsWith('#'));
    const expected = [...seed.matchAll(/\[\[(https?:[^\]]+?)\\?\]\[/g)].map((m) => m[1]!);
    expect(hrefs).toEqual(expected);
    expect(hrefs).toContain('https://github.com/MagicStack/uvloop');
    expect(hrefs.every((h) => !h.includes('\\'))).toBe(true);
  });

  it('renders headings from h2 down, each with a stable id and an anchor link', () => {
    const h2 = selectAll('h2', body).map((h) => h.properties.id);
    const h3 = selectAll('h3', body).map((h) => h.properties.id);
    expect(h2).toEqual(['futures--coroutines', 'other-event-loops', 'other-references']);
    expect(h3).toEqual([
      'coroutines-and-futures-are-mostly-independent',
      'they-can-still-encapsulate-each-other',
      'futures-can-implement-asychronicity-differently',
      'futures-are-always-paired-with-some-running-context',
    ]);
    for (const h of selectAll('h2, h3', body)) {
      expect(select('a.heading-anchor', h)?.properties.href).toBe(`#${String(h.properties.id)}`);
    }
  });

  it('leaves no trace of its TODO notes anywhere in dist/', async () => {
    const fragments = ['Generators?', 'prior to all this', 'perform anything in the background', 'Pandoc', 'hardly', 'where a column starts'];
    for (const f of await listFiles(dist)) {
      const text = await readFile(path.join(dist, f), 'utf8');
      for (const fragment of fragments) expect(text, `${f} contains "${fragment}"`).not.toContain(fragment);
      // The stylesheet may style notes; no page, feed or sitemap may carry one.
      if (!f.endsWith('.css')) expect(text, f).not.toContain('todo-note');
    }
  });

  it('leaves no empty paragraphs behind its comments', () => {
    for (const p of selectAll('p', body)) expect(toString(p).trim(), 'empty <p>').not.toBe('');
  });
});

describe('orgpress todos', () => {
  it("lists the seed's two notes at lines 7 and 50 with their full joined text", async () => {
    const root = await makeSite({ 'drafts/2018-03-09-python-asyncio.org': await readFile(SEED_PATH, 'utf8') });
    const r = await runCli(['todos'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'drafts/2018-03-09-python-asyncio.org:7:1: TODO Generators? Is it accurate that prior to all this, coroutines were still available, but by themselves they offered no way to perform anything in the background?  (Some Python asyncio disambiguation)',
      "drafts/2018-03-09-python-asyncio.org:50:1: TODO How do I make Pandoc render this table better? It's hardly usable right now because you can't see where a column starts and ends  (Some Python asyncio disambiguation)",
    ]);
    const json = await runCli(['todos', '--json', '--root', root]);
    const notes = JSON.parse(json.stdout) as { line: number; section: string | null; title: string }[];
    expect(notes.map((n) => n.line)).toEqual([7, 50]);
    expect(notes[0]!.title).toBe('Some Python asyncio disambiguation');
  });
});
