import type { APIRoute } from 'astro';
import { serializeHistory } from '../lib/health/history';
import { siteHistory } from '../site/site-history';

// The /health trend, each snapshot's tallies per curated label and group (format: README, "History"). The nightly
// job downloads it (`npm run previous`) so that the next build adds its point to it.
export const GET: APIRoute = () =>
  new Response(serializeHistory(siteHistory()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
