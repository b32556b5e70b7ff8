import { describe, expect, it } from 'vitest';
import { excerptFromMarkdown, hasImplementationPlan, parseMarkdown } from '../../../scripts/fetch/markdown';
import { EXCERPT_MAX_LENGTH } from '../../../src/lib/snapshot';

const plan = (markdown: string) => hasImplementationPlan(parseMarkdown(markdown));

describe('excerptFromMarkdown', () => {
  it('keeps the prose and drops headings, comments, code and tables', () => {
    const markdown = [
      '<!-- Describe the problem. This comment comes from the issue template. -->',
      '## Summary',
      '',
      'The **pipeline editor** should _validate_ `include:` rules [early](https://example.com).',
      '',
      '```ruby',
      'puts "not prose"',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '- [ ] first task',
      '- second item',
    ].join('\n');
    expect(excerptFromMarkdown(markdown)).toBe(
      'The pipeline editor should validate include: rules early. first task second item',
    );
  });

  // One description in, one excerpt out.
  it.each([
    [
      'skips images and raw HTML but keeps the text around them',
      'Before ![screenshot](a.png) <b>bold</b> after',
      'Before bold after',
    ],
    [
      'keeps markup-looking text as literal text, not markup',
      'Titles with \\<script>alert(1)\\</script> are escaped',
      'Titles with <script>alert(1)</script> are escaped',
    ],
    [
      "drops GitLab's image size attributes along with the image",
      'See ![shot](a.png){width=600 height=400} here, {not} this',
      'See here, {not} this',
    ],
    [
      'skips GitLab quick actions',
      'Fix the thing.\n\n/label ~"quick win"\n/assign me',
      'Fix the thing.',
    ],
    [
      'reads links as their text whatever their destination, as it never renders them',
      '[Open](javascript:alert(1)) and <javascript:alert(1)> [docs](https://example.com)',
      'Open and javascript:alert(1) docs',
    ],
    [
      'decodes entities and escapes into plain characters',
      'Tom &amp; Jerry &copy; \\*not em\\*',
      'Tom & Jerry © *not em*',
    ],
    [
      'folds whitespace and line breaks',
      'one\ntwo  \nthree\t four',
      'one two three four',
    ],
  ])('%s', (_, markdown, excerpt) => {
    expect(excerptFromMarkdown(markdown)).toBe(excerpt);
  });

  it('returns an empty string for no description', () => {
    expect(excerptFromMarkdown(null)).toBe('');
    expect(excerptFromMarkdown(undefined)).toBe('');
    expect(excerptFromMarkdown('## Only a heading')).toBe('');
  });

  it('cuts long prose at a word boundary with an ellipsis', () => {
    const excerpt = excerptFromMarkdown('word '.repeat(200));
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_LENGTH);
    expect(excerpt.endsWith('word…')).toBe(true);
  });

  it('cuts a single huge word mid-word', () => {
    const excerpt = excerptFromMarkdown('x'.repeat(1000));
    expect(excerpt).toHaveLength(EXCERPT_MAX_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it("drops task-list checkboxes, footnotes and strikethrough marks, and keeps GitLab's ~label references", () => {
    expect(excerptFromMarkdown('- [ ] open task\n- [x] done task\n- [y] not a task')).toBe(
      'open task done task [y] not a task',
    );
    expect(excerptFromMarkdown('Text[^1] ends.\n\n[^1]: The footnote.')).toBe('Text ends.');
    expect(excerptFromMarkdown('Was ~~broken~~ fixed for ~backend and ~"quick win"')).toBe(
      'Was broken fixed for ~backend and ~"quick win"',
    );
  });
});

describe('hasImplementationPlan', () => {
  it.each([
    ['## Implementation plan', true],
    ['### Implementation guide', true],
    ['## implementation plan', true],
    ['Implementation plan\n---', true],
    ['> ## Implementation plan', true],
    ['- ## Implementation plan', true],
    ['## `Implementation` plan', true],
    ['## &#73;mplementation plan', true],
    ['## <b>Implementation</b> plan', false],
    ['#### Implementation', false],
    ['# Implementation', false],
    ['## Proposed implementation', false],
    ['Implementation plan: do it', false],
    ['```\n## Implementation plan\n```', false],
    ['<!-- ## Implementation plan -->', false],
  ])('%j → %s', (markdown, expected) => {
    expect(plan(`Some text.\n\n${markdown}\n\nMore text.`)).toBe(expected);
  });
});
