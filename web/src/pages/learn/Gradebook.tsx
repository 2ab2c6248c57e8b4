import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { ScoreChart } from '../../components/learn/ScoreChart.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { assignmentsApi, formatPoints, SUBMISSION_STATUS_LABELS, scoresOf } from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/assignments.css';

/** The learner's grades in one course: progress from the required items, quizzes, assignments, a chart. */
export default function GradebookPage() {
  return (
    <RequireAuth>
      <GradebookView />
    </RequireAuth>
  );
}

function GradebookView() {
  const params = useParams<{ slug: string }>();
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const book = createAsync(() => {
    attempt();
    return settle(calls.gradebook(params.slug));
  });
  return (
    <div class="container section gradebook">
      <Breadcrumb
        links={[
          { href: '/dashboard', label: 'My learning' },
          { href: `/learn/${params.slug}`, label: 'Course' },
        ]}
        current="Grades"
      />
      <Async
        data={book}
        fallback={<SkeletonBlock height={14} label="Loading your grades…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(b) => (
          <>
            <PageTitle text={`Grades: ${b().course.title}`} />
            <h1>Grades</h1>
            <p class="muted">{b().course.title}</p>
            <section aria-labelledby="progress-title">
              <h2 id="progress-title">Progress</h2>
              <ProgressBar value={b().progress.percent} label="Course progress" />
              <p>
                {b().progress.completedItems} of {b().progress.totalItems} required items done (
                {Math.round(b().progress.percent)}%). Lessons: {b().lessons.done} of {b().lessons.total}.
                <Show when={b().progress.status === 'completed'}>
                  {' '}
                  <strong>
                    Course completed
                    {b().progress.completedAt ? ` on ${formatDate(b().progress.completedAt!)}` : ''}.
                  </strong>
                </Show>
              </p>
            </section>
            <Show when={scoresOf(b()).length > 0}>
              <section aria-labelledby="chart-title">
                <h2 id="chart-title">Scores</h2>
                <ScoreChart scores={scoresOf(b())} title="Your scores in percent" />
              </section>
            </Show>
            <section aria-labelledby="quizzes-title">
              <h2 id="quizzes-title">Quizzes</h2>
              <Show when={b().quizzes.length > 0} fallback={<p class="muted">This course has no quizzes.</p>}>
                <div class="table-scroll">
                  <table class="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Quiz</th>
                        <th scope="col">Attempts</th>
                        <th scope="col">Best score</th>
                        <th scope="col">Result</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={b().quizzes}>
                        {(q) => (
                          <tr>
                            <th scope="row">
                              {q.title}
                              {q.isRequired ? '' : ' (optional)'}
                            </th>
                            <td>{q.attempts}</td>
                            <td>{q.bestPercent === null ? '—' : `${Math.round(q.bestPercent)}%`}</td>
                            <td>
                              {q.passed
                                ? 'Passed'
                                : q.attempts > 0
                                  ? `Not passed (${q.passingScore}% to pass)`
                                  : 'Not taken'}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
            <section aria-labelledby="assignments-title">
              <h2 id="assignments-title">Assignments</h2>
              <Show when={b().assignments.length > 0} fallback={<p class="muted">This course has no assignments.</p>}>
                <div class="table-scroll">
                  <table class="data-table gradebook-assignments">
                    <thead>
                      <tr>
                        <th scope="col">Assignment</th>
                        <th scope="col">Status</th>
                        <th scope="col">Points</th>
                        <th scope="col">Final</th>
                        <th scope="col">Feedback</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={b().assignments}>
                        {(a) => (
                          <tr>
                            <th scope="row">
                              <A href={`/learn/${params.slug}/assignments/${a.id}`}>{a.title}</A>
                              {a.isRequired ? '' : ' (optional)'}
                            </th>
                            <td>{a.status ? SUBMISSION_STATUS_LABELS[a.status] : 'Not submitted'}</td>
                            <td>{a.points === null ? '—' : formatPoints(a.points)}</td>
                            <td>
                              {a.finalPoints === null ? '—' : `${formatPoints(a.finalPoints)} / ${a.maxPoints}`}
                              {a.passed ? ' (passed)' : ''}
                            </td>
                            <td class="submission-text">{a.feedback ?? '—'}</td>
                          </tr>
                        )}
                      </For>
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
