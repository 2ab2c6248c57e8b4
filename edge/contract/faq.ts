import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/** A course's FAQ: questions in plain text, answers in markdown, in the instructor's order. */

export const FAQ_QUESTION_MAX = 500;
export const FAQ_ANSWER_MAX = 5000;
/** At most this many questions per course (the editor's reorder takes them all at once). */
export const FAQ_MAX_ITEMS = 100;

export const faqEntry = z.strictObject({
  id: uuid,
  question: z.string().min(1).max(FAQ_QUESTION_MAX),
  answer: z.string().max(FAQ_ANSWER_MAX),
  position: z.int(),
  updatedAt: isoDateTime,
});

/** GET /api/courses/:slug/faq (anyone, published courses) and GET /api/teach/courses/:courseId/faq. */
export const faqList = z.strictObject({ items: z.array(faqEntry).max(FAQ_MAX_ITEMS) });

const question = z.string().trim().min(1, 'write a question').max(FAQ_QUESTION_MAX);
const answer = z.string().trim().min(1, 'write an answer').max(FAQ_ANSWER_MAX);

/** POST /api/teach/courses/:courseId/faq — a new question, added at the end. */
export const faqInput = z.strictObject({ question, answer });
/** PATCH /api/teach/faq/:id */
export const faqPatch = z
  .strictObject({ question: question.optional(), answer: answer.optional() })
  .refine((p) => p.question !== undefined || p.answer !== undefined, 'change the question or the answer');
/** POST /api/teach/courses/:courseId/faq/reorder — every question of the course, in the new order. */
export const faqReorder = z.strictObject({ ids: z.array(uuid).min(1).max(FAQ_MAX_ITEMS) });

export type FaqEntry = z.infer<typeof faqEntry>;
export type FaqList = z.infer<typeof faqList>;
export type FaqInput = z.infer<typeof faqInput>;
export type FaqPatch = z.infer<typeof faqPatch>;
export type FaqReorder = z.infer<typeof faqReorder>;
