import { A, createAsync } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { CompanyDashboard } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { CompanyArea, useCompany } from '../../components/company/CompanyArea.tsx';
import { BillingTotals, CompanyOrders } from '../../components/company/overview/CompanyOrders.tsx';
import { SeatPurchases } from '../../components/company/overview/SeatPurchases.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { bundlesApi } from '../../lib/bundles-api.ts';
import { companyPackagesHref } from '../../lib/commerce-api.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import '../../styles/company-overview.css';

/** /company/billing: the company's orders (invoices on each order's page), seat purchases and totals. */
export default function CompanyBillingPage() {
  return (
    <CompanyArea section="Billing">
      <Billing />
    </CompanyArea>
  );
}

function Billing() {
  const { api } = useApp();
  const area = useCompany();
  const [attempt, setAttempt] = createSignal(0);
  const data = createAsync(() => {
    attempt();
    area.version();
    return settle(bundlesApi(api).company(area.company().id));
  });
  return (
    <section class="company-billing" aria-labelledby="billing-title">
      <div class="company-section-head">
        <h2 id="billing-title">Billing</h2>
        <A href={companyPackagesHref(area.company().id)} class="button button-primary">
          Buy more seats
        </A>
      </div>
      <Async
        data={data}
        retry={() => setAttempt((n) => n + 1)}
        fallback={<SkeletonBlock height={200} label="Loading billing…" />}
      >
        {(d) => <BillingBody data={d()} />}
      </Async>
    </section>
  );
}

function BillingBody(props: { data: CompanyDashboard }) {
  return (
    <>
      <BillingTotals totals={props.data.totals} />
      <section class="company-section" aria-labelledby="billing-orders">
        <h3 id="billing-orders">Orders</h3>
        <p class="small muted">Open an order to download its invoice and any credit notes as PDF.</p>
        <CompanyOrders orders={props.data.orders} />
      </section>
      <section class="company-section" aria-labelledby="billing-seats">
        <h3 id="billing-seats">Seat purchases</h3>
        <SeatPurchases purchases={props.data.seatPurchases} />
      </section>
    </>
  );
}
