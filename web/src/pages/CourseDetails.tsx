import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import type { CourseDetail, InstructorCard, SyllabusSection } from '../../../edge/api-types.ts';
import { Badges } from '../components/Badges.tsx';
import { CourseCover } from '../components/CourseCover.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { ErrorMessage, ErrorNotice, Loading } from '../components/Notices.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { Stars } from '../components/Stars.tsx';
import { isApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { DIFFICULTY_LABELS, LESSON_TYPE_LABELS, formatDuration, formatMoney, plural } from '../lib/format.ts';
import { initials } from '../lib/placeholder.ts';
import { safeContentUrl } from '../lib/safe-url.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import { NotFoundContent } from './NotFound.tsx';

export default function CourseDetails() {
  const params = useParams<{ slug: string }>();
  const { api, auth } = useApp();

  // Wait for the session: the enrolment part of the answer depends on who is asking.
  const source = () => (auth.state.status === 'loading' ? false : ([params.slug, auth.state.user?.id ?? ''] as const));
  const [course, { refetch, mutate }] = createResource(source, ([slug]) => api.course(slug));
  const data = () => (course.state === 'ready' || course.state === 'refreshing' ? course.latest : undefined);

  usePageTitle(() => {
    if (course.state === 'errored') return isApiError(course.error, 'not_found') ? 'Course not found' : 'Course';
    return data()?.title ?? 'Course';
  });

  return (
    <Switch fallback={<div class="container section"><Loading label="Loading the course…" /></div>}>
      <Match when={course.state === 'errored' && isApiError(course.error, 'not_found')}>
        <NotFoundContent title="Course not found" message="This course does not exist or is not published." />
      </Match>
      <Match when={course.state === 'errored'}>
        <div class="container section">
          <h1>Course</h1>
          <ErrorNotice error={course.error} retry={refetch} />
        </div>
      </Match>
      <Match when={data()}>{(c) => <CourseView course={c()} onEnrolled={(enrollment) => mutate({ ...c(), enrollment })} />}</Match>
    </Switch>
  );
}

function CourseView(props: { course: CourseDetail; onEnrolled: (e: NonNullable<CourseDetail['enrollment']>) => void }) {
  const c = () => props.course;
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

          <section aria-labelledby="about-title">
            <h2 id="about-title">About this course</h2>
            <Show when={c().description.trim()} fallback={<p class="muted">The instructor has not written a description yet.</p>}>
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

          <Syllabus sections={c().sections} lessonTotal={lessonTotal()} minutesTotal={minutesTotal()} />

          <InstructorBio instructor={c().instructor} />
        </div>

        <aside class="enroll-panel" aria-labelledby="enroll-title">
          <CourseCover slug={c().slug} title={c().title} thumbnailUrl={c().thumbnailUrl} />
          <div class="enroll-body">
            <h2 id="enroll-title" class="sr-only">
              Enrolment
            </h2>
            <p class={`price price-large ${c().price.amount === 0 ? 'price-free' : ''}`}>{formatMoney(c().price)}</p>
            <EnrollActions course={c()} onEnrolled={props.onEnrolled} />
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
    </article>
  );
}

function EnrollActions(props: { course: CourseDetail; onEnrolled: (e: NonNullable<CourseDetail['enrollment']>) => void }) {
  const { api, auth, announce } = useApp();
  const [justEnrolled, setJustEnrolled] = createSignal(false);
  let goLink: HTMLAnchorElement | undefined;

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

  const { run: enroll, busy, error } = createAction(async () => {
    const { enrollment } = await api.enroll(c().id);
    setJustEnrolled(true);
    props.onEnrolled(enrollment);
    announce(`You are enrolled in ${c().title}.`);
    requestAnimationFrame(() => goLink?.focus());
  });

  return (
    <div class="enroll-actions">
      <Switch>
        <Match when={justEnrolled() && enrolled()}>
          <p class="notice notice-success">You’re enrolled. Enjoy the course!</p>
          <A href={playerHref()} class="button button-primary button-block" ref={goLink}>
            Go to course
          </A>
        </Match>
        <Match when={enrolled()}>
          {(e) => (
            <>
              <p class="progress-label">
                <Show when={e().status === 'completed'} fallback={`${Math.round(e().progressPercentage)}% complete`}>
                  You completed this course
                </Show>
              </p>
              <ProgressBar value={e().progressPercentage} label="Course progress" />
              <A href={playerHref()} class="button button-primary button-block">
                Continue learning
              </A>
            </>
          )}
        </Match>
        <Match when={auth.state.status === 'signed-out'}>
          <A href={`/signin?next=${encodeURIComponent(here())}`} class="button button-primary button-block">
            Sign in to enroll
          </A>
          <p class="small">
            New here? <A href={`/signup?next=${encodeURIComponent(here())}`}>Create an account</A>
          </p>
        </Match>
        <Match when={auth.state.status === 'signed-in'}>
          <button type="button" class="button button-primary button-block" onClick={enroll} disabled={busy()} aria-describedby={error() ? 'enroll-error' : undefined}>
            {busy() ? 'Enrolling…' : c().price.amount === 0 ? 'Enroll for free' : 'Enroll'}
          </button>
          <ErrorMessage message={error()} id="enroll-error" />
        </Match>
      </Switch>
    </div>
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
        <Show when={avatar()} fallback={<span class="avatar avatar-initials" aria-hidden="true">{initials(i().displayName)}</span>}>
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
