/**
 * Scale accounts: instructors and learners in auth.users (their profiles come from the
 * on_auth_user_created trigger), instructor cards, and the scale companies with members.
 *
 * Scale accounts have no password (encrypted_password is null), so nobody can sign in as
 * one: the embedded auth compares against a dummy hash and answers "invalid credentials".
 * To act as a scale learner, a test or benchmark signs a JWT for its id (scaleIds.learner).
 */
import type { Sql } from '../../edge/db/port.ts';
import { COMPANY_MEMBER_EVERY, SCALE_EMAIL_DOMAIN, type ScaleShape } from './shape.ts';

const FIRST_NAMES = `array['Ava','Ben','Chloe','Dev','Elena','Farid','Grace','Hiro','Ines','Jon','Kemi','Liam',
  'Mei','Nia','Omar','Priya','Quinn','Rosa','Sven','Tara']`;
const LAST_NAMES = `array['Adams','Bauer','Costa','Dubois','Eze','Fischer','Garcia','Hansen','Ito','Jensen','Kowalski',
  'Lopez','Moreau','Novak','Okoye','Petrov','Rossi','Silva','Tanaka','Weber']`;

/** Inserts missing scale users; an email someone already holds is left alone (no account then). */
export async function seedScaleAccounts(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', md5(u.key)::uuid, 'authenticated', 'authenticated',
            u.key || '@' || $3, null, now(),
            '{"provider":"email","providers":["email"]}'::jsonb,
            jsonb_build_object('first_name', (${FIRST_NAMES})[1 + u.n % 20],
                               'last_name', (${LAST_NAMES})[1 + (u.n / 20) % 20]),
            now(), now()
     from (
       select 'scale-instructor-user-' || k as key, k as n from generate_series(1, $1::int) k
       union all
       select 'scale-learner-' || j, j from generate_series(1, $2::int) j
     ) u
     on conflict do nothing`,
    [shape.instructors, shape.learners, SCALE_EMAIL_DOMAIN],
  );
  // Instructors get their role and a card (the card's display name is the account's name).
  await sql.query(
    `update public.profiles p set role = 'instructor'
     from generate_series(1, $1::int) k
     where p.id = md5('scale-instructor-user-' || k)::uuid and p.role = 'student'`,
    [shape.instructors],
  );
  await sql.query(
    `insert into public.instructors (id, user_id, display_name, headline, bio, expertise)
     select md5('scale-instructor-' || k)::uuid, p.id, p.first_name || ' ' || p.last_name,
            'Scale fixture instructor ' || k, 'Teaches the generated courses of the scale fixture.',
            array['Scale', 'Testing']
     from generate_series(1, $1::int) k
     join public.profiles p on p.id = md5('scale-instructor-user-' || k)::uuid
     on conflict do nothing`,
    [shape.instructors],
  );
}

/**
 * Companies, each with members among the learners (one learner in COMPANY_MEMBER_EVERY):
 * the first member of each company is its admin, the rest are employees.
 */
export async function seedScaleCompanies(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `insert into public.companies (id, slug, name)
     select md5('scale-company-' || c)::uuid, 'scale-company-' || c, 'Scale Company ' || c
     from generate_series(1, $1::int) c
     on conflict do nothing`,
    [shape.companies],
  );
  await sql.query(
    `insert into public.company_members (company_id, user_id, role)
     select co.id, p.id, case when m <= $1 then 'admin' else 'employee' end::public.company_role
     from generate_series(1, $2::int / $3::int) m
     join public.companies co on co.id = md5('scale-company-' || ((m - 1) % $1 + 1))::uuid
     join public.profiles p on p.id = md5('scale-learner-' || (m * $3))::uuid
     on conflict do nothing`,
    [shape.companies, shape.learners, COMPANY_MEMBER_EVERY],
  );
}
