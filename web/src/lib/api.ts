import type {
  CategoryRef,
  CourseDetail,
  CourseList,
  CoursePlayer,
  Dashboard,
  EnrollmentSummary,
  LessonContent,
  MarkReadRequest,
  MarkReadResponse,
  NotificationList,
  Profile,
  ProfileUpdate,
  PublicConfig,
  TeachingCourse,
  TeachingCourseList,
} from '../../../edge/api-types.ts';
import { CONFIG_PATH, type FirstDataStore } from './first-data.ts';
import { sentence } from './format.ts';

/** What the user sees when a request never reached the server. */
export const NETWORK_ERROR = 'Could not reach the server. Check your connection and try again.';

/** A failed API call, with the server's code and a message fit to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in to continue.',
  403: 'You do not have access to this.',
  404: 'We could not find that.',
  409: 'That conflicts with the current state. Reload and try again.',
  429: 'Too many requests. Please wait a moment and try again.',
};

function fallbackMessage(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500 ? 'Something went wrong on our side. Please try again.' : `Request failed (${status}).`)
  );
}

/** Turns any thrown value into a message for the user. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return sentence(err.message);
  return 'Something went wrong. Please try again.';
}

export function isApiError(err: unknown, ...codes: string[]): err is ApiError {
  return err instanceof ApiError && (codes.length === 0 || codes.includes(err.code));
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string') {
    const msg = typeof e.message === 'string' && e.message.trim() ? sentence(e.message) : fallbackMessage(res.status);
    return new ApiError(
      res.status,
      e.code,
      msg.endsWith('.') || msg.endsWith('?') || msg.endsWith('!') ? msg : `${msg}.`,
      e.details,
    );
  }
  return new ApiError(res.status, `http_${res.status}`, fallbackMessage(res.status));
}

async function request<T>(url: string, init: RequestInit, token: string | null): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', 'The server sent a response we could not read.');
  }
}

/** GET /api/config, before anything else exists: from the page's first data when the host wrote it there. */
export function fetchPublicConfig(firstData?: FirstDataStore): Promise<PublicConfig> {
  const inline = firstData?.take(CONFIG_PATH);
  if (inline !== undefined) return Promise.resolve(inline as PublicConfig);
  return request<PublicConfig>(CONFIG_PATH, { method: 'GET' }, null);
}

export interface OutboxMail {
  id: number | string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  createdAt: string;
}

export type CategoryWithCount = CategoryRef & { count: number };

/**
 * The data API. Every call carries the signed-in user's access token, when there is one. An
 * anonymous GET the host already answered in the page (`firstData`) is read from there, once.
 */
export function createApi(getToken: () => Promise<string | null>, firstData?: FirstDataStore) {
  const get = async <T>(path: string): Promise<T> => {
    const token = await getToken();
    const inline = token === null ? firstData?.take(path) : undefined;
    if (inline !== undefined) return inline as T;
    return request<T>(path, { method: 'GET' }, token);
  };
  const post = async <T>(path: string, body?: unknown): Promise<T> =>
    request<T>(
      path,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      },
      await getToken(),
    );
  const seg = encodeURIComponent;

  return {
    courses: (query: string) => get<CourseList>(`/api/courses${query}`),
    course: (slug: string) => get<CourseDetail>(`/api/courses/${seg(slug)}`),
    categories: () => get<{ items: CategoryWithCount[] }>('/api/categories'),
    enroll: (courseId: string) => post<{ enrollment: EnrollmentSummary }>('/api/enrollments', { courseId }),
    player: (slug: string) => get<CoursePlayer>(`/api/courses/${seg(slug)}/player`),
    lesson: (id: string) => get<LessonContent>(`/api/lessons/${seg(id)}`),
    completeLesson: (id: string) => post<{ enrollment: EnrollmentSummary }>(`/api/lessons/${seg(id)}/complete`),
    dashboard: () => get<Dashboard>('/api/me/dashboard'),
    notifications: () => get<NotificationList>('/api/notifications'),
    markNotificationsRead: (which: MarkReadRequest) => post<MarkReadResponse>('/api/notifications/read', which),
    profile: () => get<Profile>('/api/profile'),
    teachingCourses: () => get<TeachingCourseList>('/api/teach/courses'),
    teachingCourse: (id: string) => get<TeachingCourse>(`/api/teach/courses/${seg(id)}`),
    updateProfile: async (changes: ProfileUpdate) =>
      request<Profile>(
        '/api/profile',
        { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(changes) },
        await getToken(),
      ),
    /** Typed GET and POST for feature modules (web/src/lib/*-api.ts): the same token, first data and errors. */
    getJson: get,
    postJson: post,
    /** Any call with the user's token and the API's errors, for requests with headers of their own (Idempotency-Key). */
    send: async <T>(path: string, init: RequestInit) => request<T>(path, init, await getToken()),
    /** The user's access token, for downloads the page saves itself (invoice PDFs). */
    accessToken: getToken,
    /** Embedded mode only. No token: the outbox is a development tool, not user data. */
    outbox: () => request<{ items: OutboxMail[] }>('/dev/api/outbox', { method: 'GET' }, null),
  };
}

export type Api = ReturnType<typeof createApi>;
