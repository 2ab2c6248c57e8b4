import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createEffect, createSignal } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { safeNext } from '../lib/safe-url.ts';
import { usePageTitle } from '../lib/title.ts';

export default function SignIn() {
  const { supabase, auth } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const next = () => safeNext(typeof params.next === 'string' ? params.next : null);
  usePageTitle(() => 'Sign in');

  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  // Signed in (now, or already when arriving): continue where the user was going.
  createEffect(() => {
    if (auth.state.status === 'signed-in') navigate(next(), { replace: true });
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { error: err } = await supabase.auth.signInWithPassword({ email: email().trim(), password: password() });
      if (err) setError(sentence(err.message || 'Sign-in failed.'));
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <h1>Sign in</h1>
        <form onSubmit={submit} aria-describedby={error() ? 'signin-error' : undefined}>
          <div class="field">
            <label for="signin-email">Email</label>
            <input
              id="signin-email"
              type="email"
              name="email"
              autocomplete="email"
              required
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="signin-password">Password</label>
            <input
              id="signin-password"
              type="password"
              name="password"
              autocomplete="current-password"
              required
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <Show when={error()}>
            <p class="notice notice-error" role="alert" id="signin-error">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button button-primary button-block" disabled={busy()}>
            {busy() ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p>
          <A href="/forgot-password">Forgot your password?</A>
        </p>
        <p>
          New here? <A href={`/signup${next() === '/dashboard' ? '' : `?next=${encodeURIComponent(next())}`}`}>Create an account</A>
        </p>
      </div>
    </div>
  );
}
