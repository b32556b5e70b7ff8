// @ts-check
import preact from '@astrojs/preact';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { precompressIntegration } from './src/integrations/precompress';
import { snapshotIntegration } from './src/integrations/snapshot';

// GitLab Pages serves project sites under a path (https://group.gitlab.io/project/): take site and base from
// CI_PAGES_URL so every link and asset works there.
const pagesUrl = process.env.CI_PAGES_URL ? new URL(process.env.CI_PAGES_URL) : undefined;

// The one inline script (it must run before first paint); the CSP allows it by hash.
const themeInit = readFileSync(new URL('./src/client/theme-init.js', import.meta.url), 'utf8');
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

// What the codeSplitting groups below sort by (module ids are absolute paths).
const SITE_MODULE = /[\\/]src[\\/](lib|components|client)[\\/]/;
const HEADER_ONLY = /[\\/]src[\\/]lib[\\/]text[\\/]time\.ts$/;
const HEALTH_ONLY = /[\\/]src[\\/](components[\\/]health[\\/]|lib[\\/]health[\\/](?!ready\.ts$|rules\.ts$)|lib[\\/]departed)/;

export default defineConfig({
  site: pagesUrl ? pagesUrl.origin : 'http://localhost:4321',
  base: pagesUrl ? pagesUrl.pathname : '/',
  trailingSlash: 'ignore',
  // Benchmarks and browser tests build several fixture sites side by side.
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  integrations: [snapshotIntegration(), preact(), precompressIntegration()],
  vite: {
    plugins: [tailwindcss()],
    // Fewer, larger files for the front page's first load: the bundler's own split made 17 files of it, several of a
    // few hundred bytes, and small files compress worse (measured with the bench's first-load figure at 2,000 issues:
    // 61.4 kB in 17 files, 59.6 kB in 11). Preact and Astro's renderer go in one file; the site's modules that two
    // or more islands or the search code share, in another. Left out of that one: relative-times' clock
    // (text/time.ts), which the header's script loads on every page, the static ones too, which need nothing else;
    // and what only /health uses (its components, its lib/health modules but the rules and readiness the cards show,
    // what left the list), which /health's island and its trend chart share: in the shared file, the list page would
    // load it too.
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'preact', test: /node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]/ },
              { name: 'shared', test: (id) => SITE_MODULE.test(id) && !HEADER_ONLY.test(id) && !HEALTH_ONLY.test(id), minShareCount: 2 },
            ],
          },
        },
      },
    },
    define: { 'import.meta.env.THEME_INIT': JSON.stringify(themeInit) },
  },
  build: { inlineStylesheets: 'never' },
  compressHTML: true,
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { hashes: [/** @type {`sha256-${string}`} */ (themeInitHash)] },
    },
  },
});
