import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ThrottleUploads, uploadThrottle, usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectHidden, expectVisible } from '../support/web-expect.ts';

/**
 * The instructor's media library in real Chromium against the real platform: a course video goes
 * to the embedded Storage service through its resumable (TUS) endpoint in 6 MB parts, with a
 * progress bar; a paused upload resumes where it stopped; the file is listed, opens through a
 * signed link and can be deleted. Learners who open the page are told it is for instructors.
 */

let server: RunningServer;
let page: Page;
let throttleUploads: ThrottleUploads;

const { signIn, signOut, expectAccessible } = usePlatform(async (p) => {
  ({ server, page } = p);
  throttleUploads = await uploadThrottle(page);
});

/** A file that says it is an MP4 (the server checks the declared type against the bucket's). */
const video = (name: string, bytes: number) => ({ name, mimeType: 'video/mp4', buffer: randomBytes(bytes) });

const fileInput = () => page.getByLabel('Choose a video, PDF or image');

describe("the instructor's media library", () => {
  it('is reached from the header, lists the courses and passes axe', async () => {
    await signIn('instructor@demo.test');
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Teaching' }).click();
    await page.waitForURL(/\/teach$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Teaching' }));
    await expectVisible(page.getByRole('table', { name: 'Your courses' }));
    await expectAccessible('the teaching page');
    await page
      .getByRole('link', { name: /^Media library of / })
      .first()
      .click();
    await page.waitForURL(/\/teach\/courses\/[0-9a-f-]+\/media$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Media library' }));
    // The seed drew the course's cover art (seed/covers) into its public folder.
    await expectVisible(page.getByRole('cell', { name: 'cover.svg' }).or(page.getByText('cover.svg')).first());
    await expectAccessible('the media library');
  });

  it('refuses a file of the wrong type before sending it', async () => {
    await fileInput().setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expectVisible(
      page
        .getByRole('alert')
        .filter({ hasText: '“notes.txt” is not a file type we accept. Choose videos, images or PDF files.' }),
    );
    await expectHidden(page.getByRole('progressbar'));
  });

  it('uploads a video in parts with progress, pauses, resumes where it stopped and lists it', async () => {
    // 14 MB at 2 MB/s: three 6 MB parts, about seven seconds.
    await throttleUploads(2 * 1024 * 1024);
    await fileInput().setInputFiles(video('Week 1 – Welcome.mp4', 14 * 1024 * 1024));
    const bar = page.getByRole('progressbar', { name: 'Uploading Week 1 – Welcome.mp4' });
    await expectVisible(bar);
    // Pause once the first part is stored (progress past 6 MB of 14 MB, 43%).
    await expectEventually(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(43);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Upload paused. What was sent is kept.' }));
    const pausedAt = Number(await bar.getAttribute('aria-valuenow'));
    expect(pausedAt).toBeGreaterThanOrEqual(43);
    expect(pausedAt).toBeLessThan(100);

    await throttleUploads(-1);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Uploaded “Week 1 – Welcome.mp4”.' }));
    await expectHidden(bar);

    const row = page.getByRole('row', { name: /week-1-welcome\.mp4/ });
    await expectVisible(row);
    await expectVisible(row.getByRole('cell', { name: '14 MB' }));
    await expectVisible(row.getByRole('cell', { name: 'Learners of this course' }));
    const href = await row.getByRole('link', { name: 'Open week-1-welcome.mp4' }).getAttribute('href');
    expect(href).toMatch(/\/storage\/v1\/object\/sign\/course-media\/.+\/media\/week-1-welcome\.mp4\?token=/);
    const res = await fetch(new URL(href!, server.url), { headers: { range: 'bytes=0-99' } });
    expect(res.status).toBe(206);
    expect((await res.arrayBuffer()).byteLength).toBe(100);
  });

  it('gives a second file of the same name its own name, and deletes a file after confirmation', async () => {
    await fileInput().setInputFiles(video('Week 1 – Welcome.mp4', 256 * 1024));
    await expectVisible(page.getByRole('row', { name: /week-1-welcome-2\.mp4/ }));

    const row = page.getByRole('row', { name: /week-1-welcome-2\.mp4/ });
    await row.getByRole('button', { name: 'Delete week-1-welcome-2.mp4' }).click();
    await row.getByRole('button', { name: 'Confirm delete week-1-welcome-2.mp4' }).click();
    await expectHidden(page.getByRole('row', { name: /week-1-welcome-2\.mp4/ }));
    await expectVisible(page.getByRole('row', { name: /week-1-welcome\.mp4/ }));
  });

  it('tells a learner the page is for instructors', async () => {
    await signOut();
    await signIn('student@demo.test');
    await page.getByRole('button', { name: 'Account' }).click();
    await expectVisible(page.getByRole('link', { name: 'Orders' }));
    await expectHidden(page.getByRole('link', { name: 'Teaching' }));
    await page.goto(`${server.url}/teach`);
    await expectVisible(page.getByText('This page is for instructors.'));
  });
});
