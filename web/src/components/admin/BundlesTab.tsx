import { For, Index, Show } from 'solid-js';
import type { AdminBundle, BundleInputBody, BundleStatus } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatMoney } from '../../lib/format.ts';
import { Async } from '../Async.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { CheckboxField, FormNotice, SelectField, TextAreaField, TextField } from './Fields.tsx';
import { formErrors } from './form-errors.ts';
import { bpsToPercent, percentToBps } from './money.ts';
import { useDraft, useEditing } from './use-editing.ts';
import { useChoices, useList } from './use-list.ts';

const STATUS: { value: BundleStatus; label: string }[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'published', label: 'Published' },
  { value: 'archived', label: 'Archived' },
];
const statusLabel = (s: BundleStatus) => STATUS.find((o) => o.value === s)?.label ?? s;

interface Draft {
  title: string;
  slug: string;
  description: string;
  imageUrl: string;
  categoryId: string;
  status: BundleStatus;
  courseIds: string[];
  rules: { minQuantity: string; percent: string }[];
}

const EMPTY: Draft = {
  title: '',
  slug: '',
  description: '',
  imageUrl: '',
  categoryId: '',
  status: 'draft',
  courseIds: [],
  rules: [],
};

const draftOf = (b: AdminBundle): Draft => ({
  title: b.title,
  slug: b.slug,
  description: b.description,
  imageUrl: b.imageUrl ?? '',
  categoryId: b.categoryId ?? '',
  status: b.status,
  courseIds: b.courses.map((c) => c.id),
  rules: b.rules.map((r) => ({ minQuantity: String(r.minQuantity), percent: bpsToPercent(r.percentBps) })),
});

const FIELDS = ['title', 'slug', 'description', 'imageUrl', 'categoryId', 'status', 'courseIds', 'rules'] as const;

