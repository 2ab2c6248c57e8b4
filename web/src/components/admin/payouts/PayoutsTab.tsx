import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { AdminPayouts } from '../../../../../edge/api-types.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useApp } from '../../../lib/context.ts';
import { type PayoutPeriod, type PayoutsApi, payoutsApi } from '../../../lib/payouts-api.ts';
import { ErrorNotice, Loading } from '../../Notices.tsx';
import { TextField } from '../Fields.tsx';
import { formatAmount } from '../money.ts';
import { Pager } from '../Pager.tsx';
import { InstructorShare } from './InstructorShare.tsx';
import { MarkPaid } from './MarkPaid.tsx';
import { PlatformShare } from './PlatformShare.tsx';
import { filterEarnings, monthPeriod, percent, periodProblem } from './period.ts';
import { ShareChart } from './ShareChart.tsx';
import '../../../styles/admin-overview.css';
import '../../../styles/payouts.css';

const PAGE_SIZE = 25;

/**
 * Commerce → Payouts (docs/commerce.md "Payouts"): each instructor's earnings for a period (this
 * month by default), the platform's share, what was paid and what is due; a chart of the shares,
 * the report as CSV, and "Mark paid" for a closed period.
 */
export function PayoutsTab() {
  const { api, announce } = useApp();
  const calls = payoutsApi(api);
  const initial = monthPeriod(0);
  const [period, setPeriod] = createSignal<PayoutPeriod>(initial);
  const [from, setFrom] = createSignal(initial.from);
  const [to, setTo] = createSignal(initial.to);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [downloadError, setDownloadError] = createSignal<string | null>(null);
  const [data, { refetch }] = createResource(period, (p) => calls.report(p));

  const apply = (p: PayoutPeriod) => {
    setFrom(p.from);
    setTo(p.to);
    setProblem(null);
    setNotice(null);
    setPeriod(p);
    announce(`Showing payouts from ${p.from} to ${p.to}.`);
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const p = periodProblem(from(), to());
    setProblem(p);
    if (!p) apply({ from: from(), to: to() });
  };
  const download = async () => {
    setDownloadError(null);
    try {
      await calls.downloadCsv(period());
      announce('The payout report was downloaded.');
    } catch (err) {
      setDownloadError(errorMessage(err));
    }
  };

  return (
    <section class="payouts" aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">Payouts</h2>
      <form class="overview-range" onSubmit={submit} aria-label="Payout period" noValidate>
        <fieldset class="overview-presets">
          <legend class="sr-only">Quick periods</legend>
          <button type="button" class="button button-secondary" onClick={() => apply(monthPeriod(0))}>
            This month
          </button>
          <button type="button" class="button button-secondary" onClick={() => apply(monthPeriod(-1))}>
            Last month
          </button>
        </fieldset>
        <div class="overview-fields">
          <div class="field">
            <label for="payouts-from">From</label>
            <input
              id="payouts-from"
              type="date"
              value={from()}
              onInput={(e) => setFrom(e.currentTarget.value)}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? 'payouts-period-problem' : undefined}
            />
          </div>
          <div class="field">
            <label for="payouts-to">To</label>
            <input
              id="payouts-to"
              type="date"
              value={to()}
              onInput={(e) => setTo(e.currentTarget.value)}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? 'payouts-period-problem' : undefined}
            />
          </div>
          <button type="submit" class="button">
            Show period
          </button>
          <button type="button" class="button button-secondary" onClick={() => void download()}>
            Download CSV
          </button>
        </div>
        <Show when={problem()}>
          <p class="field-error" id="payouts-period-problem" role="alert">
            {problem()}
          </p>
        </Show>
        <Show when={downloadError()}>
          <p class="notice notice-error" role="alert">
            {downloadError()}
          </p>
        </Show>
      </form>
      <Show when={notice()}>
        <p class="notice notice-success" role="status">
          {notice()}
        </p>
      </Show>
      <Show when={data.error}>
        <ErrorNotice error={data.error} retry={() => void refetch()} />
      </Show>
      <Show when={data.loading && !data.latest}>
        <Loading label="Loading payouts…" />
      </Show>
      <Show when={data.latest}>
        {(report) => (
          <Report
            report={report()}
            calls={calls}
            onChanged={(message) => {
              setNotice(message);
              announce(message);
              void refetch();
            }}
          />
        )}
      </Show>
    </section>
  );
}

