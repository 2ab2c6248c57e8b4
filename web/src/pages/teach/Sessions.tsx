import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show, startTransition } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { ScheduleForm } from '../../components/sessions/ScheduleForm.tsx';
import { teachApi } from '../../components/teach/teach-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime, formatDuration } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import {
  PHASE_LABELS,
  type SessionDetail,
  type SessionSummary,
  sessionHref,
  sessionPhase,
  sessionsApi,
} from '../../lib/sessions-api.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/teach.css';
import '../../styles/sessions.css';

/** Live sessions of one course for its instructor: the schedule, with links to each session's page, and a form to add one. */
export default function TeachSessionsPage() {
  return (
    <RequireAuth>
      <TeachSessionsView />
    </RequireAuth>
  );
}

function TeachSessionsView() {
  const params = useParams<{ courseId: string }>();
  const { api, announce } = useApp();
  const calls = sessionsApi(api);
  const teach = teachApi(api);
  const [version, setVersion] = createSignal(0);
  const data = createAsync(() => {
    version();
    return settle(
      teach
        .editor(params.courseId)
        .then(async (e) => ({ course: e.course, list: await calls.forCourse(e.course.slug) })),
    );
  });
  const reload = () => void startTransition(() => setVersion((n) => n + 1));
  const remove = createAction(async (s: SessionSummary) => {
    await calls.remove(s.id);
    announce(`Deleted “${s.title}”.`);
    if (editing()?.id === s.id) setEditing(null);
    reload();
  });
  // The session being edited (its detail: the summary has no link or description).
  const [editing, setEditing] = createSignal<SessionDetail | null>(null);
  let heading: HTMLHeadingElement | undefined;
  const edit = createAction(async (s: SessionSummary) => {
    setEditing(null);
    setEditing(await calls.detail(s.id));
  });
  const closeEditor = () => {
    setEditing(null);
    heading?.focus();
  };

  return (
    <div class="container section teach teach-sessions">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Live sessions</li>
        </ol>
      </nav>
      <Async data={data} fallback={<SkeletonBlock height={10} label="Loading the sessions…" />} retry={reload}>
        {(d) => (
          <>
            <PageTitle text={`Live sessions: ${d().course.title}`} />
            <h1 ref={heading} tabindex="-1">
              Live sessions
            </h1>
            <p class="muted">
              For <strong>{d().course.title}</strong>. Enrolled learners see them in the player and on their dashboard;
              you moderate the Q&amp;A on each session's page.
            </p>
            <ErrorMessage message={remove.error() ?? edit.error()} />
            <Show
              when={d().list.items.length > 0}
              fallback={<p class="empty-state">This course has no live sessions yet.</p>}
            >
              <div class="table-scroll">
                <table class="data-table">
                  <caption class="sr-only">Live sessions of {d().course.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Title</th>
                      <th scope="col">Starts</th>
                      <th scope="col">Duration</th>
                      <th scope="col">State</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().list.items}>
                      {(s) => (
                        <tr>
                          <th scope="row">
                            <A href={sessionHref(s.course.slug, s.id)}>{s.title}</A>
                          </th>
                          <td>
                            <time datetime={s.startsAt}>{formatDateTime(s.startsAt)}</time>
                          </td>
                          <td>{formatDuration(s.durationMinutes)}</td>
                          <td>{PHASE_LABELS[sessionPhase(s)]}</td>
                          <td class="row-actions">
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              disabled={edit.busy()}
                              onClick={() => void edit.run(s)}
                            >
                              Edit
                              <span class="sr-only"> {s.title}</span>
                            </button>
                            <ConfirmButton
                              label="Delete"
                              what={s.title}
                              busy={remove.busy()}
                              onConfirm={() => remove.run(s)}
                            />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <Show when={editing()} keyed>
              {(s) => (
                <ScheduleForm
                  courseId={d().course.id}
                  calls={calls}
                  editing={s}
                  onCancel={closeEditor}
                  onScheduled={(saved) => {
                    announce(`Saved “${saved.title}”.`);
                    closeEditor();
                    reload();
                  }}
                />
              )}
            </Show>
            <ScheduleForm
              courseId={d().course.id}
              calls={calls}
              onScheduled={(s) => {
                announce(`Scheduled “${s.title}”.`);
                reload();
              }}
            />
          </>
        )}
      </Async>
    </div>
  );
}
