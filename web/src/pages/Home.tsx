import { A, createAsync } from '@solidjs/router';
import { For, lazy } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { CourseShelf } from '../components/CourseShelf.tsx';
import { FaqList } from '../components/FaqList.tsx';
import { Later } from '../components/Later.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { faqCenterApi, firstQuestions } from '../lib/faq-api.ts';
import { HOME_NEWEST as NEWEST, HOME_POPULAR as POPULAR } from '../lib/first-data.ts';
import { plural } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { TAGLINE } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';
import { HOME_FAQ_COUNT } from './faq.ts';

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

      {/* Below the first screen: rendered after it (components/Later.tsx). */}
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
          <A href="/bundles" class="button button-secondary">
            Browse bundles
          </A>
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
