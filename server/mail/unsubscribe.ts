import { Hono } from 'hono';
import { escapeHtml } from '../../edge/mail/templates/layout.ts';
import type { HostDatabase } from '../db/types.ts';
import { readUnsubscribeToken, type UnsubscribeCategory, unsubscribeToken } from './unsubscribe-token.ts';

const LABELS: Record<UnsubscribeCategory, string> = {
  learning: 'learning updates (enrolments, completions, certificates)',
  grades: 'grade notifications',
  live: 'live session notifications',
  announcements: 'course announcements',
  account: 'account notices',
  digest: 'the notification digest',
  all: 'all but essential account mail',
  newsletter: 'new posts from the blog',
};

function page(status: 200 | 400, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/account/notifications">Notification settings</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The token is in the URL: never sent on. The page posts its form to itself, nothing else runs.
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    },
  });
}

const invalid = () =>
  page(400, 'This unsubscribe link is not valid', '<p>Change which mail you get in your notification settings.</p>');

/**
 * GET and POST /api/mail/unsubscribe?t=<token> (the link in notification, digest and newsletter mail).
 * GET shows a small confirm page (a link scanner following it changes nothing); POST unsubscribes,
 * from the page's button or a mail client's one-click request (RFC 8058, body
 * `List-Unsubscribe=One-Click`). The signed token is the only credential: no session needed.
 */
export function unsubscribeRoutes(db: HostDatabase, secret: string): Hono {
  const app = new Hono();
  app.get('/api/mail/unsubscribe', (c) => {
    const t = c.req.query('t');
    const target = readUnsubscribeToken(secret, t);
    if (!target) return invalid();
    const form = (token: string, label: string) =>
      `<form method="post" action="/api/mail/unsubscribe?t=${escapeHtml(encodeURIComponent(token))}"><button type="submit">${escapeHtml(label)}</button></form>`;
    const all =
      target.category === 'all' || target.category === 'newsletter'
        ? ''
        : form(unsubscribeToken(secret, target.userId, 'all'), 'Stop all but essential account mail');
    return page(
      200,
      'Unsubscribe',
      `<p>Stop getting ${escapeHtml(LABELS[target.category])} by email?</p>${form(t!, 'Unsubscribe')}${all}`,
    );
  });
  app.post('/api/mail/unsubscribe', async (c) => {
    const target = readUnsubscribeToken(secret, c.req.query('t'));
    if (!target) return invalid();
    try {
      await db.asOwner((sql) =>
        target.category === 'newsletter'
          ? sql.query('select private.newsletter_unsubscribe($1)', [target.userId])
          : sql.query('select private.unsubscribe($1, $2)', [target.userId, target.category]),
      );
    } catch (err) {
      // The account is gone (foreign key): there is nothing left to mail, so the answer is the same.
      if ((err as { code?: string }).code !== '23503') throw err;
    }
    return page(
      200,
      'You are unsubscribed',
      `<p>You will no longer get ${escapeHtml(LABELS[target.category])} by email.</p>`,
    );
  });
  return app;
}
