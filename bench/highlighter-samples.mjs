/**
 * Realistic code blocks for bench/highlighters.mjs, one per language a blog
 * like this one shows, each with probes: a piece of the code and the kind of
 * token a reader expects it to be coloured as. A probe names the first
 * occurrence of `text` (or the `nth`, 0-based) in the code.
 *
 * Kinds: keyword, string, comment, number, function (a name being defined or
 * called), type (a named type), constant (true/nil/null…), tag (HTML tag,
 * CSS selector), attr (HTML attribute), property (JSON/YAML key, CSS
 * property), variable (shell/SQL/elisp variable or parameter reference).
 */
export const samples = [
  {
    lang: 'python',
    code: `import math
from dataclasses import dataclass

@dataclass
class Sample:
    """One sample of f on [a, b]."""
    x: float
    y: float = 0.0

def trapezoid(f, a, b, n=16):
    h = (b - a) / n
    inner = sum(f(a + k * h) for k in range(1, n))
    return h * (f(a) / 2 + inner + f(b) / 2)  # O(h^2)

if __name__ == "__main__":
    print(f"{trapezoid(math.sin, 0, math.pi):.6f}", None)
`,
    probes: [
      ['import', 'keyword'],
      ['class Sample', 'keyword'],
      ['Sample', 'type'],
      ['"""One sample', 'string'],
      ['trapezoid', 'function'],
      ['return', 'keyword'],
      ['16', 'number'],
      ['O(h^2)', 'comment'],
      ['"__main__"', 'string'],
      ['None', 'constant'],
    ],
  },
  {
    lang: 'javascript',
    code: `// Debounce calls to fn by ms milliseconds.
export function debounce(fn, ms = 250) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), ms);
  };
}

const onResize = debounce(() => {
  document.body.dataset.width = \`\${window.innerWidth}px\`;
}, 100);
window.addEventListener('resize', onResize, { passive: true });
const re = /^#[0-9a-f]{6}$/i;
`,
    probes: [
      ['Debounce calls', 'comment'],
      ['export', 'keyword'],
      ['function', 'keyword'],
      ['debounce', 'function'],
      ['250', 'number'],
      ['null', 'constant'],
      ['return', 'keyword'],
      ["'resize'", 'string'],
      ['true', 'constant'],
      ['px', 'string'],
    ],
  },
  {
    lang: 'typescript',
    code: `import type { Root, Element } from 'hast';

/** A user as the API returns it. */
export interface User {
  id: number;
  name: string;
  tags?: readonly string[];
}

type Handler<T> = (value: T) => Promise<void>;

export async function loadUsers(url: string, limit = 20): Promise<User[]> {
  const res = await fetch(\`\${url}?limit=\${limit}\`);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return (await res.json()) as User[];
}

enum Color { Red = 1, Green }
`,
    probes: [
      ['import', 'keyword'],
      ["'hast'", 'string'],
      ['A user as', 'comment'],
      ['interface', 'keyword'],
      ['User', 'type'],
      ['number', 'type'],
      ['Handler', 'type'],
      ['async', 'keyword'],
      ['loadUsers', 'function'],
      ['20', 'number'],
      ['throw', 'keyword'],
      ['Color', 'type'],
    ],
  },
  {
    lang: 'bash',
    code: `#!/usr/bin/env bash
set -euo pipefail

# Back up every draft, keeping seven days.
BACKUP_DIR="\${HOME}/backups/$(date +%F)"
mkdir -p "$BACKUP_DIR"

for f in drafts/*.org; do
  if [[ -s "$f" ]]; then
    cp -- "$f" "$BACKUP_DIR/" && echo "saved $f"
  fi
done

find ~/backups -mindepth 1 -mtime +7 -exec rm -rf {} + 2>/dev/null
exit 0
`,
    probes: [
      ['Back up every', 'comment'],
      ['set', 'function'],
      ['"${HOME}', 'string'],
      ['for', 'keyword'],
      ['in drafts', 'keyword'],
      ['do', 'keyword'],
      ['if', 'keyword'],
      ['$f', 'variable'],
      ['echo', 'function'],
      ['fi', 'keyword'],
      ['exit', 'keyword|function'],
    ],
  },
  {
    lang: 'emacs-lisp',
    code: `;;; orgpress.el --- publish org drafts  -*- lexical-binding: t; -*-

(require 'ox-html)

(defvar orgpress-drafts-dir "~/blog/drafts/"
  "Where drafts live.")

(defun orgpress-new-draft (title)
  "Create a draft called TITLE and visit it."
  (interactive "sTitle: ")
  (let* ((slug (replace-regexp-in-string "[^a-z0-9]+" "-" (downcase title)))
         (file (expand-file-name (concat slug ".org") orgpress-drafts-dir)))
    (find-file file)
    (insert (format "#+TITLE: %s\\n" title))
    (when (> (length slug) 40) (message "long slug"))
    nil))

(add-hook 'org-mode-hook #'visual-line-mode)
`,
    probes: [
      ['publish org drafts', 'comment'],
      ['require', 'keyword|function'],
      ['defvar', 'keyword'],
      ['"~/blog/drafts/"', 'string'],
      ['defun', 'keyword'],
      ['orgpress-new-draft', 'function'],
      ['"Create a draft', 'string'],
      ['let*', 'keyword'],
      ['when', 'keyword'],
      ['40', 'number'],
      ['nil', 'constant'],
    ],
  },
  {
    lang: 'rust',
    code: `use std::collections::HashMap;

/// A point in the plane.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn dist(&self, other: &Point) -> f64 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

fn main() {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for word in "a b a".split_whitespace() {
        *seen.entry(word).or_insert(0) += 1;
    }
    println!("{:?} {}", seen, true);
}
`,
    probes: [
      ['use', 'keyword'],
      ['A point in', 'comment'],
      ['struct', 'keyword'],
      ['Point', 'type'],
      ['f64', 'type'],
      ['impl', 'keyword'],
      ['dist', 'function'],
      ['let', 'keyword'],
      ['"a b a"', 'string'],
      ['0', 'number', 2],
      ['true', 'constant'],
    ],
  },
  {
    lang: 'go',
    code: `package main

import (
	"fmt"
	"net/http"
)

// Server answers health checks.
type Server struct {
	Addr string
	hits int
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	s.hits++
	fmt.Fprintf(w, "ok %d\\n", s.hits)
}

func main() {
	s := &Server{Addr: ":8080"}
	http.HandleFunc("/health", s.health)
	if err := http.ListenAndServe(s.Addr, nil); err != nil {
		panic(err)
	}
}
`,
    probes: [
      ['package', 'keyword'],
      ['"fmt"', 'string'],
      ['Server answers', 'comment'],
      ['type', 'keyword'],
      ['Server', 'type', 1],
      ['string', 'type'],
      ['func', 'keyword'],
      ['health', 'function', 1],
      ['if', 'keyword'],
      ['nil', 'constant'],
    ],
  },
  {
    lang: 'json',
    code: `{
  "name": "orgpress",
  "version": "0.1.0",
  "private": true,
  "workers": 4,
  "ratio": 1.5e-3,
  "tags": ["blog", "org-mode"],
  "author": null,
  "repository": { "type": "git", "url": "https://example.com/orgpress.git" }
}
`,
    probes: [
      ['"name"', 'property'],
      ['"orgpress"', 'string'],
      ['true', 'constant'],
      ['4', 'number'],
      ['1.5e-3', 'number'],
      ['"blog"', 'string'],
      ['null', 'constant'],
      ['"url"', 'property'],
    ],
  },
  {
    lang: 'yaml',
    code: `# CI for the blog
name: build
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
        env:
          CI: true
          NODE_OPTIONS: "--max-old-space-size=4096"
`,
    probes: [
      ['CI for the blog', 'comment'],
      ['name', 'property'],
      ['runs-on', 'property'],
      ['10', 'number'],
      ['uses', 'property'],
      ['true', 'constant'],
      ['"--max-old', 'string'],
    ],
  },
  {
    lang: 'html',
    code: `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Notes &amp; drafts</title>
  <link rel="stylesheet" href="/assets/style.css">
</head>
<body>
  <!-- the list is filled at build time -->
  <ul class="posts">
    <li><a href="/2018/03/python-asyncio/">asyncio</a></li>
  </ul>
  <script type="module">import { x } from "./x.js"; console.log(x);</script>
</body>
</html>
`,
    probes: [
      ['html', 'tag', 1],
      ['lang', 'attr'],
      ['"en"', 'string'],
      ['meta', 'tag'],
      ['charset', 'attr'],
      ['the list is filled', 'comment'],
      ['ul', 'tag'],
      ['href', 'attr', 1],
      ['import', 'keyword'],
    ],
  },
  {
    lang: 'css',
    code: `/* Code blocks follow the colour scheme. */
:root {
  --radius: 6px;
}
pre.src > code {
  display: block;
  padding: 1em 1.15em;
  border-radius: var(--radius);
  font-family: "JetBrains Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  .shiki span { color: var(--shiki-dark) !important; }
}
a:hover { color: #1c5fa6; }
`,
    probes: [
      ['Code blocks follow', 'comment'],
      ['pre', 'tag'],
      ['display', 'property'],
      ['1em', 'number'],
      ['border-radius', 'property'],
      ['"JetBrains Mono"', 'string'],
      ['@media', 'keyword'],
      ['var', 'function', 1],
      ['#1c5fa6', 'number'],
    ],
  },
  {
    lang: 'sql',
    code: `-- Posts per tag, most used first.
SELECT t.name, COUNT(*) AS posts
FROM tags AS t
JOIN post_tags pt ON pt.tag_id = t.id
WHERE t.name <> 'draft'
  AND pt.created_at >= DATE '2018-01-01'
GROUP BY t.name
HAVING COUNT(*) > 2
ORDER BY posts DESC
LIMIT 10;

CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
`,
    probes: [
      ['Posts per tag', 'comment'],
      ['SELECT', 'keyword'],
      ['COUNT', 'function'],
      ['FROM', 'keyword'],
      ["'draft'", 'string'],
      ['2', 'number', 4],
      ['LIMIT', 'keyword'],
      ['CREATE', 'keyword'],
      ['INTEGER', 'type'],
      ['NULL', 'constant|keyword'],
    ],
  },
  {
    lang: 'c',
    code: `#include <stdio.h>
#include <stdlib.h>

#define N 16

/* Trapezoidal rule over [a, b]. */
static double trapezoid(double (*f)(double), double a, double b, int n) {
    double h = (b - a) / n, sum = 0.5 * (f(a) + f(b));
    for (int k = 1; k < n; k++) {
        sum += f(a + k * h);
    }
    return sum * h;
}

int main(void) {
    printf("%.6f\\n", trapezoid(sin, 0.0, 3.14159265, N));
    return EXIT_SUCCESS;
}
`,
    probes: [
      ['#include', 'keyword'],
      ['<stdio.h>', 'string'],
      ['Trapezoidal rule', 'comment'],
      ['static', 'keyword'],
      ['double', 'type'],
      ['trapezoid', 'function'],
      ['0.5', 'number'],
      ['for', 'keyword'],
      ['int', 'type'],
      ['return', 'keyword'],
      ['"%.6f', 'string'],
    ],
  },
];
