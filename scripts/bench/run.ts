// `npm run bench [-- --quick] [--check] [--compare FILE] [--sizes N,N] [--skip-lighthouse] [--skip-fetch]`:
// generates the datasets, builds and serves each site, drives Chromium, runs the fetch against the GitLab
// stand-in, prints one table and writes results.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { launch } from './browser';
import { buildSite, makeBuildTree } from './build';
import { makeDataset, type Dataset } from './datasets';
import { benchFetch } from './fetch-bench';
import { checkFailures, failedStep, type Figure } from './figures';
import { OUT, RESULTS_FILE, shown, siteDir } from './paths';
import { step, timed } from './progress';
import { buildFigure, fetchFigures, siteFigures } from './report';
import { benchSite, type SiteResults } from './site-bench';
import { compareTable, figureTable } from './table';

const USAGE = 'usage: npm run bench -- [--quick] [--check] [--compare FILE] [--sizes N,N] [--skip-lighthouse] [--skip-fetch]';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    compare: { type: 'string' },
    sizes: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-fetch': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    [
      USAGE,
      '  --quick            CI mode: 100 and 2,000 issues, one repetition, one ready-to-search round, no Lighthouse or build-time figure',
      '  --check            exit 1 when a robust figure (bytes, counts) misses its target',
      "  --compare          print each figure's change against an earlier results.json",
      '  --sizes            only these datasets, e.g. --sizes 10000 (the build-time figure needs 100 and 10000)',
      '  --skip-lighthouse  no Lighthouse runs (the slowest step)',
      '  --skip-fetch       no fetch figures (the GitLab stand-in)',
    ].join('\n'),
  );
  process.exit(0);
}

const quick = args.quick;
const ALL_SIZES = quick ? [100, 2000] : [100, 2000, 10000];
// A subset of the datasets, for measuring one change quickly; the figures of each size are the same as in a full run.
const sizes = args.sizes ? args.sizes.split(',').map(Number) : ALL_SIZES;
if (sizes.some((size) => !ALL_SIZES.includes(size))) {
  console.error(`--sizes: each must be one of ${ALL_SIZES.join(', ')}\n${USAGE}`);
  process.exit(2);
}
// The first build of a run pays for cold caches; building 2,000 first keeps that out of the 100 vs 10,000 ratio.
const BUILD_COMPARED = [100, 10000] as const;
const BUILD_ROUNDS = 3;
const buildOrder = [...sizes.filter((size) => size === 2000), ...sizes.filter((size) => size !== 2000)];
const largest = Math.max(...sizes);

function git(...command: string[]): string {
  try {
    return execFileSync('git', command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const figures: Figure[] = [];
  step(`bench (${quick ? 'quick' : 'full'}): datasets ${sizes.join(', ')}; output in ${shown(OUT)}`);
  mkdirSync(OUT, { recursive: true });

  const datasets = new Map<number, Dataset>();
  for (const size of sizes) datasets.set(size, await timed(`dataset ${size}: generate`, async () => makeDataset(size)));

  const buildTimes = new Map<number, number[]>();
  // Recorded when src/ is copied for the builds, since others may change it while the run goes on.
  const source = { commit: git('rev-parse', 'HEAD'), srcChanged: git('status', '--porcelain', '--', 'src') !== '' };
  const tree = makeBuildTree();
  try {
    for (const size of buildOrder) {
      try {
        const ms = await timed(`dataset ${size}: astro build → ${shown(siteDir(size))}`, () => buildSite(tree, datasets.get(size)!.file, siteDir(size)));
        buildTimes.set(size, [ms]);
      } catch (error) {
        step(`dataset ${size}: build FAILED`);
        figures.push(failedStep('build', size.toLocaleString('en'), error));
      }
    }
    // One build of this machine moves by a tenth either way, and the build-time figure is a ratio of two: the full
    // run builds the two sizes it compares again, in turn, and the figure takes the median of BUILD_ROUNDS of each.
    const compared = BUILD_COMPARED.every((size) => buildTimes.has(size));
    for (let round = 2; !quick && compared && round <= BUILD_ROUNDS; round++) {
      for (const size of BUILD_COMPARED) {
        const ms = await timed(`dataset ${size}: astro build, round ${round} of ${BUILD_ROUNDS}`, () => buildSite(tree, datasets.get(size)!.file, siteDir(size)));
        buildTimes.get(size)!.push(ms);
      }
    }
  } finally {
    tree.remove();
  }

  const sites: SiteResults[] = [];
  const browser = await launch();
  const chromium = browser.version();
  try {
    for (const size of sizes.filter((s) => buildTimes.has(s))) {
      const lighthouse = quick || args['skip-lighthouse'] ? [] : size === 2000 ? ['performance', 'accessibility', 'best-practices', 'seo'] : size === 10000 ? ['performance'] : [];
      // The baseline pages at 2,000 and 10,000 only (quick: 2,000), to keep the run's time in bounds.
      const options = { reps: quick ? 1 : 2, heap: size === largest, lighthouse, engines: size >= 2000, readyRounds: quick ? 1 : 3 };
      sites.push(await timed(`dataset ${size}: browser figures`, () => benchSite(browser, datasets.get(size)!, options)));
    }
  } finally {
    await browser.close();
  }
  figures.push(...siteFigures(sites));
  if (!quick) figures.push(...buildFigure(buildTimes));

  if (!args['skip-fetch']) {
    try {
      figures.push(...fetchFigures(await timed('fetch: stand-in with 5,000 listed issues', () => benchFetch(step))));
    } catch (error) {
      figures.push(failedStep('fetch', '5,000 (fetch)', error));
    }
  }

  const results = {
    schema: 1,
    mode: quick ? 'quick' : 'full',
    // What a partial run left out, so its results.json is not mistaken for a full one.
    only: { sizes, lighthouse: !args['skip-lighthouse'], fetch: !args['skip-fetch'] },
    createdAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    git: source,
    environment: { node: process.version, chromium, cpus: cpus().length, platform: process.platform },
    figures,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  step(`wrote ${shown(RESULTS_FILE)} (${results.durationSeconds} s in all)`);

  console.log(`\n${figureTable(figures)}`);
  if (args.compare) {
    const before = JSON.parse(readFileSync(args.compare, 'utf8')) as { createdAt?: string; figures: Figure[] };
    console.log(`\nChange against ${args.compare} (${before.createdAt ?? 'unknown date'}):\n${compareTable(figures, before.figures)}`);
  }

  const failures = checkFailures(figures);
  const errors = figures.filter((f) => f.status === 'error');
  if (errors.length) console.error(`\n${errors.length} step(s) failed: ${errors.map((f) => `${f.id} @ ${f.dataset}`).join(', ')}`);
  if (args.check && failures.length) {
    console.error(`\n--check: ${failures.length} robust figure(s) missed their target: ${failures.map((f) => `${f.name} @ ${f.dataset}`).join(', ')}`);
    return 1;
  }
  return errors.length ? 1 : 0;
}

process.exitCode = await main();
