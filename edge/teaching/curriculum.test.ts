import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { editorSection } from '../contract/teaching.ts';
import { addOtherInstructor, caller, OTHER } from './test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await addOtherInstructor(h, ids.other);
});
afterAll(() => h.close());

type Section = ReturnType<typeof editorSection.parse>;
const outline = (sections: Section[]) => sections.map((s) => [s.title, s.lessons.map((l) => l.title)]);

describe('sections and lessons', () => {
  let s1 = '';
  let s2 = '';
  const lessons: string[] = [];

  it('creates sections and lessons at the end, with content, answering the whole curriculum', async () => {
    const a = await call('POST', `/api/teach/courses/${ids.draft}/sections`, ids.teacher, { title: 'Start' });
    expect(a.status).toBe(201);
    s1 = a.json.id;
    const b = await call('POST', `/api/teach/courses/${ids.draft}/sections`, ids.teacher, { title: 'Next' });
    s2 = b.json.id;
    for (const title of ['One', 'Two', 'Three']) {
      const res = await call('POST', `/api/teach/sections/${s1}/lessons`, ids.teacher, {
        title,
        type: 'text',
        textContent: `# ${title}`,
      });
      expect(res.status).toBe(201);
      lessons.push(res.json.id);
    }
    const video = await call('POST', `/api/teach/sections/${s2}/lessons`, ids.teacher, {
      title: 'Watch',
      type: 'video',
      videoSeconds: 300,
      completeAtShare: 0.8,
      contentUrl: [{ type: 'video', url: `course-media:${ids.draft}/media/intro.webm`, name: 'intro.webm' }],
      dripDays: 3,
      isPreview: true,
      durationMinutes: 5,
    });
    expect(video.status).toBe(201);
    const sections = video.json.sections.map((s: unknown) => editorSection.parse(s));
    expect(outline(sections)).toEqual([
      ['Start', ['One', 'Two', 'Three']],
      ['Next', ['Watch']],
    ]);
    const watch = sections[1].lessons[0];
    expect(watch).toMatchObject({
      type: 'video',
      videoSeconds: 300,
      completeAtShare: 0.8,
      dripDays: 3,
      isPreview: true,
      durationMinutes: 5,
      // The course is a draft: new lessons are published within it (nobody sees them before review).
      status: 'published',
    });
    expect(watch.contentUrl[0].url).toBe(`course-media:${ids.draft}/media/intro.webm`);
    expect(sections[0].lessons[0].textContent).toBe('# One');
  });

  it('a new lesson in a live course starts as a draft', async () => {
    const res = await call('POST', `/api/teach/sections/${ids.s1}/lessons`, ids.teacher, { title: 'Fresh' });
    const fresh = res.json.sections[0].lessons.find((l: { title: string }) => l.title === 'Fresh');
    expect(fresh.status).toBe('draft');
    // Learners do not see it.
    const player = await h.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from public.lessons where id = $1 and status = $2', [
        fresh.id,
        'draft',
      ]),
    );
    expect(player[0]!.n).toBe(1);
  });

  it('edits a lesson and its content, renames a section', async () => {
    const res = await call('PATCH', `/api/teach/lessons/${lessons[1]}`, ids.teacher, {
      title: 'Two, edited',
      textContent: 'New **text**',
      dripDate: '2030-01-01T00:00:00.000Z',
      status: 'draft',
    });
    expect(res.status).toBe(200);
    const two = res.json.sections[0].lessons[1];
    expect(two).toMatchObject({ title: 'Two, edited', textContent: 'New **text**', status: 'draft' });
    expect(two.dripDate).toBe('2030-01-01T00:00:00.000Z');
    const renamed = await call('PATCH', `/api/teach/sections/${s2}`, ids.teacher, { title: 'Later' });
    expect(renamed.json.sections[1].title).toBe('Later');
  });

  it('reorders sections and lessons (a lesson may change section) in one call', async () => {
    const res = await call('POST', `/api/teach/courses/${ids.draft}/reorder`, ids.teacher, {
      sections: [
        { id: s2, lessonIds: [lessons[2]] },
        { id: s1, lessonIds: [lessons[1], lessons[0], await watchId()] },
      ],
    });
    expect(res.status).toBe(200);
    expect(outline(res.json.sections)).toEqual([
      ['Later', ['Three']],
      ['Start', ['Two, edited', 'One', 'Watch']],
    ]);
    expect(res.json.sections[1].lessons.map((l: { position: number }) => l.position)).toEqual([1, 2, 3]);
  });

  it('refuses a reorder that leaves out or repeats an item (422), or names foreign ids', async () => {
    const partial = await call('POST', `/api/teach/courses/${ids.draft}/reorder`, ids.teacher, {
      sections: [{ id: s1, lessonIds: [lessons[0]] }],
    });
    expect(partial.status).toBe(422);
    expect(partial.json.error.code).toBe('reorder_mismatch');
    const twice = await call('POST', `/api/teach/courses/${ids.draft}/reorder`, ids.teacher, {
      sections: [
        { id: s2, lessonIds: [lessons[2], lessons[2]] },
        { id: s1, lessonIds: [lessons[1], lessons[0]] },
      ],
    });
    expect(twice.status).toBe(422);
    const foreign = await call('POST', `/api/teach/courses/${ids.draft}/reorder`, ids.teacher, {
      sections: [{ id: OTHER.section, lessonIds: [OTHER.lesson] }],
    });
    expect(foreign.status).toBe(422);
    const malformed = await call('POST', `/api/teach/courses/${ids.draft}/reorder`, ids.teacher, { sections: [] });
    expect(malformed.status).toBe(400);
  });

  it("refuses media from another course's library (422) and bad lesson input (400)", async () => {
    const res = await call('PATCH', `/api/teach/lessons/${lessons[0]}`, ids.teacher, {
      contentUrl: [{ type: 'video', url: `course-media:${ids.free}/media/x.webm` }],
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_content');
    for (const body of [
      {},
      { type: 'movie' },
      { completeAtShare: 0.05 },
      { contentUrl: [{ type: 'video', url: 'javascript:alert(1)' }] },
      { dripDate: 'tomorrow' },
    ]) {
      const bad = await call('PATCH', `/api/teach/lessons/${lessons[0]}`, ids.teacher, body);
      expect(bad.status).toBe(400);
    }
  });

  it("answers 404 for another instructor's sections and lessons, 403 for learners", async () => {
    expect(
      (await call('POST', `/api/teach/courses/${OTHER.course}/sections`, ids.teacher, { title: 'x' })).status,
    ).toBe(404);
    expect((await call('PATCH', `/api/teach/sections/${OTHER.section}`, ids.teacher, { title: 'x' })).status).toBe(404);
    expect((await call('DELETE', `/api/teach/sections/${OTHER.section}`, ids.teacher)).status).toBe(404);
    expect(
      (await call('POST', `/api/teach/sections/${OTHER.section}/lessons`, ids.teacher, { title: 'x' })).status,
    ).toBe(404);
    expect((await call('PATCH', `/api/teach/lessons/${OTHER.lesson}`, ids.teacher, { title: 'x' })).status).toBe(404);
    expect((await call('DELETE', `/api/teach/lessons/${OTHER.lesson}`, ids.teacher)).status).toBe(404);
    // Published curriculum is readable by all, still not editable by a learner.
    expect((await call('PATCH', `/api/teach/lessons/${ids.l1}`, ids.student, { title: 'x' })).status).toBe(403);
    expect((await call('DELETE', `/api/teach/sections/${ids.s1}`, ids.other)).status).toBe(404);
  });

  it('deletes a lesson and a section (its lessons with it)', async () => {
    const one = await call('DELETE', `/api/teach/lessons/${lessons[0]}`, ids.teacher);
    expect(one.status).toBe(200);
    expect(outline(one.json.sections)).toEqual([
      ['Later', ['Three']],
      ['Start', ['Two, edited', 'Watch']],
    ]);
    const gone = await call('DELETE', `/api/teach/sections/${s1}`, ids.teacher);
    expect(outline(gone.json.sections)).toEqual([['Later', ['Three']]]);
  });

  async function watchId() {
    const editor = await call('GET', `/api/teach/courses/${ids.draft}/editor`, ids.teacher);
    return editor.json.sections[1].lessons[0].id as string;
  }
});
