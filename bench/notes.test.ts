import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { authFrame, unwrapFrame, wrapFrame } from './notes-hocuspocus-socket.ts';
import { cpuPerInsert, heapFigures, latency, parseStamps, schedule, stampOf, verdict } from './notes-stats.ts';

describe('the shared-notes bench figures', () => {
  it('schedules every editor once a round, one document after the other, numbering on across rounds', () => {
    expect(schedule(2, 3, 0)).toEqual([
      { doc: 0, editor: 0, seq: 0 },
      { doc: 1, editor: 0, seq: 1 },
      { doc: 0, editor: 1, seq: 2 },
      { doc: 1, editor: 1, seq: 3 },
      { doc: 0, editor: 2, seq: 4 },
      { doc: 1, editor: 2, seq: 5 },
    ]);
    expect(schedule(2, 3, 2)[0]).toEqual({ doc: 0, editor: 0, seq: 12 });
    expect(schedule(1, 50, 0)).toHaveLength(50);
  });

  it('reads back the stamps an insert carries, also several in one run of text', () => {
    const sentAt = 1_795_000_000_123.456;
    expect(parseStamps(stampOf(7, sentAt))).toEqual([{ seq: 7, sentAt }]);
    expect(parseStamps(`${stampOf(1, 10)}${stampOf(2, 20.5)}`)).toEqual([
      { seq: 1, sentAt: 10 },
      { seq: 2, sentAt: 20.5 },
    ]);
    expect(parseStamps('typed by a person')).toEqual([]);
  });

  it('takes p50, p99 and max of the deliveries, and counts them against those expected', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latency(samples, 120)).toEqual({ deliveries: 100, expected: 120, p50: 50, p99: 99, max: 100 });
    expect(latency([], 5).p99).toBeNaN();
  });

  it('divides the heap the open documents hold by their number, and keeps what unloading left', () => {
    const figures = heapFigures(
      { heapUsed: 20 * 1024 * 1024, documents: 0 },
      { heapUsed: 20 * 1024 * 1024 + 200 * 30 * 1024, documents: 200 },
      { heapUsed: 20 * 1024 * 1024 + 512 * 1024, documents: 0 },
    );
    expect(figures).toEqual({ documents: 200, perDocKb: 30, leftKb: 512, leftDocuments: 0 });
    expect(
      heapFigures({ heapUsed: 1, documents: 0 }, { heapUsed: 1, documents: 0 }, { heapUsed: 1, documents: 0 }).perDocKb,
    ).toBeNaN();
  });

  it('turns CPU readings (µs) into ms per insert, and misses a target it does not meet or cannot tell', () => {
    expect(cpuPerInsert({ user: 1_000, system: 500 }, { user: 301_000, system: 100_500 }, 200)).toBe(2);
    expect(verdict(40, 40)).toBe('OK');
    expect(verdict(40.1, 40)).toBe('MISS');
    expect(verdict(Number.NaN, 1)).toBe('MISS');
  });
});

describe('the y-websocket ↔ Hocuspocus framing', () => {
  const doc = 'cohort-note:00000000-0000-4000-8ddd-000000000001';
  const hocuspocusFrame = (type: number, body: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, doc);
    encoding.writeVarUint(encoder, type);
    encoding.writeUint8Array(encoder, body);
    return encoding.toUint8Array(encoder);
  };

  it('opens a document with its name, the auth type and the token', () => {
    const decoder = decoding.createDecoder(authFrame(doc, 'a.b.c'));
    expect(decoding.readVarString(decoder)).toBe(doc);
    expect(decoding.readVarUint(decoder)).toBe(2);
    expect(decoding.readVarUint(decoder)).toBe(0);
    expect(decoding.readVarString(decoder)).toBe('a.b.c');
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('prefixes what the provider sends with the name, and strips it from what arrives', () => {
    const frame = new Uint8Array([0, 2, 3, 9, 9, 9]);
    const wrapped = wrapFrame(doc, frame);
    expect(unwrapFrame(wrapped)).toEqual({ kind: 'frame', frame });
  });

  it('reads a SyncReply as a sync message and skips what y-websocket has no handler for', () => {
    expect(unwrapFrame(hocuspocusFrame(4, new Uint8Array([1, 1, 7])))).toEqual({
      kind: 'frame',
      frame: new Uint8Array([0, 1, 1, 7]),
    });
    expect(unwrapFrame(hocuspocusFrame(8, new Uint8Array([1])))).toEqual({ kind: 'skip' });
    expect(unwrapFrame(hocuspocusFrame(2, new Uint8Array([2, 10, ...new TextEncoder().encode('read-write')])))).toEqual(
      { kind: 'skip' },
    );
    const denied = new Uint8Array([1, 9, ...new TextEncoder().encode('forbidden')]);
    expect(unwrapFrame(hocuspocusFrame(2, denied))).toEqual({ kind: 'denied', reason: 'forbidden' });
  });
});
