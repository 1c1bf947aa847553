#!/usr/bin/env node
/**
 * Which syntax highlighter should the content stage use? Measures, in one
 * run and on the same machine, for each candidate:
 *
 *   - cold start: a fresh `node` process importing the highlighter, creating
 *     it and highlighting one block of each of 13 languages (what each build
 *     worker pays once);
 *   - warm time per block (median of many rounds), the steady-state cost;
 *   - token accuracy: the share of hand-written probes (bench/highlighter-samples.mjs)
 *     whose token gets the expected kind (keyword, string, comment, …);
 *   - whether it can run synchronously (the content stage is synchronous);
 *   - installed size of the package and its dependencies.
 *
 * Candidates. Only lowlight is a dependency (the one orgpress uses, set up
 * as src/content/html/highlighter.ts sets it up); the others are skipped
 * unless installed: `npm i --no-save shiki @wooorm/starry-night @shikijs/langs-precompiled`
 * (shiki brings @shikijs/core, engine-javascript, langs and themes):
 *   shiki-js    shiki core, JavaScript regex engine, createHighlighterCoreSync (sync)
 *   shiki-pre   the same with grammars precompiled to JS regexes (@shikijs/langs-precompiled)
 *               and createJavaScriptRawEngine: no regex translation at run time
 *   shiki-onig  shiki core, Oniguruma WASM engine (async creation), the reference
 *   lowlight    highlight.js grammars as hast (what rehype-highlight uses),
 *               every grammar registered (`createLowlight(all)`), as orgpress does
 *   starry      @wooorm/starry-night: GitHub's TextMate grammars, Oniguruma WASM
 *
 * Usage: node bench/highlighters.mjs [--rounds 40]
 * Results and the decision are recorded in bench/highlighters.md.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { samples } from './highlighter-samples.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'package.json'));

/** Language names per candidate for each sample language. */
const NAMES = {
  'shiki-js': { bash: 'shellscript' },
  'shiki-pre': { bash: 'shellscript' },
  'shiki-onig': { bash: 'shellscript' },
  lowlight: { 'emacs-lisp': 'lisp', html: 'xml' },
  starry: {
    python: 'source.python',
    javascript: 'source.js',
    typescript: 'source.ts',
    bash: 'source.shell',
    'emacs-lisp': 'source.emacs.lisp',
    rust: 'source.rust',
    go: 'source.go',
    json: 'source.json',
    yaml: 'source.yaml',
    html: 'text.html.basic',
    css: 'source.css',
    sql: 'source.sql',
    c: 'source.c',
  },
};
const nameFor = (candidate, lang) => NAMES[candidate][lang] ?? lang;
const LANGS = samples.map((s) => s.lang);
/** The themes orgpress used while it highlighted with shiki. */
const LIGHT = 'github-light-default';
const DARK = 'github-dark-default';

// ---------------------------------------------------------------------------
// Candidates: create() → { highlight(code, lang) → hast, segments(code, lang) → [{start, end, kinds}] }

