import { A, useIsRouting, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { Show, Suspense, createEffect, createSignal, on } from 'solid-js';
import { errorMessage } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { SITE_NAME } from '../lib/site.ts';
import { Loading } from './Notices.tsx';

/** The frame around every page: skip link, header, main, footer. */
export function Layout(props: RouteSectionProps) {
  const { liveMessage } = useApp();
  const location = useLocation();
  const isRouting = useIsRouting();
  let main: HTMLElement | undefined;

  // After moving to another page (not just another query string), put focus at the top of
  // the new page, on its heading, so keyboard and screen reader users start there.
  const [pendingFocus, setPendingFocus] = createSignal(false);
  createEffect(on(() => location.pathname, () => setPendingFocus(true), { defer: true }));
  createEffect(() => {
    if (!pendingFocus() || isRouting()) return;
    setPendingFocus(false);
    requestAnimationFrame(() => {
      if (location.hash) return; // the router scrolls to the anchor
      const target = main?.querySelector<HTMLElement>('h1') ?? main;
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    });
  });

  return (
    <div class="app">
      <a
        class="skip-link"
        href="#main"
        on:click={(e) => {
          e.preventDefault();
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        Skip to main content
      </a>
      <Header />
      <main id="main" ref={main} tabindex="-1">
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
        <div class="sr-only" aria-live="polite" aria-atomic="true">
          {liveMessage()}
        </div>
      </main>
      <Footer />
    </div>
  );
}

function Header() {
  const { auth, announce } = useApp();
  const navigate = useNavigate();
  const [signOutError, setSignOutError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const signOut = async () => {
    setBusy(true);
    setSignOutError(null);
    try {
      await auth.signOut();
      announce('You are signed out.');
      navigate('/');
    } catch (err) {
      setSignOutError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <header class="site-header">
      <div class="container header-inner">
        <A href="/" class="brand" end>
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" width="28" height="28">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 8h4v12h10v4H9z" fill="#fff" />
          </svg>
          <span>{SITE_NAME}</span>
        </A>
        <nav class="main-nav" aria-label="Main">
          <ul>
            <li>
              <A href="/courses" activeClass="active">
                Courses
              </A>
            </li>
            <li>
              <A href="/for-companies" activeClass="active">
                For companies
              </A>
            </li>
          </ul>
        </nav>
        <div class="account">
          <Show when={auth.state.status === 'signed-out'}>
            <A href="/signin" class="button button-ghost">
              Sign in
            </A>
            <A href="/signup" class="button button-primary">
              Sign up
            </A>
          </Show>
          <Show when={auth.state.status === 'signed-in'}>
            <A href="/dashboard" class="button button-ghost" activeClass="active">
              My learning
            </A>
            <button type="button" class="button button-secondary" onClick={signOut} disabled={busy()}>
              Sign out
            </button>
          </Show>
        </div>
      </div>
      <Show when={signOutError()}>
        <div class="container">
          <p class="notice notice-error" role="alert">
            {signOutError()}
          </p>
        </div>
      </Show>
    </header>
  );
}

function Footer() {
  const { config } = useApp();
  const year = new Date().getFullYear();
  return (
    <footer class="site-footer">
      <div class="container footer-inner">
        <nav aria-label="Footer">
          <ul>
            <li>
              <A href="/about">About</A>
            </li>
            <li>
              <a href="/about#contact">Contact</a>
            </li>
            <li>
              <a href="/about#faq">FAQ</a>
            </li>
            <li>
              <A href="/courses">Courses</A>
            </li>
            <li>
              <A href="/for-companies">For companies</A>
            </li>
            <Show when={config.devOutbox}>
              <li>
                <A href="/dev/outbox">Dev outbox</A>
              </li>
            </Show>
          </ul>
        </nav>
        <p class="muted">
          © {year} {SITE_NAME}
        </p>
      </div>
    </footer>
  );
}
