import { createAsync } from '@solidjs/router';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { CohortNoteState } from '../../../../edge/api-types.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { jsonInit } from '../../lib/json-init.ts';
import { type NoteView, noteDocument } from '../../lib/notes.ts';
import { settle } from '../../lib/queries.ts';
import { Async } from '../Async.tsx';
import { ErrorNotice } from '../Notices.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import '../../styles/notes.css';

const VIEWS: { id: NoteView; label: string; hint: string }[] = [
  { id: 'mine', label: 'My note', hint: 'Only you can see it.' },
  { id: 'cohort', label: 'Cohort note', hint: "Shared with the course's learners and instructors." },
];

/** How often a learner's page re-reads whether the instructor locked the cohort note. */
const LOCK_POLL_MS = 10_000;

/**
 * The player's "Notes" tab for one lesson: the learner's own note and the lesson's cohort note
 * (docs/collab-notes.md), edited live over the Yjs server. The lock state comes from
 * GET /api/lessons/:lessonId/cohort-note; the course's managers lock and unlock it
 * (PUT .../cohort-note/lock), and a locked note is read-only for learners.
 */
export function NotesTab(props: { lessonId: string; lessonTitle: string; initialView?: NoteView }) {
  const { api, auth, announce } = useApp();
  const path = () => `/api/lessons/${encodeURIComponent(props.lessonId)}/cohort-note`;
  const [view, setView] = createSignal<NoteView>(props.initialView ?? 'mine');
  const [attempt, setAttempt] = createSignal(0);
  const loaded = createAsync(() => {
    attempt();
    return settle(api.getJson<CohortNoteState>(path()));
  });
  /** A newer state than the first answer: after a lock switch, or from polling. */
  const [newer, setNewer] = createSignal<CohortNoteState | null>(null);
  const stateOf = (first: CohortNoteState) => {
    const n = newer();
    return n && n.lessonId === first.lessonId ? n : first;
  };
  const [saving, setSaving] = createSignal(false);
  const [lockError, setLockError] = createSignal('');

  const timer = setInterval(() => {
    const r = loaded();
    if (!r?.ok || stateOf(r.value).canLock || view() !== 'cohort') return;
    api.getJson<CohortNoteState>(path()).then(setNewer, () => {});
  }, LOCK_POLL_MS);
  onCleanup(() => clearInterval(timer));

  const stillAllowed = async () => {
    try {
      await api.getJson<CohortNoteState>(path());
      return true;
    } catch (err) {
      return !isApiError(err, 'lesson_not_found', 'unauthorized', 'forbidden');
    }
  };

  const setLock = async (locked: boolean) => {
    setSaving(true);
    setLockError('');
    try {
      setNewer(await api.send<CohortNoteState>(`${path()}/lock`, jsonInit('PUT', { locked })));
      announce(locked ? 'The cohort note is locked: learners can only read it.' : 'The cohort note is unlocked.');
    } catch (err) {
      setLockError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const userId = () => auth.state.user?.id ?? '';

  return (
    <section aria-labelledby="notes-title" class="notes-tab">
      <h2 id="notes-title">Notes on “{props.lessonTitle}”</h2>
      <Async
        data={loaded}
        fallback={<SkeletonBlock height={12} label="Loading your notes…" />}
        retry={() => setAttempt((n) => n + 1)}
        error={(err) =>
          isApiError(err, 'lesson_not_found', 'forbidden') ? (
            <p class="notice notice-error" role="alert">
              Notes are for the course's enrolled learners and its instructors, on lessons that are open to you.
            </p>
          ) : (
            <ErrorNotice error={err} retry={() => setAttempt((n) => n + 1)} />
          )
        }
      >
        {(first) => {
          const s = () => stateOf(first());
          return (
            <>
              <fieldset class="notes-views">
                <legend>Which note</legend>
                <For each={VIEWS}>
                  {(v) => (
                    <label class="notes-view">
                      <input
                        type="radio"
                        name="note-view"
                        value={v.id}
                        checked={view() === v.id}
                        onChange={() => setView(v.id)}
                      />
                      <span>{v.label}</span>
                      <span class="small muted"> {v.hint}</span>
                    </label>
                  )}
                </For>
              </fieldset>
              <Show when={view() === 'cohort'}>
                <div class="notes-lock">
                  <Show when={s().canLock}>
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      disabled={saving()}
                      onClick={() => void setLock(!s().locked)}
                    >
                      {s().locked ? 'Unlock the note' : 'Lock the note'}
                    </button>
                    <p class="small muted">
                      {s().locked
                        ? 'Locked: learners can read the note but not change it.'
                        : 'Learners can edit the note. Lock it to make it read-only for them.'}
                    </p>
                  </Show>
                  <Show when={!s().canLock && s().locked}>
                    <p class="notice notice-info">The instructor locked this note: you can read it.</p>
                  </Show>
                  <Show when={lockError()}>
                    <p class="notice notice-error" role="alert">
                      {lockError()}
                    </p>
                  </Show>
                </div>
              </Show>
              {/* One editor per document: switching note or lesson closes the old connection. */}
              <Show when={noteDocument(view(), props.lessonId, userId())} keyed>
                {(document) => (
                  <NoteEditor
                    document={document}
                    label={`${view() === 'mine' ? 'My note' : 'Cohort note'} on ${props.lessonTitle} (Markdown)`}
                    lessonTitle={props.lessonTitle}
                    readOnly={view() === 'cohort' && s().locked && !s().canLock}
                    stillAllowed={stillAllowed}
                  />
                )}
              </Show>
            </>
          );
        }}
      </Async>
    </section>
  );
}
