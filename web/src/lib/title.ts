import { useLocation } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { setCanonical, setDescription } from './meta.ts';
import { SITE_NAME } from './site.ts';

/**
 * Keeps the head in step with the page: document.title ("Courses · Learnwell"), the meta
 * description (`description`, or the site's) and the canonical link (this path on the site's
 * origin). The host writes the same for the first page (server/seo), for crawlers.
 */
export function usePageTitle(
  title: () => string | null | undefined,
  description?: () => string | null | undefined,
): void {
  // The router's location: a page renders before the browser's URL changes (a transition).
  let path = () => location.pathname;
  try {
    const routed = useLocation();
    path = () => routed.pathname;
  } catch {
    // outside the router (the boot error page): the browser's URL
  }
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · ${SITE_NAME}` : SITE_NAME;
    setDescription(document, description?.());
    setCanonical(document, path(), location.origin);
  });
}

/** usePageTitle as a component, for a title known only inside a branch of the page (`<PageTitle text=… />`). */
export function PageTitle(props: { text: string; description?: string }): null {
  usePageTitle(
    () => props.text,
    () => props.description,
  );
  return null;
}
