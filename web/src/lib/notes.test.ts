import { describe, expect, it } from 'vitest';
import {
  cohortNoteDocument,
  cursorCss,
  cursorLabel,
  editingNowText,
  markdownFileName,
  myNoteDocument,
  noteDocument,
  notePeers,
  noteStatusText,
  userColor,
  yjsServerUrl,
} from './notes.ts';

const lesson = '50000000-0000-4000-8000-000000000001';
const user = '00000000-0000-4000-8000-000000000001';

describe('notes', () => {
  it('names the documents as the Yjs server expects', () => {
    expect(myNoteDocument(lesson, user)).toBe(`note:${lesson}:${user}`);
    expect(cohortNoteDocument(lesson)).toBe(`cohort-note:${lesson}`);
    expect(noteDocument('mine', lesson, user)).toBe(`note:${lesson}:${user}`);
    expect(noteDocument('cohort', lesson, user)).toBe(`cohort-note:${lesson}`);
  });

  it('connects to /yjs on the same origin, secure beside https', () => {
    expect(yjsServerUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/yjs');
    expect(yjsServerUrl({ protocol: 'https:', host: 'lms.example' })).toBe('wss://lms.example/yjs');
  });

  it('says how the note is connected', () => {
    expect(noteStatusText('connecting')).toBe('Connecting…');
    expect(noteStatusText('live')).toMatch(/^Live/);
    expect(noteStatusText('offline')).toBe('Offline: your edits are kept and merge when you are back.');
    expect(noteStatusText('refused')).toMatch(/cannot open this note/);
  });

  it('lists who is editing', () => {
    expect(editingNowText([])).toBe('');
    expect(editingNowText(['  '])).toBe('');
    expect(editingNowText(['Riley Park'])).toBe('Editing now: Riley Park');
    expect(editingNowText(['Riley Park', 'Jordan Blake', 'Riley Park'])).toBe(
      'Editing now: Jordan Blake and Riley Park',
    );
    expect(editingNowText(['C', 'A', 'B'])).toBe('Editing now: A, B and C');
  });

  it('makes a safe Markdown file name from the lesson title', () => {
    expect(markdownFileName('What is HTML')).toBe('What is HTML.md');
    expect(markdownFileName('Forms: <input> / "labels"?')).toBe('Forms input labels.md');
    expect(markdownFileName('../../etc/passwd')).toBe('etc passwd.md');
    expect(markdownFileName('   ')).toBe('note.md');
    expect(markdownFileName('x'.repeat(300))).toBe(`${'x'.repeat(120)}.md`);
  });

  it('gives each user a stable colour and a CSS-safe cursor label', () => {
    expect(userColor(user)).toBe(userColor(user));
    expect(userColor(user)).toMatch(/^#[0-9a-f]{6}$/);
    expect(cursorLabel('Riley Park')).toBe('Riley Park');
    expect(cursorLabel('a"; } body { x: "')).toBe('a body x');
    expect(cursorLabel('{}')).toBe('Someone');
  });
});

describe('note peers', () => {
  it('reads the other editors from awareness and styles their cursors', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Me', color: '#1f6feb' } }],
      [2, { user: { name: 'Riley Park', color: '#b42318' } }],
      [3, { selection: {} }],
      [4, { user: { name: 'Odd"}', color: 'red; x' } }],
    ]);
    const peers = notePeers(states, 1);
    expect(peers).toEqual([
      { clientId: 2, name: 'Riley Park', color: '#b42318' },
      { clientId: 4, name: 'Odd"}', color: '#4d5b6b' },
    ]);
    const css = cursorCss(peers);
    expect(css).toContain('.yRemoteSelectionHead-2::after { content: "Riley Park"; background: #b42318; }');
    expect(css).toContain('content: "Odd";');
  });
});
