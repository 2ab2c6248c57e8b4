import type { AppRole, Profile, ProfileUpdate } from '../api-types.ts';
import type { Sql } from '../db/port.ts';

interface ProfileRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  profile_image_url: string | null;
  role: AppRole;
}

const COLUMNS = 'id, email, first_name, last_name, profile_image_url, role::text as role';

const toProfile = (r: ProfileRow): Profile => ({
  id: r.id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  profileImageUrl: r.profile_image_url,
  role: r.role,
});

export async function getProfile(sql: Sql, userId: string): Promise<Profile | null> {
  const [row] = await sql.query<ProfileRow>(`select ${COLUMNS} from public.profiles where id = $1`, [userId]);
  return row ? toProfile(row) : null;
}

/** The API's field → the column it writes (the only columns this route may change). */
const FIELDS = {
  firstName: 'first_name',
  lastName: 'last_name',
  profileImageUrl: 'profile_image_url',
} as const satisfies Record<keyof ProfileUpdate, string>;

/**
 * Updates the caller's own profile (RLS and column grants apply); null when there is none. A new
 * picture also goes on the caller's instructor card, if they have one (in the same transaction;
 * instructors may update their own card's avatar_url).
 */
export async function updateProfile(sql: Sql, userId: string, changes: ProfileUpdate): Promise<Profile | null> {
  const fields = (Object.keys(FIELDS) as (keyof ProfileUpdate)[]).filter((k) => changes[k] !== undefined);
  const sets = fields.map((k, i) => `${FIELDS[k]} = $${i + 2}`).join(', ');
  const [row] = await sql.query<ProfileRow>(`update public.profiles set ${sets} where id = $1 returning ${COLUMNS}`, [
    userId,
    ...fields.map((k) => changes[k]),
  ]);
  if (!row) return null;
  if (changes.profileImageUrl !== undefined) {
    await sql.query(
      `update public.instructors set avatar_url = $2
       where user_id = $1 and avatar_url is distinct from $2`,
      [userId, row.profile_image_url],
    );
  }
  return toProfile(row);
}
