import { z } from 'zod';
import { appRole, isoDateTime, uuid } from './primitives.ts';

/**
 * The admin's People screen and audit log (docs/admin.md): GET /api/admin/users,
 * PATCH /api/admin/users/:id/role, POST /api/admin/users/:id/suspend and /restore,
 * GET /api/admin/audit. Admins only: 401 for visitors, 403 for anyone else.
 */

export const PEOPLE_LIMITS = { pageSize: 25, maxPage: 10_000, q: 200, reason: 500 } as const;

export const userStatus = z.enum(['active', 'suspended']);

export const adminUserQuery = z.strictObject({
  q: z.string().trim().max(PEOPLE_LIMITS.q).optional(),
  role: appRole.optional(),
  status: userStatus.optional(),
  page: z.coerce.number().int().min(1).max(PEOPLE_LIMITS.maxPage).default(1),
});

export const adminUser = z.strictObject({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role: appRole,
  status: userStatus,
  suspendedAt: isoDateTime.nullable(),
  suspendedReason: z.string().nullable(),
  createdAt: isoDateTime,
  /** null when the account never signed in (or the auth service keeps no record). */
  lastSignInAt: isoDateTime.nullable(),
  enrollments: z.int().min(0),
});
export const adminUserList = z.strictObject({
  items: z.array(adminUser),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  /** People matching the filters, over all pages. */
  total: z.int().min(0),
});

export const roleChangeInput = z.strictObject({ role: appRole });
export const suspendInput = z.strictObject({ reason: z.string().trim().min(1).max(PEOPLE_LIMITS.reason) });
export const roleChangeResult = z.strictObject({ id: uuid, role: appRole });
export const suspensionResult = z.strictObject({
  id: uuid,
  status: userStatus,
  suspendedAt: isoDateTime.nullable(),
  suspendedReason: z.string().nullable(),
});

export const auditQuery = z.strictObject({
  actor: uuid.optional(),
  action: z
    .string()
    .regex(/^[a-z_]{1,30}(\.[a-z_]{1,30})?$/, 'an action such as user.suspend, or a kind such as user')
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(PEOPLE_LIMITS.maxPage).default(1),
});

export const auditEntry = z.strictObject({
  id: uuid,
  action: z.string(),
  /** null when the actor's account was deleted. */
  actor: z.strictObject({ id: uuid, name: z.string(), email: z.string() }).nullable(),
  targetType: z.string(),
  targetId: uuid.nullable(),
  /** What the target is called now (a user's name, a course's title), when it still exists. */
  targetLabel: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
});
export const auditList = z.strictObject({
  items: z.array(auditEntry),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0),
});

export type UserStatus = z.infer<typeof userStatus>;
export type AdminUserQuery = z.infer<typeof adminUserQuery>;
export type AdminUser = z.infer<typeof adminUser>;
export type AdminUserList = z.infer<typeof adminUserList>;
export type RoleChangeInput = z.infer<typeof roleChangeInput>;
export type SuspendInput = z.infer<typeof suspendInput>;
export type RoleChangeResult = z.infer<typeof roleChangeResult>;
export type SuspensionResult = z.infer<typeof suspensionResult>;
export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditList = z.infer<typeof auditList>;
