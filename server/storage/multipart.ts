/**
 * A streaming multipart/form-data reader for uploads: text fields are collected (small, capped),
 * the one file part is handed over chunk by chunk as it arrives, so a large upload never sits in
 * memory and its size can be counted (and refused) while it streams.
 */

export interface FilePart {
  name: string;
  filename: string;
  contentType: string | undefined;
}

export interface FileSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface MultipartOptions {
  /** Called when the file part starts, with the fields read so far; throws to refuse it. */
  onFile(part: FilePart, fields: Readonly<Record<string, string>>): Promise<FileSink>;
  /** All text fields together, in bytes. */
  maxFieldBytes?: number;
  /** One part's header block, in bytes. */
  maxHeaderBytes?: number;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function boundaryOf(contentType: string | null | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function dispositionParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of value.matchAll(/;\s*([\w*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!.trim();
  }
  return params;
}

function parseHeaders(block: Buffer): { disposition: Record<string, string>; contentType: string | undefined } {
  let disposition: Record<string, string> | undefined;
  let contentType: string | undefined;
  for (const line of block.toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') {
      if (!/^form-data\b/i.test(value)) throw new MultipartError('a part is not form-data');
      disposition = dispositionParams(value);
    } else if (key === 'content-type') {
      contentType = value;
    }
  }
  if (!disposition || disposition.name === undefined) throw new MultipartError('a part has no name');
  return { disposition, contentType };
}

/**
 * Reads `body` as multipart/form-data with `boundary`. Resolves with the text fields once the
 * closing boundary is read; at most one file part is accepted.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  { onFile, maxFieldBytes = 64 * 1024, maxHeaderBytes = 16 * 1024 }: MultipartOptions,
): Promise<{ fields: Record<string, string>; file: boolean }> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let fieldBytes = 0;
  let file = false;
  type State = 'preamble' | 'delimited' | 'headers' | 'body' | 'done';
  let state = 'preamble' as State;
  // The body starts with `--boundary`: a leading CRLF makes it a delimiter like the others.
  let buf: Buffer = Buffer.from(CRLF);
  let part: { field?: string; chunks: Buffer[]; sink?: FileSink } | undefined;

  const emit = async (bytes: Buffer) => {
    if (!part || bytes.length === 0) return;
    if (part.sink) {
      await part.sink.write(bytes);
      return;
    }
    fieldBytes += bytes.length;
    if (fieldBytes > maxFieldBytes) throw new MultipartError('the form fields are too large');
    part.chunks.push(bytes);
  };

  const drain = async () => {
    for (;;) {
      if (state === 'done') return;
      if (state === 'preamble') {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          buf = buf.subarray(Math.max(0, buf.length - delimiter.length + 1));
          return;
        }
        buf = buf.subarray(at + delimiter.length);
        state = 'delimited';
      } else if (state === 'delimited') {
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return;
        }
        if (buf[0] !== 0x0d || buf[1] !== 0x0a) throw new MultipartError('malformed boundary line');
        buf = buf.subarray(2);
        state = 'headers';
      } else if (state === 'headers') {
        const at = buf.indexOf(HEADER_END);
        if (at < 0) {
          if (buf.length > maxHeaderBytes) throw new MultipartError('a part header is too large');
          return;
        }
        const { disposition, contentType } = parseHeaders(buf.subarray(0, at));
        buf = buf.subarray(at + HEADER_END.length);
        if (disposition.filename !== undefined) {
          if (file) throw new MultipartError('only one file may be uploaded at a time');
          file = true;
          const sink = await onFile(
            { name: disposition.name!, filename: disposition.filename, contentType },
            { ...fields },
          );
          part = { chunks: [], sink };
        } else {
          part = { field: disposition.name!, chunks: [] };
        }
        state = 'body';
      } else {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          const keep = delimiter.length - 1;
          if (buf.length > keep) {
            // Copy: the sink may hold on to the chunk while `buf` is reused.
            await emit(Buffer.from(buf.subarray(0, buf.length - keep)));
            buf = buf.subarray(buf.length - keep);
          }
          return;
        }
        await emit(Buffer.from(buf.subarray(0, at)));
        if (part?.field !== undefined) fields[part.field] = Buffer.concat(part.chunks).toString('utf8');
        part = undefined;
        buf = buf.subarray(at + delimiter.length);
        state = 'delimited';
      }
    }
  };

  for await (const chunk of body) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : Buffer.from(chunk);
    await drain();
    if (state === 'done') break;
  }
  if (state !== 'done') throw new MultipartError('the form data ended early');
  return { fields, file };
}
