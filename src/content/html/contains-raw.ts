import type { Root, RootContent } from 'hast';

/**
 * Whether a tree holds raw HTML (from export blocks, `#+HTML:` or markdown).
 * rehype-raw re-parses the whole tree through parse5 even when there is
 * nothing to parse (a seventh of the content stage's time on typical posts),
 * so it runs only when this says so. A plain loop, not unist-util-visit:
 * it is called once per document and should cost next to nothing.
 */
export function containsRaw(tree: Root): boolean {
  const stack: (Root | RootContent)[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'raw') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}
