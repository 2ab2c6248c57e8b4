import type { CourseEditor, LessonType } from '../../../../edge/api-types.ts';
import type { TeachApi } from './teach-api.ts';

/** What each wizard step gets: the course as the server last answered, a way to replace it, the API. */
export interface StepProps {
  editor: CourseEditor;
  onChange: (next: CourseEditor) => void;
  teach: TeachApi;
}

/** One item per line, blanks dropped. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Comma-separated tags, trimmed, lower-case, without repeats. */
export const tagList = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  ),
];

export const LESSON_TYPES: { value: LessonType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'video', label: 'Video' },
  { value: 'pdf', label: 'PDF' },
  { value: 'slides', label: 'Slides' },
  { value: 'quiz', label: 'Quiz' },
  { value: 'assignment', label: 'Assignment' },
  { value: 'lab', label: 'Code lab' },
];
