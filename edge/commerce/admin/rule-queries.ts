import { iso } from '../../catalog/rows.ts';
import type { PricingRuleInput } from '../../contract/checkout.ts';
import { ADMIN_LIMITS, type AdminPricingRule } from '../../contract/commerce-admin.ts';
import type { Sql } from '../../db/port.ts';
import { describeRule } from '../../pricing/rules-text.ts';

interface RuleRow {
  id: string;
  scope: AdminPricingRule['scope'];
  bundle_id: string | null;
  bundle_title: string | null;
  min_quantity: number;
  percent_bps: number;
  active: boolean;
  created_at: unknown;
}

const SELECT = `
  select r.id, r.scope, r.bundle_id, b.title as bundle_title, r.min_quantity, r.percent_bps, r.active, r.created_at
  from public.pricing_rules r left join public.bundles b on b.id = r.bundle_id`;

const toRule = (r: RuleRow): AdminPricingRule => ({
  id: r.id,
  scope: r.scope,
  bundleId: r.bundle_id,
  bundleTitle: r.bundle_title,
  minQuantity: r.min_quantity,
  percentBps: r.percent_bps,
  active: r.active,
  label: describeRule({ scope: r.scope, minQuantity: r.min_quantity, percentBps: r.percent_bps }),
  createdAt: iso(r.created_at)!,
});

/** Every rule: cart and seat tiers first, then each bundle's, by quantity. */
export async function listRules(sql: Sql): Promise<AdminPricingRule[]> {
  const rows = await sql.query<RuleRow>(
    `${SELECT}
     order by case r.scope when 'cart' then 0 when 'seats' then 1 else 2 end, b.title nulls first,
              r.min_quantity, r.id
     limit ${ADMIN_LIMITS.list}`,
  );
  return rows.map(toRule);
}

export async function getRule(sql: Sql, id: string): Promise<AdminPricingRule | null> {
  const [row] = await sql.query<RuleRow>(`${SELECT} where r.id = $1`, [id]);
  return row ? toRule(row) : null;
}

export async function insertRule(sql: Sql, r: PricingRuleInput): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.pricing_rules (scope, bundle_id, min_quantity, percent_bps, active)
     values ($1, $2, $3, $4, $5) returning id`,
    [r.scope, r.bundleId, r.minQuantity, r.percentBps, r.active],
  );
  return row!.id;
}

/** Switches a rule on or off; false when there is no such rule. */
export async function setRuleActive(sql: Sql, id: string, active: boolean): Promise<boolean> {
  const rows = await sql.query('update public.pricing_rules set active = $2 where id = $1 returning id', [id, active]);
  return rows.length > 0;
}

export async function deleteRule(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query('delete from public.pricing_rules where id = $1 returning id', [id]);
  return rows.length > 0;
}
