import type {
  AdminBundle,
  AdminBundleList,
  AdminCategoryList,
  AdminCoupon,
  AdminCouponList,
  AdminDemoRequestList,
  AdminOrderList,
  AdminOrderQuery,
  AdminPricingRule,
  AdminPricingRuleList,
  AdminRefundResult,
  AdminRevenue,
  AdminTaxRate,
  AdminTaxRateList,
  BundleInputBody,
  BundlePatch,
  CouponInputBody,
  CouponPatch,
  PricingRuleInput,
  PricingRulePatch,
  RefundInput,
  TaxRateInput,
  TaxRatePatch,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';

/**
 * The admin commerce API (/api/admin/..., admins only): bundles, pricing rules, coupons, tax
 * rates, orders and refunds, revenue, demo requests. Refusals arrive as ApiError; a 400 or 422
 * carries `details` ([{path, message}]) that the forms show beside their fields.
 */

const seg = encodeURIComponent;

export function adminApi(api: Api) {
  const json = (method: 'PATCH' | 'DELETE', body?: unknown): RequestInit => ({
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const patch = <T>(path: string, body: unknown) => api.send<T>(path, json('PATCH', body));
  const remove = (path: string) => api.send<void>(path, json('DELETE'));

  return {
    categories: () => api.getJson<AdminCategoryList>('/api/admin/categories'),
    bundles: () => api.getJson<AdminBundleList>('/api/admin/bundles'),
    createBundle: (b: BundleInputBody) => api.postJson<AdminBundle>('/api/admin/bundles', b),
    updateBundle: (id: string, b: BundlePatch) => patch<AdminBundle>(`/api/admin/bundles/${seg(id)}`, b),
    deleteBundle: (id: string) => remove(`/api/admin/bundles/${seg(id)}`),

    pricingRules: () => api.getJson<AdminPricingRuleList>('/api/admin/pricing-rules'),
    createPricingRule: (r: PricingRuleInput) => api.postJson<AdminPricingRule>('/api/admin/pricing-rules', r),
    updatePricingRule: (id: string, r: PricingRulePatch) =>
      patch<AdminPricingRule>(`/api/admin/pricing-rules/${seg(id)}`, r),
    deletePricingRule: (id: string) => remove(`/api/admin/pricing-rules/${seg(id)}`),

    coupons: () => api.getJson<AdminCouponList>('/api/admin/coupons'),
    createCoupon: (c: CouponInputBody) => api.postJson<AdminCoupon>('/api/admin/coupons', c),
    updateCoupon: (id: string, c: CouponPatch) => patch<AdminCoupon>(`/api/admin/coupons/${seg(id)}`, c),

    taxRates: () => api.getJson<AdminTaxRateList>('/api/admin/tax-rates'),
    createTaxRate: (t: TaxRateInput) => api.postJson<AdminTaxRate>('/api/admin/tax-rates', t),
    updateTaxRate: (id: string, t: TaxRatePatch) => patch<AdminTaxRate>(`/api/admin/tax-rates/${seg(id)}`, t),
    deleteTaxRate: (id: string) => remove(`/api/admin/tax-rates/${seg(id)}`),

    orders: (q: AdminOrderQuery) => api.getJson<AdminOrderList>(`/api/admin/orders${orderSearch(q)}`),
    revenue: () => api.getJson<AdminRevenue>('/api/admin/revenue'),
    refund: (orderId: string, r: RefundInput) =>
      api.postJson<AdminRefundResult>(`/api/admin/orders/${seg(orderId)}/refunds`, r),

    demoRequests: () => api.getJson<AdminDemoRequestList>('/api/admin/demo-requests'),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/** The orders list's query string: only what is set. */
export function orderSearch(q: AdminOrderQuery): string {
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.q?.trim()) params.set('q', q.q.trim());
  if (q.page && Number(q.page) > 1) params.set('page', String(q.page));
  if (q.pageSize) params.set('pageSize', String(q.pageSize));
  const s = params.toString();
  return s ? `?${s}` : '';
}
