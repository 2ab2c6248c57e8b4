import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { SubmissionType, TeachAssignment } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { CheckboxField, FormNotice, SelectField, TextAreaField, TextField } from '../../components/admin/Fields.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage } from '../../lib/api.ts';
import {
  type AssignmentForm,
  EMPTY_FORM,
  FILE_TYPE_CHOICES,
  type FormErrors,
  MAX_FILE_MB,
  newCriterionId,
  toForm,
  toInput,
} from '../../lib/assignment-form.ts';
import { assignmentsApi, LATE_POLICY_LABELS } from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/teach.css';
import '../../styles/assignments.css';

/** Assignment setup for one course: the list, and an editor for a new or an existing assignment. */
export default function TeachAssignmentsPage() {
  return (
    <RequireAuth>
      <TeachAssignmentsView />
    </RequireAuth>
  );
}

type Editing = { mode: 'new' } | { mode: 'edit'; assignment: TeachAssignment } | null;

function TeachAssignmentsView() {
  const params = useParams<{ courseId: string }>();
  const { api, announce } = useApp();
  const calls = assignmentsApi(api);
  const [version, setVersion] = createSignal(0);
  const list = createAsync(() => {
    version();
    return settle(calls.teachList(params.courseId));
  });
  const reload = () => setVersion((n) => n + 1);
  const [editing, setEditing] = createSignal<Editing>(null);
  let newButton: HTMLButtonElement | undefined;

  const remove = createAction(async (a: TeachAssignment) => {
    await calls.remove(a.id);
    announce(`Deleted “${a.title}”.`);
    if (editing()?.mode === 'edit') setEditing(null);
    reload();
  });

  return (
    <div class="container section teach teach-assignments">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Assignments</li>
        </ol>
      </nav>
      <Async data={list} fallback={<SkeletonBlock height={10} label="Loading the assignments…" />} retry={reload}>
        {(l) => (
          <>
            <PageTitle text={`Assignments: ${l().course.title}`} />
            <h1>Assignments</h1>
            <p class="muted">
              For <strong>{l().course.title}</strong>. <A href="/teach/grading">Open the grading queue</A>.
            </p>
            <Show when={l().items.length > 0} fallback={<p class="empty-state">This course has no assignments yet.</p>}>
              <div class="table-scroll">
                <table class="data-table">
                  <caption class="sr-only">Assignments of {l().course.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Title</th>
                      <th scope="col">Status</th>
                      <th scope="col">Due</th>
                      <th scope="col">Points</th>
                      <th scope="col">To grade</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={l().items}>
                      {(a) => (
                        <tr>
                          <th scope="row">{a.title}</th>
                          <td>
                            <span class={`status-pill course-status-${a.status}`}>
                              {a.status === 'published' ? 'Published' : 'Draft'}
                            </span>
                          </td>
                          <td>{a.dueAt ? formatDateTime(a.dueAt) : 'None'}</td>
                          <td>{a.maxPoints}</td>
                          <td>
                            {a.ungraded} of {a.submissions}
                          </td>
                          <td class="form-actions">
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              onClick={() => setEditing({ mode: 'edit', assignment: a })}
                            >
                              Edit<span class="sr-only"> {a.title}</span>
                            </button>
                            <ConfirmButton
                              label="Delete"
                              what={a.title}
                              busy={remove.busy()}
                              onConfirm={() => remove.run(a)}
                            />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <ErrorMessage message={remove.error()} />
            <Show
              when={editing()}
              keyed
              fallback={
                <p>
                  <button
                    type="button"
                    class="button button-primary"
                    ref={newButton}
                    onClick={() => setEditing({ mode: 'new' })}
                  >
                    New assignment
                  </button>
                </p>
              }
            >
              {(e) => (
                <AssignmentEditor
                  courseId={l().course.id}
                  editing={e}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) announce(message);
                    reload();
                    requestAnimationFrame(() => newButton?.focus());
                  }}
                />
              )}
            </Show>
          </>
        )}
      </Async>
    </div>
  );
}

