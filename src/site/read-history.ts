import { readFileSync, statSync } from 'node:fs';
import { newHistory, withPoint, type HealthHistory, type HistoryPoint, type HistorySource } from '../lib/health/history';
import { HISTORY_MAX_BYTES, parseHistory } from '../lib/health/history-schema';

/** The history at a path when it is one this site can carry on, else why not (one line). */
export type HistoryRead = { history: HealthHistory; problem?: undefined } | { history?: undefined; problem: string };

/**
 * Reads the history at `path` (HISTORY_FILE), checked like anything from the published site: at most
 * HISTORY_MAX_BYTES, the schema, and the same GitLab instance and group as the snapshot it will be added to.
 */
export function readHistoryFile(path: string, source: HistorySource): HistoryRead {
  let text: string;
  try {
    const { size } = statSync(path);
    if (size > HISTORY_MAX_BYTES) return { problem: `the history at ${path} is over the limit of ${HISTORY_MAX_BYTES} bytes` };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `no history at ${path}` : `cannot read the history at ${path} (${code ?? (error as Error).message})` };
  }
  let history: HealthHistory;
  try {
    history = parseHistory(text);
  } catch (error) {
    return { problem: `invalid history at ${path} (${(error as Error).message})` };
  }
  if (history.source.url !== source.url || history.source.group !== source.group) {
    // JSON quoting keeps the file's text on one line.
    const listed = `${JSON.stringify(history.source.group)} of ${JSON.stringify(history.source.url)}`;
    return { problem: `the history at ${path} is of ${listed}, not ${source.group} of ${source.url}` };
  }
  return { history };
}

/** What the build says when it starts the trend anew, `problem` being why (readHistoryFile). */
export function historyNote(problem: string): string {
  return `${problem}: the /health trend starts with this snapshot`;
}

/** What the build publishes: the history at `path` with the snapshot's `point`, or a new one with just that point. */
export function historyForBuild(path: string, source: HistorySource, point: HistoryPoint): HealthHistory {
  return withPoint(readHistoryFile(path, source).history ?? newHistory(source), point);
}
