/**
 * Where shared notes' updates live: the port the Yjs server depends on (hocuspocus-style, two
 * methods and an optional `release`). `append` resolves once the update is durable; the server
 * applies and broadcasts it only then, so whatever a peer saw survives a crash. Compaction is the
 * implementation's own.
 */
export interface YjsStore {
  /** Every stored update of `document`, oldest first (empty for a new document). */
  load(document: string): Promise<Uint8Array[]>;
  append(document: string, update: Uint8Array): Promise<void>;
  /** Optional: `document` left memory (its last editor left); the store may forget what it kept about it. */
  release?(document: string): void;
}
