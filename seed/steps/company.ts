import { COMPANY } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';

/** The demo company and its members' roles. */
export const seedCompany: SeedStep = async (sql, ctx) => {
  await sql.query(
    `insert into public.companies (id, slug, name) values ($1, $2, $3)
     on conflict (slug) do update set name = excluded.name
       where companies.id = excluded.id and companies.name is distinct from excluded.name`,
    [ids.company(COMPANY.slug), COMPANY.slug, COMPANY.name],
  );
  const [company] = await sql.query<{ id: string }>('select id from public.companies where slug = $1', [COMPANY.slug]);
  for (const m of COMPANY.members) {
    await sql.query(
      `insert into public.company_members (company_id, user_id, role) values ($1, $2, $3::public.company_role)
       on conflict (company_id, user_id) do update set role = excluded.role
         where company_members.role is distinct from excluded.role`,
      [company!.id, ctx.userIds.get(m.email), m.role],
    );
  }
};
