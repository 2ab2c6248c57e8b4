import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createEffect, createSignal } from 'solid-js';
import { DevOutboxHint } from '../components/DevOutboxHint.tsx';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { safeNext } from '../lib/safe-url.ts';
import { usePageTitle } from '../lib/title.ts';

export default function SignUp() {
  const { supabase, auth } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const next = () => safeNext(typeof params.next === 'string' ? params.next : null);
  usePageTitle(() => 'Create an account');

  const [form, setForm] = createSignal({ firstName: '', lastName: '', email: '', password: '' });
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [confirmFor, setConfirmFor] = createSignal<string | null>(null);
  const set = (key: 'firstName' | 'lastName' | 'email' | 'password') => (e: InputEvent & { currentTarget: HTMLInputElement }) =>
    setForm({ ...form(), [key]: e.currentTarget.value });

  createEffect(() => {
    if (auth.state.status === 'signed-in') navigate(next(), { replace: true });
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = form();
    setBusy(true);
    setError(null);
    try {
      const { data, error: err } = await supabase.auth.signUp({
        email: f.email.trim(),
        password: f.password,
        options: {
          data: { first_name: f.firstName.trim(), last_name: f.lastName.trim() },
          emailRedirectTo: `${location.origin}/signin`,
        },
      });
      if (err) setError(sentence(err.message || 'Sign-up failed.'));
      // With a session the user is signed in (the effect above moves on); without one,
      // the address must be confirmed first.
      else if (!data.session) setConfirmFor(f.email.trim());
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <Show
          when={confirmFor()}
          fallback={
            <>
              <h1>Create your account</h1>
              <p class="muted">Free to join. Enrol in free courses straight away.</p>
              <form onSubmit={submit}>
                <div class="field-row">
                  <div class="field">
                    <label for="signup-first">First name</label>
                    <input id="signup-first" name="firstName" autocomplete="given-name" required maxLength={100} value={form().firstName} onInput={set('firstName')} />
                  </div>
                  <div class="field">
                    <label for="signup-last">Last name</label>
                    <input id="signup-last" name="lastName" autocomplete="family-name" required maxLength={100} value={form().lastName} onInput={set('lastName')} />
                  </div>
                </div>
                <div class="field">
                  <label for="signup-email">Email</label>
                  <input id="signup-email" type="email" name="email" autocomplete="email" required value={form().email} onInput={set('email')} />
                </div>
                <div class="field">
                  <label for="signup-password">Password</label>
                  <input
                    id="signup-password"
                    type="password"
                    name="password"
                    autocomplete="new-password"
                    required
                    value={form().password}
                    onInput={set('password')}
                  />
                </div>
                <Show when={error()}>
                  <p class="notice notice-error" role="alert">
                    {error()}
                  </p>
                </Show>
                <button type="submit" class="button button-primary button-block" disabled={busy()}>
                  {busy() ? 'Creating your account…' : 'Create account'}
                </button>
              </form>
              <p>
                Already have an account? <A href={`/signin${next() === '/dashboard' ? '' : `?next=${encodeURIComponent(next())}`}`}>Sign in instead</A>
              </p>
            </>
          }
        >
          {(email) => (
            <>
              <h1>Check your inbox</h1>
              <p role="status">
                We sent a confirmation link to <strong>{email()}</strong>. Open it to activate your account, then sign in.
              </p>
              <DevOutboxHint />
              <p>
                <A href="/signin">Go to sign in</A>
              </p>
            </>
          )}
        </Show>
      </div>
    </div>
  );
}
