/**
 * Org elements that are never published, as with ox-html's defaults:
 * planning lines (`SCHEDULED:`, `DEADLINE:`, `CLOSED:`; Emacs' `p:nil`),
 * property drawers (`prop:nil`; `:CUSTOM_ID:` is used by the headline
 * instead) and clock lines (`c:nil`). uniorg-rehype drops them too today;
 * these handlers make it our decision rather than its default.
 */
import type { OrgHandlers } from './index.js';

export const hiddenElementHandlers: Pick<OrgHandlers, 'planning' | 'property-drawer' | 'clock'> = {
  planning: () => [],
  'property-drawer': () => [],
  clock: () => [],
};
