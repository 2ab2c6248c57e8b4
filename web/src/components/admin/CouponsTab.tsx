import { For, Show } from 'solid-js';
import type { AdminCoupon, CouponInputBody, CouponKind, CouponPatch, CouponScope } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { Async } from '../Async.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { fromLocalInput, toLocalInput } from './dates.ts';
import { CheckboxField, FormNotice, SelectField, TextField } from './Fields.tsx';
import { formErrors } from './form-errors.ts';
import { bpsToPercent, percentToBps, toMinor, toUnits } from './money.ts';
import { useDraft, useEditing } from './use-editing.ts';
import { useChoices, useList } from './use-list.ts';

const discountOf = (c: AdminCoupon) =>
  c.kind === 'percent'
    ? `${bpsToPercent(c.percentBps ?? 0)}% off`
    : `${formatMoney({ amount: c.amountOff ?? 0, currency: c.currency ?? 'USD' })} off`;

const validity = (c: AdminCoupon) => {
  if (!c.startsAt && !c.expiresAt) return 'Always';
  if (!c.expiresAt) return `From ${formatDateTime(c.startsAt!)}`;
  if (!c.startsAt) return `Until ${formatDateTime(c.expiresAt)}`;
  return `${formatDateTime(c.startsAt)} to ${formatDateTime(c.expiresAt)}`;
};

/** Whether buyers may use it now: off, not yet started, ended, or active. */
function state(c: AdminCoupon): string {
  const now = Date.now();
  if (!c.active) return 'Off';
  if (c.startsAt && Date.parse(c.startsAt) > now) return 'Scheduled';
  if (c.expiresAt && Date.parse(c.expiresAt) <= now) return 'Ended';
  if (c.maxRedemptions !== null && c.used >= c.maxRedemptions) return 'Used up';
  return 'Active';
}

interface Draft {
  code: string;
  label: string;
  kind: CouponKind;
  percent: string;
  amount: string;
  currency: string;
  scope: CouponScope;
  courseId: string;
  bundleId: string;
  startsAt: string;
  expiresAt: string;
  maxRedemptions: string;
  perUserLimit: string;
  minSubtotal: string;
  active: boolean;
}

const EMPTY: Draft = {
  code: '',
  label: '',
  kind: 'percent',
  percent: '10',
  amount: '',
  currency: 'USD',
  scope: 'all',
  courseId: '',
  bundleId: '',
  startsAt: '',
  expiresAt: '',
  maxRedemptions: '',
  perUserLimit: '1',
  minSubtotal: '0',
  active: true,
};

const draftOf = (c: AdminCoupon): Draft => ({
  code: c.code,
  label: c.label,
  kind: c.kind,
  percent: c.percentBps === null ? '' : bpsToPercent(c.percentBps),
  amount: c.amountOff === null ? '' : toUnits(c.amountOff, c.currency ?? 'USD'),
  currency: c.currency ?? 'USD',
  scope: c.scope,
  courseId: c.courseId ?? '',
  bundleId: c.bundleId ?? '',
  startsAt: toLocalInput(c.startsAt),
  expiresAt: toLocalInput(c.expiresAt),
  maxRedemptions: c.maxRedemptions === null ? '' : String(c.maxRedemptions),
  perUserLimit: c.perUserLimit === null ? '' : String(c.perUserLimit),
  minSubtotal: toUnits(c.minSubtotal, c.currency ?? 'USD'),
  active: c.active,
});

const FIELDS = [
  'code',
  'label',
  'kind',
  'percentBps',
  'amountOff',
  'currency',
  'scope',
  'courseId',
  'bundleId',
  'startsAt',
  'expiresAt',
  'maxRedemptions',
  'perUserLimit',
  'minSubtotal',
  'active',
] as const;

