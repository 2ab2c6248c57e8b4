import type {
  AdminUserList,
  AdminUserQuery,
  AppRole,
  AuditList,
  AuditQuery,
  RoleChangeResult,
  SuspensionResult,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';

/**
 * The admin's People and Audit log API (/api/admin/users, /api/admin/audit; admins only, see
 * docs/admin.md). Refusals arrive as ApiError.
 */

const seg = encodeURIComponent;

/** A query string of the values that are set, in a stable order. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function adminPeopleApi(api: Api) {
  return {
    users: (q: Partial<AdminUserQuery>) =>
      api.getJson<AdminUserList>(
        `/api/admin/users${queryString({ q: q.q, role: q.role, status: q.status, page: q.page })}`,
      ),
    setRole: (id: string, role: AppRole) =>
      api.send<RoleChangeResult>(`/api/admin/users/${seg(id)}/role`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role }),
      }),
    suspend: (id: string, reason: string) =>
      api.postJson<SuspensionResult>(`/api/admin/users/${seg(id)}/suspend`, { reason }),
    restore: (id: string) => api.postJson<SuspensionResult>(`/api/admin/users/${seg(id)}/restore`),
    audit: (q: Partial<AuditQuery>) =>
      api.getJson<AuditList>(
        `/api/admin/audit${queryString({ actor: q.actor, action: q.action, from: q.from, to: q.to, page: q.page })}`,
      ),
  };
}

export type AdminPeopleApi = ReturnType<typeof adminPeopleApi>;
