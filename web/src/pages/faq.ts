/**
 * A question and its answer as FaqList (components/FaqList.tsx) shows them. The FAQ itself lives
 * in the database now (the FAQ center, edge/faq-center): the home page shows its first
 * HOME_FAQ_COUNT questions, /about#faq and /faq all of them (lib/faq-api.ts).
 */
export interface FaqItem {
  q: string;
  a: string;
}

export const HOME_FAQ_COUNT = 3;
