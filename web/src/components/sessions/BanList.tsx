import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { SessionBanList } from '../../../../edge/api-types.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { SessionsApi } from '../../lib/sessions-api.ts';
import { ErrorMessage } from '../Notices.tsx';

/**
 * Moderators: who is banned from this session's Q&A (GET /api/sessions/:id/bans), each with an
 * Unban button. Read again whenever `version` moves (a ban from a question's menu).
 */
export function BanList(props: {
  sessionId: string;
  calls: SessionsApi;
  version: number;
  announce: (m: string) => void;
}) {
  const [bans, setBans] = createSignal<SessionBanList['items']>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const load = () =>
    props.calls.bans(props.sessionId).then(
      (list) => {
        setBans(list.items);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  createEffect(
    on(
      () => props.version,
      () => void load(),
    ),
  );
  const unban = async (userId: string, name: string) => {
    setBusy(userId);
    try {
      await props.calls.unban(props.sessionId, userId);
      props.announce(`${name || 'The learner'} may ask and vote again.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <details class="session-bans">
      <summary>Banned people ({bans().length})</summary>
      <ErrorMessage message={error()} />
      <Show when={bans().length > 0} fallback={<p class="muted">Nobody is banned from this session.</p>}>
        <ul>
          <For each={bans()}>
            {(b) => (
              <li>
                <span>{b.name || 'A learner'}</span>
                <Show when={b.reason}>
                  <span class="muted"> — {b.reason}</span>
                </Show>{' '}
                <span class="small muted">
                  since <time datetime={b.createdAt}>{formatDateTime(b.createdAt)}</time>
                </span>{' '}
                <button
                  type="button"
                  class="button button-small button-secondary"
                  disabled={busy() === b.userId}
                  onClick={() => void unban(b.userId, b.name)}
                >
                  Unban<span class="sr-only"> {b.name || 'this learner'}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </details>
  );
}
