import { A, createAsync, useLocation } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { DemoRequestInput, SeatTier } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { FaqList } from '../components/FaqList.tsx';
import { Field, SubmitButton } from '../components/Form.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { errorMessage } from '../lib/api.ts';
import { bundleQueries, bundlesApi } from '../lib/bundles-api.ts';
import { teamCheckoutHref } from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { formatCount } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { SITE_NAME } from '../lib/site.ts';
import { createSubmit } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/bundles.css';
import type { FaqItem } from './faq.ts';

/** The seats the Payment page starts a corporate purchase with ("Enroll your team"). */
export const TEAM_SEATS = 10;

export const BUSINESS_FAQ: FaqItem[] = [
  {
    q: 'How does per-seat pricing work?',
    a: 'You buy a number of seats in a course or a bundle. Every seat is one employee’s enrollment. The more seats in one purchase, the larger the discount, as the tiers above show.',
  },
  {
    q: 'Who manages the seats?',
    a: 'The person who buys them becomes the company’s admin. The company page shows every course’s seats: how many are bought, assigned and still free.',
  },
  {
    q: 'Can we pay by invoice?',
    a: 'Every purchase comes with an invoice in your company’s name, ready to download from your orders. Pay by card, PayPal or Stripe Checkout.',
  },
  {
    q: 'What if we bought too many seats?',
    a: 'Ask us for a refund of the seats not yet assigned. A full refund revokes the unassigned seats and you get a credit note.',
  },
  {
    q: 'Can we see a demo first?',
    a: 'Yes. Request a demo below and we will show you the catalog, seat management and progress reports with your team’s topics.',
  },
];

export default function ForCompanies() {
  const { api } = useApp();
  usePageTitle(() => 'Company packages');
  const bq = bundleQueries(api);
  const tiers = createAsync(() => settle(bq.seatTiers()));
  const location = useLocation();
  // From the company area (`?company=<id>`), the seats are for that company.
  const teamHref = () => teamCheckoutHref(TEAM_SEATS, new URLSearchParams(location.search));

  return (
    <div class="for-companies">
      <section class="hero hero-compact" aria-labelledby="companies-title">
        <div class="container hero-inner">
          <h1 id="companies-title">Company packages</h1>
          <p class="lead">
            Buy seats for your team in any course or bundle, pay less per seat the more you buy, and see who is learning
            what in one place.
          </p>
          <div class="cta-row">
            <A href={teamHref()} class="button button-primary button-large">
              Enroll your team
            </A>
            <a href="#demo" class="button button-secondary button-large">
              Request a demo
            </a>
          </div>
        </div>
      </section>

      <section class="container section" aria-labelledby="benefits-title">
        <h2 id="benefits-title">What your company gets</h2>
        <ul class="feature-grid">
          <li class="feature">
            <h3>Seats, not subscriptions</h3>
            <p>One seat per employee and course, bought once. No monthly fee.</p>
          </li>
          <li class="feature">
            <h3>Volume discounts</h3>
            <p>Per-seat prices drop as your team grows: the discount applies to every seat of the purchase.</p>
          </li>
          <li class="feature">
            <h3>A company dashboard</h3>
            <p>See the seats bought, assigned and still free for every course, and every order and invoice.</p>
          </li>
          <li class="feature">
            <h3>The whole catalog</h3>
            <p>
              Any <A href="/courses">course</A> or <A href="/bundles">bundle</A>, from beginner to advanced.
            </p>
          </li>
        </ul>
      </section>

      <section class="container section" aria-labelledby="tiers-title">
        <h2 id="tiers-title">Per-seat pricing</h2>
        <Async
          data={tiers}
          fallback={<SkeletonBlock height={10} label="Loading the seat tiers…" />}
          retry={() => refetch(bq.seatTiers)}
        >
          {(list) => (
            <Show
              when={list().items.length > 0}
              fallback={<p>Every seat costs the course’s list price. Talk to us about larger teams.</p>}
            >
              <SeatTiers tiers={list().items} />
            </Show>
          )}
        </Async>
        <p>
          <A href={teamHref()} class="button button-primary">
            Enroll your team
          </A>
        </p>
      </section>

      <section class="container section faq-preview" aria-labelledby="business-faq-title">
        <h2 id="business-faq-title">Questions from businesses</h2>
        <FaqList items={BUSINESS_FAQ} />
      </section>

      <section class="container section" id="demo" aria-labelledby="demo-title">
        <h2 id="demo-title">Request a demo</h2>
        <p>Tell us about your team and we will get back to you within one business day.</p>
        <DemoRequestForm />
      </section>
    </div>
  );
}

