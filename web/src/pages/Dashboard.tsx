import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { DashboardCourse } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { CourseCover } from '../components/CourseCover.tsx';
import { AssignmentNote } from '../components/dashboard/AssignmentNote.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock, SkeletonCards } from '../components/Skeleton.tsx';
import { UpcomingSessions } from '../components/sessions/UpcomingSessions.tsx';
import { useApp } from '../lib/context.ts';
import { sortDashboardCourses } from '../lib/dashboard-assignments.ts';
import { formatDate, plural } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/dashboard.css';

export default function DashboardPage() {
  usePageTitle(() => 'My learning');
  return (
    <RequireAuth>
      <DashboardView />
    </RequireAuth>
  );
}

function DashboardView() {
  const { queries, auth } = useApp();
  // Started by the route's preload (App.tsx); asked again when the user changes.
  const dashboard = createAsync(() => settle(queries.dashboard()));
  const firstName = () => auth.state.user?.firstName || '';

  return (
    <div class="container section dashboard">
      <h1>{firstName() ? `Welcome back, ${firstName()}` : 'Welcome back'}</h1>
      <Async
        data={dashboard}
        fallback={
          <>
            <SkeletonBlock height={5.5} label="Loading your courses…" class="stat-skeleton" />
            <SkeletonCards count={3} />
          </>
        }
        retry={() => refetch(queries.dashboard)}
      >
        {(d) => (
          <>
            <section aria-labelledby="overview-title">
              <h2 id="overview-title" class="sr-only">
                Overview
              </h2>
              <ul class="stat-grid">
                <li class="stat">
                  <span class="stat-value">{d().stats.inProgress}</span>
                  <span class="stat-label">In progress</span>
                </li>
                <li class="stat">
                  <span class="stat-value">{d().stats.completed}</span>
                  <span class="stat-label">Completed</span>
                </li>
                <li class="stat">
                  <span class="stat-value">{d().stats.notStarted}</span>
                  <span class="stat-label">Not started</span>
                </li>
                <li class="stat">
                  <span class="stat-value">{d().stats.learningMinutes}</span>
                  <span class="stat-label">Learning minutes</span>
                </li>
              </ul>
            </section>

            <UpcomingSessions />

            <section aria-labelledby="courses-title">
              <h2 id="courses-title">Your courses</h2>
              <Show
                when={d().courses.length > 0}
                fallback={
                  <div class="empty-state">
                    <p>You are not enrolled in any course yet.</p>
                    <A href="/courses" class="button button-primary">
                      Find a course
                    </A>
                  </div>
                }
              >
                <div class="card-grid">
                  <For each={sortDashboardCourses(d().courses)}>{(item) => <EnrolledCourse item={item} />}</For>
                </div>
              </Show>
            </section>
          </>
        )}
      </Async>
    </div>
  );
}

const STATE_LABELS: Record<DashboardCourse['state'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

const CTA_LABELS: Record<DashboardCourse['state'], string> = {
  'not-started': 'Start course',
  'in-progress': 'Continue learning',
  completed: 'Review course',
};

function EnrolledCourse(props: { item: DashboardCourse }) {
  const c = () => props.item.course;
  const e = () => props.item.enrollment;
  const href = () =>
    `/learn/${encodeURIComponent(c().slug)}${props.item.nextLessonId ? `/${encodeURIComponent(props.item.nextLessonId)}` : ''}`;
  return (
    <article class="course-card enrolled-card">
      <CourseCover
        slug={c().slug}
        title={c().title}
        thumbnailUrl={c().thumbnailUrl}
        thumbnailWidths={c().thumbnailWidths}
      />
      <div class="course-card-body">
        <h3 class="course-card-title">
          <A href={`/courses/${encodeURIComponent(c().slug)}`}>{c().title}</A>
        </h3>
        <p class="course-card-instructor">{c().instructor.displayName}</p>
        <p class={`status-pill status-${props.item.state}`}>{STATE_LABELS[props.item.state]}</p>
        <Show when={props.item.assignment}>
          {(a) => <AssignmentNote assignment={a()} completed={props.item.state === 'completed'} />}
        </Show>
        <ProgressBar value={e().progressPercentage} label={`${c().title} progress`} />
        <p class="small muted">
          {Math.round(e().progressPercentage)}% · {e().completedLessons} of{' '}
          {plural(e().totalLessons, 'lesson', 'lessons')}
          <Show when={e().completedAt}>{(at) => ` · finished ${formatDate(at())}`}</Show>
        </p>
        <A href={href()} class="button button-primary button-block">
          {CTA_LABELS[props.item.state]}
        </A>
      </div>
    </article>
  );
}
