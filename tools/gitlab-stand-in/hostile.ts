import type { ApiIssue, ApiLabel } from './api-types';

// Strings GitLab stores verbatim and returns unescaped: markup and script in titles, descriptions and label names,
// CSS and junk in label colours, and unicode that trips layout (emoji ZWJ sequences, CJK, RTL, combining marks,
// very long words). A few issues carry one each so the site's escaping and validation are exercised.

const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SVG = '"><svg onload=alert(1)>';

function hostileLabel(id: number, name: string, color: string, textColor: string): ApiLabel {
  return {
    id,
    name,
    color,
    description: `Label ${name}`,
    description_html: `<p dir="auto">Label ${XSS_IMG}</p>`,
    text_color: textColor,
    archived: false,
  };
}

function addLabel(issue: ApiIssue, added: ApiLabel): void {
  issue.labels = [...issue.labels, added].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function prependDescription(issue: ApiIssue, text: string): void {
  issue.description = issue.description ? `${text}\n\n${issue.description}` : text;
}

const VARIANTS: readonly ((issue: ApiIssue) => void)[] = [
  (issue) => {
    issue.title = `Sanitize ${XSS_SCRIPT} in issue titles`;
  },
  (issue) => prependDescription(issue, `${XSS_IMG}\n\n${XSS_SVG}\n\n<iframe src="javascript:alert(1)"></iframe>`),
  (issue) =>
    prependDescription(
      issue,
      '[Open the docs](javascript:alert(1)) and ![logo](javascript:alert(1)) ' +
        'or <a href="javascript:alert(1)">here</a>, <javascript:alert(1)>',
    ),
  (issue) => addLabel(issue, hostileLabel(9_900_001, XSS_SCRIPT, '#DC143C', '#FFFFFF')),
  (issue) => {
    issue.title = `${XSS_SVG} breaks the label dropdown`;
    addLabel(issue, hostileLabel(9_900_002, XSS_SVG, '#428BCA', '#FFFFFF'));
  },
  (issue) =>
    addLabel(
      issue,
      hostileLabel(9_900_003, 'UX debt', 'red; background:url(javascript:alert(1))', '#FFFFFF; position:fixed'),
    ),
  (issue) => addLabel(issue, hostileLabel(9_900_004, 'Deliverable', '#GGGGGG', '#GGGGGG')),
  (issue) => {
    issue.title = '🚀 Support 👩‍💻 and 🏳️‍🌈 emoji (ZWJ sequences) in label names';
  },
  (issue) => {
    issue.title = '改进合并请求的差异视图：大文件の表示が遅い';
  },
  (issue) => {
    issue.title = 'تحسين واجهة المستخدم — שיפור ממשק המשתמש (RTL) \u202Egnp.exe';
  },
  (issue) => {
    const zalgo = 'Z\u0337\u0349a\u0338l\u0336g\u0335o\u0334';
    issue.title = `Cafe\u0301 nai\u0308ve re\u0301sume\u0301: ${zalgo} text and zero\u200Bwidth\u200Djoiners`;
  },
  (issue) => {
    const words = 'Improve the merge request widget performance for large diffs '.repeat(5);
    issue.title = `Very long title: ${words}${'x'.repeat(60)}`;
  },
  (issue) => {
    issue.author = { ...issue.author, name: XSS_IMG };
  },
];

/** How many distinct hostile variants exist; the generator cycles through them. */
export const HOSTILE_VARIANT_COUNT = VARIANTS.length;

/** Turns `issue` into hostile variant number `variant` (modulo the count), in place. */
export function makeHostile(issue: ApiIssue, variant: number): void {
  VARIANTS[variant % VARIANTS.length]?.(issue);
}
