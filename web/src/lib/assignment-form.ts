import type {
  AssignmentLatePolicy,
  AssignmentPatch,
  AssignmentStatus,
  SubmissionType,
  TeachAssignment,
} from '../../../edge/api-types.ts';

/**
 * The assignment editor's state as the form holds it (strings for inputs) and its conversion to
 * the API's body, with the checks that spare a round trip. The server checks everything again.
 */

export const FILE_TYPE_CHOICES = [
  { value: 'application/pdf', label: 'PDF' },
  { value: 'image/png', label: 'PNG image' },
  { value: 'image/jpeg', label: 'JPEG image' },
  { value: 'application/zip', label: 'ZIP archive' },
  { value: 'text/plain', label: 'Plain text' },
  { value: 'text/markdown', label: 'Markdown' },
  { value: 'text/csv', label: 'CSV' },
] as const;

/** The largest file an assignment may take, in MB (the bucket's limit). */
export const MAX_FILE_MB = 50;

export interface RubricRow {
  /** Stable within the form; the criterion's id in the API. */
  id: string;
  criterion: string;
  points: string;
}

export interface AssignmentForm {
  title: string;
  instructions: string;
  /** `datetime-local` value (the browser's time zone), or ''. */
  dueAt: string;
  latePolicy: AssignmentLatePolicy;
  latePenaltyPercent: string;
  maxPoints: string;
  passingPoints: string;
  submissionTypes: SubmissionType[];
  allowedFileTypes: string[];
  maxFileMb: string;
  rubric: RubricRow[];
  isRequired: boolean;
  status: AssignmentStatus;
}

export const EMPTY_FORM: AssignmentForm = {
  title: '',
  instructions: '',
  dueAt: '',
  latePolicy: 'accept',
  latePenaltyPercent: '0',
  maxPoints: '100',
  passingPoints: '',
  submissionTypes: ['text', 'file'],
  allowedFileTypes: ['application/pdf', 'image/png', 'image/jpeg', 'application/zip', 'text/plain'],
  maxFileMb: '20',
  rubric: [],
  isRequired: true,
  status: 'draft',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (browser's zone) as an ISO instant; null for ''. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toForm(a: TeachAssignment): AssignmentForm {
  return {
    title: a.title,
    instructions: a.instructions,
    dueAt: toLocalInput(a.dueAt),
    latePolicy: a.latePolicy,
    latePenaltyPercent: String(a.latePenaltyPercent),
    maxPoints: String(a.maxPoints),
    passingPoints: a.passingPoints === null ? '' : String(a.passingPoints),
    submissionTypes: [...a.submissionTypes],
    allowedFileTypes: [...a.allowedFileTypes],
    maxFileMb: String(Math.round((a.maxFileBytes / (1024 * 1024)) * 100) / 100),
    rubric: a.rubric.map((r) => ({ id: r.id, criterion: r.criterion, points: String(r.points) })),
    isRequired: a.isRequired,
    status: a.status,
  };
}

export type FormErrors = Partial<Record<keyof AssignmentForm | 'form', string>>;

const wholeNumber = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** The API body for the form, or the errors that stop it (by field, as sentences). */
export function toInput(
  form: AssignmentForm,
): { input: Required<Omit<AssignmentPatch, 'lessonId' | 'position'>> } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = 'Give the assignment a title.';
  else if (title.length > 200) errors.title = 'Keep the title under 200 characters.';
  const maxPoints = wholeNumber(form.maxPoints);
  if (!(maxPoints >= 1 && maxPoints <= 1000)) errors.maxPoints = 'Points must be a whole number from 1 to 1000.';
  const passing = form.passingPoints.trim() === '' ? null : wholeNumber(form.passingPoints);
  if (passing !== null && !(passing >= 0 && (Number.isNaN(maxPoints) || passing <= maxPoints))) {
    errors.passingPoints = 'Passing points must be a whole number, at most the assignment’s points.';
  }
  const penalty = form.latePolicy === 'penalty' ? wholeNumber(form.latePenaltyPercent) : 0;
  if (!(penalty >= 0 && penalty <= 100)) errors.latePenaltyPercent = 'The penalty is a percentage from 0 to 100.';
  if (form.submissionTypes.length === 0) errors.submissionTypes = 'Allow text, files or both.';
  const takesFiles = form.submissionTypes.includes('file');
  if (takesFiles && form.allowedFileTypes.length === 0) errors.allowedFileTypes = 'Choose at least one file type.';
  const mb = Number(form.maxFileMb);
  if (takesFiles && !(mb > 0 && mb <= MAX_FILE_MB))
    errors.maxFileMb = `The size limit is from 0.01 to ${MAX_FILE_MB} MB.`;
  const dueAt = fromLocalInput(form.dueAt);
  if (form.dueAt && !dueAt) errors.dueAt = 'Enter a valid date and time.';
  const rubric = form.rubric.map((r) => ({ id: r.id, criterion: r.criterion.trim(), points: wholeNumber(r.points) }));
  if (rubric.some((r) => !r.criterion || !(r.points >= 1 && r.points <= 1000))) {
    errors.rubric = 'Each rubric row needs a criterion and whole points from 1 to 1000.';
  } else if (rubric.length > 0 && rubric.reduce((s, r) => s + r.points, 0) > maxPoints) {
    errors.rubric = `The rubric’s points add up to more than the assignment’s ${maxPoints}.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      title,
      instructions: form.instructions,
      dueAt,
      latePolicy: form.latePolicy,
      latePenaltyPercent: penalty,
      maxPoints,
      passingPoints: passing,
      submissionTypes: form.submissionTypes,
      allowedFileTypes: form.allowedFileTypes.length > 0 ? form.allowedFileTypes : [...EMPTY_FORM.allowedFileTypes],
      maxFileBytes: takesFiles ? Math.round(mb * 1024 * 1024) : 20 * 1024 * 1024,
      rubric,
      isRequired: form.isRequired,
      status: form.status,
    },
  };
}

/** A fresh rubric criterion id, unlike the ones taken. */
export function newCriterionId(taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`c${n}`)) n++;
  return `c${n}`;
}
