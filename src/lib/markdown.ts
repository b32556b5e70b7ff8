import type { Heading, Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** Longest excerpt the snapshot carries, in characters. */
export const EXCERPT_MAX_LENGTH = 280;

/** Parses GitLab-flavoured markdown (CommonMark + GFM tables, task lists, strikethrough) into a tree. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

// Blocks that are not prose: code, raw HTML (GitLab templates are full of <!-- comments -->), tables, headings
// (mostly template boilerplate such as "Summary"), and definitions.
const SKIPPED_BLOCKS = new Set(['code', 'html', 'table', 'heading', 'definition', 'thematicBreak', 'footnoteDefinition']);
// Inline nodes whose text is not worth showing in an excerpt.
const SKIPPED_INLINE = new Set(['image', 'imageReference', 'html', 'footnoteReference']);

// GitLab sizes images with an attribute list right after them: ![shot](a.png){width=600}.
const IMAGE_ATTRIBUTES = /^\{[^{}\n]*\}/;

function inlineText(node: Nodes): string {
  if (SKIPPED_INLINE.has(node.type)) return ' ';
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return toString(node);
  const children = (node as Parent).children as Nodes[];
  return children
    .map((child, index) => {
      const text = inlineText(child);
      const afterImage = index > 0 && children[index - 1]!.type.startsWith('image');
      return afterImage && child.type === 'text' ? text.replace(IMAGE_ATTRIBUTES, '') : text;
    })
    .join('');
}

function collectParagraphs(node: Nodes, out: string[]): void {
  if (SKIPPED_BLOCKS.has(node.type)) return;
  if (node.type === 'paragraph') {
    const text = inlineText(node).replace(/\s+/g, ' ').trim();
    // GitLab quick actions (/label ~foo, /assign me) are commands, not prose.
    if (text && !text.startsWith('/')) out.push(text);
    return;
  }
  if ('children' in node) for (const child of (node as Parent).children) collectParagraphs(child as Nodes, out);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  // Break at a word when one ends reasonably close to the limit, else mid-word.
  const head = lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Plain-text excerpt of a markdown description: its prose, whitespace folded, at most `max` characters. */
export function excerptFromMarkdown(markdown: string | null | undefined, max = EXCERPT_MAX_LENGTH): string {
  if (!markdown) return '';
  return excerptFromTree(parseMarkdown(markdown), max);
}

/** Same as excerptFromMarkdown, for an already parsed tree. */
export function excerptFromTree(tree: Root, max = EXCERPT_MAX_LENGTH): string {
  const paragraphs: string[] = [];
  collectParagraphs(tree, paragraphs);
  return truncate(paragraphs.join(' '), max);
}

function* headings(node: Nodes): Generator<Heading> {
  if (node.type === 'heading') yield node;
  if ('children' in node) for (const child of (node as Parent).children) yield* headings(child as Nodes);
}

/** GitLab's quick-win bar: a level-2 or level-3 heading whose text starts with "Implementation". */
export function hasImplementationPlan(tree: Root): boolean {
  for (const heading of headings(tree)) {
    if ((heading.depth === 2 || heading.depth === 3) && /^implementation/i.test(toString(heading).trim())) return true;
  }
  return false;
}
