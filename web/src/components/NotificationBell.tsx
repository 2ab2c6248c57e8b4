import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { Notification } from '../../../edge/api-types.ts';
import { errorMessage } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLive } from '../lib/live.ts';
import { addNotification, bellLabel, markedRead, toNotification } from '../lib/notifications.ts';
import { emitSessionBan } from '../lib/user-events.ts';
import { ROUTES } from '../routes.ts';
import '../styles/bell.css';

/**
 * The signed-in header's bell: the unread count, a list of the latest notifications (a
 * disclosure: the button opens a panel right after it, so Tab walks into it; Escape closes it
 * and returns to the button), marking read, and new notifications as they happen, from the
 * private Realtime topic `user:<uid>`, announced politely to screen readers.
 */
export function NotificationBell() {
  const { auth } = useApp();
  return (
    <Show when={auth.state.status === 'signed-in' && auth.state.user?.id} keyed>
      {(userId) => <Bell userId={userId} />}
    </Show>
  );
}

function Bell(props: { userId: string }) {
  const { api, authClient, supabase, announce } = useApp();
  const [items, setItems] = createSignal<Notification[]>([]);
  const [unread, setUnread] = createSignal(0);
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  const refresh = () =>
    api.notifications().then(
      (list) => {
        setItems(list.items);
        setUnread(list.unreadCount);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  onMount(() => void refresh());

  useLive(supabase, authClient, {
    topic: `user:${props.userId}`,
    on: {
      notification: (payload) => {
        const n = toNotification(payload);
        if (!n || items().some((x) => x.id === n.id)) return;
        setItems(addNotification(items(), n));
        if (!n.readAt) setUnread((u) => u + 1);
        announce(`New notification: ${n.title}`);
      },
      // The topic's one channel is this one: other events on it go to the pages that listen.
      session_ban: emitSessionBan,
    },
    // Back after a drop: whatever arrived meanwhile is in the list the API returns.
    onRejoin: () => void refresh(),
  });

  const markRead = async (ids: string[] | null) => {
    const newlyRead = items().filter((n) => !n.readAt && (ids === null || ids.includes(n.id))).length;
    setItems(markedRead(items(), ids, new Date().toISOString()));
    setUnread((u) => (ids === null ? 0 : Math.max(0, u - newlyRead)));
    try {
      const result = await api.markNotificationsRead(ids ? { ids } : { all: true });
      setUnread(result.unreadCount);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      void refresh();
    }
  };

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open()) {
      e.stopPropagation();
      close(true);
    }
  };
  // Closes when a click or the focus lands outside the bell.
  const onDocumentClick = (e: MouseEvent) => {
    if (open() && root && !root.contains(e.target as Node)) close(false);
  };
  const onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (open() && next && root && !root.contains(next)) close(false);
  };
  document.addEventListener('click', onDocumentClick);
  onCleanup(() => document.removeEventListener('click', onDocumentClick));

  return (
    <div class="bell" ref={root} on:keydown={onKeyDown} on:focusout={onFocusOut}>
      <button
        type="button"
        class="button button-ghost bell-button"
        aria-expanded={open()}
        aria-controls="notifications-panel"
        aria-label={bellLabel(unread())}
        ref={button}
        onClick={() => {
          const opening = !open();
          setOpen(opening);
          if (opening) void refresh();
        }}
      >
        <svg class="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path
            d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5v1h13v-1L15 10.7V7.5a5 5 0 0 0-5-5Zm-2 13.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linejoin="round"
          />
        </svg>
        <Show when={unread() > 0}>
          <span class="bell-badge" aria-hidden="true">
            {unread() > 99 ? '99+' : unread()}
          </span>
        </Show>
      </button>
      <section id="notifications-panel" class="bell-panel" aria-labelledby="notifications-heading" hidden={!open()}>
        <div class="bell-panel-head">
          <h2 id="notifications-heading">Notifications</h2>
          <button
            type="button"
            class="button button-small button-secondary"
            aria-disabled={unread() === 0 ? 'true' : undefined}
            onClick={() => {
              // aria-disabled, not disabled: the button keeps focus after it is used.
              if (unread() > 0) void markRead(null);
            }}
          >
            Mark all as read
          </button>
        </div>
        <Show when={error()}>
          <p class="notice notice-error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={items().length > 0} fallback={<p class="muted bell-empty">No notifications yet.</p>}>
          <ul class="bell-list">
            <For each={items()}>
              {(n) => (
                <li class="bell-item" data-unread={n.readAt ? 'false' : 'true'}>
                  <Show when={n.link} fallback={<p class="bell-title">{n.title}</p>}>
                    {(link) => (
                      <A
                        href={link()}
                        class="bell-title"
                        onClick={() => {
                          if (!n.readAt) void markRead([n.id]);
                          close(false);
                        }}
                      >
                        {n.title}
                      </A>
                    )}
                  </Show>
                  <Show when={n.body}>
                    <p class="bell-body">{n.body}</p>
                  </Show>
                  <p class="bell-meta">
                    <time datetime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    <Show when={!n.readAt}>
                      <span class="bell-unread"> · Unread</span>
                    </Show>
                  </p>
                  <Show when={!n.readAt}>
                    <button
                      type="button"
                      class="button button-small button-ghost"
                      onClick={() => void markRead([n.id])}
                    >
                      Mark as read<span class="sr-only">: {n.title}</span>
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p class="bell-panel-foot">
          <A href={ROUTES.notificationSettings} onClick={() => close(false)}>
            Settings<span class="sr-only"> for notifications</span>
          </A>
        </p>
      </section>
    </div>
  );
}