async function createCandidate(name) {
  switch (name) {
    case 'shiki-js':
    case 'shiki-pre':
    case 'shiki-onig': {
      const core = await import('@shikijs/core');
      const langPackage = name === 'shiki-pre' ? '@shikijs/langs-precompiled' : '@shikijs/langs';
      const langs = LANGS.map((l) => require(`${langPackage}/${nameFor(name, l)}`).default);
      const themes = [LIGHT, DARK].map((t) => require(`@shikijs/themes/${t}`).default);
      let hl;
      if (name === 'shiki-js') {
        const { createJavaScriptRegexEngine } = await import('@shikijs/engine-javascript');
        hl = core.createHighlighterCoreSync({ themes, langs, engine: createJavaScriptRegexEngine() });
      } else if (name === 'shiki-pre') {
        const { createJavaScriptRawEngine } = await import('@shikijs/engine-javascript');
        hl = core.createHighlighterCoreSync({ themes, langs, engine: createJavaScriptRawEngine() });
      } else {
        const { createOnigurumaEngine } = await import('shiki/engine/oniguruma');
        hl = await core.createHighlighterCore({ themes, langs, engine: createOnigurumaEngine(import('shiki/wasm')) });
      }
      return {
        sync: name !== 'shiki-onig',
        highlight: (code, lang) =>
          hl.codeToHast(code, {
            lang: nameFor(name, lang),
            themes: { light: LIGHT, dark: DARK },
            defaultColor: false,
            // The default 500 ms per line cuts tokenizing short while a grammar's
            // regexes are first compiled (elisp: 1.6 s), so first-use output differs.
            tokenizeTimeLimit: 0,
          }),
        segments: (code, lang) => {
          const lines = hl.codeToTokens(code, { lang: nameFor(name, lang), theme: LIGHT, includeExplanation: true, tokenizeTimeLimit: 0 }).tokens;
          const out = [];
          for (const token of lines.flat()) {
            let start = token.offset;
            for (const ex of token.explanation ?? []) {
              out.push({ start, end: start + ex.content.length, kinds: scopeKinds(ex.scopes.map((s) => s.scopeName)) });
              start += ex.content.length;
            }
          }
          return out;
        },
        scopesOf: (code, lang) => {
          const lines = hl.codeToTokens(code, { lang: nameFor(name, lang), theme: LIGHT, includeExplanation: true, tokenizeTimeLimit: 0 }).tokens;
          return lines.flat().flatMap((t) => (t.explanation ?? []).map((e) => [e.content, e.scopes.map((s) => s.scopeName).join(' ')]));
        },
      };
    }
    case 'lowlight': {
      const { createLowlight, all } = await import('lowlight');
      const lowlight = createLowlight(all);
      return {
        sync: true,
        highlight: (code, lang) => lowlight.highlight(nameFor(name, lang), code),
        segments: (code, lang) => hastSegments(lowlight.highlight(nameFor(name, lang), code), hljsKinds),
      };
    }
    case 'starry': {
      const { createStarryNight, common } = await import('@wooorm/starry-night');
      const elisp = (await import('@wooorm/starry-night/source.emacs.lisp')).default;
      const starryNight = await createStarryNight([...common, elisp]);
      return {
        sync: false,
        highlight: (code, lang) => starryNight.highlight(code, nameFor(name, lang)),
        segments: (code, lang) => hastSegments(starryNight.highlight(code, nameFor(name, lang)), starryKinds),
      };
    }
    default:
      throw new Error(`unknown candidate ${name}`);
  }
}

// ---------------------------------------------------------------------------
// Token kinds from each highlighter's vocabulary.

/** TextMate scope stack → kinds (shiki). */
function scopeKinds(scopes) {
  const kinds = new Set();
  for (const s of scopes) {
    if (/^comment/.test(s)) kinds.add('comment');
    if (/^(string|punctuation\.definition\.string)/.test(s)) kinds.add('string');
    if (/^constant\.numeric|^constant\.other\.color/.test(s)) kinds.add('number');
    if (/^constant\.language|^support\.constant|^constant\.other\.(symbol|elisp)/.test(s)) kinds.add('constant');
    if (/^(keyword|storage\.modifier)/.test(s) && !/^keyword\.operator/.test(s)) kinds.add('keyword');
    if (/^storage\.type/.test(s)) kinds.add(/built-?in|primitive|numeric|\.(c|go|sql)$/.test(s) ? 'type' : 'keyword');
    if (/^(entity\.name\.(type|class|struct|enum)|support\.(type|class)|entity\.other\.inherited-class)/.test(s)) {
      kinds.add(/property-name/.test(s) ? 'property' : 'type');
    }
    if (/^storage\.binding/.test(s)) kinds.add('keyword');
    if (/^(entity\.name\.function|entity\.function\.name|support\.function|meta\.function-call\.(generic|name)|variable\.function)/.test(s)) kinds.add('function');
    if (/^entity\.name\.tag/.test(s)) kinds.add(/\.yaml$/.test(s) ? 'property' : 'tag');
    if (/^entity\.other\.attribute-name/.test(s)) kinds.add('attr');
    if (/^(support\.type\.property-name|meta\.property-name|variable\.other\.property)/.test(s)) kinds.add('property');
    if (/^variable\.(other|parameter|language)/.test(s) && !/property|constant/.test(s)) kinds.add('variable');
  }
  return kinds;
}

/** highlight.js classes → kinds. */
function hljsKinds(classes) {
  const kinds = new Set();
  const has = (c) => classes.includes(c);
  if (has('hljs-comment') || has('hljs-doctag')) kinds.add('comment');
  if (has('hljs-string') || has('hljs-regexp')) kinds.add('string');
  if (has('hljs-number')) kinds.add('number');
  if (has('hljs-literal') || has('hljs-symbol')) kinds.add('constant');
  if (has('hljs-keyword') || has('hljs-meta')) kinds.add('keyword');
  if (has('hljs-built_in')) kinds.add('function');
  if (has('hljs-type')) kinds.add('type');
  if (has('hljs-title')) {
    if (has('function_')) kinds.add('function');
    else if (has('class_')) kinds.add('type');
    else kinds.add('function').add('type');
  }
  if (has('hljs-attr')) kinds.add('property').add('attr');
  if (has('hljs-attribute') || has('hljs-property')) kinds.add('property');
  if (has('hljs-name') || has('hljs-selector-tag') || has('hljs-selector-class')) kinds.add('tag');
  if (has('hljs-variable') || has('hljs-params') || has('hljs-template-variable')) kinds.add('variable');
  return kinds;
}

