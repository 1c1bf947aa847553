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

describe('checkboxes in description lists', () => {
  it('go in the term, as ox-html, with the state on the <dt>', () => {
    const { tree } = renderOrg('- [X] done :: a\n- [ ] open :: b\n- [-] partly :: c\n- plain :: d\n');
    const terms = all(tree, 'dl.org-dl > dt');
    expect(terms.map(text)).toEqual(['done', 'open', 'partly', 'plain']);
    expect(terms.map((dt) => dt.properties['className'] ?? [])).toEqual([['checkbox', 'checkbox-on'], ['checkbox', 'checkbox-off'], ['checkbox', 'checkbox-trans'], []]);
    expect(one(terms[0]!, 'input[type=checkbox]').properties['checked']).toBe(true);
    expect(one(terms[1]!, 'input[type=checkbox]').properties['checked']).toBeFalsy();
    expect(one(terms[2]!, '[role=checkbox]').properties['ariaChecked']).toBe('mixed');
    expect(all(terms[3]!, 'input, [role=checkbox]')).toHaveLength(0);
  });
});
