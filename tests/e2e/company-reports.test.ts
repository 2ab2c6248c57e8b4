import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { ids } from '../../seed/ids.ts';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * Company reports, the invitation page and the platform admin's companies (issue 11) in real
 * Chromium on the real platform, with sign-ups confirmed by mail (AUTH_AUTOCONFIRM=false). The
 * Globex admin reads the report by employee (one person opened), by course and by group, and
 * exports it as CSV; the Acme admin's report holds no Globex person. An invitee follows a fresh
 * invitation link, creates an account, confirms it from the dev outbox, comes back to /join, joins
 * and lands on the dashboard. The platform admin adds 3 seats and an admin to Globex. axe on each page.
 */

const GLOBEX_ADMIN = 'globexadmin@demo.test';
const GIT = 'Git & GitHub Workflow';
const JOINER = { email: 'joiner@globex.example', first: 'Jo', last: 'Iner', password: 'joiner-pass-2026' };

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible } = usePlatform(
  (p) => {
    ({ server, page } = p);
  },
  { env: { AUTH_AUTOCONFIRM: 'false' }, signedOut: (pg) => pg.getByRole('link', { name: 'Sign in' }).first() },
);

async function token(email: string): Promise<string> {
  const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function post<T>(tok: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `POST ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

const globexId = ids.company('globex');

describe('company reports', () => {
  it('a company admin is told the platform admin page is not for them', async () => {
    await signIn(GLOBEX_ADMIN);
    await page.goto(`${server.url}/admin/companies`);
    await expectVisible(page.getByText('This page is for administrators.'));
  });

  it('the Globex admin reads the report by employee and opens one person', async () => {
    await page.goto(`${server.url}/company/reports`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Reports' }));
    const tab = page.getByRole('tab', { name: 'By employee' });
    await expectEventually(() => tab.getAttribute('aria-selected')).toBe('true');
    const table = page.getByRole('table', { name: 'Learning by employee' });
    await expectVisible(table.getByRole('row', { name: /Jamie Lee/ }));
    await expectVisible(table.getByRole('row', { name: /Robin Novak/ }));

    const person = table.getByRole('button', { name: 'Jamie Lee: courses' });
    await expectEventually(() => person.getAttribute('aria-expanded')).toBe('false');
    await person.click();
    await expectEventually(() => person.getAttribute('aria-expanded')).toBe('true');
    const courses = page.getByRole('table', { name: 'Courses of Jamie Lee' });
    await expectVisible(courses.getByRole('rowheader', { name: GIT }));
    await expectVisible(courses.getByRole('rowheader', { name: 'Modern JavaScript Essentials' }));
    await expectAccessible('company report by employee, one person open');

    await page.getByLabel('Filter people').fill('operations');
    // The header and the two people in Operations (closed detail rows are hidden).
    await expectEventually(() => table.getByRole('row').count()).toBe(3);
    await expectHidden(table.getByRole('row', { name: /Jamie Lee/ }));
    await page.getByLabel('Filter people').fill('');
  });

  it('switches to the course and group views (kept in the URL)', async () => {
    await page.getByRole('tab', { name: 'By course' }).click();
    await page.waitForURL(/view=courses/);
    const byCourse = page.getByRole('table', { name: /Learning by course/ });
    const git = byCourse.getByRole('row', { name: new RegExp(GIT) });
    await expectVisible(git);
    await expectEventually(() => git.getByRole('cell').first().textContent()).toBe('4');
    await expectAccessible('company report by course');

    await page.getByRole('tab', { name: 'By group' }).press('ArrowRight');
    await page.waitForURL(/view=groups/);
    const byGroup = page.getByRole('table', { name: /Learning by group/ });
    await expectVisible(byGroup.getByRole('rowheader', { name: 'Support' }));
    await expectVisible(byGroup.getByRole('rowheader', { name: 'Operations' }));
    await expectAccessible('company report by group');
    await page.reload();
    await expectEventually(() => page.getByRole('tab', { name: 'By group' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('exports the report as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^globex-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('globex1@demo.test');
    expect(csv).toContain(GIT);
    expect(csv).not.toContain('employee@demo.test');
  });

  it("the Acme admin's report never shows Globex people", async () => {
    await signOut();
    await signIn('companyadmin@demo.test');
    await page.goto(`${server.url}/company/reports`);
    const table = page.getByRole('table', { name: 'Learning by employee' });
    await expectVisible(table.getByRole('cell', { name: 'employee@demo.test' }));
    await expectEventually(() => page.getByText(/globex/i).count()).toBe(0);
    await signOut();
  });
});

describe('an invitee joins', () => {
  let hash = '';

  it('the Globex admin invites a new person (with a course) through the API', async () => {
    const tok = await token(GLOBEX_ADMIN);
    const invitation = await post<{ id: string; inviteLink: string }>(tok, `/api/companies/${globexId}/invitations`, {
      email: JOINER.email,
      name: `${JOINER.first} ${JOINER.last}`,
    });
    await post(tok, `/api/companies/${globexId}/assignments`, {
      invitationIds: [invitation.id],
      courseId: ids.course('git-and-github-workflow'),
    });
    hash = new URL(invitation.inviteLink).hash;
    expect(hash).toMatch(/^#token=/);
  });

  // The site's own origin (SITE_URL: localhost), which mail links (the confirmation's redirect) must match.
  const site = () => server.url.replace('127.0.0.1', 'localhost');

  it('opens the link signed out, creates an account, confirms it and comes back to join', async () => {
    await page.goto(`${site()}/join${hash}`);
    await expectVisible(page.getByText(/You were invited to join a company on/));
    await expectEventually(() => new URL(page.url()).hash).toBe('');
    await expectAccessible('join, signed out');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/signup\?next=%2Fjoin/);
    await page.getByLabel('First name').fill(JOINER.first);
    await page.getByLabel('Last name').fill(JOINER.last);
    await page.getByLabel('Email').fill(JOINER.email);
    await page.getByLabel('Password').fill(JOINER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Check your inbox' }));

    const outbox = (await (await fetch(`${server.url}/dev/api/outbox`)).json()) as {
      items: { to: string; kind: string; text: string }[];
    };
    const mail = outbox.items.find((m) => m.to === JOINER.email && m.kind === 'signup');
    const link = mail?.text.match(/https?:\/\/\S+\/auth\/v1\/verify\?\S+/)?.[0];
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.waitForURL((url) => url.pathname === '/join');
    const join = page.getByRole('button', { name: 'Join company' });
    await expectVisible(join);
    await expectVisible(page.getByText(JOINER.email, { exact: true }).first());
    await expectAccessible('join, signed in');

    await join.click();
    await expectVisible(page.getByRole('heading', { name: 'You joined Globex' }));
    await expectVisible(page.getByRole('status').filter({ hasText: '1 course is assigned to you' }));
    await page.getByRole('link', { name: 'Go to my learning' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await expectVisible(page.getByRole('heading', { level: 3, name: GIT }));
  });

  it('the used link is refused afterwards', async () => {
    await page.goto(`${site()}/join${hash}`);
    await page.getByRole('button', { name: 'Join company' }).click();
    await expectVisible(page.getByRole('heading', { name: 'This invitation was already used' }));
  });

  it("another person's link names the signed-in account and offers to switch", async () => {
    const tok = await token(GLOBEX_ADMIN);
    const res = await fetch(`${server.url}/api/companies/${globexId}/members?status=invited`, {
      headers: { authorization: `Bearer ${tok}` },
    });
    const { items } = (await res.json()) as { items: { id: string; email: string }[] };
    const robin = items.find((m) => m.email === 'newhire@globex.example');
    expect(robin).toBeTruthy();
    const resent = await post<{ inviteLink: string }>(
      tok,
      `/api/companies/${globexId}/invitations/${robin!.id}/resend`,
      {},
    );
    await page.goto(`${site()}/join${new URL(resent.inviteLink).hash}`);
    await page.getByRole('button', { name: 'Join company' }).click();
    await expectVisible(page.getByRole('heading', { name: 'This invitation is for another email address' }));
    await expectVisible(page.getByRole('alert').filter({ hasText: `You are signed in as ${JOINER.email}` }));
    await expectAccessible('join, wrong account');
    await page.getByRole('button', { name: 'Sign out and switch account' }).click();
    await page.waitForURL(/\/signin\?next=%2Fjoin/);
    await expectVisible(page.getByRole('link', { name: 'Sign in' }).first());
  });
});

describe('the platform admin', () => {
  it('adds 3 seats and an admin to Globex', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Companies');
    await page.waitForURL((url) => url.pathname === '/admin/companies');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Companies' }));
    await page.getByLabel('Filter companies').fill('globex');
    const card = page.getByRole('article', { name: 'Globex', exact: true });
    await expectVisible(card);
    await expectEventually(() => page.getByRole('article').count()).toBe(1);
    const gitSeats = card.getByRole('row', { name: new RegExp(GIT) });
    await expectEventually(async () => (await gitSeats.getByRole('cell').allTextContents()).join(' ')).toBe('5 5 0');
    await expectAccessible('admin companies');

    await card.getByLabel('Course', { exact: true }).selectOption({ label: GIT });
    await card.getByLabel('Seats', { exact: true }).fill('3');
    await card.getByLabel('Note (optional)').fill('Goodwill for the pilot');
    await card.getByRole('button', { name: 'Add seats' }).click();
    await expectVisible(card.getByRole('status').filter({ hasText: `Added 3 seats of ${GIT} to Globex.` }));
    await expectEventually(async () => (await gitSeats.getByRole('cell').allTextContents()).join(' ')).toBe('8 5 3');

    await card.getByLabel('Email', { exact: true }).fill('nobody@globex.example');
    await card.getByRole('button', { name: 'Add admin' }).click();
    await expectVisible(card.getByRole('alert').filter({ hasText: 'No account uses nobody@globex.example' }));
    await card.getByLabel('Email', { exact: true }).fill('globex1@demo.test');
    await card.getByRole('button', { name: 'Add admin' }).click();
    await expectVisible(card.getByRole('status').filter({ hasText: 'globex1@demo.test is now an admin of Globex.' }));
    await expectVisible(card.getByText(/Jamie Lee \(globex1@demo\.test\)/));
    await expectAccessible('admin companies after changes');
  });
});
