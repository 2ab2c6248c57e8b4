import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import type { CourseDetail, InstructorCard, SyllabusSection } from '../../../edge/api-types.ts';
import { Badges } from '../components/Badges.tsx';
import { CourseCover } from '../components/CourseCover.tsx';
import { InBundles } from '../components/InBundles.tsx';
import { Later } from '../components/Later.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { CourseFaq } from '../components/reviews/CourseFaq.tsx';
import { ReviewsSection } from '../components/reviews/ReviewsSection.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { Stars } from '../components/Stars.tsx';
import { addToCart, inCart } from '../lib/cart.ts';
import { useApp } from '../lib/context.ts';
import { DIFFICULTY_LABELS, formatDuration, formatMoney, LESSON_TYPE_LABELS, plural } from '../lib/format.ts';
import { initials } from '../lib/placeholder.ts';
import { refetch, setQueryData, settle } from '../lib/queries.ts';
import { safeContentUrl } from '../lib/safe-url.ts';
import { type Action, createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import { LoadFailure } from './NotFound.tsx';

type Enrollment = NonNullable<CourseDetail['enrollment']>;

export default function CourseDetails() {
  const params = useParams<{ slug: string }>();
  const { queries } = useApp();

  // Started by the route's preload (App.tsx); asked again when the user changes, since the
  // enrollment part of the answer depends on who is asking.
  const course = createAsync(() => settle(queries.course(params.slug)));
  const failure = () => {
    const r = course();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const loaded = () => {
    const r = course();
    return r?.ok ? r.value : undefined;
  };
  usePageTitle(() => 'Course');

  return (
    <Suspense fallback={<CourseSkeleton />}>
      <Switch>
        <Match when={failure()}>
          {(f) => (
            <LoadFailure
              error={f().error}
              what="Course"
              notFoundMessage="This course does not exist or is not published."
              retry={() => refetch(queries.course, params.slug)}
            />
          )}
        </Match>
        <Match when={loaded()}>
          {(c) => (
            <CourseView
              course={c()}
              onEnrolled={(enrollment) => setQueryData(queries.course, [params.slug], { ...c(), enrollment })}
            />
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}

/** The course page's frame while its data loads: the hero and the first sections' space. */
function CourseSkeleton() {
  return (
    <div class="course-page">
      <div class="course-hero">
        <div class="container">
          <SkeletonBlock height={13} label="Loading the course…" class="course-hero-skeleton" />
        </div>
      </div>
      <div class="container course-layout">
        <SkeletonBlock height={30} />
      </div>
    </div>
  );
}

function CourseView(props: { course: CourseDetail; onEnrolled: (e: Enrollment) => void }) {
  const { api, announce, auth } = useApp();
  const c = () => props.course;
  usePageTitle(
    () => c().title,
    () => c().subtitle || c().description,
  );

  // One enroll action for the panel's button and the phone's sticky bar: they share its state.
  const [justEnrolled, setJustEnrolled] = createSignal(false);
  const enroll = createAction(async (focusNext: () => HTMLElement | undefined) => {
    const { enrollment } = await api.enroll(c().id);
    setJustEnrolled(true);
    props.onEnrolled(enrollment);
    announce(`You are enrolled in ${c().title}.`);
    requestAnimationFrame(() => focusNext()?.focus());
  });
  const lessonTotal = () => c().sections.reduce((n, s) => n + s.lessons.length, 0);
  const minutesTotal = () => c().sections.reduce((n, s) => n + s.lessons.reduce((m, l) => m + l.durationMinutes, 0), 0);
  const introUrl = () => (c().introVideoUrl ? safeContentUrl(c().introVideoUrl!) : null);

  return (
    <article class="course-page">
      <header class="course-hero">
        <div class="container">
          <nav aria-label="Breadcrumb" class="breadcrumb">
            <ol>
              <li>
                <A href="/courses">Courses</A>
              </li>
              <Show when={c().category}>
                {(cat) => (
                  <li>
                    <a href={`/courses?category=${encodeURIComponent(cat().slug)}`}>{cat().name}</a>
                  </li>
                )}
              </Show>
            </ol>
          </nav>
          <h1>{c().title}</h1>
          <Show when={c().subtitle}>
            <p class="lead">{c().subtitle}</p>
          </Show>
          <div class="course-meta">
            <Stars average={c().rating.average} count={c().rating.count} />
            <span>{plural(c().enrollmentCount, 'learner', 'learners')}</span>
            <span>{DIFFICULTY_LABELS[c().difficulty]}</span>
            <span>
              {plural(lessonTotal(), 'lesson', 'lessons')}
              {minutesTotal() > 0 ? `, ${formatDuration(minutesTotal())}` : ''}
            </span>
          </div>
          <p class="course-by">
            Taught by <strong>{c().instructor.displayName}</strong>
          </p>
          <Badges badges={c().badges} />
        </div>
      </header>

      <div class="container course-layout">
        <div class="course-main">
          <Show when={c().outcomes.length > 0}>
            <section class="panel" aria-labelledby="outcomes-title">
              <h2 id="outcomes-title">What you’ll learn</h2>
              <ul class="checklist">
                <For each={c().outcomes}>{(o) => <li>{o}</li>}</For>
              </ul>
            </section>
          </Show>

          {/* Below the first screen: rendered after it (components/Later.tsx). */}
          <Later>
            <section aria-labelledby="about-title">
              <h2 id="about-title">About this course</h2>
              <Show
                when={c().description.trim()}
                fallback={<p class="muted">The instructor has not written a description yet.</p>}
              >
                <Markdown source={c().description} headingLevel={3} />
              </Show>
              <Show when={introUrl()}>
                {(url) => (
                  <p>
                    <a href={url()} rel="external noopener noreferrer">
                      Watch the course introduction
                    </a>
                  </p>
                )}
              </Show>
            </section>

            <section aria-labelledby="prereq-title">
              <h2 id="prereq-title">Prerequisites</h2>
              <Show when={c().prerequisites.length > 0} fallback={<p>None: this course starts from the beginning.</p>}>
                <ul>
                  <For each={c().prerequisites}>{(p) => <li>{p}</li>}</For>
                </ul>
              </Show>
            </section>

            <InBundles courseSlug={c().slug} />

            <Syllabus sections={c().sections} lessonTotal={lessonTotal()} minutesTotal={minutesTotal()} />

            <InstructorBio instructor={c().instructor} />

            <ReviewsSection
              slug={c().slug}
              signedIn={auth.state.status === 'signed-in'}
              version={c().enrollment?.status ?? 'none'}
            />

            <CourseFaq slug={c().slug} hideEmpty />
          </Later>
        </div>

        <aside class="enroll-panel" aria-labelledby="enroll-title">
          <CourseCover
            slug={c().slug}
            title={c().title}
            thumbnailUrl={c().thumbnailUrl}
            thumbnailWidths={c().thumbnailWidths}
            sizes="(min-width: 56rem) 20rem, 100vw"
            eager
          />
          <div class="enroll-body">
            <h2 id="enroll-title" class="sr-only">
              Enrollment
            </h2>
            <p class={`price price-large ${c().price.amount === 0 ? 'price-free' : ''}`}>{formatMoney(c().price)}</p>
            <EnrollActions course={c()} enroll={enroll} justEnrolled={justEnrolled()} />
            <ul class="enroll-facts">
              <li>{plural(lessonTotal(), 'lesson', 'lessons')}</li>
              <Show when={minutesTotal() > 0}>
                <li>{formatDuration(minutesTotal())} of material</li>
              </Show>
              <li>Learn at your own pace</li>
            </ul>
          </div>
        </aside>
      </div>

      {/* Phones: the panel above is at the end of a long page; this bar keeps price and action in reach. */}
      <div class="enroll-bar">
        <div class="container enroll-bar-inner">
          <p class={`price ${c().price.amount === 0 ? 'price-free' : ''}`}>{formatMoney(c().price)}</p>
          <EnrollActions course={c()} enroll={enroll} justEnrolled={justEnrolled()} compact />
        </div>
      </div>
    </article>
  );
}

type EnrollAction = Action<[focusNext: () => HTMLElement | undefined]>;

/**
 * The primary action for this course and this user: sign in, enroll, or go on learning.
 * `compact` is the sticky bar's version: the action alone, without progress or extra links.
 */
function EnrollActions(props: {
  course: CourseDetail;
  enroll: EnrollAction;
  justEnrolled: boolean;
  compact?: boolean;
}) {
  const { auth } = useApp();
  let goLink: HTMLAnchorElement | undefined;
  const errorId = () => (props.compact ? 'enroll-bar-error' : 'enroll-error');

  const c = () => props.course;
  const enrolled = () => {
    const e = c().enrollment;
    return e && e.status !== 'cancelled' ? e : null;
  };
  const playerHref = () => {
    const last = enrolled()?.lastLessonId;
    return `/learn/${encodeURIComponent(c().slug)}${last ? `/${encodeURIComponent(last)}` : ''}`;
  };
  const here = () => `/courses/${encodeURIComponent(c().slug)}`;
  const { run, busy, error } = props.enroll;

  return (
    <div class={props.compact ? 'enroll-actions enroll-actions-compact' : 'enroll-actions'}>
      <Switch>
        <Match when={props.justEnrolled && enrolled()}>
          <Show when={!props.compact}>
            <p class="notice notice-success">You’re enrolled. Enjoy the course!</p>
          </Show>
          <A href={playerHref()} class="button button-primary button-block" ref={goLink}>
            Go to course
          </A>
        </Match>
        <Match when={enrolled()}>
          {(e) => (
            <>
              <Show when={!props.compact}>
                <p class="progress-label">
                  <Show when={e().status === 'completed'} fallback={`${Math.round(e().progressPercentage)}% complete`}>
                    You completed this course
                  </Show>
                </p>
                <ProgressBar value={e().progressPercentage} label="Course progress" />
              </Show>
              <A href={playerHref()} class="button button-primary button-block">
                Continue learning
              </A>
            </>
          )}
        </Match>
        <Match when={c().price.amount > 0}>
          <BuyActions course={c()} compact={props.compact} />
        </Match>
        <Match when={auth.state.status === 'signed-out'}>
          <A href={`/signin?next=${encodeURIComponent(here())}`} class="button button-primary button-block">
            Sign in to enroll
          </A>
          <Show when={!props.compact}>
            <p class="small">
              New here? <A href={`/signup?next=${encodeURIComponent(here())}`}>Create an account</A>
            </p>
          </Show>
        </Match>
        <Match when={auth.state.status === 'signed-in'}>
          <button
            type="button"
            class="button button-primary button-block"
            onClick={() => run(() => goLink)}
            disabled={busy()}
            aria-describedby={error() ? errorId() : undefined}
          >
            {busy() ? 'Enrolling…' : c().price.amount === 0 ? 'Enroll for free' : 'Enroll'}
          </button>
          <ErrorMessage message={error()} id={errorId()} />
        </Match>
      </Switch>
    </div>
  );
}

/** A paid course: "Buy now" goes to the Payment page with this course; "Add to cart" keeps it for later. */
function BuyActions(props: { course: CourseDetail; compact?: boolean }) {
  const { announce } = useApp();
  const c = () => props.course;
  const add = () => {
    if (addToCart({ kind: 'course', id: c().id, title: c().title })) announce(`${c().title} is in your cart.`);
    else announce('Your cart is full. Remove something first.');
  };
  return (
    <>
      <A href={`/checkout?course=${encodeURIComponent(c().id)}`} class="button button-primary button-block">
        Buy now
      </A>
      <Show when={!props.compact}>
        <Show
          when={inCart('course', c().id)}
          fallback={
            <button type="button" class="button button-secondary button-block" onClick={add}>
              Add to cart
            </button>
          }
        >
          <A href="/cart" class="button button-secondary button-block">
            In your cart: view cart
          </A>
        </Show>
      </Show>
    </>
  );
}

function Syllabus(props: { sections: SyllabusSection[]; lessonTotal: number; minutesTotal: number }) {
  return (
    <section aria-labelledby="syllabus-title">
      <h2 id="syllabus-title">Course content</h2>
      <p class="muted">
        {plural(props.sections.length, 'section', 'sections')} · {plural(props.lessonTotal, 'lesson', 'lessons')}
        {props.minutesTotal > 0 ? ` · ${formatDuration(props.minutesTotal)} in total` : ''}
      </p>
      <Show when={props.sections.length > 0} fallback={<p>The syllabus is being prepared.</p>}>
        <div class="syllabus">
          <For each={props.sections}>
            {(section, i) => {
              const minutes = section.lessons.reduce((m, l) => m + l.durationMinutes, 0);
              return (
                <details class="syllabus-section" open={i() === 0}>
                  <summary>
                    <span class="syllabus-title">{section.title}</span>
                    <span class="syllabus-meta">
                      {plural(section.lessons.length, 'lesson', 'lessons')}
                      {minutes > 0 ? ` · ${formatDuration(minutes)}` : ''}
                    </span>
                  </summary>
                  <ul class="lesson-list">
                    <For each={section.lessons}>
                      {(lesson) => (
                        <li class="lesson-row">
                          <span class={`lesson-type type-${lesson.type}`}>{LESSON_TYPE_LABELS[lesson.type]}</span>
                          <span class="lesson-title">{lesson.title}</span>
                          <Show when={lesson.isPreview}>
                            <span class="badge badge-preview">Preview</span>
                          </Show>
                          <Show when={lesson.durationMinutes > 0}>
                            <span class="lesson-duration">{formatDuration(lesson.durationMinutes)}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </details>
              );
            }}
          </For>
        </div>
      </Show>
    </section>
  );
}

function InstructorBio(props: { instructor: InstructorCard }) {
  const i = () => props.instructor;
  const avatar = () => (i().avatarUrl ? safeContentUrl(i().avatarUrl!) : null);
  return (
    <section class="panel instructor-card" aria-labelledby="instructor-title">
      <h2 id="instructor-title">Your instructor</h2>
      <div class="instructor-head">
        <Show
          when={avatar()}
          fallback={
            <span class="avatar avatar-initials" aria-hidden="true">
              {initials(i().displayName)}
            </span>
          }
        >
          {(src) => <img class="avatar" src={src()} alt="" width="64" height="64" loading="lazy" />}
        </Show>
        <div>
          <p class="instructor-name">{i().displayName}</p>
          <Show when={i().headline}>
            <p class="muted">{i().headline}</p>
          </Show>
        </div>
      </div>
      <Show when={i().bio.trim()}>
        <Markdown source={i().bio} headingLevel={3} />
      </Show>
      <Show when={i().expertise.length > 0}>
        <ul class="tags" aria-label="Expertise">
          <For each={i().expertise}>{(e) => <li>{e}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
