import { createSignal, For, Show } from 'solid-js';
import type { EditorLesson, EditorSection, LessonType } from '../../../../edge/api-types.ts';
import { errorMessage } from '../../lib/api.ts';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import { FormNotice } from '../admin/Fields.tsx';
import { LessonEditor } from './LessonEditor.tsx';
import {
  dropLesson,
  dropSection,
  lessonPlace,
  moveLesson,
  moveSection,
  type Outline,
  toReorderInput,
} from './reorder.ts';
import { LESSON_TYPES, type StepProps } from './step-props.ts';

const typeLabel = (t: LessonType) => LESSON_TYPES.find((x) => x.value === t)?.label ?? t;

const outlineOf = (sections: EditorSection[]): Outline[] =>
  sections.map((s) => ({ id: s.id, lessonIds: s.lessons.map((l) => l.id) }));

/** The sections as an outline says, reusing the lesson objects (so the list keeps its DOM nodes). */
function applyOutline(sections: EditorSection[], outline: Outline[]): EditorSection[] {
  const lessons = new Map(sections.flatMap((s) => s.lessons.map((l) => [l.id, l] as const)));
  const byId = new Map(sections.map((s) => [s.id, s]));
  return outline.map((o, i) => ({
    ...byId.get(o.id)!,
    position: i + 1,
    lessons: o.lessonIds.map((id) => lessons.get(id)!),
  }));
}

type Drag = { kind: 'lesson' | 'section'; id: string } | null;

/**
 * Step 2: sections and lessons. Reorder by dragging, with the Move up / Move down buttons, or with
 * Alt+Arrow Up / Alt+Arrow Down on a focused lesson or section; each move is announced.
 */
