import type { APIRoute } from 'astro';
import { historyCsv } from '../lib/health/csv';
import { siteHistory } from '../site/site-history';

/** The /health trend as CSV, for spreadsheets: one row per snapshot and curated label or group. */
export const GET: APIRoute = () =>
  new Response(historyCsv(siteHistory()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
