import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, lazy, Show, Suspense, startTransition } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { teachApi } from '../../components/teach/teach-api.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';

// Yjs and the editor load with the note, not with the page.
const NotesTab = lazy(() => import('../../components/notes/NotesTab.tsx').then((m) => ({ default: m.NotesTab })));

/**
 * The cohort notes of one course for its instructor (and admins), lesson by lesson: the same
 * editor learners have in the player's Notes tab, opened on the cohort note, with the lock that
 * makes it read-only for learners. Instructors need not be enrolled to reach it. The lesson is in
 * the address (?lesson=), so a link or a reload opens the same note.
 */
export default function TeachNotesPage() {
  return (
    <RequireAuth>
      <TeachNotesView />
    </RequireAuth>
  );
}

function TeachNotesView() {
  const params = useParams<{ courseId: string }>();
  const [search, setSearch] = useSearchParams<{ lesson?: string }>();
  const { api } = useApp();
  const [attempt, setAttempt] = createSignal(0);
  const data = createAsync(() => {
    attempt();
    return settle(teachApi(api).editor(params.courseId));
  });

  return (
    <div class="container section teach teach-notes">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Cohort notes</li>
        </ol>
      </nav>
      <Async
        data={data}
        fallback={<SkeletonBlock height={10} label="Loading the lessons…" />}
        retry={() => void startTransition(() => setAttempt((n) => n + 1))}
      >
        {(d) => {
          const lessons = () => d().sections.flatMap((s) => s.lessons);
          const current = () => lessons().find((l) => l.id === search.lesson) ?? lessons()[0];
          return (
            <>
              <PageTitle text={`Cohort notes: ${d().course.title}`} />
              <h1>Cohort notes</h1>
              <p class="muted">
                For <strong>{d().course.title}</strong>. Each lesson has one note its enrolled learners write together;
                lock it to make it read-only for them.
              </p>
              <Show when={current()} fallback={<p class="empty-state">This course has no lessons yet.</p>}>
                {(lesson) => (
                  <>
                    <div class="field">
                      <label for="notes-lesson">Lesson</label>
                      <select
                        id="notes-lesson"
                        value={lesson().id}
                        onChange={(e) => setSearch({ lesson: e.currentTarget.value }, { replace: true })}
                      >
                        <For each={d().sections}>
                          {(section) => (
                            <optgroup label={section.title}>
                              <For each={section.lessons}>
                                {(l) => (
                                  <option value={l.id}>
                                    {l.title}
                                    {l.status === 'draft' ? ' (draft)' : ''}
                                  </option>
                                )}
                              </For>
                            </optgroup>
                          )}
                        </For>
                      </select>
                    </div>
                    {/* One editor per lesson: another lesson closes the old connection. */}
                    <Show when={lesson().id} keyed>
                      {(id) => (
                        <Suspense fallback={<Loading label="Loading the note…" />}>
                          <NotesTab lessonId={id} lessonTitle={lesson().title} initialView="cohort" />
                        </Suspense>
                      )}
                    </Show>
                  </>
                )}
              </Show>
            </>
          );
        }}
      </Async>
    </div>
  );
}
