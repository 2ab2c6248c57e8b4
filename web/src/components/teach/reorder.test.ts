import { describe, expect, it } from 'vitest';
import { dropLesson, dropSection, lessonPlace, moveLesson, moveSection, type Outline } from './reorder.ts';

const outline = (): Outline[] => [
  { id: 'A', lessonIds: ['a1', 'a2'] },
  { id: 'B', lessonIds: ['b1'] },
];

describe('curriculum reordering', () => {
  it('moves lessons within a section and across section edges', () => {
    expect(moveLesson(outline(), 'a1', 1)).toEqual([
      { id: 'A', lessonIds: ['a2', 'a1'] },
      { id: 'B', lessonIds: ['b1'] },
    ]);
    expect(moveLesson(outline(), 'a2', 1)).toEqual([
      { id: 'A', lessonIds: ['a1'] },
      { id: 'B', lessonIds: ['a2', 'b1'] },
    ]);
    expect(moveLesson(outline(), 'b1', -1)).toEqual([
      { id: 'A', lessonIds: ['a1', 'a2', 'b1'] },
      { id: 'B', lessonIds: [] },
    ]);
    expect(moveLesson(outline(), 'a1', -1)).toBeNull();
    expect(moveLesson(outline(), 'b1', 1)).toBeNull();
    expect(moveLesson(outline(), 'zz', 1)).toBeNull();
  });

  it('moves sections', () => {
    expect(moveSection(outline(), 'B', -1)?.map((s) => s.id)).toEqual(['B', 'A']);
    expect(moveSection(outline(), 'A', -1)).toBeNull();
  });

  it('drops lessons and sections where they are dragged, ignoring no-op drops', () => {
    expect(dropLesson(outline(), 'b1', 'A', 'a1')![0]!.lessonIds).toEqual(['b1', 'a1', 'a2']);
    expect(dropLesson(outline(), 'a1', 'B', null)![1]!.lessonIds).toEqual(['b1', 'a1']);
    expect(dropLesson(outline(), 'a1', 'A', 'a1')).toBeNull();
    expect(dropLesson(outline(), 'a1', 'A', 'a2')).toBeNull();
    expect(dropSection(outline(), 'B', 'A')?.map((s) => s.id)).toEqual(['B', 'A']);
    expect(dropSection(outline(), 'A', 'B')).toBeNull();
  });

  it('says where a lesson is', () => {
    expect(lessonPlace(outline(), 'a2')).toEqual({ section: 0, index: 1, of: 2 });
    expect(lessonPlace(outline(), 'nope')).toBeNull();
  });
});
