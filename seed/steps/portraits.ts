import { createHash } from 'node:crypto';
import { Disk } from '../../server/storage/disk.ts';
import { portraitSvg } from '../covers/portrait.ts';
import { putSeedObject } from '../covers/store.ts';
import { INSTRUCTORS } from '../data/index.ts';
import type { SeedStep } from './context.ts';

/**
 * Portraits for the demo instructors (seed/covers/portrait.ts), stored in the public avatars
 * bucket in the instructor's own folder: `<userId>/portrait-<md5 prefix>.svg`. The name carries
 * the version (profile pictures take no query string, edge/profile/avatar-url.ts), so a changed
 * picture gets a new URL. profiles.profile_image_url and the instructor card's avatar_url get
 * `/storage/v1/object/public/avatars/<name>` unless someone set another picture (only an
 * earlier seeded portrait is replaced); earlier portraits nothing points at any more go.
 *
 * Only when the seed has the storage root (the Node host and `npm run seed`); without it the step
 * does nothing and the web app shows initials. Idempotent: unchanged pictures write nothing.
 */

const BUCKET = 'avatars';
const CACHE = 'public, max-age=31536000, immutable';
const PUBLIC_PATH = `/storage/v1/object/public/${BUCKET}/`;

export const portraitName = (userId: string, svg: string) =>
  `${userId}/portrait-${createHash('md5').update(svg).digest('hex').slice(0, 12)}.svg`;

export const seedPortraits: SeedStep = async (sql, ctx) => {
  if (!ctx.storageRoot) return;
  const disk = await Disk.open(ctx.storageRoot);
  const removable: { name: string; version: string }[] = [];

  for (const instructor of INSTRUCTORS) {
    const userId = ctx.userIds.get(instructor.email);
    if (!userId) continue;
    const svg = portraitSvg({ name: instructor.displayName, expertise: instructor.expertise });
    const name = portraitName(userId, svg);
    const result = await putSeedObject(sql, disk, {
      bucket: BUCKET,
      name,
      bytes: Buffer.from(svg, 'utf8'),
      mimetype: 'image/svg+xml',
      cacheControl: CACHE,
    });
    if (result.replaced) removable.push({ name, version: result.replaced });

    const url = `${PUBLIC_PATH}${name}`;
    const seeded = `%${PUBLIC_PATH}${userId}/portrait-%.svg`;
    await sql.query(
      `update public.profiles set profile_image_url = $2
       where id = $1 and profile_image_url is distinct from $2
         and (profile_image_url is null or profile_image_url like $3)`,
      [userId, url, seeded],
    );
    await sql.query(
      `update public.instructors set avatar_url = $2
       where user_id = $1 and avatar_url is distinct from $2
         and (avatar_url is null or avatar_url like $3)`,
      [userId, url, seeded],
    );

    // Earlier seeded portraits of this instructor that neither the profile nor the card shows.
    const stale = await sql.query<{ name: string; version: string | null }>(
      `delete from storage.objects o
       where o.bucket_id = $1 and o.name like $2 and o.name <> $3
         and not exists (select 1 from public.profiles p
                         where p.id = $4 and p.profile_image_url like '%' || $5 || o.name)
         and not exists (select 1 from public.instructors i
                         where i.user_id = $4 and i.avatar_url like '%' || $5 || o.name)
       returning o.name, o.version`,
      [BUCKET, `${userId}/portrait-%.svg`, name, userId, PUBLIC_PATH],
    );
    for (const s of stale) if (s.version) removable.push({ name: s.name, version: s.version });
  }

  // The rows point at the new objects now; the old files go (a failed commit would only leave
  // files that the next seed writes or removes again).
  for (const r of removable) await disk.removeVersion(BUCKET, r.name, r.version).catch(() => undefined);
};
