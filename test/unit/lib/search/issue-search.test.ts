import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../tools/gitlab-stand-in/prng';
import { compareRecency, toIssue, type Issue } from '../../../../src/lib/model';
import { matchRanges } from '../../../../src/lib/search/highlight';
import { createSearch as createIndexedSearch, isSearchQuery } from '../../../../src/lib/search/issue-search';
import { wordsOf } from '../../../../src/lib/search/words';
import { parseSnapshot } from '../../../../src/lib/snapshot';
import { makeIssue } from '../../make-issue';

const issue = makeIssue;

const label = (name: string) => ({ name, color: null, textColor: null });

const ISSUES: Issue[] = [
  issue(1, { title: 'Fix flaky spec in the issue board', excerpt: 'The pipeline fails about once a day.' }),
  issue(2, { title: 'Pipeline editor loses unsaved changes', excerpt: 'Open the editor, then switch tabs.' }),
  issue(3, { title: 'Merge request widget shows a stale status', excerpt: 'Refresh does not help.' }),
  issue(4, { title: 'Improve documentation for group webhooks', labels: [label('documentation')] }),
  issue(5, { title: 'Add a dark mode toggle', excerpt: 'See the merge requests page and its documentation.' }),
  issue(6, { iid: 123, title: 'Runner jobs hang on shutdown', project: 'gitlab-org/gitlab-runner' }),
  issue(7, { iid: 123, title: 'Typo in the settings page' }),
  issue(8, { iid: 1234, title: 'Support timeout per job', project: 'gitlab-org/gitlab-runner' }),
  issue(9, { iid: 12, title: 'Job timeout is ignored in pipelines' }),
  issue(10, { title: 'Runner registration timeout on slow networks', excerpt: 'Mentions #123 in passing.' }),
];

const ids = (hits: readonly { id: number }[]) => hits.map((hit) => hit.id);
// Most tests only care about the hits, in order.
const createSearch = (issues: readonly Issue[]) => {
  const search = createIndexedSearch(issues);
  return { search: (query: string) => search.search(query).hits };
};
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

