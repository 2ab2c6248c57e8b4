import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { CourseEditor, CourseReviewItem } from '../../../../edge/api-types.ts';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { FormNotice } from '../../components/admin/Fields.tsx';
import { formatAmount } from '../../components/admin/money.ts';
import { Markdown } from '../../components/Markdown.tsx';
import { ErrorNotice, Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { type TeachApi, teachApi } from '../../components/teach/teach-api.ts';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/admin.css';
import '../../styles/teach-authoring.css';

/** The admin's course review queue: courses submitted for review, oldest first; approve, or reject with a reason. */
export default function CourseQueuePage() {
  usePageTitle(() => 'Course review queue');
  return (
    <RequireAuth>
      <AdminGate title="Course review queue" class="container section admin teach">
        <Queue />
      </AdminGate>
    </RequireAuth>
  );
}

function Queue() {
  const teach = teachApi(useApp().api);
  const [queue, { refetch }] = createResource(() => teach.reviewQueue());
  const [message, setMessage] = createSignal<string | null>(null);
  return (
    <>
      <p class="muted">Courses instructors submitted for review, the longest waiting first.</p>
      <FormNotice id="queue-notice" error={null} success={message()} />
      <Switch>
        <Match when={queue.error}>
          <ErrorNotice error={queue.error} retry={() => void refetch()} />
        </Match>
        <Match when={queue.loading && !queue()}>
          <Loading label="Loading the queue…" />
        </Match>
        <Match when={queue()}>
          {(q) => (
            <Show
              when={q().items.length > 0}
              fallback={
                <div class="empty-state">
                  <p>Nothing is waiting for review.</p>
                </div>
              }
            >
              <ul class="review-queue">
                <For each={q().items}>
                  {(item) => (
                    <QueueItem
                      item={item}
                      teach={teach}
                      onDecided={(text) => {
                        setMessage(text);
                        void refetch();
                      }}
                    />
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}

function QueueItem(props: { item: CourseReviewItem; teach: TeachApi; onDecided: (message: string) => void }) {
  const it = () => props.item;
  const [open, setOpen] = createSignal(false);
  const [preview] = createResource(
    () => (open() ? it().id : null),
    (id) => props.teach.editor(id),
  );
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const base = () => `queue-${it().id}`;

  const decide = async (approve: boolean) => {
    if (!approve && !reason().trim()) {
      setError('Say why the course is sent back: the instructor reads it.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.teach.decide(it().id, approve ? { approve } : { approve, reason: reason().trim() });
      props.onDecided(
        approve ? `Approved and published: ${it().title}.` : `Sent back to the instructor: ${it().title}.`,
      );
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <li class="review-item" aria-labelledby={`${base()}-title`}>
      <h2 id={`${base()}-title`}>{it().title}</h2>
      <p class="muted">{it().subtitle}</p>
      <dl class="review-facts">
        <div>
          <dt>Instructor</dt>
          <dd>{it().instructor.displayName || 'Unknown'}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{it().category ?? 'None'}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{it().priceAmount === 0 ? 'Free' : formatAmount(it().priceAmount, it().priceCurrency)}</dd>
        </div>
        <div>
          <dt>Curriculum</dt>
          <dd>
            {it().sectionCount} {it().sectionCount === 1 ? 'section' : 'sections'}, {it().lessonCount}{' '}
            {it().lessonCount === 1 ? 'lesson' : 'lessons'}
          </dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{formatDateTime(it().submittedAt)}</dd>
        </div>
      </dl>
      <button
        type="button"
        class="button button-small button-secondary"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`${base()}-preview`}
        onClick={() => setOpen((o) => !o)}
      >
        {open() ? 'Hide the syllabus' : 'Preview the syllabus'}
        <span class="sr-only"> of {it().title}</span>
      </button>
      <div id={`${base()}-preview`} hidden={!open()} class="syllabus-preview">
        <Show when={open()}>
          <Switch>
            <Match when={preview.error}>
              <ErrorNotice error={preview.error} />
            </Match>
            <Match when={preview()}>{(p) => <Syllabus editor={p()} />}</Match>
            <Match when={true}>
              <Loading label="Loading the syllabus…" />
            </Match>
          </Switch>
        </Show>
      </div>
      <FormNotice id={`${base()}-notice`} error={error()} />
      <div class="review-actions">
        <button type="button" class="button button-primary" disabled={busy()} onClick={() => decide(true)}>
          Approve<span class="sr-only"> {it().title}</span>
        </button>
        <Show
          when={rejecting()}
          fallback={
            <button type="button" class="button button-secondary" disabled={busy()} onClick={() => setRejecting(true)}>
              Reject<span class="sr-only"> {it().title}</span>
            </button>
          }
        >
          <form
            class="admin-form reject-form"
            onSubmit={(e) => {
              e.preventDefault();
              void decide(false);
            }}
          >
            <div class="field">
              <label for={`${base()}-reason`}>Reason for the instructor</label>
              <textarea
                id={`${base()}-reason`}
                rows={3}
                maxLength={2000}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button button-danger" disabled={busy()}>
              Send back to draft
            </button>
            <button type="button" class="button button-ghost" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </form>
        </Show>
      </div>
    </li>
  );
}

function Syllabus(props: { editor: CourseEditor }) {
  return (
    <>
      <h3>Description</h3>
      <Show when={props.editor.course.description.trim()} fallback={<p class="muted">No description.</p>}>
        <Markdown source={props.editor.course.description} headingLevel={4} />
      </Show>
      <h3>Syllabus</h3>
      <ol class="syllabus-sections">
        <For each={props.editor.sections}>
          {(s) => (
            <li>
              <strong>{s.title}</strong>
              <ol>
                <For each={s.lessons}>
                  {(l) => (
                    <li>
                      {l.title}{' '}
                      <span class="muted small">
                        ({l.type}
                        {l.status === 'draft' ? ', draft' : ''})
                      </span>
                    </li>
                  )}
                </For>
              </ol>
            </li>
          )}
        </For>
      </ol>
    </>
  );
}
