import { createSignal, onCleanup, Show } from 'solid-js';
import type { CoursePlayer, LessonVideo, VideoProgress } from '../../../../edge/api-types.ts';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { reportDue, resumeAt, watchedShare } from '../../lib/player.ts';
import { ProgressBar } from '../ProgressBar.tsx';
import type { ResolvedMaterial } from './materials.ts';

/**
 * A video lesson: resumes where the learner stopped, reports the position every ~10 s while
 * playing and on pause and end (POST /api/lessons/:id/video-progress). The database decides how
 * much was really watched and completes the lesson at its share; this only shows the answer.
 */
export function VideoLesson(props: {
  lessonId: string;
  title: string;
  video: ResolvedMaterial;
  captions?: ResolvedMaterial;
  state: LessonVideo;
  onProgress: (progress: VideoProgress) => void;
  onCompleted: (enrollment: CoursePlayer['enrollment']) => void;
}) {
  const { api } = useApp();
  const [watched, setWatched] = createSignal(props.state.watchedSeconds);
  const [duration, setDuration] = createSignal(props.state.durationSeconds);
  const [error, setError] = createSignal<string | null>(null);
  let last: { at: number; position: number } | null = null;
  let sending = false;
  let completed = false;
  let el: HTMLVideoElement | undefined;

  const share = () => watchedShare(watched(), duration());
  const goal = () => Math.round(props.state.completeAtShare * 100);

  const report = async (force: boolean) => {
    if (!el || sending) return;
    const position = el.currentTime;
    const length = Number.isFinite(el.duration) && el.duration > 0 ? el.duration : duration();
    if (!length || !reportDue(last, Date.now(), position, force)) return;
    sending = true;
    last = { at: Date.now(), position };
    try {
      const result = await api.postJson<VideoProgress>(
        `/api/lessons/${encodeURIComponent(props.lessonId)}/video-progress`,
        {
          positionSeconds: Math.round(position * 100) / 100,
          durationSeconds: Math.round(length * 100) / 100,
        },
      );
      setError(null);
      setWatched(result.video.watchedSeconds);
      setDuration(result.video.durationSeconds);
      props.onProgress(result);
      if (result.completed && !completed) {
        completed = true;
        props.onCompleted(result.enrollment);
      }
    } catch (err) {
      setError(`Your progress was not saved: ${errorMessage(err)}`);
    } finally {
      sending = false;
    }
  };

  const timer = setInterval(() => {
    if (el && !el.paused && !el.ended) void report(false);
  }, 2_000);
  onCleanup(() => {
    clearInterval(timer);
    if (el && el.currentTime > 0) void report(true);
  });

  return (
    <div class="video-lesson">
      {/* biome-ignore lint/a11y/useMediaCaption: the captions track is there when the lesson has a captions file (below) */}
      <video
        ref={el}
        class="lesson-video"
        controls
        preload="metadata"
        playsinline
        src={props.video.href}
        aria-label={`Video: ${props.title}`}
        onLoadedMetadata={(e) => {
          const v = e.currentTarget;
          if (!duration() && Number.isFinite(v.duration)) setDuration(v.duration);
          completed = share() >= props.state.completeAtShare;
          const at = resumeAt(props.state.positionSeconds, Number.isFinite(v.duration) ? v.duration : duration());
          if (at > 0) v.currentTime = at;
        }}
        onPause={() => void report(true)}
        onEnded={() => void report(true)}
        onSeeked={() => void report(false)}
      >
        <Show when={props.captions}>
          {(c) => <track kind="captions" src={c().href} srclang="en" label="English" />}
        </Show>
      </video>
      <div class="video-progress">
        <ProgressBar value={Math.round(share() * 100)} label="Video watched" />
        <p class="small">
          <Show when={duration()} fallback="Play the video to start.">
            Watched {Math.round(share() * 100)}% · the lesson completes at {goal()}%.
          </Show>
          <Show when={props.state.positionSeconds > 0}> Resumes where you stopped.</Show>
        </p>
        <Show when={error()}>
          <p class="small error-text" role="status">
            {error()}
          </p>
        </Show>
      </div>
      <p class="small">
        <a href={props.video.href} download="" rel="noopener noreferrer">
          Download the video
        </a>
      </p>
    </div>
  );
}
