import { iso } from '../../catalog/rows.ts';
import type { CouponInput } from '../../contract/checkout.ts';
import { ADMIN_LIMITS, type AdminCoupon } from '../../contract/commerce-admin.ts';
import type { Sql } from '../../db/port.ts';
import { unprocessable } from './errors.ts';

interface CouponRow {
  id: string;
  code: string;
  label: string;
  kind: AdminCoupon['kind'];
  percent_bps: number | null;
  amount_off: number | null;
  currency: string | null;
  scope: AdminCoupon['scope'];
  course_id: string | null;
  bundle_id: string | null;
  starts_at: unknown;
  expires_at: unknown;
  max_redemptions: number | null;
  per_user_limit: number | null;
  min_subtotal: number;
  active: boolean;
  used: number;
  created_at: unknown;
}

// `used` counts as private.coupon_uses does: redeemed uses and holds not yet expired.
const SELECT = `
  select c.id, c.code, c.label, c.kind, c.percent_bps, c.amount_off, c.currency::text as currency, c.scope,
         c.course_id, c.bundle_id, c.starts_at, c.expires_at, c.max_redemptions, c.per_user_limit, c.min_subtotal,
         c.active, c.created_at,
         (select count(*)::int from public.coupon_redemptions r
          where r.coupon_id = c.id and (r.status = 'redeemed' or (r.status = 'held' and r.held_until > now()))) as used
  from public.coupons c`;

const toCoupon = (r: CouponRow): AdminCoupon => ({
  id: r.id,
  code: r.code,
  label: r.label,
  kind: r.kind,
  percentBps: r.percent_bps,
  amountOff: r.amount_off,
  currency: r.currency,
  scope: r.scope,
  courseId: r.course_id,
  bundleId: r.bundle_id,
  startsAt: iso(r.starts_at),
  expiresAt: iso(r.expires_at),
  maxRedemptions: r.max_redemptions,
  perUserLimit: r.per_user_limit,
  minSubtotal: r.min_subtotal,
  active: r.active,
  used: r.used,
  createdAt: iso(r.created_at)!,
});

/** Every coupon, newest first. */
export async function listCoupons(sql: Sql): Promise<AdminCoupon[]> {
  const rows = await sql.query<CouponRow>(`${SELECT} order by c.created_at desc, c.id limit ${ADMIN_LIMITS.list}`);
  return rows.map(toCoupon);
}

export async function getCoupon(sql: Sql, id: string): Promise<AdminCoupon | null> {
  const [row] = await sql.query<CouponRow>(`${SELECT} where c.id = $1`, [id]);
  return row ? toCoupon(row) : null;
}

/** A coupon as the body that would create it (the base a PATCH is merged onto). */
export function couponAsInput(c: AdminCoupon): CouponInput {
  return {
    code: c.code,
    label: c.label,
    kind: c.kind,
    percentBps: c.percentBps,
    amountOff: c.amountOff,
    currency: c.currency,
    scope: c.scope,
    courseId: c.courseId,
    bundleId: c.bundleId,
    startsAt: c.startsAt,
    expiresAt: c.expiresAt,
    maxRedemptions: c.maxRedemptions,
    perUserLimit: c.perUserLimit,
    minSubtotal: c.minSubtotal,
    active: c.active,
  };
}

/**
 * The course or bundle a scoped coupon names must exist, and a fixed amount must be in its
 * currency (the engine would refuse it at checkout otherwise): 422 with the field at fault.
 */
export async function checkCouponTarget(sql: Sql, c: CouponInput): Promise<void> {
  if (c.scope === 'all') return;
  const [row] =
    c.scope === 'course'
      ? await sql.query<{ currency: string }>(
          'select price_currency::text as currency from public.courses where id = $1',
          [c.courseId],
        )
      : await sql.query<{ currency: string }>('select currency::text as currency from public.bundles where id = $1', [
          c.bundleId,
        ]);
  if (!row) {
    throw c.scope === 'course'
      ? unprocessable('unknown_course', 'no such course', 'courseId')
      : unprocessable('unknown_bundle', 'no such bundle', 'bundleId');
  }
  if (c.kind === 'fixed' && c.currency !== row.currency) {
    throw unprocessable('currency_mismatch', `the ${c.scope} is priced in ${row.currency}`, 'currency');
  }
}

const COLUMNS = [
  'code',
  'label',
  'kind',
  'percent_bps',
  'amount_off',
  'currency',
  'scope',
  'course_id',
  'bundle_id',
  'starts_at',
  'expires_at',
  'max_redemptions',
  'per_user_limit',
  'min_subtotal',
  'active',
] as const;

const values = (c: CouponInput) => [
  c.code,
  c.label,
  c.kind,
  c.percentBps,
  c.amountOff,
  c.currency,
  c.scope,
  c.courseId,
  c.bundleId,
  c.startsAt,
  c.expiresAt,
  c.maxRedemptions,
  c.perUserLimit,
  c.minSubtotal,
  c.active,
];

export async function insertCoupon(sql: Sql, c: CouponInput): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.coupons (${COLUMNS.join(', ')})
     values (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    values(c),
  );
  return row!.id;
}

export async function updateCoupon(sql: Sql, id: string, c: CouponInput): Promise<void> {
  await sql.query(
    `update public.coupons set ${COLUMNS.map((col, i) => `${col} = $${i + 2}`).join(', ')} where id = $1`,
    [id, ...values(c)],
  );
}
