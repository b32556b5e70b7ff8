import { createHash } from 'node:crypto';
import { LANGUAGE_MAP, loadConfig, type Config } from '../config';
import { decodeSteps, encodePayload, splitPayload, type IssueRow, type PayloadIndex } from '../lib/payload';
import { contactsByGroup, toIssue, type Issue } from '../lib/model';
import { languagesOf } from '../lib/languages';
import { issueWordIndex } from '../lib/search/issue-search';
import { encodeWordIndex } from '../lib/search/word-index-file';
import { runNow } from '../lib/slices';
import type { Snapshot, SnapshotIssue } from '../lib/snapshot';
import { sortIssues } from '../lib/view/sort';
import { pathWithBase } from '../lib/links/site-paths';
import type { SiteSettings } from '../lib/site-settings';
import { readSnapshotFile } from './read-snapshot';

/** What every page of a build renders from; read once per build. */
export interface SiteData {
  config: Config;
  /** What the islands and cards need to know about the site (see site-context.ts). */
  site: SiteSettings;
  snapshot: Snapshot;
  /** The snapshot file's text, as validated: published as /issues.json. */
  snapshotText: string;
  /** All issues, most recently updated first (the page's default order). */
  issues: Issue[];
  /** The issue data for the browser: its index file and the files of rows it names. */
  payload: { index: PayloadIndex; chunks: IssueRow[][] };
  /**
   * The word index of the issues the page decodes from `payload`, in their order, as the page reads it
   * (word-index-file.ts): published as `${payloadFile}-words.bin`, so the page does not index the issues itself.
   */
  wordIndexFile: Uint8Array<ArrayBuffer>;
  /**
   * The data's file name under /data/ (rows are in `${payloadFile}-N`), hashed from the rows and the word index, so
   * it can be cached forever: the index changes with the code that makes it too.
   */
  payloadFile: string;
  /** Where the islands fetch the data's index file from. */
  dataUrl: string;
  /** The snapshot's time in milliseconds: "now" for ages rendered at build time. */
  generatedAt: number;
  /** How many issues each curated label lists, in configured order. */
  labelCounts: Array<{ label: string; count: number }>;
}

let cached: SiteData | undefined;

/** Loads the snapshot named by the configuration and derives what the pages need. */
export function siteData(): SiteData {
  if (cached) return cached;
  const config = loadConfig();
  const { snapshot, text: snapshotText } = readSnapshotFile(config);
  // The configured language map, applied once per item: the browser gets the languages with the data.
  const languageOf = new Map(
    snapshot.issues.map((issue) => [issue, languagesOf(issue.project, issue.labels.map((label) => label.name), LANGUAGE_MAP)]),
  );
  const languages = (issue: SnapshotIssue) => languageOf.get(issue)!;
  const contacts = contactsByGroup(snapshot.groupContacts);
  const payload = encodePayload(snapshot, languages);
  const split = splitPayload(payload);
  const wordIndexFile = encodeWordIndex(issueWordIndex(runNow(decodeSteps(split.index, payload.issues))));
  const hash = createHash('sha256').update(JSON.stringify(payload)).update(wordIndexFile).digest('hex').slice(0, 12);
  const generatedAt = Date.parse(snapshot.generatedAt);
  const { url: gitlabUrl, group, labels: curatedLabels } = snapshot.source;
  cached = {
    config,
    site: { gitlabUrl, group, curatedLabels, apply: { formUrl: config.applyFormUrl, template: config.applyUrlTemplate }, asOf: generatedAt },
    snapshot,
    snapshotText,
    issues: sortIssues(
      snapshot.issues.map((issue) => toIssue(issue, snapshot.previousGeneratedAt, languages(issue), contacts)),
      'updated',
      generatedAt,
    ),
    payload: split,
    wordIndexFile,
    payloadFile: `issues-${hash}`,
    dataUrl: pathWithBase(`data/issues-${hash}.json`),
    generatedAt,
    labelCounts: snapshot.source.labels.map((label) => ({
      label,
      count: snapshot.issues.filter((issue) => issue.curated.includes(label)).length,
    })),
  };
  return cached;
}
