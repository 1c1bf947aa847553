/**
 * Handler for the `target` nodes that `transforms/dedicated-targets.ts`
 * makes of `<<words>>`: an empty anchor `<span id="words" class="target">`
 * where the target was. ox-html writes `<a id="orgXXXXXXX"></a>` with a
 * random id; ours is the words slugged, so the address is stable and
 * readable.
 *
 * uniorg has no `target` node type, so this is not one of uniorg-rehype's
 * typed handlers: register it with `targetHandlers` (uniorg-rehype looks
 * handlers up by the node's `type` string, whatever it is).
 */
import type { Element } from 'hast';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import type { TargetNode } from '../transforms/dedicated-targets.js';

type AnyHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['text']>;
type Converter = ThisParameterType<AnyHandler>;

export function targetHandler(this: Converter, org: TargetNode): Element {
  return this.h(null, 'span', { id: org.id, className: ['target'] });
}

/** `{ target }`, to spread into uniorg-rehype's `handlers` (typed apart: see above). */
export const targetHandlers: { target: typeof targetHandler } = { target: targetHandler };
