import { Hono } from 'hono';
import { taxRateInput } from '../../contract/checkout.ts';
import { taxRatePatch } from '../../contract/commerce-admin.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { requireAdmin } from './access.ts';
import { mergePatch } from './patch.ts';
import {
  deleteTaxRate,
  getTaxRate,
  insertTaxRate,
  listTaxRates,
  taxRateAsInput,
  updateTaxRate,
} from './tax-queries.ts';

/** Tax rates per country (and region), VAT, GST or sales tax, with the dates they are in effect. */
export function adminTaxRateRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const rateId = (c: Parameters<typeof param>[0]) => param(c, 'id', uuid, badRequest('tax rate id must be a UUID'));

  app.get('/admin/tax-rates', async (c) => {
    await requireAdmin(db, c);
    return c.json({ items: await asCaller(db, c, listTaxRates) });
  });

  app.post('/admin/tax-rates', async (c) => {
    await requireAdmin(db, c);
    const input = await jsonBody(c, taxRateInput);
    const rate = await asCaller(db, c, async (sql) => getTaxRate(sql, await insertTaxRate(sql, input)));
    return c.json(rate, 201);
  });

  app.patch('/admin/tax-rates/:id', async (c) => {
    await requireAdmin(db, c);
    const id = rateId(c);
    const patch = await jsonBody(c, taxRatePatch);
    const rate = await asCaller(db, c, async (sql) => {
      const current = await getTaxRate(sql, id);
      if (!current) throw notFound('tax rate');
      await updateTaxRate(sql, id, mergePatch(taxRateInput, taxRateAsInput(current), patch));
      return getTaxRate(sql, id);
    });
    return c.json(rate);
  });

  app.delete('/admin/tax-rates/:id', async (c) => {
    await requireAdmin(db, c);
    const id = rateId(c);
    if (!(await asCaller(db, c, (sql) => deleteTaxRate(sql, id)))) throw notFound('tax rate');
    return c.body(null, 204);
  });

  return app;
}
