import { mkdir, mkdtemp, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedAvatarUrl } from '../../edge/profile/avatar-url.ts';
import type { HostDatabase } from '../../server/db/types.ts';
import { createStorageApp } from '../../server/storage/app.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { INSTRUCTORS } from '../data/index.ts';
import { seed } from '../seed.ts';
import { portraitName } from '../steps/portraits.ts';
import { portraitSvg } from './portrait.ts';

/**
 * The seed's portraits step against a real database and the embedded storage service: each demo
 * instructor gets `<userId>/portrait-<hash>.svg` in the public avatars bucket and it becomes their
 * profile picture and their card's avatar; anyone reads it; seeding again changes nothing; a
 * picture the instructor set is never replaced; a changed portrait replaces the old object.
 */

type Row = { email: string; user_id: string; profile_image_url: string | null; avatar_url: string | null };

const people = (db: HostDatabase) =>
  db.asOwner((sql) =>
    sql.query<Row>(
      `select p.email, p.id as user_id, p.profile_image_url, i.avatar_url
       from public.profiles p join public.instructors i on i.user_id = p.id order by p.email`,
    ),
  );
const objects = (db: HostDatabase) =>
  db.asOwner((sql) =>
    sql.query<{ name: string; version: string; etag: string }>(
      `select name, version, metadata->>'eTag' as etag from storage.objects where bucket_id = 'avatars' order by name`,
    ),
  );

for (const engine of engines()) {
  describe(`seed portraits (${engine})`, () => {
    let t: TestDatabase;
    let root: string;
    let storage: Hono;

    beforeAll(async () => {
      t = await fresh(engine);
      root = await mkdtemp(join(tmpdir(), 'lms-portraits-'));
      await seed(t.db, { storageRoot: root });
      storage = await createStorageApp({
        db: t.db,
        jwtSecret: 'portraits-test-secret-portraits-test-00',
        root,
        maxFileSize: 1024 * 1024,
      });
    });
    afterAll(async () => {
      await t?.drop();
      if (root) await rm(root, { recursive: true, force: true });
    });

    it("stores each instructor's portrait in their avatars folder and shows it on profile and card", async () => {
      const rows = await people(t.db);
      const stored = await objects(t.db);
      expect(rows.length).toBe(INSTRUCTORS.length);
      for (const i of INSTRUCTORS) {
        const row = rows.find((r) => r.email === i.email)!;
        const svg = portraitSvg({ name: i.displayName, expertise: i.expertise });
        const name = portraitName(row.user_id, svg);
        expect(name).toMatch(new RegExp(`^${row.user_id}/portrait-[0-9a-f]{12}\\.svg$`));
        const url = `/storage/v1/object/public/avatars/${name}`;
        expect(row.profile_image_url, i.email).toBe(url);
        expect(row.avatar_url, i.email).toBe(url);
        // The profile route would accept it as the user's own picture.
        expect(allowedAvatarUrl(url, row.user_id, 'http://localhost:8787')).toBe(url);
        const object = stored.find((o) => o.name === name)!;
        expect(await readFile(join(root, 'avatars', name, object.version), 'utf8')).toBe(svg);

        const res = await storage.request(url);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/svg+xml');
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(await res.text()).toBe(svg);
      }
      expect(stored.length).toBe(INSTRUCTORS.length);
    });

    it('changes nothing when seeded again', async () => {
      const before = [await people(t.db), await objects(t.db)];
      await seed(t.db, { storageRoot: root });
      expect([await people(t.db), await objects(t.db)]).toEqual(before);
    });

    it('keeps a picture the instructor set, and replaces an outdated portrait', async () => {
      const [mine, outdated] = await people(t.db);
      const own = `/storage/v1/object/public/avatars/${mine!.user_id}/avatar-1.png`;
      const old = `${outdated!.user_id}/portrait-000000000000.svg`;
      const current = outdated!.profile_image_url!.replace('/storage/v1/object/public/avatars/', '');
      await t.db.asOwner(async (sql) => {
        await sql.query('update public.profiles set profile_image_url = $2 where id = $1', [mine!.user_id, own]);
        await sql.query('update public.instructors set avatar_url = $2 where user_id = $1', [mine!.user_id, own]);
        // An earlier seed's portrait (its object row renamed to the old name, the file moved along).
        await sql.query(`update storage.objects set name = $2 where bucket_id = 'avatars' and name = $1`, [
          current,
          old,
        ]);
        const url = `/storage/v1/object/public/avatars/${old}`;
        await sql.query('update public.profiles set profile_image_url = $2 where id = $1', [outdated!.user_id, url]);
        await sql.query('update public.instructors set avatar_url = $2 where user_id = $1', [outdated!.user_id, url]);
      });
      const { version } = (await objects(t.db)).find((o) => o.name === old)!;
      await mkdir(join(root, 'avatars', old), { recursive: true });
      await rename(join(root, 'avatars', current, version), join(root, 'avatars', old, version));

      await seed(t.db, { storageRoot: root });

      const after = await people(t.db);
      expect(after[0]).toMatchObject({ profile_image_url: own, avatar_url: own });
      const renewed = `/storage/v1/object/public/avatars/${current}`;
      expect(after[1]).toMatchObject({ profile_image_url: renewed, avatar_url: renewed });
      const names = (await objects(t.db)).map((o) => o.name);
      expect(names).not.toContain(old);
      expect(names).toContain(current);
      expect(await readdir(join(root, 'avatars', outdated!.user_id))).toEqual([current.split('/')[1]]);
      expect((await storage.request(`/storage/v1/object/public/avatars/${old}`)).status).toBeGreaterThanOrEqual(400);
      expect((await storage.request(renewed)).status).toBe(200);
    });

    it('writes a lost file again', async () => {
      const { name, version } = (await objects(t.db))[0]!;
      await unlink(join(root, 'avatars', name, version));
      await seed(t.db, { storageRoot: root });
      const again = (await objects(t.db)).find((o) => o.name === name)!;
      expect(again.version).not.toBe(version);
      expect((await storage.request(`/storage/v1/object/public/avatars/${name}`)).status).toBe(200);
    });

    it('does nothing without a storage root', async () => {
      const other = await fresh(engine);
      try {
        await seed(other.db, {});
        expect(await objects(other.db)).toEqual([]);
        expect((await people(other.db)).every((r) => r.profile_image_url === null && r.avatar_url === null)).toBe(true);
      } finally {
        await other.drop();
      }
    });
  });
}
