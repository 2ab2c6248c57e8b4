import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CourseStatus, TeachingCourse, TeachingOverview } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { formatAmount } from '../components/admin/money.ts';
import { ErrorNotice } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { CourseThumb } from '../components/teach/CourseThumb.tsx';
import { EarningsChart } from '../components/teach/EarningsChart.tsx';
import { PayoutsSection } from '../components/teach/PayoutsSection.tsx';
import { teachApi } from '../components/teach/teach-api.ts';
import { ApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { formatCount, formatDate } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/teach.css';
import '../styles/teach-authoring.css';

export const STATUS_LABELS: Record<CourseStatus, string> = {
  draft: 'Draft',
  pending_review: 'In review',
  published: 'Published',
  archived: 'Archived',
};

export default function TeachPage() {
  usePageTitle(() => 'Teaching');
  return (
    <RequireAuth>
      <TeachView />
    </RequireAuth>
  );
}

function TeachView() {
  const { api } = useApp();
  const teach = teachApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const retry = () => setAttempt((n) => n + 1);
  const courses = createAsync(() => {
    attempt();
    return settle(api.teachingCourses());
  });
  const overview = createAsync(() => {
    attempt();
    return settle(Promise.all([teach.overview(), teach.earnings()]));
  });
  return (
    <div class="container section teach">
      <div class="teach-head">
        <h1>Teaching</h1>
        <A href="/teach/courses/new" class="button button-primary">
          New course
        </A>
      </div>
      <nav aria-label="Teaching tools" class="teach-tools">
        <A href="/teach/grading">Grading queue</A>
        <A href="/teach/reviews">Reviews</A>
      </nav>
      <Async
        data={courses}
        fallback={<SkeletonBlock height={12} label="Loading your courses…" />}
        retry={retry}
        error={(err) => <NotATeacher error={err} retry={retry} />}
      >
        {(list) => (
          <>
            <Async data={overview} fallback={<SkeletonBlock height={8} label="Loading your figures…" />} retry={retry}>
              {(o) => (
                <>
                  <OverviewCards overview={o()[0]} />
                  <section aria-labelledby="earnings-heading">
                    <h2 id="earnings-heading">Earnings</h2>
                    <EarningsChart items={o()[1].items} />
                  </section>
                  <PayoutsSection />
                </>
              )}
            </Async>
            <section aria-labelledby="courses-heading">
              <h2 id="courses-heading">My courses</h2>
              <Show
                when={list().items.length > 0}
                fallback={
                  <div class="empty-state">
                    <p>You have no courses yet.</p>
                    <A href="/teach/courses/new" class="button button-primary">
                      Create your first course
                    </A>
                  </div>
                }
              >
                <div class="table-scroll">
                  <table class="data-table teach-courses">
                    <caption class="sr-only">Your courses</caption>
                    <thead>
                      <tr>
                        <th scope="col">Course</th>
                        <th scope="col">Status</th>
                        <th scope="col">Lessons</th>
                        <th scope="col">Learners</th>
                        <th scope="col">Last change</th>
                        <th scope="col">Manage</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list().items}>{(course) => <CourseRow course={course} />}</For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
          </>
        )}
      </Async>
    </div>
  );
}

function OverviewCards(props: { overview: TeachingOverview }) {
  const earnings = () =>
    props.overview.earnings.length === 0
      ? formatAmount(0, 'USD')
      : props.overview.earnings.map((e) => formatAmount(e.netMinor, e.currency)).join(' · ');
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" class="sr-only">
        Overview
      </h2>
      <ul class="stat-grid">
        <li class="stat">
          <span class="stat-value">{formatCount(props.overview.students)}</span>
          <span class="stat-label">Students</span>
        </li>
        <li class="stat">
          <span class="stat-value">
            {props.overview.ratingCount > 0 && props.overview.averageRating !== null
              ? props.overview.averageRating.toFixed(1)
              : '–'}
          </span>
          <span class="stat-label">
            Average rating
            <Show when={props.overview.ratingCount > 0}>
              {' '}
              ({formatCount(props.overview.ratingCount)} {props.overview.ratingCount === 1 ? 'rating' : 'ratings'})
            </Show>
          </span>
        </li>
        <li class="stat">
          <span class="stat-value">{formatCount(props.overview.reviewsLast30Days)}</span>
          <span class="stat-label">New reviews (30 days)</span>
        </li>
        <li class="stat">
          <span class="stat-value stat-value-money">{earnings()}</span>
          <span class="stat-label">Net earnings</span>
        </li>
      </ul>
    </section>
  );
}

function CourseRow(props: { course: TeachingCourse }) {
  const base = () => `/teach/courses/${props.course.id}`;
  const label = (what: string) => `${what} of ${props.course.title}`;
  return (
    <tr>
      <th scope="row">
        <CourseThumb
          url={props.course.thumbnailUrl}
          widths={props.course.thumbnailWidths}
          status={props.course.status}
        />
        <Show when={props.course.status === 'published'} fallback={props.course.title}>
          <A href={`/courses/${props.course.slug}`}>{props.course.title}</A>
        </Show>
      </th>
      <td>
        <span class={`status-pill course-status-${props.course.status}`}>{STATUS_LABELS[props.course.status]}</span>
      </td>
      <td>{props.course.lessonCount}</td>
      <td>{formatCount(props.course.enrollmentCount)}</td>
      <td>{formatDate(props.course.updatedAt)}</td>
      <td>
        <ul class="course-links">
          <li>
            <A
              href={`${base()}/edit`}
              class="button button-small button-secondary"
              aria-label={`Edit ${props.course.title}`}
            >
              Edit
            </A>
          </li>
          <li>
            <A href={`${base()}/media`} aria-label={label('Media library')}>
              Media library
            </A>
          </li>
          <li>
            <A href={`${base()}/quizzes`} aria-label={label('Quizzes')}>
              Quizzes
            </A>
          </li>
          <li>
            <A href={`${base()}/assignments`} aria-label={label('Assignments')}>
              Assignments
            </A>
          </li>
          <li>
            <A href={`${base()}/labs`} aria-label={label('Code labs')}>
              Code labs
            </A>
          </li>
          <li>
            <A href={`${base()}/sessions`} aria-label={label('Live sessions')}>
              Live sessions
            </A>
          </li>
          <li>
            <A href={`${base()}/notes`} aria-label={label('Cohort notes')}>
              Cohort notes
            </A>
          </li>
          <li>
            <A href={`${base()}/faq`} aria-label={label('FAQ')}>
              FAQ
            </A>
          </li>
          <li>
            <A href={`${base()}/students`} aria-label={label('Students')}>
              Students
            </A>
          </li>
        </ul>
      </td>
    </tr>
  );
}

/** A learner who opens /teach: say what the page is for instead of a bare 403. */
function NotATeacher(props: { error: unknown; retry: () => void }) {
  const forbidden = () => props.error instanceof ApiError && props.error.status === 403;
  return (
    <Show when={forbidden()} fallback={<ErrorNotice error={props.error} retry={props.retry} />}>
      <div class="empty-state">
        <p>This page is for instructors. Browse the catalog to find something to learn.</p>
        <A href="/courses" class="button button-primary">
          Browse courses
        </A>
      </div>
    </Show>
  );
}
