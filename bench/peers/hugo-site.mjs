/**
 * A Hugo site doing the work the orgpress build does on the same org
 * corpus: one page per post (with date, reading time, tags, table of
 * contents, newer/older links), a paginated home page (10 per page, with
 * summaries), one page per tag, a tags index, an archive by year (the posts
 * section), an RSS feed of the latest 20 posts and a sitemap. Hugo reads the
 * YAML front matter of `.org` files and renders org with go-org.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = `baseURL = "https://example.org/blog/"
title = "Bench blog"
languageCode = "en"
paginate = 10
rssLimit = 20
[taxonomies]
tag = "tags"
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
`;

const LAYOUTS = {
  '_default/baseof.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> <a href="{{ "posts/" | relURL }}">Archive</a> <a href="{{ "tags/" | relURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time> · {{ .ReadingTime }} min read
<ul class="tags">{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>
{{ .TableOfContents }}
{{ .Content }}</article>
<nav>{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
`,
  'index.html': `{{ define "main" }}{{ $p := .Paginate (where .Site.RegularPages "Type" "posts") }}
{{ range $p.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time>{{ .Date.Format "January 2, 2006" }}</time><p>{{ .Summary | plainify | truncate 280 }}</p></article>{{ end }}
<nav>{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Newer</a>{{ end }} {{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Older</a>{{ end }}</nav>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "January 2, 2006" }}</time></li>{{ end }}</ul>{{ end }}{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
};

/** Writes the Hugo site for `posts` ({name, org}) into `dir`. */
export function writeHugoSite(dir, posts) {
  mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), CONFIG);
  for (const [rel, text] of Object.entries(LAYOUTS)) {
    mkdirSync(path.dirname(path.join(dir, 'layouts', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'layouts', rel), text);
  }
  for (const p of posts) writeFileSync(path.join(dir, 'content', 'posts', `${p.name}.org`), p.org);
}
