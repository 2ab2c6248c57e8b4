import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The FAQ center (issue 13) in Chromium on the real platform with the demo seed: a visitor finds
 * the refund answer with the instant search, opens it, says it helped, and writes through the
 * contact form (field errors first, then sent); the message reaches the admins through the dev
 * outbox, and the admin reads it on /admin/faq, marks it handled and edits an article with a
 * Markdown preview. The home page's teaser reads the FAQ from the API; axe and 320 px reflow on both pages.
 */

let server: RunningServer;
let page: Page;

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

const MESSAGE = `Do you offer courses in Portuguese? (${Date.now()})`;

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

describe('the FAQ center', () => {
  it('shows the first questions on the home page from the API, with a link to /faq', async () => {
    await page.goto(`${server.url}/`);
    const teaser = page.getByRole('region', { name: 'Frequently asked questions' });
    await expectVisible(teaser.getByText('Are there free courses?'));
    await teaser.getByRole('link', { name: 'More questions and answers' }).click();
    await page.waitForURL(/\/faq$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Help & FAQ' }));
  });

  it('a visitor searches, opens an answer and says it helped', async () => {
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Payments and refunds' }));
    await expectAccessible('the FAQ center');
    await expectReflows('the FAQ center');

    await page.getByLabel('Search the help center').fill('refund');
    await expectVisible(page.getByRole('status').filter({ hasText: /answers? found for “refund”/ }));
    const results = page.getByRole('list', { name: 'Answers for “refund”' });
    const answer = results.getByRole('listitem').filter({ hasText: 'Can I get a refund?' });
    await answer.locator('summary').click();
    await expectVisible(answer.getByText(/within 14 days of payment/));
    await answer.getByRole('button', { name: 'Yes' }).click();
    await expectVisible(answer.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }));
    await expect(answer.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).resolves.toBe('true');

    await page.getByLabel('Search the help center').fill('zebra crossing');
    await expectVisible(page.getByRole('status').filter({ hasText: 'No answers found for “zebra crossing”' }));
    await expectHidden(results);
  });

  it('a visitor writes through the contact form; the admins get it by mail', async () => {
    const form = page.locator('form.faq-contact-form');
    await form.getByRole('button', { name: 'Send message' }).click();
    await expectVisible(form.getByText('Enter your name.'));
    await expectVisible(form.getByText('Write at least 10 characters.'));
    await expect(page.getByLabel('Your name').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Your name').fill('Ana Souza');
    await page.getByLabel('Your email').fill('ana.souza@example.test');
    await page.getByLabel('Topic', { exact: true }).selectOption('courses');
    await page.getByLabel('Your message').fill(MESSAGE);
    await form.getByRole('button', { name: 'Send message' }).click();
    await expectVisible(page.getByText('Thank you: your message was sent.').first());
    await expectAccessible('the FAQ center after sending a message');

    const contactMails = async () => {
      const outbox = (await (await fetch(`${server.url}/dev/api/outbox`)).json()) as { items: OutboxMail[] };
      return outbox.items.filter((m) => m.kind === 'contact_message' && m.text.includes(MESSAGE));
    };
    await expectEventually(async () => (await contactMails()).map((m) => m.to)).toContain('admin@demo.test');
    const [mail] = await contactMails();
    expect(mail!.subject).toBe('Contact form (courses): Ana Souza');
  });

  it('an admin reads the message on /admin/faq, marks it handled and previews an article', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'FAQ and messages');
    await page.waitForURL(/\/admin\/faq$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'FAQ and messages' }));

    const message = page.getByRole('listitem').filter({ hasText: MESSAGE });
    await expectVisible(message);
    await expectVisible(message.getByText('ana.souza@example.test'));
    await expectAccessible('the FAQ admin page');
    await expectReflows('the FAQ admin page');
    await message.getByRole('button', { name: /Mark handled/ }).click();
    await expectVisible(page.getByText('Marked the message from Ana Souza handled.').first());
    await expectHidden(message);

    const article = page.getByRole('article', { name: 'Can I get a refund?' });
    await expectVisible(article.getByText(/Helpful: [1-9]/));
    await article.getByRole('button', { name: 'Edit “Can I get a refund?”' }).click();
    const editor = page.getByRole('form', { name: 'Edit “Can I get a refund?”' });
    await editor.getByLabel('Answer').fill('Yes, within **14 days** of payment.');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(editor.locator('.markdown-preview strong').filter({ hasText: '14 days' }));
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(editor);
    await signOut();
  });
});
