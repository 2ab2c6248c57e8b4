import { Hono } from 'hono';
import { pricingRuleInput } from '../../contract/checkout.ts';
import { pricingRulePatch } from '../../contract/commerce-admin.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { requireAdmin } from './access.ts';
import { unprocessable } from './errors.ts';
import { deleteRule, getRule, insertRule, listRules, setRuleActive } from './rule-queries.ts';

/**
 * Cart and seat tiers ("Buy 3, get 10% off", "10+ seats: 15% off"). A bundle's tiers are part of
 * the bundle (PATCH /api/admin/bundles/:id replaces them): they are listed here, switched on or
 * off or deleted here, but created with the bundle.
 */
export function adminPricingRuleRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const ruleId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('rule id must be a UUID'));

  app.get('/admin/pricing-rules', async (c) => {
    await requireAdmin(db, c);
    return c.json({ items: await asCaller(db, c, listRules) });
  });

  app.post('/admin/pricing-rules', async (c) => {
    await requireAdmin(db, c);
    const input = await jsonBody(c, pricingRuleInput);
    if (input.scope === 'bundle') {
      throw unprocessable('bundle_rule', "a bundle's tiers are set on the bundle (its rules)", 'scope');
    }
    const rule = await asCaller(db, c, async (sql) => getRule(sql, await insertRule(sql, input)));
    return c.json(rule, 201);
  });

  app.patch('/admin/pricing-rules/:id', async (c) => {
    await requireAdmin(db, c);
    const id = ruleId(c);
    const { active } = await jsonBody(c, pricingRulePatch);
    const rule = await asCaller(db, c, async (sql) =>
      (await setRuleActive(sql, id, active)) ? getRule(sql, id) : null,
    );
    if (!rule) throw notFound('pricing rule');
    return c.json(rule);
  });

  app.delete('/admin/pricing-rules/:id', async (c) => {
    await requireAdmin(db, c);
    const id = ruleId(c);
    if (!(await asCaller(db, c, (sql) => deleteRule(sql, id)))) throw notFound('pricing rule');
    return c.body(null, 204);
  });

  return app;
}
