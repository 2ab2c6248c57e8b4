import { createEffect } from 'solid-js';
import { SITE_NAME } from './site.ts';

/** Keeps document.title in step with the page: "Courses · Learnwell". */
export function usePageTitle(title: () => string | null | undefined): void {
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · ${SITE_NAME}` : SITE_NAME;
  });
}
