import { createSignal, createUniqueId, onCleanup, Show } from 'solid-js';
import { useApp } from '../../../lib/context.ts';
import { ImageError, resizeToWebp, THUMBNAIL_WIDTHS } from '../../../lib/image-resize.ts';
import { checkFile, formatBytes, type RunningUpload, UploadError, uploadSizes } from '../../../lib/upload.ts';
import { THUMBNAIL_RULES } from '../../ThumbnailUpload.tsx';
import { UploadField, UploadProgress } from '../../UploadField.tsx';
import '../../../styles/upload.css';

/** '<uid>/blog-<stamp>': the object names of a cover, one per width, in the public avatars bucket. */
export function coverStem(userId: string, now = Date.now(), random = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${userId}/blog-${now.toString(36)}${suffix}`;
}

/**
 * A post's cover picture: resized in the browser as the course thumbnails are (lib/image-resize.ts:
 * WebP at 320, 640 and 1280 px, cropped to 16:9), uploaded with one progress bar into the admin's
 * folder of the public avatars bucket (docs/blog.md says why), then `onUploaded(path with '{w}', widths)`.
 */
export function CoverUpload(props: { onUploaded: (path: string, widths: number[]) => void }) {
  const { config, authClient, auth } = useApp();
  const id = createUniqueId();
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [percent, setPercent] = createSignal(0);
  let running: RunningUpload | null = null;
  let cancelled = false;
  let input: HTMLInputElement | undefined;
  onCleanup(() => {
    cancelled = true;
    running?.cancel();
  });

  const send = async (file: File) => {
    setError(null);
    setStatus('');
    cancelled = false;
    const problem = checkFile(file, THUMBNAIL_RULES);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      setBusy(true);
      setStatus(`Resizing “${file.name}”…`);
      const images = await resizeToWebp(file, THUMBNAIL_WIDTHS);
      const { data } = await authClient.getSession();
      const token = data.session?.access_token;
      const userId = auth.state.user?.id;
      if (!token || !userId) throw new UploadError('Your session has ended. Sign in again, then retry.');
      const stem = coverStem(userId);
      setStatus(`Uploading ${images.length} sizes…`);
      const { ext, total } = await uploadSizes({
        projectUrl: config.supabaseUrl,
        anonKey: config.supabaseAnonKey,
        token,
        bucket: 'avatars',
        images,
        stem,
        fileName: 'cover',
        rules: { ...THUMBNAIL_RULES, maxBytes: 2 * 1024 * 1024 },
        onPercent: setPercent,
        onStart: (r) => {
          running = r;
        },
        cancelled: () => cancelled,
      });
      props.onUploaded(
        `${stem}-{w}.${ext}`,
        images.map((i) => i.width),
      );
      setStatus(`Cover uploaded in ${images.length} sizes (${formatBytes(total)}).`);
    } catch (err) {
      if (err instanceof UploadError && err.cancelled) setStatus('Upload cancelled.');
      else {
        setStatus('');
        setError(
          err instanceof UploadError || err instanceof ImageError
            ? err.message
            : 'The cover could not be uploaded. Please try again.',
        );
      }
    } finally {
      running = null;
      setBusy(false);
      if (input) input.value = '';
    }
  };

  return (
    <UploadField
      class="upload thumbnail-upload"
      ids={{ input: `cover-${id}`, hint: `cover-hint-${id}`, error: `cover-error-${id}` }}
      label="Upload a cover picture"
      hint={`${THUMBNAIL_RULES.typesLabel}. Cropped to 16:9; 1280 × 720 pixels or larger looks sharpest.`}
      accept={THUMBNAIL_RULES.types}
      busy={busy()}
      error={error()}
      status={status()}
      ref={(el) => {
        input = el;
      }}
      onFile={(file) => void send(file)}
    >
      <Show when={busy() && percent() > 0}>
        <UploadProgress
          percent={percent()}
          label="Uploading the cover"
          onCancel={() => {
            cancelled = true;
            running?.cancel();
          }}
        />
      </Show>
    </UploadField>
  );
}
