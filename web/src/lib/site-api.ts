import type {
  AdminSiteHome,
  LegalPage,
  LegalPageInput,
  LegalSlug,
  SiteHome,
  SiteHomeInput,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { jsonInit } from './json-init.ts';

/** Site content (edge/site): the home page's hero, featured items and testimonials, the legal pages, and /admin/site. */

/** GET /api/site/home: part of the home page's first data (lib/first-data.ts). */
export const SITE_HOME_PATH = '/api/site/home';

/** The legal pages, in the footer's order. */
export const LEGAL_LINKS: { slug: LegalSlug; label: string }[] = [
  { slug: 'terms', label: 'Terms of use' },
  { slug: 'privacy', label: 'Privacy policy' },
  { slug: 'refund-policy', label: 'Refund policy' },
];

export const legalPath = (slug: string) => `/api/site/legal/${encodeURIComponent(slug)}`;

/** `list` with the item at `from` moved to `to` (both in range; otherwise `list` as it is). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export function siteApi(api: Api) {
  return {
    home: () => api.getJson<SiteHome>(SITE_HOME_PATH),
    legal: (slug: string) => api.getJson<LegalPage>(legalPath(slug)),
    adminHome: () => api.getJson<AdminSiteHome>('/api/admin/site/home'),
    saveHome: (input: SiteHomeInput) => api.send<AdminSiteHome>('/api/admin/site/home', jsonInit('PUT', input)),
    adminLegal: () => api.getJson<{ items: LegalPage[] }>('/api/admin/site/legal'),
    saveLegal: (slug: LegalSlug, input: LegalPageInput) =>
      api.send<LegalPage>(`/api/admin/site/legal/${encodeURIComponent(slug)}`, jsonInit('PUT', input)),
  };
}

export type SiteApi = ReturnType<typeof siteApi>;
