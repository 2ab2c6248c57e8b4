import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { ids, seedId } from '../../seed/ids.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * An outsider to a live cohort (issue 12): a signed-up user not enrolled in HTML & CSS Foundations
 * is refused its office hours over HTTP (the page and the API), over Realtime (the private topic
 * `session:<id>`, with supabase-js) and by the Yjs server (its WebSocket, from the browser, never
 * opens). The enrolled demo student, the same way, gets in: the refusals are the outsider's.
 */

let server: RunningServer;
let page: Page;
usePlatform((p) => {
  ({ server, page } = p);
});

const SLUG = 'html-css-foundations';
const SESSION_ID = seedId(`live-session:${SLUG}:office-hours`);
const SESSION_PATH = `/learn/${SLUG}/sessions/${SESSION_ID}`;
const COHORT_NOTE = `cohort-note:${ids.lesson(SLUG, 0, 0)}`;
const outsider = { email: `outsider-${Date.now()}@example.test`, password: 'outsider-password-1' };
const clients: SupabaseClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.removeAllChannels()));
  for (const c of clients) c.realtime.disconnect();
});

async function tokenOf(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** How a private channel join ends for `token`, through supabase-js against this server. */
async function joinSession(token: string): Promise<string> {
  const config = (await (await fetch(`${server.url}/api/config`)).json()) as { supabaseAnonKey: string };
  const client = createClient(server.url, config.supabaseAnonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  await client.realtime.setAuth(token);
  clients.push(client);
  const channel = client.channel(`session:${SESSION_ID}`, { config: { private: true } });
  return new Promise((resolve) => {
    channel.subscribe((status) => {
      if (status !== 'CLOSED') resolve(status);
    });
  });
}

/** Whether the Yjs server's WebSocket opens for `token`, from the browser page. */
const yjsSocket = (p: Page, token: string) =>
  p.evaluate(
    ({ origin, document, token }) =>
      new Promise<string>((resolve) => {
        const url = `${origin.replace(/^http/, 'ws')}/yjs/${encodeURIComponent(document)}?token=${token}`;
        const ws = new WebSocket(url);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onclose = (e) => resolve(`closed ${e.code}`);
      }),
    { origin: server.url, document: COHORT_NOTE, token },
  );

describe('an outsider to a live cohort', () => {
  it('is refused the session page and its API', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('First name').fill('Otto');
    await page.getByLabel('Last name').fill('Outsider');
    await page.getByLabel('Email').fill(outsider.email);
    await page.getByLabel('Password').fill(outsider.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${server.url}${SESSION_PATH}`);
    await expectVisible(page.getByRole('alert'));
    await expectHidden(page.getByRole('heading', { level: 1, name: /Office hours/ }));
    await expectHidden(page.getByLabel('Your question'));

    const token = await tokenOf(outsider.email, outsider.password);
    const res = await fetch(`${server.url}/api/sessions/${SESSION_ID}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Let me in?' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'session_not_found' } });
  });

  it("is refused the session's Realtime topic; the enrolled student joins it", async () => {
    expect(await joinSession(await tokenOf(outsider.email, outsider.password))).toBe('CHANNEL_ERROR');
    expect(await joinSession(await tokenOf('student@demo.test', DEMO_PASSWORD))).toBe('SUBSCRIBED');
  });

  it("is refused the cohort note's WebSocket before it opens; the enrolled student's opens", async () => {
    expect(await yjsSocket(page, await tokenOf(outsider.email, outsider.password))).toBe('closed 1006');
    expect(await yjsSocket(page, await tokenOf('student@demo.test', DEMO_PASSWORD))).toBe('open');
  });
});
