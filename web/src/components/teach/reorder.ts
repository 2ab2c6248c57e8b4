import type { ReorderInput } from '../../../../edge/api-types.ts';

/** The curriculum as ids, for moving things about before the server confirms. */
export interface Outline {
  id: string;
  lessonIds: string[];
}

/** Moves a section up (-1) or down (+1); null when it is already at that end. */
export function moveSection(outline: Outline[], sectionId: string, by: -1 | 1): Outline[] | null {
  const i = outline.findIndex((s) => s.id === sectionId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= outline.length) return null;
  const next = outline.map((s) => ({ ...s, lessonIds: [...s.lessonIds] }));
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/**
 * Moves a lesson up (-1) or down (+1) within its section; past the section's edge it goes to the
 * end of the previous section or the start of the next. Null at the course's first or last place.
 */
export function moveLesson(outline: Outline[], lessonId: string, by: -1 | 1): Outline[] | null {
  const si = outline.findIndex((s) => s.lessonIds.includes(lessonId));
  if (si < 0) return null;
  const next = outline.map((s) => ({ ...s, lessonIds: [...s.lessonIds] }));
  const list = next[si]!.lessonIds;
  const li = list.indexOf(lessonId);
  const lj = li + by;
  if (lj >= 0 && lj < list.length) {
    [list[li], list[lj]] = [list[lj]!, list[li]!];
    return next;
  }
  const target = next[si + by];
  if (!target) return null;
  list.splice(li, 1);
  if (by < 0) target.lessonIds.push(lessonId);
  else target.lessonIds.unshift(lessonId);
  return next;
}

/** Drops a dragged lesson before `beforeId` (a lesson) or at the end of section `sectionId` (beforeId null). */
export function dropLesson(
  outline: Outline[],
  lessonId: string,
  sectionId: string,
  beforeId: string | null,
): Outline[] | null {
  if (lessonId === beforeId) return null;
  const next = outline.map((s) => ({ ...s, lessonIds: s.lessonIds.filter((id) => id !== lessonId) }));
  const target = next.find((s) => s.id === sectionId);
  if (!target || next.length !== outline.length) return null;
  const at = beforeId === null ? -1 : target.lessonIds.indexOf(beforeId);
  if (at < 0) target.lessonIds.push(lessonId);
  else target.lessonIds.splice(at, 0, lessonId);
  const same = next.every((s, i) => s.lessonIds.join() === outline[i]!.lessonIds.join());
  return same ? null : next;
}

/** Drops a dragged section before another (or last with null). */
export function dropSection(outline: Outline[], sectionId: string, beforeId: string | null): Outline[] | null {
  const moving = outline.find((s) => s.id === sectionId);
  if (!moving || sectionId === beforeId) return null;
  const rest = outline.filter((s) => s.id !== sectionId);
  const at = beforeId === null ? rest.length : rest.findIndex((s) => s.id === beforeId);
  if (at < 0) return null;
  rest.splice(at, 0, moving);
  return rest.map((s) => s.id).join() === outline.map((s) => s.id).join() ? null : rest;
}

/** Where a lesson sits, for the announcement: "position 2 of 3 in Basics". */
export function lessonPlace(
  outline: Outline[],
  lessonId: string,
): { section: number; index: number; of: number } | null {
  const si = outline.findIndex((s) => s.lessonIds.includes(lessonId));
  if (si < 0) return null;
  const list = outline[si]!.lessonIds;
  return { section: si, index: list.indexOf(lessonId), of: list.length };
}

export const toReorderInput = (outline: Outline[]): ReorderInput => ({
  sections: outline.map((s) => ({ id: s.id, lessonIds: s.lessonIds })),
});
