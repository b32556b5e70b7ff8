import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SiteSettings } from '../lib/site-settings';

/** Set by each island (and the plain list pages) around its tree. */
export const SiteContext = createContext<SiteSettings | null>(null);

/** The settings of the page this component is rendered in. */
export function useSite(): SiteSettings {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite() needs a SiteContext.Provider above it');
  return site;
}
