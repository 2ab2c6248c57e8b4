import { createSignal, For, Show } from 'solid-js';
import type {
  EditorLesson,
  EditorSection,
  LessonMaterial,
  LessonPatch,
  LessonType,
} from '../../../../edge/api-types.ts';
import { fromLocalInput, toLocalInput } from '../admin/dates.ts';
import { CheckboxField, FormNotice, SelectField, TextField } from '../admin/Fields.tsx';
import { formErrors } from '../admin/form-errors.ts';
import { MarkdownField } from './MarkdownField.tsx';
import { MediaPicker } from './MediaPicker.tsx';
import { LESSON_TYPES } from './step-props.ts';
import type { TeachApi } from './teach-api.ts';

const FIELDS = [
  'title',
  'type',
  'durationMinutes',
  'dripDays',
  'dripDate',
  'videoSeconds',
  'completeAtShare',
  'textContent',
  'contentUrl',
] as const;

/** Whole numbers typed into a box: '' is null, anything else must be digits. */
const intOrNull = (text: string): number | null | undefined => {
  const t = text.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : undefined;
};

/** One lesson's settings and content: text (Markdown, with a preview), materials from the media library, drip, video. */
export function LessonEditor(props: {
  lesson: EditorLesson;
  courseId: string;
  teach: TeachApi;
  onSaved: (sections: EditorSection[]) => void;
  onCancel: () => void;
}) {
  const l = props.lesson;
  const base = `lesson-${l.id}`;
  const [title, setTitle] = createSignal(l.title);
  const [type, setType] = createSignal<string>(l.type);
  const [duration, setDuration] = createSignal(String(l.durationMinutes));
  const [published, setPublished] = createSignal(l.status === 'published');
  const [preview, setPreview] = createSignal(l.isPreview);
  const [dripDays, setDripDays] = createSignal(l.dripDays === null ? '' : String(l.dripDays));
  const [dripDate, setDripDate] = createSignal(toLocalInput(l.dripDate));
  const [videoSeconds, setVideoSeconds] = createSignal(l.videoSeconds === null ? '' : String(l.videoSeconds));
  const [share, setShare] = createSignal(String(Math.round(l.completeAtShare * 100)));
  const [text, setText] = createSignal(l.textContent ?? '');
  const [materials, setMaterials] = createSignal<LessonMaterial[]>(
    l.contentUrl.map((m) => ({
      type: (['video', 'pdf', 'slides', 'download', 'link'].includes(m.type)
        ? m.type
        : 'link') as LessonMaterial['type'],
      url: m.url,
      ...(m.name ? { name: m.name } : {}),
    })),
  );
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<{ message: string; fields: Record<string, string> } | null>(null);
  const err = (f: (typeof FIELDS)[number]) => errors()?.fields[f];

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const fields: Record<string, string> = {};
    const minutes = intOrNull(duration());
    if (minutes === undefined || minutes === null || minutes > 1440) fields.durationMinutes = 'Minutes, 0 to 1440.';
    const days = intOrNull(dripDays());
    if (days === undefined || (days !== null && days > 3650)) fields.dripDays = 'Days, 0 to 3650, or empty.';
    const date = fromLocalInput(dripDate());
    if (date === undefined) fields.dripDate = 'A date and time, or empty.';
    const seconds = intOrNull(videoSeconds());
    if (seconds === undefined || (seconds !== null && (seconds < 1 || seconds > 86400))) {
      fields.videoSeconds = 'Seconds, 1 to 86400, or empty.';
    }
    const percent = intOrNull(share());
    if (percent === undefined || percent === null || percent < 10 || percent > 100) {
      fields.completeAtShare = 'A percentage from 10 to 100.';
    }
    if (Object.keys(fields).length) {
      setErrors({ message: 'Some fields need attention.', fields });
      return;
    }
    const patch: LessonPatch = {
      title: title().trim(),
      type: type() as LessonType,
      durationMinutes: minutes!,
      status: published() ? 'published' : 'draft',
      isPreview: preview(),
      dripDays: days!,
      dripDate: date!,
      videoSeconds: seconds!,
      completeAtShare: percent! / 100,
      textContent: text() || null,
      contentUrl: materials(),
    };
    setBusy(true);
    setErrors(null);
    try {
      const res = await props.teach.updateLesson(l.id, patch);
      props.onSaved(res.sections);
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      id={`${base}-editor`}
      class="admin-form lesson-editor"
      onSubmit={save}
      aria-label={`Edit lesson ${l.title}`}
      novalidate
    >
      <FormNotice id={`${base}-notice`} error={errors()?.message ?? null} />
      <TextField
        id={`${base}-title`}
        label="Lesson title"
        value={title()}
        onValue={setTitle}
        maxLength={200}
        error={err('title')}
      />
      <div class="field-row">
        <SelectField
          id={`${base}-type`}
          label="Type"
          value={type()}
          onValue={setType}
          options={LESSON_TYPES}
          error={err('type')}
        />
        <TextField
          id={`${base}-duration`}
          label="Length (minutes)"
          inputMode="numeric"
          value={duration()}
          onValue={setDuration}
          error={err('durationMinutes')}
        />
      </div>
      <CheckboxField
        id={`${base}-published`}
        label="Published (learners see it once the course is live)"
        checked={published()}
        onChecked={setPublished}
      />
      <CheckboxField
        id={`${base}-preview`}
        label="Free preview (anyone can open it from the course page)"
        checked={preview()}
        onChecked={setPreview}
      />
      <div class="field-row">
        <TextField
          id={`${base}-drip-days`}
          label="Unlock after (days from enrollment)"
          inputMode="numeric"
          value={dripDays()}
          onValue={setDripDays}
          hint="Empty: no wait."
          error={err('dripDays')}
        />
        <TextField
          id={`${base}-drip-date`}
          label="Unlock on (date)"
          type="datetime-local"
          value={dripDate()}
          onValue={setDripDate}
          hint="Empty: no date."
          error={err('dripDate')}
        />
      </div>
      <Show when={type() === 'video'}>
        <div class="field-row">
          <TextField
            id={`${base}-video-seconds`}
            label="Video length (seconds)"
            inputMode="numeric"
            value={videoSeconds()}
            onValue={setVideoSeconds}
            hint="Empty: the player measures it."
            error={err('videoSeconds')}
          />
          <TextField
            id={`${base}-share`}
            label="Complete after watching (%)"
            inputMode="numeric"
            value={share()}
            onValue={setShare}
            error={err('completeAtShare')}
          />
        </div>
      </Show>
      <MarkdownField
        id={`${base}-text`}
        label="Lesson text"
        value={text()}
        onValue={setText}
        maxLength={200000}
        rows={10}
        error={err('textContent')}
      />
      <section class="lesson-materials" aria-labelledby={`${base}-materials`}>
        <h4 id={`${base}-materials`}>Materials</h4>
        <Show when={materials().length > 0} fallback={<p class="muted small">No videos, files or links yet.</p>}>
          <ul>
            <For each={materials()}>
              {(m, i) => (
                <li>
                  <span class="status-pill">{m.type}</span> {m.name ?? m.url}{' '}
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    aria-label={`Remove ${m.name ?? m.url}`}
                    onClick={() => setMaterials((list) => list.filter((_, j) => j !== i()))}
                  >
                    Remove
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={err('contentUrl')}>
          <p class="field-error">{err('contentUrl')}</p>
        </Show>
        <MediaPicker
          courseId={props.courseId}
          idPrefix={`${base}-media`}
          onAdd={(m) => setMaterials((list) => [...list, m])}
        />
      </section>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save lesson'}
        </button>
        <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
