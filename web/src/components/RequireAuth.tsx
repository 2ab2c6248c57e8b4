import { Navigate, useLocation } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { Loading } from './Notices.tsx';

/** Renders its children for signed-in users; others go to /signin?next=<this page>. */
export function RequireAuth(props: { children: JSX.Element }) {
  const { auth } = useApp();
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Switch>
      <Match when={auth.state.status === 'loading'}>
        <Loading label="Checking your session…" />
      </Match>
      <Match when={auth.state.status === 'signed-out'}>
        <Navigate href={`/signin?next=${next()}`} />
      </Match>
      <Match when={auth.state.status === 'signed-in'}>{props.children}</Match>
    </Switch>
  );
}
