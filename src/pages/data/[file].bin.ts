import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/site-data';

// The word index of the issue data (see word-index-file.ts), beside its files and named after them: the page reads
// it instead of indexing the issues itself.
export const getStaticPaths = (() => [{ params: { file: `${siteData().payloadFile}-words` } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(siteData().wordIndexFile, { headers: { 'Content-Type': 'application/octet-stream' } });
