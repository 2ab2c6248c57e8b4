import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { AdminOverview, OverviewBucket } from '../../../../edge/api-types.ts';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { formatAmount } from '../../components/admin/money.ts';
import { PRESETS, presetRange, rangeProblem } from '../../components/admin/overview/range.ts';
import { SeriesChart, shortDay } from '../../components/admin/overview/SeriesChart.tsx';
import { ErrorNotice, Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { type AdminOverviewApi, adminOverviewApi, type OverviewRange } from '../../lib/admin-overview-api.ts';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatCount } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/admin-overview.css';

const BUCKET_LABELS: Record<OverviewBucket, string> = { day: 'Day', week: 'Week', month: 'Month' };
const BUCKET_HEADINGS: Record<OverviewBucket, string> = {
  day: 'Day',
  week: 'Week starting',
  month: 'Month starting',
};

/** The admin's home: the platform's numbers over a date range, charts, top courses, CSV (docs/admin.md). */
export default function OverviewPage() {
  usePageTitle(() => 'Admin overview');
  const calls = adminOverviewApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Overview" class="container section admin admin-overview">
        <Overview calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

function Overview(props: { calls: AdminOverviewApi }) {
  const { announce } = useApp();
  const initial = presetRange(PRESETS[1]!);
  const [range, setRange] = createSignal<OverviewRange>(initial);
  const [from, setFrom] = createSignal(initial.from);
  const [to, setTo] = createSignal(initial.to);
  const [bucket, setBucket] = createSignal<OverviewBucket>(initial.bucket);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [downloadError, setDownloadError] = createSignal<string | null>(null);
  const [downloading, setDownloading] = createSignal(false);
  const [data, { refetch }] = createResource(range, (r) => props.calls.overview(r));

  const apply = (r: OverviewRange) => {
    setFrom(r.from);
    setTo(r.to);
    setBucket(r.bucket);
    setProblem(null);
    setRange(r);
    announce(`Showing ${shortDay(r.from)} to ${shortDay(r.to)} by ${r.bucket}.`);
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const p = rangeProblem(from(), to());
    setProblem(p);
    if (!p) apply({ from: from(), to: to(), bucket: bucket() });
  };

  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      await props.calls.downloadCsv(range());
      announce('The CSV file was downloaded.');
    } catch (err) {
      setDownloadError(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <form class="overview-range" onSubmit={submit} aria-labelledby="overview-range-heading" noValidate>
        <h2 id="overview-range-heading" class="sr-only">
          Date range
        </h2>
        <fieldset class="overview-presets">
          <legend class="sr-only">Quick ranges</legend>
          <For each={PRESETS}>
            {(p) => (
              <button type="button" class="button button-secondary" onClick={() => apply(presetRange(p))}>
                {p.label}
              </button>
            )}
          </For>
        </fieldset>
        <div class="overview-fields">
          <div class="field">
            <label for="overview-from">From</label>
            <input
              id="overview-from"
              type="date"
              value={from()}
              onInput={(e) => setFrom(e.currentTarget.value)}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? 'overview-range-problem' : undefined}
            />
          </div>
          <div class="field">
            <label for="overview-to">To</label>
            <input
              id="overview-to"
              type="date"
              value={to()}
              onInput={(e) => setTo(e.currentTarget.value)}
              aria-invalid={problem() ? 'true' : undefined}
              aria-describedby={problem() ? 'overview-range-problem' : undefined}
            />
          </div>
          <div class="field">
            <label for="overview-bucket">Group by</label>
            <select
              id="overview-bucket"
              value={bucket()}
              onChange={(e) => setBucket(e.currentTarget.value as OverviewBucket)}
            >
              <For each={Object.entries(BUCKET_LABELS)}>
                {([value, label]) => <option value={value}>{label}</option>}
              </For>
            </select>
          </div>
          <button type="submit" class="button button-primary">
            Show
          </button>
          <button type="button" class="button button-secondary" onClick={download} disabled={downloading()}>
            {downloading() ? 'Preparing CSV…' : 'Download CSV'}
          </button>
        </div>
        <Show when={problem()}>
          <p id="overview-range-problem" class="field-error" role="alert">
            {problem()}
          </p>
        </Show>
        <Show when={downloadError()}>
          <p class="field-error" role="alert">
            {downloadError()}
          </p>
        </Show>
      </form>
      <Show when={data.error}>
        <ErrorNotice error={data.error} retry={refetch} />
      </Show>
      <Show when={data.latest} fallback={<Show when={!data.error}>{<Loading label="Loading the numbers…" />}</Show>}>
        {(o) => <OverviewBody overview={o()} />}
      </Show>
    </>
  );
}

