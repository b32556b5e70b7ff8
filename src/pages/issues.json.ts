import type { APIRoute } from 'astro';
import { siteData } from '../build/site-data';
import { serializeSnapshot } from '../lib/snapshot';

// The snapshot the site was built from, at a stable URL for other tools. The nightly fetch downloads it to carry
// each item's firstSeenAt forward, so it is the snapshot file format, byte for byte what the fetch would write.
export const GET: APIRoute = () =>
  new Response(serializeSnapshot(siteData().snapshot), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
