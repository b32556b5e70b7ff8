import { pointOf, type HealthHistory } from '../lib/health/history';
import { historyForBuild } from './read-history';
import { siteData } from './site-data';

let cached: HealthHistory | undefined;

/**
 * The /health trend the build publishes (/history.json, /history.csv) and draws: HISTORY_FILE's history with this
 * snapshot's point, made through the report /health shows. Read once per build; a missing or invalid history is a new
 * trend, never a failed build (the snapshot integration says why, once, before the pages).
 */
export function siteHistory(): HealthHistory {
  const { config, snapshot, issues, site } = siteData();
  cached ??= historyForBuild(config.historyFile, snapshot.source, pointOf(issues, site.curatedLabels, site.asOf));
  return cached;
}
