import type {
  AcceptedInvitation,
  AdminCompanyAdmin,
  AdminCompanyList,
  AdminCompanySeats,
  CompanyAssignInput,
  CompanyAssignResponse,
  CompanyGroupList,
  CompanyGroupSaved,
  CompanyImportReport,
  CompanyInvitation,
  CompanyMemberList,
  CompanyMemberQueryInput,
  CompanyReport,
  CompanyUnassignInput,
  MyCompanies,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { DOWNLOAD_FAILED, downloadFile } from './download.ts';
import { jsonInit } from './json-init.ts';

/**
 * Company learning (docs/company.md): a company admin's calls to the data API (edge/companies/),
 * an invitee's acceptance, and a platform admin's company tools. Every company route answers 404
 * to anyone who does not administer that company.
 */
export function companyApi(api: Api) {
  const seg = encodeURIComponent;
  const base = (id: string) => `/api/companies/${seg(id)}`;
  return {
    mine: () => api.getJson<MyCompanies>('/api/companies/mine'),
    report: (id: string) => api.getJson<CompanyReport>(`${base(id)}/report`),
    /** Saves the report as CSV (formula-safe) through the browser. */
    downloadReportCsv: (id: string, fileName: string) =>
      downloadFile(api, `${base(id)}/report.csv`, fileName, () => DOWNLOAD_FAILED),
    members: (id: string, query: CompanyMemberQueryInput = {}) =>
      api.getJson<CompanyMemberList>(`${base(id)}/members${memberQueryString(query)}`),
    removeMember: (id: string, userId: string) =>
      api.send<{ userId: string; status: 'removed'; unassigned: number }>(`${base(id)}/members/${seg(userId)}`, {
        method: 'DELETE',
      }),
    moveMembers: (id: string, userIds: string[], groupId: string | null) =>
      api.postJson<{ moved: number }>(`${base(id)}/members/move`, { userIds, groupId }),
    groups: (id: string) => api.getJson<CompanyGroupList>(`${base(id)}/groups`),
    createGroup: (id: string, name: string) => api.postJson<CompanyGroupSaved>(`${base(id)}/groups`, { name }),
    renameGroup: (id: string, groupId: string, name: string) =>
      api.send<CompanyGroupSaved>(`${base(id)}/groups/${seg(groupId)}`, jsonInit('PATCH', { name })),
    deleteGroup: (id: string, groupId: string) =>
      api.send<{ id: string; deleted: true }>(`${base(id)}/groups/${seg(groupId)}`, { method: 'DELETE' }),
    assign: (id: string, input: CompanyAssignInput) =>
      api.postJson<CompanyAssignResponse>(`${base(id)}/assignments`, input),
    unassign: (id: string, input: CompanyUnassignInput) =>
      api.postJson<CompanyAssignResponse>(`${base(id)}/unassignments`, input),
    invite: (id: string, input: { email: string; name?: string; groupId?: string | null }) =>
      api.postJson<CompanyInvitation>(`${base(id)}/invitations`, input),
    resendInvitation: (id: string, invitationId: string) =>
      api.postJson<CompanyInvitation>(`${base(id)}/invitations/${seg(invitationId)}/resend`, {}),
    revokeInvitation: (id: string, invitationId: string) =>
      api.send<{ id: string; revoked: true; unassigned: number }>(`${base(id)}/invitations/${seg(invitationId)}`, {
        method: 'DELETE',
      }),
    /** Imports `name,email,group` rows; `assign` a course or bundle id (with an optional due date) to each. */
    importCsv: (id: string, csv: string, opts: { assign?: string; due?: string } = {}) => {
      const q = new URLSearchParams();
      if (opts.assign) q.set('assign', opts.assign);
      if (opts.assign && opts.due) q.set('due', opts.due);
      const query = q.size ? `?${q}` : '';
      return api.postJson<CompanyImportReport>(`${base(id)}/imports${query}`, { csv });
    },
    acceptInvitation: (token: string) => api.postJson<AcceptedInvitation>('/api/invitations/accept', { token }),
    adminCompanies: () => api.getJson<AdminCompanyList>('/api/admin/companies'),
    adminAddSeats: (id: string, input: { courseId: string; seats: number; note?: string }) =>
      api.postJson<AdminCompanySeats>(`/api/admin/companies/${seg(id)}/seats`, input),
    adminAddAdmin: (id: string, email: string) =>
      api.postJson<AdminCompanyAdmin>(`/api/admin/companies/${seg(id)}/admins`, { email }),
  };
}

export type CompanyApi = ReturnType<typeof companyApi>;

/** `?q=&group=&status=&sort=&dir=&page=&pageSize=` with the empty and default ones left out. */
export function memberQueryString(query: CompanyMemberQueryInput): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    q.set(key, String(value));
  }
  return q.size ? `?${q}` : '';
}
