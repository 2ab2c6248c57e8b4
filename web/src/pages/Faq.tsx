import { createAsync } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { ContactInput, ContactTopic, FaqArticle, FaqCenter } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { SelectField, TextAreaField, TextField } from '../components/admin/Fields.tsx';
import { fieldErrors } from '../components/admin/form-errors.ts';
import { Markdown } from '../components/Markdown.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { errorMessage, isApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { browserKey, faqCenterApi, SEARCH_DEBOUNCE_MS } from '../lib/faq-api.ts';
import { plural } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/faq.css';

const TOPICS: { value: ContactTopic; label: string }[] = [
  { value: 'courses', label: 'Courses and learning' },
  { value: 'payments', label: 'Payments and refunds' },
  { value: 'accounts', label: 'My account' },
  { value: 'companies', label: 'Companies and teams' },
  { value: 'certificates', label: 'Certificates' },
  { value: 'other', label: 'Something else' },
];

/**
 * /faq, the help center (edge/faq-center, docs/faq-center.md): an instant search over the
 * published articles, every theme with its expandable answers and a "Was this helpful?" vote each,
 * and the contact form that reaches the admins.
 */
export default function FaqPage() {
  const { api } = useApp();
  const faqApi = faqCenterApi(api);
  usePageTitle(
    () => 'Help & FAQ',
    () => 'Answers about courses, payments, accounts, companies and certificates, and a form to reach us.',
  );
  const center = createAsync(() => settle(faqApi.faq()));

  // Arriving at /faq#contact or #<theme>: the section exists only once the data is there.
  onMount(() => {
    const id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (id) setTimeout(() => document.getElementById(id)?.scrollIntoView(), 300);
  });

  return (
    <div class="container section faq-center">
      <h1>Help &amp; FAQ</h1>
      <p class="lead">Find answers about courses, payments, your account, team training and certificates.</p>
      <FaqSearch />
      <Async data={center} fallback={<SkeletonBlock height={20} label="Loading questions…" />}>
        {(data) => <Themes center={data()} />}
      </Async>
      <ContactForm />
    </div>
  );
}

function FaqSearch() {
  const { api } = useApp();
  const faqApi = faqCenterApi(api);
  const [q, setQ] = createSignal('');
  const [results, setResults] = createSignal<{ q: string; items: (FaqArticle & { theme: string })[] } | null>(null);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));

  const run = async (text: string) => {
    const mine = ++asked;
    if (!text.trim()) {
      setResults(null);
      setStatus('');
      return;
    }
    try {
      const r = await faqApi.search(text.trim());
      if (mine !== asked) return; // a later search answers instead
      setError(null);
      setResults({ q: r.q, items: r.results.map((a) => ({ ...a, theme: a.theme.title })) });
      setStatus(
        r.results.length
          ? `${plural(r.results.length, 'answer', 'answers')} found for “${r.q}”.`
          : `No answers found for “${r.q}”. Try other words, or write to us below.`,
      );
    } catch (err) {
      if (mine !== asked) return;
      setError(errorMessage(err));
      setStatus('');
    }
  };
  const onInput = (value: string) => {
    setQ(value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(value), SEARCH_DEBOUNCE_MS);
  };

  return (
    <section class="faq-search" aria-labelledby="faq-search-title">
      <h2 id="faq-search-title" class="sr-only">
        Search
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer);
          void run(q());
        }}
      >
        <label for="faq-q">Search the help center</label>
        <div class="faq-search-row">
          <input
            id="faq-q"
            type="search"
            value={q()}
            maxLength={100}
            autocomplete="off"
            aria-describedby="faq-search-status"
            aria-controls="faq-search-results"
            onInput={(e) => onInput(e.currentTarget.value)}
          />
          <button type="submit" class="button button-primary">
            Search
          </button>
        </div>
      </form>
      <p id="faq-search-status" class="faq-search-status" role="status" aria-live="polite">
        {status()}
      </p>
      <Show when={error()}>
        <p class="notice notice-error">{error()}</p>
      </Show>
      <div id="faq-search-results">
        <Show when={results()?.items.length}>
          <ul class="faq-results" aria-label={`Answers for “${results()!.q}”`}>
            <For each={results()!.items}>
              {(a) => (
                <li>
                  <Article article={a} theme={a.theme} headingLevel={4} idPrefix="result" />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </section>
  );
}

