import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../edge/invoices/pdf-text.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectVisible } from '../support/web-expect.ts';

/**
 * Certificates in real Chromium on the real platform: the demo student (who holds one earned
 * certificate in the seed) opens Account → Certificates, downloads the PDF (its text holds their
 * name and the code), follows the verification link and sees Valid; signed out, anyone sees the
 * same; an unknown code typed into the form is Not found. Both pages pass axe.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

const CODE = /^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/;

describe('certificates', () => {
  let code = '';

  it('the demo student downloads their certificate: the PDF holds their name and its code', async () => {
    await signIn('student@demo.test');

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Certificates' }).click();
    await page.waitForURL(/\/certificates$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Certificates' }));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Download PDF' }) });
    await expectVisible(card.first());
    await expectVisible(card.first().getByRole('link', { name: 'Add to LinkedIn (opens in a new tab)' }));
    await expectAccessible('the certificates page');

    code = ((await card.first().locator('code').textContent()) ?? '').trim();
    expect(code).toMatch(CODE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.first().getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
    const pdf = await readPdfText(new Uint8Array(readFileSync((await download.path())!)));
    const text = pdf.pages
      .flat()
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('Riley Park');
    expect(text).toContain(code);
    expect(text).toContain(`/verify/${code}`);
  });

  it('the verification link says Valid, to the student and to anyone signed out', async () => {
    await page
      .getByRole('link', { name: new RegExp(`/verify/${code}$`) })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/verify/${code}$`));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Valid' }));
    await expectVisible(page.getByText('Riley Park'));
    await expectAccessible('the verification page (valid)');

    await signOut();
    await page.goto(`${server.url}/verify/${code.toLowerCase()}`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Valid' }));
    await expectVisible(page.getByText('Riley Park'));
  });

  it('an unknown code typed into the form is Not found', async () => {
    await page.getByLabel('Verification code').fill('0000-0000-0000-0000-0000-0000');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.waitForURL(/\/verify\/0000-0000-0000-0000-0000-0000$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Not found' }));
    await expectAccessible('the verification page (not found)');

    await page.getByLabel('Verification code').fill('not a code');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expectVisible(page.getByText('Enter the code as printed'));
  });
});
