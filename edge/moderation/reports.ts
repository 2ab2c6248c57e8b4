import {
  type AdminReportEntry,
  type AdminReportGroup,
  type AdminReportList,
  type AdminReportQuery,
  MODERATION_LIMITS,
  type MyReport,
  type ReportReason,
  type ReportStatus,
  type ReportTargetType,
  type ResolveAction,
} from '../contract/moderation.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';

/**
 * Reported content (migration 20261129000400). Learners insert their report as themselves under
 * RLS (only content they can see, once while open, 10 an hour); admins read every report and
 * resolve them through public.admin_resolve_reports, which hides the content, closes the target's
 * open reports and writes the audit log in one transaction.
 */

const iso = (t: unknown) => new Date(t as string).toISOString();

interface ReportRow {
  id: string;
  target_type: ReportTargetType;
  target_id: string;
  reason: ReportReason;
  note: string;
  status: ReportStatus;
  created_at: unknown;
}

const toMine = (r: ReportRow): MyReport => ({
  id: r.id,
  targetType: r.target_type,
  targetId: r.target_id,
  reason: r.reason,
  note: r.note,
  status: r.status,
  createdAt: iso(r.created_at),
});

const COLUMNS = 'id, target_type, target_id, reason, note, status, created_at';

export async function createReport(
  sql: Sql,
  input: { targetType: ReportTargetType; targetId: string; reason: ReportReason; note: string },
): Promise<MyReport> {
  try {
    const [row] = await sql.query<ReportRow>(
      `insert into public.content_reports (target_type, target_id, reason, note) values ($1, $2, $3, $4)
       returning ${COLUMNS}`,
      [input.targetType, input.targetId.toLowerCase(), input.reason, input.note],
    );
    return toMine(row!);
  } catch (err) {
    // The policy refuses content the caller cannot see (or their own): nothing to report there.
    if ((err as { code?: string }).code === '42501') {
      throw new AppError(404, 'content_not_found', 'there is no such content you can report');
    }
    throw err;
  }
}

export async function myReports(sql: Sql, userId: string): Promise<MyReport[]> {
  const rows = await sql.query<ReportRow>(
    `select ${COLUMNS} from public.content_reports where reporter_id = $1 order by created_at desc, id limit 200`,
    [userId],
  );
  return rows.map(toMine);
}

const personName = (first: string | null, last: string | null, email: string | null) =>
  `${first ?? ''} ${last ?? ''}`.trim() || email || 'Deleted account';

/** Targets with reports of the wanted status, most recently reported first, with their content. */
export async function adminReports(sql: Sql, query: AdminReportQuery): Promise<AdminReportList> {
  const pageSize = MODERATION_LIMITS.pageSize;
  const groups = await sql.query<{
    target_type: ReportTargetType;
    target_id: string;
    latest_at: unknown;
    total: number;
  }>(
    `select r.target_type, r.target_id, max(r.created_at) as latest_at, (count(*) over ())::int as total
       from public.content_reports r
      where r.status = $1 and ($2::text is null or r.target_type = $2)
      group by r.target_type, r.target_id
      order by max(r.created_at) desc, r.target_id
      limit $3 offset $4`,
    [query.status, query.type ?? null, pageSize, (query.page - 1) * pageSize],
  );
  const [open] = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select distinct target_type, target_id from public.content_reports
      where status = 'open') t`,
  );
  let total = groups[0]?.total ?? 0;
  if (groups.length === 0 && query.page > 1) {
    const [n] = await sql.query<{ n: number }>(
      `select count(*)::int as n from (select distinct target_type, target_id from public.content_reports
        where status = $1 and ($2::text is null or target_type = $2)) t`,
      [query.status, query.type ?? null],
    );
    total = n?.n ?? 0;
  }
  const ids = groups.map((g) => g.target_id);
  const entries = ids.length
    ? await sql.query<
        ReportRow & {
          reporter_id: string;
          first_name: string | null;
          last_name: string | null;
          email: string | null;
          resolved_at: unknown;
        }
      >(
        `select r.id, r.target_type, r.target_id, r.reason, r.note, r.status, r.created_at, r.resolved_at,
                r.reporter_id, p.first_name, p.last_name, p.email
           from public.content_reports r left join public.profiles p on p.id = r.reporter_id
          where r.target_id = any($1::uuid[]) and r.status = $2
          order by r.created_at desc, r.id`,
        [ids, query.status],
      )
    : [];
  const reviews = ids.length
    ? await sql.query<{
        id: string;
        comment: string;
        rating: number;
        author_name: string;
        is_hidden: boolean;
        title: string;
        slug: string;
      }>(
        `select v.id, v.comment, v.rating, v.author_name, v.is_hidden, c.title, c.slug
           from public.reviews v join public.courses c on c.id = v.course_id
          where v.id = any($1::uuid[])`,
        [ids],
      )
    : [];
  const questions = ids.length
    ? await sql.query<{
        id: string;
        body: string;
        status: string;
        first_name: string | null;
        last_name: string | null;
        email: string | null;
        session_id: string;
        session_title: string;
        slug: string;
      }>(
        `select q.id, q.body, q.status, p.first_name, p.last_name, p.email, s.id as session_id,
                s.title as session_title, c.slug
           from public.session_questions q
           join public.live_sessions s on s.id = q.session_id
           join public.courses c on c.id = s.course_id
           left join public.profiles p on p.id = q.author_id
          where q.id = any($1::uuid[])`,
        [ids],
      )
    : [];
  const content = (type: ReportTargetType, id: string): AdminReportGroup['content'] => {
    if (type === 'review') {
      const v = reviews.find((x) => x.id === id);
      if (!v) return null;
      return {
        text: v.comment || `${v.rating}★, no comment`,
        author: v.author_name,
        hidden: v.is_hidden,
        where: { label: `Review of ${v.title} (${v.rating}★)`, href: `/courses/${v.slug}` },
      };
    }
    const q = questions.find((x) => x.id === id);
    if (!q) return null;
    return {
      text: q.body,
      author: personName(q.first_name, q.last_name, q.email),
      hidden: q.status === 'hidden',
      where: { label: `Question in ${q.session_title}`, href: `/learn/${q.slug}/sessions/${q.session_id}` },
    };
  };
  const items: AdminReportGroup[] = groups.map((g) => ({
    targetType: g.target_type,
    targetId: g.target_id,
    content: content(g.target_type, g.target_id),
    reports: entries
      .filter((e) => e.target_id === g.target_id && e.target_type === g.target_type)
      .map(
        (e): AdminReportEntry => ({
          id: e.id,
          reason: e.reason,
          note: e.note,
          status: e.status,
          reporter: { id: e.reporter_id, name: personName(e.first_name, e.last_name, e.email) },
          createdAt: iso(e.created_at),
          resolvedAt: e.resolved_at == null ? null : iso(e.resolved_at),
        }),
      ),
    latestAt: iso(g.latest_at),
  }));
  return { items, page: query.page, pageSize, total, openTargets: open?.n ?? 0 };
}

/** Resolves the open reports of each target in one transaction; returns how many reports closed. */
export async function resolveReports(
  sql: Sql,
  targets: { type: ReportTargetType; id: string }[],
  action: ResolveAction,
): Promise<number> {
  let resolved = 0;
  for (const t of targets) {
    const [row] = await sql.query<{ n: number }>('select public.admin_resolve_reports($1, $2, $3) as n', [
      t.type,
      t.id.toLowerCase(),
      action,
    ]);
    resolved += row!.n;
  }
  return resolved;
}
