import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import type { CourseStatus } from '../../../../edge/api-types.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { FormNotice } from '../admin/Fields.tsx';
import type { StepProps } from './step-props.ts';

const STATUS_TEXT: Record<CourseStatus, string> = {
  draft: 'Draft: only you can see it.',
  pending_review: 'In review: an admin will approve it or send it back with a reason.',
  published: 'Published: it is in the catalog.',
  archived: 'Archived: learners keep access, nobody new can enroll.',
};

const STATUS_LABEL: Record<CourseStatus, string> = {
  draft: 'Draft',
  pending_review: 'In review',
  published: 'Published',
  archived: 'Archived',
};

/** Step 4: a checklist of what review needs, the course's status, and Submit for review (or Withdraw). */
export function ReviewStep(props: StepProps) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const c = () => props.editor.course;
  // The checklist comes from the server: refresh it when the step opens.
  onMount(() => {
    props.teach.editor(c().id).then(props.onChange, () => undefined);
  });
  const missing = (path: string) => props.editor.missing.some((m) => m.path === path);
  const lessons = () => props.editor.sections.flatMap((s) => s.lessons);
  const checks = () => [
    { ok: c().title.trim().length > 0, text: 'A title', step: 'basics' },
    { ok: !missing('description'), text: 'A description', step: 'basics' },
    {
      ok: !missing('sections'),
      text: `At least one section (${props.editor.sections.length} now)`,
      step: 'curriculum',
    },
    {
      ok: !missing('lessons'),
      text: `At least one published lesson (${lessons().filter((l) => l.status === 'published').length} of ${lessons().length} published)`,
      step: 'curriculum',
    },
    {
      ok: true,
      text:
        c().priceAmount === 0
          ? 'Price: free'
          : `Price: ${formatMoney({ amount: c().priceAmount, currency: c().priceCurrency })}`,
      step: 'pricing',
    },
  ];
  const ready = () => props.editor.missing.length === 0;

  const act = async (what: 'submit' | 'withdraw') => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await (what === 'submit' ? props.teach.submit(c().id) : props.teach.withdraw(c().id));
      props.onChange(next);
      setDone(what === 'submit' ? 'Submitted for review.' : 'Withdrawn: the course is a draft again.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="wizard-review">
      <p>
        Status: <span class={`status-pill course-status-${c().status}`}>{STATUS_LABEL[c().status]}</span>{' '}
        <span class="muted">{STATUS_TEXT[c().status]}</span>
      </p>
      <h3 id="checklist-heading">Checklist</h3>
      <ul class="checklist" aria-labelledby="checklist-heading">
        <For each={checks()}>
          {(item) => (
            <li classList={{ ok: item.ok, missing: !item.ok }}>
              <span aria-hidden="true">{item.ok ? '✓' : '✗'}</span>{' '}
              <span class="sr-only">{item.ok ? 'Done:' : 'Missing:'}</span> {item.text}
              <Show when={!item.ok}>
                {' '}
                <A href={`/teach/courses/${c().id}/edit/${item.step}`}>Fix it</A>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <FormNotice id="review-notice" error={error()} success={done()} />
      <Show when={c().status === 'draft'}>
        <button type="button" class="button button-primary" disabled={busy() || !ready()} onClick={() => act('submit')}>
          {busy() ? 'Submitting…' : 'Submit for review'}
        </button>
        <Show when={!ready()}>
          <p class="muted small">Finish the checklist to submit the course.</p>
        </Show>
      </Show>
      <Show when={c().status === 'pending_review'}>
        <button type="button" class="button button-secondary" disabled={busy()} onClick={() => act('withdraw')}>
          Withdraw from review
        </button>
      </Show>
      <Show when={c().status === 'published'}>
        <A href={`/courses/${c().slug}`} class="button button-secondary">
          See the course page
        </A>
      </Show>
    </div>
  );
}
