import { describe, expect, it } from 'vitest';
import { EMPTY_LAB_FORM, toLabInput } from './lab-form.ts';

describe('the lab form', () => {
  it('turns a filled form into the API body, numbers as numbers and no lesson as null', () => {
    const r = toLabInput({ ...EMPTY_LAB_FORM, title: '  Sum  ', starterCode: 'function sum() {}' });
    expect(r).toEqual({
      input: {
        title: 'Sum',
        language: 'javascript',
        instructionsMd: '',
        starterCode: 'function sum() {}',
        visibleTests: '',
        hiddenTests: '',
        referenceSolution: '',
        timeLimitMs: 1000,
        memoryLimitMb: 32,
        points: 10,
        isRequired: true,
        lessonId: null,
      },
    });
  });

  it('sends the slug only when one is given', () => {
    const r = toLabInput({ ...EMPTY_LAB_FORM, title: 'Sum', slug: 'sum-two' });
    expect('input' in r && r.input.slug).toBe('sum-two');
  });

  it('says what is wrong with each field', () => {
    const r = toLabInput({
      ...EMPTY_LAB_FORM,
      title: ' ',
      slug: 'Not A Slug',
      timeLimitMs: '10',
      memoryLimitMb: '1.5',
      points: '',
    });
    expect('errors' in r && r.errors).toEqual({
      title: 'Enter a title.',
      slug: 'Use lowercase letters, digits and single dashes (at most 80 characters).',
      timeLimitMs: 'The time limit must be 50 to 5000.',
      memoryLimitMb: 'Enter the memory limit as a whole number.',
      points: 'Enter the points as a whole number.',
    });
  });
});
