import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { createWorld, eventually, provider, startYjs, type TestServer, tokenFor, type World } from './test-world.ts';

/**
 * Edits made offline merge on reconnect (issue 12): an editor of the cohort note drops off, both
 * sides keep typing, and when it comes back (the same document in memory, as the web editor keeps
 * it) each side has the other's words, and so does a newcomer after every editor has left and the
 * document was unloaded (what was merged was stored).
 */

const text = (p: WebsocketProvider) => p.doc.getText('note').toString();

describe.each(engines())('offline edits on %s', (engine) => {
  let t: TestDatabase;
  let w: World;
  let server: TestServer | undefined;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    t = await fresh(engine);
    w = await createWorld(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await server?.close();
    server = undefined;
  });

  it('merge with what others wrote meanwhile, once the editor is back', async () => {
    server = await startYjs(t.db);
    const doc = `cohort-note:${w.lesson}`;
    const a = await provider(server.url, doc, await tokenFor(w.learner));
    const b = await provider(server.url, doc, await tokenFor(w.instructor));
    providers.push(a, b);
    a.doc.getText('note').insert(0, 'Agenda.');
    await eventually(() => text(b) === 'Agenda.');

    // A goes offline and writes at the end; B, still online, writes at the start.
    a.disconnect();
    await eventually(() => !a.wsconnected);
    a.doc.getText('note').insert(text(a).length, ' Offline point.');
    b.doc.getText('note').insert(0, 'Online point. ');
    await new Promise((r) => setTimeout(r, 200));
    expect(text(b)).not.toContain('Offline point.');
    expect(text(a)).not.toContain('Online point.');

    a.connect();
    await eventually(
      () => text(a) === text(b) && text(a).includes('Offline point.') && text(a).includes('Online point.'),
    );
    expect(text(a)).toBe('Online point. Agenda. Offline point.');

    // Everyone leaves; the document is unloaded; a newcomer reads the merged note from storage.
    for (const p of providers.splice(0)) p.destroy();
    await eventually(() => server!.yjs.documents === 0);
    const c = await provider(server.url, doc, await tokenFor(w.learner2));
    providers.push(c);
    expect(text(c)).toBe('Online point. Agenda. Offline point.');
  });
});
