import { createAsync } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { settle } from './queries.ts';

/**
 * A page's data, settled (an answer or its error), and a `reload` that fetches it again: `load`
 * runs once at first and once more at each reload.
 */
export function createReloadable<T>(load: () => Promise<T>) {
  const [version, setVersion] = createSignal(0);
  const data = createAsync(() => {
    version();
    return settle(load());
  });
  const reload = () => setVersion((n) => n + 1);
  return [data, reload] as const;
}
