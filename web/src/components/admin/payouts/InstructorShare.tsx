import { createSignal } from 'solid-js';
import type { InstructorEarnings } from '../../../../../edge/api-types.ts';
import type { PayoutsApi } from '../../../lib/payouts-api.ts';
import { createAction } from '../../../lib/submit.ts';
import { SelectField, TextField } from '../Fields.tsx';
import { percent, percentToBps } from './period.ts';

/**
 * One instructor's own platform share (an override of the default), for the instructors in the
 * report; an empty percentage puts them back on the default. Audited by the API.
 */
export function InstructorShare(props: {
  items: readonly InstructorEarnings[];
  calls: PayoutsApi;
  onSaved: (message: string) => void;
}) {
  const instructors = () => {
    const seen = new Map<string, string>();
    for (const r of props.items) seen.set(r.instructorId, r.instructorName);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  };
  const [who, setWho] = createSignal('');
  const [value, setValue] = createSignal('');
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const chosen = () => who() || instructors()[0]?.value || '';
  const action = createAction(async () => {
    const text = value().trim();
    const bps = text === '' ? null : percentToBps(text);
    setFieldError(
      text !== '' && bps === null ? 'Enter a percentage from 0 to 100, or leave it empty for the default.' : undefined,
    );
    if (text !== '' && bps === null) return 'One field needs attention.';
    const saved = await props.calls.setShare({ instructorId: chosen(), shareBps: bps });
    const name = instructors().find((i) => i.value === chosen())?.label ?? 'The instructor';
    setValue('');
    props.onSaved(
      saved.shareBps === null
        ? `${name} is back on the platform's share (${percent(saved.effectiveBps)}).`
        : `${name}'s platform share is now ${percent(saved.effectiveBps)}.`,
    );
  });
  return (
    <form
      class="payouts-share"
      aria-label="An instructor's own share"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action.run();
      }}
    >
      <SelectField
        id="payouts-share-instructor"
        label="Instructor"
        value={chosen()}
        onValue={setWho}
        options={instructors()}
      />
      <TextField
        id="payouts-share-own"
        label="Their platform share (%)"
        hint="Empty: the platform's share."
        inputMode="decimal"
        value={value()}
        onValue={setValue}
        error={fieldError()}
      />
      <button type="submit" class="button button-secondary" disabled={action.busy() || !chosen()}>
        {action.busy() ? 'Saving…' : 'Save their share'}
      </button>
      {action.error() ? (
        <p class="notice notice-error" role="alert">
          {action.error()}
        </p>
      ) : null}
    </form>
  );
}
