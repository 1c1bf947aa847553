import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/schema.js';
import { renderDocument } from '../../../src/content/render-document.js';

const render = (body: string) => renderDocument({ path: 'drafts/x.org', text: `---\ntitle: x\n---\n${body}` }, defaultConfig()).html;

describe('#+OPTIONS: \\n:t', () => {
  it('turns each line break of a paragraph into <br>, as ox-html does', () => {
    const html = render('#+OPTIONS: \\n:t\nRoses are red,\nviolets are /blue/.\n');
    expect(html).toContain('<p>Roses are red,<br>\nviolets are <em>blue</em>.\n</p>');
  });

  it('leaves code, example blocks and lone paragraphs alone', () => {
    const html = render('#+OPTIONS: \\n:t\n#+BEGIN_EXAMPLE\na\nb\n#+END_EXAMPLE\nOne line.\n');
    expect(html).not.toMatch(/<pre[^>]*>[^]*<br>/);
    expect(html).toContain('<p>One line.\n</p>');
  });

  it('is off by default: lines of a paragraph flow together', () => {
    expect(render('Roses are red,\nviolets are blue.\n')).not.toContain('<br>');
  });
});
