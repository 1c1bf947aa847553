import { describe, expect, it } from 'vitest';
import { renderOrg, text } from '../../../helpers/render-org.js';

const DRAWERS = '* Post\n:NOTES:\nNote text.\n:END:\n:LOGBOOK:\n- State "DONE" from "TODO" [2024-01-01 Mon]\n:END:\nBody.\n';

describe('drawers', () => {
  it('hides drawers by default, LOGBOOK included', () => {
    const { doc } = renderOrg(DRAWERS);
    expect(doc.html).not.toContain('Note text');
    expect(doc.html).not.toContain('State');
    expect(doc.html).toContain('Body.');
  });

  it('shows every drawer\'s contents, without a wrapper, with d:t', () => {
    const { tree } = renderOrg(`#+OPTIONS: d:t\n${DRAWERS}`);
    expect(text(tree)).toContain('Note text.');
    expect(text(tree)).toContain('State "DONE"');
  });

  it('shows only the drawers named in d:("NAME")', () => {
    const { tree } = renderOrg(`#+OPTIONS: d:("NOTES")\n${DRAWERS}`);
    expect(text(tree)).toContain('Note text.');
    expect(text(tree)).not.toContain('State');
  });

  it('shows all but the drawers named in d:(not "NAME")', () => {
    const { tree } = renderOrg(`#+OPTIONS: d:(not "LOGBOOK")\n${DRAWERS}`);
    expect(text(tree)).toContain('Note text.');
    expect(text(tree)).not.toContain('State');
  });
});