function AssignmentEditor(props: {
  courseId: string;
  editing: NonNullable<Editing>;
  onDone: (message: string | null) => void;
}) {
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const initial = props.editing.mode === 'edit' ? toForm(props.editing.assignment) : { ...EMPTY_FORM };
  const [form, setForm] = createSignal<AssignmentForm>(initial);
  const [errors, setErrors] = createSignal<FormErrors>({});
  const [preview, setPreview] = createSignal(false);
  const set = <K extends keyof AssignmentForm>(key: K, value: AssignmentForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  let heading: HTMLHeadingElement | undefined;
  requestAnimationFrame(() => heading?.focus());

  const save = createAction(
    async () => {
      const result = toInput(form());
      if ('errors' in result) {
        setErrors(result.errors);
        return 'Check the highlighted fields.';
      }
      setErrors({});
      if (props.editing.mode === 'edit') {
        const saved = await calls.update(props.editing.assignment.id, result.input);
        props.onDone(`Saved “${saved.title}”.`);
      } else {
        const saved = await calls.create(props.courseId, result.input);
        props.onDone(`Created “${saved.title}”.`);
      }
    },
    (err) => errorMessage(err),
  );

  const f = form;
  return (
    <section class="assignment-editor" aria-labelledby="editor-title">
      <h2 id="editor-title" tabindex="-1" ref={heading}>
        {props.editing.mode === 'edit' ? `Edit “${props.editing.assignment.title}”` : 'New assignment'}
      </h2>
      <form
        class="admin-form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <FormNotice id="editor-error" error={save.error()} />
        <TextField
          id="a-title"
          label="Title"
          value={f().title}
          onValue={(v) => set('title', v)}
          error={errors().title}
          maxLength={200}
          required
        />
        <TextAreaField
          id="a-instructions"
          label="Instructions (Markdown)"
          hint="CommonMark and GitHub tables, task lists and code blocks."
          value={f().instructions}
          onValue={(v) => set('instructions', v)}
          maxLength={50000}
        />
        <p>
          <button
            type="button"
            class="button button-small button-secondary"
            aria-pressed={preview()}
            onClick={() => setPreview((p) => !p)}
          >
            {preview() ? 'Hide preview' : 'Preview instructions'}
          </button>
        </p>
        <Show when={preview()}>
          <section class="assignment-preview" aria-label="Instructions preview">
            <Markdown source={f().instructions || 'Nothing to preview yet.'} headingLevel={3} />
          </section>
        </Show>
        <div class="field-row">
          <TextField
            id="a-due"
            label="Due (optional)"
            type="datetime-local"
            value={f().dueAt}
            onValue={(v) => set('dueAt', v)}
            error={errors().dueAt}
          />
          <SelectField
            id="a-late"
            label="Late work"
            value={f().latePolicy}
            onValue={(v) => set('latePolicy', v as AssignmentForm['latePolicy'])}
            options={(['accept', 'penalty', 'reject'] as const).map((p) => ({
              value: p,
              label: LATE_POLICY_LABELS[p],
            }))}
          />
          <Show when={f().latePolicy === 'penalty'}>
            <TextField
              id="a-penalty"
              label="Late penalty (%)"
              type="number"
              min="0"
              max="100"
              inputmode="numeric"
              value={f().latePenaltyPercent}
              onValue={(v) => set('latePenaltyPercent', v)}
              error={errors().latePenaltyPercent}
            />
          </Show>
        </div>
        <div class="field-row">
          <TextField
            id="a-points"
            label="Points"
            type="number"
            min="1"
            max="1000"
            inputmode="numeric"
            value={f().maxPoints}
            onValue={(v) => set('maxPoints', v)}
            error={errors().maxPoints}
          />
          <TextField
            id="a-passing"
            label="Points to pass (optional)"
            type="number"
            min="0"
            inputmode="numeric"
            value={f().passingPoints}
            onValue={(v) => set('passingPoints', v)}
            error={errors().passingPoints}
          />
        </div>
        <fieldset aria-describedby={errors().submissionTypes ? 'a-types-error' : undefined}>
          <legend>Learners hand in</legend>
          <For
            each={
              [
                { value: 'text', label: 'Text' },
                { value: 'file', label: 'Files' },
              ] as const
            }
          >
            {(t) => (
              <CheckboxField
                id={`a-type-${t.value}`}
                label={t.label}
                checked={f().submissionTypes.includes(t.value)}
                onChecked={(on) => set('submissionTypes', toggle<SubmissionType>(f().submissionTypes, t.value, on))}
              />
            )}
          </For>
          <Show when={errors().submissionTypes}>
            <p class="field-error" id="a-types-error">
              {errors().submissionTypes}
            </p>
          </Show>
        </fieldset>
        <Show when={f().submissionTypes.includes('file')}>
          <fieldset aria-describedby={errors().allowedFileTypes ? 'a-files-error' : undefined}>
            <legend>Accepted file types</legend>
            <div class="choice-grid">
              <For each={FILE_TYPE_CHOICES}>
                {(t) => (
                  <CheckboxField
                    id={`a-ft-${t.value.replace(/\W/g, '-')}`}
                    label={t.label}
                    checked={f().allowedFileTypes.includes(t.value)}
                    onChecked={(on) => set('allowedFileTypes', toggle(f().allowedFileTypes, t.value, on))}
                  />
                )}
              </For>
            </div>
            <Show when={errors().allowedFileTypes}>
              <p class="field-error" id="a-files-error">
                {errors().allowedFileTypes}
              </p>
            </Show>
          </fieldset>
          <TextField
            id="a-size"
            label={`Largest file (MB, up to ${MAX_FILE_MB})`}
            type="number"
            min="0.01"
            max={String(MAX_FILE_MB)}
            step="0.01"
            value={f().maxFileMb}
            onValue={(v) => set('maxFileMb', v)}
            error={errors().maxFileMb}
          />
        </Show>
        <RubricEditor form={f()} set={set} error={errors().rubric} />
        <CheckboxField
          id="a-required"
          label="Required to complete the course"
          checked={f().isRequired}
          onChecked={(v) => set('isRequired', v)}
        />
        <SelectField
          id="a-status"
          label="Status"
          value={f().status}
          onValue={(v) => set('status', v as AssignmentForm['status'])}
          options={[
            { value: 'draft', label: 'Draft (hidden from learners)' },
            { value: 'published', label: 'Published' },
          ]}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={save.busy()}>
            {save.busy() ? 'Saving…' : props.editing.mode === 'edit' ? 'Save changes' : 'Create assignment'}
          </button>
          <button type="button" class="button button-secondary" onClick={() => props.onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function RubricEditor(props: {
  form: AssignmentForm;
  set: <K extends keyof AssignmentForm>(key: K, value: AssignmentForm[K]) => void;
  error?: string;
}) {
  const rows = () => props.form.rubric;
  const total = () => rows().reduce((s, r) => s + (Number(r.points) || 0), 0);
  const update = (id: string, change: Partial<{ criterion: string; points: string }>) =>
    props.set(
      'rubric',
      rows().map((r) => (r.id === id ? { ...r, ...change } : r)),
    );
  return (
    <fieldset class="rubric-rows" aria-describedby={props.error ? 'a-rubric-error' : 'a-rubric-hint'}>
      <legend>Rubric (optional)</legend>
      <p class="field-hint small muted" id="a-rubric-hint">
        With a rubric, a grade is the sum of its marks. Now: {total()} of {props.form.maxPoints || '?'} points.
      </p>
      <For each={rows()}>
        {(r, i) => (
          <div class="field-row">
            <TextField
              id={`a-rubric-${r.id}-criterion`}
              label={`Criterion ${i() + 1}`}
              value={r.criterion}
              onValue={(v) => update(r.id, { criterion: v })}
              maxLength={500}
            />
            <TextField
              id={`a-rubric-${r.id}-points`}
              label={`Points for criterion ${i() + 1}`}
              type="number"
              min="1"
              max="1000"
              inputmode="numeric"
              value={r.points}
              onValue={(v) => update(r.id, { points: v })}
            />
            <div class="field field-button">
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() =>
                  props.set(
                    'rubric',
                    rows().filter((x) => x.id !== r.id),
                  )
                }
              >
                Remove<span class="sr-only"> criterion {i() + 1}</span>
              </button>
            </div>
          </div>
        )}
      </For>
      <Show when={props.error}>
        <p class="field-error" id="a-rubric-error">
          {props.error}
        </p>
      </Show>
      <button
        type="button"
        class="button button-small button-secondary"
        onClick={() =>
          props.set('rubric', [...rows(), { id: newCriterionId(rows().map((r) => r.id)), criterion: '', points: '' }])
        }
      >
        Add a criterion
      </button>
    </fieldset>
  );
}
