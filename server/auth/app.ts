import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { securityHeaders } from '../../edge/http/security-headers.ts';
import { type AuthDeps, createContext } from './context.ts';
import { AuthError, onAuthError } from './errors.ts';
import { MAX_BODY_BYTES } from './request.ts';
import { logoutRoutes } from './routes/logout.ts';
import { metaRoutes } from './routes/meta.ts';
import { recoverRoutes } from './routes/recover.ts';
import { signupRoutes } from './routes/signup.ts';
import { tokenRoutes } from './routes/token.ts';
import { userRoutes } from './routes/user.ts';
import { verifyRoutes } from './routes/verify.ts';

export type { AuthDeps } from './context.ts';

/**
 * The embedded Supabase Auth (GoTrue) REST subset: email + password sign-up and sign-in,
 * refresh with rotation, user, logout, recovery, mail links, PKCE. Mount it at /auth/v1:
 * `app.route('/auth/v1', createAuthApp(deps))`; @supabase/supabase-js then works unchanged.
 */
export function createAuthApp(deps: AuthDeps): Hono {
  const ctx = createContext(deps);
  const app = new Hono();
  app.onError(onAuthError);
  // The same security headers as the data API (edge/app.ts), on every answer, errors included.
  app.use(securityHeaders());
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AuthError(413, 'request_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  for (const routes of [metaRoutes, signupRoutes, tokenRoutes, userRoutes, logoutRoutes, recoverRoutes, verifyRoutes]) {
    app.route('/', routes(ctx));
  }
  app.all('*', () => {
    throw new AuthError(404, 'not_found', 'Not found');
  });
  return app;
}
