/**
 * Fixed-width lines (`: text`) → `<pre class="example">`, as ox-html:
 * the text after `: ` exactly as written.
 */
import type { OrgHandlers } from './index.js';
import { nameId } from './example-block.js';

export type FixedWidthHandler = NonNullable<OrgHandlers['fixed-width']>;

export const fixedWidthHandler: FixedWidthHandler = function (org) {
  return this.h(org, 'pre', { className: ['example'], ...nameId(org) }, org.value.replace(/\n$/, ''));
};
