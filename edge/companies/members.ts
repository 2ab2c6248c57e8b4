import type {
  CompanyMemberList,
  CompanyMemberQuery,
  CompanyMemberRow,
  CompanyReportMember,
} from '../contract/companies.ts';

/**
 * The employees table (GET /api/companies/:id/members) from the company report's members:
 * one row per member or pending invitee with their counts, then search, filters, sorting and a
 * page. Pure: the report is read once (one set-based query), the rest happens here.
 */

export function memberRow(m: CompanyReportMember): CompanyMemberRow {
  const active = m.courses.filter((c) => c.active);
  const progress = active.length ? active.reduce((sum, c) => sum + c.progress, 0) / active.length : 0;
  return {
    kind: m.kind,
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    status: m.status,
    group: m.group,
    assignedCourses: active.length,
    completedCourses: active.filter((c) => c.enrollmentStatus === 'completed' || c.completedAt !== null).length,
    progress: Math.round(progress * 10) / 10,
    overdue: active.filter((c) => c.overdue).length,
    lastActivityAt: m.lastActivityAt,
  };
}

const text = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

const compare: Record<CompanyMemberQuery['sort'], (a: CompanyMemberRow, b: CompanyMemberRow) => number> = {
  name: (a, b) => text(a.name || a.email, b.name || b.email),
  email: (a, b) => text(a.email, b.email),
  group: (a, b) => text(a.group?.name ?? '', b.group?.name ?? ''),
  progress: (a, b) => a.progress - b.progress,
  // Never active sorts first ascending (oldest activity first).
  lastActivity: (a, b) => (a.lastActivityAt ?? '').localeCompare(b.lastActivityAt ?? ''),
  status: (a, b) => a.status.localeCompare(b.status),
};

export function memberList(members: CompanyReportMember[], q: CompanyMemberQuery): CompanyMemberList {
  const needle = q.q?.toLowerCase();
  const rows = members.map(memberRow).filter((r) => {
    if (q.status && r.status !== q.status) return false;
    if (q.group === 'none' ? r.group !== null : q.group && r.group?.id !== q.group) return false;
    if (needle && !`${r.name}\n${r.email}\n${r.group?.name ?? ''}`.toLowerCase().includes(needle)) return false;
    return true;
  });
  const sign = q.dir === 'desc' ? -1 : 1;
  const by = compare[q.sort];
  // Ties fall back to the email, always ascending, so pages are stable.
  rows.sort((a, b) => sign * by(a, b) || text(a.email, b.email) || a.id.localeCompare(b.id));
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
