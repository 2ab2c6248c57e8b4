import { type Context, Hono } from 'hono';
import {
  acceptInvitationInput,
  adminCompanyAdminInput,
  adminCompanySeatsInput,
  type CompanyAssignResponse,
  type CompanyImportReport,
  type CompanyImportRow,
  type CompanyInvitation,
  companyAssignInput,
  companyGroupInput,
  companyImportBody,
  companyImportQuery,
  companyInvitationInput,
  companyMemberQuery,
  companyMoveInput,
  companyUnassignInput,
} from '../contract/companies.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { jsonBody, param, queryParams, uuid } from '../http/validate.ts';
import { ImportFileError, MAX_IMPORT_BYTES, readImportFile } from './import-csv.ts';
import { memberList } from './members.ts';
import {
  acceptInvitation,
  adminAddAdmin,
  adminAddSeats,
  adminCompanies,
  administeredCompany,
  call,
  companyGroups,
  companyReport,
  groupCompany,
  invitationCompany,
  itemPage,
  myCompanies,
} from './queries.ts';
import { reportCsv, reportFileName } from './report-csv.ts';

export interface CompanyLearningDeps {
  db: Database;
  now: () => Date;
  /** The site's origin, for invitation links (from configuration, never from the request). */
  siteUrl: string;
}

/** A plain date is due at the end of that day (UTC); a timestamp is kept. */
const dueAt = (due: string | null | undefined) => (due ? (due.length === 10 ? `${due}T23:59:59.999Z` : due) : null);

type RawInvitation = Omit<CompanyInvitation, 'inviteLink'> & { token: string };

/**
 * Company learning (docs/company.md): GET /api/companies/mine; per company (its active admins and
 * platform admins; anyone else gets 404, the same as for a company that does not exist) the
 * report and its CSV, imports, groups, assignments, members and invitations; accepting an
 * invitation; platform admins' company list, seats and admins. Every route runs as its caller
 * in one transaction; the definer functions check who may act, and the routes check it first too
 * so a stranger learns nothing from a 400.
 */
