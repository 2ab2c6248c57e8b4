import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * A local write-ahead journal for shared-notes updates, in front of the database store: an update
 * is written to a segment file with one synchronous write (in the operating system's hands before
 * the call returns, so a kill -9 of this process cannot lose it) before it is shared, and the
 * database write follows in the background. Once the database has every record of a segment, the
 * segment goes (the current one is cut back to empty). A process that starts reads what an earlier
 * one left (`leftovers`) and stores it before serving.
 *
 * Not fsynced: a kill -9 or a crash of the process loses nothing; a power cut of the machine may
 * lose the last moments, which the editors still hold and send again when they reconnect.
 *
 * A record: u32 payload length, u32 CRC-32 of the payload, then the payload: u16 length of the
 * document name, the name (UTF-8), the update. A torn or corrupt record ends its segment's replay.
 */

export interface JournalEntry {
  readonly segment: number;
}

export interface JournalRecord {
  document: string;
  update: Uint8Array;
}

export interface Journal {
  /** Writes the record (one synchronous write) and returns its entry. */
  write(document: string, update: Uint8Array): JournalEntry;
  /** The entry's record is in the database. */
  done(entry: JournalEntry): void;
  /** What earlier processes left, oldest first: read at open, until `forgetLeftovers`. */
  readonly leftovers: JournalRecord[];
  /** The leftovers are in the database: their segments go. */
  forgetLeftovers(): void;
  close(): void;
}

/** A segment is closed and a new one begun past this size. */
export const SEGMENT_BYTES = 8 * 1024 * 1024;
/** An idle current segment (every record stored) is cut back to empty past this size. */
const TRUNCATE_BYTES = 256 * 1024;
const HEADER = 8;
const MAX_NAME = 0xffff;

const segmentFile = (n: number) => `${String(n).padStart(10, '0')}.log`;
const segmentNumber = (file: string) => (/^\d{10}\.log$/.test(file) ? Number(file.slice(0, 10)) : null);

/** The records of one segment file, up to the first torn or corrupt one. */
export function readSegment(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  while (at + HEADER <= bytes.byteLength) {
    const length = view.getUint32(at);
    const sum = view.getUint32(at + 4);
    const start = at + HEADER;
    if (length < 2 || start + length > bytes.byteLength) break;
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) !== sum) break;
    const nameLength = view.getUint16(start);
    if (2 + nameLength > length) break;
    let document: string;
    try {
      document = decoder.decode(payload.subarray(2, 2 + nameLength));
    } catch {
      break;
    }
    records.push({ document, update: new Uint8Array(payload.subarray(2 + nameLength)) });
    at = start + length;
  }
  return records;
}

function encodeRecord(document: string, update: Uint8Array): Buffer {
  const name = Buffer.from(document, 'utf8');
  if (name.byteLength > MAX_NAME) throw new Error('yjs journal: document name too long');
  const length = 2 + name.byteLength + update.byteLength;
  const record = Buffer.allocUnsafe(HEADER + length);
  record.writeUInt32BE(length, 0);
  record.writeUInt16BE(name.byteLength, HEADER);
  name.copy(record, HEADER + 2);
  record.set(update, HEADER + 2 + name.byteLength);
  record.writeUInt32BE(crc32(record.subarray(HEADER)), 4);
  return record;
}

interface Segment {
  n: number;
  fd: number;
  size: number;
  /** Records written and not yet done. */
  pending: number;
}

/** Opens the journal in `dir` (created, private), reading what earlier processes left. */
export function openJournal(dir: string, segmentBytes = SEGMENT_BYTES): Journal {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const old = readdirSync(dir)
    .map(segmentNumber)
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  const leftovers = old.flatMap((n) => readSegment(readFileSync(join(dir, segmentFile(n)))));
  let oldSegments = old;

  const segments = new Map<number, Segment>();
  const begin = (n: number): Segment => {
    const segment = { n, fd: openSync(join(dir, segmentFile(n)), 'a', 0o600), size: 0, pending: 0 };
    segments.set(n, segment);
    return segment;
  };
  let current = begin((old.at(-1) ?? 0) + 1);
  let closed = false;

  const drop = (segment: Segment) => {
    closeSync(segment.fd);
    segments.delete(segment.n);
    unlinkSync(join(dir, segmentFile(segment.n)));
  };

  return {
    leftovers,
    write(document, update) {
      if (closed) throw new Error('yjs journal: closed');
      if (current.size >= segmentBytes) {
        const full = current;
        current = begin(full.n + 1);
        if (full.pending === 0) drop(full);
      }
      const record = encodeRecord(document, update);
      let written = 0;
      while (written < record.byteLength) written += writeSync(current.fd, record, written);
      current.size += record.byteLength;
      current.pending++;
      return { segment: current.n };
    },
    done(entry) {
      const segment = segments.get(entry.segment);
      if (!segment || closed) return;
      segment.pending--;
      if (segment.pending > 0) return;
      if (segment !== current) drop(segment);
      else if (segment.size >= TRUNCATE_BYTES) {
        // O_APPEND: the next write lands at the new end.
        ftruncateSync(segment.fd, 0);
        segment.size = 0;
      }
    },
    forgetLeftovers() {
      leftovers.length = 0;
      for (const n of oldSegments) unlinkSync(join(dir, segmentFile(n)));
      oldSegments = [];
    },
    close() {
      if (closed) return;
      closed = true;
      // Everything stored: nothing to leave for the next process.
      for (const segment of [...segments.values()]) {
        if (segment.pending === 0) drop(segment);
        else closeSync(segment.fd);
      }
    },
  };
}
