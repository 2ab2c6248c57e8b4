import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { CONTACT_EMAIL, SITE_NAME } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';

export default function ForCompanies() {
  const { auth } = useApp();
  usePageTitle(() => 'For companies');
  const mail = `mailto:${CONTACT_EMAIL}?subject=${encodeURIComponent(`Team training with ${SITE_NAME}`)}`;

  return (
    <>
      <section class="hero hero-compact" aria-labelledby="companies-title">
        <div class="container hero-inner">
          <h1 id="companies-title">Learning for your whole team</h1>
          <p class="lead">
            Buy seats for your employees, choose the courses they need and follow their progress in one place.
          </p>
          <div class="cta-row">
            <a href={mail} class="button button-primary button-large">
              Talk to us
            </a>
            <Show when={auth.state.status !== 'signed-in'}>
              <A href="/signup" class="button button-secondary button-large">
                Create a free account
              </A>
            </Show>
          </div>
        </div>
      </section>

      <section class="container section" aria-labelledby="how-title">
        <h2 id="how-title">What a company plan includes</h2>
        <ul class="feature-grid">
          <li class="feature">
            <h3>Seats</h3>
            <p>One seat per employee, managed by your company’s admin.</p>
          </li>
          <li class="feature">
            <h3>Employee dashboards</h3>
            <p>Every employee signs in to the same dashboard as any learner, with the courses assigned to them.</p>
          </li>
          <li class="feature">
            <h3>Progress reports</h3>
            <p>Managers see who started which course, how far each person is and who has finished.</p>
          </li>
          <li class="feature">
            <h3>The whole catalog</h3>
            <p>
              Assign any course from the <A href="/courses">catalog</A>, from beginner to advanced.
            </p>
          </li>
        </ul>
      </section>

      <section class="container section" aria-labelledby="start-title">
        <h2 id="start-title">How to start</h2>
        <ol class="steps">
          <li>Write to us with the size of your team and the topics you want to cover.</li>
          <li>We agree on the number of seats and the courses, and set up your company account.</li>
          <li>You invite your employees; they sign in and start learning.</li>
        </ol>
        <p>
          Email <a href={mail}>{CONTACT_EMAIL}</a>.
        </p>
      </section>
    </>
  );
}
