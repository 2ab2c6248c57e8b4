import { COMPANY } from '../data/index.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';

const DAY = 86_400_000;

/**
 * Company learning (after commerce, whose corporate order gives Acme its bundle seats): Acme's
 * groups, the demo employee in Engineering with a due-dated assignment of the course they learn
 * (their enrollment becomes a company one), and a second company, Globex, with its admin, four
 * employees in two groups, admin-added seats and assignments. Assignments go through
 * public.assign_company_learning as service_role (claims for this step's transaction only), so
 * seats are counted as in the app; running the seed again answers already_assigned.
 */
export const GLOBEX = {
  slug: 'globex',
  name: 'Globex',
  admin: 'globexadmin@demo.test',
  groups: ['Support', 'Operations'],
  employees: [
    { email: 'globex1@demo.test', group: 'Support' },
    { email: 'globex2@demo.test', group: 'Support' },
    { email: 'globex3@demo.test', group: 'Operations' },
    { email: 'globex4@demo.test', group: 'Operations' },
  ],
  invited: { email: 'newhire@globex.example', name: 'Robin Novak', group: 'Support' },
  /** Admin-added seats: 5 in each course, both assigned to every employee. */
  courses: ['git-and-github-workflow', 'modern-javascript-essentials'],
  seats: 5,
};
export const ACME_GROUPS = ['Engineering', 'Sales'];
export const ACME_ASSIGNED = { email: 'employee@demo.test', course: 'git-and-github-workflow', dueInDays: 14 };

export const seedCompanies: SeedStep = async (sql, ctx) => {
  await sql.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', true)`);
  const user = (email: string) => ctx.userIds.get(email.toLowerCase())!;
  const group = async (company: string, name: string) => {
    await sql.query(
      `insert into public.company_groups (id, company_id, name) values ($1, $2, $3)
       on conflict (company_id, lower(name)) do nothing`,
      [seedId(`company-group:${company}:${name.toLowerCase()}`), company, name],
    );
    const [g] = await sql.query<{ id: string }>(
      'select id from public.company_groups where company_id = $1 and lower(name) = lower($2)',
      [company, name],
    );
    return g!.id;
  };
  const seats = (company: string, course: string, n: number) =>
    sql.query(
      `insert into public.seat_purchases (id, company_id, course_id, seats, note)
       values ($1, $2, $3, $4, 'Demo seats') on conflict (id) do nothing`,
      [seedId(`seats:${company}:${course}`), company, ids.course(course), n],
    );
  // Only people without the course yet: a second run keeps the first run's due dates.
  const assign = async (company: string, users: string[], course: string, dueAt: Date | null) => {
    const held = await sql.query<{ user_id: string }>(
      `select user_id from public.company_assignments
       where company_id = $1 and course_id = $2 and unassigned_at is null and user_id = any($3::uuid[])`,
      [company, ids.course(course), users],
    );
    const todo = users.filter((u) => !held.some((h) => h.user_id === u));
    if (todo.length === 0) return;
    await sql.query('select public.assign_company_learning($1, $2)', [
      company,
      JSON.stringify({ userIds: todo, courseId: ids.course(course), dueAt: dueAt?.toISOString() ?? null }),
    ]);
  };

  // Acme: groups; the employee in Engineering, their course assigned with a due date.
  const [acme] = await sql.query<{ id: string }>('select id from public.companies where slug = $1', [COMPANY.slug]);
  const acmeId = acme!.id;
  const groups = new Map<string, string>();
  for (const name of ACME_GROUPS) groups.set(name, await group(acmeId, name));
  const employee = user(ACME_ASSIGNED.email);
  await sql.query(
    'update public.company_members set group_id = $3 where company_id = $1 and user_id = $2 and group_id is distinct from $3',
    [acmeId, employee, groups.get('Engineering')],
  );
  const [pool] = await sql.query<{ n: number }>(
    'select coalesce(sum(seats - seats_revoked), 0)::int as n from public.seat_purchases where company_id = $1 and course_id = $2',
    [acmeId, ids.course(ACME_ASSIGNED.course)],
  );
  if (Number(pool!.n) === 0) await seats(acmeId, ACME_ASSIGNED.course, 5);
  await assign(acmeId, [employee], ACME_ASSIGNED.course, new Date(ctx.now.getTime() + ACME_ASSIGNED.dueInDays * DAY));
  // The demo enrollment (seeded as the learner's own) is now the company's seat.
  await sql.query(
    `update public.enrollments set source = 'company' where user_id = $1 and course_id = $2 and source <> 'company'`,
    [employee, ids.course(ACME_ASSIGNED.course)],
  );

  // Globex: its admin, employees by group, seats and assignments.
  const globexId = ids.company(GLOBEX.slug);
  await sql.query(
    `insert into public.companies (id, slug, name) values ($1, $2, $3)
     on conflict (slug) do nothing`,
    [globexId, GLOBEX.slug, GLOBEX.name],
  );
  const globexGroups = new Map<string, string>();
  for (const name of GLOBEX.groups) globexGroups.set(name, await group(globexId, name));
  const member = (email: string, role: 'admin' | 'employee', groupId: string | null) =>
    sql.query(
      `insert into public.company_members (company_id, user_id, role, group_id) values ($1, $2, $3::public.company_role, $4)
       on conflict (company_id, user_id) do nothing`,
      [globexId, user(email), role, groupId],
    );
  await member(GLOBEX.admin, 'admin', null);
  for (const e of GLOBEX.employees) await member(e.email, 'employee', globexGroups.get(e.group)!);
  const dueAt = new Date(ctx.now.getTime() + 30 * DAY);
  // One invitation still open (its token is not kept: "resend" makes a new one).
  const [open] = await sql.query<{ n: number }>(
    'select count(*)::int as n from public.company_invitations where company_id = $1 and email = $2',
    [globexId, GLOBEX.invited.email],
  );
  if (Number(open!.n) === 0) {
    await sql.query('select public.create_company_invitation($1, $2, $3, $4)', [
      globexId,
      GLOBEX.invited.email,
      globexGroups.get(GLOBEX.invited.group),
      GLOBEX.invited.name,
    ]);
  }
  for (const course of GLOBEX.courses) {
    await seats(globexId, course, GLOBEX.seats);
    await assign(
      globexId,
      GLOBEX.employees.map((e) => user(e.email)),
      course,
      dueAt,
    );
  }
};
