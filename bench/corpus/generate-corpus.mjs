/**
 * A deterministic corpus of realistic blog posts for the benchmark and the
 * parser-equivalence tests: the same seed gives byte-identical posts.
 *
 * Each post is built once as a list of blocks and then written twice, as org
 * (for orgpress and Hugo) and as its markdown twin (for Eleventy), so every
 * tool gets the same text, structure and front matter. Posts look like
 * drafts/2018-03-09-python-asyncio.org: YAML front matter (title, date,
 * tags), headings, paragraphs with markup and links, lists, one or two tables
 * with rules, a source block, a quote, footnotes and multi-line TODO comments,
 * 5–8 KiB each.
 */
import { createRng } from './prng.mjs';

const WORDS = (
  'the a of to and in that is for it as with on be this by are from or at an not but have can which one more ' +
  'event loop coroutine future thread process scheduler callback queue buffer stream socket request response ' +
  'server client handler message channel worker pool task timer signal lock mutex semaphore barrier deadlock ' +
  'parser lexer token grammar syntax tree node edge graph vertex path cycle search index cache memory page ' +
  'heap stack frame pointer reference value type class object method function closure module package library ' +
  'compiler interpreter runtime garbage collector allocation latency throughput bandwidth benchmark profile ' +
  'function integral derivative matrix vector tensor gradient descent optimizer loss model layer weight bias ' +
  'table column row header cell border rule group figure caption note draft post blog reader writer author ' +
  'editor emacs org mode markdown export template theme layout style font color contrast screen mobile ' +
  'python rust haskell elixir erlang clojure kotlin java scala go ocaml lisp scheme racket julia ' +
  'simple clear fast slow small large early late often rarely usually mostly nearly quite rather fairly ' +
  'write read build test ship deploy measure compare explain describe improve refactor rename remove keep ' +
  'because however therefore although whereas meanwhile instead otherwise finally first second third'
).split(/\s+/);

const TAGS = (
  'python rust haskell emacs org-mode asyncio concurrency math statistics linux networking databases ' +
  'performance testing web css typescript javascript compilers parsing algorithms data-structures ' +
  'machine-learning photography travel books music cooking hardware electronics security privacy ' +
  'devops cloud docker kubernetes git vim shell unix history philosophy writing meta tools notes ' +
  'elixir clojure lisp scheme functional-programming type-systems graphics audio games retro'
).split(/\s+/);

const LANGS = ['python', 'rust', 'haskell', 'emacs-lisp', 'javascript', 'sh', 'go', 'c'];
const HOSTS = ['docs.python.org', 'en.wikipedia.org', 'github.com', 'orgmode.org', 'doc.rust-lang.org', 'blog.example.net', 'lwn.net', 'news.ycombinator.com'];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function words(rng, lo, hi) {
  const n = rng.int(lo, hi);
  const out = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

function url(rng) {
  return `https://${rng.pick(HOSTS)}/${words(rng, 1, 3).replace(/ /g, '/')}${rng.chance(0.3) ? `#${rng.pick(WORDS)}` : ''}`;
}

/** Inline spans: plain text with markup, links and sometimes a footnote reference. */
function sentence(rng, ctx) {
  const parts = [];
  const n = rng.int(7, 18);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.05) parts.push({ k: 'bold', t: words(rng, 1, 2) });
    else if (r < 0.1) parts.push({ k: 'italic', t: words(rng, 1, 3) });
    else if (r < 0.14) parts.push({ k: 'code', t: `${rng.pick(WORDS)}_${rng.pick(WORDS)}()` });
    else if (r < 0.16) parts.push({ k: 'verbatim', t: `${rng.pick(WORDS)}.${rng.pick(WORDS)}` });
    else if (r < 0.17) parts.push({ k: 'strike', t: rng.pick(WORDS) });
    else if (r < 0.22) parts.push({ k: 'link', t: words(rng, 1, 4), u: url(rng) });
    else parts.push({ k: 'text', t: rng.pick(WORDS) });
  }
  if (ctx.footnotes.length < 3 && rng.chance(0.08)) {
    ctx.footnotes.push(`${cap(words(rng, 6, 16))}.`);
    parts.push({ k: 'fn', n: ctx.footnotes.length });
  }
  const first = parts[0];
  if (first && first.k === 'text') first.t = cap(first.t);
  return { parts, end: rng.pick(['.', '.', '.', '?', '!']) };
}

function paragraph(rng, ctx) {
  const sentences = [];
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) sentences.push(sentence(rng, ctx));
  return { type: 'p', sentences };
}

