import { Hono } from 'hono';
import { loadCaller, verifyCaller } from '../caller.ts';
import type { AuthContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { deleteSessions, type LogoutScope } from '../sessions.ts';

const SCOPES: readonly string[] = ['global', 'local', 'others'];

/**
 * POST /logout?scope=global|local|others → 204. Ends sessions (and their refresh tokens);
 * access tokens of an ended session are refused by /user and /logout from then on.
 */
export function logoutRoutes(ctx: AuthContext): Hono {
  const app = new Hono();
  app.post('/logout', async (c) => {
    const scope = c.req.query('scope') ?? 'global';
    if (!SCOPES.includes(scope)) throw validationFailed(`Unsupported logout scope ${JSON.stringify(scope)}`);
    const claims = await verifyCaller(ctx, c);
    await ctx.db.asOwner(async (sql) => {
      const user = await loadCaller(ctx, sql, claims);
      await deleteSessions(sql, user.id, scope as LogoutScope, claims.sessionId);
    });
    return c.body(null, 204);
  });
  return app;
}
