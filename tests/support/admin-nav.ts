import type { Page } from 'playwright-core';
import { expectVisible } from './web-expect.ts';

/**
 * Opens an admin page the way an admin does: Account → Admin console, then the section in the console's
 * navigation (web/src/components/admin/AdminNav.tsx).
 */
export async function openAdminSection(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('link', { name: 'Admin console' }).click();
  const nav = page.getByRole('navigation', { name: 'Admin console' });
  await expectVisible(nav);
  await nav.getByRole('link', { name: section, exact: true }).click();
}