function table(rng) {
  const cols = rng.int(3, 5);
  const header = Array.from({ length: cols }, () => cap(words(rng, 1, 2)));
  const rows = [];
  const nRows = rng.int(3, 7);
  for (let r = 0; r < nRows; r++) {
    rows.push(
      Array.from({ length: cols }, (_, c) => (c > 0 && rng.chance(0.35) ? String(rng.int(1, 9999) / 100) : rng.chance(0.2) ? `~${rng.pick(WORDS)}()~` : words(rng, 1, 3))),
    );
  }
  // Some tables open with a rule (a border only) and split the body in two groups.
  return { type: 'table', header, rows, leadingRule: rng.chance(0.5), splitAt: rng.chance(0.4) ? rng.int(1, nRows - 1) : -1 };
}

function src(rng) {
  const lang = rng.pick(LANGS);
  const lines = [];
  const n = rng.int(5, 14);
  for (let i = 0; i < n; i++) {
    const indent = '    '.repeat(rng.int(0, 2));
    const r = rng.next();
    if (r < 0.3) lines.push(`${indent}${rng.pick(WORDS)}_${rng.pick(WORDS)} = ${rng.pick(WORDS)}(${rng.int(0, 99)}, "${rng.pick(WORDS)}")`);
    else if (r < 0.5) lines.push(`${indent}if ${rng.pick(WORDS)} < ${rng.int(1, 9)}: return ${rng.pick(WORDS)}`);
    else if (r < 0.6) lines.push(`${indent}# ${words(rng, 3, 8)}`);
    else lines.push(`${indent}${rng.pick(WORDS)}.${rng.pick(WORDS)}(${rng.pick(WORDS)}, ${rng.int(0, 999)})`);
  }
  return { type: 'src', lang, code: lines.join('\n') };
}

function list(rng, ctx) {
  const kind = rng.pick(['ul', 'ul', 'ol', 'dl']);
  const items = [];
  const n = rng.int(3, 6);
  for (let i = 0; i < n; i++) items.push({ term: kind === 'dl' ? cap(words(rng, 1, 2)) : null, s: sentence(rng, ctx) });
  return { type: 'list', kind, items };
}

function todo(rng) {
  const lines = [];
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) lines.push(words(rng, 6, 12));
  return { type: 'todo', keyword: rng.pick(['TODO', 'TODO', 'FIXME', 'XXX']), lines };
}

const pad2 = (n) => String(n).padStart(2, '0');

/** One post as blocks; `i` is its index, so slugs and dates are unique and stable. */
export function generatePostModel(i, seed = 1) {
  const rng = createRng(seed * 1_000_003 + i * 7919);
  const ctx = { footnotes: [] };
  // Dates spread over ~12 years, one post per day at most, in index order.
  const day = new Date(Date.UTC(2013, 0, 1) + i * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
  const titleWords = words(rng, 3, 7);
  const title = cap(titleWords);
  const slug = `post-${i}-${titleWords.split(' ').slice(0, 3).join('-')}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const tags = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(TAGS)))];
  const target = rng.int(5 * 1024, 6 * 1024);
  const blocks = [];
  if (rng.chance(0.6)) blocks.push(todo(rng));
  blocks.push(paragraph(rng, ctx));
  // What every post holds at least once, placed at random among the filler.
  const required = [table, ...(rng.chance(0.5) ? [table] : []), src, (r) => ({ type: 'quote', p: paragraph(r, ctx) })];
  let section = 0;
  let size = 0;
  while (section < 40) {
    section++;
    blocks.push({ type: 'h', level: section > 1 && rng.chance(0.35) ? 2 : 1, text: cap(words(rng, 2, 5)) });
    const n = size >= target ? required.length : rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      if (required.length && (size >= target || rng.chance(0.45))) {
        const at = rng.int(0, required.length - 1);
        const [make] = required.splice(at, 1);
        blocks.push(make(rng, ctx));
      } else blocks.push(rng.chance(0.7) ? paragraph(rng, ctx) : list(rng, ctx));
    }
    if (rng.chance(0.25)) blocks.push(todo(rng));
    size = toOrgBody(blocks, ctx).length + 120;
    if (size >= target && !required.length) break;
  }
  return { i, date, title, slug, tags, blocks, footnotes: ctx.footnotes, summaryless: true };
}

// ---------- org ----------

function orgInline(s) {
  const out = s.parts.map((p) => {
    switch (p.k) {
      case 'bold':
        return `*${p.t}*`;
      case 'italic':
        return `/${p.t}/`;
      case 'code':
        return `~${p.t}~`;
      case 'verbatim':
        return `=${p.t}=`;
      case 'strike':
        return `+${p.t}+`;
      case 'link':
        return `[[${p.u}][${p.t}]]`;
      case 'fn':
        return `[fn:${p.n}]`;
      default:
        return p.t;
    }
  });
  // A footnote reference attaches to the word before it.
  return out.join(' ').replace(/ \[fn:/g, '[fn:') + s.end;
}

/** Wraps a long line at ~72 columns, as an editor's fill-paragraph would. */
function fill(text, width = 72) {
  const lines = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function orgTableRow(cells, widths) {
  return `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

function toOrgBody(blocks, ctx) {
  const out = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'h':
        out.push(`${'*'.repeat(b.level)} ${b.text}`);
        break;
      case 'p':
        out.push(fill(b.sentences.map(orgInline).join(' ')), '');
        break;
      case 'quote':
        out.push('#+BEGIN_QUOTE', fill(b.p.sentences.map(orgInline).join(' ')), '#+END_QUOTE', '');
        break;
      case 'list':
        b.items.forEach((it, n) => {
          const bullet = b.kind === 'ol' ? `${n + 1}.` : '-';
          out.push(`${bullet} ${it.term ? `${it.term} :: ` : ''}${orgInline(it.s)}`);
        });
        out.push('');
        break;
      case 'table': {
        const widths = b.header.map((h, c) => Math.max(h.length, ...b.rows.map((r) => (r[c] ?? '').length)));
        const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('+')}|`;
        if (b.leadingRule) out.push(rule);
        out.push(orgTableRow(b.header, widths), rule);
        b.rows.forEach((r, n) => {
          if (n === b.splitAt) out.push(rule);
          out.push(orgTableRow(r, widths));
        });
        if (b.leadingRule) out.push(rule);
        out.push('');
        break;
      }
      case 'src':
        out.push(`#+BEGIN_SRC ${b.lang}`, b.code, '#+END_SRC', '');
        break;
      case 'todo':
        b.lines.forEach((l, n) => out.push(`# ${n === 0 ? `${b.keyword}: ` : ''}${l}`));
        break;
    }
  }
  if (ctx.footnotes.length) {
    out.push('* Footnotes');
    ctx.footnotes.forEach((f, n) => out.push(`[fn:${n + 1}] ${f}`, ''));
  }
  return out.join('\n');
}

