/**
 * An Eleventy site doing the work the orgpress build does, on the markdown
 * twin of the corpus (Eleventy has no org support): post pages (date, tags,
 * newer/older links), a paginated home page (10 per page, with summaries),
 * one page per tag, a tags index, an archive, an RSS feed of the latest 20
 * posts and a sitemap, all in Liquid (the template language orgpress uses).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addCollection('posts', (api) => api.getFilteredByGlob('posts/*.md'));
  eleventyConfig.addCollection('tagList', (api) => {
    const tags = new Set();
    for (const item of api.getFilteredByGlob('posts/*.md')) for (const t of item.data.tags ?? []) tags.add(t);
    return [...tags].sort();
  });
  return { dir: { input: '.', includes: '_includes', output: '_site' }, markdownTemplateEngine: false };
}
`;

const FILES = {
  '_includes/base.liquid': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }} – Bench blog</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><header><a href="/">Bench blog</a> <a href="/archive/">Archive</a> <a href="/tags/">Tags</a></header>
<main>{{ content }}</main><footer>Bench blog</footer></body></html>
`,
  '_includes/post.liquid': `---
layout: base.liquid
---
<article><h1>{{ title }}</h1><time datetime="{{ page.date | date: '%Y-%m-%d' }}">{{ page.date | date: '%B %-d, %Y' }}</time>
<ul class="tags">{% for t in tags %}<li><a href="/tags/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>
{{ content }}</article>
{% assign newer = collections.posts | getNextCollectionItem: page %}{% assign older = collections.posts | getPreviousCollectionItem: page %}
<nav>{% if newer %}<a href="{{ newer.url }}">{{ newer.data.title }}</a>{% endif %} {% if older %}<a href="{{ older.url }}">{{ older.data.title }}</a>{% endif %}</nav>
`,
  // Markdown is not run through Liquid here (markdownTemplateEngine: false), so the post URL is computed in JS.
  'posts/posts.11tydata.mjs': `export default {
  layout: 'post.liquid',
  eleventyComputed: {
    permalink: (data) => '/' + data.page.date.toISOString().slice(0, 7).replace('-', '/') + '/' + data.slug + '/',
  },
};
`,
  'index.liquid': `---
layout: base.liquid
title: Home
pagination:
  data: collections.posts
  size: 10
  reverse: true
permalink: "{% if pagination.pageNumber > 0 %}/page/{{ pagination.pageNumber | plus: 1 }}/{% else %}/{% endif %}"
---
{% for post in pagination.items %}<article><h2><a href="{{ post.url }}">{{ post.data.title }}</a></h2><time>{{ post.date | date: '%B %-d, %Y' }}</time>
<p>{{ post.content | strip_html | truncate: 280 }}</p></article>{% endfor %}
<nav>{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Newer</a>{% endif %} {% if pagination.href.next %}<a href="{{ pagination.href.next }}">Older</a>{% endif %}</nav>
`,
  'tag.liquid': `---
layout: base.liquid
pagination:
  data: collections.tagList
  size: 1
  alias: tag
permalink: /tags/{{ tag | slugify }}/
eleventyComputed:
  title: Posts tagged {{ tag }}
---
<h1>Posts tagged {{ tag }}</h1><ul>{% assign tagged = collections[tag] | reverse %}{% for post in tagged %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date | date: '%B %-d, %Y' }}</time></li>{% endfor %}</ul>
`,
  'tags.liquid': `---
layout: base.liquid
title: Tags
permalink: /tags/
---
<ul>{% for tag in collections.tagList %}<li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a> ({{ collections[tag].size }})</li>{% endfor %}</ul>
`,
  'archive.liquid': `---
layout: base.liquid
title: Archive
permalink: /archive/
---
<ul>{% assign all = collections.posts | reverse %}{% for post in all %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date | date: '%B %-d, %Y' }}</time></li>{% endfor %}</ul>
`,
  'rss.liquid': `---
permalink: /rss.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench blog</title><link>https://example.org/blog/</link>
{% assign recent = collections.posts | reverse %}{% for post in recent limit: 20 %}<item><title>{{ post.data.title | escape }}</title><link>https://example.org/blog{{ post.url }}</link><pubDate>{{ post.date | date: '%a, %d %b %Y %H:%M:%S %z' }}</pubDate><description>{{ post.content | escape }}</description></item>{% endfor %}
</channel></rss>
`,
  'sitemap.liquid': `---
permalink: /sitemap.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{% for p in collections.all %}<url><loc>https://example.org/blog{{ p.url }}</loc></url>{% endfor %}</urlset>
`,
};

/** Writes the Eleventy site for `posts` ({name, markdown}) into `dir`. */
export function writeEleventySite(dir, posts) {
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  writeFileSync(path.join(dir, 'eleventy.config.mjs'), CONFIG);
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  for (const p of posts) writeFileSync(path.join(dir, 'posts', `${p.name}.md`), p.markdown);
}
