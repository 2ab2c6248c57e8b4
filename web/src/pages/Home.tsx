import { A, createAsync } from '@solidjs/router';
import { For, lazy, Show } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { BlogHighlights } from '../components/blog/BlogHighlights.tsx';
import { CourseCard } from '../components/CourseCard.tsx';
import { CourseShelf } from '../components/CourseShelf.tsx';
import { FaqList } from '../components/FaqList.tsx';
import { inChunks, Later } from '../components/Later.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { faqCenterApi, firstQuestions } from '../lib/faq-api.ts';
import { HOME_NEWEST as NEWEST, HOME_POPULAR as POPULAR } from '../lib/first-data.ts';
import { formatMoney, plural } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { TAGLINE } from '../lib/site.ts';
import { siteApi } from '../lib/site-api.ts';
import { usePageTitle } from '../lib/title.ts';
import { HOME_FAQ_COUNT } from './faq.ts';
import '../styles/site.css';

// Answers are Markdown: the renderer loads with the FAQ teaser, below the first screen.
const Markdown = lazy(() => import('../components/Markdown.tsx').then((m) => ({ default: m.Markdown })));

export default function Home() {
  const { queries, auth, api } = useApp();
  usePageTitle(() => 'Practical online courses');

  // The same queries the route's preload started (App.tsx): no second request.
  const popular = createAsync(() => settle(queries.courses(POPULAR)));
  const newest = createAsync(() => settle(queries.courses(NEWEST)));
  const categories = createAsync(() => settle(queries.categories()));
  // The FAQ teaser's questions, asked now so they come from the page's first data (lib/first-data.ts).
  const faq = createAsync(() => settle(faqCenterApi(api).faq()));
  // The hero, featured courses and bundles and testimonials the admins manage (/admin/site), in the first data too.
  const site = createAsync(() => settle(siteApi(api).home()));
  const content = () => {
    const r = site();
    return r?.ok ? r.value : undefined;
  };
  const hero = () =>
    content()?.hero ?? {
      title: TAGLINE,
      text: 'Short, hands-on courses from working practitioners. Learn at your own pace, pick up where you left off on any device, and see your progress lesson by lesson.',
      ctaLabel: 'Browse courses',
      ctaHref: '/courses',
    };
  const external = (href: string) => /^https:/.test(href);

  const enrollHref = () => (auth.state.status === 'signed-in' ? '/courses?price=free' : '/signup');

  return (
    <>
      <section class="hero" aria-labelledby="hero-title">
        <div class="container hero-inner">
          <h1 id="hero-title">{hero().title}</h1>
          <p class="lead">{hero().text}</p>
          <div class="cta-row">
            <Show
              when={external(hero().ctaHref)}
              fallback={
                <A href={hero().ctaHref} class="button button-primary button-large">
                  {hero().ctaLabel}
                </A>
              }
            >
              <a href={hero().ctaHref} class="button button-primary button-large" rel="noopener">
                {hero().ctaLabel}
              </a>
            </Show>
            <A href={enrollHref()} class="button button-secondary button-large">
              Enroll now
            </A>
            <A href="/for-companies" class="button button-ghost button-large">
              For companies
            </A>
          </div>
        </div>
      </section>

      <Show when={content()?.featuredCourses.length}>
        <section class="container section" aria-labelledby="featured-title">
          <h2 id="featured-title">Featured courses</h2>
          <div class="card-grid">
            {/* Three at first (a phone's first screen holds fewer), the rest a few at a time after them. */}
            <For each={inChunks(content()?.featuredCourses ?? [], 3)}>
              {(chunk, c) => {
                const cards = (
                  <For each={chunk}>
                    {(course, i) => <CourseCard course={course} eagerCover={c() === 0 && i() < 3} />}
                  </For>
                );
                return c() === 0 ? cards : <Later>{cards}</Later>;
              }}
            </For>
          </div>
        </section>
      </Show>

      {/* Below the first screen: rendered after it (components/Later.tsx), a section or two per task. */}
      <Later>
        <CourseShelf
          id="popular"
          title="Popular courses"
          href="/courses?sort=popular"
          linkLabel="See all courses"
          courses={popular}
          retry={() => refetch(queries.courses, POPULAR)}
          count={6}
          loading="Loading popular courses…"
          empty="No courses are published yet."
        />
      </Later>
      <Later>
        <CourseShelf
          id="newest"
          title="Newest courses"
          href="/courses?sort=newest"
          linkLabel="See all new courses"
          courses={newest}
          retry={() => refetch(queries.courses, NEWEST)}
          count={3}
          loading="Loading new courses…"
          empty="No new courses right now."
        />

        <section class="container section" aria-labelledby="categories-title">
          <h2 id="categories-title">Explore by category</h2>
          <Async
            data={categories}
            fallback={<SkeletonBlock height={11} label="Loading categories…" />}
            retry={() => refetch(queries.categories)}
          >
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
      </Later>
      <Later>
        <section class="container section" aria-labelledby="bundles-title">
          <h2 id="bundles-title">Save with bundles</h2>
          <p>Courses that belong together, for less than buying them one by one.</p>
          <Show when={content()?.featuredBundles.length}>
            <ul class="featured-bundles">
              <For each={content()?.featuredBundles}>
                {(b) => (
                  <li>
                    <A href={`/bundles/${encodeURIComponent(b.slug)}`} class="featured-bundle">
                      <span class="featured-bundle-title">{b.title}</span>
                      <span class="featured-bundle-meta">
                        {plural(b.courses.length, 'course', 'courses')} ·{' '}
                        {formatMoney({ amount: b.bundlePrice, currency: b.currency })}
                        <Show when={b.savings > 0}>
                          {' '}
                          (save {formatMoney({ amount: b.savings, currency: b.currency })})
                        </Show>
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <A href="/bundles" class="button button-secondary">
            Browse bundles
          </A>
        </section>
      </Later>
      <Later>
        <BlogHighlights />
      </Later>
      <Later>
        <Show when={content()?.testimonials.length}>
          <section class="container section" aria-labelledby="testimonials-title">
            <h2 id="testimonials-title">What learners say</h2>
            <ul class="testimonials">
              <For each={content()?.testimonials}>
                {(t) => (
                  <li>
                    <figure class="testimonial">
                      <blockquote>
                        <p>{t.quote}</p>
                      </blockquote>
                      <figcaption>
                        <strong>{t.name}</strong>
                        <Show when={t.role}>
                          <span class="muted">, {t.role}</span>
                        </Show>
                      </figcaption>
                    </figure>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>

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
      </Later>
      <Later>
        <section class="container section faq-preview" aria-labelledby="faq-title">
          <h2 id="faq-title">Frequently asked questions</h2>
          <Async data={faq} fallback={<SkeletonBlock height={8} label="Loading questions…" />}>
            {(center) => (
              <FaqList
                items={firstQuestions(center(), HOME_FAQ_COUNT)}
                answer={(a) => <Markdown source={a} headingLevel={3} />}
              />
            )}
          </Async>
          <p>
            <A href="/faq">More questions and answers</A>
          </p>
        </section>
      </Later>
    </>
  );
}
