/**
 * Syntax highlighting at build time, so reading code needs no client
 * JavaScript. One highlighter per process (each build worker has its own).
 *
 * Why shiki with its JavaScript regex engine (numbers in bench/highlighters.md):
 * VS Code's TextMate grammars give the best tokens of the candidates measured
 * (every probe right, and emacs-lisp, which highlight.js only knows as generic
 * lisp); the JavaScript engine tokenizes exactly like Oniguruma on the
 * benchmark and, unlike the WASM engine, can be created synchronously
 * (`createHighlighterCoreSync`), so the content stage stays a synchronous
 * pure function.
 *
 * Languages load on first use, synchronously, with `require()` of shiki's ES
 * module grammars (Node ≥ 20.19 can `require` ES modules), so all of shiki's
 * ~230 languages work without paying for them at start-up. A grammar's first
 * block costs its regex translation (10–250 ms; emacs-lisp ~1.5 s); later
 * blocks take about 1–3 ms.
 *
 * Colours are CSS variables, not colours: every token span carries
 * `--shiki-light` and `--shiki-dark`, and `templates/assets/code.css` picks
 * one with `prefers-color-scheme`. Tokens in the theme's plain foreground get
 * no span at all; they take the page's code colour.
 */
import { createRequire } from 'node:module';
import type { ElementContent, Properties } from 'hast';
import { createHighlighterCoreSync, type HighlighterCore, type LanguageRegistration, type ThemedToken } from '@shikijs/core';
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import githubLight from '@shikijs/themes/github-light-default';
import githubDark from '@shikijs/themes/github-dark-default';

const require = createRequire(import.meta.url);

const LIGHT = 'github-light-default';
const DARK = 'github-dark-default';

/**
 * Language names org users write (Emacs major modes, babel names) that
 * shiki knows under another name. Anything else is looked up lower-cased in
 * shiki's own names and aliases (`elisp`, `sh`, `shell`, `js`, `py`, `rs`…).
 */
const ORG_LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  'c++': 'cpp',
  'shell-script': 'shellscript',
  'jupyter-python': 'python',
  ipython: 'python',
  'jupyter-julia': 'julia',
  'jupyter-r': 'r',
  sqlite: 'sql',
  mysql: 'sql',
  postgresql: 'sql',
  postgres: 'sql',
  psql: 'sql',
  rustic: 'rust',
  tuareg: 'ocaml',
  js2: 'javascript',
  rjsx: 'jsx',
  web: 'html',
  mhtml: 'html',
  nxml: 'xml',
  conf: 'ini',
  'conf-unix': 'ini',
  'conf-space': 'ini',
  'conf-toml': 'toml',
  octave: 'matlab',
  fortran: 'fortran-free-form',
  nasm: 'asm',
  // Languages with no grammar worth guessing at: shown plain.
  text: '',
  txt: '',
  plain: '',
  example: '',
  ditaa: '',
  plantuml: '',
  calc: '',
};

let highlighter: HighlighterCore | undefined;
let knownNames: Set<string> | undefined;
/** Language id (as requested, resolved) → shiki's registered name, or null when it failed to load. */
const loaded = new Map<string, string | null>();

function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [githubLight, githubDark],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

function shikiLanguageNames(): Set<string> {
  if (!knownNames) {
    const index = require('@shikijs/langs') as { languageNames: string[]; languageAliasNames: string[] };
    knownNames = new Set([...index.languageNames, ...index.languageAliasNames]);
  }
  return knownNames;
}

/**
 * The shiki language for a language name as an author wrote it (`python`,
 * `emacs-lisp`, `C`, `sh`, `jupyter-python`…), or null when there is no
 * grammar for it: such code is shown plain.
 */
