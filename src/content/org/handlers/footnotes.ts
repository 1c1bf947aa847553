/**
 * Org footnotes (`[fn:1]` with `[fn:1] text` definitions, inline `[fn::
 * text]`, named inline `[fn:name: text]`) in the markup the theme styles:
 *
 *   <sup><a class="footref" id="fnr.1" href="#fn.1" role="doc-noteref">1</a></sup>
 *   …
 *   <section class="footnotes" role="doc-endnotes">
 *     <h2 class="footnotes-title">Footnotes</h2>
 *     <ol><li id="fn.1">…content… <a class="footback" href="#fnr.1" role="doc-backlink">↩</a></li></ol>
 *   </section>
 *
 * As in Emacs: footnotes are numbered in order of first reference (one
 * referenced inside another's definition comes right after it); a second
 * reference to a footnote shows the same number (without an id, so ids
 * stay unique); unreferenced definitions are not shown; a definition may sit
 * anywhere, even in an excluded subtree (`excludeSubtrees` keeps them) or in
 * a `* Footnotes` section (which is not exported); `#+OPTIONS: f:nil`
 * drops references and definitions.
 *
 * uniorg-rehype's own footnote conversion is not used: its definitions
 * are only known once the converter walks past them, its references carry
 * `role="doc-backlink"`, and its section sits under `<h1>Footnotes:</h1>`.
 *
 * Deliberate differences from ox-html: the markup above (ox-html: `div.footdef`
 * under `h2.footnotes`); a repeated reference has no id (ox-html: `fnr.1.100`);
 * a reference without a definition is a warning and is shown as written
 * (ox-html stops the export).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference, OrgData, OrgNode } from 'uniorg';
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { OrgHandlers } from './index.js';

export interface OrgFootnotesOptions {
  /** `#+OPTIONS: f:` */
  enabled: boolean;
  /** Draft path and the line its body starts at, for diagnostics. */
  file: string;
  startLine: number;
}

export interface OrgFootnotes {
  /** For uniorg-rehype's `handlers`. */
  handlers: Pick<OrgHandlers, 'footnote-reference' | 'footnote-definition'>;
  /** Appends the footnotes section to the converted tree, when anything was referenced. */
  appendSection(tree: Root): void;
  /** References without a definition, found during conversion. */
  diagnostics: Diagnostic[];
}

/** Title of the section; `<h1>` before `shiftHeadings`, like the post's own top-level headings. */
export const FOOTNOTES_TITLE = 'Footnotes';

interface Entry {
  n: number;
  content: ElementContent[];
}

/**
 * How many definitions may be converted inside one another (a reference in
 * a definition converts that footnote's definition right away, so it is
 * numbered next, as in Emacs). A chain of thousands, each definition
 * referencing the next, overflowed the stack; deeper ones are converted
 * after the document instead, numbered where they are first referenced.
 */
const MAX_NESTED_DEFINITIONS = 100;

/**
 * Footnote handling for one document: `tree` is searched for definitions
 * up front, so a definition can follow its reference or sit in a part of
 * the tree that is not converted.
 */