function OverviewBody(props: { overview: AdminOverview }) {
  const o = () => props.overview;
  const starts = () => o().series.map((p) => p.start);
  const heading = () => BUCKET_HEADINGS[o().bucket];
  const rangeText = () => `${shortDay(o().from)} to ${shortDay(o().to)}`;
  return (
    <>
      <p class="muted" aria-live="polite">
        {rangeText()}, by {o().bucket}. Times are UTC.
      </p>
      <h2 id="overview-stats">At a glance</h2>
      <ul class="overview-cards" aria-labelledby="overview-stats">
        <li class="overview-card">
          <span class="overview-card-label">Users</span>
          <span class="overview-card-value" data-testid="stat-users">
            {formatCount(o().usersByRole.total)}
          </span>
          <span class="small muted">
            {formatCount(o().usersByRole.student)} students, {formatCount(o().usersByRole.instructor)} instructors,{' '}
            {formatCount(o().usersByRole.admin)} admins
          </span>
        </li>
        <li class="overview-card">
          <span class="overview-card-label">New sign-ups</span>
          <span class="overview-card-value" data-testid="stat-signups">
            {formatCount(o().totals.signups)}
          </span>
          <span class="small muted">in the range</span>
        </li>
        <li class="overview-card">
          <span class="overview-card-label">Enrollments</span>
          <span class="overview-card-value" data-testid="stat-enrollments">
            {formatCount(o().totals.enrollments)}
          </span>
          <span class="small muted">in the range</span>
        </li>
        <li class="overview-card">
          <span class="overview-card-label">Active learners</span>
          <span class="overview-card-value" data-testid="stat-active">
            {formatCount(o().activeLearners.last7)}
          </span>
          <span class="small muted">last 7 days; {formatCount(o().activeLearners.last30)} in the last 30</span>
        </li>
        <For each={o().revenue}>
          {(r) => (
            <li class="overview-card">
              <span class="overview-card-label">Net revenue ({r.currency})</span>
              <span class="overview-card-value">{formatAmount(r.net, r.currency)}</span>
              <span class="small muted">
                {formatAmount(r.gross, r.currency)} paid, {formatAmount(r.refunds, r.currency)} refunded
              </span>
            </li>
          )}
        </For>
      </ul>

      <h2>Over time</h2>
      <div class="overview-charts">
        <SeriesChart
          id="overview-growth"
          title="Sign-ups and enrollments"
          summary={`${o().totals.signups} sign-ups and ${o().totals.enrollments} enrollments from ${rangeText()}.`}
          starts={starts()}
          series={[
            { label: 'Sign-ups', color: '#1d4ed8', values: o().series.map((p) => p.signups) },
            { label: 'Enrollments', color: '#b45309', values: o().series.map((p) => p.enrollments), dash: true },
          ]}
          format={(v) => formatCount(Math.round(v))}
          bucketLabel={heading()}
        />
        <Show when={o().revenue.length > 0} fallback={<p class="muted">No payments or refunds in this range.</p>}>
          <For each={o().revenue}>
            {(r) => (
              <SeriesChart
                id={`overview-revenue-${r.currency.toLowerCase()}`}
                title={`Revenue in ${r.currency}`}
                summary={`${formatAmount(r.gross, r.currency)} paid, ${formatAmount(r.refunds, r.currency)} refunded, ${formatAmount(r.net, r.currency)} net from ${rangeText()}.`}
                starts={starts()}
                series={[
                  { label: 'Gross', color: '#15803d', values: r.buckets.map((b) => b.gross) },
                  { label: 'Refunds', color: '#b91c1c', values: r.buckets.map((b) => b.refunds) },
                  { label: 'Net', color: '#4b5563', values: r.buckets.map((b) => b.net), dash: true },
                ]}
                format={(v) => formatAmount(Math.round(v), r.currency)}
                bucketLabel={heading()}
              />
            )}
          </For>
        </Show>
      </div>

      <h2 id="overview-top">Top courses</h2>
      <Show when={o().topCourses.length > 0} fallback={<p class="muted">No enrollments or sales in this range.</p>}>
        <div class="table-scroll">
          <table class="data-table overview-top" aria-labelledby="overview-top">
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Enrollments</th>
                <th scope="col">Revenue</th>
                <th scope="col">Completion rate</th>
              </tr>
            </thead>
            <tbody>
              <For each={o().topCourses}>
                {(c) => (
                  <tr>
                    <th scope="row">
                      <A href={`/courses/${c.slug}`}>{c.title}</A>
                    </th>
                    <td>{formatCount(c.enrollments)}</td>
                    <td>
                      {c.revenue.length ? c.revenue.map((v) => formatAmount(v.amount, v.currency)).join(', ') : '—'}
                    </td>
                    <td>
                      <span class="overview-rate">
                        <span class="overview-rate-bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(c.completionRate * 100)}%` }} />
                        </span>
                        {Math.round(c.completionRate * 100)}%
                      </span>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="small muted">
          Enrollments and revenue in the range; the completion rate counts every enrollment the course ever had
          (cancelled ones aside).
        </p>
      </Show>
    </>
  );
}
