/** `#+BEGIN_CENTER` → `<div class="org-center">`, as ox-html. */
import type { OrgHandlers } from './index.js';

export type CenterBlockHandler = NonNullable<OrgHandlers['center-block']>;

export const centerBlockHandler: CenterBlockHandler = function (org) {
  return this.h(org, 'div', { className: ['org-center'] }, this.toHast(org.children, org));
};
