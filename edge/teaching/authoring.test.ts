import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { courseEditor, editorCourse } from '../contract/teaching.ts';
import { addOtherInstructor, caller, OTHER } from './test-support.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await addOtherInstructor(h, ids.other);
});
afterAll(() => h.close());

describe('POST /api/teach/courses', () => {
  it('creates a draft with a slug from the title, suffixed when the slug is taken', async () => {
    const first = await call('POST', '/api/teach/courses', ids.teacher, {
      title: 'Intro to HTML',
      categoryId: ids.web,
    });
    expect(first.status).toBe(201);
    const course = editorCourse.parse(first.json);
    expect(course.status).toBe('draft');
    expect(course.categoryId).toBe(ids.web);
    // 'intro-to-html' is the fixture's published course: the new one gets a suffix.
    expect(course.slug).toMatch(/^intro-to-html-[0-9a-f]{6}$/);
    const fresh = await call('POST', '/api/teach/courses', ids.teacher, { title: 'Brand New Thing!' });
    expect(fresh.json.slug).toBe('brand-new-thing');
    // Another instructor's draft is invisible, but its slug is still skipped.
    const clash = await call('POST', '/api/teach/courses', ids.teacher, { title: "Other's course" });
    expect(clash.status).toBe(201);
    expect(clash.json.slug).not.toBe('others-course');
  });

  it('refuses bad input (400, 415, 422), learners (403) and visitors (401)', async () => {
    expect((await call('POST', '/api/teach/courses', ids.teacher, { title: '' })).status).toBe(400);
    expect((await call('POST', '/api/teach/courses', ids.teacher, { title: 'x', extra: 1 })).status).toBe(400);
    expect((await call('POST', '/api/teach/courses', ids.teacher, '{nope')).status).toBe(400);
    const unknown = await call('POST', '/api/teach/courses', ids.teacher, {
      title: 'x',
      categoryId: '20000000-0000-4000-8000-0000000000ff',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe('unknown_category');
    const learner = await call('POST', '/api/teach/courses', ids.student, { title: 'Mine' });
    expect(learner.status).toBe(403);
    expect((await call('POST', '/api/teach/courses', null, { title: 'Mine' })).status).toBe(401);
  });
});

describe('PATCH /api/teach/courses/:id and the editor read', () => {
  it('changes basic info and pricing, and the editor shows them', async () => {
    const res = await call('PATCH', `/api/teach/courses/${ids.draft}`, ids.teacher, {
      title: 'Secret Draft, revised',
      subtitle: 'Now with a subtitle',
      description: '# Hello\n\nMarkdown **here**.',
      outcomes: ['Build a page', 'Style it'],
      prerequisites: ['A browser'],
      tags: ['HTML', 'html', 'css'],
      difficulty: 'intermediate',
      language: 'pt-BR',
      priceAmount: 2900,
      priceCurrency: 'EUR',
      thumbnailUrl: '/storage/v1/object/public/course-media/x/public/cover-{w}.webp',
      thumbnailWidths: [320, 640],
    });
    expect(res.status).toBe(200);
    expect(editorCourse.parse(res.json)).toMatchObject({
      title: 'Secret Draft, revised',
      tags: ['html', 'css'],
      priceAmount: 2900,
      priceCurrency: 'EUR',
      thumbnailWidths: [320, 640],
      language: 'pt-BR',
    });
    const editor = await call('GET', `/api/teach/courses/${ids.draft}/editor`, ids.teacher);
    expect(editor.status).toBe(200);
    const parsed = courseEditor.parse(editor.json);
    expect(parsed.course.description).toContain('Markdown');
    expect(parsed.categories.map((c) => c.slug)).toContain('web-development');
  });

  it('refuses widths without {w}, unknown fields, an empty body and wrong types with a 4xx JSON error', async () => {
    const noToken = await call('PATCH', `/api/teach/courses/${ids.draft}`, ids.teacher, {
      thumbnailUrl: '/cover.webp',
    });
    expect(noToken.status).toBe(422);
    expect(noToken.json.error.code).toBe('invalid_thumbnail');
    for (const body of [{}, { status: 'published' }, { priceAmount: -1 }, { language: 'english' }, { tags: ['<b>'] }]) {
      const res = await call('PATCH', `/api/teach/courses/${ids.draft}`, ids.teacher, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
  });

  it("answers 404 for another instructor's course, 403 for a learner, 400 for a malformed id", async () => {
    expect((await call('PATCH', `/api/teach/courses/${OTHER.course}`, ids.teacher, { title: 'Mine now' })).status).toBe(
      404,
    );
    expect((await call('GET', `/api/teach/courses/${OTHER.course}/editor`, ids.teacher)).status).toBe(404);
    // A published course is readable by everyone, yet still not theirs to edit.
    expect((await call('PATCH', `/api/teach/courses/${ids.free}`, ids.other, { title: 'Mine now' })).status).toBe(404);
    expect((await call('PATCH', `/api/teach/courses/${ids.free}`, ids.student, { title: 'x' })).status).toBe(403);
    expect((await call('PATCH', '/api/teach/courses/nope', ids.teacher, { title: 'x' })).status).toBe(400);
    // An admin manages every course.
    expect((await call('PATCH', `/api/teach/courses/${OTHER.course}`, ids.admin, { subtitle: 'ok' })).status).toBe(200);
  });
});

describe('submit and withdraw', () => {
  it('lists what is missing (422), then moves draft -> pending_review -> draft', async () => {
    const created = await call('POST', '/api/teach/courses', ids.teacher, { title: 'Review me' });
    const id = created.json.id as string;
    const early = await call('POST', `/api/teach/courses/${id}/submit`, ids.teacher);
    expect(early.status).toBe(422);
    expect(early.json.error.code).toBe('course_incomplete');
    expect(early.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'description',
      'lessons',
      'sections',
    ]);
    await call('PATCH', `/api/teach/courses/${id}`, ids.teacher, { description: 'What you learn.' });
    const section = await call('POST', `/api/teach/courses/${id}/sections`, ids.teacher, { title: 'One' });
    await call('POST', `/api/teach/sections/${section.json.id}/lessons`, ids.teacher, {
      title: 'Draft lesson',
      status: 'draft',
    });
    const stillMissing = await call('POST', `/api/teach/courses/${id}/submit`, ids.teacher);
    expect(stillMissing.json.error.details).toEqual([
      { path: 'lessons', message: 'publish at least one lesson in a section' },
    ]);
    await call('POST', `/api/teach/sections/${section.json.id}/lessons`, ids.teacher, { title: 'Ready' });
    const ok = await call('POST', `/api/teach/courses/${id}/submit`, ids.teacher);
    expect(ok.status).toBe(200);
    expect(ok.json.course.status).toBe('pending_review');
    const again = await call('POST', `/api/teach/courses/${id}/submit`, ids.teacher);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('not_draft');
    const back = await call('POST', `/api/teach/courses/${id}/withdraw`, ids.teacher);
    expect(back.json.course.status).toBe('draft');
    const twice = await call('POST', `/api/teach/courses/${id}/withdraw`, ids.teacher);
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('not_in_review');
  });

  it("refuses another instructor's course (404) and learners (403)", async () => {
    expect((await call('POST', `/api/teach/courses/${OTHER.course}/submit`, ids.teacher)).status).toBe(404);
    expect((await call('POST', `/api/teach/courses/${ids.draft}/withdraw`, ids.student)).status).toBe(403);
  });
});
