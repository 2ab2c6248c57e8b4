import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { axe, describeViolations } from '../support/browser.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import { drawPng } from '../support/images.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Course pictures in real Chromium on the real platform: the seeded SVG covers (and the
 * instructor card's seeded portrait) load from storage on the catalog; an instructor uploads a PNG in the course wizard, which resizes it in
 * the page (WebP at 320/640/1280), stores each width in course-media and saves the '{w}' URL and
 * the widths on the course; the course page then offers them as a srcset that loads. A draft's
 * pictures are not public yet: the wizard and the teaching dashboard show them through signed links.
 */

let server: RunningServer;
let page: Page;

const SLUG = 'html-css-foundations';
const COURSE_ID = ids.course(SLUG);
const DRAFT_SLUG = 'accessible-forms-from-scratch';
const DRAFT_ID = ids.course(DRAFT_SLUG);

const { signIn } = usePlatform((p) => {
  ({ server, page } = p);
});

/** Whether every cover image on the page has loaded with pixels. */
const coversLoaded = () =>
  page.evaluate(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img.cover')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });

/** Whether the first image matching `selector` has loaded with pixels, and its current source. */
const loaded = (selector: string) =>
  page.evaluate((sel) => {
    const img = document.querySelector<HTMLImageElement>(sel);
    return img?.complete && img.naturalWidth > 0 ? img.currentSrc : '';
  }, selector);

describe('course pictures', () => {
  it('shows the seeded cover art, served from storage', async () => {
    await page.goto(`${server.url}/courses/${SLUG}`);
    const cover = page.locator('.enroll-panel img.cover');
    await expectVisible(cover);
    expect(await cover.getAttribute('src')).toMatch(
      new RegExp(`^/storage/v1/object/course-media/${COURSE_ID}/public/cover\\.svg\\?v=[0-9a-f]{12}$`),
    );
    expect(await cover.getAttribute('loading')).toBe('eager');
    await expectEventually(coversLoaded).toBe(true);
    const res = await page.request.get(`${server.url}${await cover.getAttribute('src')}`);
    expect(res.headers()['content-type']).toBe('image/svg+xml');

    // The instructor card shows the seeded portrait from the public avatars bucket.
    const avatar = '.instructor-card img.avatar';
    await expectVisible(page.locator(avatar));
    await expectEventually(() => loaded(avatar)).toMatch(
      /\/storage\/v1\/object\/public\/avatars\/[0-9a-f-]{36}\/portrait-[0-9a-f]{12}\.svg$/,
    );
  });

  it('uploads a thumbnail in the wizard, in three widths, and the course page uses them', async () => {
    await signIn('instructor@demo.test');

    const png = await drawPng(page);

    await page.goto(`${server.url}/teach/courses/${COURSE_ID}/edit`);
    const input = page.getByLabel('Upload a thumbnail');
    await expectVisible(input);
    await input.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
    await expectVisible(page.getByText('Thumbnail uploaded in 3 sizes'));
    await expectVisible(page.getByRole('img', { name: 'Preview of the new thumbnail' }));
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    const course = async () => {
      const res = await page.request.get(`${server.url}/api/courses/${SLUG}`);
      return (await res.json()) as { thumbnailUrl: string | null; thumbnailWidths: number[] };
    };
    await expectEventually(async () => (await course()).thumbnailWidths.length).toBe(3);
    const saved = await course();
    expect(saved.thumbnailWidths).toEqual([320, 640, 1280]);
    expect(saved.thumbnailUrl).toMatch(
      new RegExp(`^/storage/v1/object/course-media/${COURSE_ID}/public/thumb-[0-9a-z]+-\\{w\\}\\.webp$`),
    );

    await page.goto(`${server.url}/courses/${SLUG}`);
    const cover = page.locator('.enroll-panel img.cover');
    await expectVisible(cover);
    const srcset = (await cover.getAttribute('srcset')) ?? '';
    expect(srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['320w', '640w', '1280w']);
    expect(await cover.getAttribute('sizes')).toBe('(min-width: 56rem) 20rem, 100vw');
    await expectEventually(coversLoaded).toBe(true);
    for (const w of [320, 640, 1280]) {
      const res = await page.request.get(`${server.url}${saved.thumbnailUrl!.replace('{w}', String(w))}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/webp');
    }
  });

  it("shows a draft's thumbnail through signed links in the wizard and on the teaching dashboard", async () => {
    // Signed in as instructor@demo.test (the test above), who teaches the seeded draft.
    await page.goto(`${server.url}/teach/courses/${DRAFT_ID}/edit`);
    const current = 'img.wizard-thumbnail-current';
    await expectVisible(page.locator(current));
    // The seeded cover art, which anonymous visitors may not read yet.
    await expectEventually(() => loaded(current)).toMatch(
      new RegExp(`/storage/v1/object/sign/course-media/${DRAFT_ID}/public/cover\\.svg\\?token=`),
    );

    await page.getByLabel('Upload a thumbnail').setInputFiles({
      name: 'draft.png',
      mimeType: 'image/png',
      buffer: await drawPng(page),
    });
    await expectVisible(page.getByText('Thumbnail uploaded in 3 sizes'));
    const thumb = new RegExp(
      `/storage/v1/object/sign/course-media/${DRAFT_ID}/public/thumb-[0-9a-z]+-\\d+\\.webp\\?token=`,
    );
    await expectEventually(() => loaded(current)).toMatch(thumb);
    const srcset = (await page.locator(current).getAttribute('srcset')) ?? '';
    expect(srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['320w', '640w', '1280w']);

    await page.goto(`${server.url}/teach`);
    const draftThumb = `tr:has(a[href="/teach/courses/${DRAFT_ID}/edit"]) img.teach-course-thumb`;
    await expectVisible(page.locator(draftThumb));
    await expectEventually(() => loaded(draftThumb)).toMatch(thumb);
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
