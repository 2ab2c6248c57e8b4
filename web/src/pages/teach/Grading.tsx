import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { GradingQueueItem, GradingSubmission } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { SubmissionFiles } from '../../components/learn/SubmissionFiles.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import {
  assignmentsApi,
  formatPoints,
  pointsText,
  SUBMISSION_STATUS_LABELS,
  sumMarks,
} from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import { createAction } from '../../lib/submit.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/teach.css';
import '../../styles/assignments.css';

/** The grading queue: submissions of the caller's courses, oldest first; open one, mark it, go to the next. */
export default function GradingPage() {
  usePageTitle(() => 'Grading queue');
  return (
    <RequireAuth>
      <GradingView />
    </RequireAuth>
  );
}

const learnerLabel = (l: { id: string; name: string | null }) => l.name ?? `Learner ${l.id.slice(0, 8)}`;

function GradingView() {
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const [search, setSearch] = useSearchParams<{ course?: string; status?: string; open?: string }>();
  const course = () => search.course ?? '';
  const status = () => (search.status === 'all' ? 'all' : 'ungraded');
  const [version, setVersion] = createSignal(0);
  const courses = createAsync(() => settle(api.teachingCourses()));
  const courseItems = () => {
    const c = courses();
    return c?.ok ? c.value.items : [];
  };
  const queue = createAsync(() => {
    version();
    return settle(calls.queue({ course: course() || undefined, status: status() }));
  });
  const reload = () => setVersion((n) => n + 1);
  const items = () => {
    const q = queue();
    return q?.ok ? q.value.items : [];
  };
  const open = () => search.open ?? null;
  const [lastSaved, setLastSaved] = createSignal<string | null>(null);
  const select = (id: string | null) => setSearch({ open: id ?? undefined });
  /** The item after `id` in the queue (or the first other one). */
  const nextAfter = (id: string): GradingQueueItem | undefined => {
    const list = items();
    const at = list.findIndex((i) => i.id === id);
    return list.slice(at + 1).find((i) => i.id !== id) ?? list.find((i) => i.id !== id);
  };

  return (
    <div class="container section teach grading">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Grading queue</li>
        </ol>
      </nav>
      <h1>Grading queue</h1>
      <form class="field-row admin-form" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="queue-course">Course</label>
          <select
            id="queue-course"
            value={course()}
            onChange={(e) => setSearch({ course: e.currentTarget.value || undefined, open: undefined })}
          >
            <option value="">All my courses</option>
            <For each={courseItems()}>
              {(item) => (
                <option value={item.id} selected={item.id === course()}>
                  {item.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="queue-status">Show</label>
          <select
            id="queue-status"
            value={status()}
            onChange={(e) => setSearch({ status: e.currentTarget.value === 'all' ? 'all' : undefined })}
          >
            <option value="ungraded" selected={status() === 'ungraded'}>
              Waiting for a grade
            </option>
            <option value="all" selected={status() === 'all'}>
              All submissions
            </option>
          </select>
        </div>
      </form>
      <div class="grading-layout">
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">Submissions</h2>
          <Async data={queue} fallback={<SkeletonBlock height={10} label="Loading the queue…" />} retry={reload}>
            {(q) => (
              <Show when={q().items.length > 0} fallback={<p class="empty-state">Nothing to grade. Well done.</p>}>
                <p class="muted small">Oldest first. {q().items.length} shown.</p>
                <ol class="queue-list">
                  <For each={q().items}>
                    {(item) => (
                      <li>
                        <button
                          type="button"
                          aria-current={open() === item.id ? 'true' : undefined}
                          onClick={() => select(item.id)}
                        >
                          <span class="block">{item.assignmentTitle}</span>
                          <span class="muted small block">
                            {learnerLabel(item.learner)} · attempt {item.attemptNumber} ·{' '}
                            {formatDateTime(item.submittedAt)}
                          </span>
                          <span class={`status-pill submission-status-${item.status}`}>
                            {SUBMISSION_STATUS_LABELS[item.status]}
                            {item.finalPoints !== null ? `: ${formatPoints(item.finalPoints)}/${item.maxPoints}` : ''}
                          </span>
                        </button>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            )}
          </Async>
        </section>
        <section aria-labelledby="grade-title">
          <h2 id="grade-title">Grade</h2>
          <p role="status" class="grade-saved">
            {lastSaved()}
          </p>
          <Show when={open()} keyed fallback={<p class="muted">Choose a submission from the queue.</p>}>
            {(id) => (
              <GradePanel
                id={id}
                hasNext={() => nextAfter(id) !== undefined}
                onGraded={(message) => {
                  setLastSaved(message);
                  const next = status() === 'ungraded' ? nextAfter(id) : undefined;
                  reload();
                  if (next) select(next.id);
                }}
                onNext={() => {
                  const next = nextAfter(id);
                  if (next) select(next.id);
                }}
              />
            )}
          </Show>
        </section>
      </div>
    </div>
  );
}

function GradePanel(props: {
  id: string;
  hasNext: () => boolean;
  onGraded: (message: string) => void;
  onNext: () => void;
}) {
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const [version, setVersion] = createSignal(0);
  const data = createAsync(() => {
    version();
    return settle(calls.submission(props.id));
  });
  return (
    <Async
      data={data}
      fallback={<SkeletonBlock height={12} label="Loading the submission…" />}
      retry={() => setVersion((n) => n + 1)}
    >
      {(s) => <GradeForm data={s()} hasNext={props.hasNext} onGraded={props.onGraded} onNext={props.onNext} />}
    </Async>
  );
}

function GradeForm(props: {
  data: GradingSubmission;
  hasNext: () => boolean;
  onGraded: (message: string) => void;
  onNext: () => void;
}) {
  const { api, announce } = useApp();
  const calls = assignmentsApi(api);
  const sub = () => props.data.submission;
  const asg = () => props.data.assignment;
  const hasRubric = () => asg().rubric.length > 0;
  const initialMarks = () =>
    Object.fromEntries(
      asg().rubric.map((r) => [r.id, sub().rubricMarks?.[r.id] !== undefined ? String(sub().rubricMarks![r.id]) : '']),
    );
  const [marks, setMarks] = createSignal<Record<string, string>>(initialMarks());
  const [points, setPoints] = createSignal(sub().points === null ? '' : String(sub().points));
  const [feedback, setFeedback] = createSignal(sub().feedback ?? '');
  let heading: HTMLHeadingElement | undefined;
  createEffect(
    on(
      () => props.data.submission.id,
      () => requestAnimationFrame(() => heading?.focus()),
    ),
  );

  const numericMarks = () =>
    Object.fromEntries(Object.entries(marks()).map(([k, v]) => [k, v.trim() === '' ? null : Number(v)]));
  const total = () => (hasRubric() ? sumMarks(numericMarks()) : Number(points()) || 0);
  const penalised = () => Math.round(total() * (100 - sub().penaltyPercent)) / 100;

  const save = createAction(async () => {
    let body: { rubricMarks?: Record<string, number>; points?: number; feedback: string };
    if (hasRubric()) {
      const m = numericMarks();
      const missing = asg().rubric.find((r) => m[r.id] === null || Number.isNaN(m[r.id]));
      if (missing) return `Mark “${missing.criterion}” (0 to ${missing.points}).`;
      const over = asg().rubric.find((r) => (m[r.id] as number) < 0 || (m[r.id] as number) > r.points);
      if (over) return `“${over.criterion}” takes 0 to ${over.points} points.`;
      body = { rubricMarks: m as Record<string, number>, feedback: feedback() };
    } else {
      const p = Number(points());
      if (points().trim() === '' || Number.isNaN(p) || p < 0 || p > asg().maxPoints) {
        return `Give points from 0 to ${asg().maxPoints}.`;
      }
      body = { points: p, feedback: feedback() };
    }
    const { submission } = await calls.grade(sub().id, body);
    const message = `Graded ${asg().title} for ${learnerLabel(props.data.learner)}: ${pointsText(submission.finalPoints, asg().maxPoints)}.`;
    announce(message);
    props.onGraded(message);
  });

  return (
    <article class="grade-panel">
      <h3 tabindex="-1" ref={heading}>
        {asg().title}: {learnerLabel(props.data.learner)}, attempt {sub().attemptNumber}
      </h3>
      <p class="muted small">
        {asg().courseTitle} · submitted {formatDateTime(sub().submittedAt)}
        {sub().isLate ? ` · late${sub().penaltyPercent ? ` (−${sub().penaltyPercent}%)` : ''}` : ''} ·{' '}
        <span class={`status-pill submission-status-${sub().status}`}>{SUBMISSION_STATUS_LABELS[sub().status]}</span>
      </p>
      <h4>Answer</h4>
      <Show when={sub().textContent} fallback={<p class="muted">No text.</p>}>
        {(t) => <p class="submission-text submission-card">{t()}</p>}
      </Show>
      <h4>Files</h4>
      <SubmissionFiles files={sub().files} />
      <form
        class="admin-form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <Show
          when={hasRubric()}
          fallback={
            <div class="field">
              <label for="grade-points">Points (0 to {asg().maxPoints})</label>
              <input
                id="grade-points"
                type="number"
                min="0"
                max={asg().maxPoints}
                step="0.5"
                value={points()}
                onInput={(e) => setPoints(e.currentTarget.value)}
              />
            </div>
          }
        >
          <table class="data-table rubric-table">
            <caption>Rubric</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Marks</th>
              </tr>
            </thead>
            <tbody>
              <For each={asg().rubric}>
                {(r) => (
                  <tr>
                    <th scope="row">
                      <label for={`mark-${r.id}`}>
                        {r.criterion} (0 to {r.points})
                      </label>
                    </th>
                    <td>
                      <input
                        id={`mark-${r.id}`}
                        type="number"
                        min="0"
                        max={r.points}
                        step="0.5"
                        value={marks()[r.id] ?? ''}
                        onInput={(e) => {
                          const v = e.currentTarget.value;
                          setMarks((m) => ({ ...m, [r.id]: v }));
                        }}
                      />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
        <p aria-live="polite">
          Total: <strong>{formatPoints(total())}</strong> of {asg().maxPoints}
          {sub().penaltyPercent > 0 ? `; after the late penalty ${formatPoints(penalised())}` : ''}.
        </p>
        <div class="field">
          <label for="grade-feedback">Feedback for the learner</label>
          <textarea
            id="grade-feedback"
            rows={6}
            maxLength={20000}
            value={feedback()}
            onInput={(e) => setFeedback(e.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={save.error()} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={save.busy()}>
            {save.busy() ? 'Saving…' : 'Save grade'}
          </button>
          <button
            type="button"
            class="button button-secondary"
            disabled={!props.hasNext()}
            onClick={() => props.onNext()}
          >
            Next in queue
          </button>
        </div>
      </form>
    </article>
  );
}
