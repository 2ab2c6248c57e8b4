import { describe, expect, it } from 'vitest';
import type { BundleCard, CompanyReportCourse, CompanyReportMember } from '../../../edge/api-types.ts';
import {
  assignablePeople,
  assignSummaryText,
  currentAssignments,
  filterPeople,
  groupLabel,
  itemLabel,
  learningItems,
  parseIdList,
  preselectedKeys,
  resultLines,
  targetsOf,
  unassignRequests,
} from './company-assign.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const bundle = (n: number, title: string, courses: number[]): BundleCard => ({
  id: id(100 + n),
  slug: `b${n}`,
  title,
  description: '',
  imageUrl: null,
  category: null,
  courses: courses.map((c) => ({ id: id(c), slug: `c${c}`, title: `C${c}`, priceAmount: 100 })),
  currency: 'USD',
  listTotal: 0,
  bundlePrice: 0,
  savings: 0,
  rulesText: null,
});

const course = (n: number, over: Partial<CompanyReportCourse> = {}): CompanyReportCourse => ({
  courseId: id(n),
  courseTitle: `Course ${n}`,
  bundleId: null,
  assignedAt: '2026-01-01T00:00:00Z',
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
});

const member = (n: number, over: Partial<CompanyReportMember> = {}): CompanyReportMember => ({
  kind: 'member',
  id: id(200 + n),
  name: `Person ${n}`,
  email: `p${n}@x.test`,
  role: 'employee',
  status: 'active',
  group: null,
  joinedAt: null,
  lastActivityAt: null,
  courses: [],
  ...over,
});

describe('learningItems', () => {
  const seats = [
    { courseId: id(2), courseTitle: 'Beta', pool: 5, used: 5, free: 0 },
    { courseId: id(1), courseTitle: 'Alpha', pool: 10, used: 3, free: 7 },
  ];

  it('lists the pools by title, then the bundles whose courses all have pools, with the fewest free', () => {
    const items = learningItems(seats, [
      bundle(1, 'Pack', [1, 2]),
      bundle(2, 'Partial', [1, 3]),
      bundle(3, 'Empty', []),
    ]);
    expect(items.map((i) => [i.kind, i.title, i.free, i.pool])).toEqual([
      ['course', 'Alpha', 7, 10],
      ['course', 'Beta', 0, 5],
      ['bundle', 'Pack', 0, 5],
    ]);
    expect(itemLabel(items[0]!)).toBe('Alpha: 7 of 10 seats free');
    expect(itemLabel(items[2]!)).toBe('Pack (2 courses): 0 seats free in each');
    expect(itemLabel({ ...items[0]!, free: -2 })).toBe('Alpha: 0 of 10 seats free');
  });
});

describe('people', () => {
  const members = [
    member(1, { group: { id: id(9), name: 'Support' } }),
    member(2, { status: 'removed' }),
    member(3, { kind: 'invitation', status: 'invited', name: 'Robin Novak', email: 'robin@globex.example' }),
  ];
  const people = assignablePeople(members);

  it('counts a group as an assignment reaches it: active members and pending invitations, not removed ones', () => {
    const support = { id: id(9), name: 'Support' };
    const invited = assignablePeople([
      ...members,
      member(4, { kind: 'invitation', status: 'invited', group: support }),
      member(5, { status: 'removed', group: support }),
    ]);
    expect(groupLabel(support, invited)).toBe('Support (2 people)');
    expect(groupLabel(support, people)).toBe('Support (1 person)');
    expect(groupLabel({ id: id(8), name: 'Empty' }, people)).toBe('Empty (0 people)');
  });

  it('keeps active members and invitations, and filters by every word', () => {
    expect(people.map((p) => p.key)).toEqual([`member:${id(201)}`, `invitation:${id(203)}`]);
    expect(filterPeople(people, 'support').map((p) => p.name)).toEqual(['Person 1']);
    expect(filterPeople(people, ' robin  GLOBEX ').map((p) => p.name)).toEqual(['Robin Novak']);
    expect(filterPeople(people, '')).toHaveLength(2);
  });

  it('reads the URL’s ids and turns the chosen keys into targets', () => {
    expect(parseIdList(`${id(201).toUpperCase()}, nope,${id(203)},${id(201)}`)).toEqual([id(201), id(203)]);
    expect(parseIdList(undefined)).toEqual([]);
    const keys = preselectedKeys(people, parseIdList(`${id(201)},${id(203)},${id(202)}`));
    expect(targetsOf(keys, people)).toEqual({ userIds: [id(201)], invitationIds: [id(203)] });
  });

  it('names the people of an answer', () => {
    const lines = resultLines(
      {
        results: [
          { userId: id(201), invitationId: null, email: null, status: 'assigned', courseIds: [id(1)], message: null },
          {
            userId: null,
            invitationId: id(999),
            email: 'x@x.test',
            status: 'no_seat',
            courseIds: [],
            message: 'no seat left in Beta: buy more seats',
          },
        ],
        summary: { assigned: 1, alreadyAssigned: 0, noSeat: 1, notMember: 0 },
        buyMoreSeats: '/courses/beta',
      },
      people,
    );
    expect(lines).toEqual([
      { who: 'Person 1', email: 'p1@x.test', status: 'assigned', label: 'Assigned', message: '' },
      {
        who: 'x@x.test',
        email: 'x@x.test',
        status: 'no_seat',
        label: 'No seat',
        message: 'no seat left in Beta: buy more seats',
      },
    ]);
    expect(
      assignSummaryText({ results: [], summary: { assigned: 2, alreadyAssigned: 1, noSeat: 1 }, buyMoreSeats: null }),
    ).toBe('2 assigned, 1 already assigned, 1 without a seat.');
    expect(assignSummaryText({ results: [], summary: { unassigned: 0 }, buyMoreSeats: null })).toBe(
      'Nobody was changed.',
    );
  });
});

describe('current assignments', () => {
  const members = [
    member(2, { name: 'Zed', courses: [course(1, { dueAt: '2026-02-01T23:59:59Z', progress: 40 }), course(2)] }),
    member(1, { name: 'Amy', courses: [course(1), course(2, { active: false })] }),
    member(3, { status: 'removed', courses: [course(1)] }),
    member(4, { kind: 'invitation', status: 'invited', name: 'Inv', courses: [course(1)] }),
  ];

  it('groups active assignments by course, people by name', () => {
    const list = currentAssignments(members);
    expect(list.map((c) => [c.courseTitle, c.people.map((p) => p.name)])).toEqual([
      ['Course 1', ['Amy', 'Inv', 'Zed']],
      ['Course 2', ['Zed']],
    ]);
    expect(list[0]!.people[2]).toMatchObject({ dueAt: '2026-02-01T23:59:59Z', progress: 40 });
  });

  it('asks one unassignment per course, members and invitations apart', () => {
    const list = currentAssignments(members);
    const keys = [list[0]!.people[1]!.key, list[0]!.people[2]!.key, list[1]!.people[0]!.key];
    expect(unassignRequests(list, keys)).toEqual([
      { courseId: id(1), userIds: [id(202)], invitationIds: [id(204)] },
      { courseId: id(2), userIds: [id(202)] },
    ]);
    expect(unassignRequests(list, [])).toEqual([]);
  });
});