export function companyLearningRoutes({ db, now, siteUrl }: CompanyLearningDeps): Hono<Env> {
  const app = new Hono<Env>();
  const origin = siteUrl.replace(/\/+$/, '');
  // edge/ has no mail port: the link goes back to the admin who invited, to pass on. The token
  // sits in the fragment, so it never reaches a server log or a Referer header.
  const inviteLink = (token: string) => `${origin}/join#token=${encodeURIComponent(token)}`;
  const withLink = ({ token, ...rest }: RawInvitation): CompanyInvitation => ({
    ...rest,
    inviteLink: inviteLink(token),
  });

  const companyId = (c: Context<Env>) => param(c, 'id', uuid, notFound('company'));
  /** Runs `fn` as the caller once they are known to administer the company in the path. */
  const asAdminOf = async <T>(c: Context<Env>, fn: (sql: Sql, id: string) => Promise<T>): Promise<T> => {
    requireUser(c);
    const id = companyId(c);
    return asCaller(db, c, async (sql) => {
      if (!(await administeredCompany(sql, id))) throw notFound('company');
      return fn(sql, id);
    });
  };

  app.get('/companies/mine', async (c) => {
    requireUser(c);
    return c.json({ items: await asCaller(db, c, myCompanies) });
  });

  app.get('/companies/:id/report', async (c) => c.json(await asAdminOf(c, companyReport)));

  app.get('/companies/:id/report.csv', async (c) => {
    const report = await asAdminOf(c, companyReport);
    return c.body(reportCsv(report), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reportFileName(report.company.slug, now())}"`,
    });
  });

  app.post('/companies/:id/imports', async (c) => {
    const query = queryParams(c, companyImportQuery);
    const report = await asAdminOf(c, async (sql, id) => {
      const text = await importText(c);
      let file: ReturnType<typeof readImportFile>;
      try {
        file = readImportFile(text);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError(400, err.code, err.message);
        throw err;
      }
      let assign: Record<string, string | null> | null = null;
      if (query.assign) {
        const item = await courseOrBundle(sql, query.assign);
        assign = { ...item, dueAt: dueAt(query.due) };
      } else if (query.due) throw badRequest('due needs assign=<courseId|bundleId>');
      const rows = file.rows.map((r) => ({ name: r.name, email: r.email, group: r.group ?? '' }));
      const answer =
        rows.length > 0
          ? await call<DbImportReport>(sql, 'import_company_members', [
              id,
              JSON.stringify(rows),
              assign && JSON.stringify(assign),
            ])
          : {
              rows: [],
              summary: { invited: 0, alreadyMember: 0, alreadyInvited: 0, failed: 0, assigned: 0, noSeat: 0 },
            };
      return importReport(answer, file, inviteLink);
    });
    return c.json(report);
  });

  // Groups
  app.get('/companies/:id/groups', async (c) => c.json({ items: await asAdminOf(c, companyGroups) }));
  app.post('/companies/:id/groups', async (c) => {
    const { name } = await jsonBody(c, companyGroupInput);
    return c.json(await asAdminOf(c, (sql, id) => call(sql, 'create_company_group', [id, name])), 201);
  });
  const groupOf = async (c: Context<Env>, sql: Sql, id: string) => {
    const groupId = param(c, 'groupId', uuid, notFound('group'));
    if ((await groupCompany(sql, groupId)) !== id) throw notFound('group');
    return groupId;
  };
  app.patch('/companies/:id/groups/:groupId', async (c) => {
    const { name } = await jsonBody(c, companyGroupInput);
    const saved = await asAdminOf(c, async (sql, id) =>
      call(sql, 'rename_company_group', [await groupOf(c, sql, id), name]),
    );
    return c.json(saved);
  });
  app.delete('/companies/:id/groups/:groupId', async (c) =>
    c.json(await asAdminOf(c, async (sql, id) => call(sql, 'delete_company_group', [await groupOf(c, sql, id)]))),
  );
  app.post('/companies/:id/members/move', async (c) => {
    const input = await jsonBody(c, companyMoveInput);
    return c.json(
      await asAdminOf(c, (sql, id) => call(sql, 'move_company_members', [id, input.userIds, input.groupId])),
    );
  });

  // Assignments
  app.post('/companies/:id/assignments', async (c) => {
    const input = await jsonBody(c, companyAssignInput);
    const answer = await asAdminOf(c, async (sql, id) => {
      const result = await call<Omit<CompanyAssignResponse, 'buyMoreSeats'>>(sql, 'assign_company_learning', [
        id,
        JSON.stringify({ ...input, dueAt: dueAt(input.dueAt) }),
      ]);
      const short = result.results.some((r) => r.status === 'no_seat');
      return { ...result, buyMoreSeats: short ? await itemPage(sql, input) : null };
    });
    return c.json(answer);
  });
  app.post('/companies/:id/unassignments', async (c) => {
    const input = await jsonBody(c, companyUnassignInput);
    const answer = await asAdminOf(c, (sql, id) =>
      call<Omit<CompanyAssignResponse, 'buyMoreSeats'>>(sql, 'unassign_company_learning', [id, JSON.stringify(input)]),
    );
    return c.json({ ...answer, buyMoreSeats: null });
  });

  // Members and invitations
  app.get('/companies/:id/members', async (c) => {
    const query = queryParams(c, companyMemberQuery);
    const report = await asAdminOf(c, companyReport);
    return c.json(memberList(report.members, query));
  });
  app.delete('/companies/:id/members/:userId', async (c) => {
    const member = param(c, 'userId', uuid, notFound('member'));
    return c.json(await asAdminOf(c, (sql, id) => call(sql, 'remove_company_member', [id, member])));
  });
  app.post('/companies/:id/invitations', async (c) => {
    const input = await jsonBody(c, companyInvitationInput);
    const created = await asAdminOf(c, (sql, id) =>
      call<RawInvitation>(sql, 'create_company_invitation', [id, input.email, input.groupId ?? null, input.name ?? '']),
    );
    return c.json(withLink(created), 201);
  });
  const invitationOf = async (c: Context<Env>, sql: Sql, id: string) => {
    const invitationId = param(c, 'invitationId', uuid, notFound('invitation'));
    if ((await invitationCompany(sql, invitationId)) !== id) throw notFound('invitation');
    return invitationId;
  };
  app.post('/companies/:id/invitations/:invitationId/resend', async (c) => {
    const sent = await asAdminOf(c, async (sql, id) =>
      call<RawInvitation>(sql, 'resend_company_invitation', [await invitationOf(c, sql, id)]),
    );
    return c.json(withLink(sent));
  });
  app.delete('/companies/:id/invitations/:invitationId', async (c) =>
    c.json(
      await asAdminOf(c, async (sql, id) => call(sql, 'revoke_company_invitation', [await invitationOf(c, sql, id)])),
    ),
  );
  app.post('/invitations/accept', async (c) => {
    requireUser(c);
    const { token } = await jsonBody(c, acceptInvitationInput);
    return c.json(await asCaller(db, c, (sql) => acceptInvitation(sql, token)));
  });

  // Platform admins
  const asPlatformAdmin = async <T>(c: Context<Env>, fn: (sql: Sql) => Promise<T>): Promise<T> => {
    requireUser(c);
    return asCaller(db, c, async (sql) => {
      const [row] = await sql.query<{ admin: boolean }>('select private.is_admin() as admin');
      if (!row?.admin) throw forbidden('only platform admins manage companies');
      return fn(sql);
    });
  };
  app.get('/admin/companies', async (c) => c.json({ items: await asPlatformAdmin(c, adminCompanies) }));
  app.post('/admin/companies/:id/seats', async (c) => {
    const id = companyId(c);
    const input = await jsonBody(c, adminCompanySeatsInput);
    const added = await asPlatformAdmin(c, (sql) =>
      adminAddSeats(sql, id, input.courseId, input.seats, input.note || null),
    );
    return c.json(added, 201);
  });
  app.post('/admin/companies/:id/admins', async (c) => {
    const id = companyId(c);
    const input = await jsonBody(c, adminCompanyAdminInput);
    return c.json(await asPlatformAdmin(c, (sql) => adminAddAdmin(sql, id, input.email)), 201);
  });

  return app;
}

