import type { LabInput, LabLanguage, TeachLab } from '../../lib/labs-api.ts';

/**
 * The lab editor's form: every field as the inputs hold it (numbers as text), to and from the
 * teaching API's body. The bounds are the database's (edge/contract/labs.ts says them too).
 */
export interface LabForm {
  title: string;
  slug: string;
  language: LabLanguage;
  instructionsMd: string;
  starterCode: string;
  visibleTests: string;
  hiddenTests: string;
  referenceSolution: string;
  timeLimitMs: string;
  memoryLimitMb: string;
  points: string;
  isRequired: boolean;
  lessonId: string;
}

export type LabFormErrors = Partial<Record<keyof LabForm, string>>;

export const LAB_LIMITS = {
  timeLimitMs: { min: 50, max: 5000 },
  memoryLimitMb: { min: 8, max: 128 },
  points: { min: 1, max: 1000 },
  text: 50_000,
} as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const EMPTY_LAB_FORM: LabForm = {
  title: '',
  slug: '',
  language: 'javascript',
  instructionsMd: '',
  starterCode: '',
  visibleTests: '',
  hiddenTests: '',
  referenceSolution: '',
  timeLimitMs: '1000',
  memoryLimitMb: '32',
  points: '10',
  isRequired: true,
  lessonId: '',
};

export function toLabForm(lab: TeachLab): LabForm {
  return {
    title: lab.title,
    slug: lab.slug,
    language: lab.language,
    instructionsMd: lab.instructionsMd,
    starterCode: lab.starterCode,
    visibleTests: lab.visibleTests,
    hiddenTests: lab.hiddenTests,
    referenceSolution: lab.referenceSolution,
    timeLimitMs: String(lab.timeLimitMs),
    memoryLimitMb: String(lab.memoryLimitMb),
    points: String(lab.points),
    isRequired: lab.isRequired,
    lessonId: lab.lessonId ?? '',
  };
}

function whole(value: string, range: { min: number; max: number }, what: string): number | string {
  const n = Number(value.trim());
  if (!value.trim() || !Number.isInteger(n)) return `Enter ${what} as a whole number.`;
  if (n < range.min || n > range.max)
    return `${what[0]!.toUpperCase()}${what.slice(1)} must be ${range.min} to ${range.max}.`;
  return n;
}

/** The API body, or the message for each field that is not right. The slug may be empty (the server makes one). */
export function toLabInput(form: LabForm): { input: LabInput } | { errors: LabFormErrors } {
  const errors: LabFormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'Enter a title.';
  else if (title.length > 200) errors.title = 'Keep the title to 200 characters.';
  const slug = form.slug.trim();
  if (slug && (!SLUG.test(slug) || slug.length > 80))
    errors.slug = 'Use lowercase letters, digits and single dashes (at most 80 characters).';
  const time = whole(form.timeLimitMs, LAB_LIMITS.timeLimitMs, 'the time limit');
  if (typeof time === 'string') errors.timeLimitMs = time;
  const memory = whole(form.memoryLimitMb, LAB_LIMITS.memoryLimitMb, 'the memory limit');
  if (typeof memory === 'string') errors.memoryLimitMb = memory;
  const points = whole(form.points, LAB_LIMITS.points, 'the points');
  if (typeof points === 'string') errors.points = points;
  for (const key of ['instructionsMd', 'starterCode', 'visibleTests', 'hiddenTests', 'referenceSolution'] as const) {
    if (form[key].length > LAB_LIMITS.text)
      errors[key] = `Keep this to ${LAB_LIMITS.text.toLocaleString('en')} characters.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      title,
      ...(slug ? { slug } : {}),
      language: form.language,
      instructionsMd: form.instructionsMd,
      starterCode: form.starterCode,
      visibleTests: form.visibleTests,
      hiddenTests: form.hiddenTests,
      referenceSolution: form.referenceSolution,
      timeLimitMs: time as number,
      memoryLimitMb: memory as number,
      points: points as number,
      isRequired: form.isRequired,
      lessonId: form.lessonId || null,
    },
  };
}
