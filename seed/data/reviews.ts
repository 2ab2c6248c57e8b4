/**
 * Demo reviews and course FAQ. Pure data: no I/O here (seed/steps/reviews.ts writes it).
 *
 * The reviews come from a few community learners (accounts with the demo password, enrolled by an
 * admin in the courses they review), not from student@, companyadmin@ and employee@demo.test, so
 * those accounts can still write their first review in a demo or an end-to-end test.
 */
import type { AccountSeed, CourseSeed } from './types.ts';

export const REVIEWERS: AccountSeed[] = [
  { email: 'noah.fischer@learners.demo.test', firstName: 'Noah', lastName: 'Fischer', role: 'student' },
  { email: 'amara.osei@learners.demo.test', firstName: 'Amara', lastName: 'Osei', role: 'student' },
  { email: 'lucia.romero@learners.demo.test', firstName: 'Lucía', lastName: 'Romero', role: 'student' },
  { email: 'kenji.watanabe@learners.demo.test', firstName: 'Kenji', lastName: 'Watanabe', role: 'student' },
  { email: 'priya.nair@learners.demo.test', firstName: 'Priya', lastName: 'Nair', role: 'student' },
];

/** Reviews per published course. */
export const REVIEWS_PER_COURSE = 3;

/** The instructor who answers one review: on their first published course, its first review. */
export const REPLYING_INSTRUCTOR = 'instructor@demo.test';
export const DEMO_REPLY =
  'Thank you for taking the time to write this! The exercises are updated every quarter, so keep an eye on the last section.';

/** An earlier rejection of the course in review, so the admin queue shows a history. */
export const EARLIER_REJECTION = {
  course: 'data-visualization-storytelling',
  reason: 'Please add a practice dataset to the second section and resubmit.',
  daysAgo: 9,
};

/** The bundle instructors may tag their own published courses into. */
export const OPEN_BUNDLE = 'full-stack-javascript';

const COMMENTS: Record<number, string[]> = {
  5: [
    'Exactly the level I needed: every lesson builds on the previous one and the examples are realistic.',
    'Clear, practical and well paced. I used what I learned at work the same week.',
    'The best course I have taken on this topic. The exercises made it stick.',
  ],
  4: [
    'Very good overall. A few lessons could use one more worked example, but I would recommend it.',
    'Solid content and a friendly instructor. The last section felt a little rushed.',
    'Helpful and to the point; I would have liked more practice material.',
  ],
  3: [
    'Good introduction, but I expected more depth in the second half.',
    'Useful, though some parts repeat what the documentation already says.',
  ],
};

/** The k-th review's rating (0-based) for a course with this imported average: near the average. */
export function demoRating(average: number, k: number): number {
  const ratings = [5, average >= 4.6 ? 5 : 4, average >= 4.5 ? 4 : 3];
  return ratings[k % ratings.length]!;
}

export function demoComment(rating: number, n: number): string {
  const pool = COMMENTS[rating] ?? COMMENTS[3]!;
  return pool[n % pool.length]!;
}

export interface FaqSeed {
  question: string;
  /** Markdown. */
  answer: string;
}

const DIFFICULTY: Record<CourseSeed['difficulty'], string> = {
  beginner: 'newcomers to the subject',
  intermediate: 'learners who already know the basics',
  advanced: 'experienced practitioners',
};

/** Four questions every course page answers, from the course's own data. */
export function demoFaq(course: CourseSeed): FaqSeed[] {
  const minutes = course.sections.reduce((n, s) => n + s.lessons.reduce((m, l) => m + l.minutes, 0), 0);
  const hours = Math.max(1, Math.round(minutes / 60));
  const lessons = course.sections.reduce((n, s) => n + s.lessons.length, 0);
  return [
    {
      question: 'Who is this course for?',
      answer:
        `It is written for ${DIFFICULTY[course.difficulty]}. You will get the most out of it with:\n\n` +
        course.prerequisites.map((p) => `- ${p}`).join('\n'),
    },
    {
      question: 'What will I be able to do afterwards?',
      answer: course.outcomes.map((o) => `- ${o}`).join('\n'),
    },
    {
      question: 'How long does it take?',
      answer: `About ${hours} hour${hours === 1 ? '' : 's'} over ${lessons} lessons. Go at your own pace: your progress is saved after every lesson.`,
    },
    {
      question: 'Do I get a certificate?',
      answer:
        'Yes. When you complete every required lesson, quiz and assignment, a certificate is issued with a ' +
        'verification code anyone can check on the **Verify** page.',
    },
  ];
}
