import type { Context } from 'hono';
import { Hono } from 'hono';
import { uuid } from '../contract/primitives.ts';
import { lessonInput, lessonPatch, reorderInput, sectionInput, sectionPatch } from '../contract/teaching.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { jsonBody, param } from '../http/validate.ts';
import { requireManagedCourse, requireManagedLesson, requireManagedSection, requireTeacher } from './access.ts';
import {
  createLesson,
  createSection,
  deleteLesson,
  deleteSection,
  renameSection,
  reorder,
  updateLesson,
} from './curriculum-queries.ts';
import { editorSections } from './editor-queries.ts';

/**
 * Sections and lessons: create, change, delete, reorder. Each answer is the course's whole
 * curriculum (`{sections}`), so the wizard redraws from what the database holds.
 */
export function curriculumRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const id = (c: Context<Env>, what: string) => param(c, 'id', uuid, badRequest(`${what} id must be a UUID`));

  app.post('/teach/courses/:id/sections', async (c) => {
    const userId = requireUser(c);
    const courseId = id(c, 'course');
    const body = await jsonBody(c, sectionInput);
    const out = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), courseId);
      const sectionId = await createSection(sql, courseId, body.title);
      return { id: sectionId, sections: await editorSections(sql, courseId) };
    });
    return c.json(out, 201);
  });

  app.patch('/teach/sections/:id', async (c) => {
    const userId = requireUser(c);
    const sectionId = id(c, 'section');
    const body = await jsonBody(c, sectionPatch);
    const out = await asCaller(db, c, async (sql) => {
      const courseId = await requireManagedSection(sql, await requireTeacher(sql, userId), sectionId);
      await renameSection(sql, sectionId, body.title);
      return { sections: await editorSections(sql, courseId) };
    });
    return c.json(out);
  });

  app.delete('/teach/sections/:id', async (c) => {
    const userId = requireUser(c);
    const sectionId = id(c, 'section');
    const out = await asCaller(db, c, async (sql) => {
      const courseId = await requireManagedSection(sql, await requireTeacher(sql, userId), sectionId);
      await deleteSection(sql, sectionId);
      return { sections: await editorSections(sql, courseId) };
    });
    return c.json(out);
  });

  app.post('/teach/sections/:id/lessons', async (c) => {
    const userId = requireUser(c);
    const sectionId = id(c, 'section');
    const body = await jsonBody(c, lessonInput);
    const out = await asCaller(db, c, async (sql) => {
      const courseId = await requireManagedSection(sql, await requireTeacher(sql, userId), sectionId);
      const lessonId = await createLesson(sql, courseId, sectionId, body);
      return { id: lessonId, sections: await editorSections(sql, courseId) };
    });
    return c.json(out, 201);
  });

  app.patch('/teach/lessons/:id', async (c) => {
    const userId = requireUser(c);
    const lessonId = id(c, 'lesson');
    const body = await jsonBody(c, lessonPatch);
    const out = await asCaller(db, c, async (sql) => {
      const courseId = await requireManagedLesson(sql, await requireTeacher(sql, userId), lessonId);
      await updateLesson(sql, courseId, lessonId, body);
      return { sections: await editorSections(sql, courseId) };
    });
    return c.json(out);
  });

  app.delete('/teach/lessons/:id', async (c) => {
    const userId = requireUser(c);
    const lessonId = id(c, 'lesson');
    const out = await asCaller(db, c, async (sql) => {
      const courseId = await requireManagedLesson(sql, await requireTeacher(sql, userId), lessonId);
      await deleteLesson(sql, lessonId);
      return { sections: await editorSections(sql, courseId) };
    });
    return c.json(out);
  });

  app.post('/teach/courses/:id/reorder', async (c) => {
    const userId = requireUser(c);
    const courseId = id(c, 'course');
    const body = await jsonBody(c, reorderInput);
    const out = await asCaller(db, c, async (sql) => {
      await requireManagedCourse(sql, await requireTeacher(sql, userId), courseId);
      await reorder(sql, courseId, body);
      return { sections: await editorSections(sql, courseId) };
    });
    return c.json(out);
  });

  return app;
}
