/**
 * Shared notes (docs/collab-notes.md): the Yjs document names, the server's URL, the words the
 * editor shows and the Markdown file name, kept pure so they are tested without a browser.
 */

/** The Y.Text every note keeps its Markdown in (the Yjs server's tests use the same name). */
export const NOTE_TEXT = 'note';

export type NoteView = 'mine' | 'cohort';

/** The learner's own note on a lesson: only its owner opens it. */
export const myNoteDocument = (lessonId: string, userId: string) => `note:${lessonId}:${userId}`;

/** The lesson's shared note: its course's learners and instructors. */
export const cohortNoteDocument = (lessonId: string) => `cohort-note:${lessonId}`;

export function noteDocument(view: NoteView, lessonId: string, userId: string): string {
  return view === 'mine' ? myNoteDocument(lessonId, userId) : cohortNoteDocument(lessonId);
}

/** The Yjs server on this origin: ws: beside http:, wss: beside https:. */
export function yjsServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/yjs`;
}

export type NoteStatus = 'connecting' | 'live' | 'offline' | 'refused';

/** What the status line says. */
export function noteStatusText(status: NoteStatus): string {
  switch (status) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live: your edits are shared as you type.';
    case 'offline':
      return 'Offline: your edits are kept and merge when you are back.';
    case 'refused':
      return 'You cannot open this note. Check that you are enrolled in the course, then reload the page.';
  }
}

/** "Editing now: A, B and C" (names sorted, repeats once), or an empty string when nobody is. */
export function editingNowText(names: readonly string[]): string {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  if (unique.length === 0) return '';
  const list = unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
  return `Editing now: ${list}`;
}

/** A Markdown file name from the lesson's title: no path or reserved characters, never empty. */
export function markdownFileName(title: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/(^|\s)\.+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${base || 'note'}.md`;
}

/** Cursor colours with at least 4.5:1 contrast against white (the name label's text). */
const COLORS = ['#1f6feb', '#b42318', '#087443', '#8a3ffc', '#a15c07', '#0e7490', '#be185d', '#4d5b6b'];

/** A stable colour for a user, so a person keeps their colour in every note. */
export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/** The name shown beside someone's cursor: letters, digits, spaces and a few marks only (it goes into CSS). */
export function cursorLabel(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N} .'-]/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 40) || 'Someone'
  );
}

/** Someone else in the note, from the awareness state their editor publishes. */
export interface NotePeer {
  clientId: number;
  name: string;
  color: string;
}

/** The peers in an awareness' states: every client but this one that published a user. */
export function notePeers(states: Map<number, Record<string, unknown>>, self: number): NotePeer[] {
  const peers: NotePeer[] = [];
  for (const [clientId, state] of states) {
    const user = state.user as { name?: unknown; color?: unknown } | undefined;
    if (clientId === self || !user || typeof user.name !== 'string') continue;
    const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#4d5b6b';
    peers.push({ clientId, name: user.name, color });
  }
  return peers;
}

/** The CSS that colours each peer's selection and cursor in Monaco and labels the cursor with their name. */
export function cursorCss(peers: readonly NotePeer[]): string {
  return peers
    .map(({ clientId, name, color }) => {
      const id = Math.trunc(Math.abs(clientId));
      return [
        `.yRemoteSelection-${id} { background-color: ${color}33; }`,
        `.yRemoteSelectionHead-${id} { border-left: 2px solid ${color}; }`,
        `.yRemoteSelectionHead-${id}::after { content: "${cursorLabel(name)}"; background: ${color}; }`,
      ].join('\n');
    })
    .join('\n');
}
