import { For, Show } from 'solid-js';
import type { AdminCompany } from '../../../../../edge/api-types.ts';
import type { CompanyApi } from '../../../lib/company-api.ts';
import { plural } from '../../../lib/format.ts';
import { AddAdminForm } from './AddAdminForm.tsx';
import { AddSeatsForm, type CourseChoice } from './AddSeatsForm.tsx';
import { CompanyUsage } from './CompanyUsage.tsx';

/** One company for the platform admin: members, admins, seats per course, and the two forms. */
export function CompanyCard(props: {
  company: AdminCompany;
  calls: CompanyApi;
  courses: CourseChoice[] | null;
  onChanged: () => void;
}) {
  const c = () => props.company;
  const headingId = () => `company-${c().id}`;
  return (
    <article class="company-card" aria-labelledby={headingId()}>
      <h3 id={headingId()}>{c().name}</h3>
      <p class="small muted">
        {c().slug} · {plural(c().members, 'member', 'members')}
      </p>
      <CompanyUsage company={c()} calls={props.calls} />
      <p>
        <strong>Admins:</strong>{' '}
        <Show when={c().admins.length > 0} fallback={<span class="muted">none</span>}>
          {c()
            .admins.map((a) => (a.name ? `${a.name} (${a.email})` : a.email))
            .join(', ')}
        </Show>
      </p>
      <Show when={c().seats.length > 0} fallback={<p class="muted">No seats yet.</p>}>
        <div class="table-scroll">
          <table class="company-table">
            <caption class="sr-only">Seats of {c().name}</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Pool</th>
                <th scope="col">Used</th>
                <th scope="col">Free</th>
              </tr>
            </thead>
            <tbody>
              <For each={c().seats}>
                {(s) => (
                  <tr>
                    <th scope="row">{s.courseTitle}</th>
                    <td>{s.pool}</td>
                    <td>{s.used}</td>
                    <td>{s.free}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <div class="company-forms">
        <AddSeatsForm
          companyId={c().id}
          companyName={c().name}
          calls={props.calls}
          courses={props.courses}
          onAdded={props.onChanged}
        />
        <AddAdminForm companyId={c().id} companyName={c().name} calls={props.calls} onAdded={props.onChanged} />
      </div>
    </article>
  );
}
