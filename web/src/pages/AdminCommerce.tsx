import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Match, on, Switch } from 'solid-js';
import { AdminGate } from '../components/admin/AdminGate.tsx';
import { BundlesTab } from '../components/admin/BundlesTab.tsx';
import { CouponsTab } from '../components/admin/CouponsTab.tsx';
import { DemoRequestsTab } from '../components/admin/DemoRequestsTab.tsx';
import { OrdersTab } from '../components/admin/OrdersTab.tsx';
import { PricingRulesTab } from '../components/admin/PricingRulesTab.tsx';
import { PayoutsTab } from '../components/admin/payouts/PayoutsTab.tsx';
import { type TabDef, Tabs } from '../components/admin/Tabs.tsx';
import { TaxRatesTab } from '../components/admin/TaxRatesTab.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { adminApi } from '../lib/admin-api.ts';
import { useApp } from '../lib/context.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/teach.css';
import '../styles/admin.css';

type TabId = 'bundles' | 'pricing-rules' | 'coupons' | 'tax-rates' | 'orders' | 'payouts' | 'demo-requests';

const TABS: TabDef<TabId>[] = [
  { id: 'bundles', label: 'Bundles' },
  { id: 'pricing-rules', label: 'Pricing rules' },
  { id: 'coupons', label: 'Coupons' },
  { id: 'tax-rates', label: 'Tax rates' },
  { id: 'orders', label: 'Orders & refunds' },
  { id: 'payouts', label: 'Payouts' },
  { id: 'demo-requests', label: 'Demo requests' },
];

export default function AdminCommercePage() {
  usePageTitle(() => 'Commerce admin');
  return (
    <RequireAuth>
      <AdminGate title="Commerce admin" class="container section admin">
        <AdminScreens />
      </AdminGate>
    </RequireAuth>
  );
}

function AdminScreens() {
  const { api } = useApp();
  const admin = adminApi(api);
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const fromUrl = (): TabId => TABS.find((t) => t.id === params.tab)?.id ?? 'bundles';
  // The tab changes at once (keys pressed in quick succession each move on); the URL follows.
  const [selected, setSelected] = createSignal<TabId>(fromUrl());
  createEffect(on(fromUrl, (id) => setSelected(id), { defer: true }));
  const select = (id: TabId) => {
    setSelected(id);
    setParams({ tab: id }, { replace: true });
  };
  return (
    <>
      <p class="muted">Bundles, prices, coupons and taxes, and the orders they make.</p>
      <Tabs label="Commerce" tabs={TABS} selected={selected()} onSelect={select}>
        <Switch>
          <Match when={selected() === 'bundles'}>
            <BundlesTab admin={admin} />
          </Match>
          <Match when={selected() === 'pricing-rules'}>
            <PricingRulesTab admin={admin} />
          </Match>
          <Match when={selected() === 'coupons'}>
            <CouponsTab admin={admin} />
          </Match>
          <Match when={selected() === 'tax-rates'}>
            <TaxRatesTab admin={admin} />
          </Match>
          <Match when={selected() === 'orders'}>
            <OrdersTab admin={admin} />
          </Match>
          <Match when={selected() === 'payouts'}>
            <PayoutsTab />
          </Match>
          <Match when={selected() === 'demo-requests'}>
            <DemoRequestsTab admin={admin} />
          </Match>
        </Switch>
      </Tabs>
    </>
  );
}
