/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** The theme bootstrap script, inlined into every page (see astro.config.mjs). */
  readonly THEME_INIT: string;
}
