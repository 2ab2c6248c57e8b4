import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The company admin's People and Groups sections in real Chromium (issue 11), as the seeded Globex
 * admin (groups Support and Operations, four employees, the admin, and Robin Novak invited):
 * search, sort, filter and page the table with the state in the URL; move a person to another
 * group; add a person and see their link; resend the seeded invitation; create, rename and
 * delete a group. Both pages pass axe.
 */

let server: RunningServer;
let page: Page;

const { signIn, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const table = () => page.getByRole('table', { name: /People of the company/ });
const rows = () => table().locator('tbody tr');
const row = (name: string) => rows().filter({ hasText: name });
const filters = () => page.getByRole('form', { name: 'Search and filter people' });
const firstName = () => rows().first().locator('th').innerText();

describe("a company admin's people and groups", () => {
  it('searches, sorts, filters and pages the people, and the URL keeps it', async () => {
    await signIn('globexadmin@demo.test');
    await page.goto(`${server.url}/company/people`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'People' }));
    await expectEventually(() => rows().count()).toBe(6);
    await expectVisible(row('Robin Novak').getByText('Invited'));
    await expectAccessible('the People page');

    await filters().getByLabel('Search people').fill('priya');
    await expectEventually(() => rows().count()).toBe(1);
    await expectVisible(row('Priya Shah'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('priya');
    await filters().getByLabel('Search people').fill('');
    await filters().getByLabel('Search people').press('Enter');
    await expectEventually(() => rows().count()).toBe(6);

    await table().getByRole('button', { name: 'Name', exact: true }).click();
    await expectEventually(() => table().locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await expectEventually(firstName).toContain('Robin Novak');
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');

    await filters().getByLabel('Group').selectOption({ label: 'Operations' });
    await expectEventually(() => rows().count()).toBe(2);
    await expectEventually(firstName).toContain('Noor Haddad');
    await page.goBack();
    await expectEventually(() => rows().count()).toBe(6);
    await filters().getByLabel('Group').selectOption({ label: 'No group' });
    await expectEventually(() => rows().count()).toBe(1);
    await expectVisible(row('Morgan Reyes'));

    await page.goto(`${server.url}/company/people?pageSize=2`);
    await expectVisible(page.getByText('Page 1 of 3'));
    await expectEventually(() => rows().count()).toBe(2);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectVisible(page.getByText('Page 2 of 3'));
    await page.reload();
    await expectVisible(page.getByText('Page 2 of 3'));
    await page.getByLabel('Rows per page').selectOption('10');
    await expectVisible(page.getByText('Page 1 of 1'));
    await expectEventually(() => rows().count()).toBe(6);
  });

  it('moves a selected person to another group', async () => {
    await page.goto(`${server.url}/company/people`);
    await expectVisible(row('Jamie Lee').getByText('Support'));
    await page.getByLabel('Select Jamie Lee').check();
    await expectVisible(page.getByText('1 person selected'));
    const assign = page.getByRole('link', { name: 'Assign learning' });
    expect(await assign.getAttribute('href')).toMatch(/^\/company\/assignments\?users=[0-9a-f-]{36}$/);
    await page.getByLabel('Move to group').selectOption({ label: 'Operations' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expectVisible(page.getByRole('status').getByText('Moved 1 person to Operations.'));
    await expectVisible(row('Jamie Lee').getByText('Operations'));
    await expectHidden(page.getByText('1 person selected'));
  });

  it('adds a person and shows their link once; resends the seeded invitation', async () => {
    await page.getByText('Add person').click();
    await page.getByLabel('Email', { exact: true }).fill('casey@globex.example');
    await page.getByLabel('Name (optional)').fill('Casey Park');
    await page.locator('#people-add-group').selectOption({ label: 'Support' });
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expectVisible(page.getByRole('heading', { name: 'Invitation created for casey@globex.example' }));
    await expectEventually(() => page.getByLabel('Invitation link').inputValue()).toMatch(/\/join#token=[\w-]{43}$/);
    await expectVisible(row('Casey Park').getByText('Invited'));
    await expectAccessible('the People page with an invitation link');
    await expectReflows('the People page with an invitation link');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expectVisible(page.getByText('Link copied.'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByLabel('Invitation link').inputValue());
    await page.getByRole('button', { name: 'Done' }).click();

    const reread = page.waitForResponse((r) => /\/api\/companies\/[^/]+\/members\?/.test(r.url()));
    await row('Robin Novak').getByRole('button', { name: 'Resend the invitation to Robin Novak' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Invitation sent again for newhire@globex.example' }));
    // The table is read again; the row keeps its button and the keyboard focus.
    await reread;
    await expectEventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
      'Resend the invitation to Robin Novak',
    );
    const first = await page.getByLabel('Invitation link').inputValue();
    expect(first).toMatch(/\/join#token=/);

    // Inviting the same address again says so and offers to send it again.
    await page.getByLabel('Email', { exact: true }).fill('newhire@globex.example');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expectVisible(page.getByText('newhire@globex.example already has an open invitation'));
    await page.getByRole('button', { name: 'Resend invitation' }).click();
    await expectEventually(() => page.getByLabel('Invitation link').inputValue()).not.toBe(first);
    await page.getByLabel('Email', { exact: true }).fill('globex1@demo.test');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expectVisible(page.getByText('globex1@demo.test is already a member of this company.'));
  });

  it('removes a member once confirmed, refuses the only admin, and revokes an invitation', async () => {
    await page.goto(`${server.url}/company/people`);
    await row('Morgan Reyes').getByRole('button', { name: 'Remove Morgan Reyes' }).click();
    await row('Morgan Reyes').getByRole('button', { name: 'Confirm remove Morgan Reyes' }).click();
    await expectVisible(row('Morgan Reyes').getByText("Morgan Reyes is the company's only admin"));

    await row('Priya Shah').getByRole('button', { name: 'Remove Priya Shah' }).click();
    await expectVisible(row('Priya Shah').getByText('Their seats are freed'));
    await row('Priya Shah').getByRole('button', { name: 'Cancel' }).click();
    await expectEventually(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(
      'Remove Priya Shah',
    );
    await row('Priya Shah').getByRole('button', { name: 'Remove Priya Shah' }).click();
    await row('Priya Shah').getByRole('button', { name: 'Confirm remove Priya Shah' }).click();
    await expectVisible(page.getByRole('status').getByText('Priya Shah was removed. 2 seats were freed'));
    await expectVisible(row('Priya Shah').getByText('Removed'));

    await row('Casey Park').getByRole('button', { name: 'Revoke the invitation to Casey Park' }).click();
    await row('Casey Park').getByRole('button', { name: 'Confirm revoke the invitation to Casey Park' }).click();
    await expectVisible(page.getByRole('status').getByText('The invitation to casey@globex.example was revoked.'));
  });

  it('creates, renames and deletes a group', async () => {
    await page.goto(`${server.url}/company/groups`);
    const groups = page.getByRole('table', { name: 'Groups of the company' });
    await expectVisible(groups.getByRole('rowheader', { name: 'Support' }));
    await expectAccessible('the Groups page');
    await expectReflows('the Groups page');

    await page.getByLabel('New group name').fill('support');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expectVisible(page.getByText('A group named “support” already exists'));
    await page.getByLabel('New group name').fill('Finance');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expectVisible(groups.getByRole('rowheader', { name: 'Finance' }));

    await groups.getByRole('button', { name: 'Rename Finance' }).click();
    await page.getByLabel('New name for Finance').fill('Finance team');
    await page.getByLabel('New name for Finance').press('Enter');
    await expectVisible(groups.getByRole('rowheader', { name: 'Finance team' }));
    await expectVisible(page.getByRole('status').getByText('Group Finance renamed to Finance team.'));
    await groups.getByRole('button', { name: 'Rename Finance team' }).click();
    await page.getByLabel('New name for Finance team').fill('Nope');
    await page.getByLabel('New name for Finance team').press('Escape');
    await expectVisible(groups.getByRole('rowheader', { name: 'Finance team' }));
    await expectAccessible('the Groups page after a rename');

    await groups.getByRole('button', { name: 'Delete Finance team' }).click();
    await expectVisible(page.getByText('Delete the group Finance team?'));
    await groups.getByRole('button', { name: 'Confirm delete Finance team' }).click();
    await expectHidden(groups.getByRole('rowheader', { name: 'Finance team' }));

    await groups.getByRole('link', { name: 'See people in Operations' }).click();
    await expectEventually(() => new URL(page.url()).searchParams.get('group')).toMatch(/^[0-9a-f-]{36}$/);
    // Diego, Noor and (moved above) Jamie.
    await expectEventually(() => rows().count()).toBe(3);
    await expectVisible(row('Jamie Lee'));
  });
});
