import type { AdminOverview, OverviewCourse, OverviewRevenue } from '../contract/admin-overview.ts';
import { OVERVIEW_LIMITS } from '../contract/admin-overview.ts';
import type { Sql } from '../db/port.ts';
import type { OverviewRange } from './range.ts';

/**
 * The Overview's numbers, as the admin caller (the admins' read policies let them see every
 * row). Each part is one set-based query grouped in the database; buckets are UTC days,
 * date_trunc'd weeks (Mondays) or months, the first one clipped to `from`.
 */

const BUCKET = `greatest(date_trunc($3, (%s) at time zone 'UTC')::date, $4::date)::text`;
const bucketOf = (column: string) => BUCKET.replace('%s', column);

async function usersByRole(sql: Sql): Promise<AdminOverview['usersByRole']> {
  const rows = await sql.query<{ role: string; n: number }>(
    'select role::text as role, count(*)::int as n from public.profiles group by role',
  );
  const by = Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
  const student = by.student ?? 0;
  const instructor = by.instructor ?? 0;
  const admin = by.admin ?? 0;
  return { student, instructor, admin, total: student + instructor + admin };
}

async function activeLearners(sql: Sql, now: Date): Promise<AdminOverview['activeLearners']> {
  const [row] = await sql.query<{ last7: number; last30: number }>(
    `select count(distinct user_id) filter (where last_activity_at >= $1::timestamptz - interval '7 days')::int as last7,
            count(distinct user_id)::int as last30
     from public.enrollments
     where last_activity_at >= $1::timestamptz - interval '30 days' and last_activity_at <= $1::timestamptz`,
    [now.toISOString()],
  );
  return { last7: Number(row?.last7 ?? 0), last30: Number(row?.last30 ?? 0) };
}

async function series(sql: Sql, r: OverviewRange): Promise<AdminOverview['series']> {
  const rows = await sql.query<{ kind: string; start: string; n: number }>(
    `select 'signups' as kind, ${bucketOf('p.created_at')} as start, count(*)::int as n
     from public.profiles p where p.created_at >= $1::timestamptz and p.created_at < $2::timestamptz
     group by 2
     union all
     select 'enrollments', ${bucketOf('e.enrolled_at')}, count(*)::int
     from public.enrollments e where e.enrolled_at >= $1::timestamptz and e.enrolled_at < $2::timestamptz
     group by 2`,
    [r.start, r.end, r.bucket, r.from],
  );
  const at = new Map(r.starts.map((start) => [start, { start, signups: 0, enrollments: 0 }]));
  for (const row of rows) {
    const point = at.get(row.start);
    if (point) point[row.kind === 'signups' ? 'signups' : 'enrollments'] = Number(row.n);
  }
  return [...at.values()];
}

async function revenue(sql: Sql, r: OverviewRange): Promise<OverviewRevenue[]> {
  const rows = await sql.query<{ currency: string; start: string; gross: number; refunds: number }>(
    `select currency, start, sum(gross)::bigint as gross, sum(refunds)::bigint as refunds
     from (
       select o.currency::text as currency, ${bucketOf('o.paid_at')} as start, o.total as gross, 0 as refunds
       from public.orders o where o.paid_at >= $1::timestamptz and o.paid_at < $2::timestamptz
       union all
       select f.currency::text, ${bucketOf('coalesce(f.processed_at, f.created_at)')}, 0, f.amount
       from public.refunds f
       where f.status = 'succeeded'
         and coalesce(f.processed_at, f.created_at) >= $1::timestamptz
         and coalesce(f.processed_at, f.created_at) < $2::timestamptz
     ) t
     group by currency, start`,
    [r.start, r.end, r.bucket, r.from],
  );
  const byCurrency = new Map<string, Map<string, { gross: number; refunds: number }>>();
  for (const row of rows) {
    const m = byCurrency.get(row.currency) ?? new Map();
    m.set(row.start, { gross: Number(row.gross), refunds: Number(row.refunds) });
    byCurrency.set(row.currency, m);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, m]) => {
      const buckets = r.starts.map((start) => {
        const v = m.get(start) ?? { gross: 0, refunds: 0 };
        return { start, gross: v.gross, refunds: v.refunds, net: v.gross - v.refunds };
      });
      const gross = buckets.reduce((s, b) => s + b.gross, 0);
      const refunds = buckets.reduce((s, b) => s + b.refunds, 0);
      return { currency, gross, refunds, net: gross - refunds, buckets };
    });
}

