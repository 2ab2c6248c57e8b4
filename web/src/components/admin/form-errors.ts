import { ApiError, errorMessage } from '../../lib/api.ts';

/** A refused form: a message for its top, and one message per field it names. */
export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

/** The field a detail's path is about: "courseIds.1" and "rules.0.minQuantity" are the courses and the tiers. */
const fieldOf = (path: string) => path.split('.')[0] ?? '';

const capitalise = (m: string) => (m ? m[0]!.toUpperCase() + m.slice(1) : m);

/**
 * What the API said, for a form whose fields are `known`: each detail of a 400 or 422 goes beside
 * its field (the first per field); details about fields the form does not show stay in the message.
 */
export function formErrors(err: unknown, known: readonly string[]): FormErrors {
  const details =
    err instanceof ApiError && Array.isArray(err.details)
      ? (err.details as unknown[]).filter(
          (d): d is { path: string; message: string } =>
            !!d &&
            typeof (d as { path?: unknown }).path === 'string' &&
            typeof (d as { message?: unknown }).message === 'string',
        )
      : [];
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const d of details) {
    const field = fieldOf(d.path);
    if (known.includes(field)) fields[field] ??= `${capitalise(d.message)}.`;
    else other.push(`${d.path ? `${d.path}: ` : ''}${d.message}`);
  }
  const named = Object.keys(fields).length;
  const message = named
    ? `${named === 1 ? 'One field needs' : `${named} fields need`} attention.${other.length ? ` ${capitalise(other.join('; '))}.` : ''}`
    : other.length && err instanceof ApiError && err.status === 400
      ? `${capitalise(other.join('; '))}.`
      : errorMessage(err);
  return { message, fields };
}

/**
 * Per-field messages of a refused form (a 400's details: [{path, message}]), by the full path, as
 * the server wrote them: for forms that show the message beside each field as it is.
 */
export function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    if (typeof d?.path === 'string' && typeof d.message === 'string' && !(d.path in out)) out[d.path] = d.message;
  }
  return out;
}
