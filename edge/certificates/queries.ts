import type { CertificateSummary, CertificateVerification, RevokedCertificate } from '../contract/certificates.ts';
import type { Sql } from '../db/port.ts';

/**
 * Certificates, read as the caller (RLS: their own, the course's managers, admins), and the
 * definer functions that verify and revoke them. Names, course title and instructor are the
 * snapshots taken at issue, so a certificate reads the same for ever.
 */

type Stamp = Date | string;
const iso = (t: Stamp) => new Date(t).toISOString();

export interface CertificateRow {
  id: string;
  user_id: string;
  code: string;
  learner_name: string;
  course_title: string;
  course_slug: string | null;
  instructor_name: string;
  issued_at: Stamp;
  revoked_at: Stamp | null;
}

const COLUMNS = `c.id, c.user_id, c.code, c.learner_name, c.course_title, co.slug as course_slug,
  coalesce(c.instructor_name, '') as instructor_name, c.issued_at, c.revoked_at`;
const FROM = 'public.certificates c left join public.courses co on co.id = c.course_id';

export function toSummary(r: CertificateRow): CertificateSummary {
  return {
    id: r.id,
    code: r.code,
    course: { slug: r.course_slug, title: r.course_title },
    learnerName: r.learner_name,
    instructorName: r.instructor_name,
    issuedAt: iso(r.issued_at),
    revoked: r.revoked_at !== null,
  };
}

/** The caller's own certificates, newest first (not all an admin or instructor may read). */
export async function listOwnCertificates(sql: Sql, userId: string): Promise<CertificateSummary[]> {
  const rows = await sql.query<CertificateRow>(
    `select ${COLUMNS} from ${FROM} where c.user_id = $1 order by c.issued_at desc, c.id limit 500`,
    [userId],
  );
  return rows.map(toSummary);
}

/**
 * One certificate for its owner, or (when `admins` is true) for an admin too; null for anyone
 * else, the course's instructor included, as for an id that does not exist.
 */
export async function certificateFor(sql: Sql, id: string, admins: boolean): Promise<CertificateRow | null> {
  const who = admins
    ? '(c.user_id = (select auth.uid()) or (select private.is_admin()))'
    : 'c.user_id = (select auth.uid())';
  const rows = await sql.query<CertificateRow>(`select ${COLUMNS} from ${FROM} where c.id = $1 and ${who}`, [id]);
  return rows[0] ?? null;
}

interface VerifyRow {
  valid: boolean;
  revoked: boolean;
  learner: string;
  course: string;
  issued_at: Stamp;
}

/** The one hashed lookup (public.verify_certificate): null for an unknown code. */
export async function verifyCode(sql: Sql, code: string): Promise<CertificateVerification | null> {
  const rows = await sql.query<VerifyRow>(
    'select valid, revoked, learner, course, issued_at from public.verify_certificate($1)',
    [code],
  );
  const r = rows[0];
  if (!r) return null;
  return { valid: r.valid, revoked: r.revoked, learner: r.learner, course: r.course, issuedAt: iso(r.issued_at) };
}

export async function revokeCertificate(sql: Sql, id: string, reason: string): Promise<RevokedCertificate> {
  const rows = await sql.query<{ id: string; revoked_at: Stamp; revoked_reason: string | null }>(
    'select id, revoked_at, revoked_reason from public.revoke_certificate($1, $2)',
    [id, reason],
  );
  const r = rows[0]!;
  return { id: r.id, revokedAt: iso(r.revoked_at), revokedReason: r.revoked_reason ?? reason };
}
