/**
 * `<input type="datetime-local">` speaks local wall-clock time ("2026-06-01T09:30"); the API speaks
 * ISO instants. These convert between the two in the browser's time zone.
 */

/** An ISO instant as a datetime-local value, or "" for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO instant: null for "", undefined when it is not a date. */
export function fromLocalInput(value: string): string | null | undefined {
  if (!value.trim()) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
