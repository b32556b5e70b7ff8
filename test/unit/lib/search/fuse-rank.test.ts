import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { fuseRanker, piecesOf } from '../../../../src/lib/search/fuse-rank';
import { toIssue, type Issue } from '../../../../src/lib/model';
import { FUSE_OPTIONS } from '../../../../src/lib/search/fields';
import { parseSnapshot } from '../../../../src/lib/snapshot';
import { createRandom } from '../../../../tools/gitlab-stand-in/prng';

const snapshot = parseSnapshot(readFileSync(new URL('../../../../src/data/sample/issues.json', import.meta.url), 'utf8'));
const issues: Issue[] = snapshot.issues.map((issue) => toIssue(issue, null));

// What Fuse itself says for the AND of the words over the issues at `positions`, in its order.
function plain(positions: readonly number[], words: readonly string[]) {
  const results = new Fuse(positions.map((at) => issues[at]!), FUSE_OPTIONS).search({ $and: [...words] });
  return results.map((result) => ({ at: positions[result.refIndex]!, score: result.score! }));
}

describe('fuseRanker', () => {
  const random = createRandom(11);
  const titleWords = [...new Set(issues.flatMap((issue) => issue.title.toLowerCase().match(/[a-z]{2,}/g) ?? []))];
  // Words as someone types them: whole, cut short, and with a typo.
  const word = () => {
    const picked = random.pick(titleWords);
    const cut = picked.slice(0, random.int(2, picked.length));
    const typed = random.chance(0.2) && cut.length > 4 ? cut.slice(0, 2) + cut.slice(3) : cut;
    return random.chance(0.1) ? typed.toUpperCase() : typed;
  };

  // With the default cache of item records, and with one so small that most searches make records anew.
  it.each([1000, 3])('ranks exactly as a Fuse AND search, through a session of queries that share words (%i records kept)', (records) => {
    const rank = fuseRanker(issues, FUSE_OPTIONS, 200, records);
    let words = [word()];
    for (let n = 0; n < 150; n++) {
      // Typing on: the last word grows or a new word starts; now and then a fresh query.
      if (random.chance(0.15)) words = [word()];
      else if (random.chance(0.3) && words.length < 4) words = [...words, word()];
      else words = [...words.slice(0, -1), word()];
      words = [...new Set(words)];
      const positions = Array.from({ length: random.int(1, 25) }, () => random.int(0, issues.length - 1)).filter(
        (at, i, all) => all.indexOf(at) === i,
      );
      const ours = rank(positions, words);
      const fuse = plain(positions, words);
      expect(ours.map((hit) => hit.at), `${words.join(' ')}`).toEqual(fuse.map((hit) => hit.at));
      ours.forEach((hit, i) => expect(hit.score).toBeCloseTo(fuse[i]!.score, 12));
    }
  });

  it('ranks nothing without words', () => {
    expect(fuseRanker(issues, FUSE_OPTIONS)([0, 1, 2], [])).toEqual([]);
  });
});

describe('piecesOf', () => {
  it('cuts a word into one piece more than the errors its length allows', () => {
    expect(piecesOf('gra', 0.2)).toEqual(['gra']);
    expect(piecesOf('pipe', 0.2)).toEqual(['pipe']);
    expect(piecesOf('graph', 0.2)).toEqual(['gr', 'aph']);
    expect(piecesOf('pipelines', 0.2)).toEqual(['pipe', 'lines']);
    expect(piecesOf('documentation', 0.2)).toEqual(['docu', 'ment', 'ation']);
    expect(piecesOf('abc', 0.6)).toEqual(['a', 'bc']);
    expect(piecesOf('x'.repeat(33), 0.2)).toBeNull();
  });

  // Every text Fuse finds a word in holds one of its pieces: the texts without are safely left out of its records.
  it("leaves out no text Fuse would match, over the sample's texts and typed or misspelt words", () => {
    const random = createRandom(5);
    const texts = issues.flatMap((issue) => [issue.title, issue.excerpt, ...issue.labels.map((label) => label.name)]).map((t) => t.toLowerCase());
    const words = [...new Set(texts.flatMap((text) => text.match(/[a-z]{3,}/g) ?? []))];
    const { threshold, ignoreLocation, minMatchCharLength } = FUSE_OPTIONS;
    const fuse = new Fuse(texts, { threshold, ignoreLocation, minMatchCharLength });
    let matched = 0;
    for (let n = 0; n < 300; n++) {
      const picked = random.pick(words);
      const at = random.int(0, picked.length - 1);
      // Whole, cut short, or with a letter dropped, doubled or changed.
      const word = [picked, picked.slice(0, random.int(3, picked.length)), picked.slice(0, at) + picked.slice(at + 1), picked.slice(0, at) + picked[at] + picked.slice(at), picked.slice(0, at) + 'q' + picked.slice(at + 1)][
        random.int(0, 4)
      ]!;
      const pieces = piecesOf(word, FUSE_OPTIONS.threshold!)!;
      for (const result of fuse.search(word)) {
        matched++;
        expect(pieces.some((piece) => texts[result.refIndex]!.includes(piece)), `${word} in ${texts[result.refIndex]}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
