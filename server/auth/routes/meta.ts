import { Hono } from 'hono';
import type { AuthContext } from '../context.ts';

/** GET /health and GET /settings, shaped like GoTrue's. */
export function metaRoutes(ctx: AuthContext): Hono {
  const app = new Hono();
  app.get('/health', (c) =>
    c.json({ version: 'embedded', name: 'GoTrue', description: 'Embedded Supabase Auth subset (email and password)' }),
  );
  app.get('/settings', (c) =>
    c.json({
      external: {
        anonymous_users: false,
        apple: false,
        azure: false,
        email: true,
        github: false,
        gitlab: false,
        google: false,
        phone: false,
        saml: false,
      },
      disable_signup: false,
      mailer_autoconfirm: ctx.autoconfirm,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    }),
  );
  return app;
}
