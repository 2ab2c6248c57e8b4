import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { unsubscribeToken } from '../../server/mail/unsubscribe-token.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectVisible } from '../support/web-expect.ts';

/**
 * The unsubscribe link of notification mail (docs/mail.md) in Chromium on the real platform: the
 * student opens the link (GET changes nothing), confirms with the button (the same POST a mail
 * client's one-click sends) and the grades category's email is off. A forged link gets a 400 page.
 * axe and 320 px reflow on the confirm page.
 */

const SECRET = 'e2e-unsubscribe-secret-e2e-unsubscribe-secret';

let server: RunningServer;
let page: Page;

const { expectAccessible, expectReflows } = usePlatform(
  (p) => {
    ({ server, page } = p);
  },
  { env: { MAIL_UNSUBSCRIBE_SECRET: SECRET } },
);

/** The student's id and a token, through the auth API as supabase-js would sign in. */
async function student(): Promise<{ id: string; token: string }> {
  const { supabaseAnonKey } = (await (await fetch(`${server.url}/api/config`)).json()) as { supabaseAnonKey: string };
  const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: supabaseAnonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'student@demo.test', password: DEMO_PASSWORD }),
  });
  const session = (await res.json()) as { access_token: string; user: { id: string } };
  return { id: session.user.id, token: session.access_token };
}

async function gradesEmail(token: string): Promise<unknown> {
  const res = await fetch(`${server.url}/api/me/notification-preferences`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return JSON.stringify(await res.json());
}

describe('unsubscribing from notification mail', () => {
  it('confirms on the page, then turns that category off', async () => {
    const { id, token } = await student();
    const before = await gradesEmail(token);
    await page.goto(`${server.url}/api/mail/unsubscribe?t=${unsubscribeToken(SECRET, id, 'grades')}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Unsubscribe' }));
    await expectVisible(page.getByText('Stop getting grade notifications by email?'));
    await expectAccessible('the unsubscribe page');
    await expectReflows('the unsubscribe page');
    expect(await gradesEmail(token)).toBe(before); // opening the link changed nothing

    await page.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }));
    await expectVisible(page.getByText('You will no longer get grade notifications by email.'));
    expect(await gradesEmail(token)).not.toBe(before);
  });

  it('answers a forged link with a page that says so', async () => {
    const { id } = await student();
    await page.goto(`${server.url}/api/mail/unsubscribe?t=${unsubscribeToken('x'.repeat(40), id, 'all')}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'This unsubscribe link is not valid' }));
  });
});
