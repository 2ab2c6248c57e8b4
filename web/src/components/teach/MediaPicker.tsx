import { createResource, createSignal, For, Show } from 'solid-js';
import type { LessonMaterial } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';

const BUCKET = 'course-media';
type MaterialType = LessonMaterial['type'];
const TYPES: { value: MaterialType; label: string }[] = [
  { value: 'video', label: 'Video' },
  { value: 'pdf', label: 'PDF' },
  { value: 'slides', label: 'Slides' },
  { value: 'download', label: 'Download' },
  { value: 'link', label: 'Link' },
];

/** A guess at what a file is, from its name. */
export function materialTypeOf(name: string): MaterialType {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['mp4', 'webm', 'mov', 'm4v', 'ogv'].includes(ext)) return 'video';
  if (ext === 'pdf') return 'pdf';
  if (['ppt', 'pptx', 'key', 'odp'].includes(ext)) return 'slides';
  return 'download';
}

/**
 * Adds a lesson material: a file of the course's media library (learners-only folder), or a web
 * address. Library files are stored as `course-media:<courseId>/media/<file>`.
 */
export function MediaPicker(props: { courseId: string; idPrefix: string; onAdd: (m: LessonMaterial) => void }) {
  const { supabase } = useApp();
  const [files] = createResource(
    () => props.courseId,
    async (courseId) => {
      const s = await supabase();
      const { data, error } = await s.storage.from(BUCKET).list(`${courseId}/media`, { limit: 1000 });
      if (error) throw error;
      return (data ?? []).filter((o) => o.id !== null).map((o) => o.name);
    },
  );
  const [file, setFile] = createSignal('');
  const [url, setUrl] = createSignal('');
  const [type, setType] = createSignal<MaterialType>('video');
  const id = (what: string) => `${props.idPrefix}-${what}`;

  const addFile = () => {
    const name = file();
    if (!name) return;
    props.onAdd({ type: type(), url: `course-media:${props.courseId}/media/${name}`, name });
    setFile('');
  };
  const addUrl = () => {
    const u = url().trim();
    if (!/^https?:\/\//i.test(u)) return;
    props.onAdd({ type: type(), url: u });
    setUrl('');
  };

  return (
    <fieldset class="media-picker">
      <legend>Add material</legend>
      <div class="field">
        <label for={id('type')}>Kind</label>
        <select id={id('type')} value={type()} onChange={(e) => setType(e.currentTarget.value as MaterialType)}>
          <For each={TYPES}>{(t) => <option value={t.value}>{t.label}</option>}</For>
        </select>
      </div>
      <div class="inline-form">
        <div class="field">
          <label for={id('file')}>From the media library</label>
          <select
            id={id('file')}
            value={file()}
            disabled={!files() || files()!.length === 0}
            onChange={(e) => {
              setFile(e.currentTarget.value);
              if (e.currentTarget.value) setType(materialTypeOf(e.currentTarget.value));
            }}
          >
            <option value="">
              {files.loading ? 'Loading files…' : files.error ? 'Could not list the files' : 'Choose a file'}
            </option>
            <For each={files() ?? []}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </div>
        <button type="button" class="button button-small button-secondary" disabled={!file()} onClick={addFile}>
          Add file
        </button>
      </div>
      <Show when={files() && files()!.length === 0}>
        <p class="small muted">
          The library has no files for learners yet:{' '}
          <a href={`/teach/courses/${props.courseId}/media`}>upload them in the media library</a>.
        </p>
      </Show>
      <div class="inline-form">
        <div class="field">
          <label for={id('url')}>Or a web address</label>
          <input
            id={id('url')}
            type="url"
            value={url()}
            placeholder="https://"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </div>
        <button
          type="button"
          class="button button-small button-secondary"
          disabled={!/^https?:\/\//i.test(url().trim())}
          onClick={addUrl}
        >
          Add address
        </button>
      </div>
    </fieldset>
  );
}
