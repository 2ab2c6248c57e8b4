import type { TaxRateInput } from '../../contract/checkout.ts';
import { ADMIN_LIMITS, type AdminTaxRate } from '../../contract/commerce-admin.ts';
import type { Sql } from '../../db/port.ts';

interface TaxRow {
  id: string;
  country: string;
  region: string | null;
  kind: AdminTaxRate['kind'];
  label: string;
  rate_bps: number;
  effective_from: string;
  effective_to: string | null;
}

// Dates leave as text (YYYY-MM-DD): a driver's Date would shift them by the host's time zone.
const SELECT = `
  select id, country::text as country, region, kind, label, rate_bps,
         effective_from::text as effective_from, effective_to::text as effective_to
  from public.tax_rates`;

const toTaxRate = (r: TaxRow): AdminTaxRate => ({
  id: r.id,
  country: r.country,
  region: r.region,
  kind: r.kind,
  label: r.label,
  rateBps: r.rate_bps,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
});

/** Every rate, ended ones included, by country, then region (the country's own first), newest first. */
export async function listTaxRates(sql: Sql): Promise<AdminTaxRate[]> {
  const rows = await sql.query<TaxRow>(
    `${SELECT} order by country, region nulls first, effective_from desc, id limit ${ADMIN_LIMITS.list}`,
  );
  return rows.map(toTaxRate);
}

export async function getTaxRate(sql: Sql, id: string): Promise<AdminTaxRate | null> {
  const [row] = await sql.query<TaxRow>(`${SELECT} where id = $1`, [id]);
  return row ? toTaxRate(row) : null;
}

export const taxRateAsInput = (t: AdminTaxRate): TaxRateInput => ({
  country: t.country,
  region: t.region,
  kind: t.kind,
  label: t.label,
  rateBps: t.rateBps,
  effectiveFrom: t.effectiveFrom,
  effectiveTo: t.effectiveTo,
});

const params = (t: TaxRateInput) => [t.country, t.region, t.kind, t.label, t.rateBps, t.effectiveFrom, t.effectiveTo];

export async function insertTaxRate(sql: Sql, t: TaxRateInput): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.tax_rates (country, region, kind, label, rate_bps, effective_from, effective_to)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    params(t),
  );
  return row!.id;
}

export async function updateTaxRate(sql: Sql, id: string, t: TaxRateInput): Promise<void> {
  await sql.query(
    `update public.tax_rates set country = $2, region = $3, kind = $4, label = $5, rate_bps = $6,
            effective_from = $7, effective_to = $8
     where id = $1`,
    [id, ...params(t)],
  );
}

export async function deleteTaxRate(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query('delete from public.tax_rates where id = $1 returning id', [id]);
  return rows.length > 0;
}
