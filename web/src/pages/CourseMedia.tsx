import { A, createAsync, useParams } from '@solidjs/router';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { formatDateTime } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { type ResumableUpload, safeFileName, startResumableUpload, uniqueName } from '../lib/resumable.ts';
import { usePageTitle } from '../lib/title.ts';
import { COURSE_MEDIA_RULES, checkFile, formatBytes, UploadError } from '../lib/upload.ts';
import '../styles/teach.css';
import '../styles/upload.css';

const BUCKET = 'course-media';
/** How long the Open links stay valid. */
const LINK_SECONDS = 60 * 60;

/** Where a file lives decides who may read it (supabase/migrations/…_storage_buckets_and_policies.sql). */
const FOLDERS = {
  media: { label: 'Learners of this course', hint: 'for lessons: only learners enrolled in the course can open it' },
  public: { label: 'Everyone', hint: 'for the course page: anyone can open it once the course is published' },
} as const;
type Folder = keyof typeof FOLDERS;

interface MediaFile {
  folder: Folder;
  name: string;
  path: string;
  size: number | null;
  type: string | null;
  createdAt: string | null;
  url: string | null;
}

export default function CourseMediaPage() {
  return (
    <RequireAuth>
      <CourseMediaView />
    </RequireAuth>
  );
}

async function listMedia(supabase: SupabaseClient, courseId: string): Promise<MediaFile[]> {
  const files: MediaFile[] = [];
  for (const folder of Object.keys(FOLDERS) as Folder[]) {
    const { data, error } = await supabase.storage
      .from(BUCKET)
      .list(`${courseId}/${folder}`, { limit: 1000, sortBy: { column: 'created_at', order: 'desc' } });
    if (error) throw error;
    for (const o of data ?? []) {
      // Folders come back with a null id; only files are listed here.
      if (o.id === null) continue;
      const meta = (o.metadata ?? {}) as { size?: number; mimetype?: string };
      files.push({
        folder,
        name: o.name,
        path: `${courseId}/${folder}/${o.name}`,
        size: typeof meta.size === 'number' ? meta.size : null,
        type: typeof meta.mimetype === 'string' ? meta.mimetype : null,
        createdAt: o.created_at ?? null,
        url: null,
      });
    }
  }
  if (files.length > 0) {
    const { data } = await supabase.storage.from(BUCKET).createSignedUrls(
      files.map((f) => f.path),
      LINK_SECONDS,
    );
    const urls = new Map((data ?? []).map((d) => [d.path, d.signedUrl]));
    for (const f of files) f.url = urls.get(f.path) ?? null;
  }
  return files;
}

function CourseMediaView() {
  const params = useParams<{ courseId: string }>();
  const { api, supabase } = useApp();
  const course = createAsync(() => settle(api.teachingCourse(params.courseId)));
  const [version, setVersion] = createSignal(0);
  const media = createAsync(() => {
    version();
    return settle(supabase().then((s) => listMedia(s, params.courseId)));
  });
  const reload = () => setVersion((n) => n + 1);
  usePageTitle(() => {
    const c = course();
    return c?.ok ? `Media library: ${c.value.title}` : 'Media library';
  });

  return (
    <div class="container section teach">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Media library</li>
        </ol>
      </nav>
      <Async data={course} fallback={<SkeletonBlock height={3} label="Loading the course…" />}>
        {(c) => (
          <>
            <h1>Media library</h1>
            <p class="muted">
              Videos, slides and images for <strong>{c().title}</strong>.
            </p>
            <MediaUpload courseId={c().id} taken={() => names(media())} onUploaded={reload} />
            <section aria-labelledby="files-title">
              <h2 id="files-title">Files</h2>
              <Async data={media} fallback={<SkeletonBlock height={8} label="Loading the files…" />} retry={reload}>
                {(files) => <MediaTable files={files()} onRemoved={reload} />}
              </Async>
            </section>
          </>
        )}
      </Async>
    </div>
  );
}

function names(result: { ok: true; value: MediaFile[] } | { ok: false; error: unknown } | undefined) {
  return new Set(result?.ok ? result.value.map((f) => `${f.folder}/${f.name}`) : []);
}

