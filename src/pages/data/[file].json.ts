import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../build/site-data';

// The issue data the page's island fetches after first paint, under a content-hashed name.
export const getStaticPaths = (() => [{ params: { file: siteData().payloadFile } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(siteData().payload), { headers: { 'Content-Type': 'application/json' } });
