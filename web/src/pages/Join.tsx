import { A, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import type { AcceptedInvitation } from '../../../edge/api-types.ts';
import { Loading } from '../components/Notices.tsx';
import { errorMessage, isApiError } from '../lib/api.ts';
import { companyApi } from '../lib/company-api.ts';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import {
  FINAL_JOIN_ERRORS,
  forgetToken,
  type JoinProblem,
  joinNext,
  joinProblem,
  rememberToken,
  sessionStore,
} from '../lib/join.ts';
import { SITE_NAME } from '../lib/site.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/company-reports.css';

/**
 * /join#token=…: an invitee joins their company. The token is read from the fragment (kept in
 * this tab's sessionStorage through a sign-in or sign-up, then taken out of the address bar) and
 * sent only to POST /api/invitations/accept, when the signed-in person presses "Join company".
 */
export default function JoinPage() {
  usePageTitle(() => 'Join your company');
  const { api, auth, announce } = useApp();
  const navigate = useNavigate();
  const store = sessionStore();
  const [token, setToken] = createSignal<string | null>(null);
  const [joined, setJoined] = createSignal<AcceptedInvitation | null>(null);
  const [problem, setProblem] = createSignal<(JoinProblem & { code: string }) | null>(null);
  const [busy, setBusy] = createSignal(false);

  /** Reads the link (on arrival, and when another link is opened in this tab: only the fragment changes). */
  const readLink = () => {
    const hadHash = location.hash.length > 1;
    const t = rememberToken(location.hash, store);
    if (hadHash) {
      // The link's secret leaves the address bar (and the tab's history) once kept.
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    }
    if (t !== token() || hadHash) {
      setToken(t);
      setJoined(null);
      setProblem(null);
    }
  };
  if (typeof window !== 'undefined') {
    readLink();
    window.addEventListener('hashchange', readLink);
    onCleanup(() => window.removeEventListener('hashchange', readLink));
  }

  const join = async () => {
    const t = token();
    if (!t) return;
    setBusy(true);
    setProblem(null);
    try {
      const done = await companyApi(api).acceptInvitation(t);
      forgetToken(store);
      setToken(null);
      setJoined(done);
      announce(`You joined ${done.name}.`);
      void revalidate(['dashboard']);
    } catch (err) {
      const code = isApiError(err) ? err.code : 'error';
      const known = joinProblem(code, auth.state.user?.email ?? 'another account');
      if ((FINAL_JOIN_ERRORS as readonly string[]).includes(code)) {
        forgetToken(store);
        setToken(null);
      }
      setProblem({ code, ...(known ?? { title: 'We could not add you to the company', message: errorMessage(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const switchAccount = async () => {
    // The token stays kept: after signing in with the invited address, this page reads it again.
    await auth.signOut();
    setProblem(null);
    navigate(joinNext('/signin'));
  };

  return (
    <div class="container auth-page">
      <div class="auth-card join-card">
        <Switch>
          <Match when={joined()}>
            {(j) => (
              <>
                <h1>You joined {j().name}</h1>
                <p role="status">
                  {j().enrolledCourseIds.length > 0
                    ? `${plural(j().enrolledCourseIds.length, 'course is', 'courses are')} assigned to you and waiting on your dashboard.`
                    : 'No course is assigned to you yet: your company admin will add some.'}
                </p>
                <A href="/dashboard" class="button button-primary">
                  Go to my learning
                </A>
              </>
            )}
          </Match>
          <Match when={!token() && !problem()}>
            <h1>Join your company</h1>
            <p>
              This page needs the link from your invitation email. Open that link again (it works until you use it, for
              14 days).
            </p>
            <A href="/dashboard" class="button button-secondary">
              Go to my learning
            </A>
          </Match>
          <Match when={auth.state.status === 'loading'}>
            <h1>Join your company</h1>
            <Loading label="Checking your account…" />
          </Match>
          <Match when={auth.state.status === 'signed-out'}>
            <h1>Join your company</h1>
            <p>
              You were invited to join a company on {SITE_NAME}. Sign in, or create an account with the email address
              the invitation was sent to; you will come back here to join.
            </p>
            <div class="join-actions">
              <A href={joinNext('/signin')} class="button button-primary">
                Sign in
              </A>
              <A href={joinNext('/signup')} class="button button-secondary">
                Create an account
              </A>
            </div>
          </Match>
          <Match when={problem()}>
            {(p) => (
              <>
                <h1>{p().title}</h1>
                <div class="notice notice-error" role="alert">
                  <p>{p().message}</p>
                </div>
                <div class="join-actions">
                  <Show
                    when={p().code === 'invitation_wrong_email'}
                    fallback={
                      <Show
                        when={token()}
                        fallback={
                          <A href="/dashboard" class="button button-secondary">
                            Go to my learning
                          </A>
                        }
                      >
                        <button type="button" class="button button-primary" disabled={busy()} onClick={join}>
                          {busy() ? 'Joining…' : 'Try again'}
                        </button>
                      </Show>
                    }
                  >
                    <button type="button" class="button button-primary" onClick={switchAccount}>
                      Sign out and switch account
                    </button>
                    <A href="/dashboard" class="button button-secondary">
                      Stay signed in as {auth.state.user?.email}
                    </A>
                  </Show>
                </div>
              </>
            )}
          </Match>
          <Match when={auth.state.status === 'signed-in'}>
            <h1>Join your company</h1>
            <p>
              You were invited to join a company on {SITE_NAME}. You are signed in as{' '}
              <strong>{auth.state.user?.email}</strong>.
            </p>
            <div class="join-actions">
              <button type="button" class="button button-primary" disabled={busy()} onClick={join}>
                {busy() ? 'Joining…' : 'Join company'}
              </button>
            </div>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
