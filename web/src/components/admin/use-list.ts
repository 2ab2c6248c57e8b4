import { createAsync } from '@solidjs/router';
import { type Accessor, createSignal } from 'solid-js';
import { type Result, settle } from '../../lib/queries.ts';

/** A list the admin screens read and read again after a change (the previous answer stays until the next). */
export function useList<T>(load: () => Promise<T>) {
  const [version, setVersion] = createSignal(0);
  const data = createAsync<Result<T>>(() => {
    version();
    return settle(load());
  });
  return { data, reload: () => setVersion((v) => v + 1) };
}

/**
 * A list a form offers as choices (courses, categories): loaded once, without suspending the page
 * (an empty list until it arrives, or if it fails: the API still checks what is sent).
 */
export function useChoices<T>(load: () => Promise<{ items: T[] }>): Accessor<T[] | null> {
  const [items, setItems] = createSignal<T[] | null>(null);
  load().then(
    (r) => setItems(r.items),
    () => setItems([]),
  );
  return items;
}
