import { A } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { useAfterSignIn } from '../lib/after-sign-in.ts';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';

export default function SignIn() {
  const { authClient } = useApp();
  usePageTitle(() => 'Sign in');
  const withNext = useAfterSignIn();

  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');

  const { submit, busy, error } = createSubmit(async () => {
    const { error: err } = await authClient.signInWithPassword({ email: email().trim(), password: password() });
    // A suspended account (docs/admin.md) is banned in the auth service.
    if (err?.code === 'user_banned')
      return 'This account is suspended. Contact the site’s admins if you think this is a mistake.';
    if (err) return sentence(err.message || 'Sign-in failed.');
  });

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <h1>Sign in</h1>
        <form onSubmit={submit} aria-describedby={error() ? 'signin-error' : undefined}>
          <Field
            id="signin-email"
            label="Email"
            type="email"
            name="email"
            autocomplete="email"
            required
            value={email()}
            onValue={setEmail}
          />
          <Field
            id="signin-password"
            label="Password"
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password()}
            onValue={setPassword}
          />
          <ErrorMessage message={error()} id="signin-error" />
          <SubmitButton busy={busy()} busyLabel="Signing in…">
            Sign in
          </SubmitButton>
        </form>
        <p>
          <A href="/forgot-password">Forgot your password?</A>
        </p>
        <p>
          New here? <A href={withNext('/signup')}>Create an account</A>
        </p>
      </div>
    </div>
  );
}
