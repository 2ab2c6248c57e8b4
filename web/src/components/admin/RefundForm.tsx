import { createSignal, Show } from 'solid-js';
import type { AdminOrder, AdminRefundResult } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { FormNotice, TextAreaField, TextField } from './Fields.tsx';
import { type FormErrors, formErrors } from './form-errors.ts';
import { formatAmount, toMinor } from './money.ts';

/**
 * A refund of one order: all that is left or a part (in the currency's units), with a reason.
 * Asks for confirmation first; the provider refunds, the order shows it, a credit note is issued.
 */
export function RefundForm(props: {
  admin: AdminApi;
  order: AdminOrder;
  onRefunded: (result: AdminRefundResult) => void;
  onCancel: () => void;
}) {
  const id = () => `refund-${props.order.id}`;
  const left = () => props.order.total - props.order.refunded;
  const [full, setFull] = createSignal(true);
  const [amount, setAmount] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [confirming, setConfirming] = createSignal<number | null>(null);
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [busy, setBusy] = createSignal(false);
  let confirmButton: HTMLButtonElement | undefined;
  let refundButton: HTMLButtonElement | undefined;
  const money = (n: number) => formatAmount(n, props.order.currency);
  const err = (f: string) => errors()?.fields[f];

  const review = (e: SubmitEvent) => {
    e.preventDefault();
    setErrors(null);
    const fields: Record<string, string> = {};
    const minor = full() ? left() : toMinor(amount(), props.order.currency);
    if (minor === null || minor <= 0) fields.amount = `Enter an amount such as 10.00, at most ${money(left())}.`;
    else if (minor > left()) fields.amount = `At most ${money(left())} is left to refund.`;
    if (!reason().trim()) fields.reason = 'Say why the order is refunded.';
    if (Object.keys(fields).length) {
      setErrors({ message: 'Some fields need attention.', fields });
      return;
    }
    setConfirming(minor);
    requestAnimationFrame(() => confirmButton?.focus());
  };

  const refund = async () => {
    const minor = confirming();
    if (minor === null) return;
    setBusy(true);
    try {
      const result = await props.admin.refund(props.order.id, {
        amount: full() ? undefined : minor,
        reason: reason().trim(),
      });
      props.onRefunded(result);
    } catch (error) {
      setConfirming(null);
      setErrors(formErrors(error, ['amount', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form refund-form" onSubmit={review} novalidate aria-labelledby={`${id()}-heading`}>
      <h3 id={`${id()}-heading`}>Refund order {props.order.number ?? props.order.id.slice(0, 8)}</h3>
      <p class="small muted">
        Paid {money(props.order.total)}
        {props.order.refunded ? `, refunded ${money(props.order.refunded)} so far` : ''}. A full refund also cancels the
        buyer's access (or the company's unassigned seats).
      </p>
      <FormNotice id={`${id()}-error`} error={errors()?.message ?? null} />
      <fieldset disabled={confirming() !== null}>
        <legend>How much</legend>
        <div class="choice">
          <input
            type="radio"
            id={`${id()}-full`}
            name={`${id()}-how`}
            checked={full()}
            onChange={() => setFull(true)}
          />
          <label for={`${id()}-full`}>Everything left: {money(left())}</label>
        </div>
        <div class="choice">
          <input
            type="radio"
            id={`${id()}-part`}
            name={`${id()}-how`}
            checked={!full()}
            onChange={() => setFull(false)}
          />
          <label for={`${id()}-part`}>Part of it</label>
        </div>
        <Show when={!full()}>
          <TextField
            id={`${id()}-amount`}
            label={`Amount to refund (${props.order.currency})`}
            inputMode="decimal"
            value={amount()}
            onValue={setAmount}
            error={err('amount')}
          />
        </Show>
        <Show when={full() && err('amount')}>
          <p class="field-error">{err('amount')}</p>
        </Show>
        <TextAreaField
          id={`${id()}-reason`}
          label="Reason"
          value={reason()}
          onValue={setReason}
          maxLength={500}
          hint="Shown on the credit note."
          error={err('reason')}
        />
      </fieldset>
      <Show
        when={confirming() !== null}
        fallback={
          <div class="form-actions">
            <button type="submit" class="button button-primary" ref={refundButton}>
              Refund…
            </button>
            <button type="button" class="button button-ghost" onClick={props.onCancel}>
              Close
            </button>
          </div>
        }
      >
        <div class="confirm-box">
          <p id={`${id()}-confirm-text`}>
            Refund {money(confirming()!)} to {props.order.buyer.name}? This cannot be undone.
          </p>
          <div class="form-actions">
            <button type="button" class="button button-danger" ref={confirmButton} disabled={busy()} onClick={refund}>
              {busy() ? 'Refunding…' : `Confirm refund of ${money(confirming()!)}`}
            </button>
            <button
              type="button"
              class="button button-ghost"
              disabled={busy()}
              onClick={() => {
                setConfirming(null);
                requestAnimationFrame(() => refundButton?.focus());
              }}
            >
              Back
            </button>
          </div>
        </div>
      </Show>
    </form>
  );
}
