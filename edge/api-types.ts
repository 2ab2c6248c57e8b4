/**
 * The JSON the data API speaks, as TypeScript types: shared by edge/ (producer) and web/
 * (consumer). The single source is the zod schemas in edge/contract/; every type here is
 * inferred from them. This file is types only (it emits nothing), so web/ can import it
 * without pulling zod into the bundle: web/ must use `import type`.
 * Money is integer minor units with an ISO currency. Dates are ISO-8601 strings.
 */
export type {
  ApiErrorBody,
  AppRole,
  Badge,
  CatalogLimits,
  CatalogQuery,
  CatalogQueryInput,
  CategoryFacet,
  CategoryList,
  CategoryRef,
  CourseCard,
  CourseDetail,
  CourseList,
  CoursePlayer,
  CourseSort,
  Dashboard,
  DashboardCourse,
  Difficulty,
  EnrollmentResponse,
  EnrollmentStatus,
  EnrollmentSummary,
  EnrollRequest,
  Health,
  InstructorCard,
  LearningState,
  LessonContent,
  LessonType,
  MarkReadRequest,
  MarkReadResponse,
  Money,
  Notification,
  NotificationKind,
  NotificationList,
  PlayerLesson,
  PriceBand,
  Profile,
  ProfileUpdate,
  PublicConfig,
  SlugRules,
  SyllabusLesson,
  SyllabusSection,
} from './contract/index.ts';
