import { A, createAsync, useLocation } from '@solidjs/router';
import { onMount } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { FaqList } from '../components/FaqList.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { faqCenterApi, firstQuestions } from '../lib/faq-api.ts';
import { settle } from '../lib/queries.ts';
import { CONTACT_EMAIL, SITE_NAME } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';

export default function About() {
  usePageTitle(() => 'About');
  const location = useLocation();
  const { api } = useApp();
  // The FAQ center's questions (edge/faq-center), every theme's in order.
  const faq = createAsync(() => settle(faqCenterApi(api).faq()));

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
        <Async data={faq} fallback={<SkeletonBlock height={12} label="Loading questions…" />}>
          {(center) => (
            <FaqList
              items={firstQuestions(center(), Number.POSITIVE_INFINITY)}
              answer={(a) => <Markdown source={a} headingLevel={3} />}
            />
          )}
        </Async>
        <p>
          <A href="/faq">Search the help center</A>
        </p>
      </section>

      <section id="contact" aria-labelledby="contact-title" tabindex="-1">
        <h2 id="contact-title">Contact</h2>
        <p>
          Questions about a course, your account or team training? Use the{' '}
          <A href="/faq#contact">contact form in the help center</A>, or write to{' '}
          <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>.
        </p>
      </section>
    </div>
  );
}
