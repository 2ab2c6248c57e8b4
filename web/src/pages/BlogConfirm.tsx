import { A, useLocation } from '@solidjs/router';
import { createSignal, Match, onMount, Switch } from 'solid-js';
import { isApiError } from '../lib/api.ts';
import { blogApi } from '../lib/blog-api.ts';
import { useApp } from '../lib/context.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/blog.css';

/** /blog/confirm?token=: the link in the newsletter's double opt-in mail. */
export default function BlogConfirm() {
  const { api } = useApp();
  const location = useLocation();
  const [state, setState] = createSignal<'working' | 'done' | 'invalid' | 'expired' | 'error'>('working');
  usePageTitle(() => 'Confirm your subscription');
  onMount(() => {
    const token =
      new URLSearchParams(location.search).get('token') ??
      new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ??
      '';
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      setState('invalid');
      return;
    }
    blogApi(api)
      .confirm(token)
      .then(
        () => setState('done'),
        (err) =>
          setState(
            isApiError(err, 'confirm_token_expired')
              ? 'expired'
              : isApiError(err, 'confirm_token_invalid', 'bad_request')
                ? 'invalid'
                : 'error',
          ),
      );
  });
  return (
    <div class="container section blog-confirm">
      <h1>Newsletter subscription</h1>
      <div role="status">
        <Switch>
          <Match when={state() === 'working'}>
            <p>Confirming your subscription…</p>
          </Match>
          <Match when={state() === 'done'}>
            <p class="notice notice-success">
              Your subscription is confirmed. You will get a mail when a post is published.
            </p>
          </Match>
          <Match when={state() === 'expired'}>
            <p class="notice notice-error">This link has expired. Sign up again on the blog to get a new one.</p>
          </Match>
          <Match when={state() === 'invalid'}>
            <p class="notice notice-error">
              This confirmation link is not valid. Copy the whole link from the mail, or sign up again.
            </p>
          </Match>
          <Match when={state() === 'error'}>
            <p class="notice notice-error">
              We could not confirm your subscription right now. Please try the link again later.
            </p>
          </Match>
        </Switch>
      </div>
      <p>
        <A href="/blog">Read the blog</A>
      </p>
    </div>
  );
}
