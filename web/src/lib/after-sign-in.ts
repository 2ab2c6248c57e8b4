import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { useApp } from './context.ts';
import { safeNext } from './safe-url.ts';

/**
 * For the sign-in and sign-up pages: once the user is signed in (now, or already when
 * arriving), continues to the page in ?next=. Returns `withNext(path)`, a link to `path`
 * that carries ?next= along (left out when it is the default).
 */
export function useAfterSignIn(): (path: string) => string {
  const { auth } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const next = () => safeNext(typeof params.next === 'string' ? params.next : null);

  createEffect(() => {
    if (auth.state.status === 'signed-in') navigate(next(), { replace: true });
  });

  return (path) => `${path}${next() === '/dashboard' ? '' : `?next=${encodeURIComponent(next())}`}`;
}
