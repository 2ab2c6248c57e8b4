import { createEffect, createMemo, createSignal, For, on, Show, startTransition } from 'solid-js';
import type { AdminCompanyList } from '../../../../../edge/api-types.ts';
import { companyApi } from '../../../lib/company-api.ts';
import { useApp } from '../../../lib/context.ts';
import { plural } from '../../../lib/format.ts';
import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { TextField } from '../Fields.tsx';
import { Pager } from '../Pager.tsx';
import { useChoices, useList } from '../use-list.ts';
import { CompanyCard } from './CompanyCard.tsx';
import { filterCompanies } from './filter.ts';

/** Every company (GET /api/admin/companies) with a filter box; each one's seats and admins can be added to. */
export function CompanyList() {
  const { api } = useApp();
  const calls = companyApi(api);
  const list = useList(() => calls.adminCompanies());
  // An admin's teaching list holds every course.
  const courses = useChoices(async () => {
    const { items } = await api.teachingCourses();
    return {
      items: items
        .map((c) => ({
          id: c.id,
          title: c.status === 'published' ? c.title : `${c.title} (${c.status.replace('_', ' ')})`,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    };
  });
  const [q, setQ] = createSignal('');
  return (
    <>
      <TextField
        id="companies-filter"
        type="search"
        label="Filter companies"
        hint="Name, slug, or an admin's name or email."
        maxLength={200}
        value={q()}
        onValue={setQ}
      />
      <Async data={list.data} retry={list.reload} fallback={<SkeletonBlock height={16} label="Loading companies…" />}>
        {(data) => (
          <Companies
            data={data()}
            q={q()}
            calls={calls}
            courses={courses()}
            onChanged={() => void startTransition(list.reload)}
          />
        )}
      </Async>
    </>
  );
}

function Companies(props: {
  data: AdminCompanyList;
  q: string;
  calls: ReturnType<typeof companyApi>;
  courses: { id: string; title: string }[] | null;
  onChanged: () => void;
}) {
  const shown = createMemo(() => filterCompanies(props.data.items, props.q));
  const [page, setPage] = createSignal(1);
  createEffect(
    on(
      () => props.q,
      () => setPage(1),
      { defer: true },
    ),
  );
  // Keyed by id, so a company's forms (and their messages) stay put when the list is read again.
  const ids = createMemo(() =>
    shown()
      .slice((page() - 1) * COMPANIES_PER_PAGE, page() * COMPANIES_PER_PAGE)
      .map((c) => c.id),
  );
  const byId = createMemo(() => new Map(props.data.items.map((c) => [c.id, c])));
  return (
    <>
      <p class="small muted" role="status">
        {shown().length === props.data.items.length
          ? plural(props.data.items.length, 'company', 'companies')
          : `${plural(shown().length, 'company', 'companies')} of ${props.data.items.length} match`}
      </p>
      <Show when={shown().length > 0} fallback={<p class="muted">No company matches.</p>}>
        <For each={ids()}>
          {(id) => (
            <Show when={byId().get(id)}>
              {(company) => (
                <CompanyCard
                  company={company()}
                  calls={props.calls}
                  courses={props.courses}
                  onChanged={props.onChanged}
                />
              )}
            </Show>
          )}
        </For>
        <Show when={shown().length > COMPANIES_PER_PAGE}>
          <Pager
            label="Company pages"
            page={page()}
            pageSize={COMPANIES_PER_PAGE}
            total={shown().length}
            noun={['company', 'companies']}
            go={setPage}
          />
        </Show>
      </Show>
    </>
  );
}

const COMPANIES_PER_PAGE = 10;
