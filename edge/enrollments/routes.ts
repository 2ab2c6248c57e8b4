import { Hono } from 'hono';
import { ENROLLMENT_COLUMNS, type EnrollmentRow, toEnrollment } from '../catalog/rows.ts';
import { enrollRequest } from '../contract/enrollment.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { jsonBody } from '../http/validate.ts';

export function enrollmentRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  // Free courses only; paid ones are enrolled by checkout fulfilment (402 here).
  app.post('/enrollments', async (c) => {
    requireUser(c);
    const { courseId } = await jsonBody(c, enrollRequest);
    const [row] = await asCaller(db, c, (sql) =>
      sql.query<EnrollmentRow>(`select ${ENROLLMENT_COLUMNS} from public.enroll_in_free_course($1) e`, [courseId]),
    );
    return c.json({ enrollment: toEnrollment(row!) }, 201);
  });

  return app;
}
