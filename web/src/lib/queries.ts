import { query, revalidate } from '@solidjs/router';
import type { Api } from './api.ts';

/**
 * The pages' data as @solidjs/router queries: a route's `preload` starts them while the route's
 * code is still loading, and the page reads the same cached promise (no second request).
 * Created once, with the app's API client.
 */
export function createQueries(api: Api) {
  return {
    courses: query((search: string) => api.courses(search), 'catalog'),
    categories: query(() => api.categories(), 'categories'),
    course: query((slug: string) => api.course(slug), 'course-detail'),
    dashboard: query(() => api.dashboard(), 'dashboard'),
    player: query((slug: string) => api.player(slug), 'player'),
    lesson: query((id: string) => api.lesson(id), 'lesson'),
  };
}

export type Queries = ReturnType<typeof createQueries>;

/** Queries whose answer depends on who is signed in: fetched again when the user changes. */
export const USER_QUERIES = ['course-detail', 'dashboard', 'player', 'lesson'];

export function revalidateUserData(): Promise<void> {
  return revalidate(USER_QUERIES);
}

/** An answer or the reason there is none, so a page can show its own error instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Result<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Replaces a cached answer after a change the server confirmed (enrollment, a completed lesson). */
export function setQueryData<A extends unknown[], T>(fn: { keyFor: (...args: A) => string }, args: A, value: T): void {
  const key = fn.keyFor(...args);
  query.set<T>(key, value as Parameters<typeof query.set<T>>[1]);
  void revalidate(key, false);
}

/** Fetches one cached answer again (a retry button). */
export function refetch<A extends unknown[]>(fn: { keyFor: (...args: A) => string }, ...args: A): void {
  void revalidate(fn.keyFor(...args));
}
