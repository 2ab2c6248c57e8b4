import type { CompanyReport } from '../contract/companies.ts';
import { csvFile } from './csv.ts';

/**
 * The company report as a spreadsheet (GET /api/companies/:id/report.csv): one row per person
 * and assigned course (a person without assignments gets one row with the course cells empty).
 * Every cell goes through csvCell, so names such as `=cmd|...` open as text.
 */

export const REPORT_CSV_HEADER = [
  'Name',
  'Email',
  'Group',
  'Status',
  'Role',
  'Course',
  'Assigned',
  'Due',
  'Overdue',
  'Enrollment',
  'Progress %',
  'Completed',
  'Best quiz %',
  'Certificate',
  'Last activity',
] as const;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const stamp = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');

export function reportCsv(report: CompanyReport): string {
  const rows: (string | number | null)[][] = [];
  for (const m of report.members) {
    const person = [m.name, m.email, m.group?.name ?? '', m.status, m.role];
    if (m.courses.length === 0) {
      rows.push([...person, '', '', '', '', '', '', '', '', '', stamp(m.lastActivityAt)]);
      continue;
    }
    for (const c of m.courses) {
      rows.push([
        ...person,
        c.courseTitle,
        day(c.assignedAt),
        day(c.dueAt),
        c.overdue ? 'yes' : 'no',
        c.active ? (c.enrollmentStatus ?? 'pending') : 'unassigned',
        Math.round(c.progress),
        day(c.completedAt),
        c.bestQuizPercent === null ? '' : Math.round(c.bestQuizPercent),
        c.certificateCode ?? '',
        stamp(c.lastActivityAt),
      ]);
    }
  }
  return csvFile(REPORT_CSV_HEADER, rows);
}

/** `<slug>-report-<YYYY-MM-DD>.csv`; the slug is [a-z0-9-] only, so the name needs no escaping. */
export function reportFileName(slug: string, now: Date): string {
  return `${slug}-report-${now.toISOString().slice(0, 10)}.csv`;
}
