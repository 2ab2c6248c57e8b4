import { z } from 'zod';
import { syllabusLesson, syllabusSection } from './catalog.ts';
import { enrollmentSummary } from './enrollment.ts';
import { isoDateTime, lessonType, slug, uuid } from './primitives.ts';

/** The course player: GET /api/courses/:slug/player and GET /api/lessons/:id. */

export const playerLesson = syllabusLesson.extend({
  completed: z.boolean(),
  /** False while drip-locked; then availableAt says when it opens. */
  available: z.boolean(),
  availableAt: isoDateTime.nullable(),
});

/** A live session of the course (the live module adds joining and Q&A). */
export const playerLiveSession = z.strictObject({
  id: uuid,
  title: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime.nullable(),
  status: z.enum(['scheduled', 'live', 'ended']),
});

/** GET /api/courses/:slug/player — the course player for an enrolled learner. */
export const coursePlayer = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  enrollment: enrollmentSummary,
  sections: z.array(syllabusSection.extend({ lessons: z.array(playerLesson) })),
  /** The course's live sessions, soonest first (ended ones last). */
  liveSessions: z.array(playerLiveSession),
});

/**
 * One material of a lesson. `url` is an http(s) URL, a path on this site, or a file in the
 * course-media bucket ("course-media:<courseId>/media/<file>") that the player signs for the learner.
 * Types: video, pdf, slides, download (an attachment), link (and captions: a WebVTT file for the video).
 */
export const contentEntry = z.strictObject({ type: z.string(), url: z.string(), name: z.string().optional() });

export const lessonVideo = z.strictObject({
  positionSeconds: z.number().min(0),
  watchedSeconds: z.number().min(0),
  /** The length the instructor set, else the one the player last reported, else null. */
  durationSeconds: z.number().positive().nullable(),
  /** The share of the video to watch to complete the lesson (0.1 to 1). */
  completeAtShare: z.number().min(0.1).max(1),
});

/** GET /api/lessons/:id — one lesson's content, if the caller may read it. */
export const lessonContent = z.strictObject({
  id: uuid,
  courseId: uuid,
  title: z.string(),
  type: lessonType,
  textContent: z.string().nullable(),
  contentUrl: z.array(contentEntry),
  completed: z.boolean(),
  /** Video lessons: where the learner stopped, how far they watched, and the share that completes the lesson. */
  video: lessonVideo.nullable(),
});

/** POST /api/lessons/:id/video-progress — sent every ~10 s while playing, and on pause and end. */
export const videoProgressInput = z.strictObject({
  positionSeconds: z.number().min(0).max(86_400),
  durationSeconds: z.number().positive().max(86_400),
});

/** The answer: the learner's video progress, and the enrollment when the lesson just completed. */
export const videoProgress = z.strictObject({
  video: lessonVideo,
  completed: z.boolean(),
  enrollment: enrollmentSummary,
});

export type PlayerLesson = z.infer<typeof playerLesson>;
export type CoursePlayer = z.infer<typeof coursePlayer>;
export type LessonContent = z.infer<typeof lessonContent>;
export type LessonVideo = z.infer<typeof lessonVideo>;
export type ContentEntry = z.infer<typeof contentEntry>;
export type PlayerLiveSession = z.infer<typeof playerLiveSession>;
export type VideoProgressInput = z.infer<typeof videoProgressInput>;
export type VideoProgress = z.infer<typeof videoProgress>;
