import { A } from '@solidjs/router';
import { createEffect, createSignal, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import type { CoursePlayer, LessonContent, PlayerLesson, VideoProgress } from '../../../../edge/api-types.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate, formatDuration, LESSON_TYPE_LABELS } from '../../lib/format.ts';
import { neighbours, splitMaterials, watchedShare } from '../../lib/player.ts';
import { createAction } from '../../lib/submit.ts';
import { Markdown } from '../Markdown.tsx';
import { ErrorMessage, ErrorNotice, Loading } from '../Notices.tsx';
import { lessonHref } from './Curriculum.tsx';
import { DocumentLesson } from './DocumentLesson.tsx';
import { Downloads } from './Downloads.tsx';
import { useMaterials } from './materials.ts';
import { VideoLesson } from './VideoLesson.tsx';

export type Lesson = PlayerLesson & { sectionTitle: string };

/** A lab lesson's workspace (components/labs/): its own chunk, with the code editor it loads. */
const LabLesson = lazy(() => import('../labs/LabLesson.tsx'));

/** Lessons that stand for a course item complete through it, not with a button. */
const ITEM_NOTES: Partial<Record<PlayerLesson['type'], { text: string; tab?: string; link?: string }>> = {
  quiz: { text: 'This lesson completes when you pass its quiz.', tab: 'quizzes', link: 'Go to the quizzes' },
  assignment: {
    text: 'This lesson completes when your assignment is graded.',
    tab: 'assignments',
    link: 'Go to the assignments',
  },
  lab: { text: 'This lesson completes when you pass its lab.', tab: 'labs', link: 'See all the labs' },
};

/** One lesson: its content by type, mark complete, previous and next. */
export function LessonView(props: {
  slug: string;
  lesson: Lesson;
  content: LessonContent | undefined;
  contentError: unknown;
  retry: () => void;
  lessons: Lesson[];
  courseCompleted: boolean;
  onCompleted: (lessonId: string, enrollment: CoursePlayer['enrollment']) => void;
}) {
  const { api } = useApp();
  // The latest video progress the server confirmed, for the polite "watch more" message.
  const [videoShare, setVideoShare] = createSignal<number | null>(null);
  const {
    run: markComplete,
    busy,
    error,
    setError,
  } = createAction(
    async (id: string) => {
      const { enrollment } = await api.completeLesson(id);
      props.onCompleted(id, enrollment);
    },
    (err) => {
      if (isApiError(err, 'watch_more')) {
        const goal = Math.round((props.content?.video?.completeAtShare ?? 0.9) * 100);
        const seen =
          videoShare() ??
          watchedShare(props.content?.video?.watchedSeconds ?? 0, props.content?.video?.durationSeconds);
        return `Keep watching: this lesson completes once you have watched ${goal}% of the video (so far ${Math.round(seen * 100)}%).`;
      }
      return errorMessage(err);
    },
  );
  const around = () => neighbours(props.lessons, props.lesson.id);
  const completed = () => props.lesson.completed || (props.content?.id === props.lesson.id && props.content.completed);

  // A new lesson starts without the previous lesson's error.
  createEffect(() => {
    void props.lesson.id;
    setError(null);
    setVideoShare(null);
  });

  const complete = async () => {
    if (busy() || completed() || !props.content) return;
    await markComplete(props.lesson.id);
  };
  const onVideoProgress = (p: VideoProgress) => {
    setVideoShare(watchedShare(p.video.watchedSeconds, p.video.durationSeconds));
    if (p.completed) setError(null);
  };

  return (
    <article class="lesson" aria-labelledby="lesson-title">
      <p class="eyebrow">{props.lesson.sectionTitle}</p>
      <h1 id="lesson-title">{props.lesson.title}</h1>
      <p class="lesson-meta">
        {LESSON_TYPE_LABELS[props.lesson.type]}
        {props.lesson.durationMinutes > 0 ? ` · ${formatDuration(props.lesson.durationMinutes)}` : ''}
      </p>

      <Switch>
        <Match when={!props.lesson.available}>
          <div class="notice notice-info">
            <p>
              This lesson is not open yet.
              {props.lesson.availableAt ? ` It opens on ${formatDate(props.lesson.availableAt)}.` : ''}
            </p>
          </div>
        </Match>
        <Match when={props.contentError}>
          <ErrorNotice error={props.contentError} retry={props.retry} />
        </Match>
        <Match when={!props.content || props.content.id !== props.lesson.id}>
          <Loading label="Loading the lesson…" />
        </Match>
        {/* Keyed by the lesson: another lesson gets a fresh body (its own video state), a completed one keeps it. */}
        <Match when={props.content?.id} keyed>
          {(id) => (
            <LessonBody
              content={props.content!}
              onVideoProgress={onVideoProgress}
              onVideoCompleted={(enrollment) => props.onCompleted(id, enrollment)}
            />
          )}
        </Match>
      </Switch>

      <Show when={props.lesson.available && props.lesson.type === 'lab'}>
        {/* Its own boundary: the lab's code and data load without blanking the player. */}
        <Suspense fallback={<Loading label="Loading the lab…" />}>
          <LabLesson courseSlug={props.slug} lessonId={props.lesson.id} />
        </Suspense>
      </Show>

      <Show when={props.lesson.available && ITEM_NOTES[props.lesson.type]}>
        {(note) => (
          <div class="notice notice-info lesson-actions">
            <p>
              {note().text}
              <Show when={note().tab}>
                {(tab) => (
                  <>
                    {' '}
                    <A href={`${lessonHref(props.slug, props.lesson.id)}?tab=${tab()}`}>{note().link}</A>
                  </>
                )}
              </Show>
            </p>
          </div>
        )}
      </Show>

      <Show when={props.lesson.available && !ITEM_NOTES[props.lesson.type]}>
        <div class="lesson-actions">
          <button
            type="button"
            class={completed() ? 'button button-done' : 'button button-primary'}
            aria-disabled={completed() || busy() || !props.content ? 'true' : undefined}
            aria-describedby={error() ? 'complete-error' : undefined}
            onClick={complete}
          >
            <Show when={completed()} fallback={busy() ? 'Saving…' : 'Mark as complete'}>
              Completed
            </Show>
          </button>
          <ErrorMessage message={error()} id="complete-error" />
        </div>
      </Show>

      <Show when={completed() && props.courseCompleted && !around().next}>
        <div class="notice notice-success">
          <p>You have finished every lesson in this course. Well done!</p>
          <p>
            <A href="/dashboard">Back to your courses</A>
          </p>
        </div>
      </Show>

      <nav class="lesson-nav" aria-label="Lessons">
        <Show when={around().prev}>
          {(prev) => (
            <div class="lesson-nav-prev">
              <A href={lessonHref(props.slug, prev().id)} class="button button-secondary">
                <span aria-hidden="true">← </span>Previous lesson
              </A>
              <span class="small muted">{prev().title}</span>
            </div>
          )}
        </Show>
        <Show when={around().next}>
          {(next) => (
            <div class="lesson-nav-next">
              <A href={lessonHref(props.slug, next().id)} class="button button-primary">
                Next lesson<span aria-hidden="true"> →</span>
              </A>
              <span class="small muted">{next().title}</span>
            </div>
          )}
        </Show>
      </nav>
    </article>
  );
}

/** The lesson's text (markdown), its main media by type, and its downloads. */
function LessonBody(props: {
  content: LessonContent;
  onVideoProgress: (p: VideoProgress) => void;
  onVideoCompleted: (enrollment: CoursePlayer['enrollment']) => void;
}) {
  const materials = useMaterials(() => props.content.contentUrl);
  const split = () => splitMaterials(materials() ?? []);
  const captions = () => (materials() ?? []).find((m) => m.type === 'captions');
  const hasText = () => Boolean(props.content.textContent?.trim());
  const main = () => split().main;
  return (
    <div class="lesson-body">
      <Show when={materials.loading}>
        <Loading label="Loading the lesson's materials…" />
      </Show>
      <Show when={materials.error}>
        <ErrorNotice error={materials.error} />
      </Show>
      <Switch>
        <Match when={main()?.type === 'video' && props.content.video ? main() : undefined}>
          {(video) => (
            <VideoLesson
              lessonId={props.content.id}
              title={props.content.title}
              video={video()}
              captions={captions()}
              state={props.content.video!}
              onProgress={props.onVideoProgress}
              onCompleted={props.onVideoCompleted}
            />
          )}
        </Match>
        {/* A video in a lesson of another type: shown, not tracked. */}
        <Match when={main()?.type === 'video' ? main() : undefined}>
          {(video) => (
            // biome-ignore lint/a11y/useMediaCaption: the captions track is there when the lesson has a captions file
            <video
              class="lesson-video"
              controls
              preload="metadata"
              src={video().href}
              aria-label={`Video: ${props.content.title}`}
            >
              <Show when={captions()}>
                {(c) => <track kind="captions" src={c().href} srclang="en" label="English" />}
              </Show>
            </video>
          )}
        </Match>
        <Match when={main() && main()!.type !== 'video' ? main() : undefined}>
          {(doc) => <DocumentLesson title={props.content.title} doc={doc()} />}
        </Match>
      </Switch>
      <Show when={hasText()}>
        <Markdown source={props.content.textContent ?? ''} headingLevel={2} />
      </Show>
      <Downloads items={split().downloads} />
      {/* A lab lesson's material is its lab, shown below the body. */}
      <Show when={props.content.type !== 'lab' && !materials.loading && !hasText() && (materials() ?? []).length === 0}>
        <p class="muted">
          This {LESSON_TYPE_LABELS[props.content.type].toLowerCase()} lesson has no material to show here yet.
        </p>
      </Show>
    </div>
  );
}