/**
 * The ten courses with the most enrollments in the range (then the most paid for them), with
 * what was paid per currency and their completion rate over all their enrollments.
 */
async function topCourses(sql: Sql, r: OverviewRange): Promise<OverviewCourse[]> {
  const rows = await sql.query<{
    id: string;
    slug: string;
    title: string;
    enrollments: number;
    revenue: { currency: string; amount: number }[] | string;
    done: number;
    total: number;
  }>(
    `with enrolled as (
       select e.course_id, count(*)::int as n
       from public.enrollments e
       where e.enrolled_at >= $1::timestamptz and e.enrolled_at < $2::timestamptz
       group by e.course_id
     ),
     paid as (
       select g.course_id, o.currency::text as currency,
              sum(oi.total_amount / greatest(cardinality(g.ids), 1))::bigint as amount
       from public.orders o
       join public.order_items oi on oi.order_id = o.id
       cross join lateral (
         select case when oi.kind = 'course' then array[oi.course_id] else oi.course_ids end as ids
       ) x
       cross join lateral (select unnest(x.ids) as course_id, x.ids) g
       where o.paid_at >= $1::timestamptz and o.paid_at < $2::timestamptz
       group by g.course_id, o.currency
     ),
     ranked as (
       select c.id, c.slug, c.title, coalesce(en.n, 0) as enrollments,
              coalesce((select sum(p.amount) from paid p where p.course_id = c.id), 0) as paid_total
       from public.courses c
       left join enrolled en on en.course_id = c.id
       where c.id in (select course_id from enrolled union select course_id from paid)
       order by enrollments desc, paid_total desc, c.title
       limit $3
     )
     select k.id, k.slug, k.title, k.enrollments,
            coalesce((select json_agg(json_build_object('currency', p.currency, 'amount', p.amount) order by p.currency)
                      from paid p where p.course_id = k.id), '[]'::json) as revenue,
            (select count(*) filter (where e.status = 'completed') from public.enrollments e
              where e.course_id = k.id and e.status <> 'cancelled')::int as done,
            (select count(*) from public.enrollments e
              where e.course_id = k.id and e.status <> 'cancelled')::int as total
     from ranked k
     order by k.enrollments desc, k.paid_total desc, k.title`,
    [r.start, r.end, OVERVIEW_LIMITS.topCourses],
  );
  return rows.map((row) => {
    const rev = typeof row.revenue === 'string' ? JSON.parse(row.revenue) : row.revenue;
    const total = Number(row.total);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      enrollments: Number(row.enrollments),
      revenue: (rev as { currency: string; amount: number }[]).map((v) => ({
        currency: v.currency,
        amount: Number(v.amount),
      })),
      completionRate: total === 0 ? 0 : Math.round((Number(row.done) / total) * 1000) / 1000,
    };
  });
}

export async function overview(sql: Sql, r: OverviewRange, now: Date): Promise<AdminOverview> {
  const users = await usersByRole(sql);
  const active = await activeLearners(sql, now);
  const points = await series(sql, r);
  const money = await revenue(sql, r);
  const top = await topCourses(sql, r);
  return {
    from: r.from,
    to: r.to,
    bucket: r.bucket,
    usersByRole: users,
    activeLearners: active,
    totals: {
      signups: points.reduce((s, p) => s + p.signups, 0),
      enrollments: points.reduce((s, p) => s + p.enrollments, 0),
    },
    series: points,
    revenue: money,
    topCourses: top,
  };
}
