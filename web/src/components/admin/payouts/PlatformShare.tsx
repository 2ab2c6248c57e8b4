import { createSignal } from 'solid-js';
import type { PayoutsApi } from '../../../lib/payouts-api.ts';
import { createAction } from '../../../lib/submit.ts';
import { TextField } from '../Fields.tsx';
import { percent, percentToBps } from './period.ts';

/** The platform's default share of instructor revenue, in percent (audited by the API). */
export function PlatformShare(props: { bps: number; calls: PayoutsApi; onSaved: (message: string) => void }) {
  const [value, setValue] = createSignal(String(props.bps / 100));
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const action = createAction(async () => {
    const bps = percentToBps(value());
    setFieldError(bps === null ? 'Enter a percentage from 0 to 100, with at most two decimals.' : undefined);
    if (bps === null) return 'One field needs attention.';
    const saved = await props.calls.setShare({ instructorId: null, shareBps: bps });
    props.onSaved(`The platform's share is now ${percent(saved.effectiveBps)}.`);
  });
  return (
    <form
      class="payouts-share"
      aria-label="Platform share"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void action.run();
      }}
    >
      <TextField
        id="payouts-share"
        label="Platform share (%)"
        hint={`Now ${percent(props.bps)} of each instructor's net revenue, unless the instructor has their own.`}
        inputMode="decimal"
        value={value()}
        onValue={setValue}
        error={fieldError()}
      />
      <button type="submit" class="button button-secondary" disabled={action.busy()}>
        {action.busy() ? 'Saving…' : 'Save share'}
      </button>
      {action.error() ? (
        <p class="notice notice-error" role="alert">
          {action.error()}
        </p>
      ) : null}
    </form>
  );
}
