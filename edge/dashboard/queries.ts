import type { Dashboard, DashboardCourse } from '../api-types.ts';
import { ENROLLMENT_COLUMNS, type EnrollmentRow, toEnrollment } from '../catalog/rows.ts';
import type { Sql } from '../db/port.ts';

/** Learning state from progress: pure, so the dashboard and tests agree on it. */
export function learningState(e: { completedLessons: number; status: string }): DashboardCourse['state'] {
  if (e.status === 'completed') return 'completed';
  return e.completedLessons > 0 ? 'in-progress' : 'not-started';
}

export async function dashboard(sql: Sql, userId: string): Promise<Dashboard | null> {
  const [profile] = await sql.query<{
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    role: Dashboard['profile']['role'];
  }>('select id, email, first_name, last_name, role::text as role from public.profiles where id = $1', [userId]);
  if (!profile) return null;
  const rows = await sql.query<
    EnrollmentRow & {
      slug: string;
      title: string;
      subtitle: string;
      thumbnail_url: string | null;
      thumbnail_widths: number[] | null;
      instructor_name: string;
      next_lesson_id: string | null;
      learned_minutes: number;
      assigned_by: string | null;
      due_at: Date | string | null;
      overdue: boolean | null;
    }
  >(
    // The next lesson is the first one not completed among the caller's open lessons (userId is
    // the caller): private.my_open_lesson_ids() is computed once for the statement, not per lesson.
    // The company assignment (RLS: an employee reads their own) rides in the same statement: the
    // earliest due active one per course, by the (user_id, course_id) index.
    `select ${ENROLLMENT_COLUMNS}, c.slug, c.title, c.subtitle, c.thumbnail_url, c.thumbnail_widths, i.display_name as instructor_name,
       (select l.id from public.lessons l
          join public.sections s on s.id = l.section_id
          left join public.lesson_progress p on p.lesson_id = l.id and p.user_id = e.user_id
          where l.course_id = c.id and l.status = 'published' and not coalesce(p.is_completed, false)
            and l.id in (select private.my_open_lesson_ids())
          order by s.position, s.id, l.position, l.id limit 1) as next_lesson_id,
       (select coalesce(sum(l.duration_minutes), 0)::int from public.lesson_progress p
          join public.lessons l on l.id = p.lesson_id
          where p.user_id = e.user_id and p.course_id = c.id and p.is_completed) as learned_minutes,
       asg.company_name as assigned_by, asg.due_at,
       asg.due_at is not null and asg.due_at < now() and e.status <> 'completed' as overdue
     from public.enrollments e
     join public.courses c on c.id = e.course_id
     join public.instructors i on i.id = c.instructor_id
     left join lateral (
       select co.name as company_name, a.due_at
       from public.company_assignments a
       join public.companies co on co.id = a.company_id
       where a.user_id = e.user_id and a.course_id = e.course_id and a.unassigned_at is null
       order by a.due_at asc nulls last, a.assigned_at, a.id
       limit 1
     ) asg on true
     where e.user_id = $1 and e.status <> 'cancelled'
     order by coalesce(e.last_activity_at, e.enrolled_at) desc, e.id`,
    [userId],
  );
  const courses: DashboardCourse[] = rows.map((r) => {
    const enrollment = toEnrollment(r);
    return {
      course: {
        id: r.course_id,
        slug: r.slug,
        title: r.title,
        subtitle: r.subtitle,
        thumbnailUrl: r.thumbnail_url,
        thumbnailWidths: (r.thumbnail_widths ?? []).map(Number),
        instructor: { displayName: r.instructor_name },
      },
      enrollment,
      state: learningState(enrollment),
      nextLessonId: r.next_lesson_id ?? enrollment.lastLessonId,
      assignment:
        r.assigned_by === null
          ? null
          : {
              companyName: r.assigned_by,
              dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
              overdue: r.overdue === true,
            },
    };
  });
  const count = (state: DashboardCourse['state']) => courses.filter((c) => c.state === state).length;
  return {
    profile: {
      id: profile.id,
      email: profile.email,
      firstName: profile.first_name,
      lastName: profile.last_name,
      role: profile.role,
    },
    stats: {
      inProgress: count('in-progress'),
      completed: count('completed'),
      notStarted: count('not-started'),
      learningMinutes: rows.reduce((sum, r) => sum + Number(r.learned_minutes), 0),
    },
    courses,
  };
}
