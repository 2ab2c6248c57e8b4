import { Disk } from '../../server/storage/disk.ts';
import { putSeedObject } from '../covers/store.ts';
import { coverSvg } from '../covers/svg.ts';
import { BUNDLES } from '../data/commerce.ts';
import { CATEGORIES, COURSES } from '../data/index.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';

/**
 * Cover art for the demo courses and bundles (seed/covers/svg.ts), stored in the course-media
 * bucket where anyone may read a published course's media: `<courseId>/public/cover.svg`, and
 * for a bundle `<its first course>/public/bundle-<slug>.svg` (bundles have no folder of their
 * own). thumbnail_url / image_url get the object's URL path with `?v=<md5 prefix>`, so a changed
 * picture gets a new URL and the old one can be cached for long.
 *
 * Only when the seed has the storage root (the Node host and `npm run seed`); without it the step
 * does nothing and the web app draws its CSS covers. A thumbnail an instructor or admin set
 * (any other URL) is never replaced. Idempotent: unchanged pictures write nothing.
 */

const BUCKET = 'course-media';
const CACHE = 'public, max-age=31536000, immutable';

export const objectUrl = (name: string, md5: string) =>
  `/storage/v1/object/${BUCKET}/${name.split('/').map(encodeURIComponent).join('/')}?v=${md5.slice(0, 12)}`;

export const seedCovers: SeedStep = async (sql, ctx) => {
  if (!ctx.storageRoot) return;
  const disk = await Disk.open(ctx.storageRoot);
  const replaced: { name: string; version: string }[] = [];
  const categoryName = new Map(CATEGORIES.map((c) => [c.slug, c.name]));

  const put = async (name: string, svg: string) => {
    const result = await putSeedObject(sql, disk, {
      bucket: BUCKET,
      name,
      bytes: Buffer.from(svg, 'utf8'),
      mimetype: 'image/svg+xml',
      cacheControl: CACHE,
    });
    if (result.replaced) replaced.push({ name, version: result.replaced });
    return objectUrl(name, result.md5);
  };

  // Demo courses still ours (a user's course under a demo slug is left alone).
  const courses = await sql.query<{ id: string; slug: string }>(
    'select id, slug from public.courses where slug = any($1::text[])',
    [COURSES.map((c) => c.slug)],
  );
  const ours = new Set(courses.filter((c) => c.id === ids.course(c.slug)).map((c) => c.slug));
  for (const c of COURSES) {
    if (!ours.has(c.slug)) continue;
    const id = ids.course(c.slug);
    const name = `${id}/public/cover.svg`;
    const url = await put(
      name,
      coverSvg({ slug: c.slug, title: c.title, category: c.category, label: categoryName.get(c.category) }),
    );
    await sql.query(
      `update public.courses set thumbnail_url = $2
       where id = $1 and thumbnail_url is distinct from $2
         and (thumbnail_url is null or thumbnail_url like $3)`,
      [id, url, `/storage/v1/object/${BUCKET}/${id}/public/cover.svg%`],
    );
  }

  // Bundles: the picture sits in the folder of the bundle's first course.
  for (const b of BUNDLES) {
    const id = seedId(`bundle:${b.slug}`);
    const first = await sql.query<{ course_id: string }>(
      `select bc.course_id from public.bundle_courses bc join public.bundles b on b.id = bc.bundle_id
       where b.id = $1 and b.slug = $2 order by bc.position, bc.course_id limit 1`,
      [id, b.slug],
    );
    const courseId = first[0]?.course_id;
    if (!courseId) continue;
    const name = `${courseId}/public/bundle-${b.slug}.svg`;
    const url = await put(name, coverSvg({ slug: b.slug, title: b.title, category: b.category, label: 'Bundle' }));
    await sql.query(
      `update public.bundles set image_url = $2
       where id = $1 and image_url is distinct from $2
         and (image_url is null or image_url like $3)`,
      [id, url, `/storage/v1/object/${BUCKET}/%/public/bundle-${b.slug}.svg%`],
    );
  }

  // The rows point at the new versions now; the old files go (a failed commit would only leave
  // the row on a version already replaced, which the next seed writes again).
  for (const r of replaced) await disk.removeVersion(BUCKET, r.name, r.version).catch(() => undefined);
};
