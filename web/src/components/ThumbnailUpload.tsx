import { createSignal, createUniqueId, onCleanup, Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { ImageError, resizeToWebp, THUMBNAIL_WIDTHS, thumbnailStem, thumbnailUrl } from '../lib/image-resize.ts';
import {
  checkFile,
  formatBytes,
  type RunningUpload,
  UploadError,
  type UploadRules,
  uploadSizes,
} from '../lib/upload.ts';
import { UploadField, UploadProgress } from './UploadField.tsx';
import '../styles/upload.css';
import '../styles/thumbnail-upload.css';

/** Pictures we can decode in every browser; the course-media bucket takes any image. */
export const THUMBNAIL_RULES: UploadRules = {
  maxBytes: 20 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  typesLabel: 'PNG, JPEG, WebP or GIF pictures',
};

/**
 * The course thumbnail upload: pick a picture, see it cropped to 16:9, and it is resized in the
 * browser (lib/image-resize.ts: WebP at 320, 640 and 1280 px, none wider than the source) and
 * stored in course-media under the course's public folder, one object per width, with one
 * progress bar for all. Then `onUploaded(url with '{w}', widths)`; the caller saves them on
 * the course (thumbnailUrl, thumbnailWidths), and cards render a srcset from them.
 */
export function ThumbnailUpload(props: { courseId: string; onUploaded: (url: string, widths: number[]) => void }) {
  const { config, authClient } = useApp();
  const id = createUniqueId();
  const inputId = `thumb-${id}`;
  const hintId = `thumb-hint-${id}`;
  const errorId = `thumb-error-${id}`;
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal<'resizing' | 'uploading' | null>(null);
  const [percent, setPercent] = createSignal(0);
  const [preview, setPreview] = createSignal<string | null>(null);
  let running: RunningUpload | null = null;
  let cancelled = false;
  let input: HTMLInputElement | undefined;

  const setPreviewUrl = (url: string | null) => {
    const old = preview();
    if (old) URL.revokeObjectURL(old);
    setPreview(url);
  };
  onCleanup(() => {
    cancelled = true;
    running?.cancel();
    setPreviewUrl(null);
  });

  const send = async (file: File) => {
    setError(null);
    setStatus('');
    cancelled = false;
    const problem = checkFile(file, THUMBNAIL_RULES);
    if (problem) {
      setError(problem);
      if (input) input.value = '';
      return;
    }
    try {
      setBusy('resizing');
      setStatus(`Resizing “${file.name}”…`);
      const images = await resizeToWebp(file, THUMBNAIL_WIDTHS);
      const shown = images.find((i) => i.width === 640) ?? images[images.length - 1]!;
      setPreviewUrl(URL.createObjectURL(shown.blob));

      const { data } = await authClient.getSession();
      const token = data.session?.access_token;
      if (!token) throw new UploadError('Your session has ended. Sign in again, then retry.');

      const stem = thumbnailStem(props.courseId);
      setBusy('uploading');
      setStatus(`Uploading ${images.length} sizes…`);
      const { ext, total } = await uploadSizes({
        projectUrl: config.supabaseUrl,
        anonKey: config.supabaseAnonKey,
        token,
        bucket: 'course-media',
        images,
        stem,
        fileName: 'thumb',
        rules: { ...THUMBNAIL_RULES, types: ['image/*'] },
        onPercent: setPercent,
        onStart: (r) => {
          running = r;
        },
        cancelled: () => cancelled,
      });
      running = null;
      props.onUploaded(
        thumbnailUrl(config.supabaseUrl, stem, ext, globalThis.location?.origin),
        images.map((i) => i.width),
      );
      setStatus(
        `Thumbnail uploaded in ${images.length} ${images.length === 1 ? 'size' : 'sizes'} (${formatBytes(total)}).`,
      );
    } catch (err) {
      if (err instanceof UploadError && err.cancelled) setStatus('Upload cancelled.');
      else {
        setStatus('');
        setError(
          err instanceof UploadError || err instanceof ImageError
            ? err.message
            : 'The thumbnail could not be uploaded. Please try again.',
        );
      }
    } finally {
      running = null;
      setBusy(null);
      if (input) input.value = '';
    }
  };

  return (
    <UploadField
      class="upload thumbnail-upload"
      ids={{ input: inputId, hint: hintId, error: errorId }}
      label="Upload a thumbnail"
      hint={`${THUMBNAIL_RULES.typesLabel}, up to ${formatBytes(THUMBNAIL_RULES.maxBytes)}. Cropped to 16:9; 1280 × 720 pixels or larger looks sharpest.`}
      accept={THUMBNAIL_RULES.types}
      busy={busy() !== null}
      error={error()}
      status={status()}
      ref={(el) => {
        input = el;
      }}
      onFile={(file) => void send(file)}
    >
      <Show when={preview()}>
        {(src) => (
          <img class="thumbnail-preview" src={src()} alt="Preview of the new thumbnail" width="320" height="180" />
        )}
      </Show>
      <Show when={busy() === 'uploading'}>
        <UploadProgress
          percent={percent()}
          label="Uploading the thumbnail"
          onCancel={() => {
            cancelled = true;
            running?.cancel();
          }}
        />
      </Show>
    </UploadField>
  );
}
