import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { callerOf, type Role, seedFixtures, USER } from './fixtures.ts';
import { FAQ_ARTICLE, FAQ_BROWSER_KEY } from './fixtures-faq.ts';

/**
 * The FAQ center's functions (supabase/migrations/20261128000200, docs/faq-center.md) on PGlite
 * and PostgreSQL: votes (one per user or browser key, upserted; drafts are 404), and contact
 * messages (service_role only, validated, 5 an hour per address key and per user, answering the
 * admins' addresses). The RLS matrix (matrix.ts) covers each table per role and verb.
 */

type Failure = { code?: string; hint?: string; message: string };
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, read loosely in assertions
type Json = Record<string, any>;

describe.each(engines())('FAQ center functions on %s', (engine) => {
  let t: TestDatabase;
  const owner = <T = Json>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const as = <T = Json>(role: Role, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerOf(role), (sql: Sql) => sql.query<T>(text, params));
  const service = <T = Json>(text: string, params: unknown[] = []) =>
    t.db.asService((sql) => sql.query<T>(text, params));
  async function hint(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (error) {
      const f = error as Failure;
      return f.hint || f.code || f.message;
    }
    throw new Error('expected a failure');
  }
  const vote = (role: Role, article: string, helpful: boolean | null, key: string | null = null) =>
    as<{ r: Json }>(role, 'select public.give_faq_feedback($1, $2, $3) as r', [article, helpful, key]);
  const votes = (article = FAQ_ARTICLE.published) =>
    owner<{ user_id: string | null; browser_key: string | null; helpful: boolean }>(
      'select user_id, browser_key, helpful from public.faq_feedback where article_id = $1 order by user_id, browser_key',
      [article],
    );
  const submit = (sender: string | null, key: string, fields: Partial<Record<string, string>> = {}) =>
    service<{ r: Json }>('select private.submit_contact_message($1, $2, $3, $4, $5, $6) as r', [
      sender,
      key,
      fields.name ?? 'Sam Sender',
      fields.email ?? 'sam@example.test',
      fields.topic ?? 'courses',
      fields.message ?? 'Is there a course on SQL?',
    ]);

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  describe('give_faq_feedback', () => {
    it('keeps one vote per signed-in user, the last one counting', async () => {
      const [first] = await vote('otherStudent', FAQ_ARTICLE.published, false);
      expect(first!.r).toEqual({ articleId: FAQ_ARTICLE.published, helpful: false });
      await vote('otherStudent', FAQ_ARTICLE.published, true, 'ignored-browser-key-0001');
      const mine = (await votes()).filter((v) => v.user_id === USER.otherStudent);
      expect(mine).toEqual([{ user_id: USER.otherStudent, browser_key: null, helpful: true }]);
    });

    it('keeps one vote per anonymous browser key', async () => {
      await vote('anon', FAQ_ARTICLE.published, true, FAQ_BROWSER_KEY);
      await vote('anon', FAQ_ARTICLE.published, true, 'another-browser-key-01');
      const anonymous = (await votes()).filter((v) => v.browser_key);
      expect(anonymous).toEqual([
        { user_id: null, browser_key: 'another-browser-key-01', helpful: true },
        { user_id: null, browser_key: FAQ_BROWSER_KEY, helpful: true },
      ]);
    });

    it('refuses drafts, missing articles, a missing answer and a bad or missing browser key', async () => {
      expect(await hint(() => vote('student', FAQ_ARTICLE.draft, true))).toBe('404:article_not_found');
      expect(await hint(() => vote('admin', FAQ_ARTICLE.draft, true))).toBe('404:article_not_found');
      expect(await hint(() => vote('student', FAQ_ARTICLE.published, null))).toBe('422:invalid_feedback');
      expect(await hint(() => vote('anon', FAQ_ARTICLE.published, true))).toBe('422:invalid_browser_key');
      expect(await hint(() => vote('anon', FAQ_ARTICLE.published, true, 'short'))).toBe('422:invalid_browser_key');
      expect(await hint(() => vote('anon', FAQ_ARTICLE.published, true, "x'; drop table--xxxxxxx"))).toBe(
        '422:invalid_browser_key',
      );
    });

    it('lets a voter read their own vote only; admins read all', async () => {
      const n = async (role: Role) =>
        (await as<{ n: number }>(role, 'select count(*)::int as n from public.faq_feedback'))[0]!.n;
      expect(await n('student')).toBe(1);
      expect(await n('employee')).toBe(0);
      expect(await n('admin')).toBeGreaterThanOrEqual(4);
    });
  });

  describe('submit_contact_message', () => {
    it('is for service_role only: no request role may call it', async () => {
      for (const role of ['anon', 'student', 'admin'] as const) {
        expect(
          await hint(() =>
            as(role, `select private.submit_contact_message(null, 'k', 'A', 'a@b.test', 'other', 'Hello there!')`),
          ),
        ).toBe('42501');
      }
    });

    it("stores a trimmed message and answers the admins' addresses", async () => {
      const [row] = await submit(USER.student, 'key-store', {
        name: '  Sam  ',
        email: ' Sam@Example.TEST ',
        message: '  Is there a course on SQL?  ',
      });
      expect(row!.r.recipients).toEqual(['admin@example.test']);
      const [m] = await owner('select * from public.contact_messages where id = $1', [row!.r.id]);
      expect(m).toMatchObject({
        name: 'Sam',
        email: 'sam@example.test',
        topic: 'courses',
        message: 'Is there a course on SQL?',
        user_id: USER.student,
        sender_key: 'key-store',
        handled_at: null,
      });
    });

    it('validates every field', async () => {
      expect(await hint(() => submit(null, 'key-v', { name: ' ' }))).toBe('422:invalid_name');
      expect(await hint(() => submit(null, 'key-v', { email: 'nobody' }))).toBe('422:invalid_email');
      expect(await hint(() => submit(null, 'key-v', { topic: 'weather' }))).toBe('422:invalid_topic');
      expect(await hint(() => submit(null, 'key-v', { message: 'too short' }))).toBe('422:invalid_message');
      expect(await hint(() => submit(null, ''))).toBe('400:invalid_sender');
    });

    it('takes 5 an hour per address key, and per signed-in sender across keys', async () => {
      for (let i = 0; i < 5; i++) await submit(null, 'key-busy');
      expect(await hint(() => submit(null, 'key-busy'))).toBe('429:rate_limited');
      await submit(null, 'key-quiet');
      for (let i = 0; i < 5; i++) await submit(USER.employee, `key-employee-${i}`);
      expect(await hint(() => submit(USER.employee, 'key-employee-new'))).toBe('429:rate_limited');
      // An hour later the sender may write again.
      await owner(
        `update public.contact_messages set created_at = now() - interval '61 minutes' where sender_key = 'key-busy'`,
      );
      await submit(null, 'key-busy');
    });

    it('lets admins mark a message handled, and nobody else', async () => {
      const [row] = await submit(null, 'key-handled');
      const mark = (role: Role) =>
        as(role, 'update public.contact_messages set handled_at = now() where id = $1 returning id', [row!.r.id]);
      expect(await mark('student')).toEqual([]);
      expect(await mark('instructor')).toEqual([]);
      expect(await mark('admin')).toHaveLength(1);
      expect(
        await hint(() =>
          as('admin', `update public.contact_messages set message = 'edited' where id = $1`, [row!.r.id]),
        ),
      ).toBe('42501');
    });
  });
});