interface DbImportReport {
  rows: (Omit<CompanyImportRow, 'line' | 'inviteLink'> & { row: number; token: string | null })[];
  summary: CompanyImportReport['summary'];
}

/** The import file's text: the body as `text/csv`, or `{csv}` as JSON; at most MAX_IMPORT_BYTES. */
async function importText(c: Context<Env>): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/json\b/i.test(type)) {
    const { csv } = await jsonBody(c, companyImportBody);
    if (new TextEncoder().encode(csv).length > MAX_IMPORT_BYTES) {
      throw new AppError(413, 'payload_too_large', `an import file may hold at most ${MAX_IMPORT_BYTES} bytes`);
    }
    return csv;
  }
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'send the file as text/csv, or JSON {"csv": "..."}');
  }
  return c.req.text();
}

/** Whether the id is a course's or a bundle's (as the caller sees them), for `?assign=`. */
async function courseOrBundle(sql: Sql, id: string): Promise<{ courseId: string } | { bundleId: string }> {
  const [row] = await sql.query<{ course: boolean; bundle: boolean }>(
    `select exists (select 1 from public.courses where id = $1) as course,
            exists (select 1 from public.bundles where id = $1) as bundle`,
    [id],
  );
  if (row?.course) return { courseId: id };
  if (row?.bundle) return { bundleId: id };
  throw new AppError(404, 'not_found', 'assign names no course or bundle');
}

/** The database's per-row answer in file lines, with the rows the edge refused merged in. */
function importReport(
  answer: DbImportReport,
  file: ReturnType<typeof readImportFile>,
  link: (token: string) => string,
): CompanyImportReport {
  const rows: CompanyImportRow[] = answer.rows.map(({ row, token, ...rest }) => ({
    ...rest,
    line: file.rows[row - 1]?.line ?? row + 1,
    inviteLink: token ? link(token) : null,
  }));
  for (const p of file.problems) {
    rows.push({
      line: p.line,
      email: p.email,
      name: '',
      status: 'invalid_row',
      message: p.message,
      assignment: null,
      invitationId: null,
      inviteLink: null,
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, summary: { ...answer.summary, failed: answer.summary.failed + file.problems.length } };
}
