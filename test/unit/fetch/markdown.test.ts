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

  it('skips images and raw HTML but keeps the text around them', () => {
    expect(excerptFromMarkdown('Before ![screenshot](a.png) <b>bold</b> after')).toBe('Before bold after');
  });

  it('keeps markup-looking text as literal text, not markup', () => {
    expect(excerptFromMarkdown('Titles with \\<script>alert(1)\\</script> are escaped')).toBe(
      'Titles with <script>alert(1)</script> are escaped',
    );
  });

  it("drops GitLab's image size attributes along with the image", () => {
    expect(excerptFromMarkdown('See ![shot](a.png){width=600 height=400} here, {not} this')).toBe('See here, {not} this');
  });

  it('skips GitLab quick actions', () => {
    expect(excerptFromMarkdown('Fix the thing.\n\n/label ~"quick win"\n/assign me')).toBe('Fix the thing.');
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

  it('reads links as their text whatever their destination, as it never renders them', () => {
    expect(excerptFromMarkdown('[Open](javascript:alert(1)) and <javascript:alert(1)> [docs](https://example.com)')).toBe(
      'Open and javascript:alert(1) docs',
    );
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

  it('decodes entities and escapes into plain characters', () => {
    expect(excerptFromMarkdown('Tom &amp; Jerry &copy; \\*not em\\*')).toBe('Tom & Jerry © *not em*');
  });

  it('folds whitespace and line breaks', () => {
    expect(excerptFromMarkdown('one\ntwo  \nthree\t four')).toBe('one two three four');
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
