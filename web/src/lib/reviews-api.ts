import type {
  CourseReviews,
  FaqEntry,
  FaqInput,
  FaqList,
  FaqPatch,
  Review,
  ReviewInput,
  TeachReviewList,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { jsonInit } from './json-init.ts';

/** Course reviews and the course FAQ (edge/reviews, edge/faq). */

const seg = encodeURIComponent;
const json = jsonInit;

/**
 * Reads started by the course route's preload (App.tsx), while the page's first data is still
 * there: the reviews and the FAQ render below the first screen (components/Later.tsx), after the
 * unused first data is dropped. Each is handed out once, and only while fresh.
 */
const early = new Map<string, { at: number; answer: Promise<unknown> }>();
const EARLY_MS = 10_000;

function once<T>(api: Api, path: string): Promise<T> {
  const hit = early.get(path);
  early.delete(path);
  if (hit && Date.now() - hit.at < EARLY_MS) return hit.answer as Promise<T>;
  return api.getJson<T>(path);
}

const reviewsPath = (slug: string) => `/api/courses/${seg(slug)}/reviews`;
const faqPath = (slug: string) => `/api/courses/${seg(slug)}/faq`;

/** The course page's reviews and FAQ, asked for now and taken by their sections when they render. */
export function preloadCourseReviewsAndFaq(api: Api, slug: string): void {
  for (const path of [reviewsPath(slug), faqPath(slug)]) {
    const answer = api.getJson(path);
    answer.catch(() => undefined); // the section asks again and shows the error
    early.set(path, { at: Date.now(), answer });
  }
}

export function reviewsApi(api: Api) {
  return {
    courseReviews: (slug: string, page = 1) =>
      page > 1
        ? api.getJson<CourseReviews>(`${reviewsPath(slug)}?page=${page}`)
        : once<CourseReviews>(api, reviewsPath(slug)),
    saveReview: (slug: string, input: ReviewInput) =>
      api.send<{ review: Review }>(`/api/courses/${seg(slug)}/review`, json('PUT', input)),
    deleteReview: (slug: string) => api.send<void>(`/api/courses/${seg(slug)}/review`, { method: 'DELETE' }),
    teachReviews: (page: number, filter: 'all' | 'unreplied') =>
      api.getJson<TeachReviewList>(`/api/teach/reviews?page=${page}&filter=${filter}`),
    reply: (id: string, reply: string) =>
      api.postJson<{ review: Review }>(`/api/teach/reviews/${seg(id)}/reply`, { reply }),
    hide: (id: string, hidden: boolean) =>
      api.postJson<{ review: Review }>(`/api/admin/reviews/${seg(id)}/hide`, { hidden }),
  };
}

export function faqApi(api: Api) {
  return {
    courseFaq: (slug: string) => once<FaqList>(api, faqPath(slug)),
    managed: (courseId: string) => api.getJson<FaqList>(`/api/teach/courses/${seg(courseId)}/faq`),
    add: (courseId: string, input: FaqInput) =>
      api.postJson<{ item: FaqEntry }>(`/api/teach/courses/${seg(courseId)}/faq`, input),
    update: (id: string, patch: FaqPatch) =>
      api.send<{ item: FaqEntry }>(`/api/teach/faq/${seg(id)}`, json('PATCH', patch)),
    remove: (id: string) => api.send<void>(`/api/teach/faq/${seg(id)}`, { method: 'DELETE' }),
    reorder: (courseId: string, ids: string[]) =>
      api.postJson<FaqList>(`/api/teach/courses/${seg(courseId)}/faq/reorder`, { ids }),
  };
}

/** Bars of the rating chart: 5 stars first, each with its count and share of all ratings (0..1). */
export function distributionBars(distribution: number[]): { stars: number; count: number; share: number }[] {
  const total = distribution.reduce((a, b) => a + Math.max(0, b), 0);
  return [5, 4, 3, 2, 1].map((stars) => {
    const count = Math.max(0, distribution[stars - 1] ?? 0);
    return { stars, count, share: total > 0 ? count / total : 0 };
  });
}
