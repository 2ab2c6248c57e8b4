import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CourseStatus, TeachingCourse } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorNotice } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { ApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { formatCount, formatDate } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/teach.css';

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
  const [attempt, setAttempt] = createSignal(0);
  const courses = createAsync(() => {
    attempt();
    return settle(api.teachingCourses());
  });
  return (
    <div class="container section teach">
      <h1>Teaching</h1>
      <p class="muted">Your courses, and the videos, slides and images their lessons use.</p>
      <Async
        data={courses}
        fallback={<SkeletonBlock height={12} label="Loading your courses…" />}
        retry={() => setAttempt((n) => n + 1)}
        error={(err) => <NotATeacher error={err} retry={() => setAttempt((n) => n + 1)} />}
      >
        {(list) => (
          <Show
            when={list().items.length > 0}
            fallback={
              <div class="empty-state">
                <p>You have no courses yet.</p>
              </div>
            }
          >
            <table class="data-table">
              <caption class="sr-only">Your courses</caption>
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  <th scope="col">Status</th>
                  <th scope="col">Lessons</th>
                  <th scope="col">Learners</th>
                  <th scope="col">Last change</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list().items}>{(course) => <CourseRow course={course} />}</For>
              </tbody>
            </table>
          </Show>
        )}
      </Async>
    </div>
  );
}

function CourseRow(props: { course: TeachingCourse }) {
  return (
    <tr>
      <th scope="row">
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
        <A
          href={`/teach/courses/${props.course.id}/media`}
          class="button button-small button-secondary"
          aria-label={`Media library of ${props.course.title}`}
        >
          Media library
        </A>
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
