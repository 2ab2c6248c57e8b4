import type { CompanyReport, CompanyReportCourse, CompanyReportMember } from '../../../edge/api-types.ts';

/**
 * The company report's three views (/company/reports), computed from one GET
 * /api/companies/:id/report: per employee, per course and per group. Pure, so the numbers are
 * tested without a page. Per course and per group count active assignments only (what holds a
 * seat now); per employee lists every course the report gives for the person, ended ones too
 * (a removed employee's records stay).
 */

export const REPORT_VIEWS = [
  { id: 'employees', label: 'By employee' },
  { id: 'courses', label: 'By course' },
  { id: 'groups', label: 'By group' },
] as const;

export type ReportView = (typeof REPORT_VIEWS)[number]['id'];

/** The view in `?view=`: one of REPORT_VIEWS, else the first. */
export function reportView(raw: unknown): ReportView {
  return REPORT_VIEWS.find((v) => v.id === raw)?.id ?? 'employees';
}

/** The mean of the numbers, rounded to a whole number; null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Whether the person finished the course. */
export const isCompleted = (c: CompanyReportCourse) => c.enrollmentStatus === 'completed' || c.completedAt !== null;

/** Whether the person began the course (some progress or activity, or finished it). */
export const isStarted = (c: CompanyReportCourse) => isCompleted(c) || c.progress > 0 || c.lastActivityAt !== null;

/** A course's state for one person, in words. */
export function courseStatusLabel(c: CompanyReportCourse): string {
  if (!c.active) return 'Unassigned';
  if (isCompleted(c)) return 'Completed';
  if (isStarted(c)) return 'In progress';
  return 'Not started';
}

export const MEMBER_STATUS_LABELS: Record<CompanyReportMember['status'], string> = {
  active: 'Active',
  removed: 'Removed',
  invited: 'Invited',
  expired: 'Invitation expired',
};

export interface EmployeeRow {
  member: CompanyReportMember;
  /** The group's name, '' without one. */
  group: string;
  courses: number;
  completed: number;
  /** Mean progress over the person's courses (null without courses). */
  meanProgress: number | null;
  /** The best quiz result over the person's courses (null when none was taken). */
  bestQuiz: number | null;
  certificates: number;
  overdue: number;
}

export function employeeRows(report: CompanyReport): EmployeeRow[] {
  return report.members.map((m) => {
    const quiz = m.courses.map((c) => c.bestQuizPercent).filter((p): p is number => p !== null);
    return {
      member: m,
      group: m.group?.name ?? '',
      courses: m.courses.length,
      completed: m.courses.filter(isCompleted).length,
      meanProgress: mean(m.courses.map((c) => c.progress)),
      bestQuiz: quiz.length ? Math.max(...quiz) : null,
      certificates: m.courses.filter((c) => c.certificateCode !== null).length,
      overdue: m.courses.filter((c) => c.active && c.overdue).length,
    };
  });
}

/** Rows whose name, email or group holds every word of `q` (case-insensitive). */
export function filterEmployees(rows: readonly EmployeeRow[], q: string): EmployeeRow[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = `${r.member.name} ${r.member.email} ${r.group}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export interface CourseRow {
  courseId: string;
  title: string;
  assigned: number;
  started: number;
  completed: number;
  meanProgress: number | null;
  overdue: number;
  /** Mean of the people's best quiz results, over those who took one. */
  meanBestQuiz: number | null;
}

/** One row per course with an active assignment, by title. */
export function courseRows(report: CompanyReport): CourseRow[] {
  const byCourse = new Map<string, { title: string; courses: CompanyReportCourse[] }>();
  for (const m of report.members) {
    for (const c of m.courses) {
      if (!c.active) continue;
      const entry = byCourse.get(c.courseId) ?? { title: c.courseTitle, courses: [] };
      entry.courses.push(c);
      byCourse.set(c.courseId, entry);
    }
  }
  return [...byCourse.entries()]
    .map(([courseId, { title, courses }]) => ({
      courseId,
      title,
      assigned: courses.length,
      started: courses.filter(isStarted).length,
      completed: courses.filter(isCompleted).length,
      meanProgress: mean(courses.map((c) => c.progress)),
      overdue: courses.filter((c) => c.overdue).length,
      meanBestQuiz: mean(courses.map((c) => c.bestQuizPercent).filter((p): p is number => p !== null)),
    }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.courseId.localeCompare(b.courseId));
}

export interface GroupRow {
  /** null: the people without a group. */
  groupId: string | null;
  name: string;
  /** People in the group now (removed ones left out). */
  people: number;
  assignments: number;
  completed: number;
  meanProgress: number | null;
  overdue: number;
}

export const NO_GROUP = 'No group';

/** One row per group (empty ones too), by name, then "No group" when someone has none. */
export function groupRows(report: CompanyReport): GroupRow[] {
  const rows = new Map<string | null, GroupRow & { progress: number[] }>();
  const row = (groupId: string | null, name: string) => {
    let r = rows.get(groupId);
    if (!r) {
      r = { groupId, name, people: 0, assignments: 0, completed: 0, meanProgress: null, overdue: 0, progress: [] };
      rows.set(groupId, r);
    }
    return r;
  };
  for (const g of report.groups) row(g.id, g.name);
  for (const m of report.members) {
    if (m.status === 'removed') continue;
    const r = row(m.group?.id ?? null, m.group?.name ?? NO_GROUP);
    r.people += 1;
    for (const c of m.courses) {
      if (!c.active) continue;
      r.assignments += 1;
      if (isCompleted(c)) r.completed += 1;
      if (c.overdue) r.overdue += 1;
      r.progress.push(c.progress);
    }
  }
  const named = [...rows.values()].filter((r) => r.groupId !== null).sort((a, b) => a.name.localeCompare(b.name));
  const none = rows.get(null);
  return [...named, ...(none ? [none] : [])].map(({ progress, ...r }) => ({ ...r, meanProgress: mean(progress) }));
}

/** `acme-report-2026-11-25.csv`: the company's slug and the day (UTC). */
export function reportFileName(slug: string, at: Date): string {
  return `${slug}-report-${at.toISOString().slice(0, 10)}.csv`;
}

/** "42%", or an em dash for no value. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)}%`;
}
