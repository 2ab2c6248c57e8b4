import { describe, expect, it } from 'vitest';
import type { CompanyReport, CompanyReportCourse, CompanyReportMember } from '../contract/companies.ts';
import { parseCsv } from './csv.ts';
import { REPORT_CSV_HEADER, reportCsv, reportFileName } from './report-csv.ts';

const course = (over: Partial<CompanyReportCourse> = {}): CompanyReportCourse => ({
  courseId: '30000000-0000-4000-8000-000000000001',
  courseTitle: 'Intro to HTML',
  bundleId: null,
  assignedAt: '2026-11-01T10:00:00.000Z',
  dueAt: '2026-12-31T23:59:59.000Z',
  active: true,
  overdue: false,
  enrollmentStatus: 'active',
  progress: 33.333,
  completedAt: null,
  bestQuizPercent: 87.5,
  certificateCode: null,
  lastActivityAt: '2026-11-20T08:30:00.000Z',
  ...over,
});

const member = (over: Partial<CompanyReportMember>): CompanyReportMember => ({
  kind: 'member',
  id: '00000000-0000-4000-8000-0000000000a2',
  name: 'Ada',
  email: 'ada@example.com',
  role: 'employee',
  status: 'active',
  group: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Engineering' },
  joinedAt: '2026-11-01T10:00:00.000Z',
  lastActivityAt: null,
  courses: [],
  ...over,
});

const report = (members: CompanyReportMember[]): CompanyReport => ({
  company: { id: '80000000-0000-4000-8000-0000000000a1', slug: 'acme', name: 'Acme' },
  generatedAt: '2026-11-25T00:00:00.000Z',
  seats: [],
  groups: [],
  members,
});

describe('reportCsv', () => {
  it('writes a BOM, the header and one row per person and course, safe to open in a spreadsheet', () => {
    const text = reportCsv(
      report([
        member({
          name: "=cmd|' /C calc'!A0",
          email: 'x@example.com',
          group: { id: '00000000-0000-4000-8000-0000000000f2', name: '+Sales, "EU"' },
          courses: [
            course(),
            course({ courseTitle: '@Pandas\nadvanced', progress: 100, completedAt: '2026-11-21T00:00:00.000Z' }),
          ],
        }),
        member({ name: 'Zoë 東京', email: 'zoe@example.com', group: null, status: 'invited', kind: 'invitation' }),
        member({ name: '-1+2', email: '\tz@example.com', lastActivityAt: '2026-11-02T09:05:00.000Z' }),
      ]),
    );
    expect(text.startsWith('\uFEFFName,Email,Group,')).toBe(true);
    const records = parseCsv(text).map((r) => r.fields);
    expect(records[0]).toEqual([...REPORT_CSV_HEADER]);
    expect(records).toHaveLength(5);
    expect(records.every((r) => r.length === REPORT_CSV_HEADER.length)).toBe(true);
    expect(records[1]!.slice(0, 13)).toEqual([
      "'=cmd|' /C calc'!A0",
      'x@example.com',
      `'+Sales, "EU"`,
      'active',
      'employee',
      'Intro to HTML',
      '2026-11-01',
      '2026-12-31',
      'no',
      'active',
      '33',
      '',
      '88',
    ]);
    expect(records[2]![5]).toBe("'@Pandas\nadvanced");
    expect(records[2]![10]).toBe('100');
    expect(records[3]!.slice(0, 4)).toEqual(['Zoë 東京', 'zoe@example.com', '', 'invited']);
    expect(records[4]!.slice(0, 2)).toEqual(["'-1+2", "'\tz@example.com"]);
    expect(records[4]![14]).toBe('2026-11-02 09:05 UTC');
    // Every formula-like cell is neutralised in the raw text too.
    for (const line of text.split('\r\n')) expect(line).not.toMatch(/(^|,)"?[=+@]/);
  });

  it('names the file after the company and the day', () => {
    expect(reportFileName('acme', new Date('2026-11-25T12:00:00Z'))).toBe('acme-report-2026-11-25.csv');
  });
});