/** Picks a file and sends it resumably, with a progress bar, Pause/Resume and Cancel. */
function MediaUpload(props: { courseId: string; taken: () => Set<string>; onUploaded: () => void }) {
  const { config, authClient } = useApp();
  const id = createUniqueId();
  const [folder, setFolder] = createSignal<Folder>('media');
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [progress, setProgress] = createSignal<{ name: string; sent: number; total: number } | null>(null);
  const [paused, setPaused] = createSignal(false);
  let running: ResumableUpload | null = null;
  let input: HTMLInputElement | undefined;
  onCleanup(() => void running?.pause());

  const token = async () => (await authClient.getSession()).data.session?.access_token ?? null;

  const send = async (file: File) => {
    setError(null);
    setStatus('');
    const problem = checkFile(file, COURSE_MEDIA_RULES);
    if (problem) {
      setError(problem);
      if (input) input.value = '';
      return;
    }
    const taken = new Set(
      [...props.taken()].filter((n) => n.startsWith(`${folder()}/`)).map((n) => n.slice(folder().length + 1)),
    );
    const name = uniqueName(safeFileName(file.name), taken);
    setProgress({ name: file.name, sent: 0, total: file.size });
    setPaused(false);
    running = startResumableUpload({
      projectUrl: config.supabaseUrl,
      anonKey: config.supabaseAnonKey,
      token,
      bucket: BUCKET,
      path: `${props.courseId}/${folder()}/${name}`,
      file,
      rules: COURSE_MEDIA_RULES,
      onProgress: (sent, total) => setProgress({ name: file.name, sent, total }),
    });
    void running.resuming.then((resuming) => {
      if (resuming) setStatus(`Continuing the earlier upload of “${file.name}”.`);
    });
    try {
      await running.done;
      setStatus(`Uploaded “${file.name}”.`);
      props.onUploaded();
    } catch (err) {
      if (err instanceof UploadError && err.cancelled) setStatus('Upload cancelled.');
      else setError(err instanceof Error && err.message ? err.message : 'The upload failed. Please try again.');
    } finally {
      running = null;
      setProgress(null);
      setPaused(false);
      if (input) input.value = '';
    }
  };

  const pause = async () => {
    await running?.pause();
    setPaused(true);
    setStatus('Upload paused. What was sent is kept.');
  };
  const resume = () => {
    running?.resume();
    setPaused(false);
    setStatus('Upload resumed.');
  };

  const percent = () => {
    const p = progress();
    return p && p.total > 0 ? (p.sent / p.total) * 100 : 0;
  };

  return (
    <section aria-labelledby={`add-${id}`} class="media-upload">
      <h2 id={`add-${id}`}>Add a file</h2>
      <fieldset class="media-folder" disabled={progress() !== null}>
        <legend>Who can open it</legend>
        <For each={Object.entries(FOLDERS) as [Folder, (typeof FOLDERS)[Folder]][]}>
          {([key, f]) => (
            <label class="radio">
              <input
                type="radio"
                name={`folder-${id}`}
                value={key}
                checked={folder() === key}
                onChange={() => setFolder(key)}
              />
              <span>
                {f.label} <span class="muted">({f.hint})</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="upload">
        <label for={`file-${id}`}>Choose a video, PDF or image</label>
        <p class="upload-hint muted" id={`hint-${id}`}>
          Videos, images or PDF files, up to {formatBytes(COURSE_MEDIA_RULES.maxBytes)}. Large files go in parts: if the
          connection drops, choose the same file again and it continues where it stopped.
        </p>
        <input
          id={`file-${id}`}
          ref={input}
          type="file"
          class="upload-input"
          accept={COURSE_MEDIA_RULES.types.join(',')}
          aria-describedby={error() ? `hint-${id} error-${id}` : `hint-${id}`}
          aria-invalid={error() ? 'true' : undefined}
          disabled={progress() !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void send(file);
          }}
        />
        <Show when={progress()}>
          {(p) => (
            <div class="upload-progress">
              <ProgressBar value={percent()} label={`Uploading ${p().name}`} />
              <span class="upload-bytes">
                {formatBytes(p().sent)} of {formatBytes(p().total)}
              </span>
              <Show
                when={paused()}
                fallback={
                  <button type="button" class="button button-small button-secondary" onClick={() => void pause()}>
                    Pause
                  </button>
                }
              >
                <button type="button" class="button button-small button-primary" onClick={resume}>
                  Resume
                </button>
              </Show>
              <button type="button" class="button button-small button-ghost" onClick={() => void running?.cancel()}>
                Cancel upload
              </button>
            </div>
          )}
        </Show>
        <ErrorMessage message={error()} id={`error-${id}`} />
        <p class="upload-status" role="status">
          {status()}
        </p>
      </div>
    </section>
  );
}

function MediaTable(props: { files: MediaFile[]; onRemoved: () => void }) {
  return (
    <Show when={props.files.length > 0} fallback={<p class="empty-state">No files yet.</p>}>
      <table class="data-table">
        <caption class="sr-only">Files of this course</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Who can open it</th>
            <th scope="col">Size</th>
            <th scope="col">Type</th>
            <th scope="col">Uploaded</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.files}>{(file) => <MediaRow file={file} onRemoved={props.onRemoved} />}</For>
        </tbody>
      </table>
    </Show>
  );
}

function MediaRow(props: { file: MediaFile; onRemoved: () => void }) {
  const { supabase, announce } = useApp();
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    const { error: failed } = await (await supabase()).storage.from(BUCKET).remove([props.file.path]);
    setBusy(false);
    if (failed) {
      setError('The file could not be deleted. Please try again.');
      return;
    }
    announce(`Deleted “${props.file.name}”.`);
    props.onRemoved();
  };
  return (
    <tr>
      <th scope="row" class="media-name">
        {props.file.name}
      </th>
      <td>{FOLDERS[props.file.folder].label}</td>
      <td>{props.file.size === null ? '—' : formatBytes(props.file.size)}</td>
      <td>{props.file.type ?? '—'}</td>
      <td>{props.file.createdAt ? formatDateTime(props.file.createdAt) : '—'}</td>
      <td class="media-actions">
        <Show when={props.file.url}>
          {(url) => (
            <a href={url()} target="_blank" rel="noopener noreferrer" class="button button-small button-ghost">
              Open<span class="sr-only"> {props.file.name}</span>
            </a>
          )}
        </Show>
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="button button-small button-secondary" onClick={() => setConfirming(true)}>
              Delete<span class="sr-only"> {props.file.name}</span>
            </button>
          }
        >
          <button
            type="button"
            class="button button-small button-danger"
            disabled={busy()}
            onClick={() => void remove()}
          >
            Confirm delete<span class="sr-only"> {props.file.name}</span>
          </button>
          <button type="button" class="button button-small button-ghost" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </Show>
        <ErrorMessage message={error()} />
      </td>
    </tr>
  );
}
