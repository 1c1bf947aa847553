/**
 * Removes the subtrees Emacs does not export, before conversion
 * (`org-export--prune-tree`):
 *
 * - `* COMMENT …` headlines and everything below them;
 * - subtrees tagged with an exclude tag (`#+EXCLUDE_TAGS:`, default
 *   `noexport`; the keyword replaces the default);
 * - when some headline carries a select tag (`#+SELECT_TAGS:`, default
 *   `export`): everything but those subtrees and their ancestors' own
 *   text, the text before the first headline included;
 * - archived subtrees (`:ARCHIVE:`) per `arch:` (default: the headline
 *   stays, its contents go);
 * - the `* Footnotes` section (`org-footnote-section`): its definitions are
 *   shown in the footnotes section instead.
 *
 * Footnote definitions inside removed parts are kept (moved to the end of
 * the document, where they render as nothing): Emacs still uses them.
 *
 * Run it after `collectOrgTodos`, so TODO notes in excluded subtrees are
 * still listed for the author; their asides then never reach any HTML.
 * Mutates `tree`.
 */
import type { FootnoteDefinition, OrgData, OrgNode, Section } from 'uniorg';
import type { OrgExportOptions } from '../read-in-file-settings.js';

export type ExcludeOptions = Pick<OrgExportOptions, 'excludeTags' | 'selectTags' | 'archived'>;

/** Emacs' `org-footnote-section`. */
export const FOOTNOTE_SECTION_TITLE = 'Footnotes';

const ARCHIVE_TAG = 'ARCHIVE';

export function excludeSubtrees(tree: OrgData, options: ExcludeOptions): void {
  const kept: FootnoteDefinition[] = [];
  const drop = (nodes: readonly OrgNode[]): void => {
    for (const node of nodes) kept.push(...footnoteDefinitions(node));
  };

  const prune = (children: OrgNode[]): OrgNode[] =>
    children.flatMap((child): OrgNode[] => {
      if (child.type !== 'section') return [child];
      const headline = child.children[0];
      if (headline?.type !== 'headline') return [child];
      const excluded =
        headline.commented ||
        headline.tags.some((tag) => options.excludeTags.includes(tag)) ||
        (options.archived === false && headline.tags.includes(ARCHIVE_TAG)) ||
        headline.rawValue.trim() === FOOTNOTE_SECTION_TITLE;
      if (excluded) {
        drop([child]);
        return [];
      }
      if (options.archived === 'headline' && headline.tags.includes(ARCHIVE_TAG)) {
        drop(child.children.slice(1));
        child.children = [headline];
        return [child];
      }
      child.children = prune(child.children) as Section['children'];
      return [child];
    });

  tree.children = prune(tree.children) as OrgData['children'];

  if (options.selectTags.length > 0 && hasSelected(tree, options.selectTags)) {
    tree.children = select(tree.children, options.selectTags, drop) as OrgData['children'];
  }
  if (kept.length > 0) tree.children.push(...kept);
}

/**
 * Keeps selected subtrees whole, and of the other sections only those with
 * a selected descendant (with their own text, as Emacs does); drops text
 * outside any section.
 */
function select(children: readonly OrgNode[], tags: readonly string[], drop: (nodes: readonly OrgNode[]) => void): OrgNode[] {
  const out: OrgNode[] = [];
  for (const child of children) {
    if (child.type !== 'section') {
      drop([child]);
      continue;
    }
    const headline = child.children[0];
    if (headline?.type === 'headline' && headline.tags.some((tag) => tags.includes(tag))) {
      out.push(child);
    } else if (hasSelected(child, tags)) {
      child.children = child.children.flatMap((grandchild): OrgNode[] => {
        if (grandchild.type !== 'section') return [grandchild];
        return select([grandchild], tags, drop);
      }) as Section['children'];
      out.push(child);
    } else {
      drop([child]);
    }
  }
  return out;
}

function hasSelected(node: OrgNode, tags: readonly string[]): boolean {
  if (node.type === 'headline') return node.tags.some((tag) => tags.includes(tag));
  if (node.type !== 'section' && node.type !== 'org-data') return false;
  return node.children.some((child) => hasSelected(child, tags));
}

function footnoteDefinitions(node: OrgNode): FootnoteDefinition[] {
  if (node.type === 'footnote-definition') return [node];
  if (!('children' in node) || !Array.isArray(node.children)) return [];
  return (node.children as OrgNode[]).flatMap(footnoteDefinitions);
}