/** Bundles: the list, and one form to create a bundle or change one (its courses and tiers included). */
export function BundlesTab(props: { admin: AdminApi }) {
  const list = useList(() => props.admin.bundles());
  const rows = useEditing<AdminBundle>(list);

  return (
    <section aria-labelledby="bundles-heading">
      <h2 id="bundles-heading">Bundles</h2>
      <ErrorMessage message={rows.rowError()} />
      <Async data={list.data} fallback={<SkeletonBlock height={8} label="Loading bundles…" />} retry={list.reload}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No bundles yet.</p>}>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Bundles</caption>
                <thead>
                  <tr>
                    <th scope="col">Bundle</th>
                    <th scope="col">Status</th>
                    <th scope="col">Courses</th>
                    <th scope="col">List total</th>
                    <th scope="col">Tiers</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(b) => (
                      <tr>
                        <th scope="row">
                          {b.title}
                          <div class="small muted">{b.slug}</div>
                        </th>
                        <td>
                          <span class={`status-pill bundle-status-${b.status}`}>{statusLabel(b.status)}</span>
                        </td>
                        <td>{b.courses.map((c) => c.title).join(', ')}</td>
                        <td>{formatMoney({ amount: b.listTotal, currency: b.currency })}</td>
                        <td>{b.rulesText ?? '—'}</td>
                        <td class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            onClick={() => rows.edit(b)}
                          >
                            Edit<span class="sr-only"> {b.title}</span>
                          </button>
                          <ConfirmButton
                            label="Delete"
                            what={b.title}
                            onConfirm={() =>
                              rows.act(b, () => props.admin.deleteBundle(b.id), `Deleted the bundle “${b.title}”.`)
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
      <BundleForm
        admin={props.admin}
        editing={rows.editing()}
        headingRef={rows.headingRef}
        onDone={(saved, created) =>
          rows.saved(created ? `Created the bundle “${saved.title}”.` : `Saved the bundle “${saved.title}”.`)
        }
        onCancel={rows.cancel}
      />
    </section>
  );
}

function BundleForm(props: {
  admin: AdminApi;
  editing: AdminBundle | null;
  headingRef: (el: HTMLHeadingElement) => void;
  onDone: (saved: AdminBundle, created: boolean) => void;
  onCancel: () => void;
}) {
  const { api } = useApp();
  const courses = useChoices(() => api.teachingCourses());
  const categories = useChoices(() => props.admin.categories());
  const { draft, setDraft, errors, setErrors, success, setSuccess, busy, setBusy, set, err } = useDraft(
    () => props.editing,
    () => ({ ...EMPTY }),
    draftOf,
  );

  const toggleCourse = (id: string, on: boolean) =>
    set('courseIds', on ? [...draft().courseIds, id] : draft().courseIds.filter((c) => c !== id));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setErrors(null);
    setSuccess(null);
    const d = draft();
    const rules: { minQuantity: number; percentBps: number }[] = [];
    for (const r of d.rules) {
      const bps = percentToBps(r.percent);
      if (bps === null || bps === 0) {
        setErrors({
          message: 'One field needs attention.',
          fields: { rules: 'Enter each tier’s discount as a percentage above 0, up to 100.' },
        });
        return;
      }
      rules.push({ minQuantity: Number(r.minQuantity), percentBps: bps });
    }
    const body: BundleInputBody = {
      title: d.title,
      slug: d.slug.trim(),
      description: d.description,
      imageUrl: d.imageUrl.trim() || null,
      categoryId: d.categoryId || null,
      status: d.status,
      courseIds: d.courseIds,
      rules,
    };
    setBusy(true);
    try {
      const editing = props.editing;
      const saved = editing ? await props.admin.updateBundle(editing.id, body) : await props.admin.createBundle(body);
      setSuccess(editing ? `Saved “${saved.title}”.` : `Created “${saved.title}”.`);
      setDraft({ ...EMPTY });
      props.onDone(saved, !editing);
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={submit} novalidate aria-labelledby="bundle-form-heading">
      <h3 id="bundle-form-heading" tabindex="-1" ref={props.headingRef}>
        {props.editing ? `Edit “${props.editing.title}”` : 'New bundle'}
      </h3>
      <FormNotice id="bundle-form-error" error={errors()?.message ?? null} success={success()} />
      <div class="field-row">
        <TextField
          id="bundle-title"
          label="Title"
          value={draft().title}
          onValue={(v) => set('title', v)}
          maxLength={200}
          error={err('title')}
        />
        <TextField
          id="bundle-slug"
          label="Slug"
          value={draft().slug}
          onValue={(v) => set('slug', v)}
          maxLength={120}
          hint="Lower-case words joined by hyphens, as in the bundle's address."
          error={err('slug')}
        />
      </div>
      <TextAreaField
        id="bundle-description"
        label="Description"
        value={draft().description}
        onValue={(v) => set('description', v)}
        maxLength={5000}
        error={err('description')}
      />
      <div class="field-row">
        <TextField
          id="bundle-image"
          label="Image URL (optional)"
          value={draft().imageUrl}
          onValue={(v) => set('imageUrl', v)}
          error={err('imageUrl')}
        />
        <SelectField
          id="bundle-category"
          label="Category"
          value={draft().categoryId}
          onValue={(v) => set('categoryId', v)}
          options={[
            { value: '', label: 'No category' },
            ...(categories() ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          error={err('categoryId')}
        />
        <SelectField
          id="bundle-status"
          label="Status"
          value={draft().status}
          onValue={(v) => set('status', v as BundleStatus)}
          options={STATUS}
          error={err('status')}
        />
      </div>
      <fieldset class="choices" aria-describedby={err('courseIds') ? 'bundle-courses-error' : undefined}>
        <legend>Courses (two or more, in one currency)</legend>
        <Show when={courses()} fallback={<p class="muted small">Loading courses…</p>}>
          {(items) => (
            <div class="choice-grid">
              <For each={items()}>
                {(course) => (
                  <CheckboxField
                    id={`bundle-course-${course.id}`}
                    label={course.title}
                    checked={draft().courseIds.includes(course.id)}
                    onChecked={(on) => toggleCourse(course.id, on)}
                  />
                )}
              </For>
            </div>
          )}
        </Show>
        <Show when={err('courseIds')}>
          <p class="field-error" id="bundle-courses-error">
            {err('courseIds')}
          </p>
        </Show>
      </fieldset>
      <fieldset aria-describedby={err('rules') ? 'bundle-rules-error' : undefined}>
        <legend>Tiers</legend>
        <p class="small muted">A tier applies when the bundle has at least that many courses; the best one wins.</p>
        <Index each={draft().rules}>
          {(rule, i) => (
            <div class="field-row tier-row">
              <TextField
                id={`bundle-rule-${i}-min`}
                label={`Tier ${i + 1}: from courses`}
                type="number"
                inputMode="numeric"
                min={1}
                value={rule().minQuantity}
                onValue={(v) =>
                  set(
                    'rules',
                    draft().rules.map((r, j) => (j === i ? { ...r, minQuantity: v } : r)),
                  )
                }
              />
              <TextField
                id={`bundle-rule-${i}-percent`}
                label={`Tier ${i + 1}: discount (%)`}
                inputMode="decimal"
                value={rule().percent}
                onValue={(v) =>
                  set(
                    'rules',
                    draft().rules.map((r, j) => (j === i ? { ...r, percent: v } : r)),
                  )
                }
              />
              <button
                type="button"
                class="button button-small button-ghost"
                onClick={() =>
                  set(
                    'rules',
                    draft().rules.filter((_, j) => j !== i),
                  )
                }
              >
                Remove tier {i + 1}
              </button>
            </div>
          )}
        </Index>
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => set('rules', [...draft().rules, { minQuantity: '2', percent: '10' }])}
        >
          Add a tier
        </button>
        <Show when={err('rules')}>
          <p class="field-error" id="bundle-rules-error">
            {err('rules')}
          </p>
        </Show>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : props.editing ? 'Save bundle' : 'Create bundle'}
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
