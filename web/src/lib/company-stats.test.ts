import { describe, expect, it } from 'vitest';
import type { CompanyReport, CompanyReportCourse, CompanyReportMember } from '../../../edge/api-types.ts';
import {
  bundleSeats,
  isoWeek,
  NO_GROUP,
  overdueAssignments,
  overviewNumbers,
  progressByGroup,
  weeklyCompletions,
  weekStart,
} from './company-stats.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const G = { eng: { id: id(900), name: 'Engineering' }, sales: { id: id(901), name: 'Sales' } };
const NOW = new Date('2026-01-07T12:00:00Z'); // a Wednesday; its ISO week is 2026-W02

function course(n: number, over: Partial<CompanyReportCourse> = {}): CompanyReportCourse {
  return {
    courseId: id(100 + n),
    courseTitle: `Course ${n}`,
    bundleId: null,
    assignedAt: '2025-10-01T00:00:00.000Z',
    dueAt: null,
    active: true,
    overdue: false,
    enrollmentStatus: 'active',
    progress: 0,
    completedAt: null,
    bestQuizPercent: null,
    certificateCode: null,
    lastActivityAt: null,
    ...over,
  };
}

function member(n: number, over: Partial<CompanyReportMember> = {}): CompanyReportMember {
  return {
    kind: 'member',
    id: id(n),
    name: `Person ${n}`,
    email: `p${n}@example.test`,
    role: 'employee',
    status: 'active',
    group: null,
    joinedAt: '2025-09-01T00:00:00.000Z',
    lastActivityAt: null,
    courses: [],
    ...over,
  };
}

function report(members: CompanyReportMember[]): CompanyReport {
  return {
    company: { id: id(1), slug: 'acme', name: 'Acme' },
    generatedAt: NOW.toISOString(),
    seats: [],
    groups: [
      { ...G.eng, members: 2 },
      { ...G.sales, members: 0 },
    ],
    members,
  };
}

const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

const people = report([
  member(1, {
    role: 'admin',
    lastActivityAt: daysAgo(2),
    group: G.eng,
    courses: [course(1, { progress: 100, completedAt: '2026-01-05T09:00:00.000Z', enrollmentStatus: 'completed' })],
  }),
  member(2, {
    lastActivityAt: daysAgo(20),
    group: G.eng,
    courses: [
      course(1, { progress: 50, overdue: true, dueAt: '2025-12-20T23:59:59.000Z' }),
      course(2, { progress: 10, overdue: true, dueAt: '2025-12-01T23:59:59.000Z' }),
    ],
  }),
  member(3, { lastActivityAt: daysAgo(40), courses: [course(2, { progress: 30 })] }),
  // Removed: records stay (a completion last year), but not in active counts.
  member(4, {
    status: 'removed',
    lastActivityAt: daysAgo(1),
    courses: [
      course(3, { active: false, progress: 100, completedAt: '2025-12-31T23:00:00.000Z', overdue: false }),
      course(4, { active: false, progress: 5, overdue: true, dueAt: '2025-11-01T00:00:00.000Z' }),
    ],
  }),
  member(5, { kind: 'invitation', status: 'invited', joinedAt: null, courses: [course(1)] }),
  member(6, { kind: 'invitation', status: 'expired', joinedAt: null, group: G.eng }),
]);

describe('overviewNumbers', () => {
  it('counts active members and their activity, leaving removed members out', () => {
    const n = overviewNumbers(people, NOW);
    expect(n.employees).toBe(3);
    expect(n.active7).toBe(1);
    expect(n.active30).toBe(2);
  });

  it('counts open invitations as pending (expired ones apart)', () => {
    const n = overviewNumbers(people, NOW);
    expect(n.pendingInvitations).toBe(1);
    expect(n.expiredInvitations).toBe(1);
  });

  it('summarises the active assignments: courses, mean progress, completed and overdue', () => {
    const n = overviewNumbers(people, NOW);
    // Active: p1 c1 (100), p2 c1 (50), p2 c2 (10), p3 c2 (30), invitee c1 (0).
    expect(n.activeAssignments).toBe(5);
    expect(n.coursesAssigned).toBe(2);
    expect(n.overallProgress).toBe(38);
    expect(n.completedAssignments).toBe(1);
    expect(n.overdueAssignments).toBe(2);
  });

  it('answers zeros and no progress for an empty company', () => {
    expect(overviewNumbers(report([]), NOW)).toEqual({
      employees: 0,
      pendingInvitations: 0,
      expiredInvitations: 0,
      active7: 0,
      active30: 0,
      coursesAssigned: 0,
      activeAssignments: 0,
      overallProgress: null,
      completedAssignments: 0,
      overdueAssignments: 0,
    });
  });
});

