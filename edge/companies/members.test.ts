import { describe, expect, it } from 'vitest';
import type { CompanyReportMember } from '../contract/companies.ts';
import { companyMemberQuery } from '../contract/companies.ts';
import { memberList, memberRow } from './members.ts';

const g1 = { id: '00000000-0000-4000-8000-0000000000f1', name: 'Engineering' };
const mk = (n: number, over: Partial<CompanyReportMember> = {}): CompanyReportMember => ({
  kind: 'member',
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `Person ${String(n).padStart(2, '0')}`,
  email: `p${n}@example.com`,
  role: 'employee',
  status: 'active',
  group: n % 2 ? g1 : null,
  joinedAt: null,
  lastActivityAt: n % 3 ? `2026-11-${String(n).padStart(2, '0')}T00:00:00.000Z` : null,
  courses: [],
  ...over,
});
const course = (progress: number, active = true, overdue = false) => ({
  courseId: '30000000-0000-4000-8000-000000000001',
  courseTitle: 'C',
  bundleId: null,
  assignedAt: '2026-11-01T00:00:00.000Z',
  dueAt: null,
  active,
  overdue,
  enrollmentStatus: progress === 100 ? ('completed' as const) : ('active' as const),
  progress,
  completedAt: null,
  bestQuizPercent: null,
  certificateCode: null,
  lastActivityAt: null,
});

describe('memberRow', () => {
  it('counts active assignments only and averages their progress', () => {
    const row = memberRow(mk(1, { courses: [course(100), course(50, true, true), course(0, false)] }));
    expect(row).toMatchObject({ assignedCourses: 2, completedCourses: 1, progress: 75, overdue: 1 });
    expect(memberRow(mk(2)).progress).toBe(0);
  });
});

describe('memberList', () => {
  const members = Array.from({ length: 25 }, (_, i) => mk(i + 1));
  const q = (input: Record<string, unknown>) => companyMemberQuery.parse(input);

  it('pages by name with a total', () => {
    const page = memberList(members, q({ page: '2', pageSize: '10' }));
    expect(page.total).toBe(25);
    expect(page.items.map((r) => r.name)[0]).toBe('Person 11');
    expect(page.items).toHaveLength(10);
    expect(memberList(members, q({ page: '3', pageSize: '10' })).items).toHaveLength(5);
  });

  it('filters by search, group and status, and sorts either way', () => {
    expect(memberList(members, q({ q: 'P7@' })).items.map((r) => r.email)).toEqual(['p7@example.com']);
    expect(memberList(members, q({ group: g1.id })).total).toBe(13);
    expect(memberList(members, q({ group: 'none' })).total).toBe(12);
    expect(memberList(members, q({ status: 'removed' })).total).toBe(0);
    const desc = memberList(members, q({ sort: 'lastActivity', dir: 'desc', pageSize: '1' }));
    expect(desc.items[0]!.email).toBe('p25@example.com');
    const asc = memberList(members, q({ sort: 'lastActivity', pageSize: '1' }));
    expect(asc.items[0]!.lastActivityAt).toBeNull();
  });

  it('refuses a query outside the contract', () => {
    expect(companyMemberQuery.safeParse({ sort: 'salary' }).success).toBe(false);
    expect(companyMemberQuery.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(companyMemberQuery.safeParse({ group: 'x' }).success).toBe(false);
  });
});
