import { createSignal } from 'solid-js';
import type { SessionDetail, SessionsApi } from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage } from '../Notices.tsx';

/** Moderators' Q&A settings: slow mode (seconds between one person's questions) and pre-moderation. */
export function SessionSettings(props: {
  session: SessionDetail;
  calls: SessionsApi;
  onSaved: (s: SessionDetail) => void;
  announce: (m: string) => void;
}) {
  const [slow, setSlow] = createSignal(String(props.session.slowModeSeconds));
  const [pre, setPre] = createSignal(props.session.preModeration);
  const save = createAction(async () => {
    const seconds = Number(slow());
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
      return 'Slow mode is a whole number of seconds from 0 to 3600.';
    }
    const saved = await props.calls.update(props.session.id, { slowModeSeconds: seconds, preModeration: pre() });
    props.onSaved(saved);
    props.announce('Q&A settings saved.');
  });
  return (
    <form
      class="session-settings"
      aria-labelledby="session-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h3 id="session-settings-title">Q&amp;A settings</h3>
      <div class="field">
        <label for="session-slow-mode">Slow mode (seconds between one person's questions, 0 = off)</label>
        <input
          id="session-slow-mode"
          type="number"
          min="0"
          max="3600"
          step="1"
          inputmode="numeric"
          value={slow()}
          onInput={(e) => setSlow(e.currentTarget.value)}
        />
      </div>
      <div class="field field-check">
        <input
          id="session-pre-moderation"
          type="checkbox"
          checked={pre()}
          onChange={(e) => setPre(e.currentTarget.checked)}
        />
        <label for="session-pre-moderation">Hold new questions for approval (pre-moderation)</label>
      </div>
      <ErrorMessage message={save.error()} />
      <button type="submit" class="button button-small" disabled={save.busy()}>
        Save settings
      </button>
    </form>
  );
}
