// The fetch baseline, run as its own node process: gitbeaker's own sequential paging, one curated label after
// the other, with no normalisation. Prints one JSON line: how many issues each label returned.
//   node --import tsx scripts/bench/fetch-baseline.ts <gitlab url> <label>...
import { Gitlab } from '@gitbeaker/rest';

const [host, ...labels] = process.argv.slice(2);
if (!host || labels.length === 0) throw new Error('usage: fetch-baseline.ts <gitlab url> <label>...');
const api = new Gitlab({ host });
const perLabel: Record<string, number> = {};
for (const label of labels) {
  const issues = await api.Issues.all({
    groupId: 'gitlab-org',
    labels: label,
    state: 'opened',
    confidential: false,
    withLabelsDetails: true,
    perPage: 100,
  } as never);
  perLabel[label] = (issues as unknown[]).length;
}
console.log(JSON.stringify({ perLabel }));
