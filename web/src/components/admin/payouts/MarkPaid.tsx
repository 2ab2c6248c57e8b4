import { createSignal, Show } from 'solid-js';
import type { InstructorEarnings } from '../../../../../edge/api-types.ts';
import type { PayoutsApi } from '../../../lib/payouts-api.ts';
import { createAction } from '../../../lib/submit.ts';
import { TextField } from '../Fields.tsx';
import { formErrors } from '../form-errors.ts';
import { formatAmount } from '../money.ts';

/**
 * "Mark paid" for one instructor and currency of a closed period: a button that opens a small
 * form asking for the transfer's reference, then records the payout (audited by the API).
 */
export function MarkPaid(props: {
  row: InstructorEarnings;
  from: string;
  to: string;
  calls: PayoutsApi;
  onPaid: (message: string) => void;
}) {
  const [open, setOpen] = createSignal(false);
  const [reference, setReference] = createSignal('');
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const key = () => `${props.row.instructorId}-${props.row.currency}`;
  const action = createAction(async () => {
    setFieldError(undefined);
    if (!reference().trim()) {
      setFieldError('Enter the transfer’s reference.');
      return 'One field needs attention.';
    }
    try {
      const p = await props.calls.markPaid({
        instructorId: props.row.instructorId,
        from: props.from,
        to: props.to,
        currency: props.row.currency,
        reference: reference().trim(),
      });
      setOpen(false);
      setReference('');
      props.onPaid(`Recorded ${formatAmount(p.amount, p.currency)} paid to ${props.row.instructorName}.`);
    } catch (err) {
      const e = formErrors(err, ['reference']);
      setFieldError(e.fields.reference);
      return e.message;
    }
  });
  return (
    <Show
      when={open()}
      fallback={
        <button
          type="button"
          class="button button-small"
          aria-label={`Mark ${props.row.instructorName}'s ${props.row.currency} share paid`}
          onClick={() => setOpen(true)}
        >
          Mark paid
        </button>
      }
    >
      <form
        class="payout-mark-paid"
        aria-label={`Payout to ${props.row.instructorName}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void action.run();
        }}
      >
        <TextField
          id={`payout-ref-${key()}`}
          label="Transfer reference"
          maxLength={200}
          value={reference()}
          onValue={setReference}
          error={fieldError()}
          autofocus
        />
        <Show when={action.error()}>
          <p class="notice notice-error" role="alert">
            {action.error()}
          </p>
        </Show>
        <div class="form-actions">
          <button type="submit" class="button button-small" disabled={action.busy()}>
            {action.busy() ? 'Recording…' : `Record ${formatAmount(props.row.due, props.row.currency)} paid`}
          </button>
          <button type="button" class="button button-small button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Show>
  );
}
