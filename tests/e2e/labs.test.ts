import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ids } from '../../seed/ids.ts';
import { openAdminSection } from '../support/admin-nav.ts';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectEventually, expectVisible } from '../support/web-expect.ts';

/**
 * A code lab in real Chromium against the real platform (issue 10): the demo student opens the
 * seeded `sum` lab of the free HTML & CSS course from the player's Labs tab, types in Monaco (the
 * editor loads from this origin only now, its web worker starts, the page's CSP lets it), runs a
 * wrong solution and sees a visible test fail, fixes it (Ctrl+Enter runs), submits, and sees the
 * lab passed and the course's progress move. The instructor checks the reference solution in the
 * lab editor; the admin's queue page shows the runner. Each page passes axe.
 */

const COURSE = 'html-css-foundations';
const WRONG = 'function sum(a, b) { return a - b; }';
const RIGHT = 'function sum(a, b) { return a + b; }';

let server: RunningServer;
let page: Page;
const monacoRequests: string[] = [];
const cspErrors: string[] = [];
const workers: string[] = [];

const { signIn, signOut, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
  page.on('request', (r) => {
    if (r.url().includes('/vendor/monaco/')) monacoRequests.push(r.url());
  });
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) cspErrors.push(m.text());
  });
  page.on('worker', (w) => workers.push(w.url()));
});

/** The course's progress in the player's header, 0–100. */
async function courseProgress(): Promise<number> {
  await page.goto(`${server.url}/learn/${COURSE}`);
  const bar = page.getByRole('progressbar', { name: 'Course progress' });
  await expectVisible(bar);
  return Number(await bar.getAttribute('aria-valuenow'));
}

