import type { APIRoute } from 'astro';
import { siteData } from '../site/site-data';
import { healthCsv } from '../lib/health/csv';
import { healthReport } from '../lib/health/report';

/** Every issue below the bar as CSV: the /health page's download without JavaScript or filters. */
export const GET: APIRoute = () => {
  const { snapshot, issues, generatedAt } = siteData();
  return new Response(healthCsv(healthReport(issues, snapshot.source.labels, generatedAt).failing, generatedAt), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
