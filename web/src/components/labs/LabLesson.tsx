import { createResource, Match, Switch } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { labsApi } from '../../lib/labs-api.ts';
import { refetch } from '../../lib/queries.ts';
import { ErrorNotice, Loading } from '../Notices.tsx';
import { LabWorkspace } from './LabWorkspace.tsx';

/**
 * A lab lesson in the player: the workspace of the lab bound to the lesson (GET /api/labs?course=
 * gives each lab's lesson). A passing submission completes the lesson: the player's outline and
 * progress are asked again. Loaded lazily by LessonView, so the player carries none of it.
 */
export default function LabLesson(props: { courseSlug: string; lessonId: string }) {
  const { api, queries, announce } = useApp();
  const calls = labsApi(api);
  const [lab, { refetch: retry }] = createResource(
    () => ({ course: props.courseSlug, lesson: props.lessonId }),
    async ({ course, lesson }) => {
      const found = (await calls.list(course)).find((l) => l.lessonId === lesson);
      return found ? calls.detail(found.id) : null;
    },
  );
  return (
    <Switch fallback={<Loading label="Loading the lab…" />}>
      <Match when={lab.error}>
        <ErrorNotice error={lab.error} retry={() => void retry()} />
      </Match>
      <Match when={lab() === null}>
        <p class="muted">This lesson's lab is not ready yet.</p>
      </Match>
      {/* Keyed: another lab (or a reload) gets a fresh workspace with its own code and results. */}
      <Match when={lab()} keyed>
        {(l) => (
          <LabWorkspace
            lab={l}
            onSubmitted={(result) => {
              if (result.status !== 'passed') return;
              refetch(queries.player, props.courseSlug);
              refetch(queries.lesson, props.lessonId);
              refetch(queries.dashboard);
              announce('Lab passed: this lesson is complete.');
            }}
          />
        )}
      </Match>
    </Switch>
  );
}