/** The tiers as a table (the numbers) beside a small bar chart of the discount per tier. */
function SeatTiers(props: { tiers: SeatTier[] }) {
  const rows = () => {
    const tiers = props.tiers;
    const first = tiers[0]!.minQuantity;
    const base = first > 1 ? [{ range: `1 to ${formatCount(first - 1)}`, percentBps: 0, label: 'List price' }] : [];
    return [
      ...base,
      ...tiers.map((t, i) => {
        const next = tiers[i + 1];
        const range = next
          ? `${formatCount(t.minQuantity)} to ${formatCount(next.minQuantity - 1)}`
          : `${formatCount(t.minQuantity)} or more`;
        return { range, percentBps: t.percentBps, label: `${percent(t.percentBps)} off every seat` };
      }),
    ];
  };
  const max = () => Math.max(1, ...props.tiers.map((t) => t.percentBps));
  return (
    <div class="seat-tiers">
      <table class="company-table tiers-table">
        <caption class="sr-only">Discount per number of seats in one purchase</caption>
        <thead>
          <tr>
            <th scope="col">Seats in one purchase</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <th scope="row">{r.range}</th>
                <td>{r.label}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="tier-chart" aria-hidden="true">
        <For each={rows()}>
          {(r) => (
            <div class="tier-chart-col">
              <span class="tier-chart-value">{r.percentBps ? `-${percent(r.percentBps)}` : '0%'}</span>
              <span class="tier-chart-bar" style={{ height: `${Math.max(2, (r.percentBps * 70) / max())}%` }} />
              <span class="tier-chart-label">{r.range}</span>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}

/** Basis points as a percentage: 1000 -> "10%", 1250 -> "12.5%". */
function percent(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

const EMPTY_LEAD = { name: '', email: '', company: '', teamSize: '', message: '' };

/** "Request a demo": a labelled form that stores a lead (POST /api/demo-requests) and says so. */
function DemoRequestForm() {
  const { api, announce } = useApp();
  const [form, setForm] = createSignal({ ...EMPTY_LEAD });
  const [sent, setSent] = createSignal<string | null>(null);
  const set = (key: keyof typeof EMPTY_LEAD) => (value: string) => setForm({ ...form(), [key]: value });
  let confirmation: HTMLDivElement | undefined;

  const { submit, busy, error } = createSubmit(
    async () => {
      const f = form();
      const lead: DemoRequestInput = {
        name: f.name.trim(),
        email: f.email.trim(),
        company: f.company.trim(),
        teamSize: Number(f.teamSize),
        message: f.message.trim(),
      };
      try {
        await bundlesApi(api).requestDemo(lead);
      } catch (err) {
        return errorMessage(err);
      }
      const text = `Thank you, ${lead.name}. We will write to ${lead.email} within one business day.`;
      setSent(text);
      setForm({ ...EMPTY_LEAD });
      announce('Your demo request is sent.');
      requestAnimationFrame(() => confirmation?.focus());
    },
    {
      check: () => {
        const f = form();
        if (f.name.trim().length < 2) return 'Enter your name.';
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.email.trim())) return 'Enter your work email address.';
        if (f.company.trim().length < 2) return 'Enter your company’s name.';
        const size = Number(f.teamSize);
        if (!Number.isInteger(size) || size < 1 || size > 1_000_000) return 'Enter the size of your team (1 or more).';
        return null;
      },
    },
  );

  return (
    <Show
      when={!sent()}
      fallback={
        <div class="notice notice-success demo-sent" tabindex="-1" ref={confirmation}>
          <p>{sent()}</p>
          <button type="button" class="button button-secondary" onClick={() => setSent(null)}>
            Send another request
          </button>
        </div>
      }
    >
      <form class="demo-form" onSubmit={submit} novalidate aria-describedby={error() ? 'demo-error' : undefined}>
        <div class="field-row">
          <Field
            id="demo-name"
            label="Your name"
            value={form().name}
            onValue={set('name')}
            autocomplete="name"
            maxLength={120}
            required
          />
          <Field
            id="demo-email"
            label="Work email"
            type="email"
            value={form().email}
            onValue={set('email')}
            autocomplete="email"
            maxLength={254}
            required
          />
        </div>
        <div class="field-row">
          <Field
            id="demo-company"
            label="Company"
            value={form().company}
            onValue={set('company')}
            autocomplete="organization"
            maxLength={120}
            required
          />
          <Field
            id="demo-team-size"
            label="Team size"
            type="number"
            inputMode="numeric"
            min={1}
            max={1000000}
            step={1}
            value={form().teamSize}
            onValue={set('teamSize')}
            required
          />
        </div>
        <div class="field">
          <label for="demo-message">
            What would you like to see? <span class="muted">(optional)</span>
          </label>
          <textarea
            id="demo-message"
            rows={4}
            maxLength={2000}
            value={form().message}
            onInput={(e) => set('message')(e.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error()} id="demo-error" />
        <SubmitButton busy={busy()} busyLabel="Sending…">
          Request a demo
        </SubmitButton>
        <p class="small muted">We use these details only to arrange your demo with {SITE_NAME}.</p>
      </form>
    </Show>
  );
}
