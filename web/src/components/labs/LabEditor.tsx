import { createSignal, For, Show } from 'solid-js';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { LANGUAGE_LABELS, type LabRunResult, labsApi, type TeachLab } from '../../lib/labs-api.ts';
import { createAction } from '../../lib/submit.ts';
import { CheckboxField, FormNotice, SelectField, TextAreaField, TextField } from '../admin/Fields.tsx';
import { ConsoleOutput } from './ConsoleOutput.tsx';
import { EMPTY_LAB_FORM, LAB_LIMITS, type LabForm, type LabFormErrors, toLabForm, toLabInput } from './lab-form.ts';
import { TestResults } from './TestResults.tsx';

/** The lab's numeric limits, one field each. */
const LIMIT_FIELDS = [
  { id: 'lab-time', label: 'Time limit (ms)', key: 'timeLimitMs' },
  { id: 'lab-memory', label: 'Memory limit (MB)', key: 'memoryLimitMb' },
  { id: 'lab-points', label: 'Points', key: 'points' },
] as const;

/** A multi-line code field: monospace, no spell check, Tab left to move focus (a form, not an editor). */
function CodeField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  error?: string;
}) {
  const described = () =>
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="field-hint small muted" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <textarea
        id={props.id}
        class="code-field"
        rows={10}
        spellcheck={false}
        autocomplete="off"
        maxLength={LAB_LIMITS.text}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described()}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

const TESTS_HINT =
  'test(name, fn) and expect(value).toBe / toEqual / toBeCloseTo / toThrow / … (and .not). Each file has its own scope; the learner’s top-level declarations are in scope.';

/**
 * The lab editor for one lab (new when `lab` is null): every field, Save, "Check reference
 * solution" (saves, then runs the reference solution on every test, hidden ones with their
 * messages) and Publish, which the server refuses (409 reference_fails) while the reference
 * solution fails: the page then shows that run.
 */
