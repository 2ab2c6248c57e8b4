import { Hono } from 'hono';
import { z } from 'zod';
import type { JwtVerifier } from '../../edge/auth/jwt.ts';
import type { HostDatabase } from '../db/types.ts';
import { type Access, authorize } from './authorize.ts';
import type { BroadcastMessage } from './frames.ts';
import { REASONS, type RealtimeLimits } from './limits.ts';
import { TokenError, type VerifiedToken, verifyToken } from './tokens.ts';

export interface RestDeps {
  db: HostDatabase;
  verifier: JwtVerifier;
  limits: RealtimeLimits;
  publish(isPrivate: boolean, subTopic: string, message: BroadcastMessage): void;
}

const Body = z.object({
  messages: z
    .array(
      z.object({
        topic: z.string().min(1).max(255),
        event: z.string().min(1).max(255),
        payload: z.unknown().optional(),
        private: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(100),
});

const error = (code: string, message: string) => ({ error: { code, message } });

/**
 * `POST /api/broadcast` (mounted at /realtime/v1): `{messages: [{topic, event, payload, private}]}`
 * → 202, as Supabase Realtime's REST broadcast, which realtime-js falls back to when a channel
 * is not joined. The `apikey` header must be a project key; `Authorization: Bearer` (else the
 * key) is who sends. Private topics are authorized by RLS as on the socket (may send = insert).
 */
export function realtimeRest({ db, verifier, limits, publish }: RestDeps): Hono {
  const app = new Hono();
  const maxBody = 100 * limits.payloadBytes;

  app.post('/api/broadcast', async (c) => {
    let sender: VerifiedToken;
    try {
      await verifyToken(verifier, c.req.header('apikey') ?? c.req.query('apikey'));
      const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      sender = await verifyToken(verifier, bearer ?? c.req.header('apikey') ?? c.req.query('apikey'));
    } catch (err) {
      if (err instanceof TokenError) return c.json(error('unauthorized', err.reason), 401);
      throw err;
    }
    if (Number(c.req.header('content-length') ?? 0) > maxBody) {
      return c.json(error('payload_too_large', REASONS.payloadTooLarge), 413);
    }
    const text = await c.req.text();
    if (Buffer.byteLength(text) > maxBody) return c.json(error('payload_too_large', REASONS.payloadTooLarge), 413);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return c.json(error('bad_request', 'the body must be JSON: {messages: [{topic, event, payload, private}]}'), 400);
    }
    const parsed = Body.safeParse(json);
    if (!parsed.success) {
      return c.json(
        error('bad_request', 'expected {messages: [{topic, event, payload, private}]} (1 to 100 messages)'),
        400,
      );
    }
    const { messages } = parsed.data;
    for (const m of messages) {
      if (Buffer.byteLength(JSON.stringify(m.payload ?? null)) > limits.payloadBytes) {
        return c.json(error('payload_too_large', REASONS.payloadTooLarge), 413);
      }
    }
    const checked = new Map<string, Access>();
    for (const m of messages) {
      if (!m.private) continue;
      let access = checked.get(m.topic);
      if (!access) {
        access = await authorize(db, sender.identity, m.topic);
        checked.set(m.topic, access);
      }
      if (!access.broadcast.write) return c.json(error('forbidden', REASONS.cannotWrite(m.topic)), 403);
    }
    for (const m of messages) publish(m.private === true, m.topic, { event: m.event, payload: m.payload ?? {} });
    return c.body(null, 202);
  });
  app.all('*', (c) => c.json(error('not_found', 'route not found'), 404));
  return app;
}
