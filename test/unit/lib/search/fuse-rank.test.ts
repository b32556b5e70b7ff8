import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { fuseRanker } from '../../../../src/lib/search/fuse-rank';
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