describe('createSearch', () => {
  const search = createSearch(ISSUES);

  it.each([
    ['pipline', 2],
    ['Pipline editr', 2],
    ['mergre request', 3],
    ['documantation', 4],
    ['darkk mode', 5],
  ])('finds the intended issue first for the typo query %j', (query, id) => {
    expect(search.search(query)[0]?.id).toBe(id);
  });

  it('ranks equal matches most recently updated first, however few', () => {
    // A few among many, and as many as 200.
    const others = Array.from({ length: 100 }, (_, n) => issue(2000 + n, { title: `Other ${n}`, updatedAt: n }));
    const alike = [3, 1, 4, 2].map((n) => issue(100 + n, { title: 'Identical title', updatedAt: n * 1000 }));
    expect(ids(createSearch([...ISSUES, ...others, ...alike]).search('identical'))).toEqual([104, 103, 102, 101]);
    const many = Array.from({ length: 200 }, (_, n) => issue(1000 + n, { title: 'Identical title', updatedAt: ((n * 37) % 200) * 1000 }));
    const hits = ids(createSearch([...ISSUES, ...many]).search('identical'));
    expect(hits).toEqual([...many].sort((a, b) => b.updatedAt - a.updatedAt).map((i) => i.id));
  });

  it('ranks a title match above an excerpt match', () => {
    expect(ids(search.search('pipeline')).slice(0, 3)).toEqual([2, 9, 1]);
  });

  it('puts issues with the iid first for #123 and 123', () => {
    for (const query of ['#123', '123', ' #123 ']) {
      const hits = search.search(query);
      expect(sorted(ids(hits.slice(0, 2)))).toEqual([6, 7]);
      expect(hits.slice(0, 2).map((hit) => hit.score)).toEqual([0, 0]);
    }
    // 1234 contains 123 and issue 10 mentions #123: found, but after the exact ones.
    expect(sorted(ids(search.search('#123').slice(2)))).toEqual([8, 10]);
  });

  it('puts the exact issue first for a full reference or URL', () => {
    expect(search.search('gitlab-org/gitlab#123')[0]?.id).toBe(7);
    expect(search.search('GITLAB-ORG/GITLAB-RUNNER#123')[0]?.id).toBe(6);
    expect(search.search('https://gitlab.com/gitlab-org/gitlab-runner/-/issues/1234')[0]?.id).toBe(8);
  });

  it('finds a project by its path, that project first', () => {
    const hits = search.search('gitlab-org/gitlab-runner');
    expect(sorted(ids(hits.slice(0, 2)))).toEqual([6, 8]);
    expect(sorted(ids(search.search('gitlab-org/gitlab-runner/').slice(0, 2)))).toEqual([6, 8]);
  });

  it('ANDs words, across fields', () => {
    expect(sorted(ids(search.search('timeout job')))).toEqual([8, 9]);
    // "runner" only in the project of issue 8, "timeout" in its title; issue 10 has both in its title.
    expect(sorted(ids(search.search('runner timeout')))).toEqual([8, 10]);
    expect(search.search('timeout documentation')).toEqual([]);
  });

  it('ignores one-letter words, repeated words and the case', () => {
    expect(ids(search.search('a pipeline editor'))).toEqual(ids(search.search('PIPELINE editor Editor')));
  });

  it('needs two non-space characters', () => {
    for (const query of ['', ' ', 'p', ' p ', '\t#\n']) expect(search.search(query)).toEqual([]);
    expect(search.search('😀')).toEqual([]);
    expect(search.search('in').length).toBeGreaterThan(0);
    expect(isSearchQuery(' e d ')).toBe(true);
    expect(isSearchQuery(' e ')).toBe(false);
  });

  it('uses one-letter words only when the query has nothing longer, and as whole words', () => {
    // "a d": the word a and the word d; "a dark" has no "d" of its own, so only the issues with both.
    expect(sorted(ids(search.search('a d')))).toEqual(sorted(ISSUES.filter((i) => /\ba\b/i.test(`${i.title} ${i.excerpt}`) && /\bd\b/i.test(`${i.title} ${i.excerpt}`)).map((i) => i.id)));
    expect(search.search('x y')).toEqual([]);
  });

  it('reports the matched words, whose places in a title or excerpt get highlighted', () => {
    const found = createIndexedSearch(ISSUES).search('pipline editor');
    expect(found.hits[0]?.id).toBe(2);
    expect([...found.words].sort()).toEqual(['editor', 'pipeline', 'pipelines']);
    expect(matchRanges('Pipeline editor loses unsaved changes', found.words)).toEqual([
      [0, 7],
      [9, 14],
    ]);
    expect(matchRanges('Nothing here', found.words)).toBeUndefined();
    expect(matchRanges('Résumé', new Set(['resume']))).toEqual([[0, 5]]);
  });

  it('scores best first', () => {
    const scores = search.search('timeout').map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it.each([
    '!pipeline',
    '^pipeline',
    '=pipeline',
    "'pipeline",
    'pipeline$',
    'pipeline | editor',
    '|||',
    '"pipeline editor"',
    '!^=\'"$|\\',
    '$and $or $path $val',
    '__proto__ constructor',
    '((( [[[ .*+? ${} ',
    '\u0000\u0000',
    '\uD800\uDC00\uD800',
    '🏳️‍🌈 改进 تحسين ‮',
    'x'.repeat(500),
    'ab '.repeat(300),
  ])('does not throw on %j', (query) => {
    expect(() => search.search(query)).not.toThrow();
  });

  it('treats extended-search operators as plain text', () => {
    const data = [issue(1, { title: 'Deprecate !important in CSS' }), issue(2, { title: 'Remove important flag' })];
    const search = createSearch(data);
    // As an operator, ! would mean "does not contain" and find neither.
    expect(sorted(ids(search.search('!important')))).toEqual([1, 2]);
    expect(ids(search.search('css | flag'))).toEqual([]);
    expect(ids(search.search('=Remove'))).toEqual([2]);
  });

  it('survives random hostile input', () => {
    const random = createRandom(99);
    const alphabet = [...'!^=\'"$|\\ #/-_.,:;()[]{}*+?%&<>`~@abcpie12 \t\n'].concat([
      'é',
      '😀',
      '\uD800',
      '\u0000',
      'İ',
    ]);
    for (let n = 0; n < 300; n++) {
      const query = Array.from({ length: random.int(0, 40) }, () => random.pick(alphabet)).join('');
      expect(() => search.search(query)).not.toThrow();
    }
  });

  it('handles an empty dataset', () => {
    expect(createSearch([]).search('pipeline')).toEqual([]);
  });
});

describe('createSearch with a project named in the query', () => {
  // Titles mention "runner", "gitlab" and "cli" in other projects; each project's own issues do not.
  const search = createSearch([
    issue(1, { title: 'Runner registration token is shown in the UI', project: 'gitlab-org/gitlab' }),
    issue(2, { title: 'Shell executor ignores the timeout', project: 'gitlab-org/gitlab-runner' }),
    issue(3, { title: 'Runner timeout is ignored for manual jobs', project: 'gitlab-org/gitlab' }),
    issue(4, { title: 'Docker executor pulls the image twice', project: 'gitlab-org/gitlab-runner' }),
    issue(5, { title: 'Repository replication stalls', project: 'gitlab-org/gitaly' }),
    issue(6, { title: 'Document the cli login flow', project: 'gitlab-org/gitlab' }),
    issue(7, { title: 'Add a merge request list command', project: 'gitlab-org/cli' }),
    issue(8, { title: 'Chart values for the registry', project: 'gitlab-org/charts/gitlab' }),
    issue(9, { title: 'GitLab Pages domain verification', project: 'gitlab-org/gitlab-pages' }),
  ]);

  it("ranks a bare project name's issues above titles that contain its words", () => {
    for (const query of ['gitlab-runner', 'GitLab-Runner', ' gitlab-runner ', 'gitlab-org/gitlab-runner', 'gitlab-org/gitlab-runner/']) {
      const hits = search.search(query);
      expect(sorted(ids(hits.slice(0, 2))), query).toEqual([2, 4]);
      // The titles with "runner" still follow.
      expect(sorted(ids(hits.slice(2))), query).toEqual([1, 3]);
    }
    expect(ids(search.search('gitaly'))).toEqual([5]);
  });

  it('ranks by the words alone while the name is still being typed', () => {
    const hits = ids(search.search('gitlab-run'));
    expect(sorted(hits)).toEqual([1, 2, 3, 4]);
    // The same words in an order that names nothing rank the same.
    expect(hits).toEqual(ids(search.search('run gitlab-')));
  });

  it("ranks a project whose name is a common word first, and the word's other matches after it", () => {
    const hits = ids(search.search('cli'));
    expect(hits).toEqual([7, 6]);
  });

  it('ranks every project that shares the last segment first', () => {
    const hits = search.search('gitlab');
    const own = [1, 3, 6, 8];
    expect(sorted(ids(hits.slice(0, own.length)))).toEqual(own);
    expect(sorted(ids(hits.slice(own.length)))).toEqual([2, 4, 5, 7, 9]);
    expect(sorted(ids(search.search('gitlab-org/charts/gitlab')))).toEqual([8]);
  });

  it("ranks the named project's issues that match the other words first", () => {
    // Issue 3 has "runner" and "timeout" in its title, issue 2 only "timeout": the project decides.
    expect(ids(search.search('gitlab-runner timeout'))).toEqual([2, 3]);
    expect(ids(search.search('timeout gitlab-runner'))).toEqual([2, 3]);
  });

  it('keeps scores rising down the list', () => {
    for (const query of ['gitlab-runner', 'gitlab', 'gitlab-runner timeout']) {
      const scores = search.search(query).map((hit) => hit.score);
      expect(scores, query).toEqual([...scores].sort((a, b) => a - b));
    }
  });
});

describe('createSearch on the sample snapshot', () => {
  const snapshot = parseSnapshot(readFileSync(new URL('../../../../src/data/sample/issues.json', import.meta.url), 'utf8'));
  const issues = snapshot.issues.map((issue) => toIssue(issue, null));
  const search = createSearch(issues);
  const byId = new Map(issues.map((i) => [i.id, i]));

  it('ranks the issues with "pipeline" in the title first for "pipline"', () => {
    const titled = issues.filter((i) => /pipeline/i.test(i.title)).map((i) => i.id);
    expect(titled.length).toBeGreaterThan(1);
    const hits = search.search('pipline');
    expect(sorted(ids(hits.slice(0, titled.length)))).toEqual(sorted(titled));
    expect(hits.length).toBeGreaterThan(titled.length);
  });

  it('orders the hits past the first page by the index score, ties most recently updated first', () => {
    for (const query of ['gra', 'merge', 'and the']) {
      const tail = search.search(query).slice(25);
      expect(tail.length, query).toBeGreaterThan(10);
      // Past Fuse's first page, a hit scores 1 + 1 / (1 + its index score): title words above excerpt words.
      expect(tail.every((hit) => hit.score > 1 && hit.score < 2), query).toBe(true);
      expect(new Set(tail.map((hit) => hit.score)).size, query).toBeGreaterThan(1);
      tail.slice(1).forEach((hit, k) => {
        expect(hit.score, query).toBeGreaterThanOrEqual(tail[k]!.score);
        if (hit.score === tail[k]!.score) expect(compareRecency(byId.get(tail[k]!.id)!, byId.get(hit.id)!), query).toBeLessThan(0);
      });
    }
  });

  it('finds every issue of a project by its path, first', () => {
    const project = 'gitlab-org/gitlab-runner';
    const own = issues.filter((i) => i.project === project).map((i) => i.id);
    expect(sorted(ids(search.search(project).slice(0, own.length)))).toEqual(sorted(own));
  });

  it('puts the exact issue first for its #iid, iid and reference', () => {
    for (const target of issues.filter((_, n) => n % 37 === 0)) {
      expect(search.search(`#${target.iid}`)[0]?.id).toBe(target.id);
      expect(search.search(String(target.iid))[0]?.id).toBe(target.id);
      expect(search.search(target.reference)[0]?.id).toBe(target.id);
    }
  });

  it('finds an issue from a few words of its title, misspelt or not', () => {
    const target = byId.get(issues[40]!.id)!;
    const words = target.title
      .split(/\s+/)
      .filter((w) => w.length >= 5)
      .slice(0, 3);
    expect(words.length).toBeGreaterThan(0);
    expect(ids(search.search(words.join(' ')))).toContain(target.id);
  });

  // The index must find every issue a person would call a match, and nothing else: each query word equals, begins
  // (from three letters), or (from five letters, and not a number) is one typo away from a word of the issue.
  // Checked against a plain implementation.
  it('finds exactly the issues whose words match every query word', () => {
    const distance = (a: string, b: string) => {
      const row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        let previous = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
          const saved = row[j]!;
          row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
          previous = saved;
        }
      }
      return row[b.length]!;
    };
    const matchesWord = (query: string, word: string) =>
      word === query ||
      ([...query].length > 2 && word.startsWith(query)) ||
      (query.length >= 5 &&
        !/^\d+$/.test(query) &&
        [word, word.slice(0, query.length - 1), word.slice(0, query.length), word.slice(0, query.length + 1)].some(
          (part) => part.length >= query.length - 1 && distance(query, part) <= 1,
        ));
    const issueWords = new Map(
      issues.map((i) => [
        i.id,
        new Set(wordsOf([i.title, i.reference, `#${i.iid}`, i.project, ...i.labels.map((l) => l.name), i.excerpt].join(' '))),
      ]),
    );
    const random = createRandom(3);
    const vocabulary = [...new Set(issues.flatMap((i) => wordsOf(i.title)))].filter((w) => w.length >= 2);
    const typo = (word: string) => {
      const at = random.int(0, word.length - 1);
      return random.chance(0.5) ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + 'x' + word.slice(at);
    };
    const numbers = [...new Set(issues.flatMap((i) => wordsOf(i.excerpt)))].filter((w) => /^\d{5,}$/.test(w));
    expect(numbers.length).toBeGreaterThan(0);
    const queries = ['pipline', 'mergre request', 'gitlab-org/gitlab', 'documantation', 'graphql api', 'go', 'runner', ...numbers.slice(0, 10)];
    for (let n = 0; n < 40; n++) {
      const words = Array.from({ length: random.int(1, 3) }, () => random.pick(vocabulary));
      queries.push(words.map((w) => (w.length >= 6 && random.chance(0.5) ? typo(w) : w.slice(0, random.int(2, w.length)))).join(' '));
    }
    for (const query of queries) {
      const terms = [...new Set(wordsOf(query))].filter((w) => w.length >= 2);
      const expected = issues
        .filter((i) => terms.every((term) => [...issueWords.get(i.id)!].some((word) => matchesWord(term, word))))
        .map((i) => i.id);
      expect(sorted(ids(search.search(query))), query).toEqual(sorted(expected));
    }
  });
});
