import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { COMPANY, COUPON, COURSE, callerOf, LESSON, type Role, seedFixtures, TAX, USER } from './fixtures.ts';

/**
 * Every admin action lands in the audit log (supabase/migrations/20261129000600_admin_audit_coverage.sql),
 * on PGlite and PostgreSQL: an admin's change to coupons, tax rates, seats, ... writes one entry in
 * the same transaction with what changed; a change that changes nothing, one with no caller (the
 * seed) and a refused one write none.
 */

type Row = Record<string, unknown>;
type Entry = { actor_id: string | null; action: string; target_type: string; target_id: string | null; details: Row };

describe.each(engines())('admin audit coverage on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Row>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const entries = (action: string) =>
    owner<Entry>(
      'select actor_id, action, target_type, target_id, details from public.admin_audit_log where action = $1 order by created_at, id',
      [action],
    );

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(() => t?.drop());

  it("records an admin's change with the fields that changed, and a change of nothing not at all", async () => {
    await as('admin', 'update public.coupons set active = false where id = $1', [COUPON.welcome]);
    await as('admin', 'update public.coupons set active = false where id = $1', [COUPON.welcome]);
    const logged = await entries('coupon.update');
    expect(logged).toEqual([
      {
        actor_id: USER.admin,
        action: 'coupon.update',
        target_type: 'coupon',
        target_id: COUPON.welcome,
        details: { active: false },
      },
    ]);
  });

  it('records creating and deleting a tax rate with the row', async () => {
    const [made] = await as<{ id: string }>(
      'admin',
      `insert into public.tax_rates (country, kind, label, rate_bps) values ('NL', 'vat', 'Dutch VAT', 2100) returning id`,
    );
    await as('admin', 'delete from public.tax_rates where id = $1', [made!.id]);
    const [created] = await entries('tax_rate.create');
    expect(created).toMatchObject({ actor_id: USER.admin, target_id: made!.id, details: { label: 'Dutch VAT' } });
    const [deleted] = await entries('tax_rate.delete');
    expect(deleted).toMatchObject({ actor_id: USER.admin, target_id: made!.id, details: { country: 'NL' } });
  });

  it('records seats added to a company against the company', async () => {
    await as('admin', 'select public.admin_add_company_seats($1, $2, 3, $3)', [COMPANY.acme, COURSE.paid, 'Q4 top-up']);
    const [seats] = await entries('company_seats.create');
    expect(seats).toMatchObject({
      actor_id: USER.admin,
      target_type: 'company',
      target_id: COMPANY.acme,
      details: { seats: 3, note: 'Q4 top-up' },
    });
  });

  it('writes nothing for changes with no caller or refused ones', async () => {
    const before = (await owner<{ n: number }>('select count(*)::int as n from public.admin_audit_log'))[0]!.n;
    await owner('update public.tax_rates set label = $2 where id = $1', [TAX.de, 'German VAT (seed)']);
    const refused = await as('student', 'update public.coupons set active = true where id = $1 returning id', [
      COUPON.fixed,
    ]).catch(() => []);
    expect(refused).toEqual([]);
    const after = (await owner<{ n: number }>('select count(*)::int as n from public.admin_audit_log'))[0]!.n;
    expect(after).toBe(before);
  });

  it("records an admin's edit of someone's course and lesson, not the counters kept on them", async () => {
    await as('admin', 'update public.courses set title = $2 where id = $1', [
      COURSE.free,
      'Free course (edited by an admin)',
    ]);
    await as('admin', 'update public.lessons set title = $2 where id = $1', [LESSON.freeOpen, 'Open lesson, renamed']);
    await as('instructor', 'update public.lessons set title = $2 where id = $1', [
      LESSON.freePreview,
      'By its instructor',
    ]);
    await owner('update public.courses set rating_count = rating_count where id = $1', [COURSE.free]);
    expect(await entries('course.update')).toEqual([
      {
        actor_id: USER.admin,
        action: 'course.update',
        target_type: 'course',
        target_id: COURSE.free,
        details: { title: 'Free course (edited by an admin)' },
      },
    ]);
    expect(await entries('lesson.update')).toMatchObject([
      { actor_id: USER.admin, target_id: COURSE.free, details: { title: 'Open lesson, renamed' } },
    ]);
  });

  it('records a deleted course once, not each of its lessons and sections', async () => {
    await as('admin', 'delete from public.courses where id = $1', [COURSE.otherDraft]);
    expect(await entries('course.delete')).toMatchObject([{ actor_id: USER.admin, target_id: COURSE.otherDraft }]);
    expect(await entries('lesson.delete')).toEqual([]);
    expect(await entries('course_section.delete')).toEqual([]);
  });
});
