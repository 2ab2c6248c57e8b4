import { createSignal } from 'solid-js';
import { localInputToIso, type SessionDetail, type SessionsApi } from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage } from '../Notices.tsx';

/**
 * The instructor's form to schedule a live session: title, start (local time), duration, an
 * optional meeting link (none: the server makes up a Jitsi room) and a description.
 */
export function ScheduleForm(props: { courseId: string; calls: SessionsApi; onScheduled: (s: SessionDetail) => void }) {
  const [title, setTitle] = createSignal('');
  const [start, setStart] = createSignal('');
  const [duration, setDuration] = createSignal('60');
  const [link, setLink] = createSignal('');
  const [description, setDescription] = createSignal('');
  const save = createAction(async () => {
    const startsAt = localInputToIso(start());
    const minutes = Number(duration());
    if (title().trim() === '') return 'Give the session a title.';
    if (!startsAt) return 'Pick a start date and time.';
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 600) return 'The duration is 5 to 600 minutes.';
    if (link().trim() !== '' && !link().trim().startsWith('https://'))
      return 'The meeting link must start with https://.';
    const s = await props.calls.schedule(props.courseId, {
      title: title().trim(),
      startsAt,
      durationMinutes: minutes,
      meetingUrl: link().trim(),
      description: description().trim(),
    });
    setTitle('');
    setStart('');
    setLink('');
    setDescription('');
    props.onScheduled(s);
  });
  return (
    <form
      class="session-schedule"
      aria-labelledby="schedule-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2 id="schedule-title">Schedule a session</h2>
      <div class="field">
        <label for="session-title">Title</label>
        <input id="session-title" maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="session-start">Starts (your local time)</label>
          <input
            id="session-start"
            type="datetime-local"
            value={start()}
            onInput={(e) => setStart(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="session-duration">Duration (minutes)</label>
          <input
            id="session-duration"
            type="number"
            min="5"
            max="600"
            step="5"
            value={duration()}
            onInput={(e) => setDuration(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="field">
        <label for="session-link">Meeting link (optional)</label>
        <input
          id="session-link"
          type="url"
          maxLength={500}
          aria-describedby="session-link-hint"
          value={link()}
          onInput={(e) => setLink(e.currentTarget.value)}
        />
        <p class="field-hint small muted" id="session-link-hint">
          An https:// address; leave it empty and a Jitsi room is created for the session.
        </p>
      </div>
      <div class="field">
        <label for="session-description">Description (optional)</label>
        <textarea
          id="session-description"
          rows={3}
          maxLength={2000}
          value={description()}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={save.error()} />
      <button type="submit" class="button" disabled={save.busy()}>
        Schedule session
      </button>
    </form>
  );
}
