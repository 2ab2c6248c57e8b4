import type {
  BundleCard,
  CompanyAssignResponse,
  CompanyAssignResult,
  CompanyReportMember,
  CompanySeatPool,
  CompanyUnassignInput,
} from '../../../edge/api-types.ts';
import { formatCount } from './format.ts';

/**
 * Assignments on the client: what a company may assign (its seat pools, and bundles whose every
 * course has a pool), the people one can pick, the URL's preselection, the current assignments
 * grouped by course, and the answers in words. Pure.
 */

export interface LearningItem {
  kind: 'course' | 'bundle';
  id: string;
  title: string;
  /** Seats left: a bundle's is the fewest over its courses. */
  free: number;
  /** A course's pool; for a bundle, the pool of its course with the fewest free seats. */
  pool: number;
  /** A bundle's course count (1 for a course). */
  courses: number;
}

/** The company's courses (by title) and the bundles whose courses all have a pool (by title). */
export function learningItems(seats: CompanySeatPool[], bundles: BundleCard[]): LearningItem[] {
  const pools = new Map(seats.map((s) => [s.courseId, s]));
  const byTitle = (a: LearningItem, b: LearningItem) => a.title.localeCompare(b.title);
  const courses: LearningItem[] = seats
    .map((s) => ({
      kind: 'course' as const,
      id: s.courseId,
      title: s.courseTitle,
      free: s.free,
      pool: s.pool,
      courses: 1,
    }))
    .sort(byTitle);
  const packs: LearningItem[] = [];
  for (const b of bundles) {
    const own = b.courses.map((c) => pools.get(c.id));
    if (own.length === 0 || own.some((p) => !p)) continue;
    const tightest = (own as CompanySeatPool[]).reduce((min, p) => (p.free < min.free ? p : min));
    packs.push({
      kind: 'bundle',
      id: b.id,
      title: b.title,
      free: tightest.free,
      pool: tightest.pool,
      courses: own.length,
    });
  }
  return [...courses, ...packs.sort(byTitle)];
}

/** "Git basics: 3 of 5 seats free"; a bundle: "Web pack (3 courses): 1 seat free at most". */
export function itemLabel(item: LearningItem): string {
  const free = Math.max(0, item.free);
  if (item.kind === 'course') return `${item.title}: ${formatCount(free)} of ${formatCount(item.pool)} seats free`;
  return `${item.title} (${item.courses} courses): ${formatCount(free)} ${free === 1 ? 'seat' : 'seats'} free in each`;
}

export interface Person {
  kind: 'member' | 'invitation';
  id: string;
  /** `member:<id>` or `invitation:<id>`. */
  key: string;
  name: string;
  email: string;
  group: { id: string; name: string } | null;
  status: CompanyReportMember['status'];
}

/** People one may assign to: active members and pending invitations (expired ones still hold seats). */
export function assignablePeople(members: CompanyReportMember[]): Person[] {
  return members
    .filter((m) => m.status !== 'removed')
    .map((m) => ({
      kind: m.kind,
      id: m.id,
      key: `${m.kind}:${m.id}`,
      name: m.name,
      email: m.email,
      group: m.group,
      status: m.status,
    }));
}

/**
 * "Support (3 people)": a group as an assignment reaches it, its active members and its pending
 * invitations alike (an imported group is all invitations until people join).
 */
export function groupLabel(group: { id: string; name: string }, people: Person[]): string {
  const n = people.filter((p) => p.group?.id === group.id).length;
  return `${group.name} (${formatCount(n)} ${n === 1 ? 'person' : 'people'})`;
}