export function toOrg(post) {
  const fm = ['---', `title: ${post.title}`, `date: ${post.date}`, `tags: [${post.tags.join(', ')}]`, `slug: ${post.slug}`, '---'];
  return `${fm.join('\n')}\n${toOrgBody(post.blocks, { footnotes: post.footnotes })}\n`;
}

// ---------- markdown twin ----------

const mdEscape = (t) => t.replace(/([*_`[\]])/g, '\\$1');

function mdInline(s) {
  const out = s.parts.map((p) => {
    switch (p.k) {
      case 'bold':
        return `**${p.t}**`;
      case 'italic':
        return `*${p.t}*`;
      case 'code':
      case 'verbatim':
        return `\`${p.t}\``;
      case 'strike':
        return `~~${p.t}~~`;
      case 'link':
        return `[${p.t}](${p.u})`;
      case 'fn':
        return `[^${p.n}]`;
      default:
        return mdEscape(p.t);
    }
  });
  return out.join(' ').replace(/ \[\^/g, '[^') + s.end;
}

function mdCell(c) {
  return c.replace(/^~(.*)~$/, '`$1`').replace(/\|/g, '\\|');
}

export function toMarkdown(post) {
  const out = ['---', `title: "${post.title}"`, `date: ${post.date}`, `tags: [${post.tags.join(', ')}]`, `slug: ${post.slug}`, '---'];
  for (const b of post.blocks) {
    switch (b.type) {
      case 'h':
        out.push(`${'#'.repeat(b.level + 1)} ${b.text}`, '');
        break;
      case 'p':
        out.push(fill(b.sentences.map(mdInline).join(' ')), '');
        break;
      case 'quote':
        out.push(
          fill(b.p.sentences.map(mdInline).join(' '))
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n'),
          '',
        );
        break;
      case 'list':
        b.items.forEach((it, n) => {
          const bullet = b.kind === 'ol' ? `${n + 1}.` : '-';
          out.push(`${bullet} ${it.term ? `**${it.term}**: ` : ''}${mdInline(it.s)}`);
        });
        out.push('');
        break;
      case 'table':
        out.push(`| ${b.header.map(mdCell).join(' | ')} |`, `|${b.header.map(() => ' --- ').join('|')}|`);
        for (const r of b.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
        out.push('');
        break;
      case 'src':
        out.push('```' + b.lang, b.code, '```', '');
        break;
      case 'todo':
        out.push(`<!-- ${b.keyword}: ${b.lines.join('\n')} -->`, '');
        break;
    }
  }
  if (post.footnotes.length) {
    out.push('## Footnotes', '');
    post.footnotes.forEach((f, n) => out.push(`[^${n + 1}]: ${f}`, ''));
  }
  return out.join('\n') + '\n';
}

/** File name of post `i`: date prefix, then the slug (orgpress reads both). */
export function fileBase(post) {
  return `${post.date}-${post.slug}`;
}

/** `n` posts as {name, org, markdown}. */
export function* generateCorpus(n, seed = 1) {
  for (let i = 0; i < n; i++) {
    const post = generatePostModel(i, seed);
    yield { name: fileBase(post), org: toOrg(post), markdown: toMarkdown(post), post };
  }
}
