/**
 * Scale courses and their curriculum, in a mix that exercises every branch of the catalog
 * policies. Course i (1-based):
 * - status: i % 20 = 0 draft, = 10 pending_review, = 15 archived, else published (85 %);
 * - price: free when i % 3 = 0, else paid; category: the demo categories in turn;
 * - curriculum: SECTIONS_PER_COURSE sections of LESSONS_PER_SECTION lessons; lesson 1 is a
 *   preview (lesson 2 too when i % 3 = 0); lesson 10 is a draft when i % 4 = 0;
 *   drip: lessons 6-10 open 7-35 days after enrollment when i % 5 = 1, and lesson 10 opens
 *   30 days from now when i % 7 = 3. Every lesson has content.
 */
import type { Sql } from '../../edge/db/port.ts';
import { CATEGORIES } from '../data/index.ts';
import { enrollmentPlan } from './learning.ts';
import { LESSONS_PER_SECTION, MAX_COMPLETED, type ScaleShape, SECTIONS_PER_COURSE } from './shape.ts';

const TOPICS = `array['TypeScript','SQL','Kubernetes','Statistics','Design Systems','Product Strategy','Python',
  'Accessibility','Cloud Security','Data Visualisation','Go','Rust','Negotiation','Finance','Testing','GraphQL',
  'Machine Learning','Docker','UX Research','Leadership']`;
const ANGLES = `array['Practical','Applied','Modern','Hands-on','Essential','Advanced','Intro to','Mastering']`;

/**
 * The courses. enrollment_count is written here, from the enrollment plan (learning.ts) and the
 * learners that exist, so the enrollments step need not update 1,275 courses afterwards.
 */
export async function seedScaleCourses(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `with plan as (${enrollmentPlan('$4', '$1', '$5')}),
     learners as (
       select p.ci, count(*)::int as n from plan p
       join public.profiles pr on pr.id = md5('scale-learner-' || p.j)::uuid
       group by p.ci
     ),
     cats as (
       select array_agg(id order by slug) as ids from public.categories where slug = any($3::text[])
     ), c as (
       select i,
              case when i % 20 = 0 then 'draft' when i % 20 = 10 then 'pending_review'
                   when i % 20 = 15 then 'archived' else 'published' end::public.course_status as status,
              (${TOPICS})[1 + i % 20] as topic,
              (${ANGLES})[1 + (i / 20) % 8] as angle
       from generate_series(1, $1::int) i
     )
     insert into public.courses (id, slug, title, subtitle, description, outcomes, prerequisites, tags,
                                 instructor_id, category_id, difficulty, status, published_at, price_amount,
                                 rating_average, rating_count, enrollment_count)
     select md5('scale-course-' || c.i)::uuid, 'scale-course-' || c.i,
            c.angle || ' ' || c.topic || ' ' || c.i,
            'Scale fixture course ' || c.i || ': ' || lower(c.topic) || ' from first steps to production',
            'A generated course of the scale fixture about ' || c.topic || '. It exists so that policies, '
              || 'queries and the catalog are measured at a realistic size.',
            array['Use ' || c.topic || ' with confidence', 'Avoid the common mistakes'],
            array['Curiosity'],
            array[lower(c.topic), 'scale'],
            ins.id,
            cats.ids[1 + c.i % cardinality(cats.ids)],
            (array['beginner', 'intermediate', 'advanced'])[1 + c.i % 3]::public.course_difficulty,
            c.status,
            case when c.status in ('published', 'archived')
                 then now() - make_interval(days => c.i % 365, mins => c.i) end,
            case when c.i % 3 = 0 then 0 else 900 + (c.i % 9) * 1000 end,
            least(5, 3 + (c.i % 21) / 10.0),
            c.i % 500,
            coalesce(le.n, 0)
     from c
     cross join cats
     left join learners le on le.ci = c.i
     join public.instructors ins on ins.id = md5('scale-instructor-' || ((c.i - 1) % $2 + 1))::uuid
     on conflict do nothing`,
    [shape.courses, shape.instructors, CATEGORIES.map((c) => c.slug), shape.learners, MAX_COMPLETED],
  );
}

/** Sections, lessons and lesson contents of the scale courses that exist. */
export async function seedScaleCurriculum(sql: Sql, shape: ScaleShape): Promise<void> {
  const params = [shape.courses, SECTIONS_PER_COURSE, LESSONS_PER_SECTION];
  await sql.query(
    `insert into public.sections (id, course_id, title, position)
     select md5('scale-section-' || i || '-' || s)::uuid, co.id, 'Part ' || s, s
     from generate_series(1, $1::int) i
     join public.courses co on co.id = md5('scale-course-' || i)::uuid
     cross join generate_series(1, $2::int) s
     on conflict do nothing`,
    [shape.courses, SECTIONS_PER_COURSE],
  );
  await sql.query(
    `insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes,
                                 is_preview, status, drip_days_after_enrollment, drip_available_at)
     select md5('scale-lesson-' || i || '-' || l)::uuid, co.id, se.id,
            'Lesson ' || l || ' of course ' || i,
            (array['video', 'text', 'text', 'pdf'])[1 + l % 4]::public.lesson_type,
            l, 5 + (i + l) % 20,
            l = 1 or (l = 2 and i % 3 = 0),
            case when l = $2::int * $3::int and i % 4 = 0 then 'draft' else 'published' end::public.lesson_status,
            case when i % 5 = 1 and l > $3::int then (l - $3::int) * 7 end,
            case when i % 7 = 3 and l = $2::int * $3::int then now() + interval '30 days' end
     from generate_series(1, $1::int) i
     join public.courses co on co.id = md5('scale-course-' || i)::uuid
     cross join generate_series(1, $2::int * $3::int) l
     join public.sections se on se.id = md5('scale-section-' || i || '-' || ((l - 1) / $3::int + 1))::uuid
     on conflict do nothing`,
    params,
  );
  await sql.query(
    `insert into public.lesson_contents (lesson_id, text_content)
     select le.id,
            '## ' || le.title || E'\\n\\n' || repeat('Generated lesson text for the scale fixture. ', 8)
     from generate_series(1, $1::int) i
     cross join generate_series(1, $2::int * $3::int) l
     join public.lessons le on le.id = md5('scale-lesson-' || i || '-' || l)::uuid
     on conflict do nothing`,
    params,
  );
}
