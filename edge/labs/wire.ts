import { z } from 'zod';
import { LAB_CODE_MAX_CHARS, LAB_TEXT_MAX_CHARS, labLanguage } from '../contract/labs.ts';

/**
 * The runner service's wire format: what an Edge Function (edge/labs/remote-runner.ts) sends the
 * Node host's pool (server/labs/http.ts) at POST /labs/v1/run. Answers are a LabRunResult
 * (edge/contract/labs.ts labRunResult), GET /labs/v1/stats a LabQueueStats, and refusals
 * `{ "error": { "code", "message" } }` with Retry-After (429 rate_limited, 503 queue_full or
 * runner_unavailable).
 */

export const LABS_RUN_PATH = '/labs/v1/run';
export const LABS_STATS_PATH = '/labs/v1/stats';

/** Body limit of the run endpoint: code, two test files and JSON escaping. */
export const LABS_WIRE_BODY_BYTES = 1024 * 1024;

export const labJob = z.strictObject({
  userId: z.string().min(1).max(100),
  language: labLanguage,
  code: z.string().max(LAB_CODE_MAX_CHARS),
  tests: z.array(z.strictObject({ source: z.string().max(LAB_TEXT_MAX_CHARS), hidden: z.boolean() })).max(4),
  timeLimitMs: z.int().min(50).max(5000),
  memoryLimitMb: z.int().min(8).max(128),
  revealHidden: z.boolean().optional(),
});

export const labQueueErrorBody = z.object({
  error: z.object({
    code: z.enum(['rate_limited', 'queue_full', 'runner_unavailable']),
    message: z.string(),
  }),
});
