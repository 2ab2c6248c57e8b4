import { type Accessor, createSignal } from 'solid-js';
import { errorMessage, NETWORK_ERROR } from './api.ts';

/** What a call may resolve to: a message to show the user, or nothing when it went well. */
// biome-ignore lint/suspicious/noConfusingVoidType: actions that only throw on failure are plain `async () => {}`
type Outcome = string | null | undefined | void;

export interface Action<A extends unknown[]> {
  /** Runs the call: busy while it lasts, the previous error cleared first. */
  run: (...args: A) => Promise<void>;
  busy: Accessor<boolean>;
  error: Accessor<string | null>;
  setError: (message: string | null) => void;
}

/**
 * An async call behind a button: a busy flag while it runs and the error to show. The call
 * resolves to an error message (or nothing); a throw becomes `failure(err)`.
 */
export function createAction<A extends unknown[]>(
  call: (...args: A) => Promise<Outcome>,
  failure: (err: unknown) => string = errorMessage,
): Action<A> {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      const message = await call(...args);
      if (message) setError(message);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, error, setError: (message) => setError(message) };
}

/**
 * A form's submit handler around one async call (the auth pages' Supabase calls, which
 * report failures as results and throw only when the server is out of reach).
 * `check` runs first and may stop the call with a message, e.g. for passwords that differ.
 */
export function createSubmit(call: () => Promise<Outcome>, options: { check?: () => string | null } = {}) {
  const { run, busy, error, setError } = createAction(call, () => NETWORK_ERROR);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (options.check) {
      // Cleared first, so that the same message shows (and is announced) again.
      setError(null);
      const problem = options.check();
      if (problem) {
        setError(problem);
        return;
      }
    }
    await run();
  };

  return { submit, busy, error, setError };
}
