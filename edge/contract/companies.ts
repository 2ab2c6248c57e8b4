import { z } from 'zod';
import { enrollmentStatus, isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Company learning (docs/company.md): the companies a caller belongs to, a company's report and
 * CSV export, employee imports, groups, assignments of courses and bundles, members and
 * invitations; platform admins' company tools. Company routes answer 404 to anyone who is not
 * an admin of that company or a platform admin (the same answer as a company that does not exist).
 */

export const COMPANY_LIMITS = {
  groupName: 100,
  memberName: 200,
  email: 254,
  /** The most people (or invitations) one assignment, unassignment or move names. */
  targets: 5000,
  members: { q: 200, pageSize: 50, maxPageSize: 200, maxPage: 1000 },
  seats: 10_000,
  note: 500,
} as const;

export const companyRole = z.enum(['admin', 'employee']);

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().min(3).max(COMPANY_LIMITS.email);
/** A date (`2026-12-31`, the end of that day in UTC) or a timestamp; null or absent for none. */
const dueDate = z.union([z.iso.date(), isoDateTime]);

/** GET /api/companies/mine */
export const myCompany = z.strictObject({ id: uuid, slug, name: z.string(), role: companyRole });
export const myCompanies = z.strictObject({ items: z.array(myCompany) });

export const companyRef = z.strictObject({ id: uuid, slug, name: z.string() });

export const companyReportCourse = z.strictObject({
  courseId: uuid,
  courseTitle: z.string(),
  bundleId: uuid.nullable(),
  assignedAt: isoDateTime,
  dueAt: isoDateTime.nullable(),
  active: z.boolean(),
  overdue: z.boolean(),
  enrollmentStatus: enrollmentStatus.nullable(),
  progress: z.number().min(0).max(100),
  completedAt: isoDateTime.nullable(),
  bestQuizPercent: z.number().nullable(),
  certificateCode: z.string().nullable(),
  lastActivityAt: isoDateTime.nullable(),
});

export const companyMemberStatus = z.enum(['active', 'removed', 'invited', 'expired']);

export const companyReportMember = z.strictObject({
  /** 'member': id is the user's; 'invitation': a pending invitee, id is the invitation's. */
  kind: z.enum(['member', 'invitation']),
  id: uuid,
  name: z.string(),
  email: z.string(),
  role: companyRole,
  status: companyMemberStatus,
  group: z.strictObject({ id: uuid, name: z.string() }).nullable(),
  joinedAt: isoDateTime.nullable(),
  lastActivityAt: isoDateTime.nullable(),
  courses: z.array(companyReportCourse),
});

export const companySeatPool = z.strictObject({
  courseId: uuid,
  courseTitle: z.string(),
  pool: z.int(),
  used: z.int(),
  free: z.int(),
});

/** GET /api/companies/:id/report */
export const companyReport = z.strictObject({
  company: companyRef,
  generatedAt: isoDateTime,
  seats: z.array(companySeatPool),
  groups: z.array(z.strictObject({ id: uuid, name: z.string(), members: z.int() })),
  members: z.array(companyReportMember),
});

/** `?assign=<courseId|bundleId>&due=<date>` on POST /api/companies/:id/imports */
export const companyImportQuery = z.strictObject({
  assign: uuid.optional(),
  due: dueDate.optional(),
});

/** POST /api/companies/:id/imports as JSON (else the body is the CSV itself, `text/csv`). */
export const companyImportBody = z.strictObject({ csv: z.string().min(1) });

export const companyImportStatus = z.enum([
  'invited',
  'already_member',
  'already_invited',
  'invalid_email',
  'invalid_name',
  'invalid_group',
  'duplicate_in_file',
  'no_seat',
  /** Refused by the edge before the database saw it (too many fields, a value too long, a NUL). */
  'invalid_row',
]);

export const companyImportRow = z.strictObject({
  /** The file's line the row starts on (the header is line 1). */
  line: z.int().positive(),
  email: z.string(),
  name: z.string(),
  status: companyImportStatus,
  message: z.string(),
  assignment: z.enum(['assigned', 'already_assigned', 'no_seat']).nullable(),
  invitationId: uuid.nullable(),
  /** The new invitation's link (only for new invitations), shown once: pass it on if the mail failed. */
  inviteLink: z.string().nullable(),
  /** Whether the invitation mail went out (false for rows without a new invitation). */
  mailed: z.boolean(),
});

export const companyImportReport = z.strictObject({
  rows: z.array(companyImportRow),
  summary: z.strictObject({
    invited: z.int(),
    alreadyMember: z.int(),
    alreadyInvited: z.int(),
    failed: z.int(),
    assigned: z.int(),
    noSeat: z.int(),
  }),
});

export const companyGroup = z.strictObject({ id: uuid, name: z.string(), members: z.int() });
export const companyGroupList = z.strictObject({ items: z.array(companyGroup) });
/** POST /api/companies/:id/groups (201), PATCH /api/companies/:id/groups/:groupId */
export const companyGroupSaved = z.strictObject({ id: uuid, companyId: uuid, name: z.string() });
export const companyGroupInput = z.strictObject({ name: trimmed(COMPANY_LIMITS.groupName) });
export const companyMoveInput = z.strictObject({
  userIds: z.array(uuid).min(1).max(COMPANY_LIMITS.targets),
  /** null: no group. */
  groupId: uuid.nullable(),
});

const learningTargets = {
  userIds: z.array(uuid).max(COMPANY_LIMITS.targets).optional(),
  invitationIds: z.array(uuid).max(COMPANY_LIMITS.targets).optional(),
  groupId: uuid.optional(),
  courseId: uuid.optional(),
  bundleId: uuid.optional(),
};
const oneItemAndTarget = (v: {
  userIds?: string[];
  invitationIds?: string[];
  groupId?: string;
  courseId?: string;
  bundleId?: string;
}) =>
  (v.courseId ? 1 : 0) + (v.bundleId ? 1 : 0) === 1 && !!(v.userIds?.length || v.invitationIds?.length || v.groupId);
const itemAndTargetMessage = {
  message: 'name exactly one of courseId and bundleId, and userIds, invitationIds or groupId',
};

/** POST /api/companies/:id/assignments */
export const companyAssignInput = z
  .strictObject({ ...learningTargets, dueAt: dueDate.nullable().optional() })
  .refine(oneItemAndTarget, itemAndTargetMessage);
/** POST /api/companies/:id/unassignments */
export const companyUnassignInput = z.strictObject(learningTargets).refine(oneItemAndTarget, itemAndTargetMessage);

export const companyAssignResult = z.strictObject({
  userId: uuid.nullable(),
  invitationId: uuid.nullable(),
  email: z.string().nullable(),
  status: z.enum(['assigned', 'already_assigned', 'no_seat', 'not_member', 'unassigned', 'not_assigned']),
  courseIds: z.array(uuid),
  message: z.string().nullable(),
});
export const companyAssignResponse = z.strictObject({
  results: z.array(companyAssignResult),
  summary: z.record(z.string(), z.int()),
  /** The corporate checkout for the seats that were missing (`/checkout?course|bundle=<id>&seats=<n>`), when a seat was missing. */
  buyMoreSeats: z.string().nullable(),
});

export const companyMemberSort = z.enum(['name', 'email', 'group', 'progress', 'lastActivity', 'status']);
/** GET /api/companies/:id/members */
export const companyMemberQuery = z.strictObject({
  q: z.string().trim().max(COMPANY_LIMITS.members.q).optional(),
  group: z.union([uuid, z.literal('none')]).optional(),
  status: companyMemberStatus.optional(),
  sort: companyMemberSort.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(COMPANY_LIMITS.members.maxPage).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(COMPANY_LIMITS.members.maxPageSize)
    .default(COMPANY_LIMITS.members.pageSize),
});
export const companyMemberRow = z.strictObject({
  kind: z.enum(['member', 'invitation']),
  id: uuid,
  name: z.string(),
  email: z.string(),
  role: companyRole,
  status: companyMemberStatus,
  group: z.strictObject({ id: uuid, name: z.string() }).nullable(),
  assignedCourses: z.int(),
  completedCourses: z.int(),
  /** Mean progress over the active assignments (0 with none). */
  progress: z.number(),
  overdue: z.int(),
  lastActivityAt: isoDateTime.nullable(),
});
export const companyMemberList = z.strictObject({
  items: z.array(companyMemberRow),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export const companyRemovedMember = z.strictObject({ userId: uuid, status: z.literal('removed'), unassigned: z.int() });

/** POST /api/companies/:id/invitations */
export const companyInvitationInput = z.strictObject({
  email,
  name: z.string().trim().max(COMPANY_LIMITS.memberName).optional(),
  groupId: uuid.nullable().optional(),
});
export const companyInvitation = z.strictObject({
  id: uuid,
  companyId: uuid,
  email: z.string(),
  name: z.string(),
  groupId: uuid.nullable(),
  expiresAt: isoDateTime,
  /** The link the invitee opens (signed, single use, expiring); shown once: pass it on if the mail failed. */
  inviteLink: z.string(),
  /** Whether the invitation mail went out (after the commit); false: the invitation stands, pass the link on. */
  mailed: z.boolean(),
});
export const companyInvitationRevoked = z.strictObject({ id: uuid, revoked: z.literal(true), unassigned: z.int() });

/** POST /api/invitations/accept */
export const acceptInvitationInput = z.strictObject({ token: z.string().trim().min(20).max(200) });
export const acceptedInvitation = z.strictObject({
  companyId: uuid,
  slug,
  name: z.string(),
  role: companyRole,
  enrolledCourseIds: z.array(uuid),
});

/**
 * A company's usage for platform admins: seats in use of all bought, members with lesson activity
 * in the last 30 days in courses the company assigned them, those assignments' enrollments and
 * how many of them are completed.
 */
export const adminCompanyUsage = z.strictObject({
  seatsUsed: z.int(),
  seatsTotal: z.int(),
  activeLearners30d: z.int(),
  assignedEnrollments: z.int(),
  completions: z.int(),
});

/** GET /api/admin/companies (platform admins) */
export const adminCompany = z.strictObject({
  id: uuid,
  slug,
  name: z.string(),
  members: z.int(),
  admins: z.array(z.strictObject({ userId: uuid, email: z.string(), name: z.string() })),
  seats: z.array(companySeatPool),
  usage: adminCompanyUsage,
});
export const adminCompanyList = z.strictObject({ items: z.array(adminCompany) });
export const adminCompanySeatsInput = z.strictObject({
  courseId: uuid,
  seats: z.int().min(1).max(COMPANY_LIMITS.seats),
  note: z.string().trim().max(COMPANY_LIMITS.note).optional(),
});
export const adminCompanySeats = z.strictObject({
  id: uuid,
  companyId: uuid,
  courseId: uuid,
  seats: z.int(),
  note: z.string().nullable(),
});
export const adminCompanyAdminInput = z.strictObject({ email });
export const adminCompanyAdmin = z.strictObject({
  companyId: uuid,
  userId: uuid,
  email: z.string(),
  role: z.literal('admin'),
});

export type CompanyRole = z.infer<typeof companyRole>;
export type MyCompany = z.infer<typeof myCompany>;
export type MyCompanies = z.infer<typeof myCompanies>;
export type CompanyReport = z.infer<typeof companyReport>;
export type CompanyReportMember = z.infer<typeof companyReportMember>;
export type CompanyReportCourse = z.infer<typeof companyReportCourse>;
export type CompanySeatPool = z.infer<typeof companySeatPool>;
export type CompanyMemberStatus = z.infer<typeof companyMemberStatus>;
export type CompanyImportStatus = z.infer<typeof companyImportStatus>;
export type CompanyImportRow = z.infer<typeof companyImportRow>;
export type CompanyImportReport = z.infer<typeof companyImportReport>;
export type CompanyGroup = z.infer<typeof companyGroup>;
export type CompanyGroupSaved = z.infer<typeof companyGroupSaved>;
export type CompanyGroupList = z.infer<typeof companyGroupList>;
export type CompanyAssignInput = z.infer<typeof companyAssignInput>;
export type CompanyUnassignInput = z.infer<typeof companyUnassignInput>;
export type CompanyAssignResult = z.infer<typeof companyAssignResult>;
export type CompanyAssignResponse = z.infer<typeof companyAssignResponse>;
export type CompanyMemberQuery = z.infer<typeof companyMemberQuery>;
export type CompanyMemberQueryInput = z.input<typeof companyMemberQuery>;
export type CompanyMemberRow = z.infer<typeof companyMemberRow>;
export type CompanyMemberList = z.infer<typeof companyMemberList>;
export type CompanyInvitation = z.infer<typeof companyInvitation>;
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
export type AdminCompany = z.infer<typeof adminCompany>;
export type AdminCompanyUsage = z.infer<typeof adminCompanyUsage>;
export type AdminCompanyList = z.infer<typeof adminCompanyList>;
export type AdminCompanySeats = z.infer<typeof adminCompanySeats>;
export type AdminCompanyAdmin = z.infer<typeof adminCompanyAdmin>;
