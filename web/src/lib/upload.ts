/**
 * File uploads to Supabase Storage with progress: the checks a file must pass before a byte is
 * sent, and the request itself. supabase-js's `storage.from(bucket).upload()` reports no
 * progress, so the bytes go with XMLHttpRequest, in the same request upload() sends for a raw
 * body: `POST <project>/storage/v1/object/<bucket>/<path>` with the file's type, `x-upsert`,
 * `cache-control`, the user's token and the publishable key. The server checks the bucket's
 * size and type limits and its policies again; these checks only spare the user a wait.
 */

export interface UploadRules {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** Accepted MIME types: exact (`image/png`) or a whole family (`image/*`). */
  types: readonly string[];
  /** What the types are, in words, for messages ("PNG, JPEG, WebP or GIF images"). */
  typesLabel: string;
}

/** The `avatars` bucket's limits (supabase/migrations/20261123000600_storage_buckets_and_policies.sql). */
export const AVATAR_RULES: UploadRules = {
  maxBytes: 2 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  typesLabel: 'PNG, JPEG, WebP or GIF images',
};

/** The `course-media` bucket's limits (the same migration): lesson videos, slides as PDF, images. */
export const COURSE_MEDIA_RULES: UploadRules = {
  maxBytes: 2 * 1024 * 1024 * 1024,
  types: ['video/*', 'image/*', 'application/pdf'],
  typesLabel: 'videos, images or PDF files',
};

/** "1.5 MB", "320 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

const typeMatches = (type: string, accepted: string) =>
  accepted.endsWith('/*') ? type.startsWith(accepted.slice(0, -1)) : type === accepted;

/** Why `file` may not be sent, as a sentence for the user; null when it may. */
export function checkFile(file: { name: string; size: number; type: string }, rules: UploadRules): string | null {
  const type = file.type.toLowerCase();
  if (!type || !rules.types.some((t) => typeMatches(type, t))) {
    return `“${file.name}” is not a file type we accept. Choose ${rules.typesLabel}.`;
  }
  if (file.size === 0) return `“${file.name}” is empty. Choose another file.`;
  if (file.size > rules.maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(rules.maxBytes)}. Choose a smaller file.`;
  }
  return null;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/**
 * A fresh object name in `folder` for `type`: `<folder>/<stem>-<time36><random>.<ext>`. New
 * names (not one fixed name) so a browser or CDN never shows the previous file from its cache.
 */
export function objectName(folder: string, stem: string, type: string, now = Date.now(), random = Math.random): string {
  const ext = EXTENSIONS[type.toLowerCase()] ?? 'bin';
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${folder}/${stem}-${now.toString(36)}${suffix}.${ext}`;
}

/** The object's public URL, as supabase-js's `getPublicUrl(path)` builds it. */
export function publicObjectUrl(projectUrl: string, bucket: string, path: string): string {
  return `${projectUrl.replace(/\/+$/, '')}/storage/v1/object/public/${bucket}/${path}`;
}

/** A failed upload, with a message fit to show. `cancelled` when the user stopped it. */
export class UploadError extends Error {
  readonly cancelled: boolean;
  constructor(message: string, cancelled = false) {
    super(message);
    this.name = 'UploadError';
    this.cancelled = cancelled;
  }
}

/** The user's words for what the storage server said (Supabase's error bodies, `statusCode` as a string). */
export function storageErrorMessage(status: number, body: unknown, rules: UploadRules): string {
  const b = (body ?? {}) as { statusCode?: unknown; error?: unknown; message?: unknown };
  const code = String(b.statusCode ?? status);
  const name = typeof b.error === 'string' ? b.error : '';
  if (code === '413' || /too large|maximum allowed size/i.test(String(b.message ?? ''))) {
    return `The file is larger than the limit of ${formatBytes(rules.maxBytes)}. Choose a smaller file.`;
  }
  if (code === '415' || /invalid_mime_type|mime type/i.test(`${name} ${String(b.message ?? '')}`)) {
    return `That file type is not accepted. Choose ${rules.typesLabel}.`;
  }
  if (code === '401') return 'Your session has ended. Sign in again, then retry.';
  if (code === '403') return 'You may not upload there.';
  if (status === 0) return 'Could not reach the server. Check your connection and try again.';
  return 'The upload failed. Please try again.';
}

export interface UploadRequest {
  projectUrl: string;
  anonKey: string;
  token: string;
  bucket: string;
  path: string;
  file: File;
  rules: UploadRules;
  onProgress: (sent: number, total: number) => void;
}

export interface RunningUpload {
  done: Promise<void>;
  cancel(): void;
}

/** Sends `file` to `bucket/path` (replacing what is there), reporting progress; cancel() aborts. */
export function startUpload(req: UploadRequest): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    const url = `${req.projectUrl.replace(/\/+$/, '')}/storage/v1/object/${req.bucket}/${req.path}`;
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${req.token}`);
    xhr.setRequestHeader('apikey', req.anonKey);
    xhr.setRequestHeader('x-upsert', 'true');
    xhr.setRequestHeader('cache-control', 'max-age=3600');
    xhr.setRequestHeader('content-type', req.file.type);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) req.onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        req.onProgress(req.file.size, req.file.size);
        resolve();
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      reject(new UploadError(storageErrorMessage(xhr.status, body, req.rules)));
    };
    xhr.onerror = () => reject(new UploadError(storageErrorMessage(0, null, req.rules)));
    xhr.onabort = () => reject(new UploadError('Upload cancelled.', true));
    xhr.send(req.file);
  });
  return { done, cancel: () => xhr.abort() };
}

/** What uploadSizes sends: the same picture at several widths (lib/image-resize.ts). */
export interface SizedUpload extends Omit<UploadRequest, 'path' | 'file' | 'onProgress'> {
  images: readonly { width: number; blob: Blob }[];
  /** The object names: `${stem}-${width}.${ext}`. */
  stem: string;
  /** The file name each size is sent as: `${fileName}-${width}.${ext}`. */
  fileName: string;
  /** 0..100 over every size together: one progress bar for all. */
  onPercent: (percent: number) => void;
  /** Each size's upload as it starts, for the caller to cancel. */
  onStart: (running: RunningUpload) => void;
  cancelled: () => boolean;
}

/**
 * Uploads each width of a resized picture, one after the other, with one progress over all of them;
 * resolves with the extension used (WebP, or PNG where the browser cannot encode WebP) and the bytes sent.
 */
export async function uploadSizes(req: SizedUpload): Promise<{ ext: 'webp' | 'png'; total: number }> {
  const { images, stem, fileName, onPercent, onStart, cancelled, ...common } = req;
  const type = images[0]?.blob.type === 'image/webp' ? 'image/webp' : 'image/png';
  const ext = type === 'image/webp' ? 'webp' : 'png';
  const total = images.reduce((n, i) => n + i.blob.size, 0);
  let done = 0;
  onPercent(0);
  for (const image of images) {
    if (cancelled()) throw new UploadError('Upload cancelled.', true);
    const running = startUpload({
      ...common,
      path: `${stem}-${image.width}.${ext}`,
      file: new File([image.blob], `${fileName}-${image.width}.${ext}`, { type }),
      onProgress: (sent) => onPercent(total ? ((done + sent) / total) * 100 : 0),
    });
    onStart(running);
    await running.done;
    done += image.blob.size;
  }
  return { ext, total };
}
