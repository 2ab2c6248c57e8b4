import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * The course player in real Chromium against the real platform: the instructor adds a video
 * lesson (a short WebM recorded in the browser with MediaRecorder) and a PDF lesson to a free
 * course through the authoring API and Storage; a new learner enrolls, moves through the tabs
 * with the keyboard, completes lessons, watches the video (resumed where they stopped, completed
 * at its share by the database), reads the PDF in the page, meets a drip-locked lesson whose
 * content the API refuses, and writes a review that shows, as inert text, on the course page.
 */

let server: RunningServer;
let page: Page;

const SLUG = 'python-for-data-analysis';
const PASSWORD = 'learn-demo-2026';
const learner = { email: `player-${Date.now()}@example.test`, password: 'player-password-1' };
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Clear and **useful**';

let courseId: string;
let dripLessonId: string;

const { expectAccessible } = usePlatform((p) => {
  ({ server, page } = p);
});

async function token(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api<T>(tok: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function upload(tok: string, path: string, type: string, bytes: Uint8Array) {
  const res = await fetch(`${server.url}/storage/v1/object/course-media/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': type },
    body: Buffer.from(bytes),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A 4-second WebM, recorded from a canvas in the page (what a phone or screen recorder makes). */
async function recordWebm(): Promise<Uint8Array> {
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const ctx = canvas.getContext('2d')!;
    const rec = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    let frame = 0;
    const paint = setInterval(() => {
      ctx.fillStyle = `hsl(${(frame++ * 25) % 360} 70% 50%)`;
      ctx.fillRect(0, 0, 160, 90);
    }, 100);
    rec.start();
    await new Promise((r) => setTimeout(r, 4000));
    await new Promise((r) => {
      rec.onstop = r;
      rec.stop();
    });
    clearInterval(paint);
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([400, 300]).drawText('Lesson notes: dataframes', { x: 40, y: 250, size: 16, font });
  return doc.save();
}

interface EditorSection {
  id: string;
  lessons: { id: string; title: string; dripDays: number | null; status: string }[];
}

describe('the course player', () => {
  it('the instructor adds a video lesson and a PDF lesson to a free course', async () => {
    const maya = await token('maya@demo.test', PASSWORD);
    courseId = ((await (await fetch(`${server.url}/api/courses/${SLUG}`)).json()) as { id: string }).id;
    const editor = await api<{ sections: EditorSection[] }>(maya, 'GET', `/api/teach/courses/${courseId}/editor`);
    const drip = editor.sections.flatMap((s) => s.lessons).find((l) => l.dripDays && l.status === 'published')!;
    dripLessonId = drip.id;
    const section = editor.sections[0]!.id;

    await page.goto(`${server.url}/about`); // a page of this site, to record the clip in
    const { id: videoId } = await api<{ id: string }>(maya, 'POST', `/api/teach/sections/${section}/lessons`, {
      title: 'A short clip',
      type: 'video',
      status: 'published',
      durationMinutes: 1,
      videoSeconds: 4,
      completeAtShare: 0.9,
      textContent: 'Watch the clip, then mark the lesson complete.',
    });
    const clip = `${courseId}/lessons/${videoId}/clip.webm`;
    await upload(maya, clip, 'video/webm', await recordWebm());
    await api(maya, 'PATCH', `/api/teach/lessons/${videoId}`, {
      contentUrl: [{ type: 'video', url: `course-media:${clip}` }],
    });

    const { id: pdfId } = await api<{ id: string }>(maya, 'POST', `/api/teach/sections/${section}/lessons`, {
      title: 'Lesson notes',
      type: 'pdf',
      status: 'published',
      durationMinutes: 5,
    });
    const notes = `${courseId}/lessons/${pdfId}/notes.pdf`;
    await upload(maya, notes, 'application/pdf', await makePdf());
    await api(maya, 'PATCH', `/api/teach/lessons/${pdfId}`, {
      contentUrl: [
        { type: 'pdf', url: `course-media:${notes}` },
        { type: 'download', url: `course-media:${notes}`, name: 'Cheat sheet.pdf' },
      ],
    });
  });

  it('a new learner enrolls and opens the player; the tabs work with the keyboard', async () => {
    const signup = await fetch(`${server.url}/auth/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...learner, data: { first_name: 'Ada', last_name: 'Lovelace' } }),
    });
    expect(signup.status).toBe(200);
    await page.goto(`${server.url}/signin?next=${encodeURIComponent(`/courses/${SLUG}`)}`);
    await page.getByLabel('Email').fill(learner.email);
    await page.getByLabel('Password').fill(learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByRole('link', { name: 'Go to course' }).click();
    await page.waitForURL(/\/learn\/python-for-data-analysis\/[0-9a-f-]+$/);
    await expectVisible(page.getByRole('navigation', { name: 'Course curriculum' }));
    const tabs = page.getByRole('tablist', { name: 'Course tools' });
    await expectVisible(tabs);
    await expectAccessible('the player, lessons tab');

    await tabs.getByRole('tab', { name: 'Lessons' }).focus();
    await page.keyboard.press('ArrowRight');
    await expectEventually(() => tabs.getByRole('tab', { name: 'Labs' }).getAttribute('aria-selected')).toBe('true');
    await expectEventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Labs');
    await expectVisible(page.getByRole('heading', { name: 'Code labs' }));
    await page.keyboard.press('End');
    await expectVisible(page.getByRole('tabpanel', { name: 'Course FAQ' }));
    await expectVisible(page.getByRole('heading', { name: 'Frequently asked questions' }));
    await page.keyboard.press('ArrowLeft');
    await expectVisible(page.getByRole('tabpanel', { name: 'Reviews' }));
    await expectAccessible('the player, reviews tab');
    await page.keyboard.press('Home');
    await expectVisible(page.getByRole('button', { name: 'Mark as complete' }));
  });

  it('completes a lesson, goes to the next and back', async () => {
    const progress = page.getByRole('progressbar', { name: 'Course progress' });
    const markComplete = page.getByRole('button', { name: 'Mark as complete' });
    await expectEventually(() => markComplete.getAttribute('aria-disabled')).toBeNull();
    const first = page.url();
    await markComplete.click();
    await expectVisible(page.getByRole('button', { name: 'Completed' }));
    await expectEventually(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Next lesson' }).click();
    await expectEventually(() => page.url()).not.toBe(first);
    await page.getByRole('link', { name: 'Previous lesson' }).click();
    await expectEventually(() => page.url()).toBe(first);
    await expectVisible(page.getByRole('button', { name: 'Completed' }));
  });

  it('shows a drip-locked lesson with its date, and the API refuses its content', async () => {
    const outline = page.getByRole('navigation', { name: 'Course curriculum' });
    await expectVisible(outline.getByText(/^Locked until \S.*\d{4}$/).first());
    const tok = await token(learner.email, learner.password);
    const res = await fetch(`${server.url}/api/lessons/${dripLessonId}`, {
      headers: { authorization: `Bearer ${tok}` },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('lesson_locked');
  });

  it('watches the video: too little is refused politely, it resumes, and watching completes it', async () => {
    await page
      .getByRole('navigation', { name: 'Course curriculum' })
      .getByRole('link', { name: /A short clip/ })
      .click();
    const video = page.getByLabel('Video: A short clip');
    await expectVisible(video);
    await expectEventually(() => page.evaluate(() => document.querySelector('video')!.readyState)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Keep watching' }));

    // Watch a little, then pause: the player reports the position.
    await page.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.muted = true;
      await v.play();
      await new Promise((r) => setTimeout(r, 300));
      v.currentTime = 1.5;
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.pause();
    });
    const watched = page.getByRole('progressbar', { name: 'Video watched' });
    await expectEventually(async () => Number(await watched.getAttribute('aria-valuenow'))).toBeGreaterThan(20);
    expect(Number(await watched.getAttribute('aria-valuenow'))).toBeLessThan(90);
    await expectAccessible('the player, a video lesson');

    // Back later: the video resumes where the learner stopped.
    await page.reload();
    await expectVisible(page.getByText('Resumes where you stopped.'));
    await expectEventually(() =>
      page.evaluate(() => document.querySelector('video')?.currentTime ?? 0),
    ).toBeGreaterThan(1);

    // Watch to the end: the database completes the lesson at its share.
    await page.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.muted = true;
      await v.play();
      await new Promise((r) => setTimeout(r, 300));
      v.currentTime = 3.9;
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.pause();
    });
    await expectVisible(page.getByRole('button', { name: 'Completed' }));
    await expectEventually(async () => Number(await watched.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(90);
  });

  it('reads the PDF lesson in the page, with its download', async () => {
    await page.getByRole('link', { name: 'Next lesson' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Lesson notes' }));
    const frame = page.locator('iframe[title="PDF: Lesson notes"]');
    await expectVisible(frame);
    const src = (await frame.getAttribute('src'))!;
    const res = await fetch(src.startsWith('http') ? src : `${server.url}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    await expectVisible(page.getByRole('link', { name: 'Download the PDF' }));
    await expectVisible(page.getByRole('link', { name: 'Cheat sheet.pdf' }));
    await expectAccessible('the player, a PDF lesson');
  });

  it('writes a review; it shows as plain text on the course page with the rating chart', async () => {
    await page.getByRole('tab', { name: 'Reviews' }).click();
    const form = page.getByRole('form', { name: 'Review this course' });
    await expectVisible(form);
    await form.getByLabel('4 stars').check();
    await form.getByLabel('Your comments (optional)').fill(XSS);
    await form.getByRole('button', { name: 'Publish review' }).click();
    const mine = page.getByRole('article', { name: 'Review by Ada L.' });
    await expectVisible(mine);
    await expectVisible(mine.getByText(XSS));
    await expectVisible(page.getByRole('form', { name: 'Your review' }));

    await page.goto(`${server.url}/courses/${SLUG}`);
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Reviews' }));
    await expectVisible(reviews.getByRole('img', { name: /How learners rated this course/ }));
    await expectVisible(reviews.getByRole('article', { name: 'Review by Ada L.' }).getByText(XSS));
    await expectVisible(page.getByRole('region', { name: 'Frequently asked questions' }));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible('the course page with reviews');
  });
});
