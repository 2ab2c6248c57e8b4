import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE, LESSON, USER } from '../../supabase/tests/fixtures.ts';
import { engines } from '../../tests/support/db.ts';
import { type StorageHost, startStorageHost } from './test-host.ts';

/**
 * Each bucket's rules, per fixture role, through the real supabase-js client against the real
 * host (the full matrix of policies is supabase/tests/storage-policies.test.ts).
 */

const png = (n = 64) => new Blob([new Uint8Array(n).fill(7)], { type: 'image/png' });
const pdf = (text = '%PDF-1.4 test') => new Blob([text], { type: 'application/pdf' });

describe.each(engines())('storage buckets through supabase-js on %s', (engine) => {
  let h: StorageHost;
  beforeAll(async () => {
    h = await startStorageHost(engine);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('avatars', () => {
    const name = `${USER.student}/avatar.png`;

    it('lets a user upload into their own folder, and anyone read it at its public URL', async () => {
      const student = (await h.as('student')).storage.from('avatars');
      const { data, error } = await student.upload(name, png(), { cacheControl: '60' });
      expect(error).toBeNull();
      expect(data).toMatchObject({ path: name, fullPath: `avatars/${name}` });
      expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);

      const { publicUrl } = (await h.as('anon')).storage.from('avatars').getPublicUrl(name).data;
      const res = await fetch(publicUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('max-age=60');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(64).fill(7));

      const other = await (await h.as('otherStudent')).storage.from('avatars').download(name);
      expect(other.error).toBeNull();
      expect(other.data!.size).toBe(64);
    });

    it("refuses an upload into someone else's folder, and a second upload without upsert", async () => {
      const other = await (await h.as('otherStudent')).storage.from('avatars').upload(name, png());
      expect(other.error).toMatchObject({ statusCode: '403', status: 400 });
      const anon = await (await h.as('anon')).storage.from('avatars').upload(`${USER.student}/x.png`, png());
      expect(anon.error).toMatchObject({ statusCode: '403' });

      const again = await (await h.as('student')).storage.from('avatars').upload(name, png(10));
      expect(again.error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
      const upsert = await (await h.as('student')).storage.from('avatars').upload(name, png(10), { upsert: true });
      expect(upsert.error).toBeNull();
      const replaced = await (await h.as('student')).storage
        .from('avatars')
        .update(name, png(12), { metadata: { crop: 'square' } });
      expect(replaced.error).toBeNull();
      const info = await (await h.as('student')).storage.from('avatars').info(name);
      expect(info.data).toMatchObject({
        name,
        bucketId: 'avatars',
        size: 12,
        contentType: 'image/png',
        metadata: { crop: 'square' },
      });
      // A raw body carries its metadata in x-metadata.
      const rawBody = await (await h.as('student')).storage
        .from('avatars')
        .update(name, new Uint8Array(5), { contentType: 'image/webp', metadata: { crop: 'wide' } });
      expect(rawBody.error).toBeNull();
      const rawInfo = await (await h.as('student')).storage.from('avatars').info(name);
      expect(rawInfo.data).toMatchObject({ size: 5, contentType: 'image/webp', metadata: { crop: 'wide' } });
    });

    it('refuses a type the bucket does not take', async () => {
      const { error } = await (await h.as('student')).storage
        .from('avatars')
        .upload(`${USER.student}/notes.txt`, new Blob(['hi'], { type: 'text/plain' }));
      expect(error).toMatchObject({ statusCode: '415' });
    });
  });

  describe('course-media', () => {
    const video = `${COURSE.free}/lessons/${LESSON.freeOpen}/intro.mp4`;
    const preview = `${COURSE.free}/lessons/${LESSON.freePreview}/intro.mp4`;
    const body = () => new Blob([new Uint8Array(4096).fill(1)], { type: 'video/mp4' });

    it("lets the course's instructor write, and no one else", async () => {
      const media = (await h.as('instructor')).storage.from('course-media');
      expect((await media.upload(video, body())).error).toBeNull();
      expect((await media.upload(preview, body())).error).toBeNull();
      for (const role of ['student', 'otherInstructor', 'anon'] as const) {
        const { error } = await (await h.as(role)).storage
          .from('course-media')
          .upload(`${COURSE.free}/public/${role}.png`, png());
        expect(error, role).toMatchObject({ statusCode: '403' });
      }
    });

    it('lets enrolled learners read an open lesson, and anyone read a preview lesson', async () => {
      for (const role of ['student', 'employee', 'instructor', 'admin'] as const) {
        const { data, error } = await (await h.as(role)).storage.from('course-media').download(video);
        expect(error, role).toBeNull();
        expect(data!.size, role).toBe(4096);
      }
      for (const role of ['anon', 'otherInstructor', 'companyAdmin'] as const) {
        const { error } = await (await h.as(role)).storage.from('course-media').download(video);
        expect(error, role).toMatchObject({ status: 400 });
        const exists = await (await h.as(role)).storage.from('course-media').exists(video);
        expect(exists.data, role).toBe(false);
        const previewed = await (await h.as(role)).storage.from('course-media').download(preview);
        expect(previewed.error, role).toBeNull();
      }
    });

    it('lists one level at a time, folders first-class, as the caller sees it', async () => {
      const learner = (await h.as('student')).storage.from('course-media');
      const top = await learner.list(`${COURSE.free}/lessons`);
      expect(top.error).toBeNull();
      expect(top.data!.map((e) => [e.name, e.id])).toEqual([
        [LESSON.freePreview, null],
        [LESSON.freeOpen, null],
      ]);
      const files = await learner.list(`${COURSE.free}/lessons/${LESSON.freeOpen}`);
      expect(files.data!.map((e) => e.name)).toEqual(['intro.mp4']);
      expect(files.data![0]!.metadata).toMatchObject({ size: 4096, mimetype: 'video/mp4' });
      const stranger = await (await h.as('otherInstructor')).storage
        .from('course-media')
        .list(`${COURSE.free}/lessons`);
      expect(stranger.data!.map((e) => e.name)).toEqual([LESSON.freePreview]);
      const searched = await learner.list(`${COURSE.free}/lessons`, { search: LESSON.freeOpen });
      expect(searched.data!.map((e) => e.name)).toEqual([LESSON.freeOpen]);
    });
  });

  describe('submissions', () => {
    const essay = `${USER.student}/${COURSE.free}/essay.pdf`;

    it('lets an enrolled learner hand in work, read by them and the instructor only', async () => {
      const student = (await h.as('student')).storage.from('submissions');
      expect((await student.upload(essay, pdf())).error).toBeNull();
      const notEnrolled = await student.upload(`${USER.student}/${COURSE.paid}/essay.pdf`, pdf());
      expect(notEnrolled.error).toMatchObject({ statusCode: '403' });
      for (const role of ['student', 'instructor'] as const) {
        expect((await (await h.as(role)).storage.from('submissions').download(essay)).error, role).toBeNull();
      }
      for (const role of ['otherStudent', 'otherInstructor', 'anon'] as const) {
        const { error } = await (await h.as(role)).storage.from('submissions').download(essay);
        expect(error, role).toMatchObject({ statusCode: '404' });
      }
    });

    it('lets the learner move, copy and remove their own work, and no one else', async () => {
      const student = (await h.as('student')).storage.from('submissions');
      const moved = `${USER.student}/${COURSE.free}/final.pdf`;
      expect((await student.move(essay, moved)).error).toBeNull();
      expect((await student.download(essay)).error).toMatchObject({ statusCode: '404' });
      const copy = await student.copy(moved, essay);
      expect(copy.error).toBeNull();
      expect(copy.data).toEqual({ path: `submissions/${essay}` });
      const instructorMove = await (await h.as('instructor')).storage
        .from('submissions')
        .move(essay, `${USER.instructor}/x.pdf`);
      expect(instructorMove.error).toMatchObject({ statusCode: '403' });

      const stranger = await (await h.as('otherStudent')).storage.from('submissions').remove([essay]);
      expect(stranger.data).toEqual([]);
      const removed = await student.remove([essay, moved]);
      expect(removed.data!.map((r) => r.name).sort()).toEqual([essay, moved].sort());
      expect((await student.list(`${USER.student}/${COURSE.free}`)).data).toEqual([]);
    });
  });

  describe('certificates', () => {
    const cert = `${USER.student}/certificate.pdf`;

    beforeAll(async () => {
      // Issued by definer-side code as the owner: the API lets no one write here.
      const bucket = {
        id: 'certificates',
        public: false,
        fileSizeLimit: 10 * 1024 * 1024,
        allowedMimeTypes: ['application/pdf'],
      };
      const { storeAsOwner } = await import('./upload.ts');
      await storeAsOwner(h.ctx, {
        bucket,
        name: cert,
        body: new TextEncoder().encode('%PDF cert'),
        contentType: 'application/pdf',
        owner: USER.student,
      });
    });

    it('lets the owner read and nobody write', async () => {
      const student = (await h.as('student')).storage.from('certificates');
      expect(await (await student.download(cert)).data!.text()).toBe('%PDF cert');
      expect((await student.upload(`${USER.student}/forged.pdf`, pdf())).error).toMatchObject({ statusCode: '403' });
      expect((await (await h.as('otherStudent')).storage.from('certificates').download(cert)).error).toMatchObject({
        statusCode: '404',
      });
    });

    it('shares through a signed link until it expires', async () => {
      const student = (await h.as('student')).storage.from('certificates');
      const { data, error } = await student.createSignedUrl(cert, 60, { download: 'my certificate.pdf' });
      expect(error).toBeNull();
      const res = await fetch(data!.signedUrl);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('%PDF cert');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="my certificate.pdf"; filename*=UTF-8''my%20certificate.pdf`,
      );

      // The token names one object: pointed at another path, it is refused.
      const token = new URL(data!.signedUrl).searchParams.get('token')!;
      const elsewhere = await fetch(
        `${h.url}/storage/v1/object/sign/certificates/${USER.otherStudent}/x.pdf?token=${token}`,
      );
      expect(elsewhere.status).toBe(400);
      expect(await elsewhere.json()).toMatchObject({ code: 'InvalidSignature' });

      h.clock.advance(61_000);
      const expired = await fetch(data!.signedUrl);
      expect(expired.status).toBe(400);
      expect(await expired.json()).toMatchObject({ statusCode: '400', code: 'InvalidJWT', message: 'jwt expired' });

      const batch = await student.createSignedUrls([cert, `${USER.otherStudent}/certificate.pdf`], 60);
      expect(batch.data!.map((d) => [d.path, d.error === null, d.signedUrl === null])).toEqual([
        [cert, true, false],
        [`${USER.otherStudent}/certificate.pdf`, false, true],
      ]);
      const other = await (await h.as('otherStudent')).storage.from('certificates').createSignedUrl(cert, 60);
      expect(other.error).toMatchObject({ statusCode: '404' });
    });
  });

  it('uploads through a signed upload link made by someone allowed to write', async () => {
    const name = `${COURSE.free}/public/cover.png`;
    const signed = await (await h.as('instructor')).storage.from('course-media').createSignedUploadUrl(name);
    expect(signed.error).toBeNull();
    const anon = (await h.as('anon')).storage.from('course-media');
    const up = await anon.uploadToSignedUrl(name, signed.data!.token, png(33));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: name, fullPath: `course-media/${name}` });
    const rows = await h.db.asOwner((sql) =>
      sql.query<{ owner_id: string }>(
        "select owner_id from storage.objects where bucket_id = 'course-media' and name = $1",
        [name],
      ),
    );
    expect(rows).toEqual([{ owner_id: USER.instructor }]);
    expect((await anon.download(name)).data!.size).toBe(33);

    const refused = await (await h.as('student')).storage
      .from('course-media')
      .createSignedUploadUrl(`${COURSE.free}/public/x.png`);
    expect(refused.error).toMatchObject({ statusCode: '403' });
  });
});
