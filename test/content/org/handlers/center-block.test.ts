import { describe, expect, it } from 'vitest';
import { one, renderOrg, text } from '../../../helpers/render-org.js';

describe('center blocks', () => {
  it('renders #+BEGIN_CENTER as <div class="org-center">', () => {
    const { tree } = renderOrg('#+BEGIN_CENTER\nIn the *middle*.\n#+END_CENTER\n');
    expect(text(one(tree, 'div.org-center > p'))).toBe('In the middle.');
  });
});
