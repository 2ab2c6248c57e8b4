import { For, Show } from 'solid-js';
import type { AdminTaxRate, TaxKind, TaxRateInput } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { formatDate } from '../../lib/format.ts';
import { Async } from '../Async.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormNotice, SelectField, TextField } from './Fields.tsx';
import { formErrors } from './form-errors.ts';
import { bpsToPercent, percentToBps } from './money.ts';
import { useDraft, useEditing } from './use-editing.ts';
import { useList } from './use-list.ts';

const KINDS: { value: TaxKind; label: string }[] = [
  { value: 'vat', label: 'VAT' },
  { value: 'gst', label: 'GST' },
  { value: 'sales_tax', label: 'Sales tax' },
];
const kindLabel = (k: TaxKind) => KINDS.find((o) => o.value === k)?.label ?? k;
/** A calendar date (YYYY-MM-DD) for people, without shifting it across time zones. */
const day = (d: string) => formatDate(`${d}T12:00:00Z`);
const nameOf = (t: AdminTaxRate) => `${t.label} (${t.country}${t.region ? ` ${t.region}` : ''})`;

interface Draft {
  country: string;
  region: string;
  kind: TaxKind;
  label: string;
  rate: string;
  effectiveFrom: string;
  effectiveTo: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const empty = (): Draft => ({
  country: '',
  region: '',
  kind: 'vat',
  label: '',
  rate: '',
  effectiveFrom: today(),
  effectiveTo: '',
});
const draftOf = (t: AdminTaxRate): Draft => ({
  country: t.country,
  region: t.region ?? '',
  kind: t.kind,
  label: t.label,
  rate: bpsToPercent(t.rateBps),
  effectiveFrom: t.effectiveFrom,
  effectiveTo: t.effectiveTo ?? '',
});
const FIELDS = ['country', 'region', 'kind', 'label', 'rateBps', 'effectiveFrom', 'effectiveTo'] as const;

/** Tax rates per country and region, with the dates they are in effect. */
export function TaxRatesTab(props: { admin: AdminApi }) {
  const list = useList(() => props.admin.taxRates());
  const rows = useEditing<AdminTaxRate>(list);

  return (
    <section aria-labelledby="tax-heading">
      <h2 id="tax-heading">Tax rates</h2>
      <p class="muted">
        A buyer's region's rate wins over their country's; each applies from its first to its last day.
      </p>
      <ErrorMessage message={rows.rowError()} />
      <Async data={list.data} fallback={<SkeletonBlock height={8} label="Loading tax rates…" />} retry={list.reload}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No tax rates yet.</p>}>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Tax rates</caption>
                <thead>
                  <tr>
                    <th scope="col">Rate</th>
                    <th scope="col">Country</th>
                    <th scope="col">Region</th>
                    <th scope="col">Type</th>
                    <th scope="col">Percent</th>
                    <th scope="col">In effect</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(t) => (
                      <tr>
                        <th scope="row">{t.label}</th>
                        <td>{t.country}</td>
                        <td>{t.region ?? '—'}</td>
                        <td>{kindLabel(t.kind)}</td>
                        <td>{bpsToPercent(t.rateBps)}%</td>
                        <td>
                          {day(t.effectiveFrom)} {t.effectiveTo ? `to ${day(t.effectiveTo)}` : 'onwards'}
                        </td>
                        <td class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            onClick={() => rows.edit(t)}
                          >
                            Edit<span class="sr-only"> {nameOf(t)}</span>
                          </button>
                          <ConfirmButton
                            label="Delete"
                            what={nameOf(t)}
                            onConfirm={() =>
                              rows.act(t, () => props.admin.deleteTaxRate(t.id), `Deleted the tax rate ${nameOf(t)}.`)
                            }
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
      <TaxForm
        admin={props.admin}
        editing={rows.editing()}
        headingRef={rows.headingRef}
        onDone={(t, created) =>
          rows.saved(created ? `Created the tax rate ${nameOf(t)}.` : `Saved the tax rate ${nameOf(t)}.`)
        }
        onCancel={rows.cancel}
      />
    </section>
  );
}

function TaxForm(props: {
  admin: AdminApi;
  editing: AdminTaxRate | null;
  headingRef: (el: HTMLHeadingElement) => void;
  onDone: (t: AdminTaxRate, created: boolean) => void;
  onCancel: () => void;
}) {
  const { draft, setDraft, errors, setErrors, success, setSuccess, busy, setBusy, set, err } = useDraft(
    () => props.editing,
    empty,
    draftOf,
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setErrors(null);
    setSuccess(null);
    const d = draft();
    const rateBps = percentToBps(d.rate);
    if (rateBps === null) {
      setErrors({ message: 'One field needs attention.', fields: { rateBps: 'Enter a percentage from 0 to 100.' } });
      return;
    }
    const body: TaxRateInput = {
      country: d.country.trim().toUpperCase(),
      region: d.region.trim() || null,
      kind: d.kind,
      label: d.label,
      rateBps,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo || null,
    };
    setBusy(true);
    try {
      const current = props.editing;
      const saved = current ? await props.admin.updateTaxRate(current.id, body) : await props.admin.createTaxRate(body);
      setSuccess(current ? `Saved ${nameOf(saved)}.` : `Created ${nameOf(saved)}.`);
      setDraft(empty());
      props.onDone(saved, !current);
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={submit} novalidate aria-labelledby="tax-form-heading">
      <h3 id="tax-form-heading" tabindex="-1" ref={props.headingRef}>
        {props.editing ? `Edit ${nameOf(props.editing)}` : 'New tax rate'}
      </h3>
      <FormNotice id="tax-form-error" error={errors()?.message ?? null} success={success()} />
      <div class="field-row">
        <TextField
          id="tax-country"
          label="Country code"
          value={draft().country}
          onValue={(v) => set('country', v)}
          maxLength={2}
          autocapitalize="characters"
          hint="Two letters, such as DE or US."
          error={err('country')}
        />
        <TextField
          id="tax-region"
          label="Region (optional)"
          value={draft().region}
          onValue={(v) => set('region', v)}
          maxLength={100}
          hint="Such as CA for California; empty for the whole country."
          error={err('region')}
        />
        <SelectField
          id="tax-kind"
          label="Type"
          value={draft().kind}
          onValue={(v) => set('kind', v as TaxKind)}
          options={KINDS}
          error={err('kind')}
        />
      </div>
      <div class="field-row">
        <TextField
          id="tax-label"
          label="Label"
          value={draft().label}
          onValue={(v) => set('label', v)}
          maxLength={120}
          hint="As invoices show it, such as “VAT 19%”."
          error={err('label')}
        />
        <TextField
          id="tax-rate"
          label="Rate (%)"
          inputMode="decimal"
          value={draft().rate}
          onValue={(v) => set('rate', v)}
          error={err('rateBps')}
        />
      </div>
      <div class="field-row">
        <TextField
          id="tax-from"
          label="In effect from"
          type="date"
          value={draft().effectiveFrom}
          onValue={(v) => set('effectiveFrom', v)}
          error={err('effectiveFrom')}
        />
        <TextField
          id="tax-to"
          label="Last day (optional)"
          type="date"
          value={draft().effectiveTo}
          onValue={(v) => set('effectiveTo', v)}
          error={err('effectiveTo')}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.editing ? 'Save tax rate' : 'Create tax rate'}
        </button>
        <Show when={props.editing}>
          <button type="button" class="button button-ghost" onClick={props.onCancel}>
            Cancel editing
          </button>
        </Show>
      </div>
    </form>
  );
}
