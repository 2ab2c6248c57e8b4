import { createSignal, onMount, Show } from 'solid-js';
import {
  isoToLocalInput,
  localInputToIso,
  type SessionDetail,
  type SessionInput,
  type SessionsApi,
} from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage } from '../Notices.tsx';

/**
 * The instructor's form for a live session: title, start (local time), duration, an optional
 * meeting link (none: the server makes up a Jitsi room) and a description. Without `editing` it
 * schedules a new session; with it, it changes that one (its learners are told when it moves) and
 * can be cancelled.
 */
export function ScheduleForm(props: {
  courseId: string;
  calls: SessionsApi;
  onScheduled: (s: SessionDetail) => void;
  editing?: SessionDetail;
  onCancel?: () => void;
}) {
  const e = props.editing;
  const [title, setTitle] = createSignal(e?.title ?? '');
  const [start, setStart] = createSignal(e ? isoToLocalInput(e.startsAt) : '');
  const [duration, setDuration] = createSignal(String(e?.durationMinutes ?? 60));
  const [link, setLink] = createSignal(e?.meetingUrl ?? '');
  const [description, setDescription] = createSignal(e?.description ?? '');
  const prefix = e ? 'edit-session' : 'session';
  let titleInput: HTMLInputElement | undefined;
  onMount(() => {
    if (e) titleInput?.focus();
  });

  const save = createAction(async () => {
    const startsAt = localInputToIso(start());
    const minutes = Number(duration());
    if (title().trim() === '') return 'Give the session a title.';
    if (!startsAt) return 'Pick a start date and time.';
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 600) return 'The duration is 5 to 600 minutes.';
    if (link().trim() !== '' && !link().trim().startsWith('https://'))
      return 'The meeting link must start with https://.';
    const input: SessionInput = {
      title: title().trim(),
      startsAt,
      durationMinutes: minutes,
      meetingUrl: link().trim(),
      description: description().trim(),
    };
    if (e) {
      // Unchanged minutes are not sent again: the start shown is rounded to the minute.
      const sameStart = isoToLocalInput(e.startsAt) === start();
      props.onScheduled(await props.calls.update(e.id, sameStart ? { ...input, startsAt: undefined } : input));
      return;
    }
    const s = await props.calls.schedule(props.courseId, input);
    setTitle('');
    setStart('');
    setLink('');
    setDescription('');
    props.onScheduled(s);
  });
  return (
    <form
      class="session-schedule"
      aria-labelledby={`${prefix}-heading`}
      onSubmit={(ev) => {
        ev.preventDefault();
        void save.run();
      }}
    >
      <h2 id={`${prefix}-heading`}>{e ? `Edit “${e.title}”` : 'Schedule a session'}</h2>
      <div class="field">
        <label for={`${prefix}-title`}>Title</label>
        <input
          id={`${prefix}-title`}
          ref={titleInput}
          maxLength={200}
          value={title()}
          onInput={(ev) => setTitle(ev.currentTarget.value)}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${prefix}-start`}>Starts (your local time)</label>
          <input
            id={`${prefix}-start`}
            type="datetime-local"
            value={start()}
            onInput={(ev) => setStart(ev.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-duration`}>Duration (minutes)</label>
          <input
            id={`${prefix}-duration`}
            type="number"
            min="5"
            max="600"
            step="5"
            value={duration()}
            onInput={(ev) => setDuration(ev.currentTarget.value)}
          />
        </div>
      </div>
      <div class="field">
        <label for={`${prefix}-link`}>Meeting link (optional)</label>
        <input
          id={`${prefix}-link`}
          type="url"
          maxLength={500}
          aria-describedby={`${prefix}-link-hint`}
          value={link()}
          onInput={(ev) => setLink(ev.currentTarget.value)}
        />
        <p class="field-hint small muted" id={`${prefix}-link-hint`}>
          An https:// address; leave it empty and a Jitsi room is created for the session.
        </p>
      </div>
      <div class="field">
        <label for={`${prefix}-description`}>Description (optional)</label>
        <textarea
          id={`${prefix}-description`}
          rows={3}
          maxLength={2000}
          value={description()}
          onInput={(ev) => setDescription(ev.currentTarget.value)}
        />
      </div>
      <Show when={e}>
        <p class="small muted">Enrolled learners get a notification when the session moves.</p>
      </Show>
      <ErrorMessage message={save.error()} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={save.busy()}>
          {e ? 'Save changes' : 'Schedule session'}
        </button>
        <Show when={e && props.onCancel}>
          <button type="button" class="button button-ghost" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
      </div>
    </form>
  );
}
