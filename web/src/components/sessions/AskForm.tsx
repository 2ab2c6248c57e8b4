import { createSignal, Show } from 'solid-js';
import { charCount, QUESTION_MAX } from '../../lib/session-questions.ts';
import type { SessionQuestion } from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage } from '../Notices.tsx';

/**
 * The ask form: a labelled textarea (500 characters, with a counter), the server's refusals shown
 * as they come (slow mode says how long to wait, a ban says so), and a notice when the question
 * waits for a moderator.
 */
export function AskForm(props: { ask: (body: string) => Promise<SessionQuestion> }) {
  const [body, setBody] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const ask = createAction(async () => {
    setPending(false);
    const q = await props.ask(body().trim());
    setBody('');
    if (q.status === 'pending') setPending(true);
  });
  return (
    <form
      class="session-ask"
      onSubmit={(e) => {
        e.preventDefault();
        if (body().trim() !== '') void ask.run();
      }}
    >
      <div class="field">
        <label for="session-ask-body">Your question</label>
        <textarea
          id="session-ask-body"
          rows={3}
          maxLength={QUESTION_MAX}
          aria-describedby="session-ask-count"
          value={body()}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <p class="field-hint small muted" id="session-ask-count">
          {charCount(body(), QUESTION_MAX)}
        </p>
      </div>
      <ErrorMessage message={ask.error()} />
      <Show when={pending()}>
        <p class="notice" role="status">
          Thanks: your question waits for a moderator's approval before others see it.
        </p>
      </Show>
      <button type="submit" class="button" disabled={ask.busy() || body().trim() === ''}>
        Ask
      </button>
    </form>
  );
}
