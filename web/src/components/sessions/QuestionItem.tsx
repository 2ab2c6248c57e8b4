import { createSignal, Show } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';
import { ANSWER_MAX } from '../../lib/session-questions.ts';
import type { SessionModerationAction, SessionQuestion } from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { ReportButton } from '../ReportButton.tsx';

/**
 * One question: its author, time, "Pinned"/"Answered" as text, the answer, the upvote (a toggle
 * button with aria-pressed), and for moderators the moderation buttons, an inline answer form and
 * banning its author.
 */
export function QuestionItem(props: {
  question: SessionQuestion;
  voted: boolean;
  canVote: boolean;
  moderator: boolean;
  onVote: (up: boolean) => Promise<void>;
  onModerate: (action: SessionModerationAction, answer?: string) => Promise<void>;
  onBan: (userId: string) => Promise<void>;
}) {
  const q = () => props.question;
  const [answering, setAnswering] = createSignal(false);
  const [answer, setAnswer] = createSignal('');
  const act = createAction((action: SessionModerationAction, text?: string) => props.onModerate(action, text));
  const vote = createAction(() => props.onVote(!props.voted));
  const ban = createAction((userId: string) => props.onBan(userId));
  const answerId = () => `answer-${q().id}`;
  const short = () => (q().body.length > 60 ? `${q().body.slice(0, 57)}…` : q().body);
  const modButton = (action: SessionModerationAction, label: string) => (
    <button
      type="button"
      class="button button-small button-secondary"
      disabled={act.busy()}
      onClick={() => void act.run(action)}
    >
      {label}
      <span class="sr-only">: {short()}</span>
    </button>
  );

  return (
    <li class="session-question" data-pinned={q().pinned ? 'true' : 'false'}>
      <div class="session-question-head">
        <span class="session-question-author">{q().author?.name || 'A former participant'}</span>
        <time class="small muted" datetime={q().createdAt}>
          {formatDateTime(q().createdAt)}
        </time>
        <Show when={q().pinned}>
          <span class="status-pill session-pill-pinned">Pinned</span>
        </Show>
        <Show when={q().answered}>
          <span class="status-pill session-pill-answered">Answered</span>
        </Show>
        <Show when={q().status === 'pending'}>
          <span class="status-pill">Waiting for approval</span>
        </Show>
        <Show when={q().status === 'hidden'}>
          <span class="status-pill">Hidden</span>
        </Show>
      </div>
      <p class="session-question-body">{q().body}</p>
      <Show when={q().answer}>
        {(text) => (
          <div class="session-answer">
            <p class="small">
              <strong>Answer</strong>
            </p>
            <p>{text()}</p>
          </div>
        )}
      </Show>
      <div class="session-question-actions">
        <Show when={q().status === 'visible'} fallback={<span class="small muted">{q().votes} votes</span>}>
          <button
            type="button"
            class="button button-small button-ghost session-vote"
            aria-pressed={props.voted}
            disabled={!props.canVote || vote.busy()}
            onClick={() => void vote.run()}
          >
            <span aria-hidden="true">▲ </span>Upvote<span class="sr-only">: {short()},</span>{' '}
            <span class="session-vote-count">{q().votes}</span>
          </button>
        </Show>
        <Show when={!props.moderator && !q().mine && q().status === 'visible'}>
          <ReportButton targetType="session_question" targetId={q().id} what={`the question: ${short()}`} />
        </Show>
        <Show when={props.moderator}>
          <Show when={q().status === 'pending'}>{modButton('approve', 'Approve')}</Show>
          <Show when={q().status === 'visible'}>
            {q().pinned ? modButton('unpin', 'Unpin') : modButton('pin', 'Pin')}
          </Show>
          {q().answered ? modButton('mark_unanswered', 'Mark unanswered') : modButton('mark_answered', 'Mark answered')}
          {q().status === 'hidden' ? modButton('restore', 'Restore') : modButton('hide', 'Hide')}
          <button
            type="button"
            class="button button-small button-secondary"
            aria-expanded={answering()}
            aria-controls={answerId()}
            onClick={() => {
              setAnswer(q().answer ?? '');
              setAnswering(!answering());
            }}
          >
            Answer<span class="sr-only">: {short()}</span>
          </button>
          <Show when={q().author && !q().mine ? q().author : null}>
            {(author) => (
              <ConfirmButton
                label="Ban author"
                what={author().name}
                confirmLabel="Confirm ban"
                busy={ban.busy()}
                onConfirm={() => ban.run(author().id)}
              />
            )}
          </Show>
        </Show>
      </div>
      <ErrorMessage message={vote.error() ?? act.error() ?? ban.error()} />
      <Show when={props.moderator && answering()}>
        <form
          id={answerId()}
          class="session-answer-form"
          onSubmit={async (e) => {
            e.preventDefault();
            await act.run('answer', answer());
            if (!act.error()) setAnswering(false);
          }}
        >
          <div class="field">
            <label for={`${answerId()}-text`}>Your answer</label>
            <textarea
              id={`${answerId()}-text`}
              rows={3}
              maxLength={ANSWER_MAX}
              required
              value={answer()}
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
          </div>
          <div class="session-form-actions">
            <button type="submit" class="button button-small" disabled={act.busy() || answer().trim() === ''}>
              Post answer
            </button>
            <button type="button" class="button button-small button-ghost" onClick={() => setAnswering(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </li>
  );
}
