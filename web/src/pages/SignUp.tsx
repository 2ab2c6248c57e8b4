import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { DevOutboxHint } from '../components/DevOutboxHint.tsx';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { useAfterSignIn } from '../lib/after-sign-in.ts';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';

export default function SignUp() {
  const { authClient } = useApp();
  usePageTitle(() => 'Create an account');

  const [form, setForm] = createSignal({ firstName: '', lastName: '', email: '', password: '' });
  const [confirmFor, setConfirmFor] = createSignal<string | null>(null);
  const set = (key: 'firstName' | 'lastName' | 'email' | 'password') => (value: string) =>
    setForm({ ...form(), [key]: value });

  const withNext = useAfterSignIn();

  const { submit, busy, error } = createSubmit(async () => {
    const f = form();
    const { data, error: err } = await authClient.signUp({
      email: f.email.trim(),
      password: f.password,
      options: {
        data: { first_name: f.firstName.trim(), last_name: f.lastName.trim() },
        // The confirmation link signs in on /signin, which then continues to ?next= (e.g. /join).
        emailRedirectTo: `${location.origin}${withNext('/signin')}`,
      },
    });
    if (err) return sentence(err.message || 'Sign-up failed.');
    // With a session the user is signed in (useAfterSignIn moves on); without one,
    // the address must be confirmed first.
    if (!data.session) setConfirmFor(f.email.trim());
  });

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <Show
          when={confirmFor()}
          fallback={
            <>
              <h1>Create your account</h1>
              <p class="muted">Free to join. Enroll in free courses straight away.</p>
              <form onSubmit={submit}>
                <div class="field-row">
                  <Field
                    id="signup-first"
                    label="First name"
                    name="firstName"
                    autocomplete="given-name"
                    required
                    maxLength={100}
                    value={form().firstName}
                    onValue={set('firstName')}
                  />
                  <Field
                    id="signup-last"
                    label="Last name"
                    name="lastName"
                    autocomplete="family-name"
                    required
                    maxLength={100}
                    value={form().lastName}
                    onValue={set('lastName')}
                  />
                </div>
                <Field
                  id="signup-email"
                  label="Email"
                  type="email"
                  name="email"
                  autocomplete="email"
                  required
                  value={form().email}
                  onValue={set('email')}
                />
                <Field
                  id="signup-password"
                  label="Password"
                  type="password"
                  name="password"
                  autocomplete="new-password"
                  required
                  value={form().password}
                  onValue={set('password')}
                />
                <ErrorMessage message={error()} />
                <SubmitButton busy={busy()} busyLabel="Creating your account…">
                  Create account
                </SubmitButton>
              </form>
              <p>
                Already have an account? <A href={withNext('/signin')}>Sign in instead</A>
              </p>
            </>
          }
        >
          {(email) => (
            <>
              <h1>Check your inbox</h1>
              <p role="status">
                We sent a confirmation link to <strong>{email()}</strong>. Open it to activate your account, then sign
                in.
              </p>
              <DevOutboxHint />
              <p>
                <A href={withNext('/signin')}>Go to sign in</A>
              </p>
            </>
          )}
        </Show>
      </div>
    </div>
  );
}
