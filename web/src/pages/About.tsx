import { A, useLocation } from '@solidjs/router';
import { onMount } from 'solid-js';
import { FaqList } from '../components/FaqList.tsx';
import { CONTACT_EMAIL, SITE_NAME } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';
import { FAQ } from './faq.ts';

export default function About() {
  usePageTitle(() => 'About');
  const location = useLocation();

  // Arriving from another page at /about#faq: the section exists only now.
  onMount(() => {
    const id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (id) requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
  });

  return (
    <div class="container section prose-page">
      <h1>About {SITE_NAME}</h1>
      <p class="lead">
        {SITE_NAME} is a place to take practical online courses and keep track of what you have learned.
      </p>
      <p>
        Instructors publish courses made of short lessons, grouped into sections. You can browse and search the catalog
        without an account. With a free account you can enroll in free courses, work through the lessons in the course
        player, mark each one as complete and pick up where you left off from <A href="/dashboard">your dashboard</A>.
      </p>
      <p>
        The site loads no fonts, scripts or trackers from other sites. Your account and progress are stored only in the
        platform’s own database.
      </p>

      <section id="faq" aria-labelledby="faq-title" tabindex="-1">
        <h2 id="faq-title">Frequently asked questions</h2>
        <FaqList items={FAQ} />
      </section>

      <section id="contact" aria-labelledby="contact-title" tabindex="-1">
        <h2 id="contact-title">Contact</h2>
        <p>
          Questions about a course, your account or team training? Write to{' '}
          <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>.
        </p>
      </section>
    </div>
  );
}
