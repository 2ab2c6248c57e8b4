/**
 * Resumable uploads (TUS) for large files such as course videos, the way Supabase documents them:
 * tus-js-client against `<project>/storage/v1/upload/resumable`, 6 MB chunks, the metadata
 * bucketName / objectName / contentType / cacheControl, the user's token and the publishable key.
 * The token is read again before every request, so an upload that outlives an access token goes
 * on with the refreshed one. tus-js-client remembers each unfinished upload (by the file's name,
 * type, size and date) in localStorage: picking the same file again, after a pause, a lost
 * connection or a reload, continues where the server stopped instead of starting over.
 *
 * This module is loaded only by the pages that upload this way (tus-js-client stays out of the
 * entry bundle).
 */
import { DetailedError, Upload } from 'tus-js-client';
import { storageErrorMessage, UploadError, type UploadRules } from './upload.ts';

/** Supabase's resumable endpoint takes chunks of exactly 6 MB (the last one smaller). */
export const TUS_CHUNK_BYTES = 6 * 1024 * 1024;

/** Waits before each retry of a failed chunk request; after the last, the upload fails. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];

export interface ResumableRequest {
  projectUrl: string;
  anonKey: string;
  /** The current access token (null once signed out: the upload then fails with a sentence). */
  token: () => Promise<string | null>;
  bucket: string;
  path: string;
  file: File;
  rules: UploadRules;
  onProgress: (sent: number, total: number) => void;
  /** Tests make chunks smaller; users keep Supabase's 6 MB. */
  chunkSize?: number;
}

export interface ResumableUpload {
  /** Settles when the object is stored (rejects with an UploadError). */
  done: Promise<void>;
  /** Whether this continues an earlier, unfinished upload of the same file. */
  resuming: Promise<boolean>;
  /** Stops sending; what the server has is kept for resume(). */
  pause(): Promise<void>;
  resume(): void;
  /** Stops and deletes what the server has of it. */
  cancel(): Promise<void>;
}

function messageOf(err: unknown, rules: UploadRules): string {
  if (err instanceof DetailedError && err.originalResponse) {
    const status = err.originalResponse.getStatus();
    let body: unknown = null;
    try {
      body = JSON.parse(err.originalResponse.getBody());
    } catch {
      body = null;
    }
    return storageErrorMessage(status, body, rules);
  }
  return storageErrorMessage(0, null, rules);
}

export function startResumableUpload(req: ResumableRequest): ResumableUpload {
  let cancelled = false;
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let found: (resuming: boolean) => void = () => undefined;
  const resuming = new Promise<boolean>((r) => {
    found = r;
  });

  const upload = new Upload(req.file, {
    endpoint: `${req.projectUrl.replace(/\/+$/, '')}/storage/v1/upload/resumable`,
    retryDelays: RETRY_DELAYS,
    chunkSize: req.chunkSize ?? TUS_CHUNK_BYTES,
    uploadDataDuringCreation: true,
    removeFingerprintOnSuccess: true,
    metadata: {
      bucketName: req.bucket,
      objectName: req.path,
      contentType: req.file.type || 'application/octet-stream',
      cacheControl: '3600',
    },
    headers: { apikey: req.anonKey },
    onBeforeRequest: async (httpReq) => {
      const token = await req.token();
      if (token) httpReq.setHeader('authorization', `Bearer ${token}`);
    },
    // A refusal (4xx other than a conflict or a rate limit) will not change on retry.
    onShouldRetry: (err) => {
      const status = err instanceof DetailedError ? (err.originalResponse?.getStatus() ?? 0) : 0;
      return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
    },
    onProgress: (sent, total) => req.onProgress(sent, total),
    onError: (err) => settle?.reject(new UploadError(messageOf(err, req.rules))),
    onSuccess: () => settle?.resolve(),
  });

  const begin = async () => {
    const previous = await upload.findPreviousUploads().catch(() => []);
    const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
    if (last) upload.resumeFromPreviousUpload(last);
    found(Boolean(last));
    if (!cancelled) upload.start();
  };
  void begin();

  return {
    done,
    resuming,
    pause: async () => {
      await upload.abort(false);
    },
    resume: () => upload.start(),
    cancel: async () => {
      cancelled = true;
      await upload.abort(true).catch(() => undefined);
      settle?.reject(new UploadError('Upload cancelled.', true));
    },
  };
}

/**
 * A name that is safe as the last part of an object name and still says what the file is:
 * lower case, letters, digits, dots, dashes and underscores; other runs become one dash.
 */
export function safeFileName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
  const base = clean(stem).slice(0, 80) || 'file';
  const extension = clean(ext).slice(0, 10);
  return extension ? `${base}.${extension}` : base;
}

/** `name` if it is not taken, else `stem-2.ext`, `stem-3.ext`, … */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
