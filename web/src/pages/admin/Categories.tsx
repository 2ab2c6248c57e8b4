import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CourseCategory } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ActionNotice, type Notice } from '../../components/admin/Bulk.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import {
  CheckboxField,
  FilterSubmit,
  FormNotice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/admin/Fields.tsx';
import { formErrors } from '../../components/admin/form-errors.ts';
import { useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { type ModerationApi, moderationApi } from '../../lib/moderation-api.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/moderation.css';

/** /admin/courses/categories: the catalog's categories (add, edit, delete or move) and tags (rename, merge). */
export default function AdminCategoriesPage() {
  usePageTitle(() => 'Categories and tags');
  const calls = moderationApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Categories and tags" class="container section admin admin-categories">
        <p class="muted">
          What the catalog offers to browse by. Changes show in the catalog at once and are kept in the{' '}
          <A href="/admin/audit">audit log</A>. <A href="/admin/courses">Back to courses</A>
        </p>
        <nav aria-label="On this page">
          <a href="#categories">Categories</a> · <a href="#tags">Tags</a>
        </nav>
        <Categories calls={calls} />
        <Tags calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);

function Categories(props: { calls: ModerationApi }) {
  const { announce } = useApp();
  const list = useList(() => props.calls.categories());
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const tell = (n: Notice) => {
    setNotice(n);
    announce(n.text);
  };
  const done = (text: string) => {
    tell({ kind: 'success', text });
    setEditing(null);
    list.reload();
  };
  return (
    <section id="categories" aria-labelledby="categories-title" tabindex="-1">
      <h2 id="categories-title">Categories</h2>
      <ActionNotice notice={notice()} />
      <Async data={list.data} fallback={<SkeletonBlock height={8} label="Loading categories…" />} retry={list.reload}>
        {(data) => (
          <>
            <div class="table-scroll" style={{ position: 'relative' }}>
              <table class="data-table categories-table">
                <caption class="sr-only">Categories, in catalog order</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Order</th>
                    <th scope="col">Courses</th>
                    <th scope="col">Shown</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(c) => (
                      <>
                        <tr>
                          <th scope="row">
                            {c.name}
                            <div class="small muted">/{c.slug}</div>
                          </th>
                          <td>{c.position}</td>
                          <td>{c.courseCount}</td>
                          <td>{c.active ? 'Yes' : 'Hidden'}</td>
                          <td class="row-actions">
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              aria-expanded={editing() === c.id ? 'true' : 'false'}
                              onClick={() => setEditing(editing() === c.id ? null : c.id)}
                            >
                              Edit<span class="sr-only"> {c.name}</span>
                            </button>
                            <DeleteCategory
                              category={c}
                              others={data().items.filter((o) => o.id !== c.id)}
                              calls={props.calls}
                              onDone={done}
                              onError={(err) => tell({ kind: 'error', text: errorMessage(err) })}
                            />
                          </td>
                        </tr>
                        <Show when={editing() === c.id}>
                          <tr class="refund-row">
                            <td colSpan={5}>
                              <CategoryForm
                                id={`edit-${c.id}`}
                                category={c}
                                submitLabel="Save"
                                onCancel={() => setEditing(null)}
                                save={async (v) => {
                                  await props.calls.updateCategory(c.id, v);
                                  done(`${v.name} is saved.`);
                                }}
                              />
                            </td>
                          </tr>
                        </Show>
                      </>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <h3>Add a category</h3>
            <CategoryForm
              id="new-category"
              submitLabel="Add category"
              save={async (v) => {
                await props.calls.createCategory(v);
                done(`${v.name} is added.`);
              }}
            />
          </>
        )}
      </Async>
    </section>
  );
}

interface CategoryValues {
  name: string;
  slug: string;
  description: string;
  position: number;
  active: boolean;
}

function CategoryForm(props: {
  id: string;
  category?: CourseCategory;
  submitLabel: string;
  onCancel?: () => void;
  save: (v: CategoryValues) => Promise<void>;
}) {
  const [name, setName] = createSignal(props.category?.name ?? '');
  const [slug, setSlug] = createSignal(props.category?.slug ?? '');
  const [slugTouched, setSlugTouched] = createSignal(Boolean(props.category));
  const [description, setDescription] = createSignal(props.category?.description ?? '');
  const [position, setPosition] = createSignal(String(props.category?.position ?? 0));
  const [active, setActive] = createSignal(props.category?.active ?? true);
  const [error, setError] = createSignal<string | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await props.save({
        name: name().trim(),
        slug: slug().trim(),
        description: description().trim(),
        position: Number.parseInt(position(), 10) || 0,
        active: active(),
      });
      if (!props.category) {
        setName('');
        setSlug('');
        setSlugTouched(false);
        setDescription('');
        setPosition('0');
      }
    } catch (err) {
      const f = formErrors(err, ['name', 'slug', 'description', 'position']);
      setError(f.message);
      setErrors(f.fields);
      document.getElementById(`${props.id}-notice`)?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="admin-form category-form"
      onSubmit={submit}
      aria-label={props.category ? `Edit ${props.category.name}` : 'Add a category'}
    >
      <FormNotice id={`${props.id}-notice`} error={error()} />
      <div class="field-row">
        <TextField
          id={`${props.id}-name`}
          label="Name"
          value={name()}
          required
          maxLength={100}
          error={errors().name}
          onValue={(v) => {
            setName(v);
            if (!slugTouched()) setSlug(slugify(v));
          }}
        />
        <TextField
          id={`${props.id}-slug`}
          label="Slug"
          hint="In the catalog's address: lower-case words and dashes."
          value={slug()}
          required
          maxLength={120}
          error={errors().slug}
          onValue={(v) => {
            setSlug(v);
            setSlugTouched(true);
          }}
        />
        <TextField
          id={`${props.id}-position`}
          label="Order"
          type="number"
          inputMode="numeric"
          value={position()}
          error={errors().position}
          onValue={setPosition}
        />
      </div>
      <TextAreaField
        id={`${props.id}-description`}
        label="Description"
        value={description()}
        maxLength={1000}
        error={errors().description}
        onValue={setDescription}
      />
      <CheckboxField id={`${props.id}-active`} label="Shown in the catalog" checked={active()} onChecked={setActive} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button-ghost" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
      </div>
    </form>
  );
}

function DeleteCategory(props: {
  category: CourseCategory;
  others: CourseCategory[];
  calls: ModerationApi;
  onDone: (text: string) => void;
  onError: (err: unknown) => void;
}) {
  const [moveTo, setMoveTo] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const inUse = () => props.category.courseCount > 0;
  const run = async () => {
    if (inUse() && !moveTo()) {
      props.onError(
        new Error(`Choose where the ${props.category.courseCount} courses of ${props.category.name} go first.`),
      );
      return false;
    }
    setBusy(true);
    try {
      await props.calls.deleteCategory(props.category.id, inUse() ? moveTo() : undefined);
      props.onDone(`${props.category.name} is deleted.`);
      return true;
    } catch (err) {
      props.onError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmButton
      label="Delete"
      what={props.category.name}
      busy={busy()}
      question={
        <Show when={inUse()} fallback={<>{props.category.name} is not used by any course.</>}>
          <SelectField
            id={`move-${props.category.id}`}
            label={`Move its ${props.category.courseCount} courses to`}
            value={moveTo()}
            onValue={setMoveTo}
            options={[
              { value: '', label: 'Choose a category' },
              ...props.others.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </Show>
      }
      onConfirm={run}
    />
  );
}

function Tags(props: { calls: ModerationApi }) {
  const { announce } = useApp();
  const [q, setQ] = createSignal('');
  const [search, setSearch] = createSignal('');
  const list = useList(() => props.calls.tags(search() || undefined));
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [to, setTo] = createSignal('');
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [busy, setBusy] = createSignal(false);
  const rename = async (e: SubmitEvent, from: string) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await props.calls.renameTag(from, to());
      const text = r.merged
        ? `“${r.from}” is merged into “${r.to}” on ${r.courses} courses.`
        : `“${r.from}” is now “${r.to}” on ${r.courses} courses.`;
      setNotice({ kind: 'success', text });
      announce(text);
      setRenaming(null);
      list.reload();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="tags" aria-labelledby="tags-title" tabindex="-1">
      <h2 id="tags-title">Tags</h2>
      <p class="muted">
        Tags instructors gave their courses. Rename one to fix it everywhere; rename it to a tag that exists to merge
        them.
      </p>
      <form
        class="admin-form"
        aria-label="Find tags"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q().trim());
        }}
      >
        <div class="field-row">
          <TextField id="tags-q" type="search" label="Search tags" value={q()} onValue={setQ} maxLength={40} />
          <FilterSubmit secondary />
        </div>
      </form>
      <ActionNotice notice={notice()} />
      <Async data={list.data} fallback={<SkeletonBlock height={8} label="Loading tags…" />} retry={list.reload}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No tag matches.</p>}>
            <ul class="tag-admin-list">
              <For each={data().items}>
                {(t) => (
                  <li>
                    <span class="tag-name">{t.tag}</span>{' '}
                    <span class="small muted">
                      {t.courses} {t.courses === 1 ? 'course' : 'courses'}
                    </span>{' '}
                    <Show
                      when={renaming() === t.tag}
                      fallback={
                        <button
                          type="button"
                          class="button button-small button-ghost"
                          onClick={() => {
                            setRenaming(t.tag);
                            setTo(t.tag);
                          }}
                        >
                          Rename<span class="sr-only"> the tag {t.tag}</span>
                        </button>
                      }
                    >
                      <form class="tag-rename" onSubmit={(e) => rename(e, t.tag)}>
                        <label for="tag-rename-to">New name of “{t.tag}”</label>
                        <input
                          id="tag-rename-to"
                          value={to()}
                          maxLength={40}
                          required
                          onInput={(e) => setTo(e.currentTarget.value)}
                        />
                        <button type="submit" class="button button-small button-primary" disabled={busy()}>
                          Rename
                        </button>
                        <button
                          type="button"
                          class="button button-small button-ghost"
                          onClick={() => setRenaming(null)}
                        >
                          Cancel
                        </button>
                      </form>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </section>
  );
}
