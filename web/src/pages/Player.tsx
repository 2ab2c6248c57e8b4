import { A, createAsync, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  lazy,
  Match,
  on,
  Show,
  Suspense,
  Switch,
} from 'solid-js';
import type { CoursePlayer } from '../../../edge/api-types.ts';
import { AssignmentsTab } from '../components/learn/AssignmentsTab.tsx';
import { QuizzesTab } from '../components/learn/QuizzesTab.tsx';
import { ErrorNotice, Loading } from '../components/Notices.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { Curriculum, lessonHref } from '../components/player/Curriculum.tsx';
import { LabsTab } from '../components/player/LabsTab.tsx';
import { type Lesson, LessonView } from '../components/player/LessonView.tsx';
import { PlayerTabs, TabPanel } from '../components/player/PlayerTabs.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { CourseFaq } from '../components/reviews/CourseFaq.tsx';
import { ReviewsSection } from '../components/reviews/ReviewsSection.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { SessionsTab } from '../components/sessions/SessionsTab.tsx';
import { errorMessage, isApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import {
  flattenLessons,
  PLAYER_TABS,
  type PlayerTab,
  pickStartLesson,
  tabFromParam,
  withLessonCompleted,
} from '../lib/player.ts';
import { refetch, setQueryData, settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/player.css';

// Yjs and the editor load with the Notes tab, not with the player.
const NotesTab = lazy(() => import('../components/notes/NotesTab.tsx').then((m) => ({ default: m.NotesTab })));

export default function PlayerPage() {
  return (
    <RequireAuth>
      <Suspense fallback={<PlayerSkeleton />}>
        <PlayerView />
      </Suspense>
    </RequireAuth>
  );
}

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
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const navigate = useNavigate();
  const { queries, announce, auth } = useApp();
  const tab = () => tabFromParam(search.tab);
  const selectTab = (t: PlayerTab) => setSearch({ tab: t === 'lessons' ? undefined : t }, { replace: true });

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

  // /learn/:slug opens the right lesson, keeping the tab asked for (/learn/:slug?tab=quizzes).
  createEffect(() => {
    const p = data();
    if (!p || params.lessonId) return;
    const start = pickStartLesson(p);
    const asked = tabFromParam(search.tab);
    const query = asked === 'lessons' ? '' : `?tab=${asked}`;
    if (start) navigate(`${lessonHref(p.course.slug, start.id)}${query}`, { replace: true });
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
                <Show when={tab() !== 'lessons'}>
                  <h1 class="sr-only">
                    {p().course.title}: {PLAYER_TABS.find((t) => t.id === tab())?.label}
                  </h1>
                </Show>
                <PlayerTabs selected={tab()} onSelect={selectTab} />
                <TabPanel tab={tab()}>
                  <Switch>
                    <Match when={tab() === 'labs'}>
                      <LabsTab slug={p().course.slug} lessons={lessons()} />
                    </Match>
                    <Match when={tab() === 'assignments'}>
                      <AssignmentsTab courseSlug={p().course.slug} />
                    </Match>
                    <Match when={tab() === 'quizzes'}>
                      <QuizzesTab courseSlug={p().course.slug} />
                    </Match>
                    <Match when={tab() === 'sessions'}>
                      <SessionsTab slug={p().course.slug} />
                    </Match>
                    <Match when={tab() === 'notes'}>
                      <Show
                        when={current()?.id}
                        keyed
                        fallback={<p>Open a lesson from the course outline to take notes on it.</p>}
                      >
                        {(id) => (
                          <Suspense fallback={<Loading label="Loading the notes…" />}>
                            <NotesTab lessonId={id} lessonTitle={current()?.title ?? ''} />
                          </Suspense>
                        )}
                      </Show>
                    </Match>
                    <Match when={tab() === 'reviews'}>
                      <ReviewsSection slug={p().course.slug} signedIn={auth.state.status === 'signed-in'} />
                    </Match>
                    <Match when={tab() === 'faq'}>
                      <CourseFaq slug={p().course.slug} />
                    </Match>
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
                          content={
                            lesson.state === 'ready' || lesson.state === 'refreshing' ? lesson.latest : undefined
                          }
                          contentError={lesson.state === 'errored' ? lesson.error : undefined}
                          retry={refetchLesson}
                          lessons={lessons()}
                          courseCompleted={p().enrollment.status === 'completed'}
                          onCompleted={onCompleted}
                        />
                      )}
                    </Match>
                  </Switch>
                </TabPanel>
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