export function LabEditor(props: {
  courseId: string;
  lab: TeachLab | null;
  labLessons: { id: string; title: string }[];
  onSaved: (lab: TeachLab, message: string) => void;
  onClose: () => void;
}) {
  const { api } = useApp();
  const calls = labsApi(api);
  const [current, setCurrent] = createSignal<TeachLab | null>(props.lab);
  const [form, setForm] = createSignal<LabForm>(props.lab ? toLabForm(props.lab) : { ...EMPTY_LAB_FORM });
  const [errors, setErrors] = createSignal<LabFormErrors>({});
  const [check, setCheck] = createSignal<{ result: LabRunResult; heading: string } | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const set = <K extends keyof LabForm>(key: K, value: LabForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  let heading: HTMLHeadingElement | undefined;
  requestAnimationFrame(() => heading?.focus());

  /** Creates or saves the lab from the form; null when the form is not right (its errors shown). */
  const persist = async (): Promise<TeachLab | null> => {
    const r = toLabInput(form());
    if ('errors' in r) {
      setErrors(r.errors);
      return null;
    }
    setErrors({});
    const lab = current();
    const saved = lab ? await calls.update(lab.id, r.input) : await calls.create(props.courseId, r.input);
    setCurrent(saved);
    setForm(toLabForm(saved));
    return saved;
  };

  const say = (text: string) => setNotice(text);

  const save = createAction(async () => {
    setNotice(null);
    const isNew = current() === null;
    const saved = await persist();
    if (!saved) return 'Check the highlighted fields.';
    const text = isNew ? `Created “${saved.title}” as a draft.` : `Saved “${saved.title}”.`;
    say(text);
    props.onSaved(saved, text);
  });

  const runCheck = createAction(async () => {
    setNotice(null);
    setCheck(null);
    const saved = await persist();
    if (!saved) return 'Check the highlighted fields.';
    props.onSaved(saved, `Saved “${saved.title}”.`);
    const result = await calls.check(saved.id);
    setCheck({ result, heading: 'Reference solution check' });
    say(
      result.status === 'passed'
        ? `The reference solution passes all ${result.tests.length} tests.`
        : `The reference solution does not pass: ${result.tests.filter((t) => t.passed).length} of ${result.tests.length} tests passed.`,
    );
  });

  const publish = createAction(
    async (status: 'published' | 'draft') => {
      setNotice(null);
      const saved = await persist();
      if (!saved) return 'Check the highlighted fields.';
      const changed = await calls.update(saved.id, { status });
      setCurrent(changed);
      if (status === 'published') setCheck(null);
      const text = status === 'published' ? `Published “${changed.title}”.` : `“${changed.title}” is a draft again.`;
      say(text);
      props.onSaved(changed, text);
    },
    (err) => {
      if (isApiError(err, 'reference_fails')) {
        const result = (err as { details?: unknown }).details as LabRunResult | undefined;
        if (result?.tests) setCheck({ result, heading: 'Why it was not published' });
        return 'Not published: the reference solution does not pass every test. Fix the solution or the tests, then try again.';
      }
      return errorMessage(err);
    },
  );

  const error = () => save.error() ?? runCheck.error() ?? publish.error();
  const busy = () => save.busy() || runCheck.busy() || publish.busy();
  const f = form;
  const lessonOptions = () => [
    { value: '', label: 'None (a lab of its own in the Labs tab)' },
    ...props.labLessons.map((l) => ({ value: l.id, label: l.title })),
  ];

  return (
    <section class="lab-editor" aria-labelledby="lab-editor-title">
      <h2 id="lab-editor-title" tabindex="-1" ref={heading}>
        {current() ? `Edit “${current()!.title}”` : 'New lab'}
      </h2>
      <Show when={current()}>
        {(lab) => (
          <p>
            <span class={`status-pill course-status-${lab().status}`}>
              {lab().status === 'published' ? 'Published' : 'Draft'}
            </span>
          </p>
        )}
      </Show>
      <form
        class="admin-form lab-editor-form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <FormNotice id="lab-editor-error" error={error()} />
        <p class="lab-editor-status" role="status">
          {error() ? '' : notice()}
        </p>
        <div class="field-row">
          <TextField
            id="lab-title"
            label="Title"
            value={f().title}
            onValue={(v) => set('title', v)}
            error={errors().title}
            maxLength={200}
            required
          />
          <TextField
            id="lab-slug"
            label="Slug (optional)"
            hint="In the lab's address; made from the title when empty."
            value={f().slug}
            onValue={(v) => set('slug', v)}
            error={errors().slug}
            maxLength={80}
          />
          <SelectField
            id="lab-language"
            label="Language"
            value={f().language}
            onValue={(v) => set('language', v as LabForm['language'])}
            options={(['javascript', 'typescript'] as const).map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
          />
        </div>
        <TextAreaField
          id="lab-instructions"
          label="Instructions (Markdown)"
          hint="Say what to declare (e.g. a function sum(a, b)) and what it must do."
          value={f().instructionsMd}
          onValue={(v) => set('instructionsMd', v)}
          error={errors().instructionsMd}
          maxLength={LAB_LIMITS.text}
        />
        <CodeField
          id="lab-starter"
          label="Starter code"
          hint="What the learner's editor starts with."
          value={f().starterCode}
          onValue={(v) => set('starterCode', v)}
          error={errors().starterCode}
        />
        <CodeField
          id="lab-visible-tests"
          label="Visible tests"
          hint={`Learners see these and run them with Run. ${TESTS_HINT}`}
          value={f().visibleTests}
          onValue={(v) => set('visibleTests', v)}
          error={errors().visibleTests}
        />
        <CodeField
          id="lab-hidden-tests"
          label="Hidden tests"
          hint="Graded on Submit with the visible ones; learners see only which passed, never what they check."
          value={f().hiddenTests}
          onValue={(v) => set('hiddenTests', v)}
          error={errors().hiddenTests}
        />
        <CodeField
          id="lab-reference"
          label="Reference solution"
          hint="Never shown to learners. Publishing needs it to pass every test."
          value={f().referenceSolution}
          onValue={(v) => set('referenceSolution', v)}
          error={errors().referenceSolution}
        />
        <div class="field-row">
          <For each={LIMIT_FIELDS}>
            {(field) => (
              <TextField
                id={field.id}
                label={field.label}
                type="number"
                inputmode="numeric"
                min={String(LAB_LIMITS[field.key].min)}
                max={String(LAB_LIMITS[field.key].max)}
                value={f()[field.key]}
                onValue={(v) => set(field.key, v)}
                error={errors()[field.key]}
              />
            )}
          </For>
        </div>
        <SelectField
          id="lab-lesson"
          label="Lesson"
          hint="A lab lesson of this course shows the lab in the player and completes when it is passed."
          value={f().lessonId}
          onValue={(v) => set('lessonId', v)}
          options={lessonOptions()}
        />
        <CheckboxField
          id="lab-required"
          label="Required to complete the course"
          checked={f().isRequired}
          onChecked={(v) => set('isRequired', v)}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy()}>
            {save.busy() ? 'Saving…' : current() ? 'Save changes' : 'Create lab'}
          </button>
          <button type="button" class="button button-secondary" disabled={busy()} onClick={() => void runCheck.run()}>
            {runCheck.busy() ? 'Checking…' : 'Check reference solution'}
          </button>
          <Show
            when={current()?.status === 'published'}
            fallback={
              <button
                type="button"
                class="button button-secondary"
                disabled={busy()}
                onClick={() => void publish.run('published')}
              >
                {publish.busy() ? 'Publishing…' : 'Publish'}
              </button>
            }
          >
            <button
              type="button"
              class="button button-secondary"
              disabled={busy()}
              onClick={() => void publish.run('draft')}
            >
              {publish.busy() ? 'Saving…' : 'Unpublish'}
            </button>
          </Show>
          <button type="button" class="button button-ghost" onClick={() => props.onClose()}>
            Close
          </button>
        </div>
      </form>
      <Show when={check()}>
        {(c) => (
          <section class="lab-check" aria-labelledby="lab-check-title">
            <h3 id="lab-check-title">{c().heading}</h3>
            <TestResults result={c().result} title="Results of the reference solution" showScore />
            <ConsoleOutput output={c().result.output} id="lab-check" />
          </section>
        )}
      </Show>
    </section>
  );
}