export function resolveLanguage(name: string | null | undefined): string | null {
  if (!name) return null;
  let key = name.trim().toLowerCase();
  const alias = ORG_LANGUAGE_ALIASES[key];
  if (alias !== undefined) key = alias;
  else if (key.endsWith('-mode')) key = key.slice(0, -'-mode'.length);
  if (key === '' || !/^[a-z0-9][a-z0-9+#._-]*$/.test(key)) return null;
  return shikiLanguageNames().has(key) ? key : null;
}

/** Loads a language on first use; its registered name, or null. */
function ensureLanguage(lang: string): string | null {
  const known = loaded.get(lang);
  if (known !== undefined) return known;
  let registered: string | null = null;
  try {
    const regs = (require(`@shikijs/langs/${lang}`) as { default: LanguageRegistration[] }).default;
    getHighlighter().loadLanguageSync(regs);
    const main = regs.find((r) => r.name === lang || r.aliases?.includes(lang)) ?? regs[regs.length - 1];
    registered = main?.name ?? null;
  } catch {
    // A grammar that fails to load is plain text, never a failed build.
    registered = null;
  }
  loaded.set(lang, registered);
  return registered;
}

/** Lines longer than this are left plain (minified code would take long and help nobody). */
const MAX_LINE_LENGTH = 5000;

/**
 * Highlights `code` (no trailing newline expected) as `language` (a name
 * from `resolveLanguage`). Returns one list of hast nodes per line; plain
 * text lines when the language is null or unknown.
 */
export function highlightLines(code: string, language: string | null): ElementContent[][] {
  const plain = (): ElementContent[][] => code.split('\n').map((line) => (line === '' ? [] : [{ type: 'text', value: line }]));
  const lang = language ? ensureLanguage(language) : null;
  if (!lang) return plain();
  let tokens: ThemedToken[][];
  try {
    tokens = getHighlighter().codeToTokens(code, {
      lang,
      themes: { light: LIGHT, dark: DARK },
      defaultColor: false,
      // No time limit: with one, output depends on machine load (a grammar's
      // first line can be cut short while its regexes compile), and the
      // build must be deterministic for its cache.
      tokenizeTimeLimit: 0,
      tokenizeMaxLineLength: MAX_LINE_LENGTH,
      // The light theme's comment grey is 4.1:1 on our code background; this is 5.6:1.
      colorReplacements: { [LIGHT]: { '#6e7781': '#59636e' } },
    }).tokens;
  } catch {
    return plain();
  }
  const fg = themeForegrounds();
  return tokens.map((line) => mergeTokens(line, fg));
}

let foregrounds: { light: string; dark: string } | undefined;
function themeForegrounds(): { light: string; dark: string } {
  foregrounds ??= {
    light: (githubLight.colors?.['editor.foreground'] ?? '').toLowerCase(),
    dark: (githubDark.colors?.['editor.foreground'] ?? '').toLowerCase(),
  };
  return foregrounds;
}

/** Tokens → spans; adjacent tokens of one style share a span, plain ones are bare text. */
function mergeTokens(line: readonly ThemedToken[], fg: { light: string; dark: string }): ElementContent[] {
  const out: ElementContent[] = [];
  let previousStyle: string | null = null;
  for (const token of line) {
    if (token.content === '') continue;
    let style = styleOf(token, fg);
    // Whitespace looks the same in any colour: let it join its neighbour.
    if (style !== null && /^\s+$/.test(token.content) && !/font-style|text-decoration/.test(style)) style = previousStyle;
    const last = out[out.length - 1];
    if (style === previousStyle && last) {
      const textNode = last.type === 'element' ? last.children[0] : last;
      if (textNode?.type === 'text') {
        textNode.value += token.content;
        continue;
      }
    }
    if (style === null) out.push({ type: 'text', value: token.content });
    else out.push({ type: 'element', tagName: 'span', properties: { style } satisfies Properties, children: [{ type: 'text', value: token.content }] });
    previousStyle = style;
  }
  return out;
}

/** `--shiki-light:#x;--shiki-dark:#y` (plus font styles), or null for the theme's plain text. */
function styleOf(token: ThemedToken, fg: { light: string; dark: string }): string | null {
  const vars = token.htmlStyle ?? {};
  const light = vars['--shiki-light']?.toLowerCase();
  const dark = vars['--shiki-dark']?.toLowerCase();
  const extra = Object.entries(vars).filter(([k]) => k !== '--shiki-light' && k !== '--shiki-dark');
  if (extra.length === 0 && (light === undefined || light === fg.light) && (dark === undefined || dark === fg.dark)) return null;
  return Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
}
