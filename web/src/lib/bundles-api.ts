import { query } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type {
  BundleDetail,
  BundleList,
  CompanyDashboard,
  CourseBundleList,
  DemoRequestCreated,
  DemoRequestInput,
  SeatTierList,
} from '../../../edge/api-types.ts';
import { type Api, isApiError } from './api.ts';

/**
 * Bundles and company packages: the API calls (GET /api/bundles, /api/bundles/:slug,
 * /api/courses/:slug/bundles, /api/pricing/seat-tiers, /api/company, POST /api/demo-requests)
 * and whether the signed-in user administers a company. The bundles page's URL state is in bundle-query.ts.
 */

const seg = encodeURIComponent;

export function bundlesApi(api: Api) {
  return {
    bundles: (search: string) => api.getJson<BundleList>(`/api/bundles${search}`),
    bundle: (slug: string) => api.getJson<BundleDetail>(`/api/bundles/${seg(slug)}`),
    courseBundles: (courseSlug: string) => api.getJson<CourseBundleList>(`/api/courses/${seg(courseSlug)}/bundles`),
    seatTiers: () => api.getJson<SeatTierList>('/api/pricing/seat-tiers'),
    /** The company admin's dashboard: `companyId` (one they administer), else their first company. */
    company: (companyId?: string) =>
      api.getJson<CompanyDashboard>(companyId ? `/api/company?company=${seg(companyId)}` : '/api/company'),
    requestDemo: (lead: DemoRequestInput) => api.postJson<DemoRequestCreated>('/api/demo-requests', lead),
  };
}

export type BundlesApi = ReturnType<typeof bundlesApi>;

function makeQueries(api: Api) {
  const b = bundlesApi(api);
  return {
    bundles: query((search: string) => b.bundles(search), 'bundles'),
    bundle: query((slug: string) => b.bundle(slug), 'bundle-detail'),
    courseBundles: query((courseSlug: string) => b.courseBundles(courseSlug), 'course-bundles'),
    seatTiers: query(() => b.seatTiers(), 'seat-tiers'),
  };
}

const made = new WeakMap<Api, ReturnType<typeof makeQueries>>();

/** The pages' cached reads (@solidjs/router queries), made once per API client. */
export function bundleQueries(api: Api): ReturnType<typeof makeQueries> {
  let q = made.get(api);
  if (!q) {
    q = makeQueries(api);
    made.set(api, q);
  }
  return q;
}

// ---------- Company admins ----------

/** Whether the signed-in user administers a company: null until known. Shared by the header and /company. */
const [companyAdmin, setCompanyAdmin] = createSignal<{ userId: string; admin: boolean } | null>(null);
let asking: { userId: string; promise: Promise<boolean> } | null = null;

/** Whether `userId` administers a company (the header's "Company" link), reactive. */
export function isCompanyAdmin(userId: string | undefined): boolean {
  const known = companyAdmin();
  return Boolean(userId && known?.userId === userId && known.admin);
}

/** Records what GET /api/company said for `userId` (the /company page shares what it learns). */
export function setCompanyAdminOf(userId: string, admin: boolean): void {
  setCompanyAdmin({ userId, admin });
}

/** Asks GET /api/company once per user: 404 not_a_company_admin means no; any other failure leaves it unknown. */
export function checkCompanyAdmin(api: Api, userId: string): Promise<boolean> {
  const known = companyAdmin();
  if (known?.userId === userId) return Promise.resolve(known.admin);
  if (asking?.userId === userId) return asking.promise;
  const promise = bundlesApi(api)
    .company()
    .then(
      () => true,
      (err: unknown) => {
        if (isApiError(err, 'not_a_company_admin')) return false;
        throw err;
      },
    )
    .then(
      (admin) => {
        if (asking?.promise === promise) asking = null;
        setCompanyAdminOf(userId, admin);
        return admin;
      },
      (err: unknown) => {
        if (asking?.promise === promise) asking = null;
        throw err;
      },
    );
  asking = { userId, promise };
  return promise;
}
