import { A, createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { CompanyDashboard, CompanyReport } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { CompanyArea, useCompany } from '../../components/company/CompanyArea.tsx';
import { CompletionsChart } from '../../components/company/overview/CompletionsChart.tsx';
import { GroupProgressChart } from '../../components/company/overview/GroupProgressChart.tsx';
import { OverdueList } from '../../components/company/overview/OverdueList.tsx';
import { OverviewNumbers } from '../../components/company/overview/OverviewNumbers.tsx';
import { SeatChart } from '../../components/company/overview/SeatChart.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { bundlesApi } from '../../lib/bundles-api.ts';
import { companyPackagesHref } from '../../lib/commerce-api.ts';
import {
  bundleSeats,
  overdueAssignments,
  overviewNumbers,
  progressByGroup,
  weeklyCompletions,
} from '../../lib/company-stats.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import '../../styles/company-overview.css';

/** /company: the company admin's overview: numbers, seats, completions and progress charts, what is overdue. */
export default function CompanyOverviewPage() {
  return (
    <CompanyArea section="Overview">
      <Overview />
    </CompanyArea>
  );
}

interface OverviewData {
  report: CompanyReport;
  dashboard: CompanyDashboard;
}

function Overview() {
  const { api } = useApp();
  const area = useCompany();
  const [attempt, setAttempt] = createSignal(0);
  const data = createAsync(() => {
    attempt();
    area.version();
    const id = area.company().id;
    return settle(
      Promise.all([area.api.report(id), bundlesApi(api).company(id)]).then(
        ([report, dashboard]): OverviewData => ({ report, dashboard }),
      ),
    );
  });
  return (
    <section class="company-overview" aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <Async
        data={data}
        retry={() => setAttempt((n) => n + 1)}
        fallback={<SkeletonBlock height={240} label="Loading the overview…" />}
      >
        {(d) => <OverviewBody data={d()} />}
      </Async>
    </section>
  );
}

function OverviewBody(props: { data: OverviewData }) {
  const { href, company } = useCompany();
  const buySeats = () => companyPackagesHref(company().id);
  const report = () => props.data.report;
  const dashboard = () => props.data.dashboard;
  // The server's clock: "last 7 days" and the week buckets do not depend on the browser's.
  const now = () => new Date(report().generatedAt);
  const numbers = () => overviewNumbers(report(), now());
  const seatsUsed = () => dashboard().seats.reduce((a, s) => a + s.assigned, 0);
  const seatsBought = () => dashboard().seats.reduce((a, s) => a + s.bought - s.revoked, 0);
  const hasPeople = () => report().members.some((m) => m.status !== 'removed' && m.role !== 'admin');

  return (
    <>
      <OverviewNumbers numbers={numbers()} seatsUsed={seatsUsed()} seatsBought={seatsBought()} />

      <Show when={!hasPeople()}>
        <div class="empty-state">
          <p>Nobody from your team is here yet. Invite people or import a list of them to assign courses.</p>
          <A href={href('/company/import')} class="button button-primary">
            Bring your people in
          </A>
        </div>
      </Show>

      <section class="company-section" aria-labelledby="overview-seats">
        <h3 id="overview-seats">Seats used and bought</h3>
        <Show
          when={dashboard().seats.length > 0}
          fallback={
            <div class="empty-state">
              <p>Your company has no seats yet. Seats let you assign courses to your people.</p>
              <A href={buySeats()} class="button button-primary">
                Buy seats
              </A>
            </div>
          }
        >
          <SeatChart seats={dashboard().seats} bundles={bundleSeats(dashboard().seats, dashboard().bundles)} />
          <p>
            <A href={href('/company/assignments')}>Assign courses</A> · <A href={buySeats()}>Buy more seats</A>
          </p>
        </Show>
      </section>

      <div class="company-chart-grid">
        <section class="company-section" aria-labelledby="overview-completions">
          <h3 id="overview-completions">Completions over time</h3>
          <CompletionsChart weeks={weeklyCompletions(report(), now())} />
        </section>

        <section class="company-section" aria-labelledby="overview-groups">
          <h3 id="overview-groups">Progress by group</h3>
          <Show
            when={progressByGroup(report()).length > 0}
            fallback={
              <p>
                No groups yet. <A href={href('/company/groups')}>Create groups</A> to follow departments.
              </p>
            }
          >
            <GroupProgressChart groups={progressByGroup(report())} />
          </Show>
        </section>
      </div>

      <section class="company-section" aria-labelledby="overview-overdue">
        <h3 id="overview-overdue">Overdue</h3>
        <OverdueList rows={overdueAssignments(report())} peopleHref={href('/company/people')} />
      </section>
    </>
  );
}