export function CurriculumStep(props: StepProps) {
  const sections = () => props.editor.sections;
  const [announcement, setAnnouncement] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [drag, setDrag] = createSignal<Drag>(null);
  const [sectionTitle, setSectionTitle] = createSignal('');
  let seq = 0;

  const setSections = (next: EditorSection[]) => props.onChange({ ...props.editor, sections: next });
  const say = (text: string) => {
    setAnnouncement('');
    queueMicrotask(() => setAnnouncement(text));
  };
  const focusItem = (selector: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());

  /** Shows the new order at once, saves it, then takes the server's curriculum (the last answer wins). */
  const commit = async (outline: Outline[], message: string, focus: string) => {
    const before = sections();
    setSections(applyOutline(before, outline));
    say(message);
    focusItem(focus);
    const mine = ++seq;
    try {
      const res = await props.teach.reorder(props.editor.course.id, toReorderInput(outline));
      // The saved order is what is on screen (the usual case): keep the DOM, and the focus where the
      // user has it now, which may be another item already. Otherwise show what was saved.
      const saved = JSON.stringify(outlineOf(res.sections));
      if (mine === seq && saved !== JSON.stringify(outlineOf(sections()))) {
        setSections(res.sections);
        focusItem(focus);
      }
    } catch (err) {
      if (mine === seq) {
        setSections(before);
        setError(`The new order was not saved. ${errorMessage(err)}`);
        say('The new order was not saved.');
      }
    }
  };

  const lessonMessage = (outline: Outline[], lesson: EditorLesson) => {
    const place = lessonPlace(outline, lesson.id)!;
    const section = sections().find((s) => s.id === outline[place.section]!.id)!;
    return `Moved ${lesson.title} to position ${place.index + 1} of ${place.of} in ${section.title}.`;
  };

  const shiftLesson = (lesson: EditorLesson, by: -1 | 1) => {
    const next = moveLesson(outlineOf(sections()), lesson.id, by);
    if (!next) {
      say(`${lesson.title} is already ${by < 0 ? 'first' : 'last'}.`);
      return;
    }
    void commit(next, lessonMessage(next, lesson), `[data-lesson-id="${lesson.id}"]`);
  };

  const shiftSection = (section: EditorSection, by: -1 | 1) => {
    const next = moveSection(outlineOf(sections()), section.id, by);
    if (!next) {
      say(`${section.title} is already ${by < 0 ? 'first' : 'last'}.`);
      return;
    }
    const at = next.findIndex((s) => s.id === section.id);
    void commit(
      next,
      `Moved section ${section.title} to position ${at + 1} of ${next.length}.`,
      `[data-section-id="${section.id}"]`,
    );
  };

  /** Alt+Arrow Up/Down on the focused item itself (not on a control inside it). */
  const onItemKey = (e: KeyboardEvent, move: (by: -1 | 1) => void) => {
    if (e.target !== e.currentTarget || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };

  const onDrop = (e: DragEvent, sectionId: string, beforeLessonId: string | null) => {
    const d = drag();
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    setDrag(null);
    const outline = outlineOf(sections());
    if (d.kind === 'lesson') {
      const next = dropLesson(outline, d.id, sectionId, beforeLessonId);
      const lesson = sections()
        .flatMap((s) => s.lessons)
        .find((l) => l.id === d.id);
      if (next && lesson) void commit(next, lessonMessage(next, lesson), `[data-lesson-id="${d.id}"]`);
    } else {
      const next = dropSection(outline, d.id, sectionId);
      const section = sections().find((s) => s.id === d.id);
      if (next && section) {
        void commit(
          next,
          `Moved section ${section.title} to position ${next.findIndex((s) => s.id === d.id) + 1}.`,
          `[data-section-id="${d.id}"]`,
        );
      }
    }
  };
  const allowDrop = (e: DragEvent) => {
    if (drag()) e.preventDefault();
  };
  const startDrag = (e: DragEvent, d: NonNullable<Drag>) => {
    e.stopPropagation();
    setDrag(d);
    e.dataTransfer?.setData('text/plain', d.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  };

  const run = async (action: () => Promise<{ sections: EditorSection[] }>, message: string) => {
    setError(null);
    try {
      const res = await action();
      setSections(res.sections);
      say(message);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };

  const addSection = async (e: SubmitEvent) => {
    e.preventDefault();
    const title = sectionTitle().trim();
    if (!title) {
      setError('Give the section a title.');
      return;
    }
    if (await run(() => props.teach.addSection(props.editor.course.id, title), `Added section ${title}.`)) {
      setSectionTitle('');
    }
  };

  return (
    <div class="curriculum">
      <p id="reorder-help" class="muted small">
        Drag lessons and sections to reorder them, or use their Move up and Move down buttons. On a focused lesson or
        section, Alt+Arrow Up and Alt+Arrow Down move it too.
      </p>
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="reorder-status">
        {announcement()}
      </p>
      <FormNotice id="curriculum-notice" error={error()} />
      <Show when={sections().length > 0} fallback={<p class="muted">No sections yet. Add the first one below.</p>}>
        <ol class="curriculum-sections">
          <For each={sections()}>
            {(section, si) => (
              <li
                class="curriculum-section"
                data-section-id={section.id}
                tabindex="0"
                aria-labelledby={`section-${section.id}-title`}
                aria-describedby="reorder-help"
                classList={{ dragging: drag()?.id === section.id }}
                draggable={editing() ? 'false' : 'true'}
                onKeyDown={(e) => onItemKey(e, (by) => shiftSection(section, by))}
                onDragStart={(e) => startDrag(e, { kind: 'section', id: section.id })}
                onDragEnd={() => setDrag(null)}
                onDragOver={allowDrop}
                onDrop={(e) => onDrop(e, section.id, null)}
              >
                <SectionHead
                  section={section}
                  index={si()}
                  count={sections().length}
                  onMove={(by) => shiftSection(section, by)}
                  onRename={(title) =>
                    run(() => props.teach.renameSection(section.id, title), `Renamed the section to ${title}.`)
                  }
                  onDelete={() => run(() => props.teach.deleteSection(section.id), `Deleted section ${section.title}.`)}
                />
                <ol class="curriculum-lessons" aria-label={`Lessons of ${section.title}`}>
                  <For each={section.lessons} fallback={<li class="muted small">No lessons in this section yet.</li>}>
                    {(lesson, li) => (
                      <li
                        class="curriculum-lesson"
                        data-lesson-id={lesson.id}
                        tabindex="0"
                        draggable={editing() === lesson.id ? 'false' : 'true'}
                        aria-labelledby={`lesson-${lesson.id}-title`}
                        aria-describedby="reorder-help"
                        classList={{ dragging: drag()?.id === lesson.id }}
                        onKeyDown={(e) => onItemKey(e, (by) => shiftLesson(lesson, by))}
                        onDragStart={(e) => startDrag(e, { kind: 'lesson', id: lesson.id })}
                        onDragEnd={() => setDrag(null)}
                        onDragOver={allowDrop}
                        onDrop={(e) => onDrop(e, section.id, lesson.id)}
                      >
                        <div class="lesson-row">
                          <span class="drag-handle" aria-hidden="true">
                            ⠿
                          </span>
                          <span class="lesson-name" id={`lesson-${lesson.id}-title`}>
                            {lesson.title}
                          </span>
                          <span class="lesson-meta small muted">
                            {typeLabel(lesson.type)}
                            {lesson.status === 'draft' ? ' · draft' : ''}
                            {lesson.isPreview ? ' · free preview' : ''}
                          </span>
                          <span class="lesson-actions">
                            <button
                              type="button"
                              class="button button-small button-ghost"
                              disabled={si() === 0 && li() === 0}
                              onClick={() => shiftLesson(lesson, -1)}
                            >
                              Move up
                              <span class="sr-only"> {lesson.title}</span>
                            </button>
                            <button
                              type="button"
                              class="button button-small button-ghost"
                              disabled={si() === sections().length - 1 && li() === section.lessons.length - 1}
                              onClick={() => shiftLesson(lesson, 1)}
                            >
                              Move down
                              <span class="sr-only"> {lesson.title}</span>
                            </button>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              aria-expanded={editing() === lesson.id ? 'true' : 'false'}
                              aria-controls={`lesson-${lesson.id}-editor`}
                              aria-label={`Edit ${lesson.title}`}
                              onClick={() => setEditing((id) => (id === lesson.id ? null : lesson.id))}
                            >
                              Edit
                            </button>
                            <ConfirmButton
                              label="Delete"
                              what={lesson.title}
                              onConfirm={async () => {
                                await run(() => props.teach.deleteLesson(lesson.id), `Deleted lesson ${lesson.title}.`);
                              }}
                            />
                          </span>
                        </div>
                        <Show when={editing() === lesson.id}>
                          <LessonEditor
                            lesson={lesson}
                            courseId={props.editor.course.id}
                            teach={props.teach}
                            onSaved={(next) => {
                              setSections(next);
                              setEditing(null);
                              say(`Saved ${lesson.title}.`);
                              focusItem(`[data-lesson-id="${lesson.id}"]`);
                            }}
                            onCancel={() => {
                              setEditing(null);
                              focusItem(`[data-lesson-id="${lesson.id}"]`);
                            }}
                          />
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
                <AddLesson
                  sectionId={section.id}
                  sectionTitle={section.title}
                  onAdd={(title, type) =>
                    run(
                      () => props.teach.addLesson(section.id, { title, type }),
                      `Added lesson ${title} to ${section.title}.`,
                    )
                  }
                />
              </li>
            )}
          </For>
        </ol>
      </Show>
      <form class="admin-form add-section" onSubmit={addSection}>
        <div class="field">
          <label for="new-section-title">New section title</label>
          <input
            id="new-section-title"
            value={sectionTitle()}
            maxLength={200}
            onInput={(e) => setSectionTitle(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-secondary">
          Add section
        </button>
      </form>
    </div>
  );
}

function SectionHead(props: {
  section: EditorSection;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRename: (title: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}) {
  const [renaming, setRenaming] = createSignal(false);
  const [title, setTitle] = createSignal(props.section.title);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (title().trim() && (await props.onRename(title().trim()))) setRenaming(false);
  };
  return (
    <div class="section-head">
      <Show
        when={renaming()}
        fallback={
          <h3 id={`section-${props.section.id}-title`}>
            <span class="muted">Section {props.index + 1}:</span> {props.section.title}
          </h3>
        }
      >
        <form class="inline-form" onSubmit={save}>
          <label for={`section-${props.section.id}-rename`} class="sr-only">
            Section title
          </label>
          <input
            id={`section-${props.section.id}-rename`}
            value={title()}
            maxLength={200}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" class="button button-small button-primary">
            Save
          </button>
          <button type="button" class="button button-small button-ghost" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
        <span class="sr-only" id={`section-${props.section.id}-title`}>
          {props.section.title}
        </span>
      </Show>
      <span class="section-actions">
        <button
          type="button"
          class="button button-small button-ghost"
          disabled={props.index === 0}
          onClick={() => props.onMove(-1)}
        >
          Move up
          <span class="sr-only"> section {props.section.title}</span>
        </button>
        <button
          type="button"
          class="button button-small button-ghost"
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(1)}
        >
          Move down
          <span class="sr-only"> section {props.section.title}</span>
        </button>
        <button
          type="button"
          class="button button-small button-ghost"
          aria-label={`Rename section ${props.section.title}`}
          onClick={() => {
            setTitle(props.section.title);
            setRenaming(true);
          }}
        >
          Rename
        </button>
        <ConfirmButton
          label="Delete"
          what={`section ${props.section.title} and its lessons`}
          onConfirm={async () => {
            await props.onDelete();
          }}
        />
      </span>
    </div>
  );
}

function AddLesson(props: {
  sectionId: string;
  sectionTitle: string;
  onAdd: (title: string, type: LessonType) => Promise<boolean>;
}) {
  const [title, setTitle] = createSignal('');
  const [type, setType] = createSignal<LessonType>('text');
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!title().trim()) return;
    setBusy(true);
    if (await props.onAdd(title().trim(), type())) setTitle('');
    setBusy(false);
  };
  const id = (what: string) => `add-lesson-${props.sectionId}-${what}`;
  return (
    <form class="inline-form add-lesson" onSubmit={submit} aria-label={`Add a lesson to ${props.sectionTitle}`}>
      <div class="field">
        <label for={id('title')}>New lesson title</label>
        <input
          id={id('title')}
          value={title()}
          maxLength={200}
          required
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={id('type')}>Type</label>
        <select id={id('type')} value={type()} onChange={(e) => setType(e.currentTarget.value as LessonType)}>
          <For each={LESSON_TYPES}>{(t) => <option value={t.value}>{t.label}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button button-secondary" disabled={busy()}>
        Add lesson
      </button>
    </form>
  );
}
