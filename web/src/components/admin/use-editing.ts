import { createEffect, createSignal, on } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { type FormErrors, formErrors } from './form-errors.ts';

/**
 * A tab's list and its one create/edit form: which row the form edits (Edit moves focus to the
 * form's heading), row actions whose refusal shows above the table, and what happens once a
 * change is done (announced, the form back to "new", the list read again).
 */
export function useEditing<T extends { id: string }>(list: { reload: () => void }) {
  const { announce } = useApp();
  const [editing, setEditing] = createSignal<T | null>(null);
  const [rowError, setRowError] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;
  return {
    editing,
    rowError,
    headingRef: (el: HTMLHeadingElement) => {
      heading = el;
    },
    edit(row: T) {
      setEditing(() => row);
      requestAnimationFrame(() => heading?.focus());
    },
    cancel: () => setEditing(null),
    /** Runs a row action (delete, switch on/off) on `row`, then says `done`. */
    async act(row: T, run: () => Promise<unknown>, done: string) {
      setRowError(null);
      try {
        await run();
        announce(done);
        if (editing()?.id === row.id) setEditing(null);
        list.reload();
      } catch (err) {
        setRowError(formErrors(err, []).message);
      }
    },
    /** The form saved: says `done`, starts the form over and reads the list again. */
    saved(done: string) {
      announce(done);
      setEditing(null);
      list.reload();
    },
  };
}

/**
 * A form's state: the draft (started over from the row being edited, or empty), the refusal
 * shown beside its fields, the success line and whether a save is on its way.
 */
export function useDraft<D extends object, T>(editing: () => T | null, empty: () => D, draftOf: (row: T) => D) {
  const [draft, setDraft] = createSignal<D>(empty());
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [success, setSuccess] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  createEffect(
    on(editing, (row) => {
      setDraft(() => (row ? draftOf(row) : empty()));
      setErrors(null);
    }),
  );
  return {
    draft,
    setDraft: (next: D) => setDraft(() => next),
    errors,
    setErrors,
    success,
    setSuccess,
    busy,
    setBusy,
    set: <K extends keyof D>(key: K, value: D[K]) => setDraft(() => ({ ...draft(), [key]: value })),
    err: (field: string) => errors()?.fields[field],
  };
}
