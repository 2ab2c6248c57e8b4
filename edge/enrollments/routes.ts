import { Hono } from 'hono';
import { z } from 'zod';
import { ENROLLMENT_COLUMNS, type EnrollmentRow, toEnrollment } from '../catalog/rows.ts';
import type { Database } from '../db/port.ts';
import { type Env, asCaller, requireUser } from '../http/context.ts';
import { jsonBody, uuid } from '../http/validate.ts';

const enrolBody = z.object({ courseId: uuid }).strict();

export function enrollmentRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  // Free courses only; paid ones are enrolled by checkout fulfilment (402 here).
  app.post('/enrollments', async (c) => {
    requireUser(c);
    const { courseId } = await jsonBody(c, enrolBody);
    const [row] = await asCaller(db, c, (sql) =>
      sql.query<EnrollmentRow>(
        `select ${ENROLLMENT_COLUMNS} from public.enroll_in_free_course($1) e`,
        [courseId],
      ),
    );
    return c.json({ enrollment: toEnrollment(row!) }, 201);
  });

  return app;
}
