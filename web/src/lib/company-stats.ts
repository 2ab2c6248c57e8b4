import type { CompanyDashboard, CompanyReport, CompanyReportMember } from '../../../edge/api-types.ts';

/**
 * The company overview's numbers and chart series, computed from GET /api/companies/:id/report
 * (people and their assignments) and GET /api/company (seats bought and used). Pure functions:
 * the page renders what they answer.
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface OverviewNumbers {
  /** Active members (admins and employees); removed members are not counted. */
  employees: number;
  /** Open invitations not yet expired. */
  pendingInvitations: number;
  /** Open invitations past their expiry (they still hold their seats until resent or revoked). */
  expiredInvitations: number;
  /** Active members whose last activity is within the last 7 / 30 days. */
  active7: number;
  active30: number;
  /** Distinct courses among the active assignments. */
  coursesAssigned: number;
  activeAssignments: number;
  /** Mean progress (0..100, rounded) of the active assignments; null when there are none. */
  overallProgress: number | null;
  completedAssignments: number;
  overdueAssignments: number;
}

const isActiveMember = (m: CompanyReportMember) => m.kind === 'member' && m.status === 'active';
const isOpenInvitation = (m: CompanyReportMember) => m.kind === 'invitation';

/** The active assignments (of active members and open invitations), with who holds them. */
export function activeAssignments(report: CompanyReport) {
  return report.members.flatMap((m) =>
    m.status === 'removed' ? [] : m.courses.filter((c) => c.active).map((course) => ({ member: m, course })),
  );
}

export function overviewNumbers(report: CompanyReport, now: Date): OverviewNumbers {
  const members = report.members.filter(isActiveMember);
  const invitations = report.members.filter(isOpenInvitation);
  const since = (days: number) => now.getTime() - days * DAY;
  const activeWithin = (days: number) =>
    members.filter((m) => m.lastActivityAt !== null && Date.parse(m.lastActivityAt) >= since(days)).length;
  const active = activeAssignments(report).map((a) => a.course);
  return {
    employees: members.length,
    pendingInvitations: invitations.filter((m) => m.status === 'invited').length,
    expiredInvitations: invitations.filter((m) => m.status === 'expired').length,
    active7: activeWithin(7),
    active30: activeWithin(30),
    coursesAssigned: new Set(active.map((c) => c.courseId)).size,
    activeAssignments: active.length,
    overallProgress: mean(active.map((c) => c.progress)),
    completedAssignments: active.filter((c) => c.completedAt !== null || c.enrollmentStatus === 'completed').length,
    overdueAssignments: active.filter((c) => c.overdue).length,
  };
}

/** The rounded mean, or null for no values. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY);
}

/** The ISO-8601 week of a date, "2026-W53" (the week belongs to the year of its Thursday). */
export function isoWeek(at: Date): string {
  const thursday = new Date(weekStart(at).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface WeekCount {
  /** The week's Monday, `YYYY-MM-DD` (UTC). */
  start: string;
  isoWeek: string;
  count: number;
}

/**
 * Completions per week over the last `weeks` weeks (the current week last), from every
 * assignment's completedAt, removed members' included (their records stay for reports).
 */
export function weeklyCompletions(report: CompanyReport, now: Date, weeks = 12): WeekCount[] {
  const first = weekStart(now).getTime() - (weeks - 1) * WEEK;
  const counts = new Array<number>(weeks).fill(0);
  for (const m of report.members) {
    for (const c of m.courses) {
      if (!c.completedAt) continue;
      const at = Date.parse(c.completedAt);
      const index = Math.floor((weekStart(new Date(at)).getTime() - first) / WEEK);
      if (index >= 0 && index < weeks) counts[index]! += 1;
    }
  }
  return counts.map((count, i) => {
    const start = new Date(first + i * WEEK);
    return { start: start.toISOString().slice(0, 10), isoWeek: isoWeek(start), count };
  });
}

export interface GroupProgress {
  /** null: the people in no group. */
  groupId: string | null;
  name: string;
  /** Active members and open invitations in the group. */
  people: number;
  assignments: number;
  /** Mean progress of the group's active assignments, null when it has none. */
  progress: number | null;
}

export const NO_GROUP = 'No group';

/**
 * Mean progress of the active assignments per group, in the report's group order, then
 * "No group" (shown only when someone is in no group). Removed members are left out.
 */
export function progressByGroup(report: CompanyReport): GroupProgress[] {
  const people = report.members.filter((m) => m.status !== 'removed');
  const row = (groupId: string | null, name: string): GroupProgress => {
    const inGroup = people.filter((m) => (m.group?.id ?? null) === groupId);
    const progress = inGroup.flatMap((m) => m.courses.filter((c) => c.active).map((c) => c.progress));
    return { groupId, name, people: inGroup.length, assignments: progress.length, progress: mean(progress) };
  };
  const rows = report.groups.map((g) => row(g.id, g.name));
  const none = row(null, NO_GROUP);
  return none.people > 0 ? [...rows, none] : rows;
}

export interface OverdueRow {
  memberId: string;
  name: string;
  email: string;
  courseId: string;
  courseTitle: string;
  dueAt: string;
  progress: number;
}

/** The overdue active assignments, the longest overdue first. */
export function overdueAssignments(report: CompanyReport): OverdueRow[] {
  return activeAssignments(report)
    .filter(({ course }) => course.overdue && course.dueAt !== null)
    .map(({ member, course }) => ({
      memberId: member.id,
      name: member.name,
      email: member.email,
      courseId: course.courseId,
      courseTitle: course.courseTitle,
      dueAt: course.dueAt!,
      progress: course.progress,
    }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.email.localeCompare(b.email));
}

export interface BundleSeats {
  bundleId: string;
  title: string;
  slug: string | null;
  courses: number;
  /** Whole bundles: the fewest seats bought (less revoked) in any of its courses. */
  bought: number;
  /** The most seats used in any of its courses. */
  assigned: number;
  /** Whole bundles that can still be assigned: the fewest seats left in any of its courses. */
  remaining: number;
}

/**
 * Seats per bundle the company assigned: a bundle assignment takes one seat in each of its
 * courses, so a bundle has as many seats as its scarcest course.
 */
export function bundleSeats(seats: CompanyDashboard['seats'], bundles: CompanyDashboard['bundles']): BundleSeats[] {
  return bundles.map((b) => {
    const pools = b.courseIds.map((id) => seats.find((s) => s.courseId === id));
    const held = pools.filter((p) => p !== undefined);
    const whole = held.length === b.courseIds.length && held.length > 0;
    return {
      bundleId: b.id,
      title: b.title,
      slug: b.slug,
      courses: b.courseIds.length,
      bought: whole ? Math.min(...held.map((p) => p.bought - p.revoked)) : 0,
      assigned: held.length ? Math.max(...held.map((p) => p.assigned)) : 0,
      remaining: whole ? Math.min(...held.map((p) => p.remaining)) : 0,
    };
  });
}
