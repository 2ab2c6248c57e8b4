import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { ErrorNotice, Loading } from './Notices.tsx';

/**
 * Shows a resource without suspending the page: a loading line until the first value,
 * an error with a retry button, else the children with the (latest) value. While a new
 * value loads, the previous one stays on screen.
 */
export function Async<T>(props: {
  resource: Resource<T>;
  loading?: string;
  retry?: () => void;
  /** Replaces the default error notice, e.g. to explain a 403. */
  error?: (err: unknown) => JSX.Element;
  children: (data: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const ready = () => {
    const s = props.resource.state;
    return (s === 'ready' || s === 'refreshing') && props.resource.latest != null;
  };
  return (
    <Switch fallback={<Loading label={props.loading} />}>
      <Match when={props.resource.state === 'errored'}>
        {props.error ? props.error(props.resource.error) : <ErrorNotice error={props.resource.error} retry={props.retry} />}
      </Match>
      <Match when={ready() && (props.resource.latest as NonNullable<T>)}>{(data) => props.children(data)}</Match>
    </Switch>
  );
}
