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
import type { Mailer } from '../mail/port.ts';
import { ImportFileError, MAX_IMPORT_BYTES, readImportFile } from './import-csv.ts';
import { type Inviter, inviterOf, sendInvitationMail } from './invitation-mail.ts';
import { memberList } from './members.ts';
import {
  acceptInvitation,
  adminAddAdmin,
  adminAddSeats,
  adminCompanies,
  administeredCompany,
  buyMoreSeatsLink,
  call,
  companyGroups,
  companyReport,
  groupCompany,
  invitationCompany,
  myCompanies,
} from './queries.ts';
import { reportCsv, reportFileName } from './report-csv.ts';

export interface CompanyLearningDeps {
  db: Database;
  now: () => Date;
  /** The site's origin, for invitation links (from configuration, never from the request). */
  siteUrl: string;
  /** The platform's name, in invitation mails. */
  platformName: string;
  /** Sends invitation mails after the transaction commits; absent, `mailed` is false and the admin passes the link on. */
  mailer?: Mailer;
}

/** A plain date is due at the end of that day (UTC); a timestamp is kept. */
const dueAt = (due: string | null | undefined) => (due ? (due.length === 10 ? `${due}T23:59:59.999Z` : due) : null);

type RawInvitation = Omit<CompanyInvitation, 'inviteLink' | 'mailed'> & { token: string };

/** How many invitation mails of one import are in flight at once. */
const MAIL_CONCURRENCY = 4;

/**
 * Company learning (docs/company.md): GET /api/companies/mine; per company (its active admins and
 * platform admins; anyone else gets 404, the same as for a company that does not exist) the
 * report and its CSV, imports, groups, assignments, members and invitations; accepting an
 * invitation; platform admins' company list, seats and admins. Every route runs as its caller
 * in one transaction; the definer functions check who may act, and the routes check it first too
 * so a stranger learns nothing from a 400.
 */
export function companyLearningRoutes({ db, now, siteUrl, platformName, mailer }: CompanyLearningDeps): Hono<Env> {
  const app = new Hono<Env>();
  const origin = siteUrl.replace(/\/+$/, '');
  // The link is mailed to the invitee (after the commit) and also goes back to the admin, once,
  // to pass on should the mail fail. The token sits in the fragment, so it never reaches a server
  // log or a Referer header.
  const inviteLink = (token: string) => `${origin}/join#token=${encodeURIComponent(token)}`;
  const mail = (inviter: Inviter, to: string, link: string, expiresAt: string) =>
    sendInvitationMail(mailer, { to, inviter, platformName, link, expiresAt });
  /** The invitation with its link, mailed once the transaction has committed. */
  const mailed = async ({ token, ...rest }: RawInvitation, inviter: Inviter): Promise<CompanyInvitation> => {
    const link = inviteLink(token);
    return { ...rest, inviteLink: link, mailed: await mail(inviter, rest.email, link, rest.expiresAt) };
  };

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
      const invited = answer.rows.filter((r) => r.token).map((r) => r.invitationId!);
      return {
        report: importReport(answer, file, inviteLink),
        mail:
          mailer && invited.length > 0
            ? { inviter: await inviterOf(sql, id), expiries: await expiries(sql, invited) }
            : null,
      };
    });
    if (report.mail) await mailImported(report.report, report.mail.inviter, report.mail.expiries);
    return c.json(report.report);
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
      const short = result.results.filter((r) => r.status === 'no_seat').length;
      return { ...result, buyMoreSeats: short > 0 ? await buyMoreSeatsLink(sql, id, input, short) : null };
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
    const created = await asAdminOf(c, async (sql, id) => ({
      invitation: await call<RawInvitation>(sql, 'create_company_invitation', [
        id,
        input.email,
        input.groupId ?? null,
        input.name ?? '',
      ]),
      inviter: await inviterOf(sql, id),
    }));
    return c.json(await mailed(created.invitation, created.inviter), 201);
  });
  const invitationOf = async (c: Context<Env>, sql: Sql, id: string) => {
    const invitationId = param(c, 'invitationId', uuid, notFound('invitation'));
    if ((await invitationCompany(sql, invitationId)) !== id) throw notFound('invitation');
    return invitationId;
  };
  app.post('/companies/:id/invitations/:invitationId/resend', async (c) => {
    const sent = await asAdminOf(c, async (sql, id) => ({
      invitation: await call<RawInvitation>(sql, 'resend_company_invitation', [await invitationOf(c, sql, id)]),
      inviter: await inviterOf(sql, id),
    }));
    return c.json(await mailed(sent.invitation, sent.inviter));
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

  /** Mails every new invitation of an import (after the commit), MAIL_CONCURRENCY at a time. */
  async function mailImported(report: CompanyImportReport, inviter: Inviter, expiresAt: Map<string, string>) {
    const pending = report.rows.filter((r) => r.inviteLink && r.invitationId && expiresAt.has(r.invitationId));
    let next = 0;
    const worker = async () => {
      for (let row = pending[next++]; row; row = pending[next++]) {
        row.mailed = await mail(inviter, row.email, row.inviteLink!, expiresAt.get(row.invitationId!)!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, pending.length) }, worker));
  }

  return app;
}

interface DbImportReport {
  rows: (Omit<CompanyImportRow, 'line' | 'inviteLink' | 'mailed'> & { row: number; token: string | null })[];
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

/** The expiry (ISO) of each of these invitations, as the caller sees them (RLS: the company's admins). */
async function expiries(sql: Sql, invitationIds: string[]): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; expires_at: Date | string }>(
    'select id, expires_at from public.company_invitations where id = any($1::uuid[])',
    [invitationIds],
  );
  return new Map(rows.map((r) => [r.id, new Date(r.expires_at).toISOString()]));
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
    mailed: false,
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
      mailed: false,
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, summary: { ...answer.summary, failed: answer.summary.failed + file.problems.length } };
}
