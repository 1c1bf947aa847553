import { describe, expect, it } from 'vitest';
import { all, one, renderOrg, text } from '../../../helpers/render-org.js';

describe('description lists', () => {
  it('renders - term :: description as <dl class="org-dl"> with <dt>/<dd> pairs', () => {
    const { tree } = renderOrg('- Org :: an outliner\n- Emacs :: an editor\n');
    const dl = one(tree, 'dl.org-dl');
    expect(all(dl, 'dt').map(text)).toEqual(['Org', 'Emacs']);
    expect(all(dl, 'dd').map(text)).toEqual(['an outliner', 'an editor']);
  });

  it('does not wrap a one-paragraph description in <p>, as ox-html', () => {
    const { tree } = renderOrg('- Term :: desc\n');
    expect(all(tree, 'dd p')).toHaveLength(0);
  });

  it('keeps paragraphs when a description has several', () => {
    const { tree } = renderOrg('- Term :: first\n\n  second\n');
    expect(all(tree, 'dd > p').map(text)).toEqual(['first', 'second']);
  });

  it('keeps inline markup in terms and descriptions', () => {
    const { tree } = renderOrg('- /Term/ :: *bold* desc\n');
    expect(one(tree, 'dt em')).toBeTruthy();
    expect(one(tree, 'dd strong')).toBeTruthy();
  });

  it('leaves other lists alone', () => {
    const { tree } = renderOrg('- a\n- b\n');
    expect(all(tree, 'ul > li')).toHaveLength(2);
    expect(all(tree, 'dl')).toHaveLength(0);
  });
});
