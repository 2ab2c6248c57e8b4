import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * Instructor payouts (docs/commerce.md "Payouts"). Admins: GET /api/admin/payouts and
 * GET /api/admin/payouts.csv (?from=YYYY-MM-DD&to=YYYY-MM-DD, UTC days, both included; default
 * the current month), POST /api/admin/payouts (mark a closed period paid), PUT
 * /api/admin/payouts/share (the platform's share). Instructors: GET /api/teach/payouts (their
 * earnings by month and their payouts). Money is integer minor units; shares are basis points.
 */

export const PAYOUT_LIMITS = { maxDays: 366, reference: 200, months: 12 } as const;

const isoDate = z.iso.date();
const currency = z.string().regex(/^[A-Z]{3}$/);
const amount = z.int();
const bps = z.int().min(0).max(10_000);

/** The period is checked further by the route (from ≤ to, at most 366 days): 400 otherwise. */
export const payoutPeriodQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const instructorEarnings = z.strictObject({
  instructorId: uuid,
  instructorName: z.string(),
  currency,
  /** Revenue before tax of the period's paid order lines (discounts allocated to the line). */
  gross: amount,
  /** The part of refunds made in the period attributed to those lines. */
  refunds: amount,
  net: amount,
  platformShareBps: bps,
  platformFee: amount,
  instructorShare: amount,
  /** Payouts overlapping the period. */
  paid: amount,
  due: amount,
});

export const payout = z.strictObject({
  id: uuid,
  instructorId: uuid,
  instructorName: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  currency,
  gross: amount,
  refunds: amount,
  platformShareBps: bps,
  platformFee: amount,
  amount,
  status: z.enum(['pending', 'paid']),
  paidAt: isoDateTime.nullable(),
  reference: z.string().nullable(),
});

export const adminPayouts = z.strictObject({
  from: isoDate,
  to: isoDate,
  /** The period's last day is before today (UTC): it may be marked paid. */
  closed: z.boolean(),
  platformShareBps: bps,
  items: z.array(instructorEarnings),
  /** Payouts overlapping the period, newest first. */
  payouts: z.array(payout),
});

export const recordPayoutInput = z.strictObject({
  instructorId: uuid,
  from: isoDate,
  to: isoDate,
  currency,
  reference: z.string().trim().min(1).max(PAYOUT_LIMITS.reference),
});

export const revenueShareInput = z.strictObject({
  /** null: the platform's default. */
  instructorId: uuid.nullable(),
  /** null (for an instructor): back to the default. */
  shareBps: bps.nullable(),
});
export const revenueShare = z.strictObject({
  instructorId: uuid.nullable(),
  shareBps: bps.nullable(),
  effectiveBps: bps,
});

export const teachPayouts = z.strictObject({
  /** The last 12 months (the current one first), with their earnings per currency. */
  months: z.array(
    z.strictObject({
      start: isoDate,
      end: isoDate,
      items: z.array(instructorEarnings.omit({ instructorId: true, instructorName: true })),
    }),
  ),
  payouts: z.array(payout),
});

export type PayoutPeriodQuery = z.infer<typeof payoutPeriodQuery>;
export type InstructorEarnings = z.infer<typeof instructorEarnings>;
export type Payout = z.infer<typeof payout>;
export type AdminPayouts = z.infer<typeof adminPayouts>;
export type RecordPayoutInput = z.infer<typeof recordPayoutInput>;
export type RevenueShareInput = z.infer<typeof revenueShareInput>;
export type RevenueShare = z.infer<typeof revenueShare>;
export type TeachPayouts = z.infer<typeof teachPayouts>;