describe('weeks', () => {
  it('starts weeks on Monday in UTC and names them by ISO week, across year boundaries', () => {
    expect(weekStart(new Date('2026-01-01T08:00:00Z')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(weekStart(new Date('2026-01-04T23:59:59Z')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(weekStart(new Date('2026-01-05T00:00:00Z')).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(isoWeek(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2021-01-03T00:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2026-12-31T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
  });

  it('buckets completions per week over the last 12 weeks, removed members included', () => {
    const weeks = weeklyCompletions(people, NOW);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toEqual({ start: '2026-01-05', isoWeek: '2026-W02', count: 1 });
    // 2025-12-31 is in the week of Monday 2025-12-29, ISO week 2026-W01.
    expect(weeks[10]).toEqual({ start: '2025-12-29', isoWeek: '2026-W01', count: 1 });
    expect(weeks[9]).toEqual({ start: '2025-12-22', isoWeek: '2025-W52', count: 0 });
    expect(weeks[0]!.start).toBe('2025-10-20');
    expect(weeks.reduce((a, w) => a + w.count, 0)).toBe(2);
  });

  it('leaves out completions before the first week and after now', () => {
    const r = report([
      member(1, {
        courses: [
          course(1, { completedAt: '2025-10-19T23:59:59.000Z' }),
          course(2, { completedAt: '2025-10-20T00:00:00.000Z' }),
          course(3, { completedAt: '2026-01-12T00:00:00.000Z' }),
        ],
      }),
    ]);
    const weeks = weeklyCompletions(r, NOW);
    expect(weeks.map((w) => w.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('progressByGroup', () => {
  it('averages active assignments per group, then "No group"; removed members are left out', () => {
    expect(progressByGroup(people)).toEqual([
      // Engineering: p1 c1 100, p2 c1 50, p2 c2 10; the expired invitee holds none.
      { groupId: G.eng.id, name: 'Engineering', people: 3, assignments: 3, progress: 53 },
      { groupId: G.sales.id, name: 'Sales', people: 0, assignments: 0, progress: null },
      // p3 (30) and the invitee (0); the removed p4 is not counted.
      { groupId: null, name: NO_GROUP, people: 2, assignments: 2, progress: 15 },
    ]);
  });

  it('shows no "No group" row when everyone is in a group', () => {
    const r = report([member(1, { group: G.sales, courses: [course(1, { progress: 40 })] })]);
    expect(progressByGroup(r).map((g) => [g.name, g.progress])).toEqual([
      ['Engineering', null],
      ['Sales', 40],
    ]);
  });
});

describe('overdueAssignments', () => {
  it('lists active overdue assignments, the longest overdue first, never removed members', () => {
    expect(overdueAssignments(people).map((o) => [o.email, o.courseTitle, o.dueAt, o.progress])).toEqual([
      ['p2@example.test', 'Course 2', '2025-12-01T23:59:59.000Z', 10],
      ['p2@example.test', 'Course 1', '2025-12-20T23:59:59.000Z', 50],
    ]);
  });
});

describe('bundleSeats', () => {
  const seat = (n: number, bought: number, assigned: number, revoked = 0) => ({
    courseId: id(100 + n),
    courseSlug: null,
    courseTitle: `Course ${n}`,
    bought,
    revoked,
    assigned,
    remaining: Math.max(0, bought - revoked - assigned),
  });

  it('gives a bundle the seats of its scarcest course', () => {
    const seats = [seat(1, 10, 4), seat(2, 10, 6, 2), seat(3, 3, 0)];
    const bundles = [
      { id: id(500), slug: 'duo', title: 'Duo', courseIds: [id(101), id(102)] },
      { id: id(501), slug: 'gap', title: 'Gap', courseIds: [id(101), id(109)] },
    ];
    expect(bundleSeats(seats, bundles)).toEqual([
      { bundleId: id(500), title: 'Duo', slug: 'duo', courses: 2, bought: 8, assigned: 6, remaining: 2 },
      // A course with no seats at all: no whole bundle is left.
      { bundleId: id(501), title: 'Gap', slug: 'gap', courses: 2, bought: 0, assigned: 4, remaining: 0 },
    ]);
  });
});
