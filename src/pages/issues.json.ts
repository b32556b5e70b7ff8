import type { APIRoute } from 'astro';
import { siteData } from '../site/site-data';

// The snapshot the site was built from, at a stable URL for other tools: the validated file, byte for byte. The
// nightly fetch downloads it to carry each item's firstSeenAt forward.
export const GET: APIRoute = () =>
  new Response(siteData().snapshotText, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
