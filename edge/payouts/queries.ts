import type {
  AdminPayouts,
  InstructorEarnings,
  Payout,
  RecordPayoutInput,
  RevenueShare,
  RevenueShareInput,
  TeachPayouts,
} from '../contract/payouts.ts';
import type { Sql } from '../db/port.ts';
import type { PayoutPeriod } from './period.ts';

/**
 * Payouts, read and written as the caller: public.payout_earnings (admins all, an instructor
 * their own), public.admin_record_payout and public.admin_set_revenue_share (admins; audited in
 * the same transaction), the payouts table under RLS. Migration 20261129000500.
 */

type Num = number | string;
type Timestamp = Date | string;
const n = (v: Num) => Number(v);
const isoDay = (v: Timestamp) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

interface EarningsRow {
  instructor_id: string;
  instructor_name: string;
  currency: string;
  gross: Num;
  refunds: Num;
  net: Num;
  platform_share_bps: number;
  platform_fee: Num;
  instructor_share: Num;
  paid: Num;
  due: Num;
}

const earningsOf = (r: EarningsRow): InstructorEarnings => ({
  instructorId: r.instructor_id,
  instructorName: r.instructor_name,
  currency: r.currency,
  gross: n(r.gross),
  refunds: n(r.refunds),
  net: n(r.net),
  platformShareBps: r.platform_share_bps,
  platformFee: n(r.platform_fee),
  instructorShare: n(r.instructor_share),
  paid: n(r.paid),
  due: n(r.due),
});

interface PayoutRow {
  id: string;
  instructor_id: string;
  instructor_name: string;
  period_start: Timestamp;
  period_end: Timestamp;
  currency: string;
  gross: Num;
  refunds: Num;
  platform_share_bps: number;
  platform_fee: Num;
  amount: Num;
  status: 'pending' | 'paid';
  paid_at: Timestamp | null;
  reference: string | null;
}

const payoutOf = (r: PayoutRow): Payout => ({
  id: r.id,
  instructorId: r.instructor_id,
  instructorName: r.instructor_name,
  periodStart: isoDay(r.period_start),
  periodEnd: isoDay(r.period_end),
  currency: r.currency,
  gross: n(r.gross),
  refunds: n(r.refunds),
  platformShareBps: r.platform_share_bps,
  platformFee: n(r.platform_fee),
  amount: n(r.amount),
  status: r.status,
  paidAt: r.paid_at === null ? null : new Date(r.paid_at).toISOString(),
  reference: r.reference,
});

const PAYOUT_COLUMNS = `p.id, p.instructor_id, i.display_name as instructor_name, p.period_start::text as period_start,
  p.period_end::text as period_end, p.currency::text as currency, p.gross, p.refunds, p.platform_share_bps,
  p.platform_fee, p.amount, p.status, p.paid_at, p.reference`;

export async function adminPayouts(sql: Sql, period: PayoutPeriod): Promise<AdminPayouts> {
  const rows = await sql.query<EarningsRow>('select * from public.payout_earnings($1::date, $2::date)', [
    period.from,
    period.to,
  ]);
  const payouts = await sql.query<PayoutRow>(
    `select ${PAYOUT_COLUMNS}
     from public.payouts p join public.instructors i on i.id = p.instructor_id
     where p.period_start <= $2::date and p.period_end >= $1::date
     order by p.period_end desc, p.created_at desc, p.id
     limit 500`,
    [period.from, period.to],
  );
  const [setting] = await sql.query<{ bps: number }>(
    'select platform_share_bps as bps from public.payout_settings where id',
  );
  return {
    from: period.from,
    to: period.to,
    closed: period.closed,
    platformShareBps: setting?.bps ?? 3000,
    items: rows.map(earningsOf),
    payouts: payouts.map(payoutOf),
  };
}

export async function recordPayout(sql: Sql, input: RecordPayoutInput): Promise<Payout> {
  const [row] = await sql.query<{ r: { id: string } }>(
    'select public.admin_record_payout($1, $2::date, $3::date, $4, $5) as r',
    [input.instructorId, input.from, input.to, input.currency, input.reference],
  );
  const [p] = await sql.query<PayoutRow>(
    `select ${PAYOUT_COLUMNS} from public.payouts p join public.instructors i on i.id = p.instructor_id where p.id = $1`,
    [row!.r.id],
  );
  return payoutOf(p!);
}

export async function setRevenueShare(sql: Sql, input: RevenueShareInput): Promise<RevenueShare> {
  const [row] = await sql.query<{ r: RevenueShare }>('select public.admin_set_revenue_share($1, $2) as r', [
    input.instructorId,
    input.shareBps,
  ]);
  return row!.r;
}

/** The caller's own earnings per month (one statement over the months) and their payouts. */
export async function teachPayouts(sql: Sql, months: { start: string; end: string }[]): Promise<TeachPayouts> {
  const rows = await sql.query<EarningsRow & { start: string }>(
    `select m.start::text as start, e.*
     from unnest($1::date[], $2::date[]) as m(start, finish)
     cross join lateral public.payout_earnings(m.start, m.finish) e
     where e.instructor_id = (select private.my_instructor_id())`,
    [months.map((m) => m.start), months.map((m) => m.end)],
  );
  const payouts = await sql.query<PayoutRow>(
    `select ${PAYOUT_COLUMNS}
     from public.payouts p join public.instructors i on i.id = p.instructor_id
     where p.instructor_id = (select private.my_instructor_id())
     order by p.period_end desc, p.created_at desc, p.id
     limit 100`,
  );
  return {
    months: months.map((m) => ({
      start: m.start,
      end: m.end,
      items: rows
        .filter((r) => isoDay(r.start) === m.start)
        .map((r) => {
          const { instructorId: _id, instructorName: _name, ...rest } = earningsOf(r);
          return rest;
        }),
    })),
    payouts: payouts.map(payoutOf),
  };
}
