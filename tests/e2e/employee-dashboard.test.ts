import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { usePlatform } from '../support/e2e-steps.ts';
import type { RunningServer } from '../support/server.ts';
import { expectVisible } from '../support/web-expect.ts';

/**
 * An employee lands on the student dashboard with their company's assignment: the demo employee's
 * Git course, assigned by Acme Corp with a due date 14 days after seeding (seed/steps/companies.ts).
 */

let server: RunningServer;
let page: Page;

const { signIn, expectAccessible, expectReflows } = usePlatform((p) => {
  ({ server, page } = p);
});

describe('an employee', () => {
  it('sees the assigned course with who assigned it and its due date on the dashboard', async () => {
    await signIn('employee@demo.test');
    await page.goto(`${server.url}/dashboard`);
    const card = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: 'Git & GitHub Workflow' }) });
    await expectVisible(card.getByText('Assigned by Acme Corp'));
    await expectVisible(card.getByText(/^Due [A-Z][a-z]{2} \d{1,2}, \d{4}$/));
    // Assigned with a due date and unfinished: listed first.
    await expectVisible(page.getByRole('article').first().getByText('Assigned by Acme Corp'));
    await expectAccessible('dashboard with an assignment');
    await expectReflows('dashboard with an assignment');
  });
});
