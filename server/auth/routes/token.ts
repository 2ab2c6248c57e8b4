import { Hono } from 'hono';
import type { AuthContext } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { passwordGrant } from '../grants/password.ts';
import { pkceGrant } from '../grants/pkce.ts';
import { refreshGrant } from '../grants/refresh.ts';

/** POST /token?grant_type=password|refresh_token|pkce → a session. */
export function tokenRoutes(ctx: AuthContext): Hono {
  const app = new Hono();
  app.post('/token', async (c) => {
    const grantType = c.req.query('grant_type');
    c.header('cache-control', 'no-store');
    switch (grantType) {
      case 'password':
        return c.json(await passwordGrant(ctx, c));
      case 'refresh_token':
        return c.json(await refreshGrant(ctx, c));
      case 'pkce':
        return c.json(await pkceGrant(ctx, c));
      default:
        throw validationFailed('unsupported_grant_type');
    }
  });
  return app;
}