/** GitHub's pl-* classes (starry-night) → kinds. */
function starryKinds(classes) {
  const kinds = new Set();
  const has = (c) => classes.includes(c);
  if (has('pl-c')) kinds.add('comment');
  if (has('pl-s') || has('pl-pds') || has('pl-sr')) kinds.add('string');
  if (has('pl-c1')) kinds.add('number').add('constant').add('property').add('function').add('type');
  if (has('pl-k')) kinds.add('keyword');
  if (has('pl-en')) kinds.add('function').add('type');
  if (has('pl-ent')) kinds.add('tag').add('property');
  if (has('pl-e')) kinds.add('attr').add('type');
  if (has('pl-smi') || has('pl-v')) kinds.add('variable');
  return kinds;
}

/** Text runs of a hast tree with their offsets and the classes of every enclosing element. */
function hastSegments(tree, toKinds) {
  const out = [];
  let offset = 0;
  const walk = (node, classes) => {
    if (node.type === 'text') {
      out.push({ start: offset, end: offset + node.value.length, kinds: toKinds(classes) });
      offset += node.value.length;
      return;
    }
    const own = node.type === 'element' ? [].concat(node.properties?.className ?? []) : [];
    for (const child of node.children ?? []) walk(child, [...classes, ...own]);
  };
  walk(tree, []);
  return out;
}

/** Probe results: [{lang, text, expected, got, ok}]. */
function checkProbes(candidate) {
  const results = [];
  for (const sample of samples) {
    const segments = candidate.segments(sample.code, sample.lang);
    for (const [text, expected, nth = 0] of sample.probes) {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = sample.code.indexOf(text, at + 1);
      if (at < 0) throw new Error(`probe ${text} not found in ${sample.lang}`);
      // Kinds of the segments covering the probe's first non-punctuation character.
      const first = at + Math.max(0, text.search(/[\p{L}\p{N}]/u));
      const got = new Set();
      for (const s of segments) if (s.start <= first && first < s.end) for (const k of s.kinds) got.add(k);
      const ok = expected.split('|').some((e) => got.has(e));
      results.push({ lang: sample.lang, text, expected, got: [...got].join(',') || '-', ok });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------
// Timing.

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function warmTimes(candidate, rounds) {
  for (let r = 0; r < 3; r++) for (const s of samples) candidate.highlight(s.code, s.lang);
  const perLang = {};
  for (const s of samples) {
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      candidate.highlight(s.code, s.lang);
      times.push(performance.now() - t);
    }
    perLang[s.lang] = median(times);
  }
  return perLang;
}

/** Runs in a child process: import + create + one block per language. */
async function coldChild(name) {
  const t0 = performance.now();
  const candidate = await createCandidate(name);
  const created = performance.now() - t0;
  const firstUse = {};
  for (const s of samples) {
    const t = performance.now();
    candidate.highlight(s.code, s.lang);
    firstUse[s.lang] = performance.now() - t;
  }
  const firstPass = performance.now() - t0 - created;
  process.stdout.write(JSON.stringify({ created, firstPass, firstUse }));
}

function cold(name) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', name], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const firstUse = Object.fromEntries(LANGS.map((l) => [l, median(runs.map((r) => r.firstUse[l]))]));
  return { created: median(runs.map((r) => r.created)), firstPass: median(runs.map((r) => r.firstPass)), firstUse };
}

// ---------------------------------------------------------------------------
// Installed size of a package and its dependency closure.

const PACKAGES = {
  'shiki-js': ['@shikijs/core', '@shikijs/engine-javascript', '@shikijs/langs', '@shikijs/themes'],
  'shiki-pre': ['@shikijs/core', '@shikijs/engine-javascript', '@shikijs/langs-precompiled', '@shikijs/themes'],
  'shiki-onig': ['@shikijs/core', '@shikijs/engine-oniguruma', '@shikijs/langs', '@shikijs/themes', 'shiki'],
  lowlight: ['lowlight'],
  starry: ['@wooorm/starry-night'],
};
const ALREADY_THERE = new Set(['hast-util-to-html', 'hastscript', 'unist-util-visit', 'devlop', '@types/hast']);

function dirSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(p);
    else total += statSync(p).size;
  }
  return total;
}

