// The fetch baseline, run as its own node process: gitbeaker used plainly for the same data as the fetch, one request
// after the other and with no normalisation. It pages through each curated label's issues, one label after the
// other, then asks each listed issue GitLab counts merge requests for which of them would close it, as the fetch
// does (closed_by). Prints one JSON line: how many issues each label returned, how many were looked up, and how long
// the list pages alone took.
//   node --import tsx scripts/bench/fetch-baseline.ts <gitlab url> <label>...
import { Gitlab } from '@gitbeaker/rest';

interface Listed {
  id: number;
  iid: number;
  project_id: number;
  merge_requests_count: number;
}

const [host, ...labels] = process.argv.slice(2);
if (!host || labels.length === 0) throw new Error('usage: fetch-baseline.ts <gitlab url> <label>...');
const started = performance.now();
const api = new Gitlab({ host });
const perLabel: Record<string, number> = {};
const listed = new Map<number, Listed>();
for (const label of labels) {
  const issues = (await api.Issues.all({
    groupId: 'gitlab-org',
    labels: label,
    // Issues only, as the fetch lists them by default (tasks and incidents are other work item types).
    issueType: 'issue',
    state: 'opened',
    confidential: false,
    withLabelsDetails: true,
    perPage: 100,
  } as never)) as unknown as Listed[];
  perLabel[label] = issues.length;
  for (const issue of issues) listed.set(issue.id, issue);
}
const listMs = performance.now() - started;
let lookups = 0;
for (const issue of listed.values()) {
  if (issue.merge_requests_count === 0) continue;
  await api.Issues.allClosedByMergeRequestst(issue.project_id, issue.iid);
  lookups += 1;
}
console.log(JSON.stringify({ perLabel, lookups, listMs }));
