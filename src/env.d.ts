/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** The theme bootstrap script, inlined into every page (see astro.config.mjs). */
  readonly THEME_INIT: string;
}

// markdown-it-footnote ships no types; it is a markdown-it plugin like any other.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}

// The label colour stylesheet the snapshot integration serves (src/integrations/snapshot.ts).
declare module 'virtual:co-create/label-colors.css';
