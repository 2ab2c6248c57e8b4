import { createSignal, For, Show } from 'solid-js';
import type { AdminPricingRule } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { useApp } from '../../lib/context.ts';
import { Async } from '../Async.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormNotice, SelectField, TextField } from './Fields.tsx';
import { type FormErrors, formErrors } from './form-errors.ts';
import { percentToBps } from './money.ts';
import { useList } from './use-list.ts';

const SCOPES = [
  { value: 'cart', label: 'Cart: courses in one order' },
  { value: 'seats', label: 'Seats: corporate purchases' },
] as const;

const appliesTo = (r: AdminPricingRule) =>
  r.scope === 'bundle' ? `Bundle: ${r.bundleTitle ?? 'unknown'}` : r.scope === 'cart' ? 'Cart' : 'Seats';

/** Cart and seat tiers; a bundle's own tiers are listed too (they are edited with the bundle). */
export function PricingRulesTab(props: { admin: AdminApi }) {
  const { announce } = useApp();
  const list = useList(() => props.admin.pricingRules());
  const [rowError, setRowError] = createSignal<string | null>(null);
  const [busyId, setBusyId] = createSignal<string | null>(null);

  const act = async (rule: AdminPricingRule, what: 'toggle' | 'delete') => {
    setRowError(null);
    setBusyId(rule.id);
    try {
      if (what === 'delete') {
        await props.admin.deletePricingRule(rule.id);
        announce(`Deleted the rule “${rule.label}”.`);
      } else {
        await props.admin.updatePricingRule(rule.id, { active: !rule.active });
        announce(`${rule.active ? 'Switched off' : 'Switched on'} the rule “${rule.label}”.`);
      }
      list.reload();
    } catch (err) {
      setRowError(formErrors(err, []).message);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Pricing rules</h2>
      <p class="muted">Per priced line only the best rule applies: rules never stack.</p>
      <ErrorMessage message={rowError()} />
      <Async data={list.data} fallback={<SkeletonBlock height={6} label="Loading rules…" />} retry={list.reload}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No pricing rules yet.</p>}>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Pricing rules</caption>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Applies to</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(rule) => (
                      <tr>
                        <th scope="row">{rule.label}</th>
                        <td>{appliesTo(rule)}</td>
                        <td>
                          <span class={`status-pill ${rule.active ? 'state-on' : 'state-off'}`}>
                            {rule.active ? 'Active' : 'Off'}
                          </span>
                        </td>
                        <td class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            disabled={busyId() === rule.id}
                            onClick={() => act(rule, 'toggle')}
                          >
                            {rule.active ? 'Switch off' : 'Switch on'}
                            <span class="sr-only"> {rule.label}</span>
                          </button>
                          <ConfirmButton
                            label="Delete"
                            what={`${rule.label} (${appliesTo(rule)})`}
                            busy={busyId() === rule.id}
                            onConfirm={() => act(rule, 'delete')}
                          />
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Async>
      <RuleForm
        admin={props.admin}
        onCreated={(rule) => {
          announce(`Created the rule “${rule.label}”.`);
          list.reload();
        }}
      />
    </section>
  );
}

function RuleForm(props: { admin: AdminApi; onCreated: (rule: AdminPricingRule) => void }) {
  const [scope, setScope] = createSignal<'cart' | 'seats'>('cart');
  const [minQuantity, setMinQuantity] = createSignal('2');
  const [percent, setPercent] = createSignal('10');
  const [errors, setErrors] = createSignal<FormErrors | null>(null);
  const [success, setSuccess] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const err = (f: string) => errors()?.fields[f];

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setErrors(null);
    setSuccess(null);
    const bps = percentToBps(percent());
    if (bps === null || bps === 0) {
      setErrors({
        message: 'One field needs attention.',
        fields: { percentBps: 'Enter a percentage above 0, up to 100.' },
      });
      return;
    }
    setBusy(true);
    try {
      const rule = await props.admin.createPricingRule({
        scope: scope(),
        bundleId: null,
        minQuantity: Number(minQuantity()),
        percentBps: bps,
        active: true,
      });
      setSuccess(`Created “${rule.label}”.`);
      props.onCreated(rule);
    } catch (error) {
      setErrors(formErrors(error, ['scope', 'minQuantity', 'percentBps']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={submit} novalidate aria-labelledby="rule-form-heading">
      <h3 id="rule-form-heading">New rule</h3>
      <FormNotice id="rule-form-error" error={errors()?.message ?? null} success={success()} />
      <div class="field-row">
        <SelectField
          id="rule-scope"
          label="Applies to"
          value={scope()}
          onValue={(v) => setScope(v as 'cart' | 'seats')}
          options={SCOPES}
          error={err('scope')}
        />
        <TextField
          id="rule-min"
          label={scope() === 'seats' ? 'From seats' : 'From courses in the cart'}
          type="number"
          inputMode="numeric"
          min={1}
          value={minQuantity()}
          onValue={setMinQuantity}
          error={err('minQuantity')}
        />
        <TextField
          id="rule-percent"
          label="Discount (%)"
          inputMode="decimal"
          value={percent()}
          onValue={setPercent}
          error={err('percentBps')}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Creating…' : 'Create rule'}
        </button>
      </div>
    </form>
  );
}
