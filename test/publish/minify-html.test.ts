import { describe, expect, it } from 'vitest';
import { minifyPages } from '../../src/output/minify-html.js';

const PRE = `<pre class="example numbered" style="--line-digits:2"><code><span class="line" data-line="1">  if (a  &lt;  b) {</span>
<span class="line" data-line="2">\t\treturn   "x";  </span>
</code></pre>`;
const TEXTAREA = `<textarea name="t">  two  spaces
  and a line   </textarea>`;
const SCRIPT = `<script>if(location.protocol==='file:')  {  var  x = "a  b"; }</script>`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>  A   page  </title>
  ${SCRIPT}
</head>
<body>
  <p>Some   <em>inline</em>   text
     over lines.</p>
  ${PRE}
  ${TEXTAREA}
  <!-- a comment -->
  <svg viewBox="0 0 4 4"><circle cx="2" cy="2" r="1"/></svg>
</body>
</html>
`;

describe('HTML minification', () => {
  it('leaves <pre>, <textarea> and inline scripts byte for byte, and keeps a space between inline elements', async () => {
    const { files, diagnostics } = await minifyPages([{ path: 'index.html', content: PAGE }]);
    expect(diagnostics).toEqual([]);
    const out = String(files[0]!.content);
    expect(out.length).toBeLessThan(PAGE.length);
    const inner = (html: string, tag: string) => html.slice(html.indexOf(`<${tag}`), html.indexOf(`</${tag}>`) + tag.length + 3);
    expect(inner(out, 'pre')).toBe(inner(PAGE, 'pre'));
    expect(inner(out, 'textarea')).toBe(TEXTAREA);
    expect(out).toContain(SCRIPT);
    expect(out).toContain('<p>Some <em>inline</em> text over lines.</p>');
    expect(out).not.toContain('a comment');
    expect(out).toContain('viewBox="0 0 4 4"'); // case and quotes kept
    expect(out).toContain('<circle cx="2" cy="2" r="1"/>');
  });

  it('passes other files through, and writes a page it cannot parse as rendered, with a warning', async () => {
    const feed = { path: 'atom.xml', content: '<feed>  </feed>' };
    const broken = { path: 'x/index.html', content: '<p>ok</p><div <<<' };
    const { files, diagnostics } = await minifyPages([feed, broken]);
    expect(files[0]).toBe(feed);
    expect(files[1]!.content).toBe(broken.content);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'x/index.html', severity: 'warning', code: 'output/minify' });
  });
});
