import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { formatDateTime, formatDuration } from '../../lib/format.ts';
import { type LiveStatus, useLive } from '../../lib/live.ts';
import {
  applyQuestion,
  belongsTo,
  removedId,
  removeQuestion,
  sortQuestions,
  toQuestion,
  withVote,
} from '../../lib/session-questions.ts';
import {
  PHASE_LABELS,
  presentNames,
  type SessionDetail,
  type SessionModerationAction,
  type SessionQuestion,
  type SessionQuestionSort,
  type SessionQuestionView,
  sessionPhase,
  sessionsApi,
} from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { onSessionBan } from '../../lib/user-events.ts';
import { ErrorMessage } from '../Notices.tsx';
import { AskForm } from './AskForm.tsx';
import { BanList } from './BanList.tsx';
import { QuestionItem } from './QuestionItem.tsx';
import { SessionSettings } from './SessionSettings.tsx';

const VIEWS: { id: SessionQuestionView; label: string }[] = [
  { id: 'live', label: 'Questions' },
  { id: 'queue', label: 'Queue' },
  { id: 'hidden', label: 'Hidden' },
];
const SORTS: { id: SessionQuestionSort; label: string }[] = [
  { id: 'votes', label: 'Top voted' },
  { id: 'newest', label: 'Newest' },
];

const DONE: Record<SessionModerationAction, string> = {
  approve: 'Question approved.',
  hide: 'Question hidden.',
  restore: 'Question restored.',
  pin: 'Question pinned.',
  unpin: 'Question unpinned.',
  answer: 'Answer posted.',
  mark_answered: 'Marked as answered.',
  mark_unanswered: 'Marked as unanswered.',
};

/**
 * A live session for one participant: when and where, who is here (presence on `session:<id>`),
 * and the Q&A, kept live by the `session:<id>` broadcasts (moderators: `session-mod:<id>`, which
 * carries every change), fetched again after a rejoin.
 */
