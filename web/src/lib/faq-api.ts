import type {
  AdminContactMessage,
  AdminContactMessageList,
  AdminFaqArticle,
  AdminFaqArticleInput,
  AdminFaqArticleList,
  AdminFaqArticlePatch,
  ContactInput,
  FaqCenter,
  FaqFeedbackResult,
  FaqSearchResults,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { jsonInit } from './json-init.ts';

/** The FAQ center (edge/faq-center): /faq, the home page's teaser, /about#faq and /admin/faq. */

const seg = encodeURIComponent;

/** GET /api/faq: the home page's first data (lib/first-data.ts) and /faq's. */
export const FAQ_PATH = '/api/faq';

/** How long the search box waits after the last key before it asks. */
export const SEARCH_DEBOUNCE_MS = 200;

const KEY_STORE = 'faq-browser-key';

/** The random key this browser votes with when nobody is signed in (kept in localStorage). */
export function browserKey(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, random = crypto): string {
  const kept = storage?.getItem(KEY_STORE);
  if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  const key = random.randomUUID().replace(/-/g, '');
  try {
    storage?.setItem(KEY_STORE, key);
  } catch {
    // private mode: the key lasts for this page
  }
  return key;
}

/** The first `count` questions of the FAQ, in theme order: the home page's teaser. */
export function firstQuestions(center: FaqCenter, count: number): { q: string; a: string }[] {
  return center.themes
    .flatMap((t) => t.articles)
    .slice(0, count)
    .map((a) => ({ q: a.question, a: a.answer }));
}

export function faqCenterApi(api: Api) {
  return {
    faq: () => api.getJson<FaqCenter>(FAQ_PATH),
    search: (q: string) => api.getJson<FaqSearchResults>(`/api/faq/search?q=${seg(q)}`),
    feedback: (id: string, helpful: boolean, key?: string) =>
      api.postJson<FaqFeedbackResult>(`/api/faq/articles/${seg(id)}/feedback`, {
        helpful,
        ...(key ? { browserKey: key } : {}),
      }),
    contact: (input: ContactInput) => api.postJson<{ accepted: true }>('/api/contact', input),

    articles: () => api.getJson<AdminFaqArticleList>('/api/admin/faq/articles'),
    createArticle: (input: AdminFaqArticleInput) =>
      api.postJson<{ item: AdminFaqArticle }>('/api/admin/faq/articles', input),
    updateArticle: (id: string, patch: AdminFaqArticlePatch) =>
      api.send<{ item: AdminFaqArticle }>(`/api/admin/faq/articles/${seg(id)}`, jsonInit('PATCH', patch)),
    deleteArticle: (id: string) => api.send<void>(`/api/admin/faq/articles/${seg(id)}`, { method: 'DELETE' }),
    reorder: (themeId: string, ids: string[]) =>
      api.postJson<AdminFaqArticleList>('/api/admin/faq/articles/reorder', { themeId, ids }),
    messages: (status: 'open' | 'handled' | 'all', page: number, pageSize: number) =>
      api.getJson<AdminContactMessageList>(
        `/api/admin/contact-messages?status=${status}&page=${page}&pageSize=${pageSize}`,
      ),
    markHandled: (id: string) =>
      api.postJson<{ item: AdminContactMessage }>(`/api/admin/contact-messages/${seg(id)}/handled`, {}),
  };
}

export type FaqCenterApi = ReturnType<typeof faqCenterApi>;
