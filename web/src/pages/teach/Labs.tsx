import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show, startTransition } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { LabEditor } from '../../components/labs/LabEditor.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { teachApi } from '../../components/teach/teach-api.ts';
import { useApp } from '../../lib/context.ts';
import { LANGUAGE_LABELS, labsApi, type TeachLab, type TeachLabSummary } from '../../lib/labs-api.ts';
import { settle } from '../../lib/queries.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/teach.css';
import '../../styles/labs.css';

/** Code labs of one course for its instructor: the list, and the lab editor for a new or an existing lab. */
export default function TeachLabsPage() {
  return (
    <RequireAuth>
      <TeachLabsView />
    </RequireAuth>
  );
}

type Editing = { mode: 'new' } | { mode: 'edit'; lab: TeachLab } | null;

function TeachLabsView() {
  const params = useParams<{ courseId: string }>();
  const { api, announce } = useApp();
  const calls = labsApi(api);
  const teach = teachApi(api);
  const [version, setVersion] = createSignal(0);
  const data = createAsync(() => {
    version();
    return settle(Promise.all([calls.teachList(params.courseId), teach.editor(params.courseId)]));
  });
  // In a transition: the page (and an open editor with its check results) stays while the list reloads.
  const reload = () => void startTransition(() => setVersion((n) => n + 1));
  const [editing, setEditing] = createSignal<Editing>(null);
  let newButton: HTMLButtonElement | undefined;

  const open = createAction(async (lab: TeachLabSummary) => {
    setEditing({ mode: 'edit', lab: await calls.teachDetail(lab.id) });
  });
  const remove = createAction(async (lab: TeachLabSummary) => {
    await calls.remove(lab.id);
    announce(`Deleted “${lab.title}”.`);
    const e = editing();
    if (e?.mode === 'edit' && e.lab.id === lab.id) setEditing(null);
    reload();
  });

  return (
    <div class="container section teach teach-labs">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Code labs</li>
        </ol>
      </nav>
      <Async data={data} fallback={<SkeletonBlock height={10} label="Loading the labs…" />} retry={reload}>
        {(d) => {
          const list = () => d()[0].items;
          const course = () => d()[1].course;
          const labLessons = () =>
            d()[1]
              .sections.flatMap((s) => s.lessons)
              .filter((l) => l.type === 'lab')
              .map((l) => ({ id: l.id, title: l.title }));
          return (
            <>
              <PageTitle text={`Code labs: ${course().title}`} />
              <h1>Code labs</h1>
              <p class="muted">
                For <strong>{course().title}</strong>. Learners solve labs in the player; a passing submission completes
                the lab.
              </p>
              <Show when={list().length > 0} fallback={<p class="empty-state">This course has no code labs yet.</p>}>
                <div class="table-scroll">
                  <table class="data-table">
                    <caption class="sr-only">Code labs of {course().title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Title</th>
                        <th scope="col">Status</th>
                        <th scope="col">Language</th>
                        <th scope="col">Points</th>
                        <th scope="col">Submissions</th>
                        <th scope="col">Passed</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list()}>
                        {(lab) => (
                          <tr>
                            <th scope="row">{lab.title}</th>
                            <td>
                              <span class={`status-pill course-status-${lab.status}`}>
                                {lab.status === 'published' ? 'Published' : 'Draft'}
                              </span>
                            </td>
                            <td>{LANGUAGE_LABELS[lab.language]}</td>
                            <td>{lab.points}</td>
                            <td>{lab.submissionCount}</td>
                            <td>
                              {lab.passedLearners} {lab.passedLearners === 1 ? 'learner' : 'learners'}
                            </td>
                            <td class="form-actions">
                              <button
                                type="button"
                                class="button button-small button-secondary"
                                disabled={open.busy()}
                                onClick={() => void open.run(lab)}
                              >
                                Edit<span class="sr-only"> {lab.title}</span>
                              </button>
                              <ConfirmButton
                                label="Delete"
                                what={lab.title}
                                busy={remove.busy()}
                                onConfirm={() => remove.run(lab)}
                              />
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
              <ErrorMessage message={open.error() ?? remove.error()} />
              <Show
                when={editing()}
                keyed
                fallback={
                  <p>
                    <button
                      type="button"
                      class="button button-primary"
                      ref={newButton}
                      onClick={() => setEditing({ mode: 'new' })}
                    >
                      New lab
                    </button>
                  </p>
                }
              >
                {(e) => (
                  <LabEditor
                    courseId={course().id}
                    lab={e.mode === 'edit' ? e.lab : null}
                    labLessons={labLessons()}
                    onSaved={() => reload()}
                    onClose={() => {
                      setEditing(null);
                      requestAnimationFrame(() => newButton?.focus());
                    }}
                  />
                )}
              </Show>
            </>
          );
        }}
      </Async>
    </div>
  );
}
