import { INSTRUCTORS } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';

/** Instructor cards for the demo instructors' accounts; records their ids for the courses step. */
export const seedInstructors: SeedStep = async (sql, ctx) => {
  for (const i of INSTRUCTORS) {
    const userId = ctx.userIds.get(i.email)!;
    await sql.query(
      `insert into public.instructors (id, user_id, display_name, headline, bio, expertise)
       values ($1, $2, $3, $4, $5, $6::text[])
       on conflict (user_id) do update
         set display_name = excluded.display_name, headline = excluded.headline,
             bio = excluded.bio, expertise = excluded.expertise
         where (instructors.display_name, instructors.headline, instructors.bio, instructors.expertise)
               is distinct from (excluded.display_name, excluded.headline, excluded.bio, excluded.expertise)`,
      [ids.instructor(i.email), userId, i.displayName, i.headline, i.bio, i.expertise],
    );
    const [row] = await sql.query<{ id: string }>('select id from public.instructors where user_id = $1', [userId]);
    ctx.instructorIds.set(i.email, row!.id);
  }
};
