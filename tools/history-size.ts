// The size of a full /health history (README, "History"): `npx tsx tools/history-size.ts [POINTS] [GROUPS]`, by
// default 400 nightly points (the most a history keeps) of 3 curated labels, 60 groups and 20 stages, with the
// counts of a 10,000-issue list (a group's 3 digits, a label's 4; each problem on about half the tallies) wandering
// from night to night. Prints the bytes of the JSON and the CSV, raw and gzipped (level 9, as the build's
// precompression writes them), and the time to add a point.
import { gzipSync } from 'node:zlib';
import { historyCsv } from '../src/lib/health/csv';
import { HISTORY_MAX_POINTS, newHistory, serializeHistory, withPoint, type HistoryPoint } from '../src/lib/health/history';
import { emptyTally, type Tally } from '../src/lib/health/report';
import { PROBLEMS } from '../src/lib/health/rules';
import { createRandom } from './gitlab-stand-in/prng';

const points = Number(process.argv[2] ?? HISTORY_MAX_POINTS);
const groupCount = Number(process.argv[3] ?? 60);
const random = createRandom(16);
const DAY_MS = 86_400_000;
const start = Date.parse('2026-01-01T03:00:00.000Z');

// Each tally starts somewhere and moves by a little each night, never above its total.
const walk = (key: string | null, total: number): Tally => {
  const tally = { ...emptyTally(key), total, healthy: random.int(0, total), inProgress: random.int(0, Math.floor(total / 10)), ready: random.int(0, Math.floor(total / 3)) };
  for (const problem of PROBLEMS) tally.problems[problem] = random.int(0, 1) === 0 ? 0 : random.int(1, Math.ceil(total / 5));
  return tally;
};
const near = (value: number, max: number, by: number) => Math.min(max, Math.max(0, value + random.int(-by, by)));
const step = (tally: Tally): Tally => {
  const total = Math.max(1, tally.total + random.int(-2, 2));
  const inProgress = near(tally.inProgress, total, 1);
  const problems = { ...tally.problems };
  for (const problem of PROBLEMS) if (problems[problem] > 0) problems[problem] = near(problems[problem], total, 1);
  return { key: tally.key, total, inProgress, healthy: near(tally.healthy, total - inProgress, 2), ready: near(tally.ready, total, 1), problems };
};
const named = (prefix: string, count: number, size: () => number) => [...Array.from({ length: count - 1 }, (_, n) => walk(`${prefix} ${n + 1}`, size())), walk(null, 300)];
let labels = ['co-create', 'quick win', 'quick win::first-time contributor'].map((label) => walk(label, random.int(1000, 6000)));
let groups = named('group name', groupCount, () => random.int(5, 400));
let stages = named('stage', 20, () => random.int(50, 1200));
let total = walk(null, 10_000);

let history = newHistory({ url: 'https://gitlab.com', group: 'gitlab-org' });
let lastAppendMs = 0;
for (let night = 0; night < points; night += 1) {
  const point: HistoryPoint = { at: start + night * DAY_MS, total, labels, groups, stages };
  const started = performance.now();
  history = withPoint(history, point);
  lastAppendMs = performance.now() - started;
  labels = labels.map(step);
  groups = groups.map(step);
  stages = stages.map(step);
  total = step(total);
}

const json = Buffer.from(serializeHistory(history));
const csv = Buffer.from(historyCsv(history));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`${history.points.length} points, ${history.labels.length} labels, ${history.groups.length} groups, ${history.stages.length} stages`);
console.log(`history.json: ${kB(json.length)} raw, ${kB(gzipSync(json, { level: 9 }).length)} gzip`);
console.log(`history.csv:  ${kB(csv.length)} raw, ${kB(gzipSync(csv, { level: 9 }).length)} gzip`);
console.log(`adding the last point: ${lastAppendMs.toFixed(1)} ms`);
