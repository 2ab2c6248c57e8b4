import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { labsOnError } from '../../edge/labs/errors.ts';
import type { LabRunner } from '../../edge/labs/runner.ts';
import { LABS_WIRE_BODY_BYTES, labJob } from '../../edge/labs/wire.ts';

/**
 * The runner service: the Node host's sandbox pool for an Edge Function (Supabase mode, through
 * edge/labs/remote-runner.ts). POST /labs/v1/run takes a LabJob and answers its LabRunResult;
 * GET /labs/v1/stats the pool's LabQueueStats. Every call needs `Authorization: Bearer
 * <LABS_TOKEN>`, compared in constant time. Mounted only when LABS_TOKEN is set.
 */

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of a presented token with the expected one (hashes: equal lengths). */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

const error = (code: string, message: string) => ({ error: { code, message } });

export function labsServiceApp(runner: LabRunner, token: string): Hono {
  const app = new Hono();
  app.onError(labsOnError);
  app.use(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !tokenMatches(match[1]!, token)) {
      return c.json(error('unauthorized', 'a valid LABS_TOKEN is required'), 401, {
        'www-authenticate': 'Bearer',
      });
    }
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: LABS_WIRE_BODY_BYTES,
      onError: (c) => c.json(error('payload_too_large', `jobs are limited to ${LABS_WIRE_BODY_BYTES} bytes`), 413),
    }),
  );

  app.post('/run', async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json(error('bad_request', 'malformed JSON'), 400);
    }
    const job = labJob.safeParse(raw);
    if (!job.success) return c.json(error('bad_request', 'invalid job'), 400);
    return c.json(await runner.run(job.data));
  });

  app.get('/stats', (c) => c.json(runner.stats()));
  app.all('*', (c) => c.json(error('not_found', 'route not found'), 404));
  return app;
}
