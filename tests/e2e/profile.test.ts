import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ThrottleUploads, uploadThrottle, usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The profile page in real Chromium against the real platform: the avatar goes to the embedded
 * Storage service (bucket `avatars`, the user's own folder) with a visible progress bar, shows
 * on the page and in the header; files that are too large or of the wrong type get a clear
 * error before anything is sent; an upload can be cancelled; the name can be changed.
 */

let server: RunningServer;
let page: Page;
let throttleUploads: ThrottleUploads;

const { expectAccessible } = usePlatform(async (p) => {
  ({ server, page } = p);
  throttleUploads = await uploadThrottle(page);
});

/** A 1×1 PNG, padded after its end to `size` bytes (browsers ignore what follows IEND). */
function png(size: number): Buffer {
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([pixel, Buffer.alloc(Math.max(0, size - pixel.length))]);
}

const fileInput = (p: Page) => p.getByLabel('Upload a new picture');

describe('the profile page', () => {
  it('is linked from the signed-in header and passes axe', async () => {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill('student@demo.test');
    await page.getByLabel('Password').fill('learn-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Opened the moment it shows, while sign-in still redirects to the dashboard: it stays open.
    const account = page.getByRole('button', { name: 'Account' });
    await account.click();
    await page.waitForURL(/\/dashboard$/);
    await expectVisible(page.getByRole('link', { name: 'Profile' }));
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL(/\/profile$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Your profile' }));
    // Following a link closed it; so does the browser's back button.
    await expectEventually(() => account.getAttribute('aria-expanded')).toBe('false');
    await account.click();
    await expectEventually(() => account.getAttribute('aria-expanded')).toBe('true');
    await page.goBack();
    await page.waitForURL(/\/dashboard$/);
    await expectEventually(() => account.getAttribute('aria-expanded')).toBe('false');
    await page.goForward();
    await page.waitForURL(/\/profile$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Your profile' }));
    await expectVisible(page.getByRole('img', { name: 'No avatar yet' }));
    await expectAccessible('the profile page');
  });

  it('refuses a file that is too large, before sending it', async () => {
    await fileInput(page).setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: png(3 * 1024 * 1024) });
    await expectVisible(page.getByRole('alert').filter({ hasText: '“huge.png” is 3 MB; the limit is 2 MB.' }));
    expect(await fileInput(page).getAttribute('aria-invalid')).toBe('true');
    await expectHidden(page.getByRole('progressbar'));
  });

  it('refuses a file of the wrong type', async () => {
    await fileInput(page).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expectVisible(
      page
        .getByRole('alert')
        .filter({ hasText: '“notes.txt” is not a file type we accept. Choose PNG, JPEG, WebP or GIF images.' }),
    );
  });

  it('cancels an upload on request', async () => {
    await throttleUploads(64 * 1024);
    await fileInput(page).setInputFiles({ name: 'slow.png', mimeType: 'image/png', buffer: png(1024 * 1024) });
    await expectVisible(page.getByRole('progressbar', { name: 'Uploading slow.png' }));
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Upload cancelled.' }));
    await expectHidden(page.getByRole('progressbar'));
    await expectVisible(page.getByRole('img', { name: 'No avatar yet' }));
  });

  it('uploads an avatar with visible progress; it shows on the page and in the header', async () => {
    await throttleUploads(512 * 1024);
    await fileInput(page).setInputFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: png(1536 * 1024) });
    const bar = page.getByRole('progressbar', { name: 'Uploading avatar.png' });
    await expectVisible(bar);
    await expectEventually(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await throttleUploads(-1);

    const avatar = page.getByRole('img', { name: 'Your avatar' });
    await expectVisible(avatar);
    await expectVisible(page.getByRole('status').filter({ hasText: 'Uploaded “avatar.png”.' }));
    const src = (await avatar.getAttribute('src'))!;
    expect(src).toMatch(/\/storage\/v1\/object\/public\/avatars\/[0-9a-f-]{36}\/avatar-[0-9a-z]+\.png$/);
    // Served publicly by Storage: the image loads.
    await expectEventually(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // The header's account button shows it too.
    const headerAvatar = page.getByRole('button', { name: 'Account' }).locator('img');
    await expectEventually(() => headerAvatar.getAttribute('src')).toBe(src);

    // Saved on the profile: still there after a reload.
    await page.reload();
    await expectVisible(page.getByRole('img', { name: 'Your avatar' }));
    expect(await page.getByRole('img', { name: 'Your avatar' }).getAttribute('src')).toBe(src);
    await expectAccessible('the profile page with an avatar');
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Your profile' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('saves a new name', async () => {
    await page.getByLabel('First name').fill('Rowan');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Your name is saved.' }));
    await page.reload();
    await expectEventually(() => page.getByLabel('First name').inputValue()).toBe('Rowan');
  });
});
