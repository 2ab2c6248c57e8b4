import { A, createAsync, useSearchParams } from '@solidjs/router';
import { type Accessor, createContext, createSignal, For, type JSX, Show, startTransition, useContext } from 'solid-js';
import type { MyCompany } from '../../../../edge/api-types.ts';
import { type CompanyApi, companyApi } from '../../lib/company-api.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { usePageTitle } from '../../lib/title.ts';
import { Async } from '../Async.tsx';
import { RequireAuth } from '../RequireAuth.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { LiveCompany } from './LiveCompany.tsx';
import '../../styles/company.css';

/**
 * The company admin's area (/company, /company/people, …): signs the user in, finds the companies
 * they administer (GET /api/companies/mine), picks one (`?company=<id>`, else the first), and
 * shows the area's heading, a company switcher and the section links around the page.
 */
export interface CompanyContextValue {
  /** The company on screen (one the caller administers). */
  company: Accessor<MyCompany>;
  /** Every company the caller administers. */
  companies: Accessor<MyCompany[]>;
  api: CompanyApi;
  /**
   * Bumped after any change a page makes, so that other data of the area reloads. The reload runs
   * in a transition: what is on screen (focus, an open form) stays until the new data is there.
   */
  version: Accessor<number>;
  changed: () => void;
  /** A path inside the area that keeps the chosen company (`?company=` when there is a choice). */
  href: (path: string) => string;
}

const CompanyContext = createContext<CompanyContextValue>();

export function useCompany(): CompanyContextValue {
  const ctx = useContext(CompanyContext);
  if (!ctx) throw new Error('useCompany outside CompanyArea');
  return ctx;
}

export const COMPANY_SECTIONS = [
  { path: '/company', label: 'Overview' },
  { path: '/company/people', label: 'People' },
  { path: '/company/import', label: 'Import' },
  { path: '/company/groups', label: 'Groups' },
  { path: '/company/assignments', label: 'Assignments' },
  { path: '/company/reports', label: 'Reports' },
  { path: '/company/billing', label: 'Billing' },
] as const;

export function CompanyArea(props: { section: string; children: JSX.Element }) {
  return (
    <RequireAuth>
      <CompanyShell section={props.section}>{props.children}</CompanyShell>
    </RequireAuth>
  );
}

function CompanyShell(props: { section: string; children: JSX.Element }) {
  const { api } = useApp();
  const client = companyApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const mine = createAsync(() => {
    attempt();
    return settle(client.mine().then((r) => r.items.filter((c) => c.role === 'admin')));
  });
  return (
    <div class="container section company-area">
      <Async
        data={mine}
        retry={() => setAttempt((n) => n + 1)}
        fallback={
          <>
            <h1>Company</h1>
            <SkeletonBlock height={20} label="Loading your company…" />
          </>
        }
      >
        {(companies) => (
          <Show when={companies().length > 0} fallback={<NotAnAdmin />}>
            <Chosen companies={companies()} section={props.section} client={client}>
              {props.children}
            </Chosen>
          </Show>
        )}
      </Async>
    </div>
  );
}

function NotAnAdmin() {
  usePageTitle(() => 'Company');
  return (
    <>
      <h1>Company</h1>
      <div class="empty-state">
        <p>This page is for company admins. Buy seats for your team to manage them here.</p>
        <A href="/for-companies" class="button button-primary">
          See company packages
        </A>
      </div>
    </>
  );
}

function Chosen(props: { companies: MyCompany[]; section: string; client: CompanyApi; children: JSX.Element }) {
  const [params, setParams] = useSearchParams<{ company?: string }>();
  const company = () => props.companies.find((c) => c.id === params.company) ?? props.companies[0]!;
  const [version, setVersion] = createSignal(0);
  const href = (path: string) =>
    props.companies.length > 1 ? `${path}?company=${encodeURIComponent(company().id)}` : path;
  usePageTitle(() => `${props.section}: ${company().name}`);
  const value: CompanyContextValue = {
    company,
    companies: () => props.companies,
    api: props.client,
    version,
    changed: () => void startTransition(() => setVersion((n) => n + 1)),
    href,
  };
  return (
    <CompanyContext.Provider value={value}>
      <div class="company-head">
        <div>
          <p class="eyebrow">Company</p>
          <h1>
            {company().name}
            <span class="sr-only">: {props.section}</span>
          </h1>
        </div>
        <Show when={props.companies.length > 1}>
          <label class="company-switch">
            <span>Company</span>
            <select value={company().id} onChange={(e) => setParams({ company: e.currentTarget.value })}>
              <For each={props.companies}>{(c) => <option value={c.id}>{c.name}</option>}</For>
            </select>
          </label>
        </Show>
      </div>
      <Show when={company().id} keyed>
        {(id: string) => <LiveCompany companyId={id} onProgress={value.changed} />}
      </Show>
      <nav class="company-nav" aria-label="Company sections">
        <ul>
          <For each={COMPANY_SECTIONS}>
            {(s) => (
              <li>
                <A
                  href={href(s.path)}
                  end
                  activeClass="active"
                  aria-current={s.label === props.section ? 'page' : undefined}
                >
                  {s.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Show when={company().id} keyed>
        {(_id: string) => props.children}
      </Show>
    </CompanyContext.Provider>
  );
}