/** Coupons: the list with their uses, a form to create one, and changes to dates, limits and on/off. */
export function CouponsTab(props: { admin: AdminApi }) {
  const { api } = useApp();
  const list = useList(() => props.admin.coupons());
  const courses = useChoices(() => api.teachingCourses());
  const bundles = useChoices(() => props.admin.bundles());
  const courseOptions = () => (courses() ?? []).map((c) => ({ value: c.id, label: c.title }));
  const bundleOptions = () => (bundles() ?? []).map((b) => ({ value: b.id, label: b.title }));
  const appliesTo = (c: AdminCoupon) =>
    c.scope === 'all'
      ? 'Everything'
      : c.scope === 'course'
        ? `Course: ${courseOptions().find((o) => o.value === c.courseId)?.label ?? 'one course'}`
        : `Bundle: ${bundleOptions().find((o) => o.value === c.bundleId)?.label ?? 'one bundle'}`;

  const rows = useEditing<AdminCoupon>(list);
  const toggle = (c: AdminCoupon) =>
    rows.act(
      c,
      () => props.admin.updateCoupon(c.id, { active: !c.active }),
      `${c.active ? 'Switched off' : 'Switched on'} the coupon ${c.code}.`,
    );

  return (
    <section aria-labelledby="coupons-heading">
      <h2 id="coupons-heading">Coupons</h2>
      <ErrorMessage message={rows.rowError()} />
      <Async data={list.data} fallback={<SkeletonBlock height={8} label="Loading coupons…" />} retry={list.reload}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No coupons yet.</p>}>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Coupons</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Discount</th>
                    <th scope="col">Applies to</th>
                    <th scope="col">Valid</th>
                    <th scope="col">Uses</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(c) => (
                      <tr>
                        <th scope="row">
                          <code>{c.code}</code>
                          <div class="small muted">{c.label}</div>
                        </th>
                        <td>{discountOf(c)}</td>
                        <td>{appliesTo(c)}</td>
                        <td>{validity(c)}</td>
                        <td>
                          {c.maxRedemptions === null ? `${c.used} (no limit)` : `${c.used} of ${c.maxRedemptions}`}
                        </td>
                        <td>
                          <span class={`status-pill ${state(c) === 'Active' ? 'state-on' : 'state-off'}`}>
                            {state(c)}
                          </span>
                        </td>
                        <td class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            onClick={() => rows.edit(c)}
                          >
                            Edit<span class="sr-only"> {c.code}</span>
                          </button>
                          <button type="button" class="button button-small button-ghost" onClick={() => toggle(c)}>
                            {c.active ? 'Switch off' : 'Switch on'}
                            <span class="sr-only"> {c.code}</span>
                          </button>
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
      <CouponForm
        admin={props.admin}
        editing={rows.editing()}
        courses={courseOptions()}
        bundles={bundleOptions()}
        headingRef={rows.headingRef}
        onDone={(c, created) => rows.saved(created ? `Created the coupon ${c.code}.` : `Saved the coupon ${c.code}.`)}
        onCancel={rows.cancel}
      />
    </section>
  );
}

