import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import type { Mail } from './port.ts';
import { type MailQueue, startMailQueue } from './queue.ts';
import { collectDigests, drainMailRequests, type RequestDeps } from './requests.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

/**
 * Notification mail end to end on the host: a notification row → private.mail_requests (the
 * preferences trigger) → drained into the queue → rendered mail with its unsubscribe link and
 * headers → the one-click unsubscribe turns that category's email off.
 */

const SECRET = 'unsubscribe-secret-unsubscribe-secret-000';
const ADA = '00000000-0000-4000-8000-0000000a11ce';
const BOB = '00000000-0000-4000-8000-000000000b0b';
const SITE = 'https://learn.test';

let t: TestDatabase;
let queue: MailQueue;
let deps: RequestDeps;
const sent: Mail[] = [];

beforeAll(async () => {
  t = await freshPglite();
  await t.db.runScript(`
    insert into auth.users (id, email, raw_user_meta_data) values
      ('${ADA}', 'ada@example.com', '{"first_name":"Ada","last_name":"L"}'),
      ('${BOB}', 'bob@example.com', '{"first_name":"Bob","last_name":"B"}');
  `);
  queue = await startMailQueue({ db: t.db, transport: { send: async (m) => void sent.push(m) }, retryDelay: 1 });
  deps = { db: t.db, queue, ctx: { siteUrl: SITE, platformName: 'Learnwell' }, secret: SECRET, log: () => {} };
}, 120_000);
afterAll(async () => {
  await queue?.stop();
  await t?.drop();
});

const notify = (user: string, kind: string, title: string, body = '', link: string | null = '/learn') =>
  t.db.asOwner((sql) =>
    sql.query('insert into public.notifications (user_id, kind, title, body, link) values ($1, $2, $3, $4, $5)', [
      user,
      kind,
      title,
      body,
      link,
    ]),
  );

const app = () => unsubscribeRoutes(t.db, SECRET);

describe('notification mail', () => {
  it('drains a mail request into a rendered, queued mail with an unsubscribe link', async () => {
    await notify(ADA, 'grade_posted', 'Essay <1> graded', 'Score: 9/10 & "well done"', '/learn/essay');
    expect(await drainMailRequests(deps)).toBe(1);
    await queue.settle(5000);
    const mail = sent.find((m) => m.to === 'ada@example.com');
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Grade posted: Essay <1> graded');
    expect(mail!.kind).toBe('notification:grade_posted');
    expect(mail!.html).toContain('Essay &lt;1&gt; graded');
    expect(mail!.text).toContain(`${SITE}/learn/essay`);
    const url = mail!.headers?.['List-Unsubscribe']?.slice(1, -1);
    expect(url).toMatch(new RegExp(`^${SITE}/api/mail/unsubscribe\\?t=`));
    expect(mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.text).toContain(`Unsubscribe: ${url}`);
    expect(readUnsubscribeToken(SECRET, new URL(url!).searchParams.get('t'))).toEqual({
      userId: ADA,
      category: 'grades',
    });
    // Claimed once: a second drain finds nothing.
    expect(await drainMailRequests(deps)).toBe(0);
  });

  it('shows a confirm page on GET and unsubscribes on a one-click POST', async () => {
    const token = unsubscribeToken(SECRET, ADA, 'grades');
    const page = await app().request(`/api/mail/unsubscribe?t=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop getting grade notifications by email?');
    expect(html).toContain('<button type="submit">Unsubscribe</button>');
    // GET changed nothing.
    await notify(ADA, 'grade_posted', 'Quiz graded');
    expect(await drainMailRequests(deps)).toBe(1);

    const res = await app().request(`/api/mail/unsubscribe?t=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    const [pref] = await t.db.asOwner((sql) =>
      sql.query<{ email: boolean; in_app: boolean }>(
        "select email, in_app from public.notification_preferences where user_id = $1 and category = 'grades'",
        [ADA],
      ),
    );
    expect(pref).toEqual({ email: false, in_app: true });
    await notify(ADA, 'grade_posted', 'Another grade');
    expect(await drainMailRequests(deps)).toBe(0);
  });

  it('refuses a forged or altered token with a 400 page', async () => {
    const forged = unsubscribeToken('another-secret-another-secret-another', BOB, 'all');
    const altered = unsubscribeToken(SECRET, ADA, 'grades').replace('grades', 'live');
    for (const t of [forged, altered, 'nonsense', '']) {
      expect((await app().request(`/api/mail/unsubscribe?t=${encodeURIComponent(t)}`)).status).toBe(400);
      expect((await app().request(`/api/mail/unsubscribe?t=${encodeURIComponent(t)}`, { method: 'POST' })).status).toBe(
        400,
      );
    }
  });

  it('collects a due digest and mails it with a digest unsubscribe link', async () => {
    await t.db.asOwner((sql) =>
      sql.query("insert into public.notification_settings (user_id, digest) values ($1, 'daily')", [BOB]),
    );
    await notify(BOB, 'announcement', 'New <module> out', 'Read it');
    await drainMailRequests(deps); // the announcement itself (email off by default for announcements: none)
    expect(await collectDigests(t.db, new Date(Date.now() + 1000))).toBe(1);
    expect(await drainMailRequests(deps)).toBe(1);
    await queue.settle(5000);
    const digest = sent.find((m) => m.to === 'bob@example.com' && m.kind === 'digest');
    expect(digest?.subject).toBe('Your daily digest: 1 unread notification');
    expect(digest?.html).toContain('New &lt;module&gt; out');
    const url = digest!.headers!['List-Unsubscribe']!.slice(1, -1);
    expect(readUnsubscribeToken(SECRET, new URL(url).searchParams.get('t'))).toEqual({
      userId: BOB,
      category: 'digest',
    });
  });
});
