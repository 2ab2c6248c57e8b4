import { createSignal, Show } from 'solid-js';
import type { CoursePatch, Difficulty } from '../../../../edge/api-types.ts';
import { FormNotice, SelectField, TextAreaField, TextField } from '../admin/Fields.tsx';
import { formErrors } from '../admin/form-errors.ts';
import { MarkdownField } from './MarkdownField.tsx';
import { lines, type StepProps, tagList } from './step-props.ts';
import { ThumbnailField } from './ThumbnailField.tsx';

const DIFFICULTIES: { value: Difficulty; label: string }[] = [
  { value: 'beginner', label: 'Beginner' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'advanced', label: 'Advanced' },
];

const FIELDS = [
  'title',
  'subtitle',
  'description',
  'outcomes',
  'prerequisites',
  'tags',
  'categoryId',
  'difficulty',
  'language',
  'thumbnailUrl',
] as const;

/** Step 1: title, subtitle, description (Markdown), outcomes, prerequisites, tags, category, level, language, thumbnail. */
export function BasicsStep(props: StepProps) {
  const c = () => props.editor.course;
  const [title, setTitle] = createSignal(c().title);
  const [subtitle, setSubtitle] = createSignal(c().subtitle);
  const [description, setDescription] = createSignal(c().description);
  const [outcomes, setOutcomes] = createSignal(c().outcomes.join('\n'));
  const [prerequisites, setPrerequisites] = createSignal(c().prerequisites.join('\n'));
  const [tags, setTags] = createSignal(c().tags.join(', '));
  const [category, setCategory] = createSignal(c().categoryId ?? '');
  const [difficulty, setDifficulty] = createSignal<string>(c().difficulty);
  const [language, setLanguage] = createSignal(c().language);
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<{ message: string; fields: Record<string, string> } | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const err = (f: (typeof FIELDS)[number]) => errors()?.fields[f];

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(null);
    setSaved(null);
    const patch: CoursePatch = {
      title: title().trim(),
      subtitle: subtitle().trim(),
      description: description(),
      outcomes: lines(outcomes()),
      prerequisites: lines(prerequisites()),
      tags: tagList(tags()),
      categoryId: category() || null,
      difficulty: difficulty() as Difficulty,
      language: language().trim(),
    };
    try {
      const course = await props.teach.patchCourse(c().id, patch);
      props.onChange({ ...props.editor, course });
      setSaved('Saved.');
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const thumbnailSaved = async (url: string, widths: number[]) => {
    setErrors(null);
    try {
      const course = await props.teach.patchCourse(c().id, { thumbnailUrl: url, thumbnailWidths: widths });
      props.onChange({ ...props.editor, course });
      setSaved('Thumbnail saved.');
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    }
  };

  return (
    <form class="admin-form wizard-form" onSubmit={save} aria-describedby="basics-notice" novalidate>
      <FormNotice id="basics-notice" error={errors()?.message ?? null} success={saved()} />
      <TextField
        id="course-title"
        label="Title"
        value={title()}
        onValue={setTitle}
        maxLength={200}
        required
        error={err('title')}
      />
      <TextField
        id="course-subtitle"
        label="Subtitle"
        value={subtitle()}
        onValue={setSubtitle}
        maxLength={300}
        hint="One line under the title on the course page."
        error={err('subtitle')}
      />
      <MarkdownField
        id="course-description"
        label="Description"
        value={description()}
        onValue={setDescription}
        maxLength={20000}
        rows={10}
        hint="What the course is about and who it is for."
        error={err('description')}
      />
      <TextAreaField
        id="course-outcomes"
        label="What learners will be able to do"
        value={outcomes()}
        onValue={setOutcomes}
        hint="One outcome per line."
        error={err('outcomes')}
      />
      <TextAreaField
        id="course-prerequisites"
        label="Prerequisites"
        value={prerequisites()}
        onValue={setPrerequisites}
        hint="One per line; leave empty when there are none."
        error={err('prerequisites')}
      />
      <TextField
        id="course-tags"
        label="Tags"
        value={tags()}
        onValue={setTags}
        hint="Separated by commas, for example: html, css, accessibility."
        error={err('tags')}
      />
      <div class="field-row">
        <SelectField
          id="course-category"
          label="Category"
          value={category()}
          onValue={setCategory}
          options={[
            { value: '', label: 'No category' },
            ...props.editor.categories.map((cat) => ({ value: cat.id, label: cat.name })),
          ]}
          error={err('categoryId')}
        />
        <SelectField
          id="course-difficulty"
          label="Level"
          value={difficulty()}
          onValue={setDifficulty}
          options={DIFFICULTIES}
          error={err('difficulty')}
        />
        <TextField
          id="course-language"
          label="Language code"
          value={language()}
          onValue={setLanguage}
          maxLength={5}
          hint="en, fr, pt-BR…"
          error={err('language')}
        />
      </div>
      <ThumbnailField
        courseId={c().id}
        url={c().thumbnailUrl}
        widths={c().thumbnailWidths}
        published={c().status === 'published'}
        onUploaded={thumbnailSaved}
      />
      <Show when={err('thumbnailUrl')}>
        <p class="field-error">{err('thumbnailUrl')}</p>
      </Show>
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Saving…' : 'Save basic info'}
      </button>
    </form>
  );
}
