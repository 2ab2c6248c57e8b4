import { createResource, createSignal, For, Show } from 'solid-js';
import { formatMoney } from '../../lib/format.ts';
import { FormNotice } from '../admin/Fields.tsx';
import { formErrors } from '../admin/form-errors.ts';
import { toMinor, toUnits } from '../admin/money.ts';
import type { StepProps } from './step-props.ts';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'INR', 'JPY'];

/** Step 3: free or a price in a currency; and, once the course is live, the bundles open to instructors. */
export function PricingStep(props: StepProps) {
  const c = () => props.editor.course;
  const [free, setFree] = createSignal(c().priceAmount === 0);
  const [currency, setCurrency] = createSignal(c().priceCurrency);
  const [amount, setAmount] = createSignal(c().priceAmount ? toUnits(c().priceAmount, c().priceCurrency) : '');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    setSaved(null);
    const minor = free() ? 0 : toMinor(amount(), currency());
    if (minor === null || (!free() && minor === 0)) {
      setFieldError('Type a price above zero, such as 49.00, or choose Free.');
      setError('One field needs attention.');
      return;
    }
    setBusy(true);
    try {
      const course = await props.teach.patchCourse(c().id, { priceAmount: minor, priceCurrency: currency() });
      props.onChange({ ...props.editor, course });
      setSaved(
        minor === 0 ? 'Saved: the course is free.' : `Saved: ${formatMoney({ amount: minor, currency: currency() })}.`,
      );
    } catch (err) {
      const f = formErrors(err, ['priceAmount', 'priceCurrency']);
      setError(f.message);
      setFieldError(f.fields.priceAmount ?? f.fields.priceCurrency ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form class="admin-form wizard-form" onSubmit={save} aria-describedby="pricing-notice" novalidate>
        <FormNotice id="pricing-notice" error={error()} success={saved()} />
        <fieldset class="radio-group">
          <legend>Price</legend>
          <div class="choice">
            <input type="radio" id="price-free" name="price-kind" checked={free()} onChange={() => setFree(true)} />
            <label for="price-free">Free</label>
          </div>
          <div class="choice">
            <input type="radio" id="price-paid" name="price-kind" checked={!free()} onChange={() => setFree(false)} />
            <label for="price-paid">Paid</label>
          </div>
        </fieldset>
        <Show when={!free()}>
          <div class="field-row">
            <div class="field">
              <label for="price-amount">Amount</label>
              <input
                id="price-amount"
                inputMode="decimal"
                value={amount()}
                placeholder="49.00"
                aria-invalid={fieldError() ? 'true' : undefined}
                aria-describedby={fieldError() ? 'price-amount-error' : undefined}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
              <Show when={fieldError()}>
                <p class="field-error" id="price-amount-error">
                  {fieldError()}
                </p>
              </Show>
            </div>
            <div class="field">
              <label for="price-currency">Currency</label>
              <select id="price-currency" value={currency()} onChange={(e) => setCurrency(e.currentTarget.value)}>
                <For each={[...new Set([currency(), ...CURRENCIES])]}>
                  {(code) => <option value={code}>{code}</option>}
                </For>
              </select>
            </div>
          </div>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save price'}
        </button>
      </form>
      <BundleTags {...props} />
    </>
  );
}

/** The bundles open to instructors: tick the ones this course belongs in. */
function BundleTags(props: StepProps) {
  const id = () => props.editor.course.id;
  const [bundles, { mutate, refetch }] = createResource(id, (courseId) => props.teach.bundles(courseId));
  const [chosen, setChosen] = createSignal<Set<string> | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const picked = () => chosen() ?? new Set((bundles()?.items ?? []).filter((b) => b.included).map((b) => b.id));
  const live = () => props.editor.course.status === 'published';
  const toggle = (bundleId: string, on: boolean) => {
    const next = new Set(picked());
    if (on) next.add(bundleId);
    else next.delete(bundleId);
    setChosen(next);
  };
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      mutate(await props.teach.setBundles(id(), [...picked()]));
      setChosen(null);
      setSaved('Bundles saved.');
    } catch (err) {
      setError(formErrors(err, []).message);
    }
  };
  return (
    <section class="bundle-tags" aria-labelledby="bundle-tags-heading">
      <h3 id="bundle-tags-heading">Bundles</h3>
      <Show when={!bundles.error} fallback={<FormNotice id="bundles-load" error="Could not load the bundles." />}>
        <Show
          when={(bundles()?.items.length ?? 0) > 0}
          fallback={<p class="muted">No bundles are open to instructors right now.</p>}
        >
          <Show when={!live()}>
            <p class="muted small">Once the course is published you can add it to these bundles.</p>
          </Show>
          <form class="admin-form" onSubmit={save} aria-describedby="bundles-notice">
            <FormNotice id="bundles-notice" error={error()} success={saved()} />
            <fieldset>
              <legend>Sell this course in</legend>
              <For each={bundles()?.items ?? []}>
                {(b) => (
                  <div class="choice">
                    <input
                      type="checkbox"
                      id={`bundle-${b.id}`}
                      checked={picked().has(b.id)}
                      disabled={!live()}
                      onChange={(e) => toggle(b.id, e.currentTarget.checked)}
                    />
                    <label for={`bundle-${b.id}`}>
                      {b.title} <span class="muted small">({b.currency})</span>
                    </label>
                  </div>
                )}
              </For>
            </fieldset>
            <button type="submit" class="button button-secondary" disabled={!live()}>
              Save bundles
            </button>
            <button type="button" class="button button-ghost" onClick={() => void refetch()}>
              Reload
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}
