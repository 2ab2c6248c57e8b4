import { type Accessor, type JSX, Match, Suspense, Switch } from 'solid-js';
import type { Result } from '../lib/queries.ts';
import { ErrorNotice } from './Notices.tsx';

/**
 * Shows data from a route query (`createAsync(() => settle(query(...)))`): the fallback, a
 * skeleton that takes the space the data will take, until the first answer; then the children,
 * or an error with a retry button. Later answers arrive in transitions: the previous data stays
 * on screen until the next is there.
 */
export function Async<T>(props: {
  data: Accessor<Result<T> | undefined>;
  fallback: JSX.Element;
  retry?: () => void;
  /** Replaces the default error notice, e.g. to explain a 403. */
  error?: (err: unknown) => JSX.Element;
  children: (data: Accessor<T>) => JSX.Element;
}) {
  const failed = () => {
    const r = props.data();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const ok = () => {
    const r = props.data();
    return r?.ok ? r : undefined;
  };
  return (
    <Suspense fallback={props.fallback}>
      <Switch>
        <Match when={failed()}>
          {(f) => (props.error ? props.error(f().error) : <ErrorNotice error={f().error} retry={props.retry} />)}
        </Match>
        <Match when={ok()}>{(r) => props.children(() => r().value)}</Match>
      </Switch>
    </Suspense>
  );
}
