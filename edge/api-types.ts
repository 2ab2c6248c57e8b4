/**
 * The JSON the data API returns: shared by edge/ (producer) and web/ (consumer, type-only).
 * Money is integer minor units with an ISO currency. Dates are ISO-8601 strings.
 */

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export type PriceBand = 'free' | 'under-50' | '50-100' | '100-plus';
export type CourseSort = 'popular' | 'newest' | 'rating' | 'price-asc' | 'price-desc' | 'relevance';
export type Badge = 'popular' | 'new' | 'free';
export type LessonType = 'text' | 'video' | 'pdf' | 'slides' | 'quiz' | 'lab' | 'assignment';

export interface Money {
  amount: number;
  currency: string;
}

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface InstructorCard {
  id: string;
  displayName: string;
  headline: string;
  bio: string;
  expertise: string[];
  avatarUrl: string | null;
}

export interface CourseCard {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  thumbnailUrl: string | null;
  difficulty: Difficulty;
  language: string;
  category: CategoryRef | null;
  instructor: { id: string; displayName: string };
  price: Money;
  rating: { average: number; count: number };
  enrollmentCount: number;
  lessonCount: number;
  durationMinutes: number;
  publishedAt: string | null;
  badges: Badge[];
}

export interface CourseList {
  items: CourseCard[];
  total: number;
  page: number;
  pageSize: number;
  /** Facet counts over the current search, for the filter sidebar. */
  categories: (CategoryRef & { count: number })[];
}

export interface SyllabusLesson {
  id: string;
  title: string;
  type: LessonType;
  position: number;
  durationMinutes: number;
  isPreview: boolean;
}

export interface SyllabusSection {
  id: string;
  title: string;
  position: number;
  lessons: SyllabusLesson[];
}

export interface CourseDetail extends CourseCard {
  description: string;
  outcomes: string[];
  prerequisites: string[];
  tags: string[];
  introVideoUrl: string | null;
  instructor: InstructorCard;
  sections: SyllabusSection[];
  /** Present when the caller is signed in. */
  enrollment: EnrollmentSummary | null;
}

export interface EnrollmentSummary {
  id: string;
  courseId: string;
  status: 'active' | 'completed' | 'cancelled';
  enrolledAt: string;
  completedLessons: number;
  totalLessons: number;
  progressPercentage: number;
  lastLessonId: string | null;
  completedAt: string | null;
}

/** GET /api/courses/:slug/player — the course player for an enrolled learner. */
export interface PlayerLesson extends SyllabusLesson {
  completed: boolean;
  /** False while drip-locked; then availableAt says when it opens. */
  available: boolean;
  availableAt: string | null;
}

export interface CoursePlayer {
  course: { id: string; slug: string; title: string };
  enrollment: EnrollmentSummary;
  sections: (Omit<SyllabusSection, 'lessons'> & { lessons: PlayerLesson[] })[];
}

/** GET /api/lessons/:id — one lesson's content, if the caller may read it. */
export interface LessonContent {
  id: string;
  courseId: string;
  title: string;
  type: LessonType;
  textContent: string | null;
  contentUrl: { type: string; url: string }[];
  completed: boolean;
}

export interface DashboardCourse {
  course: Pick<CourseCard, 'id' | 'slug' | 'title' | 'subtitle' | 'thumbnailUrl'> & {
    instructor: { displayName: string };
  };
  enrollment: EnrollmentSummary;
  state: 'not-started' | 'in-progress' | 'completed';
  /** The lesson "Continue learning" opens. */
  nextLessonId: string | null;
}

export interface Dashboard {
  profile: { id: string; email: string; firstName: string; lastName: string; role: 'student' | 'instructor' | 'admin' };
  stats: { inProgress: number; completed: number; notStarted: number; learningMinutes: number };
  courses: DashboardCourse[];
}

export interface PublicConfig {
  mode: 'embedded' | 'supabase';
  supabaseUrl: string;
  supabaseAnonKey: string;
  /** Embedded mode only: the dev outbox page is available. */
  devOutbox: boolean;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