function Themes(props: { center: FaqCenter }) {
  return (
    <Show when={props.center.themes.length} fallback={<p class="empty-state">No questions are published yet.</p>}>
      <nav class="faq-themes-nav" aria-label="Help topics">
        <ul>
          <For each={props.center.themes}>
            {(t) => (
              <li>
                <a href={`#${t.slug}`}>{t.title}</a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <For each={props.center.themes}>
        {(t) => (
          <section id={t.slug} class="faq-theme" aria-labelledby={`${t.slug}-title`} tabindex="-1">
            <h2 id={`${t.slug}-title`}>{t.title}</h2>
            <Show when={t.description}>
              <p class="muted">{t.description}</p>
            </Show>
            <For each={t.articles}>{(a) => <Article article={a} headingLevel={3} idPrefix="article" />}</For>
          </section>
        )}
      </For>
    </Show>
  );
}

/** Votes this page has sent, by article: a second list of the same article (search results) shows them too. */
const [votes, setVotes] = createSignal<Record<string, boolean>>({});

function Article(props: { article: FaqArticle; theme?: string; headingLevel: number; idPrefix: string }) {
  return (
    <details class="faq-item faq-article" id={`${props.idPrefix}-${props.article.id}`}>
      <summary>
        {props.article.question}
        <Show when={props.theme}>
          <span class="faq-result-theme small muted"> — {props.theme}</span>
        </Show>
      </summary>
      <div class="faq-answer">
        <Markdown source={props.article.answer} headingLevel={props.headingLevel} />
        <Helpful id={props.article.id} question={props.article.question} />
      </div>
    </details>
  );
}

function Helpful(props: { id: string; question: string }) {
  const { api, auth } = useApp();
  const faqApi = faqCenterApi(api);
  const {
    run: vote,
    busy,
    error,
  } = createAction(async (helpful: boolean) => {
    const signedIn = auth.state.status === 'signed-in';
    await faqApi.feedback(props.id, helpful, signedIn ? undefined : browserKey(safeStorage()));
    setVotes({ ...votes(), [props.id]: helpful });
  });
  const given = () => votes()[props.id];
  return (
    <fieldset class="faq-helpful">
      <legend>
        Was this helpful?<span class="sr-only"> “{props.question}”</span>
      </legend>
      <button
        type="button"
        class="button button-small button-secondary"
        aria-pressed={given() === true ? 'true' : 'false'}
        disabled={busy()}
        onClick={() => vote(true)}
      >
        Yes
      </button>
      <button
        type="button"
        class="button button-small button-secondary"
        aria-pressed={given() === false ? 'true' : 'false'}
        disabled={busy()}
        onClick={() => vote(false)}
      >
        No
      </button>
      <span role="status" class="faq-thanks small">
        <Show when={given() !== undefined}>Thank you for your feedback.</Show>
      </span>
      <Show when={error()}>
        <span class="field-error small">{error()}</span>
      </Show>
    </fieldset>
  );
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

type ContactField = 'name' | 'email' | 'topic' | 'message';

/** What the browser can tell before sending (the API checks again and names the same fields). */
function checkContact(input: ContactInput): Partial<Record<ContactField, string>> {
  const errors: Partial<Record<ContactField, string>> = {};
  if (!input.name.trim()) errors.name = 'Enter your name.';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email.trim())) errors.email = 'Enter a valid email address.';
  const length = input.message.trim().length;
  if (length < 10) errors.message = 'Write at least 10 characters.';
  else if (length > 5000) errors.message = 'Keep your message under 5,000 characters.';
  return errors;
}

const sentence = (s: string) => {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function ContactForm() {
  const { api, auth, announce } = useApp();
  const faqApi = faqCenterApi(api);
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal(auth.state.user?.email ?? '');
  const [topic, setTopic] = createSignal<ContactTopic>('courses');
  const [message, setMessage] = createSignal('');
  const [website, setWebsite] = createSignal('');
  const [errors, setErrors] = createSignal<Partial<Record<ContactField, string>>>({});
  const [sent, setSent] = createSignal(false);
  let form: HTMLFormElement | undefined;

  // The API's refusal: its messages beside the fields they name, and a word about the rate limit.
  const refused = (err: unknown) => {
    const byField = fieldErrors(isApiError(err) ? err.details : undefined);
    const mapped: Partial<Record<ContactField, string>> = {};
    for (const f of ['name', 'email', 'topic', 'message'] as const) if (byField[f]) mapped[f] = sentence(byField[f]!);
    setErrors(mapped);
    return isApiError(err, 'rate_limited')
      ? 'You have sent several messages in the last hour. Please try again later.'
      : errorMessage(err);
  };
  const sending = createAction(async (input: ContactInput) => {
    await faqApi.contact(input);
    setSent(true);
    setMessage('');
    announce('Thank you: your message was sent.');
  }, refused);
  const { busy, error } = sending;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input: ContactInput = {
      name: name(),
      email: email(),
      topic: topic(),
      message: message(),
      website: website(),
    };
    const found = checkContact(input);
    setErrors(found);
    sending.setError(null);
    if (Object.keys(found).length) {
      const first = (['name', 'email', 'topic', 'message'] as const).find((f) => found[f]);
      form?.querySelector<HTMLElement>(`#contact-${first}`)?.focus();
      return;
    }
    await sending.run(input);
  };

  return (
    <section id="contact" class="faq-contact" aria-labelledby="contact-title" tabindex="-1">
      <h2 id="contact-title">Still need help? Write to us</h2>
      <Show
        when={!sent()}
        fallback={
          <div class="notice notice-success" role="status">
            <p>Thank you: your message was sent. We answer by email, usually within one working day.</p>
            <button type="button" class="button button-small button-secondary" onClick={() => setSent(false)}>
              Send another message
            </button>
          </div>
        }
      >
        <form class="admin-form faq-contact-form" ref={form} onSubmit={submit} noValidate>
          <Show when={error()}>
            <p class="notice notice-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="field-row">
            <TextField
              id="contact-name"
              label="Your name"
              value={name()}
              onValue={setName}
              maxLength={200}
              autocomplete="name"
              required
              error={errors().name}
            />
            <TextField
              id="contact-email"
              type="email"
              label="Your email"
              value={email()}
              onValue={setEmail}
              maxLength={320}
              autocomplete="email"
              required
              error={errors().email}
            />
          </div>
          <SelectField
            id="contact-topic"
            label="Topic"
            value={topic()}
            onValue={(v) => setTopic(v as ContactTopic)}
            options={TOPICS}
            error={errors().topic}
          />
          <TextAreaField
            id="contact-message"
            label="Your message"
            value={message()}
            onValue={setMessage}
            maxLength={5000}
            error={errors().message}
          />
          {/* The honeypot: hidden from people (and from screen readers); bots fill it in. */}
          <div class="faq-hp" aria-hidden="true">
            <label for="contact-website">Website</label>
            <input
              id="contact-website"
              name="website"
              type="text"
              tabindex="-1"
              autocomplete="off"
              value={website()}
              onInput={(e) => setWebsite(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Sending…' : 'Send message'}
          </button>
        </form>
      </Show>
    </section>
  );
}
