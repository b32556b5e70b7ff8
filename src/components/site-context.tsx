import { createContext, type ComponentType } from 'preact';
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

/** An island's root: takes the site as a prop and provides it to everything `Inner` renders. */
export function withSite<P extends object>(Inner: ComponentType<P>) {
  return function WithSite({ site, ...props }: P & { site: SiteSettings }) {
    return (
      <SiteContext.Provider value={site}>
        <Inner {...(props as P)} />
      </SiteContext.Provider>
    );
  };
}
