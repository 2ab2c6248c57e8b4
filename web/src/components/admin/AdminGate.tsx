import { A } from '@solidjs/router';
import { createEffect, type JSX, Match, Switch } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { currentProfile, loadProfile } from '../../lib/profile.ts';
import { Loading } from '../Notices.tsx';
import { AdminNav } from './AdminNav.tsx';

/**
 * An admin page's frame: for admins, the console's navigation beside the page's heading and content;
 * anyone else sees the heading and is told the page is not for them (the API refuses them too).
 * Inside RequireAuth.
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
      <Switch
        fallback={
          <>
            <h1>{props.title}</h1>
            <Loading label="Checking your access…" />
          </>
        }
      >
        <Match when={role() === 'admin'}>
          <div class="admin-layout">
            <AdminNav />
            <div class="admin-main">
              <h1>{props.title}</h1>
              {props.children}
            </div>
          </div>
        </Match>
        <Match when={role()}>
          <h1>{props.title}</h1>
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
