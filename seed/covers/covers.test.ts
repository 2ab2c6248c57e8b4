import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostDatabase } from '../../server/db/types.ts';
import { createStorageApp } from '../../server/storage/app.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { BUNDLES } from '../data/commerce.ts';
import { CATEGORIES, COURSES } from '../data/index.ts';
import { ids, seedId } from '../ids.ts';
import { seed } from '../seed.ts';
import { coverSvg } from './svg.ts';

/**
 * The seed's covers step against a real database and the embedded storage service: each demo
 * course gets `<id>/public/cover.svg` in course-media (bytes on disk, a storage.objects row) and
 * its thumbnail_url; bundles get theirs in their first course's folder; anonymous visitors read
 * them through the storage routes; seeding again changes nothing; an instructor's own thumbnail
 * is never replaced; a lost file is written again.
 */

type ObjectRow = { name: string; version: string; etag: string; mimetype: string; cache: string };

async function objects(db: HostDatabase): Promise<ObjectRow[]> {
  return db.asOwner((sql) =>
    sql.query<ObjectRow>(
      `select name, version, metadata->>'eTag' as etag, metadata->>'mimetype' as mimetype,
              metadata->>'cacheControl' as cache
       from storage.objects where bucket_id = 'course-media' order by name`,
    ),
  );
}

async function thumbnails(db: HostDatabase): Promise<Map<string, string | null>> {
  const rows = await db.asOwner((sql) =>
    sql.query<{ slug: string; thumbnail_url: string | null }>('select slug, thumbnail_url from public.courses'),
  );
  return new Map(rows.map((r) => [r.slug, r.thumbnail_url]));
}

const names = new Map(CATEGORIES.map((c) => [c.slug, c.name]));

for (const engine of engines()) {
  describe(`seed covers (${engine})`, () => {
    let t: TestDatabase;
    let root: string;
    let storage: Hono;

    beforeAll(async () => {
      t = await fresh(engine);
      root = await mkdtemp(join(tmpdir(), 'lms-covers-'));
      await seed(t.db, { storageRoot: root });
      storage = await createStorageApp({
        db: t.db,
        jwtSecret: 'covers-test-secret-covers-test-secret-000',
        root,
        maxFileSize: 1024 * 1024,
      });
    });
    afterAll(async () => {
      await t?.drop();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('stores a cover per demo course and points thumbnail_url at it', async () => {
      const rows = await objects(t.db);
      const urls = await thumbnails(t.db);
      for (const c of COURSES) {
        const id = ids.course(c.slug);
        const svg = coverSvg({ slug: c.slug, title: c.title, category: c.category, label: names.get(c.category) });
        const md5 = createHash('md5').update(svg).digest('hex');
        const row = rows.find((r) => r.name === `${id}/public/cover.svg`);
        expect(row, c.slug).toMatchObject({
          etag: `"${md5}"`,
          mimetype: 'image/svg+xml',
          cache: 'public, max-age=31536000, immutable',
        });
        expect(await readFile(join(root, 'course-media', id, 'public', 'cover.svg', row!.version), 'utf8')).toBe(svg);
        expect(urls.get(c.slug)).toBe(`/storage/v1/object/course-media/${id}/public/cover.svg?v=${md5.slice(0, 12)}`);
      }
    });

    it('stores bundle covers in their first course folder and sets image_url', async () => {
      const rows = await t.db.asOwner((sql) =>
        sql.query<{ slug: string; image_url: string | null }>('select slug, image_url from public.bundles'),
      );
      expect(rows.length).toBe(BUNDLES.length);
      for (const r of rows) {
        expect(r.image_url, r.slug).toMatch(
          new RegExp(`^/storage/v1/object/course-media/[0-9a-f-]{36}/public/bundle-${r.slug}\\.svg\\?v=[0-9a-f]{12}$`),
        );
      }
    });

    it('serves a published course cover to anonymous visitors, not a draft one', async () => {
      const published = COURSES.find((c) => c.status === 'published')!;
      const url = (await thumbnails(t.db)).get(published.slug)!;
      const res = await storage.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toContain('<svg xmlns="http://www.w3.org/2000/svg"');

      const draft = COURSES.find((c) => c.status !== 'published')!;
      const hidden = await storage.request((await thumbnails(t.db)).get(draft.slug)!);
      expect(hidden.status).toBeGreaterThanOrEqual(400);
      expect(hidden.status).toBeLessThan(500);
    });

    it('changes nothing when seeded again', async () => {
      const before = await objects(t.db);
      const urls = await thumbnails(t.db);
      await seed(t.db, { storageRoot: root });
      expect(await objects(t.db)).toEqual(before);
      expect(await thumbnails(t.db)).toEqual(urls);
    });

    it('keeps a thumbnail an instructor set, and writes a lost file again', async () => {
      const [kept, lost] = COURSES.filter((c) => c.status === 'published');
      const own = `/storage/v1/object/course-media/${ids.course(kept!.slug)}/public/thumb-1-{w}.webp`;
      await t.db.asOwner((sql) =>
        sql.query(`update public.courses set thumbnail_url = $2, thumbnail_widths = '{320,640}' where id = $1`, [
          ids.course(kept!.slug),
          own,
        ]),
      );
      const lostName = `${ids.course(lost!.slug)}/public/cover.svg`;
      const before = (await objects(t.db)).find((r) => r.name === lostName)!;
      const dir = join(root, 'course-media', ids.course(lost!.slug), 'public', 'cover.svg');
      await unlink(join(dir, before.version));

      await seed(t.db, { storageRoot: root });

      expect((await thumbnails(t.db)).get(kept!.slug)).toBe(own);
      const after = (await objects(t.db)).find((r) => r.name === lostName)!;
      expect(after.version).not.toBe(before.version);
      expect(after.etag).toBe(before.etag);
      expect(await readdir(dir)).toEqual([after.version]);
      const res = await storage.request((await thumbnails(t.db)).get(lost!.slug)!);
      expect(res.status).toBe(200);
    });

    it('does nothing without a storage root', async () => {
      const other = await fresh(engine);
      try {
        await seed(other.db, {});
        expect(await objects(other.db)).toEqual([]);
        expect([...(await thumbnails(other.db)).values()].every((u) => u === null)).toBe(true);
        const bundle = await other.db.asOwner((sql) =>
          sql.query<{ image_url: string | null }>('select image_url from public.bundles where id = $1', [
            seedId(`bundle:${BUNDLES[0]!.slug}`),
          ]),
        );
        expect(bundle[0]?.image_url).toBeNull();
      } finally {
        await other.drop();
      }
    });
  });
}
