import { A } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { checkCompanyAdmin, isCompanyAdmin } from '../lib/bundles-api.ts';
import { useApp } from '../lib/context.ts';

/**
 * The account menu's "Company" item (an `<li>`), for company admins only. Whether the user is one is asked once
 * per user (GET /api/company: 404 not_a_company_admin means no); a failure shows no link.
 */
export function CompanyLink() {
  const { api, auth } = useApp();
  const userId = () => (auth.state.status === 'signed-in' ? auth.state.user?.id : undefined);
  createEffect(
    on(userId, (id) => {
      if (id) checkCompanyAdmin(api, id).catch(() => {});
    }),
  );
  return (
    <Show when={isCompanyAdmin(userId())}>
      <li>
        <A href="/company" activeClass="active">
          Company
        </A>
      </li>
    </Show>
  );
}
