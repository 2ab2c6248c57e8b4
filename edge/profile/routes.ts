import { Hono } from 'hono';
import { profileUpdate } from '../contract/profile.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { jsonBody } from '../http/validate.ts';
import { AVATAR_PATH_PREFIX, allowedAvatarUrl } from './avatar-url.ts';
import { getProfile, updateProfile } from './queries.ts';

/**
 * The signed-in user's own profile. `projectUrl` is the Supabase project URL the web app uses
 * (from configuration, never from the request), the origin avatar URLs must have.
 */
export function profileRoutes(db: Database, projectUrl: (request: Request) => string): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/profile', async (c) => {
    const userId = requireUser(c);
    const profile = await asCaller(db, c, (sql) => getProfile(sql, userId));
    if (!profile) throw notFound('profile');
    return c.json(profile);
  });

  app.patch('/profile', async (c) => {
    const userId = requireUser(c);
    const changes = await jsonBody(c, profileUpdate);
    if (typeof changes.profileImageUrl === 'string') {
      if (!allowedAvatarUrl(changes.profileImageUrl, userId, projectUrl(c.req.raw))) {
        throw badRequest('invalid request body', [
          {
            path: 'profileImageUrl',
            message: `must be this site's public avatar URL in your own folder (${AVATAR_PATH_PREFIX}<your id>/...)`,
          },
        ]);
      }
    }
    const profile = await asCaller(db, c, (sql) => updateProfile(sql, userId, changes));
    if (!profile) throw notFound('profile');
    return c.json(profile);
  });

  return app;
}
