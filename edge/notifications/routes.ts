import { Hono } from 'hono';
import { markReadRequest, notificationPreferencesUpdate } from '../contract/notifications.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { jsonBody } from '../http/validate.ts';
import { readPreferences, savePreferences } from './preferences.ts';
import { listNotifications, markRead } from './queries.ts';

/** The signed-in user's notifications: the bell's list, marking them read, and their preferences. */
export function notificationRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/notifications', async (c) => {
    const userId = requireUser(c);
    return c.json(await asCaller(db, c, (sql) => listNotifications(sql, userId)));
  });

  app.post('/notifications/read', async (c) => {
    const userId = requireUser(c);
    const which = await jsonBody(c, markReadRequest);
    return c.json(await asCaller(db, c, (sql) => markRead(sql, userId, which)));
  });

  app.get('/me/notification-preferences', async (c) => {
    const userId = requireUser(c);
    return c.json(await asCaller(db, c, (sql) => readPreferences(sql, userId)));
  });

  app.put('/me/notification-preferences', async (c) => {
    const userId = requireUser(c);
    const update = await jsonBody(c, notificationPreferencesUpdate);
    return c.json(await asCaller(db, c, (sql) => savePreferences(sql, userId, update)));
  });

  return app;
}
