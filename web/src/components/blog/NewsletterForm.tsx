import { createSignal, createUniqueId, Show } from 'solid-js';
import { isApiError } from '../../lib/api.ts';
import { blogApi } from '../../lib/blog-api.ts';
import { useApp } from '../../lib/context.ts';
import { createAction } from '../../lib/submit.ts';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The newsletter sign-up (double opt-in): the address gets a mail with a confirm link. The answer
 * is the same whether the address was new or known, so the form says the same either way.
 */
export function NewsletterForm() {
  const { api } = useApp();
  const id = createUniqueId();
  const [email, setEmail] = createSignal('');
  const [website, setWebsite] = createSignal('');
  const [sent, setSent] = createSignal<string | null>(null);
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  const send = createAction(
    async () => {
      await blogApi(api).signUp(email().trim(), website());
      setSent(email().trim());
      setEmail('');
    },
    (err) =>
      isApiError(err, 'rate_limited')
        ? 'Too many sign-ups from your network in the last hour. Please try again later.'
        : isApiError(err, 'bad_request')
          ? 'Enter a valid email address.'
          : err instanceof Error
            ? err.message
            : 'The sign-up failed. Please try again.',
  );
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSent(null);
    if (!EMAIL.test(email().trim())) {
      setFieldError('Enter a valid email address, like name@example.com.');
      input?.focus();
      return;
    }
    setFieldError(null);
    void send.run();
  };
  return (
    <section class="newsletter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Get new posts by email</h2>
      <p>One mail when a post is published. We first send a link to confirm that the address is yours.</p>
      <form class="newsletter-form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={`${id}-email`}>Email address</label>
          <input
            id={`${id}-email`}
            ref={input}
            type="email"
            name="email"
            autocomplete="email"
            required
            maxLength={320}
            value={email()}
            aria-invalid={fieldError() ? 'true' : undefined}
            aria-describedby={fieldError() ? `${id}-error` : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <Show when={fieldError()}>
            <p class="field-error" id={`${id}-error`}>
              {fieldError()}
            </p>
          </Show>
        </div>
        {/* The honeypot: hidden from people (and from screen readers); bots fill it in. */}
        <div class="newsletter-hp" aria-hidden="true">
          <label for={`${id}-website`}>Website</label>
          <input
            id={`${id}-website`}
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
            value={website()}
            onInput={(e) => setWebsite(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={send.busy()}>
          {send.busy() ? 'Signing up…' : 'Sign up'}
        </button>
      </form>
      <Show when={send.error()}>
        <p class="notice notice-error" role="alert">
          {send.error()}
        </p>
      </Show>
      <p class="notice notice-success" role="status" hidden={!sent()}>
        {sent() ? `Check your inbox: we sent a confirmation link to ${sent()}.` : ''}
      </p>
    </section>
  );
}
