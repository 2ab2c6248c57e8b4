import { useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AssignmentDetail, AssignmentSubmission } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { SubmissionFiles } from '../../components/learn/SubmissionFiles.tsx';
import { SubmissionUploads } from '../../components/learn/SubmissionUploads.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import {
  assignmentRules,
  assignmentsApi,
  formatPoints,
  latePolicyText,
  pointsText,
  SUBMISSION_STATUS_LABELS,
} from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createReloadable } from '../../lib/reloadable.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/assignments.css';

/** The most files one submission carries (edge/contract/assignments.ts). */
const MAX_FILES = 10;
const MAX_TEXT = 100_000;

/** One assignment for its learner: instructions, due date and policy, the submission form, history and grades. */
export default function AssignmentPage() {
  return (
    <RequireAuth>
      <AssignmentView />
    </RequireAuth>
  );
}

function AssignmentView() {
  const params = useParams<{ slug: string; assignmentId: string }>();
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const [detail, reload] = createReloadable(() => calls.detail(params.assignmentId));

  return (
    <div class="container section assignment-page">
      <Breadcrumb
        links={[
          { href: `/learn/${params.slug}`, label: 'Course' },
          { href: `/learn/${params.slug}/grades`, label: 'Grades' },
        ]}
        current="Assignment"
      />
      <Async data={detail} fallback={<SkeletonBlock height={16} label="Loading the assignment…" />} retry={reload}>
        {(a) => (
          <>
            <PageTitle text={a().title} />
            <h1>{a().title}</h1>
            <p class="muted">{a().course.title}</p>
            <AssignmentFacts assignment={a()} />
            <section aria-labelledby="instructions-title">
              <h2 id="instructions-title">Instructions</h2>
              <Markdown source={a().instructions || 'No instructions.'} headingLevel={3} />
            </section>
            <Show
              when={!a().closed}
              fallback={
                <p class="notice notice-info">
                  This assignment closed{a().dueAt ? ` on ${formatDateTime(a().dueAt!)}` : ''}: late work is not
                  accepted.
                </p>
              }
            >
              <SubmitForm assignment={a()} onSubmitted={reload} />
            </Show>
            <History submissions={a().submissions} maxPoints={a().maxPoints} />
          </>
        )}
      </Async>
    </div>
  );
}

function AssignmentFacts(props: { assignment: AssignmentDetail }) {
  const a = () => props.assignment;
  const overdue = () => a().dueAt !== null && Date.parse(a().dueAt!) < Date.now();
  return (
    <dl class="assignment-facts">
      <div>
        <dt>Due</dt>
        <dd>
          {a().dueAt ? formatDateTime(a().dueAt!) : 'No due date'}
          <Show when={overdue()}>
            <span class="status-pill submission-status-late">Past due</span>
          </Show>
        </dd>
      </div>
      <div>
        <dt>Late work</dt>
        <dd>{latePolicyText(a().latePolicy, a().latePenaltyPercent)}</dd>
      </div>
      <div>
        <dt>Points</dt>
        <dd>
          {a().maxPoints}
          {a().passingPoints !== null ? ` (pass at ${a().passingPoints})` : ''}
        </dd>
      </div>
      <div>
        <dt>Hand in</dt>
        <dd>
          {a()
            .submissionTypes.map((t) => (t === 'text' ? 'text' : 'files'))
            .join(' and ')}
        </dd>
      </div>
    </dl>
  );
}

function SubmitForm(props: { assignment: AssignmentDetail; onSubmitted: () => void }) {
  const { api, announce } = useApp();
  const calls = assignmentsApi(api);
  const a = () => props.assignment;
  const takesText = () => a().submissionTypes.includes('text');
  const takesFiles = () => a().submissionTypes.includes('file');
  const [text, setText] = createSignal('');
  const [files, setFiles] = createSignal<AssignmentSubmission['files']>([]);
  const [uploading, setUploading] = createSignal(false);
  const [formKey, setFormKey] = createSignal(1);
  const [done, setDone] = createSignal<string | null>(null);

  const submit = createAction(async () => {
    setDone(null);
    if (uploading()) return 'Wait for the uploads to finish.';
    const body = { text: takesText() && text().trim() ? text() : null, files: takesFiles() ? files() : [] };
    if (!body.text && body.files.length === 0) return 'Write an answer or add a file first.';
    const { submission } = await calls.submit(a().id, body);
    const message =
      submission.status === 'late'
        ? `Submitted late (attempt ${submission.attemptNumber}).`
        : `Submitted (attempt ${submission.attemptNumber}).`;
    setDone(message);
    announce(message);
    setText('');
    setFiles([]);
    setFormKey((n) => n + 1);
    props.onSubmitted();
  });

  return (
    <section aria-labelledby="submit-title" class="assignment-submit">
      <h2 id="submit-title">{a().submissions.length > 0 ? 'Submit again' : 'Your submission'}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <Show when={takesText()}>
          <div class="field">
            <label for="submission-text">Your answer</label>
            <p class="muted small" id="submission-text-hint">
              Plain text; line breaks are kept.
            </p>
            <textarea
              id="submission-text"
              rows={10}
              maxLength={MAX_TEXT}
              aria-describedby="submission-text-hint"
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
        </Show>
        <Show when={takesFiles()}>
          <Show when={formKey()} keyed>
            {(_key) => (
              <SubmissionUploads
                folder={a().uploadFolder}
                rules={assignmentRules(a())}
                maxFiles={MAX_FILES}
                onChange={setFiles}
                onBusy={setUploading}
              />
            )}
          </Show>
        </Show>
        <ErrorMessage message={submit.error()} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={submit.busy() || uploading()}>
            {submit.busy() ? 'Submitting…' : uploading() ? 'Uploading…' : 'Submit'}
          </button>
        </div>
        <p class="submit-status" role="status">
          {done()}
        </p>
      </form>
    </section>
  );
}

function History(props: { submissions: AssignmentSubmission[]; maxPoints: number }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Submission history</h2>
      <Show when={props.submissions.length > 0} fallback={<p class="muted">You have not submitted anything yet.</p>}>
        <ol class="submission-history">
          <For each={props.submissions}>
            {(s) => (
              <li class="submission-card">
                <h3>
                  Attempt {s.attemptNumber}{' '}
                  <span class={`status-pill submission-status-${s.status}`}>{SUBMISSION_STATUS_LABELS[s.status]}</span>
                </h3>
                <p class="muted small">Submitted {formatDateTime(s.submittedAt)}</p>
                <Show when={s.textContent}>{(t) => <p class="submission-text">{t()}</p>}</Show>
                <SubmissionFiles files={s.files} />
                <Show when={s.status === 'graded'}>
                  <div class="submission-grade">
                    <p>
                      <strong>Grade:</strong> {pointsText(s.finalPoints, props.maxPoints)}
                      <Show when={s.penaltyPercent > 0 && s.points !== null}>
                        {' '}
                        <span class="muted">
                          ({formatPoints(s.points!)} less the {s.penaltyPercent}% late penalty)
                        </span>
                      </Show>
                    </p>
                    <Show when={s.feedback}>
                      {(f) => (
                        <div class="submission-feedback">
                          <strong>Feedback</strong>
                          <p class="submission-text">{f()}</p>
                        </div>
                      )}
                    </Show>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