function CouponForm(props: {
  admin: AdminApi;
  editing: AdminCoupon | null;
  courses: { value: string; label: string }[];
  bundles: { value: string; label: string }[];
  headingRef: (el: HTMLHeadingElement) => void;
  onDone: (c: AdminCoupon, created: boolean) => void;
  onCancel: () => void;
}) {
  const { draft, setDraft, errors, setErrors, success, setSuccess, busy, setBusy, set, err } = useDraft(
    () => props.editing,
    () => ({ ...EMPTY }),
    draftOf,
  );
  const editing = () => props.editing !== null;
  /** Minor units of the coupon's currency (fixed) or of USD for a percentage's minimum subtotal. */
  const unitsCurrency = () => (draft().kind === 'fixed' ? draft().currency.trim().toUpperCase() || 'USD' : 'USD');

  /** The body, or the fields the browser can already tell are wrong. */
  const build = (): { body: CouponInputBody } | { fields: Record<string, string> } => {
    const d = draft();
    const fields: Record<string, string> = {};
    const int = (v: string) => (v.trim() === '' ? null : Number(v));
    const percentBps = d.kind === 'percent' ? percentToBps(d.percent) : null;
    if (d.kind === 'percent' && !percentBps) fields.percentBps = 'Enter a percentage above 0, up to 100.';
    const amountOff = d.kind === 'fixed' ? toMinor(d.amount, unitsCurrency()) : null;
    if (d.kind === 'fixed' && !amountOff) fields.amountOff = 'Enter the amount off, such as 5.00.';
    const minSubtotal = toMinor(d.minSubtotal || '0', unitsCurrency());
    if (minSubtotal === null) fields.minSubtotal = 'Enter an amount, such as 50.00, or 0.';
    const startsAt = fromLocalInput(d.startsAt);
    const expiresAt = fromLocalInput(d.expiresAt);
    if (startsAt === undefined) fields.startsAt = 'Enter a date and time.';
    if (expiresAt === undefined) fields.expiresAt = 'Enter a date and time.';
    if (Object.keys(fields).length) return { fields };
    return {
      body: {
        code: d.code,
        label: d.label,
        kind: d.kind,
        percentBps,
        amountOff,
        currency: d.kind === 'fixed' ? d.currency.trim().toUpperCase() : null,
        scope: d.scope,
        courseId: d.scope === 'course' ? d.courseId || null : null,
        bundleId: d.scope === 'bundle' ? d.bundleId || null : null,
        startsAt: startsAt ?? null,
        expiresAt: expiresAt ?? null,
        maxRedemptions: int(d.maxRedemptions),
        perUserLimit: int(d.perUserLimit),
        minSubtotal: minSubtotal ?? 0,
        active: d.active,
      },
    };
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setErrors(null);
    setSuccess(null);
    const built = build();
    if ('fields' in built) {
      setErrors({ message: 'Some fields need attention.', fields: built.fields });
      return;
    }
    const body = built.body;
    setBusy(true);
    try {
      const current = props.editing;
      let saved: AdminCoupon;
      if (current) {
        const patch: CouponPatch = {
          code: body.code,
          label: body.label,
          active: body.active,
          startsAt: body.startsAt,
          expiresAt: body.expiresAt,
          maxRedemptions: body.maxRedemptions,
          perUserLimit: body.perUserLimit,
          minSubtotal: body.minSubtotal,
        };
        saved = await props.admin.updateCoupon(current.id, patch);
      } else {
        saved = await props.admin.createCoupon(body);
      }
      setSuccess(current ? `Saved ${saved.code}.` : `Created ${saved.code}.`);
      setDraft({ ...EMPTY });
      props.onDone(saved, !current);
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={submit} novalidate aria-labelledby="coupon-form-heading">
      <h3 id="coupon-form-heading" tabindex="-1" ref={props.headingRef}>
        {props.editing ? `Edit ${props.editing.code}` : 'New coupon'}
      </h3>
      <FormNotice id="coupon-form-error" error={errors()?.message ?? null} success={success()} />
      <div class="field-row">
        <TextField
          id="coupon-code"
          label="Code"
          value={draft().code}
          onValue={(v) => set('code', v)}
          maxLength={32}
          autocapitalize="characters"
          hint="3 to 32 letters, digits, - or _ (stored in capitals)."
          error={err('code')}
        />
        <TextField
          id="coupon-label"
          label="Label"
          value={draft().label}
          onValue={(v) => set('label', v)}
          maxLength={120}
          hint="What buyers see, such as “Spring sale: 20% off”."
          error={err('label')}
        />
      </div>
      <Show when={editing()}>
        <p class="small muted">
          The discount and what it applies to stay as created; dates, limits and status may change.
        </p>
      </Show>
      <div class="field-row">
        <SelectField
          id="coupon-kind"
          label="Discount type"
          value={draft().kind}
          onValue={(v) => set('kind', v as CouponKind)}
          options={[
            { value: 'percent', label: 'Percentage' },
            { value: 'fixed', label: 'Fixed amount' },
          ]}
          disabled={editing()}
          error={err('kind')}
        />
        <Show
          when={draft().kind === 'percent'}
          fallback={
            <>
              <TextField
                id="coupon-amount"
                label="Amount off"
                inputMode="decimal"
                value={draft().amount}
                onValue={(v) => set('amount', v)}
                disabled={editing()}
                error={err('amountOff')}
              />
              <TextField
                id="coupon-currency"
                label="Currency"
                value={draft().currency}
                onValue={(v) => set('currency', v)}
                maxLength={3}
                disabled={editing()}
                error={err('currency')}
              />
            </>
          }
        >
          <TextField
            id="coupon-percent"
            label="Discount (%)"
            inputMode="decimal"
            value={draft().percent}
            onValue={(v) => set('percent', v)}
            disabled={editing()}
            error={err('percentBps')}
          />
        </Show>
      </div>
      <div class="field-row">
        <SelectField
          id="coupon-scope"
          label="Applies to"
          value={draft().scope}
          onValue={(v) => set('scope', v as CouponScope)}
          options={[
            { value: 'all', label: 'Everything in the order' },
            { value: 'course', label: 'One course' },
            { value: 'bundle', label: 'One bundle' },
          ]}
          disabled={editing()}
          error={err('scope')}
        />
        <Show when={draft().scope === 'course'}>
          <SelectField
            id="coupon-course"
            label="Course"
            value={draft().courseId}
            onValue={(v) => set('courseId', v)}
            options={[{ value: '', label: 'Choose a course' }, ...props.courses]}
            disabled={editing()}
            error={err('courseId')}
          />
        </Show>
        <Show when={draft().scope === 'bundle'}>
          <SelectField
            id="coupon-bundle"
            label="Bundle"
            value={draft().bundleId}
            onValue={(v) => set('bundleId', v)}
            options={[{ value: '', label: 'Choose a bundle' }, ...props.bundles]}
            disabled={editing()}
            error={err('bundleId')}
          />
        </Show>
      </div>
      <div class="field-row">
        <TextField
          id="coupon-starts"
          label="Starts (optional)"
          type="datetime-local"
          value={draft().startsAt}
          onValue={(v) => set('startsAt', v)}
          error={err('startsAt')}
        />
        <TextField
          id="coupon-expires"
          label="Expires (optional)"
          type="datetime-local"
          value={draft().expiresAt}
          onValue={(v) => set('expiresAt', v)}
          error={err('expiresAt')}
        />
      </div>
      <div class="field-row">
        <TextField
          id="coupon-max"
          label="Uses in total (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          value={draft().maxRedemptions}
          onValue={(v) => set('maxRedemptions', v)}
          hint="Empty: no limit."
          error={err('maxRedemptions')}
        />
        <TextField
          id="coupon-per-user"
          label="Uses per buyer (optional)"
          type="number"
          inputMode="numeric"
          min={1}
          value={draft().perUserLimit}
          onValue={(v) => set('perUserLimit', v)}
          hint="Empty: no limit."
          error={err('perUserLimit')}
        />
        <TextField
          id="coupon-min-subtotal"
          label={`Minimum subtotal (${unitsCurrency()})`}
          inputMode="decimal"
          value={draft().minSubtotal}
          onValue={(v) => set('minSubtotal', v)}
          error={err('minSubtotal')}
        />
      </div>
      <CheckboxField
        id="coupon-active"
        label="Active: buyers may use it now"
        checked={draft().active}
        onChecked={(v) => set('active', v)}
        error={err('active')}
      />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.editing ? 'Save coupon' : 'Create coupon'}
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
