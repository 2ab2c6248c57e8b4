import { Hono } from 'hono';
import { companyDashboardQuery } from '../../contract/bundles.ts';
import { demoRequestInput } from '../../contract/checkout.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env, requireUser } from '../../http/context.ts';
import { AppError, toErrorBody } from '../../http/errors.ts';
import { jsonBody, queryParams } from '../../http/validate.ts';
import { companyDashboard, createDemoRequest } from './queries.ts';
import { clientKey, rateLimiter } from './rate-limit.ts';

export interface CompanyRouteOptions {
  /** Demo requests per client address per window (default 5 per hour). */
  demoRequests?: { max: number; windowMs: number };
}

export const DEMO_REQUEST_LIMIT = { max: 5, windowMs: 60 * 60 * 1000 };

/**
 * Company packages: "Request a demo" (anyone; the lead is written by private.create_demo_request
 * as service_role, since nobody may insert into demo_requests; a few per client address per hour)
 * and the company admin's dashboard (GET /api/company[?company=<id>], read as the caller: RLS
 * shows a company admin their company's seat purchases and orders only; a company they do not
 * administer is the same 404 as none).
 */
export function companyRoutes(db: Database, now: () => Date, opts: CompanyRouteOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const limit = opts.demoRequests ?? DEMO_REQUEST_LIMIT;
  const limiter = rateLimiter(limit.max, limit.windowMs);

  app.post('/demo-requests', async (c) => {
    const lead = await jsonBody(c, demoRequestInput);
    const wait = limiter.hit(clientKey(c.req.raw.headers), now().getTime());
    if (wait > 0) {
      const err = new AppError(429, 'rate_limited', 'too many demo requests from your network; please try again later');
      return c.json(toErrorBody(err), 429, { 'retry-after': String(wait) });
    }
    const id = await db.asService((sql) => createDemoRequest(sql, lead));
    return c.json({ id }, 201);
  });

  app.get('/company', async (c) => {
    requireUser(c);
    const { company } = queryParams(c, companyDashboardQuery);
    const dashboard = await asCaller(db, c, (sql) => companyDashboard(sql, company));
    if (!dashboard) throw new AppError(404, 'not_a_company_admin', 'you do not administer a company');
    return c.json(dashboard);
  });

  return app;
}