/** People whose name, email or group holds every word of `q` (case-insensitive). */
export function filterPeople(people: Person[], q: string): Person[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return people;
  return people.filter((p) => {
    const text = `${p.name} ${p.email} ${p.group?.name ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?users=id,id`: the valid ids, lower-cased, without repeats (at most 5,000). */
export function parseIdList(param: string | string[] | undefined): string[] {
  const text = Array.isArray(param) ? param.join(',') : (param ?? '');
  const ids = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => UUID.test(s));
  return [...new Set(ids)].slice(0, 5000);
}

/** The keys of the people the URL names (user ids or invitation ids). */
export function preselectedKeys(people: Person[], ids: string[]): string[] {
  const wanted = new Set(ids);
  return people.filter((p) => wanted.has(p.id.toLowerCase())).map((p) => p.key);
}

/** The chosen people as the API's targets. */
export function targetsOf(keys: Iterable<string>, people: Person[]): { userIds: string[]; invitationIds: string[] } {
  const chosen = new Set(keys);
  const userIds: string[] = [];
  const invitationIds: string[] = [];
  for (const p of people) {
    if (!chosen.has(p.key)) continue;
    (p.kind === 'member' ? userIds : invitationIds).push(p.id);
  }
  return { userIds, invitationIds };
}

export interface HeldSeat {
  /** `<courseId>/<kind>:<id>`. */
  key: string;
  kind: 'member' | 'invitation';
  id: string;
  name: string;
  email: string;
  dueAt: string | null;
  overdue: boolean;
  progress: number;
}

export interface CourseAssignments {
  courseId: string;
  courseTitle: string;
  people: HeldSeat[];
}

/** The active assignments, by course title, each course's people by name then email. */
export function currentAssignments(members: CompanyReportMember[]): CourseAssignments[] {
  const courses = new Map<string, CourseAssignments>();
  for (const m of members) {
    if (m.status === 'removed') continue;
    for (const c of m.courses) {
      if (!c.active) continue;
      let course = courses.get(c.courseId);
      if (!course) {
        course = { courseId: c.courseId, courseTitle: c.courseTitle, people: [] };
        courses.set(c.courseId, course);
      }
      course.people.push({
        key: `${c.courseId}/${m.kind}:${m.id}`,
        kind: m.kind,
        id: m.id,
        name: m.name,
        email: m.email,
        dueAt: c.dueAt,
        overdue: c.overdue,
        progress: c.progress,
      });
    }
  }
  const list = [...courses.values()].sort((a, b) => a.courseTitle.localeCompare(b.courseTitle));
  for (const c of list) c.people.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return list;
}

/** One unassignment request per course with selected people. */
export function unassignRequests(courses: CourseAssignments[], keys: Iterable<string>): CompanyUnassignInput[] {
  const chosen = new Set(keys);
  const out: CompanyUnassignInput[] = [];
  for (const c of courses) {
    const picked = c.people.filter((p) => chosen.has(p.key));
    if (picked.length === 0) continue;
    const userIds = picked.filter((p) => p.kind === 'member').map((p) => p.id);
    const invitationIds = picked.filter((p) => p.kind === 'invitation').map((p) => p.id);
    out.push({
      courseId: c.courseId,
      ...(userIds.length ? { userIds } : {}),
      ...(invitationIds.length ? { invitationIds } : {}),
    });
  }
  return out;
}

export const ASSIGN_STATUS_LABELS: Record<CompanyAssignResult['status'], string> = {
  assigned: 'Assigned',
  already_assigned: 'Already assigned',
  no_seat: 'No seat',
  not_member: 'Not a member',
  unassigned: 'Unassigned',
  not_assigned: 'Not assigned',
};

export interface ResultLine {
  who: string;
  email: string;
  status: CompanyAssignResult['status'];
  label: string;
  message: string;
}

/** Each result with the person's name (from the people list) where it is known. */
export function resultLines(answer: CompanyAssignResponse, people: Person[]): ResultLine[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return answer.results.map((r) => {
    const p = byId.get(r.userId ?? r.invitationId ?? '');
    const email = r.email ?? p?.email ?? '';
    return {
      who: p?.name || email || 'Unknown person',
      email,
      status: r.status,
      label: ASSIGN_STATUS_LABELS[r.status],
      message: r.message ?? '',
    };
  });
}

/** "2 assigned, 1 already assigned, 1 without a seat." from the answer's counts. */
export function assignSummaryText(answer: CompanyAssignResponse): string {
  const s = answer.summary;
  const parts: string[] = [];
  const add = (n: number | undefined, words: string) => {
    if (n) parts.push(`${formatCount(n)} ${words}`);
  };
  add(s.assigned, 'assigned');
  add(s.alreadyAssigned, 'already assigned');
  add(s.noSeat, 'without a seat');
  add(s.notMember, 'not members');
  add(s.unassigned, 'unassigned');
  add(s.notAssigned, 'not assigned');
  return parts.length ? `${sentenceCase(parts.join(', '))}.` : 'Nobody was changed.';
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
