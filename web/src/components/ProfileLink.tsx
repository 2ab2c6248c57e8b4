import { A } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { currentProfile, initials, loadProfile, setCurrentProfile } from '../lib/profile.ts';
import '../styles/bell.css';

/** The signed-in header's link to the profile page, with the user's avatar (or initials). */
export function ProfileLink() {
  const { api, auth } = useApp();
  createEffect(
    on(
      () => auth.state.user?.id,
      (id) => {
        if (!id) {
          setCurrentProfile(null);
          return;
        }
        if (currentProfile()?.id !== id) loadProfile(api, id).catch(() => undefined);
      },
    ),
  );
  const name = () => {
    const p = currentProfile();
    const u = auth.state.user;
    return { first: p?.firstName ?? u?.firstName ?? '', last: p?.lastName ?? u?.lastName ?? '', email: u?.email ?? '' };
  };
  return (
    <A href="/profile" class="button button-ghost profile-link" activeClass="active">
      <Show
        when={currentProfile()?.profileImageUrl}
        fallback={
          <span class="avatar" aria-hidden="true">
            {initials(name().first, name().last, name().email)}
          </span>
        }
      >
        {(url) => <img class="avatar" src={url()} alt="" width="28" height="28" />}
      </Show>
      Profile
    </A>
  );
}
