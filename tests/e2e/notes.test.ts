import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { ids } from '../../seed/ids.ts';
import { expectAccessible, usePlatform } from '../support/e2e-steps.ts';
import type { Platform } from '../support/platform.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * Shared notes (issue 12) in two Chromium contexts on the real platform: the demo student
 * (enrolled in HTML & CSS Foundations) opens the first lesson's Notes tab in the player, its
 * instructor (not enrolled) the same lesson's cohort note from Teaching → Cohort notes.
 * The student's own note stays theirs; both type in the cohort note at the same time and end
 * with the same text; the instructor locks it and the student's typing no longer reaches them.
 */

let server: RunningServer;
let page: Page;
let platform: Platform;
let studentContext: BrowserContext | undefined;

const { signIn } = usePlatform((p) => {
  platform = p;
  ({ server, page } = p);
});
afterAll(async () => {
  await studentContext?.close();
});

const SLUG = 'html-css-foundations';
const NOTES_PATH = `/learn/${SLUG}/${ids.lesson(SLUG, 0, 0)}?tab=notes`;

/** The text of the note the page's Monaco holds ('note' for My note, 'cohort-note' for the cohort's), or null. */
const noteText = (p: Page, kind: 'note' | 'cohort-note') =>
  p.evaluate((k) => {
    const monaco = (window as unknown as { monaco?: typeof import('monaco-editor') }).monaco;
    const model = monaco?.editor
      .getModels()
      .find((m) => decodeURIComponent(m.uri.toString()).includes(`//notes/${k}:`));
    return model ? model.getValue() : null;
  }, kind);

const live = (p: Page) => p.getByRole('status').filter({ hasText: 'Live: your edits are shared' });
/** The editor has the server's copy of its document. */
const synced = (p: Page) => p.locator('.note-editor[data-synced="true"]');

async function typeInNote(p: Page, text: string, at: 'start' | 'end' = 'end') {
  await p.locator('.monaco-editor .view-lines').click();
  await p.keyboard.press(at === 'start' ? 'Control+Home' : 'Control+End');
  await p.keyboard.type(text, { delay: 15 });
}

describe('shared notes', () => {
  it('keeps my note mine, merges simultaneous typing in the cohort note, and honours the lock', async () => {
    // The instructor is not enrolled: they reach the cohort notes from Teaching.
    await signIn('instructor@demo.test');

    studentContext = await platform.browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`${server.url}/signin?next=${encodeURIComponent(NOTES_PATH)}`);
    await student.getByLabel('Email').fill('student@demo.test');
    await student.getByLabel('Password').fill(DEMO_PASSWORD);
    await student.getByRole('button', { name: 'Sign in' }).click();
    await student.waitForURL((url) => url.pathname === NOTES_PATH.split('?')[0]);

    // The student's own note.
    await expectVisible(student.getByRole('heading', { name: 'Notes on “How a web page is built”' }));
    await expectEventually(() => student.getByRole('radio', { name: /My note/ }).isChecked()).toBe(true);
    await expectVisible(live(student));
    await typeInNote(student, 'Private: remember the doctype.');
    await expectEventually(() => noteText(student, 'note')).toBe('Private: remember the doctype.');

    // Both open the cohort note and type at the same time.
    await page.goto(`${server.url}/teach`);
    await page.getByRole('link', { name: 'Cohort notes of HTML & CSS Foundations' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Cohort notes' }));
    expect(await page.getByLabel('Lesson').inputValue()).toBe(ids.lesson(SLUG, 0, 0));
    await expectVisible(page.getByRole('heading', { name: 'Notes on “How a web page is built”' }));
    await expectEventually(() => page.getByRole('radio', { name: /Cohort note/ }).isChecked()).toBe(true);
    await student.getByRole('radio', { name: /Cohort note/ }).check();
    await expectVisible(live(page));
    await expectVisible(live(student));
    await expectVisible(page.getByText('Editing now: Riley Park'));
    await expectVisible(student.getByText('Editing now: Jordan Blake'));
    // Apart (the student at the start, the instructor at the end), so the two phrases do not interleave.
    await typeInNote(page, '| Shared |');
    await expectEventually(() => noteText(student, 'cohort-note')).toBe('| Shared |');
    await Promise.all([typeInNote(student, 'Student was here. ', 'start'), typeInNote(page, ' Teacher was here.')]);
    await expectEventually(async () => {
      const [a, b] = await Promise.all([noteText(student, 'cohort-note'), noteText(page, 'cohort-note')]);
      return a !== null && a === b && a.includes('Student was here.') && a.includes('Teacher was here.');
    }).toBe(true);
    await expectAccessible(student, 'the Notes tab for the student');
    await expectAccessible(page, 'the cohort notes page for the instructor');

    // The instructor locks it: the student's typing does not reach them.
    await page.getByRole('button', { name: 'Lock the note' }).click();
    await expectVisible(page.getByRole('button', { name: 'Unlock the note' }));
    // The server re-checks a socket's access when its last check is older than 2 s.
    await page.waitForTimeout(2500);
    await typeInNote(student, ' SHOUTING');
    await typeInNote(page, ' Read chapter 2.');
    await expectEventually(async () => (await noteText(student, 'cohort-note'))?.includes('Read chapter 2.')).toBe(
      true,
    );
    await expectVisible(student.getByText('The instructor locked this note: you can read it.'));
    await page.waitForTimeout(500);
    expect(await noteText(page, 'cohort-note')).not.toContain('SHOUTING');

    // The student's own note is not the instructor's: theirs is empty.
    await page.getByRole('radio', { name: /My note/ }).check();
    await expectVisible(live(page));
    await expectVisible(synced(page));
    expect(await noteText(page, 'note')).toBe('');

    // The student's note was kept: after a reload it comes back from the server.
    await student.getByRole('radio', { name: /My note/ }).check();
    await student.reload();
    await expectVisible(synced(student));
    await expectEventually(() => noteText(student, 'note')).toBe('Private: remember the doctype.');
  });
});