function Report(props: { report: AdminPayouts; calls: PayoutsApi; onChanged: (message: string) => void }) {
  const [q, setQ] = createSignal('');
  const [page, setPage] = createSignal(1);
  const shown = createMemo(() => filterEarnings(props.report.items, q()));
  const pageRows = () => shown().slice((page() - 1) * PAGE_SIZE, page() * PAGE_SIZE);
  const currencies = createMemo(() => [...new Set(props.report.items.map((r) => r.currency))].sort());
  const [chartCurrency, setChartCurrency] = createSignal<string | null>(null);
  const currency = () => chartCurrency() ?? currencies()[0] ?? null;
  const bars = () =>
    props.report.items
      .filter((r) => r.currency === currency())
      .sort((a, b) => b.instructorShare - a.instructorShare)
      .slice(0, 20)
      .map((r) => ({ name: r.instructorName, value: r.instructorShare }));

  return (
    <>
      <p class="muted">
        {props.report.from} to {props.report.to}:{' '}
        {props.report.closed
          ? 'the period is over; what is due can be marked paid.'
          : 'the period is still open; it can be paid out once it is over.'}
      </p>
      <PlatformShare bps={props.report.platformShareBps} calls={props.calls} onSaved={props.onChanged} />
      <Show when={props.report.items.length > 0}>
        <InstructorShare items={props.report.items} calls={props.calls} onSaved={props.onChanged} />
      </Show>
      <Show when={currency()}>
        {(c) => (
          <>
            <Show when={currencies().length > 1}>
              <div class="field payouts-currency">
                <label for="payouts-chart-currency">Chart currency</label>
                <select
                  id="payouts-chart-currency"
                  value={c()}
                  onChange={(e) => setChartCurrency(e.currentTarget.value)}
                >
                  <For each={currencies()}>{(o) => <option value={o}>{o}</option>}</For>
                </select>
              </div>
            </Show>
            <ShareChart currency={c()} bars={bars()} format={(v) => formatAmount(Math.round(v), c())} />
          </>
        )}
      </Show>
      <TextField
        id="payouts-filter"
        type="search"
        label="Filter instructors"
        maxLength={200}
        value={q()}
        onValue={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      <Show
        when={shown().length > 0}
        fallback={<p class="muted">No instructor earned or was paid anything in this period.</p>}
      >
        {/* Focusable: the table may scroll sideways, and keyboard users must reach all of it. */}
        <section class="table-scroll" tabindex="0" aria-label="Instructor earnings (scrolls sideways)">
          <table class="data-table payouts-table">
            <caption class="sr-only">
              Instructor earnings, {props.report.from} to {props.report.to}
            </caption>
            <thead>
              <tr>
                <th scope="col">Instructor</th>
                <th scope="col">Gross</th>
                <th scope="col">Refunds</th>
                <th scope="col">Net</th>
                <th scope="col">Platform share</th>
                <th scope="col">Instructor share</th>
                <th scope="col">Already paid</th>
                <th scope="col">Due</th>
                <th scope="col">Payout</th>
              </tr>
            </thead>
            <tbody>
              <For each={pageRows()}>
                {(r) => {
                  const money = (v: number) => formatAmount(v, r.currency);
                  return (
                    <tr>
                      <th scope="row">
                        {r.instructorName} <span class="muted small">({r.currency})</span>
                      </th>
                      <td>{money(r.gross)}</td>
                      <td>{money(r.refunds)}</td>
                      <td>{money(r.net)}</td>
                      <td>
                        {money(r.platformFee)} <span class="muted small">({percent(r.platformShareBps)})</span>
                      </td>
                      <td>{money(r.instructorShare)}</td>
                      <td>{money(r.paid)}</td>
                      <td>{money(r.due)}</td>
                      <td>
                        <Show
                          when={props.report.closed && r.due > 0 && r.paid === 0}
                          fallback={<span class="muted small">{r.paid > 0 ? 'Paid' : '—'}</span>}
                        >
                          <MarkPaid
                            row={r}
                            from={props.report.from}
                            to={props.report.to}
                            calls={props.calls}
                            onPaid={props.onChanged}
                          />
                        </Show>
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </section>
        <Show when={shown().length > PAGE_SIZE}>
          <Pager
            label="Instructor pages"
            page={page()}
            pageSize={PAGE_SIZE}
            total={shown().length}
            noun={['instructor row', 'instructor rows']}
            go={setPage}
          />
        </Show>
      </Show>
      <h3>Payouts recorded for this period</h3>
      <Show when={props.report.payouts.length > 0} fallback={<p class="muted">None yet.</p>}>
        {/* Focusable: the table may scroll sideways, and keyboard users must reach all of it. */}
        <section class="table-scroll" tabindex="0" aria-label="Recorded payouts (scrolls sideways)">
          <table class="data-table">
            <caption class="sr-only">Payouts overlapping the period</caption>
            <thead>
              <tr>
                <th scope="col">Instructor</th>
                <th scope="col">Period</th>
                <th scope="col">Amount</th>
                <th scope="col">Paid on</th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.report.payouts}>
                {(p) => (
                  <tr>
                    <th scope="row">{p.instructorName}</th>
                    <td>
                      {p.periodStart} to {p.periodEnd}
                    </td>
                    <td>{formatAmount(p.amount, p.currency)}</td>
                    <td>{p.paidAt ? p.paidAt.slice(0, 10) : 'Pending'}</td>
                    <td>{p.reference ?? '—'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </>
  );
}
