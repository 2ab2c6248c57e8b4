import { A, type RouteSectionProps, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, For, on, onCleanup, Show, Suspense } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { showDevOutbox } from '../lib/dev-outbox.ts';
import { SITE_NAME } from '../lib/site.ts';
import { LEGAL_LINKS } from '../lib/site-api.ts';
import { createAction } from '../lib/submit.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { CartLink } from './CartLink.tsx';
import { Loading } from './Notices.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PageError } from './PageError.tsx';

/** The frame around every page: skip link, header, main, footer. */
export function Layout(props: RouteSectionProps) {
  const { liveMessage } = useApp();
  const location = useLocation();
  const isRouting = useIsRouting();
  let main: HTMLElement | undefined;

  // After moving to another page (not just another query string), put focus on the new
  // page's heading, so keyboard and screen reader users start there. Pages that load their
  // data first render the heading a moment later: wait for it, unless the user moves on.
  const [pendingFocus, setPendingFocus] = createSignal(false);
  let stopWaiting = () => {};
  createEffect(
    on(
      () => location.pathname,
      () => setPendingFocus(true),
      { defer: true },
    ),
  );
  createEffect(() => {
    if (!pendingFocus() || isRouting()) return;
    setPendingFocus(false);
    if (location.hash || !main) return; // the router scrolls to the anchor
    const root = main;
    stopWaiting();
    const focusHeading = (): boolean => {
      const h1 = root.querySelector<HTMLElement>('h1');
      if (!h1) return false;
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
      return true;
    };
    requestAnimationFrame(() => {
      if (focusHeading()) return;
      root.focus({ preventScroll: true });
      const observer = new MutationObserver(() => {
        const active = document.activeElement;
        // The user moved on while the page loaded: leave their focus alone.
        if (active && active !== document.body && active !== root) stopWaiting();
        else if (focusHeading()) stopWaiting();
      });
      const timer = setTimeout(() => stopWaiting(), 5000);
      stopWaiting = () => {
        observer.disconnect();
        clearTimeout(timer);
        stopWaiting = () => {};
      };
      observer.observe(root, { childList: true, subtree: true });
    });
  });
  onCleanup(() => stopWaiting());

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
        {/* A page that fails to render shows what happened and a way on, inside the usual frame. */}
        <ErrorBoundary fallback={(err, reset) => <PageError error={err} reset={reset} />}>
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
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
  const location = useLocation();
  const {
    run: signOut,
    busy,
    error: signOutError,
  } = createAction(async () => {
    // Leave signed-in pages first, so they do not redirect to the sign-in page on the way out.
    navigate('/');
    await auth.signOut();
    announce('You are signed out.');
  });

  // Phones: the links and account actions fold into a menu, so the header stays one row.
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpen()) return;
    setMenuOpen(false);
    menuButton?.focus();
  };

  return (
    <header class="site-header" on:keydown={closeOnEscape}>
      <div class="container header-inner">
        <A href="/" class="brand" end>
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" width="28" height="28">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 8h4v12h10v4H9z" fill="#fff" />
          </svg>
          <span>{SITE_NAME}</span>
        </A>
        <button
          type="button"
          class="button button-secondary button-small menu-toggle"
          aria-expanded={menuOpen()}
          aria-controls="site-menu"
          ref={menuButton}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <svg class="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path
              d="M3 5h14M3 10h14M3 15h14"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              fill="none"
            />
          </svg>
          Menu
        </button>
        <div id="site-menu" class="header-menu" data-open={menuOpen() ? 'true' : 'false'}>
          <nav class="main-nav" aria-label="Main">
            <ul>
              <li>
                <A href="/courses" activeClass="active">
                  Courses
                </A>
              </li>
              <li>
                <A href="/bundles" activeClass="active">
                  Bundles
                </A>
              </li>
              <li>
                <A href="/for-companies" activeClass="active">
                  For companies
                </A>
              </li>
              <li>
                <A href="/blog" activeClass="active">
                  Blog
                </A>
              </li>
            </ul>
          </nav>
          <div class="account">
            <CartLink />
            <Show when={auth.state.status === 'signed-out'}>
              <A href="/signin" class="button button-ghost">
                Sign in
              </A>
              <A href="/signup" class="button button-primary">
                Sign up
              </A>
            </Show>
            <Show when={auth.state.status === 'signed-in'}>
              <NotificationBell />
              <A href="/dashboard" class="button button-ghost" activeClass="active">
                My learning
              </A>
              <AccountMenu />
              <button type="button" class="button button-secondary" onClick={signOut} disabled={busy()}>
                Sign out
              </button>
            </Show>
          </div>
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
              <a href="/faq#contact">Contact</a>
            </li>
            <li>
              <A href="/faq">Help &amp; FAQ</A>
            </li>
            <li>
              <A href="/blog">Blog</A>
            </li>
            <li>
              <A href="/courses">Courses</A>
            </li>
            <li>
              <A href="/for-companies">For companies</A>
            </li>
            <For each={LEGAL_LINKS}>
              {(l) => (
                <li>
                  <A href={`/legal/${l.slug}`}>{l.label}</A>
                </li>
              )}
            </For>
            <Show when={showDevOutbox(config, location.hostname)}>
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
