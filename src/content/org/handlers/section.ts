/**
 * Org sections (a headline and everything up to the next headline of the
 * same or a higher level), as ox-html lays them out:
 *
 * - Section numbers for `num:` (`num:t`, or down to `num:N`); a headline
 *   with `:UNNUMBERED: t` (or `notoc`) and everything below it gets none,
 *   and does not count.
 * - `H:N`: headlines deeper than N are not headings but list items —
 *   consecutive ones form one `<ol class="org-ol">` (numbered) or
 *   `<ul class="org-ul">`, each `<li>` holding the headline's parts, a
 *   `<br>`, then its contents and a nested list for deeper ones.
 * - Excluded subtrees are removed before conversion (`excludeSubtrees`), so
 *   unlike uniorg-rehype's built-in section conversion this one drops
 *   nothing: with `#+EXCLUDE_TAGS: private`, a `:noexport:` subtree is
 *   published, as in Emacs.
 *
 * The headline itself is converted by the registered `headline` handler
 * (so TODO notes still follow it); this handler first records its number,
 * `:CUSTOM_ID:` and list-item status in the shared `HeadlineInfoMap`.
 */
import type { ElementContent, RootContent } from 'hast';
import type { Headline, OrgNode, Section } from 'uniorg';
import type { OrgHandlers } from './index.js';
import type { HeadlineInfo, HeadlineInfoMap } from './headline.js';
import type { OrgExportOptions } from '../read-in-file-settings.js';

export type SectionHandler = NonNullable<OrgHandlers['section']>;
type This = ThisParameterType<SectionHandler>;

export interface SectionContext {
  options: Pick<OrgExportOptions, 'num' | 'headlineLevels'>;
  info: HeadlineInfoMap;
}

export function sectionHandler(ctx: SectionContext): SectionHandler {
  const levels = ctx.options.headlineLevels;
  /** Section-number counters by level (index 0 = level 1). */
  const counters: number[] = [];
  /** Whether an ancestor of the section being converted is unnumbered. */
  let insideUnnumbered = false;

  const numberable = (level: number): boolean => {
    const num = ctx.options.num;
    return num === true || (typeof num === 'number' && level <= num);
  };

  /** Records what the headline handler needs; returns whether it is numbered. */
  const register = (section: Section, headline: Headline): { info: HeadlineInfo; numbered: boolean; unnumbered: boolean } => {
    const props = properties(section);
    const unnumbered = insideUnnumbered || isUnnumbered(props.get('UNNUMBERED'));
    const numbered = !unnumbered && numberable(headline.level);
    const listItem = headline.level > levels;
    let number: string | null = null;
    if (numbered && !listItem) {
      const i = headline.level - 1;
      counters.length = headline.level;
      for (let k = 0; k < i; k++) counters[k] ??= 0;
      counters[i] = (counters[i] ?? 0) + 1;
      number = counters.join('.');
    }
    const customId = props.get('CUSTOM_ID')?.trim();
    const info: HeadlineInfo = { id: customId ? customId : null, number, listItem };
    ctx.info.set(headline, info);
    return { info, numbered, unnumbered };
  };

  /** Children of a section (or of a list item's section), deep subsections grouped into lists. */
  function convertChildren(this: This, section: Section, children: readonly OrgNode[]): ElementContent[] {
    const out: ElementContent[] = [];
    let group: Section[] = [];
    const flush = (): void => {
      if (group.length > 0) out.push(deepList.call(this, group));
      group = [];
    };
    for (const child of children) {
      if (child.type === 'section' && headlineOf(child) && (headlineOf(child)?.level ?? 0) > levels) {
        group.push(child);
        continue;
      }
      flush();
      out.push(...asArray(this.toHast(child, section)));
    }
    flush();
    return out;
  }

  /** `<ol class="org-ol">`/`<ul class="org-ul">` of low-level headlines; the first one decides, as in ox-html. */
  function deepList(this: This, sections: readonly Section[]): ElementContent {
    const items: ElementContent[] = [];
    let ordered: boolean | null = null;
    for (const section of sections) {
      const headline = headlineOf(section);
      if (!headline) continue;
      const { info, numbered, unnumbered } = register(section, headline);
      ordered ??= numbered;
      const saved = insideUnnumbered;
      insideUnnumbered = unnumbered;
      try {
        const title = asArray(this.toHast(headline, section));
        const rest = convertChildren.call(this, section, section.children.slice(1));
        const children = rest.length > 0 ? [...title, this.h(null, 'br'), ...rest] : title;
        items.push(this.h(section, 'li', info.id === null ? {} : { id: info.id }, children));
      } finally {
        insideUnnumbered = saved;
      }
    }
    const tag = ordered ? 'ol' : 'ul';
    return this.h(null, tag, { className: [`org-${tag}`] }, items);
  }

  return function (org) {
    const headline = headlineOf(org);
    if (!headline) return convertChildren.call(this, org, org.children);
    // Only reached for a top-level section deeper than H: (H:0): a list of its own.
    if (headline.level > levels) return deepList.call(this, [org]);
    const { unnumbered } = register(org, headline);
    const saved = insideUnnumbered;
    insideUnnumbered = unnumbered;
    try {
      return convertChildren.call(this, org, org.children);
    } finally {
      insideUnnumbered = saved;
    }
  };
}

function headlineOf(section: Section): Headline | null {
  const first = section.children[0];
  return first?.type === 'headline' ? first : null;
}

/** The section's own property drawer (it comes right after the headline and planning line). */
function properties(section: Section): Map<string, string> {
  const props = new Map<string, string>();
  for (const child of section.children.slice(1, 3)) {
    if (child.type !== 'property-drawer') continue;
    for (const prop of child.children) props.set(prop.key.toUpperCase(), prop.value);
  }
  return props;
}

function isUnnumbered(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && value.trim() !== 'nil';
}

/** uniorg-rehype's results as element content (a handler never yields a doctype). */
function asArray(value: RootContent | RootContent[] | null): ElementContent[] {
  if (value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((node): node is ElementContent => node.type !== 'doctype');
}
