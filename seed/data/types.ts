/** Shapes of the demo data. Pure data: no I/O here. */

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export type CourseStatus = 'draft' | 'pending_review' | 'published';
export type AppRole = 'student' | 'instructor' | 'admin';

export interface CategorySeed {
  slug: string;
  name: string;
  description: string;
}

export interface LessonSeed {
  title: string;
  /** Minutes a learner needs; shown on the syllabus. */
  minutes: number;
  /** Minimal Markdown: '## ' headings, paragraphs, '- ' lists, fenced code, **bold**, links. */
  text: string;
  /** Opens N days after the learner enrolled. */
  dripDays?: number;
}

export interface SectionSeed {
  title: string;
  lessons: LessonSeed[];
}

export interface CourseSeed {
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  outcomes: string[];
  prerequisites: string[];
  tags: string[];
  category: string;
  /** Email of the instructor's account. */
  instructor: string;
  difficulty: Difficulty;
  status: CourseStatus;
  /** Integer minor units (cents); 0 is free. */
  price: number;
  /** Days before the seed's `now` (published courses only). Under 30 shows the "New" badge. */
  publishedDaysAgo?: number;
  rating: { average: number; count: number };
  /** Shown on cards; 1000 or more shows the "Popular" badge. */
  enrollmentCount: number;
  sections: SectionSeed[];
}

export interface AccountSeed {
  email: string;
  firstName: string;
  lastName: string;
  role: AppRole;
}

export interface InstructorSeed {
  email: string;
  displayName: string;
  headline: string;
  bio: string;
  expertise: string[];
}

export interface CompanySeed {
  slug: string;
  name: string;
  members: { email: string; role: 'admin' | 'employee' }[];
}

/** A demo learner's enrollment: lessons are [sectionIndex, lessonIndex] pairs, 0-based. */
export interface EnrollmentSeed {
  email: string;
  course: string;
  enrolledDaysAgo: number;
  completed: [number, number][];
}
