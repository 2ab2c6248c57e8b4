import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { sendNewsletter } from './newsletter.ts';
import type { Mail } from './port.ts';
import { type MailQueue, startMailQueue } from './queue.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';

/**
 * The blog's newsletter on the host: a post that is published (or whose scheduled time comes) is
 * mailed once to each confirmed subscriber, with a one-click unsubscribe link that works; drafts,
 * posts not due, the archive, pending and unsubscribed addresses get nothing.
 */

const SECRET = 'newsletter-secret-newsletter-secret-0000';
const SITE = 'https://learn.test';
const HOUR = 3_600_000;

let t: TestDatabase;
let queue: MailQueue;
const sent: Mail[] = [];
const deps = () => ({
  db: t.db,
  queue,
  ctx: { siteUrl: SITE, platformName: 'Learnwell' },
  secret: SECRET,
  log: () => {},
});

const owner = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  t.db.asOwner((sql) => sql.query<T>(text, params));

async function post(slug: string, status: 'draft' | 'published', publishedAt: Date | null) {
  await owner(
    `insert into public.blog_posts (slug, title, excerpt, body_md, status, published_at)
     values ($1, $2, 'Why <it> matters & how', 'Body.', $3, $4)`,
    [slug, `Post ${slug} <b>`, status, publishedAt?.toISOString() ?? null],
  );
}

async function deliver(at: Date): Promise<Mail[]> {
  const before = sent.length;
  await sendNewsletter(deps(), at);
  await queue.settle(5000);
  return sent.slice(before);
}

beforeAll(async () => {
  t = await freshPglite();
  await owner(
    `insert into public.newsletter_subscribers (email, sender_key, confirmed_at, unsubscribed_at) values
       ('ada@example.com', 'k', now(), null),
       ('bob@example.com', 'k', now(), null),
       ('pending@example.com', 'k', null, null),
       ('gone@example.com', 'k', now(), now())`,
  );
  queue = await startMailQueue({ db: t.db, transport: { send: async (m) => void sent.push(m) }, retryDelay: 1 });
}, 120_000);
afterAll(async () => {
  await queue?.stop();
  await t?.drop();
});

describe('the newsletter', () => {
  it('mails a new post once to each confirmed subscriber, with its link and an unsubscribe link', async () => {
    const now = new Date();
    await post('fresh', 'published', new Date(now.getTime() - HOUR));
    await post('archive', 'published', new Date(now.getTime() - 72 * HOUR));
    await post('draft', 'draft', null);
    await post('scheduled', 'published', new Date(now.getTime() + HOUR));

    const mails = await deliver(now);
    expect(mails.map((m) => m.to).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    const mail = mails.find((m) => m.to === 'ada@example.com')!;
    expect(mail.kind).toBe('newsletter_post');
    expect(mail.subject).toBe('Post fresh <b>');
    expect(mail.html).toContain('Post fresh &lt;b&gt;');
    expect(mail.html).toContain('Why &lt;it&gt; matters &amp; how');
    expect(mail.text).toContain(`${SITE}/blog/fresh`);
    const url = mail.headers?.['List-Unsubscribe']?.slice(1, -1);
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Unsubscribe: ${url}`);
    const [ada] = await owner<{ id: string }>(
      "select id from public.newsletter_subscribers where email = 'ada@example.com'",
    );
    expect(readUnsubscribeToken(SECRET, new URL(url!).searchParams.get('t'))).toEqual({
      userId: ada!.id,
      category: 'newsletter',
    });

    // Once: the next run has nothing; the scheduled post goes out when its time comes.
    expect(await deliver(now)).toEqual([]);
    const later = await deliver(new Date(now.getTime() + 2 * HOUR));
    expect(later.map((m) => m.subject)).toEqual(['Post scheduled <b>', 'Post scheduled <b>']);
  });

  it('stops mailing an address once its unsubscribe link is followed (one click)', async () => {
    const [bob] = await owner<{ id: string }>(
      "select id from public.newsletter_subscribers where email = 'bob@example.com'",
    );
    const mail = sent.find((m) => m.to === 'bob@example.com')!;
    const link = new URL(mail.headers!['List-Unsubscribe']!.slice(1, -1));
    expect(link.pathname).toBe('/api/mail/unsubscribe');
    const app = unsubscribeRoutes(t.db, SECRET);
    const page = await app.request(`${link.pathname}${link.search}`);
    expect(await page.text()).toContain('Stop getting new posts from the blog by email?');
    const res = await app.request(`${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [row] = await owner<{ gone: boolean }>(
      'select unsubscribed_at is not null as gone from public.newsletter_subscribers where id = $1',
      [bob!.id],
    );
    expect(row!.gone).toBe(true);

    const now = new Date();
    await post('after', 'published', new Date(now.getTime() - 60_000));
    expect((await deliver(now)).map((m) => m.to)).toEqual(['ada@example.com']);
  });

  it('gives the posts back when the mails cannot be queued, and sends them at the next run', async () => {
    const now = new Date();
    await post('retry', 'published', new Date(now.getTime() - 60_000));
    const broken: MailQueue = { ...queue, enqueue: () => Promise.reject(new Error('queue down')) };
    await expect(sendNewsletter({ ...deps(), queue: broken }, now)).rejects.toThrow('queue down');
    expect((await deliver(now)).map((m) => m.subject)).toEqual(['Post retry <b>']);
  });
});