/** Replaces the editor's text by typing, as a learner does: click in, select all, type. */
async function typeCode(code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
  // Monaco draws spaces as no-break spaces.
  const shown = async () => (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
  await expectEventually(shown).toContain(code);
}

describe('a code lab, failed then passed', () => {
  let before = 0;

  it('the learner opens the lab from the Labs tab and Monaco loads only then', async () => {
    await signIn('student@demo.test');
    before = await courseProgress();
    await page.getByRole('tab', { name: 'Labs' }).click();
    const link = page.locator(`a[href="/learn/${COURSE}/labs/sum"]`);
    await expectVisible(link);
    const row = page.getByRole('listitem').filter({ has: link });
    await expectVisible(row.getByText('Not started'));
    expect(monacoRequests, 'Monaco is not loaded before a lab opens').toEqual([]);

    await link.click();
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await expectVisible(page.locator('.monaco-editor'));
    expect(monacoRequests.some((u) => u.endsWith('/vendor/monaco/vs/loader.js'))).toBe(true);
    // Monaco's own input (an EditContext element in Chromium) carries the editor's accessible name.
    await expectEventually(() => page.getByRole('textbox', { name: /^Code for / }).count()).toBe(1);
    await expectEventually(() => workers.length).toBeGreaterThan(0);
    await expectAccessible('the lab page');
  });

  it('a wrong solution fails a visible test; the fix passes, by Ctrl+Enter', async () => {
    await typeCode(WRONG);
    await expectVisible(page.getByText('Draft saved.'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const summary = page.locator('.lab-summary');
    await expectEventually(() => summary.innerText()).toMatch(/^Run failed: \d+ of \d+ tests passed\.$/);
    await expectVisible(page.locator('.lab-test-failed').first());
    await expectVisible(page.locator('.lab-test-failed').first().getByText('Failed:'));

    await typeCode(RIGHT);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expectEventually(() => summary.innerText()).toMatch(/^Run passed: (\d+) of \1 tests passed\.$/);
    await expectAccessible('the lab page with results');
  });

  it('the submission passes, the lab is complete and the course progress moved', async () => {
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const summary = page.locator('.lab-summary');
    await expectEventually(() => summary.innerText()).toMatch(/^Submission passed: .* Lab complete\.$/);
    await expectVisible(page.getByText('Passed: you have completed this lab.'));
    await expectVisible(page.getByRole('row').filter({ hasText: 'Passed' }).first());
    await expectVisible(page.getByText(/^Course progress: \d+%/));
    expect(cspErrors, 'no Content Security Policy errors').toEqual([]);

    const after = await courseProgress();
    expect(after).toBeGreaterThan(before);
    await page.getByRole('tab', { name: 'Labs' }).click();
    const row = page.getByRole('listitem').filter({ has: page.locator(`a[href="/learn/${COURSE}/labs/sum"]`) });
    await expectVisible(row.getByText('Passed', { exact: true }));
  });

  it('the lab lesson in the player shows the same lab, passed', async () => {
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page
      .getByRole('link', { name: /Lab: add two numbers/ })
      .first()
      .click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Lab: add two numbers' }));
    await expectVisible(page.getByText('Passed: you have completed this lab.'));
    await expectVisible(page.locator('.monaco-editor'));
    await expectAccessible('the lab lesson');
    await expectReflows('the lab lesson');

    // Reset asks first, then puts the starter code back.
    await page.getByRole('button', { name: 'Reset to starter code' }).click();
    await page.getByRole('button', { name: 'Yes, replace my code with the starter code' }).click();
    await expectEventually(() => page.locator('.lab-summary').innerText()).toBe(
      'Your code was reset to the starter code.',
    );
    await expectEventually(async () =>
      (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '),
    ).not.toContain(RIGHT);

    // The passing attempt's code comes back from the history.
    await page
      .getByRole('row')
      .filter({ hasText: 'Passed' })
      .first()
      .getByRole('button', { name: /^Restore code of the attempt from / })
      .click();
    await expectEventually(() => page.locator('.lab-summary').innerText()).toMatch(
      /^The code of your attempt from .* is back in the editor\.$/,
    );
    await expectEventually(async () =>
      (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '),
    ).toContain(RIGHT);
    await signOut();
  });
});

describe('the lab editor and the runner queue', () => {
  it('the instructor checks the reference solution', async () => {
    await signIn('instructor@demo.test');
    await page.goto(`${server.url}/teach`);
    await page.getByRole('link', { name: 'Code labs of HTML & CSS Foundations' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Code labs' }));
    expect(page.url()).toBe(`${server.url}/teach/courses/${ids.course(COURSE)}/labs`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByText('Published') })
      .first();
    await row.getByRole('button', { name: /^Edit/ }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: /^Edit “/ }));
    await expectVisible(page.getByLabel('Hidden tests'));
    await page.getByRole('button', { name: 'Check reference solution' }).click();
    await expectVisible(page.getByText(/^The reference solution passes all \d+ tests\.$/));
    await expectVisible(page.getByRole('heading', { name: 'Reference solution check' }));
    await expectAccessible('the lab editor');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('publishing a lab whose reference solution fails is refused, with the failing run shown', async () => {
    await page.getByRole('button', { name: 'New lab' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Double it');
    await page.getByLabel('Instructions (Markdown)').fill('Write `function double(n)`.');
    await page
      .getByLabel('Visible tests', { exact: true })
      .fill("test('double(2) is 4', () => expect(double(2)).toBe(4));");
    await page
      .getByLabel('Hidden tests', { exact: true })
      .fill("test('double(-3) is -6', () => expect(double(-3)).toBe(-6));");
    await page.getByLabel('Reference solution', { exact: true }).fill('function double(n) { return n * 3; }');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Not published: the reference solution' }));
    await expectVisible(page.getByRole('heading', { name: 'Why it was not published' }));
    await expectVisible(page.getByText('expected 4, received 6'));
    await expectAccessible('the lab editor, publishing refused');

    await page.getByLabel('Reference solution', { exact: true }).fill('function double(n) { return n * 2; }');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expectVisible(page.getByText('Published “Double it”.'));
    await expectVisible(page.getByRole('row').filter({ hasText: 'Double it' }).getByText('Published'));
    await signOut();
  });

  it('the admin sees the queue and its chart', async () => {
    await signIn('admin@demo.test');
    await openAdminSection(page, 'Lab queue');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Lab runner queue' }));
    await expectVisible(page.getByText('Workers', { exact: true }));
    await expectVisible(page.getByRole('img', { name: /Lab runs queued and busy/ }));
    await expectAccessible('the lab queue');
  });
});
