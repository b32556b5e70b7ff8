import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/site-data';

// The issue data the page's island fetches after first paint, under content-hashed names: an index file, then the
// files of rows it names, so the browser parses them one short task at a time.
export const getStaticPaths = (() => {
  const { payload, payloadFile } = siteData();
  return [
    { params: { file: payloadFile }, props: { body: payload.index } },
    ...payload.chunks.map((rows, n) => ({ params: { file: `${payloadFile}-${n}` }, props: { body: rows } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json' } });
