import type {
  AdminCourseList,
  AdminCourseQuery,
  AdminReportList,
  AdminReportQuery,
  AdminReviewList,
  AdminReviewQuery,
  CourseCategoryInput,
  CourseCategoryList,
  CourseCategoryPatch,
  CourseCategoryResult,
  CourseStatusAction,
  CourseStatusResult,
  FeatureCoursesResult,
  MyReportList,
  MyReportResult,
  ReportInput,
  ReportReason,
  ReportTargetType,
  ResolveAction,
  ResolveReportsResult,
  ReviewVisibilityResult,
  TagList,
  TagRenameResult,
} from '../../../edge/api-types.ts';
import { queryString } from './admin-people-api.ts';
import type { Api } from './api.ts';

/**
 * Course moderation's API (docs/admin.md): the admin's courses, categories, tags, reviews and
 * reports queue (admins only), and the learners' "Report" (POST /api/reports). Refusals arrive as
 * ApiError.
 */

const seg = encodeURIComponent;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const REPORT_REASONS: { value: ReportReason; label: string }[] = [
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'abuse', label: 'Abusive or hateful' },
  { value: 'off_topic', label: 'Off-topic' },
  { value: 'other', label: 'Something else' },
];

export const reasonLabel = (r: ReportReason) => REPORT_REASONS.find((x) => x.value === r)?.label ?? r;

export function reportApi(api: Api) {
  return {
    report: (input: ReportInput) => api.postJson<MyReportResult>('/api/reports', input),
    mine: () => api.getJson<MyReportList>('/api/reports/mine'),
  };
}

export function moderationApi(api: Api) {
  return {
    courses: (q: Partial<AdminCourseQuery>) =>
      api.getJson<AdminCourseList>(
        `/api/admin/courses${queryString({
          q: q.q,
          status: q.status,
          category: q.category,
          instructor: q.instructor,
          featured: q.featured === undefined ? undefined : String(q.featured),
          sort: q.sort === 'updated' ? undefined : q.sort,
          page: q.page,
        })}`,
      ),
    feature: (ids: string[], featured: boolean) =>
      api.postJson<FeatureCoursesResult>('/api/admin/courses/feature', { ids, featured }),
    setStatus: (ids: string[], action: CourseStatusAction, reason?: string) =>
      api.postJson<CourseStatusResult>('/api/admin/courses/status', { ids, action, reason: reason || undefined }),
    categories: () => api.getJson<CourseCategoryList>('/api/admin/course-categories'),
    createCategory: (input: CourseCategoryInput) =>
      api.postJson<CourseCategoryResult>('/api/admin/course-categories', input),
    updateCategory: (id: string, patch: CourseCategoryPatch) =>
      api.send<CourseCategoryResult>(`/api/admin/course-categories/${seg(id)}`, json('PATCH', patch)),
    deleteCategory: (id: string, moveTo?: string) =>
      api.send<void>(`/api/admin/course-categories/${seg(id)}${queryString({ moveTo })}`, { method: 'DELETE' }),
    tags: (q?: string) => api.getJson<TagList>(`/api/admin/tags${queryString({ q })}`),
    renameTag: (from: string, to: string) => api.postJson<TagRenameResult>('/api/admin/tags/rename', { from, to }),
    reviews: (q: Partial<AdminReviewQuery>) =>
      api.getJson<AdminReviewList>(
        `/api/admin/reviews${queryString({
          q: q.q,
          status: q.status === 'all' ? undefined : q.status,
          course: q.course,
          page: q.page,
        })}`,
      ),
    setReviewsHidden: (ids: string[], hidden: boolean) =>
      api.postJson<ReviewVisibilityResult>('/api/admin/reviews/visibility', { ids, hidden }),
    reports: (q: Partial<AdminReportQuery>) =>
      api.getJson<AdminReportList>(
        `/api/admin/reports${queryString({ status: q.status === 'open' ? undefined : q.status, type: q.type, page: q.page })}`,
      ),
    resolve: (targets: { type: ReportTargetType; id: string }[], action: ResolveAction) =>
      api.postJson<ResolveReportsResult>('/api/admin/reports/resolve', { targets, action }),
  };
}

export type ModerationApi = ReturnType<typeof moderationApi>;