export function SessionRoom(props: { session: SessionDetail; userId: string; userName: string }) {
  const { api, supabase, authClient, announce } = useApp();
  const calls = sessionsApi(api);
  const [session, setSession] = createSignal(props.session);
  const id = props.session.id;
  const moderator = props.session.role === 'moderator';
  const [questions, setQuestions] = createSignal<SessionQuestion[]>([]);
  const [votes, setVotes] = createSignal<ReadonlySet<string>>(new Set());
  const [sort, setSort] = createSignal<SessionQuestionSort>('votes');
  const [view, setView] = createSignal<SessionQuestionView>('live');
  const [loaded, setLoaded] = createSignal(false);
  const [present, setPresent] = createSignal<string[]>([]);
  const [status, setStatus] = createSignal<LiveStatus>('connecting');
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const phase = () => sessionPhase(session());
  const mine = (q: SessionQuestion): SessionQuestion => ({ ...q, mine: q.author?.id === props.userId });

  let request = 0;
  const load = async () => {
    const n = ++request;
    try {
      const list = await calls.questions(id, sort(), view());
      if (n !== request) return;
      setQuestions(list.items.map(mine));
      setVotes(new Set(list.myVotes));
      setLoadError(null);
    } catch {
      if (n === request) setLoadError('The questions could not be loaded. Try again.');
    } finally {
      if (n === request) setLoaded(true);
    }
  };
  onMount(() => void load());

  const incoming = (payload: unknown) => {
    const raw = toQuestion(payload);
    if (!raw) return;
    const q = mine(raw);
    const isNew = !questions().some((x) => x.id === q.id);
    const next = applyQuestion(questions(), q, (x) => belongsTo(view(), x));
    setQuestions(next);
    if (isNew && !q.mine && next.some((x) => x.id === q.id)) {
      announce(`New question from ${q.author?.name || 'a participant'}: ${q.body}`);
    }
  };

  useLive(supabase, authClient, {
    topic: `session:${id}`,
    on: {
      // Moderators take every change from session-mod:<id> (in step with their queue and hidden views).
      question: (payload) => {
        if (!moderator) incoming(payload);
      },
      question_removed: (payload) => {
        const gone = removedId(payload);
        if (!moderator && gone) setQuestions(removeQuestion(questions(), gone));
      },
    },
    onStatus: setStatus,
    onRejoin: () => void load(),
    presence: {
      key: props.userId,
      track: () => ({ name: props.userName }),
      onSync: (state) => setPresent(presentNames(state)),
    },
  });
  // Banned or unbanned by a moderator while here: the ask form and the votes follow at once.
  onCleanup(
    onSessionBan((e) => {
      if (e.sessionId !== id || e.banned === session().banned) return;
      setSession({ ...session(), banned: e.banned });
      announce(
        e.banned
          ? 'A moderator banned you from asking and voting in this session.'
          : 'A moderator lifted your ban: you can ask and vote again.',
      );
    }),
  );
  if (moderator) {
    useLive(supabase, authClient, {
      topic: `session-mod:${id}`,
      on: { question: incoming },
      onRejoin: () => void load(),
    });
  }

  const calendar = createAction(() => calls.calendar(session()));
  const switchView = (v: SessionQuestionView) => {
    if (v === view()) return;
    setView(v);
    setLoaded(false);
    void load();
  };
  const ask = async (body: string) => {
    const q = mine(await calls.ask(id, body));
    setQuestions(applyQuestion(questions(), q, (x) => belongsTo(view(), x)));
    announce(q.status === 'pending' ? 'Question sent for approval.' : 'Question posted.');
    return q;
  };
  const vote = async (q: SessionQuestion, up: boolean) => {
    const result = await calls.vote(id, q.id, up);
    setVotes(withVote(votes(), q.id, result.voted));
    setQuestions(questions().map((x) => (x.id === q.id ? { ...x, votes: result.votes } : x)));
  };
  const moderate = async (q: SessionQuestion, action: SessionModerationAction, answer?: string) => {
    const updated = mine(await calls.moderate(id, q.id, action, answer));
    setQuestions(applyQuestion(questions(), updated, (x) => belongsTo(view(), x)));
    announce(DONE[action]);
  };
  const [bansVersion, setBansVersion] = createSignal(0);
  const ban = async (userId: string) => {
    await calls.ban(id, userId);
    setBansVersion((n) => n + 1);
    announce('The author is banned from asking and voting in this session.');
  };

  return (
    <div class="session-room">
      <div class="session-meta">
        <p>
          <A href={`/learn/${encodeURIComponent(session().course.slug)}`}>{session().course.title}</A>
        </p>
        <p>
          <time datetime={session().startsAt}>{formatDateTime(session().startsAt)}</time> ·{' '}
          {formatDuration(session().durationMinutes)}{' '}
          <span class={`status-pill session-phase-${phase()}`}>{PHASE_LABELS[phase()]}</span>
        </p>
        <Show when={session().description}>
          <p class="session-description">{session().description}</p>
        </Show>
        <div class="session-links">
          <Show when={session().meetingUrl}>
            {(url) => (
              <a class="button" href={url()} target="_blank" rel="noopener noreferrer">
                Join the meeting<span class="sr-only"> (opens in a new tab)</span>
              </a>
            )}
          </Show>
          <button
            type="button"
            class="button button-secondary"
            disabled={calendar.busy()}
            onClick={() => void calendar.run()}
          >
            Add to calendar
          </button>
        </div>
        <ErrorMessage message={calendar.error()} />
      </div>

      <section class="session-presence" aria-labelledby="session-presence-title">
        <h2 id="session-presence-title">Who is here</h2>
        <p role="status" class="small muted">
          {status() === 'live'
            ? `${present().length} ${present().length === 1 ? 'person' : 'people'} here`
            : status() === 'connecting'
              ? 'Connecting…'
              : 'Offline: reconnecting…'}
        </p>
        <Show when={present().length > 0}>
          <ul class="session-people" aria-label="People here">
            <For each={present()}>{(name) => <li>{name}</li>}</For>
          </ul>
        </Show>
      </section>

      <section class="session-qa" aria-labelledby="session-qa-title">
        <h2 id="session-qa-title">Questions and answers</h2>
        <Show
          when={session().status !== 'ended'}
          fallback={<p class="muted">This session has ended: no new questions.</p>}
        >
          <Show
            when={!session().banned}
            fallback={<p class="notice">You have been banned from asking and voting in this session.</p>}
          >
            <AskForm ask={ask} />
          </Show>
        </Show>

        <Show when={moderator}>
          <SessionSettings session={session()} calls={calls} onSaved={setSession} announce={announce} />
          <BanList sessionId={id} calls={calls} version={bansVersion()} announce={announce} />
          <fieldset class="session-toggle">
            <legend class="sr-only">Which questions</legend>
            <For each={VIEWS}>
              {(v) => (
                <button
                  type="button"
                  class="button button-small button-ghost"
                  aria-pressed={view() === v.id}
                  onClick={() => switchView(v.id)}
                >
                  {v.label}
                </button>
              )}
            </For>
          </fieldset>
        </Show>
        <fieldset class="session-toggle">
          <legend class="sr-only">Sort questions</legend>
          <For each={SORTS}>
            {(s) => (
              <button
                type="button"
                class="button button-small button-ghost"
                aria-pressed={sort() === s.id}
                onClick={() => setSort(s.id)}
              >
                {s.label}
              </button>
            )}
          </For>
        </fieldset>
        <ErrorMessage message={loadError()} />
        <Show when={loaded()} fallback={<p class="muted">Loading the questions…</p>}>
          <Show when={questions().length > 0} fallback={<p class="muted">No questions here yet.</p>}>
            <ul class="session-questions" aria-label={VIEWS.find((v) => v.id === view())?.label}>
              {/* By id: a live update changes an item in place, so focus and an open answer form stay. */}
              <For each={sortQuestions(questions(), sort()).map((q) => q.id)}>
                {(qid) => (
                  <Show when={questions().find((q) => q.id === qid)}>
                    {(q) => (
                      <QuestionItem
                        question={q()}
                        voted={votes().has(qid)}
                        canVote={!session().banned}
                        moderator={moderator}
                        onVote={(up) => vote(q(), up)}
                        onModerate={(action, answer) => moderate(q(), action, answer)}
                        onBan={ban}
                      />
                    )}
                  </Show>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </section>
    </div>
  );
}
