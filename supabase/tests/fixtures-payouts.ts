import type { HostDatabase } from '../../server/db/types.ts';
import { CARD, USER } from './fixtures.ts';

/**
 * The payouts part of the RLS matrix's fixtures (migration 20261129000500): a paid payout to
 * each instructor for January 2025 (USD; no sale then, so written as the owner, as a record of
 * money already sent), and the instructor's own platform share (20%) overriding the default 30%.
 */

const id = (n: number) => `00000000-0000-4000-8130-${n.toString().padStart(12, '0')}`;

export const PAYOUT = { instructor: id(1), otherInstructor: id(2) };

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedPayoutFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.instructor_revenue_shares (instructor_id, platform_share_bps) values (${q(CARD.instructor)}, 2000);
    insert into public.payouts (id, instructor_id, period_start, period_end, currency, gross, refunds,
                                platform_share_bps, platform_fee, amount, status, paid_at, reference, paid_by) values
      (${q(PAYOUT.instructor)}, ${q(CARD.instructor)}, '2025-01-01', '2025-01-31', 'USD', 10000, 0, 2000, 2000, 8000,
       'paid', '2025-02-03T10:00:00Z', 'TR-2025-01-A', ${q(USER.admin)}),
      (${q(PAYOUT.otherInstructor)}, ${q(CARD.otherInstructor)}, '2025-01-01', '2025-01-31', 'USD', 5000, 0, 3000, 1500,
       3500, 'paid', '2025-02-03T10:00:00Z', 'TR-2025-01-B', ${q(USER.admin)});
  `);
}
