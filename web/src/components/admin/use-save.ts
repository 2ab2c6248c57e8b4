import { createSignal } from 'solid-js';
import { isApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { createAction } from '../../lib/submit.ts';
import { fieldErrors } from './form-errors.ts';

/**
 * An admin form's submit: busy and the error from createAction, each refused field's message (a 400's
 * details, by path), and on success the message the call returns, shown and announced.
 */
export function createSave(call: () => Promise<string | undefined>) {
  const { announce } = useApp();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [notice, setNotice] = createSignal<string | null>(null);
  const action = createAction(async () => {
    setNotice(null);
    setErrors({});
    try {
      const done = await call();
      if (done) {
        setNotice(done);
        announce(done);
      }
    } catch (err) {
      if (isApiError(err, 'bad_request')) setErrors(fieldErrors(err.details));
      throw err;
    }
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void action.run();
  };
  return { submit, busy: action.busy, error: action.error, errors, notice };
}
