import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import { commerceConfig } from '../commerce/checkout/config.ts';
import {
  adminContactMessageList,
  adminFaqArticle,
  adminFaqArticleList,
  faqCenter,
  faqSearchResults,
} from '../contract/faq-center.ts';
import { apiErrorBody } from '../contract/index.ts';
import type { Mail, Mailer } from '../mail/port.ts';

/**
 * The FAQ center over HTTP (Node and Deno, PGlite and PostgreSQL): the public FAQ and its search,
 * votes, the contact form (honeypot, rate limit, mail to the admins) and the admins' editor and
 * inbox. Bad input is a 4xx JSON error, never a 500.
 */

const SITE = 'http://localhost:8787';
const THEME = { payments: '60000000-0000-4000-8000-000000000001', courses: '60000000-0000-4000-8000-000000000002' };
const ARTICLE = {
  refunds: '61000000-0000-4000-8000-000000000001',
  invoices: '61000000-0000-4000-8000-000000000002',
  draft: '61000000-0000-4000-8000-000000000003',
  progress: '61000000-0000-4000-8000-000000000004',
};
const MISSING = '61000000-0000-4000-8000-0000000000ff';
const FIXTURE = `
insert into public.faq_themes (id, slug, title, position) values
  ('${THEME.payments}', 'payments', 'Payments', 1), ('${THEME.courses}', 'courses', 'Courses', 2);
insert into public.faq_articles (id, theme_id, question, answer, position, published) values
  ('${ARTICLE.refunds}', '${THEME.payments}', 'How do refunds work?', 'Ask for a refund within 30 days of payment.', 1, true),
  ('${ARTICLE.invoices}', '${THEME.payments}', 'Where is my invoice?', 'Every paid order has an invoice; refunds get a credit note.', 2, true),
  ('${ARTICLE.draft}', '${THEME.payments}', 'Do you take cheques?', 'Refunds by cheque, never.', 3, false),
  ('${ARTICLE.progress}', '${THEME.courses}', 'How do I track progress?', 'Mark lessons complete in the player.', 1, true);
`;
const KEY = 'browser-key-abcdef0123';
const contact = {
  name: 'Vic Visitor',
  email: 'vic@example.test',
  topic: 'payments',
  message: 'Can I pay by bank transfer?',
  website: '',
};

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`FAQ center API on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let app: ReturnType<typeof createApp>;
    const sent: Mail[] = [];
    let failing = false;
    const mailer: Mailer = {
      async send(mail) {
        if (failing) throw new Error('smtp down');
        sent.push(mail);
      },
    };

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
      app = createApp({
        db: h.db,
        verifier: hs256Verifier(TEST_SECRET),
        publicConfig: () => ({ mode: 'embedded', supabaseUrl: SITE, supabaseAnonKey: 'anon', devOutbox: false }),
        payments: testPayments(),
        commerce: commerceConfig({}, SITE),
        mailer,
      });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function call(
      method: string,
      path: string,
      who: string | null,
      body?: unknown,
      extra: Record<string, string> = {},
    ) {
      const headers: Record<string, string> = { ...(who ? await h.as(who) : {}), ...extra };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(`/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
    }
    const expectError = (r: { status: number; body: unknown }, status: number, code?: string) => {
      expect(r.status).toBe(status);
      const body = apiErrorBody.parse(r.body);
      if (code) expect(body.error.code).toBe(code);
    };

    it('lists the themes with their published articles, in order, to anyone', async () => {
      const r = await call('GET', '/faq', null);
      expect(r.status).toBe(200);
      const center = faqCenter.parse(r.body);
      expect(center.themes.map((x) => x.slug)).toEqual(['payments', 'courses']);
      expect(center.themes[0]!.articles.map((a) => a.id)).toEqual([ARTICLE.refunds, ARTICLE.invoices]);
      expect((await call('GET', '/faq', ids.admin)).body.themes[0].articles).toHaveLength(2);
    });

    it('searches published questions and answers by word prefix, best first', async () => {
      const r = await call('GET', '/faq/search?q=refu', null);
      expect(r.status).toBe(200);
      const found = faqSearchResults.parse(r.body);
      // The question match ranks above the answer match; the draft is never found.
      expect(found.results.map((a) => a.id)).toEqual([ARTICLE.refunds, ARTICLE.invoices]);
      expect(found.results[0]!.theme).toEqual({ slug: 'payments', title: 'Payments' });
      expect((await call('GET', '/faq/search?q=cheques', null)).body.results).toEqual([]);
      expect((await call('GET', '/faq/search?q=track%20lessons', null)).body.results[0].id).toBe(ARTICLE.progress);
      // Syntax is text: tsquery operators and LIKE wildcards find nothing and break nothing.
      for (const q of ['%', "!&|:*()'", 'the', '_']) {
        const res = await call('GET', `/faq/search?q=${encodeURIComponent(q)}`, null);
        expect(res.status, q).toBe(200);
      }
    });

    it('refuses a bad search with 400 JSON', async () => {
      expectError(await call('GET', '/faq/search', null), 400);
      expectError(await call('GET', '/faq/search?q=%20', null), 400);
      expectError(await call('GET', `/faq/search?q=${'a'.repeat(101)}`, null), 400);
      expectError(await call('GET', '/faq/search?q=a&x=1', null), 400);
      expectError(await call('GET', '/faq/search?q=a%00b', null), 400);
    });

    it('records one vote per browser or user, the last one counting', async () => {
      const vote = (who: string | null, helpful: boolean, browserKey?: string) =>
        call('POST', `/faq/articles/${ARTICLE.refunds}/feedback`, who, { helpful, browserKey });
      expect((await vote(null, true, KEY)).body).toEqual({ articleId: ARTICLE.refunds, helpful: true });
      expect((await vote(null, false, KEY)).status).toBe(200);
      expect((await vote(ids.student, true)).status).toBe(200);
      expect((await vote(ids.student, true, 'ignored-when-signed-in')).status).toBe(200);
      const list = adminFaqArticleList.parse((await call('GET', '/admin/faq/articles', ids.admin)).body);
      expect(list.items.find((a) => a.id === ARTICLE.refunds)).toMatchObject({ helpful: 1, notHelpful: 1 });
    });

    it('refuses bad votes with 4xx JSON', async () => {
      const path = `/faq/articles/${ARTICLE.refunds}/feedback`;
      expectError(await call('POST', path, null, { helpful: true }), 400);
      expectError(await call('POST', path, null, { helpful: true, browserKey: 'short' }), 400);
      expectError(await call('POST', path, null, { helpful: 'yes', browserKey: KEY }), 400);
      expectError(await call('POST', path, null, { helpful: true, browserKey: KEY, extra: 1 }), 400);
      expectError(await call('POST', path, null, '{nope'), 400);
      expectError(await call('POST', '/faq/articles/nope/feedback', null, { helpful: true, browserKey: KEY }), 400);
      expectError(
        await call('POST', `/faq/articles/${ARTICLE.draft}/feedback`, ids.student, { helpful: true }),
        404,
        'article_not_found',
      );
      expectError(await call('POST', `/faq/articles/${MISSING}/feedback`, ids.student, { helpful: true }), 404);
    });

    it('stores a contact message, mails every admin, and answers 202', async () => {
      sent.length = 0;
      const r = await call('POST', '/contact', null, contact, { 'x-real-ip': '203.0.113.1' });
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ accepted: true });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ to: 'admin@test.local', kind: 'contact_message' });
      expect(sent[0]!.subject).toBe('Contact form (payments): Vic Visitor');
      expect(sent[0]!.text).toContain('Can I pay by bank transfer?');
      expect(sent[0]!.text).toContain(`${SITE}/admin/faq#messages`);
      const inbox = adminContactMessageList.parse((await call('GET', '/admin/contact-messages', ids.admin)).body);
      expect(inbox.items[0]).toMatchObject({ name: 'Vic Visitor', email: 'vic@example.test', handledAt: null });
    });

    it('escapes the sender text in the HTML mail and keeps the subject on one line', async () => {
      sent.length = 0;
      const body = { ...contact, name: 'Eve\r\nBcc: x@y.z <b>', message: '<script>alert(1)</script> hello' };
      expect((await call('POST', '/contact', null, body, { 'x-real-ip': '203.0.113.2' })).status).toBe(202);
      expect(sent[0]!.subject).toBe('Contact form (payments): Eve Bcc: x@y.z <b>');
      expect(sent[0]!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(sent[0]!.html).not.toContain('<script>');
    });

    it('keeps the message when the mail fails', async () => {
      failing = true;
      try {
        const r = await call(
          'POST',
          '/contact',
          null,
          { ...contact, message: 'Mail is down, is it?' },
          {
            'x-real-ip': '203.0.113.3',
          },
        );
        expect(r.status).toBe(202);
      } finally {
        failing = false;
      }
      const [row] = await h.db.asOwner((sql) =>
        sql.query<{ n: number }>(
          `select count(*)::int as n from public.contact_messages where message like 'Mail is down%'`,
        ),
      );
      expect(row!.n).toBe(1);
    });

    it('accepts a filled honeypot with 202 and keeps nothing', async () => {
      sent.length = 0;
      const before = await h.db.asOwner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from public.contact_messages'),
      );
      const r = await call(
        'POST',
        '/contact',
        null,
        { ...contact, website: 'http://spam.example' },
        {
          'x-real-ip': '203.0.113.4',
        },
      );
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ accepted: true });
      const after = await h.db.asOwner((sql) =>
        sql.query<{ n: number }>('select count(*)::int as n from public.contact_messages'),
      );
      expect(after[0]!.n).toBe(before[0]!.n);
      expect(sent).toHaveLength(0);
    });

    it('limits a network address, and a signed-in user, to 5 messages an hour: 429', async () => {
      const ip = { 'x-real-ip': '198.51.100.7' };
      for (let i = 0; i < 5; i++) expect((await call('POST', '/contact', null, contact, ip)).status).toBe(202);
      expectError(await call('POST', '/contact', null, contact, ip), 429, 'rate_limited');
      // Another address is not held back by that one.
      expect((await call('POST', '/contact', null, contact, { 'x-real-ip': '198.51.100.8' })).status).toBe(202);
      // A signed-in user is limited across addresses.
      for (let i = 0; i < 5; i++) {
        expect((await call('POST', '/contact', ids.other, contact, { 'x-real-ip': `192.0.2.${i}` })).status).toBe(202);
      }
      expectError(await call('POST', '/contact', ids.other, contact, { 'x-real-ip': '192.0.2.99' }), 429);
    });

    it('refuses a bad contact message with 4xx JSON', async () => {
      const ip = { 'x-real-ip': '198.51.100.50' };
      for (const bad of [
        { ...contact, email: 'not-an-email' },
        { ...contact, name: '  ' },
        { ...contact, topic: 'weather' },
        { ...contact, message: 'short' },
        { ...contact, message: 'x'.repeat(5001) },
        { ...contact, extra: true },
        { name: 'No rest' },
        [],
      ]) {
        expectError(await call('POST', '/contact', null, bad, ip), 400);
      }
      expectError(await call('POST', '/contact', null, '{', ip), 400);
      const res = await app.request('/api/contact', { method: 'POST', body: JSON.stringify(contact) });
      expect(res.status).toBe(415);
    });

    it('lets only admins into the editor and the inbox', async () => {
      for (const [method, path, body] of [
        ['GET', '/admin/faq/articles', undefined],
        ['POST', '/admin/faq/articles', { themeId: THEME.courses, question: 'Q?', answer: 'A.' }],
        ['PATCH', `/admin/faq/articles/${ARTICLE.refunds}`, { published: false }],
        ['DELETE', `/admin/faq/articles/${ARTICLE.refunds}`, undefined],
        ['POST', '/admin/faq/articles/reorder', { themeId: THEME.payments, ids: [ARTICLE.refunds] }],
        ['GET', '/admin/contact-messages', undefined],
        ['POST', `/admin/contact-messages/${MISSING}/handled`, undefined],
      ] as const) {
        expectError(await call(method, path, null, body), 401);
        expectError(await call(method, path, ids.student, body), 403);
        expectError(await call(method, path, ids.teacher, body), 403);
      }
    });

    it('creates, edits, publishes, reorders and deletes articles as an admin', async () => {
      const created = await call('POST', '/admin/faq/articles', ids.admin, {
        themeId: THEME.courses,
        question: 'Can I download videos?',
        answer: 'Not yet: lessons **stream**.',
      });
      expect(created.status).toBe(201);
      const item = adminFaqArticle.parse(created.body.item);
      expect(item).toMatchObject({ published: false, position: 2, helpful: 0, notHelpful: 0 });
      expect((await call('GET', '/faq', null)).body.themes[1].articles).toHaveLength(1);

      const published = await call('PATCH', `/admin/faq/articles/${item.id}`, ids.admin, { published: true });
      expect(published.body.item.published).toBe(true);
      expect((await call('GET', '/faq', null)).body.themes[1].articles).toHaveLength(2);

      const reordered = await call('POST', '/admin/faq/articles/reorder', ids.admin, {
        themeId: THEME.courses,
        ids: [item.id, ARTICLE.progress],
      });
      expect(reordered.status).toBe(200);
      const courses = (await call('GET', '/faq', null)).body.themes[1].articles.map((a: { id: string }) => a.id);
      expect(courses).toEqual([item.id, ARTICLE.progress]);

      // Moved to another theme: last there.
      const moved = await call('PATCH', `/admin/faq/articles/${item.id}`, ids.admin, { themeId: THEME.payments });
      expect(moved.body.item).toMatchObject({ themeId: THEME.payments, position: 4 });

      expect((await call('DELETE', `/admin/faq/articles/${item.id}`, ids.admin)).status).toBe(204);
      expectError(await call('DELETE', `/admin/faq/articles/${item.id}`, ids.admin), 404);
    });

    it('refuses bad editor input with 4xx JSON', async () => {
      const post = (body: unknown) => call('POST', '/admin/faq/articles', ids.admin, body);
      expectError(await post({ themeId: THEME.courses, question: '', answer: 'A.' }), 400);
      expectError(await post({ themeId: THEME.courses, question: 'Q', answer: 'x'.repeat(10_001) }), 400);
      expectError(await post({ themeId: 'nope', question: 'Q', answer: 'A' }), 400);
      expectError(await post({ themeId: MISSING, question: 'Q', answer: 'A' }), 422, 'unknown_theme');
      expectError(await call('PATCH', `/admin/faq/articles/${ARTICLE.refunds}`, ids.admin, {}), 400);
      expectError(await call('PATCH', `/admin/faq/articles/${MISSING}`, ids.admin, { published: true }), 404);
      expectError(await call('PATCH', '/admin/faq/articles/nope', ids.admin, { published: true }), 400);
      expectError(
        await call('POST', '/admin/faq/articles/reorder', ids.admin, {
          themeId: THEME.payments,
          ids: [ARTICLE.refunds],
        }),
        422,
        'invalid_order',
      );
    });

    it('pages the inbox, filters it and marks messages handled', async () => {
      const all = adminContactMessageList.parse(
        (await call('GET', '/admin/contact-messages?status=all&pageSize=2', ids.admin)).body,
      );
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(5);
      const page2 = (await call('GET', '/admin/contact-messages?status=all&pageSize=2&page=2', ids.admin)).body;
      expect(page2.items[0].id).not.toBe(all.items[0]!.id);
      const target = all.items[0]!;
      const handled = await call('POST', `/admin/contact-messages/${target.id}/handled`, ids.admin);
      expect(handled.status).toBe(200);
      expect(handled.body.item.handledAt).toMatch(/Z$/);
      const open = (await call('GET', '/admin/contact-messages?status=open&pageSize=100', ids.admin)).body;
      expect(open.items.map((m: { id: string }) => m.id)).not.toContain(target.id);
      const done = (await call('GET', '/admin/contact-messages?status=handled', ids.admin)).body;
      expect(done.items.map((m: { id: string }) => m.id)).toEqual([target.id]);
      const far = (await call('GET', '/admin/contact-messages?page=900', ids.admin)).body;
      expect(far.items).toEqual([]);
      expect(far.total).toBeGreaterThan(0);
      expectError(await call('GET', '/admin/contact-messages?status=lost', ids.admin), 400);
      expectError(await call('GET', '/admin/contact-messages?pageSize=1000', ids.admin), 400);
      expectError(await call('POST', `/admin/contact-messages/${MISSING}/handled`, ids.admin), 404);
      expectError(await call('POST', '/admin/contact-messages/nope/handled', ids.admin), 400);
    });
  });
}
