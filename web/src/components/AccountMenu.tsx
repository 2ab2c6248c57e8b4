import { A } from '@solidjs/router';
import { createEffect, createSignal, createUniqueId, on, onCleanup, Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { currentProfile, initials, loadProfile, setCurrentProfile } from '../lib/profile.ts';
import { CompanyLink } from './CompanyLink.tsx';
import '../styles/account-menu.css';

/**
 * The signed-in header's account menu: a button with the user's avatar that shows and hides a
 * list of links (the disclosure pattern: a button with aria-expanded, then plain links, so the
 * keyboard and screen readers handle it as they handle any list of links). What the list holds
 * depends on the user: everyone has Profile and Orders; instructors and admins Teaching; company
 * admins Company; admins the admin console (its own navigation leads to each admin page). Escape, a click outside or following a link closes it.
 */
export function AccountMenu() {
  const { api, auth } = useApp();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  // The profile gives the avatar and the role; loaded once per user.
  createEffect(
    on(
      () => auth.state.user?.id,
      (userId) => {
        if (!userId) {
          setCurrentProfile(null);
          return;
        }
        if (currentProfile()?.id !== userId) loadProfile(api, userId).catch(() => undefined);
      },
    ),
  );
  // The browser's back and forward buttons close it. Not any change of path: signing in redirects a moment after
  // the header shows this menu, and a menu opened in that moment stays open.
  const onPopState = () => setOpen(false);
  window.addEventListener('popstate', onPopState);
  onCleanup(() => window.removeEventListener('popstate', onPopState));

  // A click outside closes it, and so does following one of its links (Enter on a link is a click too).
  const onDocumentClick = (e: MouseEvent) => {
    if (!open() || !root) return;
    const target = e.target as Element;
    if (!root.contains(target) || target.closest?.('.account-menu-list a')) setOpen(false);
  };
  // Escape closes it from the button or any of its links, and gives focus back to the button.
  const onDocumentKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open() || !root?.contains(document.activeElement)) return;
    setOpen(false);
    button?.focus();
  };
  document.addEventListener('click', onDocumentClick);
  document.addEventListener('keydown', onDocumentKey);
  onCleanup(() => {
    document.removeEventListener('click', onDocumentClick);
    document.removeEventListener('keydown', onDocumentKey);
  });

  const role = () => currentProfile()?.role;
  const name = () => {
    const p = currentProfile();
    const u = auth.state.user;
    return { first: p?.firstName ?? u?.firstName ?? '', last: p?.lastName ?? u?.lastName ?? '', email: u?.email ?? '' };
  };

  return (
    <div class="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        class="button button-ghost account-menu-button"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`account-menu-${id}`}
        onClick={() => setOpen(!open())}
      >
        <Show
          when={currentProfile()?.profileImageUrl}
          fallback={
            <span class="header-avatar" aria-hidden="true">
              {initials(name().first, name().last, name().email)}
            </span>
          }
        >
          {(url) => <img class="header-avatar" src={url()} alt="" width="28" height="28" />}
        </Show>
        Account
      </button>
      <ul id={`account-menu-${id}`} class="account-menu-list" hidden={!open()}>
        <li>
          <A href="/profile" activeClass="active">
            Profile
          </A>
        </li>
        <li>
          <A href="/orders" activeClass="active">
            Orders
          </A>
        </li>
        <li>
          <A href="/certificates" activeClass="active">
            Certificates
          </A>
        </li>
        <Show when={role() === 'instructor' || role() === 'admin'}>
          <li>
            <A href="/teach" activeClass="active">
              Teaching
            </A>
          </li>
        </Show>
        <CompanyLink />
        <Show when={role() === 'admin'}>
          <li>
            <A href="/admin" activeClass="active">
              Admin console
            </A>
          </li>
        </Show>
      </ul>
    </div>
  );
}
