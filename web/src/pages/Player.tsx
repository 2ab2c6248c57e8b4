import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  on,
  Show,
  Suspense,
  Switch,
} from 'solid-js';
import type { CoursePlayer, LessonContent, PlayerLesson } from '../../../edge/api-types.ts';
import { CheckIcon, CircleIcon, LockIcon } from '../components/Icons.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { ErrorMessage, ErrorNotice, Loading } from '../components/Notices.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { errorMessage, isApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { formatDate, formatDuration, LESSON_TYPE_LABELS, plural } from '../lib/format.ts';
import { flattenLessons, neighbours, pickStartLesson, withLessonCompleted } from '../lib/player.ts';
import { refetch, setQueryData, settle } from '../lib/queries.ts';
import { safeContentUrl } from '../lib/safe-url.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';

export default function PlayerPage() {
  return (
    <RequireAuth>
      <Suspense fallback={<PlayerSkeleton />}>
        <PlayerView />
      </Suspense>
    </RequireAuth>
  );
}

type Lesson = PlayerLesson & { sectionTitle: string };

const lessonHref = (slug: string, id: string) => `/learn/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`;

/** The player's frame while the outline loads: the progress bar and the lesson's space. */
function PlayerSkeleton() {
  return (
    <div class="player">
      <div class="player-bar">
        <div class="container-wide player-bar-inner">
          <SkeletonBlock height={2.6} label="Loading the course…" class="player-bar-skeleton" />
        </div>
      </div>
      <div class="container-wide player-layout">
        <SkeletonBlock height={24} class="lesson-skeleton" />
      </div>
    </div>
  );
}

function PlayerView() {
  const params = useParams<{ slug: string; lessonId?: string }>();
  const navigate = useNavigate();
  const { queries, announce } = useApp();

  // Started by the route's preload (App.tsx), with the lesson's content, while this code loaded.
  const player = createAsync(() => settle(queries.player(params.slug)));
  const data = () => {
    const r = player();
    return r?.ok ? r.value : undefined;
  };
  const failure = () => {
    const r = player();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const lessons = createMemo<Lesson[]>(() => {
    const p = data();
    return p ? flattenLessons(p) : [];
  });
  const current = createMemo(() => lessons().find((l) => l.id === params.lessonId) ?? null);

  // /learn/:slug opens the right lesson.
  createEffect(() => {
    const p = data();
    if (!p || params.lessonId) return;
    const start = pickStartLesson(p);
    if (start) navigate(lessonHref(p.course.slug, start.id), { replace: true });
  });

  usePageTitle(() => {
    const p = data();
    const c = current();
    if (!p) return 'Course player';
    return c ? `${c.title} · ${p.course.title}` : p.course.title;
  });

  const [lesson, { mutate: mutateLesson, refetch: refetchLesson }] = createResource(
    () => {
      const c = current();
      return c?.available ? c.id : false;
    },
    (id) => queries.lesson(id),
  );

  // Phones: the outline folds away below the lesson; picking a lesson folds it again.
  const [outlineOpen, setOutlineOpen] = createSignal(false);
  createEffect(
    on(
      () => params.lessonId,
      () => setOutlineOpen(false),
      { defer: true },
    ),
  );

  const onCompleted = (lessonId: string, enrollment: CoursePlayer['enrollment']) => {
    const p = data();
    if (p) setQueryData(queries.player, [params.slug], withLessonCompleted(p, lessonId, enrollment));
    const l = lesson.latest;
    if (l && l.id === lessonId) mutateLesson({ ...l, completed: true });
    announce(
      enrollment.status === 'completed'
        ? 'Lesson marked as complete. You have finished the course!'
        : 'Lesson marked as complete.',
    );
  };

  return (
    <Switch>
      <Match when={failure()}>
        {(f) => (
          <div class="container section">
            <h1>Course player</h1>
            <Show
              when={isApiError(f().error, 'forbidden', 'not_found', 'not_enrolled')}
              fallback={<ErrorNotice error={f().error} retry={() => refetch(queries.player, params.slug)} />}
            >
              <div class="notice notice-error" role="alert">
                <p>{errorMessage(f().error)}</p>
                <p>Only learners enrolled in a course can open its lessons.</p>
              </div>
              <p>
                <A href={`/courses/${encodeURIComponent(params.slug)}`}>Go to the course page</A>
              </p>
            </Show>
          </div>
        )}
      </Match>
      <Match when={data()}>
        {(p) => (
          <div class="player">
            <div class="player-bar">
              <div class="container-wide player-bar-inner">
                <p class="player-course">
                  <A href={`/courses/${encodeURIComponent(p().course.slug)}`}>{p().course.title}</A>
                </p>
                <div class="player-progress">
                  <ProgressBar value={p().enrollment.progressPercentage} label="Course progress" />
                  <p class="small">
                    {Math.round(p().enrollment.progressPercentage)}% complete · {p().enrollment.completedLessons} of{' '}
                    {plural(p().enrollment.totalLessons, 'lesson', 'lessons')}
                  </p>
                </div>
              </div>
            </div>
            <div class="container-wide player-layout">
              <div class="lesson-pane">
                <Switch>
                  <Match when={lessons().length === 0}>
                    <h1>{p().course.title}</h1>
                    <p>This course has no lessons yet.</p>
                  </Match>
                  <Match when={!params.lessonId}>
                    <Loading label="Opening your lesson…" />
                  </Match>
                  <Match when={!current()}>
                    <h1>Lesson not found</h1>
                    <p>This lesson is not part of the course.</p>
                    <p>
                      <A href={`/learn/${encodeURIComponent(p().course.slug)}`}>Go to your current lesson</A>
                    </p>
                  </Match>
                  <Match when={current()}>
                    {(c) => (
                      <LessonView
                        slug={p().course.slug}
                        lesson={c()}
                        content={lesson.state === 'ready' || lesson.state === 'refreshing' ? lesson.latest : undefined}
                        contentError={lesson.state === 'errored' ? lesson.error : undefined}
                        retry={refetchLesson}
                        lessons={lessons()}
                        courseCompleted={p().enrollment.status === 'completed'}
                        onCompleted={onCompleted}
                      />
                    )}
                  </Match>
                </Switch>
              </div>
              <div class="curriculum-wrap">
                <button
                  type="button"
                  class="button button-secondary outline-toggle"
                  aria-expanded={outlineOpen()}
                  aria-controls="course-outline"
                  onClick={() => setOutlineOpen(!outlineOpen())}
                >
                  {outlineOpen() ? 'Hide course outline' : 'Show course outline'}
                  <span class="outline-count">
                    {p().enrollment.completedLessons}/{p().enrollment.totalLessons}
                    <span class="sr-only"> lessons done</span>
                  </span>
                </button>
                <Curriculum player={p()} currentId={params.lessonId ?? null} open={outlineOpen()} />
              </div>
            </div>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function Curriculum(props: { player: CoursePlayer; currentId: string | null; open: boolean }) {
  const sections = () => [...props.player.sections].sort((a, b) => a.position - b.position);
  return (
    <nav
      id="course-outline"
      class="curriculum"
      aria-label="Course curriculum"
      data-open={props.open ? 'true' : 'false'}
    >
      <For each={sections()}>
        {(section) => {
          const titleId = `curriculum-section-${section.id}`;
          const done = () => section.lessons.filter((l) => l.completed).length;
          return (
            <div class="curriculum-section">
              <p class="curriculum-section-title" id={titleId}>
                {section.title}
                <span class="curriculum-section-count">
                  {done()}/{section.lessons.length}
                  <span class="sr-only"> lessons done</span>
                </span>
              </p>
              <ol aria-labelledby={titleId}>
                <For each={[...section.lessons].sort((a, b) => a.position - b.position)}>
                  {(l) => (
                    <li
                      class="curriculum-lesson"
                      classList={{ current: l.id === props.currentId, completed: l.completed, locked: !l.available }}
                    >
                      <span class="mark">
                        {l.completed ? <CheckIcon /> : !l.available ? <LockIcon /> : <CircleIcon />}
                      </span>
                      <Show
                        when={l.available}
                        fallback={
                          <span class="curriculum-locked">
                            <span class="curriculum-lesson-title">{l.title}</span>
                            <span class="small">
                              Locked{l.availableAt ? ` until ${formatDate(l.availableAt)}` : ''}
                            </span>
                          </span>
                        }
                      >
                        <A
                          href={lessonHref(props.player.course.slug, l.id)}
                          aria-current={l.id === props.currentId ? 'page' : undefined}
                        >
                          <span class="curriculum-lesson-title">{l.title}</span>
                          <span class="sr-only">{l.completed ? ', done' : ''}</span>
                          <span class="small muted-on-nav">
                            {LESSON_TYPE_LABELS[l.type]}
                            {l.durationMinutes > 0 ? ` · ${formatDuration(l.durationMinutes)}` : ''}
                          </span>
                        </A>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </div>
          );
        }}
      </For>
    </nav>
  );
}

function LessonView(props: {
  slug: string;
  lesson: Lesson;
  content: LessonContent | undefined;
  contentError: unknown;
  retry: () => void;
  lessons: Lesson[];
  courseCompleted: boolean;
  onCompleted: (lessonId: string, enrollment: CoursePlayer['enrollment']) => void;
}) {
  const { api } = useApp();
  const {
    run: markComplete,
    busy,
    error,
    setError,
  } = createAction(async (id: string) => {
    const { enrollment } = await api.completeLesson(id);
    props.onCompleted(id, enrollment);
  });
  const around = () => neighbours(props.lessons, props.lesson.id);
  const completed = () => props.lesson.completed || (props.content?.id === props.lesson.id && props.content.completed);

  // A new lesson starts without the previous lesson's error.
  createEffect(() => {
    void props.lesson.id;
    setError(null);
  });

  const complete = async () => {
    if (busy() || completed() || !props.content) return;
    await markComplete(props.lesson.id);
  };

  return (
    <article class="lesson" aria-labelledby="lesson-title">
      <p class="eyebrow">{props.lesson.sectionTitle}</p>
      <h1 id="lesson-title">{props.lesson.title}</h1>
      <p class="lesson-meta">
        {LESSON_TYPE_LABELS[props.lesson.type]}
        {props.lesson.durationMinutes > 0 ? ` · ${formatDuration(props.lesson.durationMinutes)}` : ''}
      </p>

      <Switch>
        <Match when={!props.lesson.available}>
          <div class="notice notice-info">
            <p>
              This lesson is not open yet.
              {props.lesson.availableAt ? ` It opens on ${formatDate(props.lesson.availableAt)}.` : ''}
            </p>
          </div>
        </Match>
        <Match when={props.contentError}>
          <ErrorNotice error={props.contentError} retry={props.retry} />
        </Match>
        <Match when={!props.content || props.content.id !== props.lesson.id}>
          <Loading label="Loading the lesson…" />
        </Match>
        <Match when={props.content}>{(c) => <LessonBody content={c()} />}</Match>
      </Switch>

      <Show when={props.lesson.available}>
        <div class="lesson-actions">
          <button
            type="button"
            class={completed() ? 'button button-done' : 'button button-primary'}
            aria-disabled={completed() || busy() || !props.content ? 'true' : undefined}
            onClick={complete}
          >
            <Show when={completed()} fallback={busy() ? 'Saving…' : 'Mark as complete'}>
              Completed
            </Show>
          </button>
          <ErrorMessage message={error()} />
        </div>
      </Show>

      <Show when={completed() && props.courseCompleted && !around().next}>
        <div class="notice notice-success">
          <p>You have finished every lesson in this course. Well done!</p>
          <p>
            <A href="/dashboard">Back to your courses</A>
          </p>
        </div>
      </Show>

      <nav class="lesson-nav" aria-label="Lessons">
        <Show when={around().prev}>
          {(prev) => (
            <div class="lesson-nav-prev">
              <A href={lessonHref(props.slug, prev().id)} class="button button-secondary">
                <span aria-hidden="true">← </span>Previous lesson
              </A>
              <span class="small muted">{prev().title}</span>
            </div>
          )}
        </Show>
        <Show when={around().next}>
          {(next) => (
            <div class="lesson-nav-next">
              <A href={lessonHref(props.slug, next().id)} class="button button-primary">
                Next lesson<span aria-hidden="true"> →</span>
              </A>
              <span class="small muted">{next().title}</span>
            </div>
          )}
        </Show>
      </nav>
    </article>
  );
}

const CONTENT_LABELS: Record<string, string> = {
  video: 'Watch the video',
  pdf: 'Open the PDF',
  slides: 'Open the slides',
  audio: 'Listen to the audio',
  file: 'Download the file',
  link: 'Open the link',
};

function LessonBody(props: { content: LessonContent }) {
  const links = () =>
    props.content.contentUrl
      .map((c) => ({ type: c.type, url: safeContentUrl(c.url) }))
      .filter((c): c is { type: string; url: string } => c.url !== null);
  const hasText = () => Boolean(props.content.textContent?.trim());
  return (
    <div class="lesson-body">
      <Show when={hasText()}>
        <Markdown source={props.content.textContent ?? ''} headingLevel={2} />
      </Show>
      <Show when={links().length > 0}>
        <ul class="resource-list" aria-label="Lesson materials">
          <For each={links()}>
            {(l, i) => (
              <li>
                <a href={l.url} rel="external noopener noreferrer">
                  {CONTENT_LABELS[l.type] ?? `Open ${l.type || 'material'}`}
                  {links().length > 1 ? ` (${i() + 1})` : ''}
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!hasText() && links().length === 0}>
        <p class="muted">
          This {LESSON_TYPE_LABELS[props.content.type].toLowerCase()} lesson has no material to show here yet.
        </p>
      </Show>
    </div>
  );
}
