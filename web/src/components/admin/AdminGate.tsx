import { A } from '@solidjs/router';
import { createEffect, type JSX, Match, Switch } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { currentProfile, loadProfile } from '../../lib/profile.ts';
import { Loading } from '../Notices.tsx';

/**
 * An admin page's frame: its heading, then the page for admins; anyone else is told the page is
 * not for them (the API refuses them too). Inside RequireAuth.
 */
export function AdminGate(props: { title: string; class: string; children: JSX.Element }) {
  const { api, auth } = useApp();
  createEffect(() => {
    const id = auth.state.user?.id;
    if (id && currentProfile()?.id !== id) loadProfile(api, id).catch(() => undefined);
  });
  const role = () => {
    const p = currentProfile();
    return p && p.id === auth.state.user?.id ? p.role : null;
  };
  return (
    <div class={props.class}>
      <h1>{props.title}</h1>
      <Switch fallback={<Loading label="Checking your access…" />}>
        <Match when={role() === 'admin'}>{props.children}</Match>
        <Match when={role()}>
          <div class="empty-state">
            <p>This page is for administrators.</p>
            <A href="/dashboard" class="button button-primary">
              Go to my learning
            </A>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