function closure(names) {
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n) || ALREADY_THERE.has(n)) return;
    const dir = path.join(root, 'node_modules', n);
    if (!existsSync(dir)) return;
    seen.add(n);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const d of Object.keys(pkg.dependencies ?? {})) visit(d);
  };
  names.forEach(visit);
  return seen;
}

function installedMiB(name) {
  let bytes = 0;
  for (const n of closure(PACKAGES[name])) bytes += dirSize(path.join(root, 'node_modules', n));
  return bytes / 2 ** 20;
}

// ---------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--cold') return coldChild(args[1]);
  const rounds = Number(args[args.indexOf('--rounds') + 1]) || 40;
  const verbose = args.includes('--verbose');
  const available = ['shiki-js', 'shiki-pre', 'shiki-onig', 'lowlight', 'starry'].filter((n) => {
    try {
      if (n === 'shiki-onig') require.resolve('shiki');
      require.resolve(PACKAGES[n][0] === '@shikijs/core' ? `${PACKAGES[n][2]}/json` : PACKAGES[n][0]);
      return true;
    } catch {
      console.log(`(${n}: not installed, skipped)`);
      return false;
    }
  });

  const lines = samples.reduce((n, s) => n + s.code.split('\n').length - 1, 0);
  console.log(`${samples.length} blocks, ${lines} lines; node ${process.version}; ${rounds} rounds per block\n`);

  const rows = [];
  const probeResults = {};
  const instances = {};
  for (const name of available) {
    const candidate = await createCandidate(name);
    instances[name] = candidate;
    const perLang = await warmTimes(candidate, rounds);
    const c = cold(name);
    const probes = checkProbes(candidate);
    probeResults[name] = probes;
    const total = Object.values(perLang).reduce((a, b) => a + b, 0);
    rows.push({
      name,
      sync: candidate.sync ? 'yes' : 'no',
      perLang,
      meanMs: total / samples.length,
      usPerLine: (total * 1000) / lines,
      createMs: c.created,
      firstUse: c.firstUse,
      firstPassMs: c.firstPass,
      accuracy: probes.filter((p) => p.ok).length / probes.length,
      probes: `${probes.filter((p) => p.ok).length}/${probes.length}`,
      mib: installedMiB(name),
    });
  }

  const fmt = (x, d = 2) => x.toFixed(d);
  console.log('| candidate | sync | create (ms) | first block of each of 13 langs (ms) | warm ms/block (mean of medians) | µs/line | probes right | installed MiB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.sync} | ${fmt(r.createMs, 0)} | ${fmt(r.firstPassMs, 0)} | ${fmt(r.meanMs, 3)} | ${fmt(r.usPerLine, 1)} | ${r.probes} (${fmt(r.accuracy * 100, 0)}%) | ${fmt(r.mib, 1)} |`);
  }
  console.log('\nwarm ms per block, by language:\n');
  console.log(`| lang | ${rows.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---').join('|')}|`);
  for (const l of LANGS) console.log(`| ${l} | ${rows.map((r) => fmt(r.perLang[l], 3)).join(' | ')} |`);
  console.log('\nfirst block of a language in a fresh process (ms; grammar compiled on first use):\n');
  console.log(`| lang | ${rows.map((r) => r.name).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---').join('|')}|`);
  for (const l of LANGS) console.log(`| ${l} | ${rows.map((r) => fmt(r.firstUse[l], 0)).join(' | ')} |`);
  console.log('\nprobes missed (expected → got):\n');
  for (const [name, probes] of Object.entries(probeResults)) {
    const missed = probes.filter((p) => !p.ok);
    console.log(`- ${name}: ${missed.map((p) => `${p.lang} \`${p.text}\` ${p.expected}→${p.got}`).join('; ') || 'none'}`);
  }

  // Do the synchronous JavaScript regex engines tokenize exactly like Oniguruma?
  for (const js of ['shiki-js', 'shiki-pre']) {
    if (!instances[js] || !instances['shiki-onig']) continue;
    const onig = instances['shiki-onig'];
    const differing = samples.filter((s) => JSON.stringify(instances[js].scopesOf(s.code, s.lang)) !== JSON.stringify(onig.scopesOf(s.code, s.lang)));
    console.log(`\n${js} vs shiki-onig: TextMate scopes identical in ${samples.length - differing.length}/${samples.length} blocks${differing.length ? ` (differ: ${differing.map((s) => s.lang).join(', ')})` : ''}`);
  }
  if (verbose) for (const [name, probes] of Object.entries(probeResults)) console.log(name, probes);
}

await main();
