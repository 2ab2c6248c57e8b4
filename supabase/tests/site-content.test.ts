import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { LEGAL_SLUG } from './fixtures-site.ts';

/**
 * Site content (supabase/migrations/20261128000400, docs/site-content.md) on PGlite and
 * PostgreSQL: who changed a record and when, the audit entry of each admin change (none for the
 * seed), and the checks that hold whatever writes. The RLS matrix (matrix.ts) covers each table
 * per role and verb.
 */

// biome-ignore lint/suspicious/noExplicitAny: rows read loosely in assertions
type Json = Record<string, any>;

describe.each(engines())('site content on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Json>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Json>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const audit = (action: string) =>
    owner<{ actor_id: string; target_type: string; details: Json }>(
      'select actor_id, target_type, details from public.admin_audit_log where action = $1 order by created_at, id',
      [action],
    );

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('leaves the seed (no caller) out of the audit log and keeps its author empty', async () => {
    expect(await audit('site.home_update')).toEqual([]);
    expect(await audit('site.legal_update')).toEqual([]);
    const [home] = await owner('select updated_by from public.site_home');
    expect(home!.updated_by).toBeNull();
  });

  it("stamps an admin's homepage change with its author and audits it", async () => {
    const before = (await owner<{ updated_at: Date }>('select updated_at from public.site_home'))[0]!.updated_at;
    const rows = await as('admin', "update public.site_home set hero_title = 'Learn faster' returning updated_by");
    expect(rows).toEqual([{ updated_by: USER.admin }]);
    const [home] = await owner<{ updated_at: Date }>('select updated_at from public.site_home');
    expect(new Date(home!.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
    const entries = await audit('site.home_update');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: USER.admin, target_type: 'site_home' });
    expect(entries[0]!.details).toMatchObject({ hero_title: 'Learn faster', featured_courses: 1, testimonials: 1 });
  });

  it("audits an admin's legal page creation and edit, naming the page", async () => {
    await as('admin', "insert into public.legal_pages (slug, title, body) values ($1, 'Privacy', 'Little.')", [
      LEGAL_SLUG.missing,
    ]);
    await as('admin', "update public.legal_pages set body = 'Be kind.' where slug = $1", [LEGAL_SLUG.published]);
    const entries = await audit('site.legal_update');
    expect(entries.map((e) => [e.actor_id, e.target_type, e.details.slug])).toEqual([
      [USER.admin, 'legal_page', LEGAL_SLUG.missing],
      [USER.admin, 'legal_page', LEGAL_SLUG.published],
    ]);
    const [page] = await owner('select updated_by from public.legal_pages where slug = $1', [LEGAL_SLUG.published]);
    expect(page!.updated_by).toBe(USER.admin);
  });

  it('keeps one homepage record, safe links and the known legal slugs, whoever writes', async () => {
    const code = async (text: string) => {
      try {
        await owner(text);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'ok';
    };
    expect(
      await code(
        "insert into public.site_home (hero_title, hero_text, cta_label, cta_href) values ('a', 'b', 'c', '/')",
      ),
    ).toBe('23505');
    expect(await code("update public.site_home set cta_href = 'javascript:alert(1)'")).toBe('23514');
    expect(await code("update public.site_home set cta_href = '//evil.example'")).toBe('23514');
    expect(await code("update public.site_home set testimonials = '{}'::jsonb")).toBe('23514');
    expect(await code("insert into public.legal_pages (slug, title, body) values ('cookies', 'C', 'B')")).toBe('23514');
    expect(await code("update public.site_home set cta_href = 'https://example.com/x'")).toBe('ok');
  });
});
