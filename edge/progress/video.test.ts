import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { CoursePlayer, LessonContent, VideoProgress } from '../api-types.ts';
import { lessonContent, videoProgress } from '../contract/player.ts';

/** Video lessons: resume position, watched share and completion, all decided by the database. */

const video = '50000000-0000-4000-8000-0000000000a1';
const pdf = '50000000-0000-4000-8000-0000000000a2';

for (const engine of engines()) {
  describe(`a video lesson on ${engine}`, () => {
    let h: EdgeHarness;
    let database: TestDatabase;
    beforeAll(async () => {
      database = await fresh(engine);
      h = await makeEdgeHarness({ db: database.db });
      await h.db.runScript(`
    insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes,
                                video_seconds, complete_at_share) values
      ('${video}', '${ids.free}', '${ids.s1}', 'Watch this', 'video', 3, 1, 60, 0.5),
      ('${pdf}', '${ids.free}', '${ids.s1}', 'Read this', 'pdf', 4, 1, null, 0.9);
    insert into public.lesson_contents (lesson_id, text_content, content_url) values
      ('${video}', 'Notes.', '[{"type":"video","url":"${ids.free}/media/intro.webm"},{"type":"download","url":"/files/a.zip","name":"Starter files"},{"bad":1}]'),
      ('${pdf}', '', '[{"type":"pdf","url":"https://example.com/deck.pdf"}]');
    insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');
    insert into public.live_sessions (course_id, title, starts_at, created_by)
      values ('${ids.free}', 'Office hours', now() + interval '2 days', '${ids.teacher}');
  `);
    });
    afterAll(async () => {
      await h?.close();
      await database?.drop();
    });

    async function call(method: string, path: string, userId: string | null, body?: unknown) {
      const headers: Record<string, string> = userId ? await h.as(userId) : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      return h.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }

    it('comes with its materials, the resume position and the share that completes it', async () => {
      const res = await call('GET', `/api/lessons/${video}`, ids.student);
      expect(res.status).toBe(200);
      const lesson = lessonContent.parse(await res.json());
      expect(lesson.video).toEqual({
        positionSeconds: 0,
        watchedSeconds: 0,
        durationSeconds: 60,
        completeAtShare: 0.5,
      });
      expect(lesson.contentUrl).toEqual([
        { type: 'video', url: `${ids.free}/media/intro.webm` },
        { type: 'download', url: '/files/a.zip', name: 'Starter files' },
      ]);
      const doc = (await (await call('GET', `/api/lessons/${pdf}`, ids.student)).json()) as LessonContent;
      expect(doc.video).toBeNull();
    });

    it('is not completed by asking: 409 watch_more until enough is watched', async () => {
      const res = await call('POST', `/api/lessons/${video}/complete`, ids.student);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('watch_more');
    });

    it('credits only plausible watching, resumes where the learner stopped, completes at its share', async () => {
      // A first report far into the video credits at most 15 s of watching.
      const first = await call('POST', `/api/lessons/${video}/video-progress`, ids.student, {
        positionSeconds: 50,
        durationSeconds: 61,
      });
      expect(first.status).toBe(200);
      const p1 = videoProgress.parse(await first.json());
      expect(p1.completed).toBe(false);
      expect(p1.video).toMatchObject({ positionSeconds: 50, durationSeconds: 60, completeAtShare: 0.5 });
      expect(p1.video.watchedSeconds).toBeLessThanOrEqual(15);

      const lesson = (await (await call('GET', `/api/lessons/${video}`, ids.student)).json()) as LessonContent;
      expect(lesson.video?.positionSeconds).toBe(50);

      // Half a minute later, the same point is plausible: half the video is watched.
      await h.db.runScript(
        `update public.lesson_progress set last_heartbeat_at = now() - interval '30 seconds' where lesson_id = '${video}'`,
      );
      const p2 = (await (
        await call('POST', `/api/lessons/${video}/video-progress`, ids.student, {
          positionSeconds: 50,
          durationSeconds: 60,
        })
      ).json()) as VideoProgress;
      expect(p2.completed).toBe(true);
      expect(p2.video.watchedSeconds).toBe(50);
      expect(p2.enrollment.completedLessons).toBe(1);

      const player = (await (
        await call('GET', '/api/courses/intro-to-html/player', ids.student)
      ).json()) as CoursePlayer;
      expect(player.sections[0]!.lessons.find((l) => l.id === video)?.completed).toBe(true);
    });

    it("lists the course's live sessions in the player", async () => {
      const player = (await (
        await call('GET', '/api/courses/intro-to-html/player', ids.student)
      ).json()) as CoursePlayer;
      expect(player.liveSessions).toMatchObject([{ title: 'Office hours', status: 'scheduled', endsAt: null }]);
    });

    it('refuses other lessons, other learners and bad input with 4xx JSON', async () => {
      const cases: [string, string | null, unknown, number, string?][] = [
        [ids.l1, ids.student, { positionSeconds: 1, durationSeconds: 10 }, 422, 'not_video'],
        [video, ids.other, { positionSeconds: 1, durationSeconds: 10 }, 403],
        [video, null, { positionSeconds: 1, durationSeconds: 10 }, 401],
        [video, ids.student, { positionSeconds: -1, durationSeconds: 10 }, 400],
        [video, ids.student, { positionSeconds: 1, durationSeconds: 0 }, 400],
        [video, ids.student, { positionSeconds: '1', durationSeconds: 10 }, 400],
        [video, ids.student, { positionSeconds: 1, durationSeconds: 10, watchedSeconds: 10 }, 400],
        [video, ids.student, { positionSeconds: 1e9, durationSeconds: 10 }, 400],
        ['99999999-0000-4000-8000-000000000000', ids.student, { positionSeconds: 1, durationSeconds: 10 }, 404],
      ];
      for (const [lesson, user, body, status, code] of cases) {
        const res = await call('POST', `/api/lessons/${lesson}/video-progress`, user, body);
        expect(res.status, `${lesson} ${JSON.stringify(body)}`).toBe(status);
        const err = (await res.json()).error;
        expect(err.code).toMatch(code ? new RegExp(`^${code}$`) : /^[a-z_]+$/);
      }
      expect((await call('POST', '/api/lessons/not-a-uuid/video-progress', ids.student, {})).status).toBe(400);
    });
  });
}
