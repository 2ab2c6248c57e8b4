import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { DevOutboxHint } from '../components/DevOutboxHint.tsx';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';

export default function ForgotPassword() {
  const { authClient } = useApp();
  usePageTitle(() => 'Reset your password');
  const [email, setEmail] = createSignal('');
  const [sentTo, setSentTo] = createSignal<string | null>(null);

  const { submit, busy, error } = createSubmit(async () => {
    const address = email().trim();
    const { error: err } = await authClient.resetPasswordForEmail(address, {
      redirectTo: `${location.origin}/reset-password`,
    });
    // Unknown addresses get the same answer as known ones: the page does not reveal who has an account.
    if (err && (!err.status || err.status === 429 || err.status >= 500))
      return sentence(err.message || 'The reset link could not be sent.');
    setSentTo(address);
  });

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <h1>Reset your password</h1>
        <Show
          when={sentTo()}
          fallback={
            <>
              <p>Enter the email address you signed up with and we will send you a link to choose a new password.</p>
              <form onSubmit={submit}>
                <Field
                  id="forgot-email"
                  label="Email"
                  type="email"
                  name="email"
                  autocomplete="email"
                  required
                  value={email()}
                  onValue={setEmail}
                />
                <ErrorMessage message={error()} />
                <SubmitButton busy={busy()} busyLabel="Sending…">
                  Send reset link
                </SubmitButton>
              </form>
            </>
          }
        >
          {(address) => (
            <>
              <p role="status" class="notice notice-success">
                If an account exists for <strong>{address()}</strong>, we sent a link to reset your password. It may
                take a minute to arrive.
              </p>
              <DevOutboxHint />
              <p>
                <button type="button" class="button-link" onClick={() => setSentTo(null)}>
                  Use a different email address
                </button>
              </p>
            </>
          )}
        </Show>
        <p>
          <A href="/signin">Back to sign in</A>
        </p>
      </div>
    </div>
  );
}
