import { createEffect } from 'solid-js';
import { SITE_NAME } from './site.ts';

/** Keeps document.title in step with the page: "Courses · Learnwell". */
export function usePageTitle(title: () => string | null | undefined): void {
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · ${SITE_NAME}` : SITE_NAME;
  });
}

/** usePageTitle as a component, for a title known only inside a branch of the page (`<PageTitle text=… />`). */
export function PageTitle(props: { text: string }): null {
  usePageTitle(() => props.text);
  return null;
}
