import { createAsync } from '@solidjs/router';
import { createSignal, For, Show, useTransition } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { Loading } from '../components/Notices.tsx';
import { useApp } from '../lib/context.ts';
import { formatDateTime } from '../lib/format.ts';
import { linkify } from '../lib/linkify.ts';
import { settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';

/** Embedded mode: the mail the server would have sent (sign-up confirmations, password resets). */
export default function DevOutbox() {
  const { api } = useApp();
  usePageTitle(() => 'Dev outbox');
  // Refresh in a transition: the list stays on screen while the new one loads.
  const [version, setVersion] = createSignal(0);
  const [refreshing, startRefresh] = useTransition();
  const refetch = () => void startRefresh(() => setVersion((v) => v + 1));
  const outbox = createAsync(() => {
    version();
    return settle(api.outbox());
  });
  const mails = () => {
    const r = outbox();
    const items = r?.ok ? r.value.items : [];
    return [...items].sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : Number(b.id) - Number(a.id),
    );
  };

  return (
    <div class="container section outbox">
      <h1>Dev outbox</h1>
      <p class="muted">
        This server runs in local mode and does not deliver email. Every message it would have sent is listed here,
        newest first. Only links to this site are clickable.
      </p>
      <p>
        <button type="button" class="button button-secondary" onClick={refetch} disabled={refreshing()}>
          {refreshing() ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
      <Async data={outbox} fallback={<Loading label="Loading messages…" />} retry={refetch}>
        {() => (
          <Show when={mails().length > 0} fallback={<p>No messages yet.</p>}>
            <ol class="mail-list">
              <For each={mails()}>
                {(mail) => (
                  <li>
                    <article class="mail" aria-labelledby={`mail-${mail.id}`}>
                      <h2 id={`mail-${mail.id}`} class="mail-subject">
                        {mail.subject}
                      </h2>
                      <dl class="mail-meta">
                        <div>
                          <dt>To</dt>
                          <dd>{mail.to}</dd>
                        </div>
                        <div>
                          <dt>Sent</dt>
                          <dd>
                            <time datetime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                          </dd>
                        </div>
                        <div>
                          <dt>Kind</dt>
                          <dd>{mail.kind}</dd>
                        </div>
                      </dl>
                      <pre class="mail-text">
                        <For each={linkify(mail.text, location.origin)}>
                          {(seg) =>
                            seg.type === 'link' ? (
                              <a href={seg.href} rel="external">
                                {seg.text}
                              </a>
                            ) : (
                              seg.text
                            )
                          }
                        </For>
                      </pre>
                    </article>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Async>
    </div>
  );
}
