import { A } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { CourseCard } from '../components/CourseCard.tsx';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import { TAGLINE } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';
import { HOME_FAQ } from './faq.ts';

export default function Home() {
  const { api, auth } = useApp();
  usePageTitle(() => 'Practical online courses');

  const [popular, { refetch: refetchPopular }] = createResource(() => api.courses('?sort=popular&page=1&pageSize=6'));
  const [newest, { refetch: refetchNewest }] = createResource(() => api.courses('?sort=newest&page=1&pageSize=3'));
  const [categories, { refetch: refetchCategories }] = createResource(() => api.categories());

  const enrollHref = () => (auth.state.status === 'signed-in' ? '/courses?price=free' : '/signup');

  return (
    <>
      <section class="hero" aria-labelledby="hero-title">
        <div class="container hero-inner">
          <h1 id="hero-title">{TAGLINE}</h1>
          <p class="lead">
            Short, hands-on courses from working practitioners. Learn at your own pace, pick up where you left off on
            any device, and see your progress lesson by lesson.
          </p>
          <div class="cta-row">
            <A href="/courses" class="button button-primary button-large">
              Browse courses
            </A>
            <A href={enrollHref()} class="button button-secondary button-large">
              Enroll now
            </A>
            <A href="/for-companies" class="button button-ghost button-large">
              For companies
            </A>
          </div>
        </div>
      </section>

      <section class="container section" aria-labelledby="popular-title">
        <div class="section-head">
          <h2 id="popular-title">Popular courses</h2>
          <A href="/courses?sort=popular" class="more-link">
            See all courses
          </A>
        </div>
        <Async resource={popular} loading="Loading popular courses…" retry={refetchPopular}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<p class="muted">No courses are published yet.</p>}>
              <div class="card-grid">
                <For each={list().items}>{(course) => <CourseCard course={course} />}</For>
              </div>
            </Show>
          )}
        </Async>
      </section>

      <section class="container section" aria-labelledby="newest-title">
        <div class="section-head">
          <h2 id="newest-title">Newest courses</h2>
          <A href="/courses?sort=newest" class="more-link">
            See all new courses
          </A>
        </div>
        <Async resource={newest} loading="Loading new courses…" retry={refetchNewest}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<p class="muted">No new courses right now.</p>}>
              <div class="card-grid">
                <For each={list().items}>{(course) => <CourseCard course={course} />}</For>
              </div>
            </Show>
          )}
        </Async>
      </section>

      <section class="container section" aria-labelledby="categories-title">
        <h2 id="categories-title">Explore by category</h2>
        <Async resource={categories} loading="Loading categories…" retry={refetchCategories}>
          {(cats) => (
            <ul class="category-tiles">
              <For each={cats().items}>
                {(cat) => (
                  <li>
                    <A href={`/courses?category=${encodeURIComponent(cat.slug)}`} class="category-tile">
                      <span class="category-name">{cat.name}</span>
                      <span class="category-count">{plural(cat.count, 'course', 'courses')}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Async>
      </section>

      <section class="band" aria-labelledby="companies-title">
        <div class="container band-inner">
          <div>
            <h2 id="companies-title">Training a team?</h2>
            <p>Give your people seats, follow their progress and keep every course in one place.</p>
          </div>
          <A href="/for-companies" class="button button-primary">
            Learn about team training
          </A>
        </div>
      </section>

      <section class="container section faq-preview" aria-labelledby="faq-title">
        <h2 id="faq-title">Frequently asked questions</h2>
        <For each={HOME_FAQ}>
          {(item) => (
            <details class="faq-item">
              <summary>{item.q}</summary>
              <p>{item.a}</p>
            </details>
          )}
        </For>
        <p>
          <a href="/about#faq">More questions and answers</a>
        </p>
      </section>
    </>
  );
}
