import { describe, expect, it } from 'vitest';
import { renderOrg, text } from '../../../helpers/render-org.js';

describe('hidden elements', () => {
  it('hides planning lines (SCHEDULED, DEADLINE, CLOSED)', () => {
    const { tree } = renderOrg('* DONE Task\nCLOSED: [2024-01-03 Wed] SCHEDULED: <2024-01-01 Mon> DEADLINE: <2024-01-05 Fri>\nBody.\n');
    expect(text(tree)).not.toMatch(/SCHEDULED|DEADLINE|CLOSED|2024/);
    expect(text(tree)).toContain('Body.');
  });

  it('hides property drawers', () => {
    const { doc } = renderOrg('* Post\n:PROPERTIES:\n:EXPORT_DATE: 2024\n:ID: abc\n:END:\nBody.\n');
    expect(doc.html).not.toMatch(/EXPORT_DATE|abc|PROPERTIES/);
  });

  it('hides clock lines', () => {
    const { doc } = renderOrg('* Task\nCLOCK: [2024-01-01 Mon 10:00]--[2024-01-01 Mon 11:00] =>  1:00\nBody.\n');
    expect(doc.html).not.toContain('CLOCK');
    expect(doc.html).not.toContain('1:00');
  });
});
