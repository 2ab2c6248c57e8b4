import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { teachApi } from '../../components/teach/teach-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import { PageTitle } from '../../lib/title.ts';
import { LoadFailure } from '../NotFound.tsx';
import '../../styles/teach.css';
import '../../styles/teach-authoring.css';

const STATUS: Record<string, string> = { active: 'Learning', completed: 'Completed', cancelled: 'Cancelled' };

/** The learners of one course: progress, last activity, completion; paged. */
export default function StudentsPage() {
  return (
    <RequireAuth>
      <StudentsView />
    </RequireAuth>
  );
}

function StudentsView() {
  const params = useParams<{ courseId: string }>();
  const [search, setSearch] = useSearchParams<{ page?: string }>();
  const { api } = useApp();
  const teach = teachApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const page = () => Math.max(1, Number.parseInt(search.page ?? '1', 10) || 1);
  const course = createAsync(() => {
    attempt();
    return settle(api.teachingCourse(params.courseId));
  });
  const students = createAsync(() => {
    attempt();
    return settle(teach.students(params.courseId, page()));
  });
  const retry = () => setAttempt((n) => n + 1);
  return (
    <Async
      data={course}
      fallback={<SkeletonBlock height={10} label="Loading the course…" />}
      error={(err) => (
        <LoadFailure
          error={err}
          what="Course"
          notFoundMessage="You do not teach a course with this address."
          retry={retry}
        />
      )}
    >
      {(c) => (
        <div class="container section teach">
          <PageTitle text={`Students: ${c().title}`} />
          <nav aria-label="Breadcrumb" class="breadcrumb">
            <ol>
              <li>
                <A href="/teach">Teaching</A>
              </li>
              <li aria-current="page">Students</li>
            </ol>
          </nav>
          <h1>Students</h1>
          <p class="muted">
            Learners of <strong>{c().title}</strong>, latest activity first.
          </p>
          <Async data={students} fallback={<SkeletonBlock height={8} label="Loading the learners…" />} retry={retry}>
            {(list) => (
              <Show
                when={list().total > 0}
                fallback={
                  <div class="empty-state">
                    <p>No learners yet.</p>
                  </div>
                }
              >
                <div class="table-scroll">
                  <table class="data-table">
                    <caption class="sr-only">Learners of {c().title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Learner</th>
                        <th scope="col">Status</th>
                        <th scope="col">Progress</th>
                        <th scope="col">Enrolled</th>
                        <th scope="col">Last activity</th>
                        <th scope="col">Completed</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list().items}>
                        {(s) => (
                          <tr>
                            <th scope="row">{s.name}</th>
                            <td>{STATUS[s.status] ?? s.status}</td>
                            <td>
                              <span class="student-progress">
                                <ProgressBar value={s.progressPercent} label={`Progress of ${s.name}`} />
                                <span class="small">{Math.round(s.progressPercent)}%</span>
                              </span>
                            </td>
                            <td>{formatDate(s.enrolledAt)}</td>
                            <td>{s.lastActivityAt ? formatDate(s.lastActivityAt) : '–'}</td>
                            <td>{s.completedAt ? formatDate(s.completedAt) : '–'}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <nav aria-label="Pages of learners" class="pager">
                  <p class="muted small">
                    {(list().page - 1) * list().pageSize + 1}–{Math.min(list().total, list().page * list().pageSize)} of{' '}
                    {list().total}
                  </p>
                  <Show when={list().page > 1}>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => setSearch({ page: String(page() - 1) })}
                    >
                      Previous page
                    </button>
                  </Show>
                  <Show when={list().page * list().pageSize < list().total}>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => setSearch({ page: String(page() + 1) })}
                    >
                      Next page
                    </button>
                  </Show>
                </nav>
              </Show>
            )}
          </Async>
        </div>
      )}
    </Async>
  );
}
