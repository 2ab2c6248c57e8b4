import { A, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage, Loading } from '../components/Notices.tsx';
import { NETWORK_ERROR } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { sentence } from '../lib/format.ts';
import { createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';

type Phase = 'verifying' | 'waiting' | 'ready' | 'invalid' | 'done';

/**
 * The page a recovery mail links to: /reset-password?token_hash=...&type=recovery.
 * The token signs the user in (verifyOtp); then they choose a new password.
 */
export default function ResetPassword() {
  const { authClient, auth, announce } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(() => 'Choose a new password');

  const [phase, setPhase] = createSignal<Phase>('waiting');
  const [linkError, setLinkError] = createSignal<string | null>(null);
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');

  onMount(async () => {
    const query = new URLSearchParams(location.search);
    const tokenHash = query.get('token_hash');
    const type = query.get('type');
    if (!tokenHash) return; // no link: see the effect below
    setPhase('verifying');
    if (type !== null && type !== 'recovery') {
      setLinkError('This link is not a password reset link.');
      setPhase('invalid');
      return;
    }
    try {
      const { error: err } = await authClient.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
      if (err) {
        setLinkError(sentence(err.message || 'This link is invalid or has expired.'));
        setPhase('invalid');
        return;
      }
      // The token is spent: keep it out of the history and of a reload.
      navigate('/reset-password', { replace: true, scroll: false });
      setPhase('ready');
    } catch {
      setLinkError(NETWORK_ERROR);
      setPhase('invalid');
    }
  });

  // Without a token, a signed-in user may still set a new password here.
  createEffect(() => {
    if (phase() !== 'waiting') return;
    if (auth.state.status === 'signed-in') setPhase('ready');
    else if (auth.state.status === 'signed-out') {
      setLinkError(
        'This page needs the link from your password reset email. The link may be incomplete or already used.',
      );
      setPhase('invalid');
    }
  });

  const { submit, busy, error } = createSubmit(
    async () => {
      const { error: err } = await authClient.updateUser({ password: password() });
      if (err) return sentence(err.message || 'Your password could not be changed.');
      setPhase('done');
      announce('Your password has been changed.');
    },
    { check: () => (password() !== confirm() ? 'The two passwords do not match.' : null) },
  );

  return (
    <div class="container auth-page">
      <div class="auth-card">
        <h1>Choose a new password</h1>
        <Switch>
          <Match when={phase() === 'verifying' || phase() === 'waiting'}>
            <Loading label="Checking your reset link…" />
          </Match>
          <Match when={phase() === 'invalid'}>
            <div class="notice notice-error" role="alert">
              <p>{linkError()}</p>
            </div>
            <p>
              <A href="/forgot-password">Request a new reset link</A>
            </p>
          </Match>
          <Match when={phase() === 'ready'}>
            <Show when={auth.state.user}>{(u) => <p>Signed in as {u().email}.</p>}</Show>
            <form onSubmit={submit}>
              <Field
                id="reset-password"
                label="New password"
                type="password"
                name="password"
                autocomplete="new-password"
                required
                value={password()}
                onValue={setPassword}
              />
              <Field
                id="reset-confirm"
                label="Confirm new password"
                type="password"
                name="confirm"
                autocomplete="new-password"
                required
                value={confirm()}
                onValue={setConfirm}
              />
              <ErrorMessage message={error()} />
              <SubmitButton busy={busy()} busyLabel="Saving…">
                Set new password
              </SubmitButton>
            </form>
          </Match>
          <Match when={phase() === 'done'}>
            <p class="notice notice-success" role="status">
              Your password has been changed. You are signed in.
            </p>
            <p>
              <A href="/dashboard" class="button button-primary">
                Go to your dashboard
              </A>
            </p>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
