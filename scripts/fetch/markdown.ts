import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import footnote from 'markdown-it-footnote';
import { EXCERPT_MAX_LENGTH } from '../../src/lib/snapshot';

// CommonMark plus what GitLab adds that changes which text is prose: tables, strikethrough and footnotes. Autolinked
// URLs read the same as text, so linkify stays off; task-list checkboxes are dropped by hand (see TASK_CHECKBOX).
// markdown-it rather than micromark: it reads GitLab's issue templates about 30 times faster, which is what lets a
// cold fetch of thousands of issues keep pace with the network. Version 14, not 15: 15's class fields made parsing
// twice as slow here.
const parser = new MarkdownIt('commonmark').enable(['table', 'strikethrough']).use(footnote);
// Only text is read here, never a link's destination. So every link reads as its text, as GitLab shows it (markdown-it
// would leave links to javascript: and the like as literal markdown), and destinations are not normalised (URL
// parsing and punycode were a tenth of the parse time).
parser.validateLink = () => true;
parser.normalizeLink = (url) => url;

/** Parses GitLab-flavoured markdown into markdown-it's flat token stream; raw HTML stays raw, never rendered. */
export function parseMarkdown(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

// Containers that are not prose, skipped whole: tables, headings (mostly template boilerplate such as "Summary") and
// footnote definitions. Code, raw HTML blocks (GitLab templates are full of <!-- comments -->), rules and link
// definitions are single tokens or no tokens at all, so they never reach the paragraph test below.
const SKIPPED_CONTAINERS = new Set(['table_open', 'heading_open', 'footnote_block_open']);
// Inline tokens whose text is not worth showing in an excerpt; each leaves a space so words stay apart.
const SKIPPED_INLINE = new Set(['image', 'html_inline', 'footnote_ref', 'softbreak', 'hardbreak']);

// GitLab sizes images with an attribute list right after them: ![shot](a.png){width=600}.
const IMAGE_ATTRIBUTES = /^\{[^{}\n]*\}/;
// A GFM task-list checkbox opening a list item's first paragraph: "- [x] Do it" reads "Do it".
const TASK_CHECKBOX = /^\[[ xX]\][ \t\n]+(?=\S)/;

function inlineText(children: readonly Token[]): string {
  let text = '';
  let previous: Token | undefined;
  for (const child of children) {
    if (SKIPPED_INLINE.has(child.type)) text += ' ';
    else if (child.type === 'text') {
      text += previous?.type === 'image' ? child.content.replace(IMAGE_ATTRIBUTES, '') : child.content;
    } else if (child.type === 'code_inline') text += child.content;
    previous = child;
  }
  return text;
}

/** The index of the token closing the container opened at `start`. */
function closingIndex(tokens: readonly Token[], start: number): number {
  const opener = tokens[start]!;
  const closer = opener.type.replace(/_open$/, '_close');
  let index = start + 1;
  while (index < tokens.length && !(tokens[index]!.type === closer && tokens[index]!.level === opener.level)) index += 1;
  return index;
}

function collectParagraphs(tokens: readonly Token[]): string[] {
  const paragraphs: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (SKIPPED_CONTAINERS.has(token.type)) {
      index = closingIndex(tokens, index);
      continue;
    }
    if (token.type !== 'inline' || tokens[index - 1]?.type !== 'paragraph_open') continue;
    let text = inlineText(token.children ?? []);
    if (tokens[index - 2]?.type === 'list_item_open' && TASK_CHECKBOX.test(token.content)) {
      text = text.replace(TASK_CHECKBOX, '');
    }
    text = text.replace(/\s+/g, ' ').trim();
    // GitLab quick actions (/label ~foo, /assign me) are commands, not prose.
    if (text && !text.startsWith('/')) paragraphs.push(text);
  }
  return paragraphs;
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
  return excerptFromTokens(parseMarkdown(markdown), max);
}

/** Same as excerptFromMarkdown, for already parsed tokens. */
export function excerptFromTokens(tokens: readonly Token[], max = EXCERPT_MAX_LENGTH): string {
  return truncate(collectParagraphs(tokens).join(' '), max);
}

// A heading's text as a reader sees it, markup gone: text, code, raw HTML and image alt text.
function headingText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'image') text += headingText(child.children ?? []);
    else if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline') text += child.content;
  }
  return text;
}

/** GitLab's quick-win bar: a level-2 or level-3 heading anywhere (quotes and lists too) starting with "Implementation". */
export function hasImplementationPlan(tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => {
    if (token.type !== 'heading_open' || (token.tag !== 'h2' && token.tag !== 'h3')) return false;
    return /^implementation/i.test(headingText(tokens[index + 1]?.children ?? []).trim());
  });
}
