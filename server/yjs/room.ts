import type { WebSocket } from 'ws';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessMessage, updateMessage } from './protocol.ts';
import type { YjsStore } from './store.ts';

/** A read of a cohort note's lock: when it started, and when the note was locked (or null). */
export interface LockRead {
  readAt: number;
  value: Promise<string | null>;
}

/** Loaded updates are applied with this origin, and not broadcast. */
const LOADED = Symbol('loaded');

/**
 * One document in memory while anyone has it open: the Y.Doc, its awareness, and the open
 * sockets with the awareness clients each controls. Updates are broadcast to every socket but
 * the one they came from; a room is dropped (and its doc destroyed) when the last socket leaves.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Resolves once the stored updates are applied (rejects when the store fails). */
  readonly ready: Promise<void>;

  readonly name: string;

  /** A cohort note's lock as last read, shared by the room's sockets (server.ts). */
  lock: LockRead | undefined;
  /** The read of the lock under way, if one is. */
  lockRead: LockRead | undefined;

  constructor(name: string, store: YjsStore) {
    this.name = name;
    this.awareness.setLocalState(null);
    this.ready = store.load(name).then((updates) => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.doc, update, LOADED);
        } catch (err) {
          console.error(`yjs: a stored update of ${name} does not apply; skipped`, err);
        }
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADED) return;
      const message = updateMessage(update);
      for (const ws of this.conns.keys()) if (ws !== origin) send(ws, message);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const controlled = this.conns.get(origin as WebSocket);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        const message = awarenessMessage(this.awareness, [...added, ...updated, ...removed]);
        for (const ws of this.conns.keys()) send(ws, message);
      },
    );
  }

  applyAwareness(ws: WebSocket, update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, ws);
  }

  /** Removes a socket and the awareness clients it controlled; true when nobody is left. */
  leave(ws: WebSocket): boolean {
    const controlled = this.conns.get(ws);
    if (controlled) {
      this.conns.delete(ws);
      removeAwarenessStates(this.awareness, [...controlled], null);
    }
    return this.conns.size === 0;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(message, (err) => {
    if (err) ws.terminate();
  });
}
