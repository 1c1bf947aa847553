/**
 * uniorg-rehype `entity` handler: `\alpha`, `\rarr`, `\nbsp`, `\alpha{}`…
 *
 * With entities on (the default, `#+OPTIONS: e:t`), an entity is its UTF-8
 * character, as uniorg-rehype's built-in conversion gives it (`\nbsp` is a
 * U+00A0 character, which the serializer writes as `&#xA0;`). ox-html
 * writes the named HTML reference (`&alpha;`) instead: the same character
 * once the page is parsed. With `e:nil` the entity stays as written,
 * braces included, as in Emacs.
 *
 * `\\` at the end of a line is a separate `line-break` object, rendered
 * `<br>` by the built-in conversion whatever `e:` says (as in Emacs).
 */
import type { Text } from 'hast';
import type { Entity } from 'uniorg';
import type { Options as OrgRehypeOptions } from 'uniorg-rehype';
import type { OrgExportOptions } from '../read-in-file-settings.js';

type EntityHandler = NonNullable<NonNullable<OrgRehypeOptions['handlers']>['entity']>;

export function entityHandler(options: Pick<OrgExportOptions, 'entities'>): EntityHandler {
  return function entity(org: Entity): Text {
    return { type: 'text', value: entityText(org, options.entities) };
  };
}

/** What an entity shows: its character, or its source text when entities are off. */
export function entityText(org: Entity, entities: boolean): string {
  return entities ? org.utf8 : `\\${org.name}${org.useBrackets ? '{}' : ''}`;
}
