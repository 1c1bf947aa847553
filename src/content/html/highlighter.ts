/**
 * Syntax highlighting at build time, so reading code needs no client
 * JavaScript. One highlighter per process (each build worker has its own).
 *
 * Why lowlight (highlight.js grammars as hast; numbers in
 * bench/highlighters.md, "Switched to lowlight"): a fresh process pays
 * ~0.1 s for its grammars where shiki paid up to 3 s (1.8 s for emacs-lisp
 * alone), and a block costs ~0.15 ms instead of ~1.8 ms; with every build
 * worker and every one-post rebuild paying the cold cost, that decided it.
 * The price: highlight.js has no emacs-lisp grammar (elisp is highlighted
 * as generic Lisp) and gets a few more tokens wrong than VS Code's grammars.
 *
 * Every grammar is registered (`all`, ~30 ms on first use): a fixed set, so
 * a name always means the same grammar and embedded languages (a <script>
 * in HTML, code in Markdown) are always there, whatever a process
 * highlighted before. Lazy registration would make the output depend on
 * that history, and the document cache needs the same output every time.
 *
 * Tokens are `<span class="hljs-keyword">`…; `templates/assets/code.css`
 * colours them for the light and the dark scheme. Text outside tokens is
 * bare and takes the page's code colour.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { all, createLowlight } from 'lowlight';
// Not used here (lowlight uses it): imported, and a dependency of ours in
// lowlight's range, so that the content-cache fingerprint, which follows the
// packages our modules import, covers highlight.js's version: it decides
// the tokens.
import 'highlight.js/lib/core';
import { splitLines } from '../org/line-numbers.js';

/**
 * Language names org users write (Emacs major modes, babel names) that
 * highlight.js knows under another name, or not at all. Anything else is
 * looked up lower-cased in highlight.js's names and aliases (`js`, `ts`,
 * `py`, `rs`, `zsh`, `toml`…). An empty string: shown plain.
 */
const ORG_LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  // highlight.js has no Emacs Lisp grammar; generic Lisp is close.
  'emacs-lisp': 'lisp',
  elisp: 'lisp',
  // highlight.js's `shell` is a console session (`$ ` prompts); org's is a script.
  shell: 'bash',
  'shell-script': 'bash',
  sh: 'bash',
  zsh: 'bash',
  'c++': 'cpp',
  'jupyter-python': 'python',
  ipython: 'python',
  'jupyter-julia': 'julia',
  'jupyter-r': 'r',
  sqlite: 'sql',
  mysql: 'sql',
  postgresql: 'pgsql',
  postgres: 'pgsql',
  psql: 'pgsql',
  rustic: 'rust',
  tuareg: 'ocaml',
  js2: 'javascript',
  rjsx: 'javascript',
  web: 'xml',
  mhtml: 'xml',
  nxml: 'xml',
  conf: 'ini',
  'conf-unix': 'ini',
  'conf-space': 'ini',
  'conf-toml': 'ini',
  octave: 'matlab',
  nasm: 'x86asm',
  asm: 'x86asm',
  racket: 'scheme',
  clojurescript: 'clojure',
  // Languages with no grammar worth guessing at: shown plain.
  org: '',
  text: '',
  txt: '',
  plain: '',
  example: '',
  ditaa: '',
  plantuml: '',
  calc: '',
};

type Lowlight = ReturnType<typeof createLowlight>;
let lowlight: Lowlight | undefined;

function getLowlight(): Lowlight {
  lowlight ??= createLowlight(all);
  return lowlight;
}

/**
 * The highlight.js language for a language name as an author wrote it
 * (`python`, `emacs-lisp`, `C`, `sh`, `jupyter-python`…), or null when there
 * is no grammar for it: such code is shown plain.
 */
export function resolveLanguage(name: string | null | undefined): string | null {
  if (!name) return null;
  let key = name.trim().toLowerCase();
  const alias = ORG_LANGUAGE_ALIASES[key];
  if (alias !== undefined) key = alias;
  else if (key.endsWith('-mode')) key = key.slice(0, -'-mode'.length);
  if (key === '' || !/^[a-z0-9][a-z0-9+#._-]*$/.test(key)) return null;
  return getLowlight().registered(key) ? key : null;
}

/** Blocks with a line longer than this are left plain (minified code would take long and help nobody). */
const MAX_LINE_LENGTH = 5000;

/**
 * Highlights `code` (no trailing newline expected) as `language` (a name
 * from `resolveLanguage`). Returns one list of hast nodes per line (token
 * spans that cross a line end are split, one part per line); plain text
 * lines when the language is null or unknown.
 */
export function highlightLines(code: string, language: string | null): ElementContent[][] {
  const lines = code.split('\n');
  const plain = (): ElementContent[][] => lines.map((line) => (line === '' ? [] : [{ type: 'text', value: line }]));
  if (!language || lines.some((line) => line.length > MAX_LINE_LENGTH)) return plain();
  let tree: Root;
  try {
    if (!getLowlight().registered(language)) return plain();
    tree = getLowlight().highlight(language, code);
  } catch {
    // A grammar that fails is plain text, never a failed build.
    return plain();
  }
  const highlighted = splitLines(unwrapSublanguages(tree.children));
  // Never lose or add a line, whatever the grammar did.
  return highlighted.length === lines.length ? highlighted : plain();
}

/**
 * Code in an embedded language (JavaScript in HTML's <script>) comes
 * wrapped in `<span class="javascript">`: a bare class that means nothing
 * to the stylesheet and could clash with a site's own. Its tokens are kept,
 * the wrapper dropped.
 */
function unwrapSublanguages(nodes: readonly RootContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element') {
      const className = node.properties['className'];
      const children = unwrapSublanguages(node.children);
      const isToken = Array.isArray(className) && className.some((c) => String(c).startsWith('hljs-'));
      if (isToken) out.push({ ...node, children });
      else out.push(...children);
    } else if (node.type === 'text') {
      out.push(node);
    }
  }
  return out;
}