export function orgFootnotes(tree: OrgData, options: OrgFootnotesOptions): OrgFootnotes {
  const definitions = collectDefinitions(tree);
  const numbers = new Map<string, number>();
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  type Converter = ThisParameterType<NonNullable<OrgHandlers['footnote-reference']>>;
  const deferred: { entry: Entry; definition: FootnoteDefinition | FootnoteReference; converter: Converter }[] = [];
  let depth = 0;
  const convert = (converter: Converter, entry: Entry, definition: FootnoteDefinition | FootnoteReference): void => {
    depth++;
    try {
      if (definition.type === 'footnote-definition') {
        entry.content = content(converter.toHast(definition.children, definition));
      } else {
        const inline = trimStart(content(converter.toHast(definition.children, definition)));
        entry.content = [converter.h(null, 'p', {}, inline)];
      }
    } finally {
      depth--;
    }
  };

  const reference: NonNullable<OrgHandlers['footnote-reference']> = function (org) {
    if (!options.enabled) return [];
    const label = org.label ? org.label : null;
    const known = label === null ? undefined : numbers.get(label);
    if (known !== undefined) return footref(known, false);
    const definition = org.footnoteType === 'inline' ? org : label === null ? undefined : definitions.get(label);
    if (!definition) {
      const start = org.position?.start;
      diagnostics.push(
        warning(options.file, start ? start.line + options.startLine - 1 : 0, start?.column ?? 0, `footnote [fn:${label ?? ''}] has no definition`, {
          code: 'org/footnote-undefined',
          hint: `add a line "[fn:${label ?? ''}] …" (at the end of the post, or under a "* Footnotes" headline)`,
        }),
      );
      return { type: 'text', value: `[fn:${label ?? ''}]` };
    }
    // Number first: a reference inside the definition (even to itself) then sees it.
    const entry: Entry = { n: entries.length + 1, content: [] };
    entries.push(entry);
    if (label !== null) numbers.set(label, entry.n);
    if (depth < MAX_NESTED_DEFINITIONS) convert(this, entry, definition);
    else deferred.push({ entry, definition, converter: this });
    return footref(entry.n, true);
  };

  return {
    handlers: {
      'footnote-reference': reference,
      // Definitions are shown in the footnotes section, never where they stand.
      'footnote-definition': () => [],
    },
    appendSection(root) {
      // Converting a deferred definition may defer more: a queue, not recursion.
      for (let next = deferred.shift(); next; next = deferred.shift()) convert(next.converter, next.entry, next.definition);
      if (entries.length === 0) return;
      root.children.push(section(entries));
    },
    diagnostics,
  };
}

/** Standard definitions and named inline footnotes, by label; the first one wins. */
function collectDefinitions(tree: OrgData): Map<string, FootnoteDefinition | FootnoteReference> {
  const found = new Map<string, FootnoteDefinition | FootnoteReference>();
  const visit = (node: OrgNode): void => {
    if (node.type === 'footnote-definition' && !found.has(node.label)) found.set(node.label, node);
    if (node.type === 'footnote-reference' && node.footnoteType === 'inline' && node.label && !found.has(node.label)) {
      found.set(node.label, node);
    }
    if ('children' in node && Array.isArray(node.children)) {
      for (const child of node.children as OrgNode[]) visit(child);
    }
  };
  visit(tree);
  return found;
}

function footref(n: number, first: boolean): Element {
  return element('sup', {}, [
    element('a', { className: ['footref'], ...(first ? { id: `fnr.${n}` } : {}), href: `#fn.${n}`, role: 'doc-noteref' }, [
      { type: 'text', value: String(n) },
    ]),
  ]);
}

function section(entries: readonly Entry[]): Element {
  const items = entries.map((entry) =>
    element('li', { id: `fn.${entry.n}` }, [
      ...entry.content,
      { type: 'text', value: ' ' },
      element(
        'a',
        { className: ['footback'], href: `#fnr.${entry.n}`, role: 'doc-backlink', ariaLabel: `Back to reference ${entry.n}` },
        [{ type: 'text', value: '↩' }],
      ),
    ]),
  );
  return element('section', { className: ['footnotes'], role: 'doc-endnotes' }, [
    element('h1', { className: ['footnotes-title'] }, [{ type: 'text', value: FOOTNOTES_TITLE }]),
    element('ol', {}, items),
  ]);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** uniorg-rehype's results as element content (a handler never yields a doctype). */
function content(value: RootContent | RootContent[] | null): ElementContent[] {
  if (value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((node): node is ElementContent => node.type !== 'doctype');
}

/** `[fn:: text]` keeps the space after `::`; the footnote does not start with it. */
function trimStart(nodes: ElementContent[]): ElementContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text') return nodes;
  const value = first.value.replace(/^\s+/, '');
  return value === '' ? rest : [{ ...first, value }, ...rest];
}
