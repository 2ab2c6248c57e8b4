import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, fromLocalInput, newCriterionId, toForm, toInput, toLocalInput } from './assignment-form.ts';
import { safeName, scoresOf, submissionPath, sumMarks, typesLabel } from './assignments-api.ts';

describe('the assignment editor form', () => {
  it('turns a filled form into the API body', () => {
    const result = toInput({
      ...EMPTY_FORM,
      title: '  Essay ',
      maxPoints: '10',
      passingPoints: '5',
      latePolicy: 'penalty',
      latePenaltyPercent: '20',
      maxFileMb: '1.5',
      rubric: [
        { id: 'c1', criterion: 'Clarity', points: '6' },
        { id: 'c2', criterion: 'Depth', points: '4' },
      ],
      status: 'published',
    });
    expect('input' in result).toBe(true);
    if (!('input' in result)) return;
    expect(result.input).toMatchObject({
      title: 'Essay',
      maxPoints: 10,
      passingPoints: 5,
      latePenaltyPercent: 20,
      maxFileBytes: 1572864,
      rubric: [
        { id: 'c1', criterion: 'Clarity', points: 6 },
        { id: 'c2', criterion: 'Depth', points: 4 },
      ],
      status: 'published',
      dueAt: null,
    });
  });

  it('names every problem by field', () => {
    const result = toInput({
      ...EMPTY_FORM,
      title: ' ',
      maxPoints: '5',
      passingPoints: '6',
      submissionTypes: [],
      rubric: [{ id: 'c1', criterion: 'A', points: '9' }],
    });
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(
      ['passingPoints', 'rubric', 'submissionTypes', 'title'].sort(),
    );
    const noTypes = toInput({ ...EMPTY_FORM, title: 'x', allowedFileTypes: [], maxFileMb: '0' });
    expect('errors' in noTypes && Object.keys(noTypes.errors).sort()).toEqual(['allowedFileTypes', 'maxFileMb']);
  });

  it('round-trips an assignment and local date inputs', () => {
    const iso = '2030-03-04T05:06:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    const form = toForm({
      id: '00000000-0000-4000-8000-000000000001',
      courseId: '00000000-0000-4000-8000-000000000002',
      lessonId: null,
      title: 'T',
      instructions: 'I',
      dueAt: iso,
      latePolicy: 'reject',
      latePenaltyPercent: 0,
      maxPoints: 50,
      passingPoints: null,
      submissionTypes: ['file'],
      allowedFileTypes: ['application/pdf'],
      maxFileBytes: 10 * 1024 * 1024,
      rubric: [{ id: 'a', criterion: 'A', points: 50 }],
      isRequired: false,
      status: 'published',
      position: 0,
      submissions: 0,
      ungraded: 0,
      createdAt: iso,
      updatedAt: iso,
    });
    expect(form).toMatchObject({ maxFileMb: '10', passingPoints: '', rubric: [{ id: 'a', points: '50' }] });
    expect(newCriterionId(['c1', 'c2'])).toBe('c3');
    expect(newCriterionId(['c2'])).toBe('c3');
  });
});

describe('assignment helpers', () => {
  it('makes safe object names under the folder the API gives', () => {
    expect(safeName('My essay (final).pdf')).toBe('My-essay-final-.pdf');
    expect(safeName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeName('????')).toBe('file');
    expect(submissionPath('u/c/a', 'x y.pdf', 'id')).toBe('u/c/a/id-x-y.pdf');
  });

  it('sums rubric marks and names file types', () => {
    expect(sumMarks({ a: 2, b: 3.5, c: null })).toBe(5.5);
    expect(typesLabel(['application/pdf', 'image/png', 'application/zip'])).toBe('PDF, PNG or ZIP files');
    expect(typesLabel(['application/pdf'])).toBe('PDF files');
  });

  it('charts each quiz best score and each graded assignment, in percent', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const scores = scoresOf({
      course: { id, slug: 'c', title: 'C' },
      progress: { percent: 0, completedItems: 0, totalItems: 0, status: 'active', completedAt: null },
      lessons: { done: 0, total: 0 },
      quizzes: [
        { id, title: 'Q1', isRequired: true, passingScore: 70, attempts: 1, bestPercent: 80, passed: true },
        { id, title: 'Q2', isRequired: true, passingScore: 70, attempts: 0, bestPercent: null, passed: false },
      ],
      assignments: [
        {
          id,
          title: 'A1',
          isRequired: true,
          maxPoints: 20,
          passingPoints: null,
          status: 'graded',
          points: 16,
          finalPoints: 15,
          feedback: null,
          passed: true,
        },
        {
          id,
          title: 'A2',
          isRequired: true,
          maxPoints: 20,
          passingPoints: null,
          status: 'submitted',
          points: null,
          finalPoints: null,
          feedback: null,
          passed: false,
        },
      ],
    });
    expect(scores).toEqual([
      { label: 'Q1', percent: 80, kind: 'quiz' },
      { label: 'A1', percent: 75, kind: 'assignment' },
    ]);
  });
});
