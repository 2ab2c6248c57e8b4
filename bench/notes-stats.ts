/**
 * The shared-notes bench's pure parts (bench/notes.ts): the order editors insert in, the stamp
 * each insert carries, the latency figures, and the live heap per document. Unit-tested in
 * bench/notes.test.ts.
 */
import { percentile } from './stats.ts';

/** One insert of the schedule: document `doc`'s editor `editor`, the `seq`-th insert overall. */
export interface Turn {
  doc: number;
  editor: number;
  seq: number;
}

/**
 * Round `round` of the schedule: every editor inserts once, in turn: editor 0 of every document,
 * then editor 1 of every document, and so on, so that one document's inserts are as far apart as
 * the round allows. Sequence numbers continue from one round to the next.
 */
export function schedule(docs: number, editorsPerDoc: number, round: number): Turn[] {
  const turns: Turn[] = [];
  const first = round * docs * editorsPerDoc;
  for (let editor = 0; editor < editorsPerDoc; editor++) {
    for (let doc = 0; doc < docs; doc++) turns.push({ doc, editor, seq: first + turns.length });
  }
  return turns;
}

/** The text an insert carries: its sequence number and its send time (epoch ms, high resolution). */
export const stampOf = (seq: number, sentAt: number): string => `|${seq}@${sentAt.toFixed(3)}|`;

const STAMP = /\|(\d+)@(\d+(?:\.\d+)?)\|/g;

/** The stamps in a run of inserted text (a remote insert may carry more than one). */
export function parseStamps(text: string): { seq: number; sentAt: number }[] {
  return [...text.matchAll(STAMP)].map((m) => ({ seq: Number(m[1]), sentAt: Number(m[2]) }));
}

export interface Latency {
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

export function latency(samples: number[], expected: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    deliveries: sorted.length,
    expected,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** process.cpuUsage(): microseconds of user and system time. */
export interface CpuUsage {
  user: number;
  system: number;
}

/** The server's CPU time between two readings, in ms per insert: a figure the machine's load moves little. */
export function cpuPerInsert(before: CpuUsage, after: CpuUsage, inserts: number): number {
  return (after.user + after.system - before.user - before.system) / 1000 / inserts;
}

export interface ScenarioFigures extends Latency {
  /** The server process's CPU time per insert (ms), warm-up included. */
  cpuMsPerInsert: number;
}

/** A server child's heap after a full GC, and the documents it had in memory then. */
export interface HeapReading {
  heapUsed: number;
  documents: number;
}

export interface HeapFigures {
  documents: number;
  /** (loaded − baseline) / documents, in KB (1024 bytes). */
  perDocKb: number;
  /** (after unloading − baseline), in KB: what the documents left behind. */
  leftKb: number;
  /** Documents still in memory once every editor left. */
  leftDocuments: number;
}

/**
 * The live heap per document: the heap with `loaded.documents` documents open (their editors
 * connected) less the heap of the same process with none, over the documents; then what is left
 * once every editor has gone.
 */
export function heapFigures(baseline: HeapReading, loaded: HeapReading, after: HeapReading): HeapFigures {
  const kb = (bytes: number) => bytes / 1024;
  return {
    documents: loaded.documents,
    perDocKb: loaded.documents > 0 ? kb(loaded.heapUsed - baseline.heapUsed) / loaded.documents : Number.NaN,
    leftKb: kb(after.heapUsed - baseline.heapUsed),
    leftDocuments: after.documents,
  };
}

/** "OK" when `value` is at most `limit` (NaN, a run that measured nothing, is a miss). */
export const verdict = (value: number, limit: number): 'OK' | 'MISS' => (value <= limit ? 'OK' : 'MISS');

const ms = (n: number) => `${n.toFixed(2)} ms`;

export function latencyRow(name: string, f: ScenarioFigures): string {
  return `${name.padEnd(24)} ${`${f.deliveries}/${f.expected}`.padStart(13)} ${ms(f.p50).padStart(10)} ${ms(f.p99).padStart(10)} ${ms(f.max).padStart(10)} ${ms(f.cpuMsPerInsert).padStart(12)}`;
}

export const LATENCY_HEADER = `${'server'.padEnd(24)} ${'delivered'.padStart(13)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)} ${'CPU/insert'.padStart(12)}`;

export function heapRow(name: string, h: HeapFigures): string {
  const left = `${h.leftKb >= 0 ? '+' : ''}${h.leftKb.toFixed(0)} KB`;
  return `${name.padEnd(24)} ${String(h.documents).padStart(9)} ${`${h.perDocKb.toFixed(1)} KB`.padStart(12)} ${left.padStart(14)} ${String(h.leftDocuments).padStart(10)}`;
}

export const HEAP_HEADER = `${'server'.padEnd(24)} ${'documents'.padStart(9)} ${'heap/doc'.padStart(12)} ${'after unload'.padStart(14)} ${'docs left'.padStart(10)}`;
