import { renderMail } from '../../edge/mail/templates/index.ts';
import type { Mail } from './port.ts';
import type { RequestDeps } from './requests.ts';
import { unsubscribeLink } from './unsubscribe-token.ts';

/**
 * The blog's newsletter: each post is mailed once to the confirmed subscribers when it is
 * published or its scheduled time comes (private.claim_newsletter_posts: posts of the last 2 days
 * not mailed yet), every mail with its one-click unsubscribe link. A pg-boss schedule runs it every
 * five minutes; when queueing fails the posts are given back for the next run.
 */
export const NEWSLETTER = 'newsletter';

/** The same as the mail requests' (server/mail/requests.ts): the database, the queue, links, signing. */
export type NewsletterDeps = RequestDeps;

interface Post {
  id: string;
  slug: string;
  title: string;
  excerpt: string | null;
}

/** Mails the posts that are due; returns how many mails it queued. */
export async function sendNewsletter(deps: NewsletterDeps, at = new Date()): Promise<number> {
  const { posts, subscribers } = await deps.db.asOwner(async (sql) => {
    const posts = await sql.query<Post>('select id, slug, title, excerpt from private.claim_newsletter_posts($1)', [
      at.toISOString(),
    ]);
    const subscribers = posts.length
      ? await sql.query<{ id: string; email: string }>(
          `select id, email from public.newsletter_subscribers
           where confirmed_at is not null and unsubscribed_at is null order by created_at`,
        )
      : [];
    return { posts, subscribers };
  });
  if (posts.length === 0) return 0;
  const site = deps.ctx.siteUrl.replace(/\/+$/, '');
  const mails: Mail[] = [];
  for (const post of posts) {
    for (const subscriber of subscribers) {
      const { url, headers } = unsubscribeLink(site, deps.secret, subscriber.id, 'newsletter');
      mails.push({
        to: subscriber.email,
        kind: 'newsletter_post',
        headers,
        ...renderMail(
          'newsletter_post',
          { title: post.title, excerpt: post.excerpt ?? '', link: `${site}/blog/${encodeURIComponent(post.slug)}` },
          { ...deps.ctx, unsubscribeUrl: url },
        ),
      });
    }
  }
  try {
    await deps.queue.enqueue(mails);
  } catch (err) {
    // Given back whole: a post is due again at the next run (a part already queued goes out twice).
    await deps.db.asOwner((sql) =>
      sql.query('select private.release_newsletter_posts($1::uuid[])', [posts.map((p) => p.id)]),
    );
    throw err;
  }
  (deps.log ?? ((line: string) => process.stdout.write(`${line}\n`)))(
    `newsletter: ${posts.length} post(s) to ${subscribers.length} subscriber(s)`,
  );
  return mails.length;
}

/** The schedule: every five minutes. */
export async function startNewsletter(deps: NewsletterDeps): Promise<void> {
  const { boss } = deps.queue;
  await boss.createQueue(NEWSLETTER, { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
  await boss.schedule(NEWSLETTER, '*/5 * * * *');
  await boss.work(NEWSLETTER, async () => {
    await sendNewsletter(deps);
  });
}
