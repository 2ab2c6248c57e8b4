import { type Context, Hono } from 'hono';
import { certificateCode, revokeCertificateInput } from '../contract/certificates.ts';
import { uuid } from '../contract/primitives.ts';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { jsonBody, param } from '../http/validate.ts';
import { signCredential } from './credential.ts';
import { ephemeralSigningKey, jwksOf, type SigningKey } from './keys.ts';
import { certificateFor, listOwnCertificates, revokeCertificate, verifyCode } from './queries.ts';
import { renderCertificatePdf } from './stamp.ts';

export interface CertificateConfig {
  /** The credential signing key (keys.ts); without one, a key made for this process (tests only). */
  signingKey?: SigningKey | Promise<SigningKey>;
  /** The public site's origin: the verification URL in the QR code and the credential's issuer. */
  siteUrl: string;
  /** Printed on the certificate and named as the credential's issuer. */
  platformName: string;
}

/** Looked up when a code is malformed, so a malformed code costs what an unknown one does. */
const PLACEHOLDER_CODE = '0000-0000-0000-0000-0000-0000';
const codeOf = (raw: string | undefined): string | null => {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const code = raw.trim().toUpperCase();
  return certificateCode.safeParse(code).success ? code : null;
};

const JWKS_CACHE = 'public, max-age=3600';

/** GET /.well-known/jwks.json: the Node host serves it at the root; the data API also at /api/.well-known/jwks.json. */
export function jwksResponse(key: SigningKey | Promise<SigningKey> | undefined): () => Promise<Response> {
  return async () =>
    Response.json(jwksOf(await (key ?? ephemeralSigningKey())), {
      headers: { 'cache-control': JWKS_CACHE, 'access-control-allow-origin': '*' },
    });
}

/**
 * Certificates: the learner's list, the PDF (owner or admin), the Open Badges credential
 * (owner), the public verification by code, and revocation (admins, in the database).
 * Another user's certificate is a 404, the same as one that does not exist.
 */
export function certificateRoutes(db: Database, config: CertificateConfig): Hono<Env> {
  const app = new Hono<Env>();
  const site = config.siteUrl.replace(/\/+$/, '');
  const signingKey = () => config.signingKey ?? ephemeralSigningKey();
  const certificateId = (c: Context<Env>) => param(c, 'id', uuid, badRequest('certificate id must be a UUID'));

  // The same answer the Node host serves at the root (server/app.ts).
  app.get('/.well-known/jwks.json', jwksResponse(config.signingKey));

  app.get('/certificates', async (c) => {
    const userId = requireUser(c);
    return c.json({ items: await asCaller(db, c, (sql) => listOwnCertificates(sql, userId)) });
  });

  // Public. A malformed code runs the same one hashed lookup as a well-formed one, and every
  // miss is the same 404: nothing tells a near-miss from nonsense.
  app.get('/certificates/verify/:code', async (c) => {
    const code = codeOf(c.req.param('code'));
    const found = await asCaller(db, c, (sql) => verifyCode(sql, code ?? PLACEHOLDER_CODE));
    if (!code || !found) throw notFound('certificate');
    return c.json(found);
  });

  app.get('/certificates/:id/pdf', async (c) => {
    requireUser(c);
    const id = certificateId(c);
    const cert = await asCaller(db, c, (sql) => certificateFor(sql, id, true));
    if (!cert) throw notFound('certificate');
    const bytes = await renderCertificatePdf(
      {
        learnerName: cert.learner_name,
        courseTitle: cert.course_title,
        instructorName: cert.instructor_name,
        issuedAt: cert.issued_at,
        code: cert.code,
        verifyUrl: `${site}/verify/${cert.code}`,
      },
      config.platformName,
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="certificate-${cert.code}.pdf"`,
      'cache-control': 'private, no-store',
    });
  });

  app.get('/certificates/:id/credential', async (c) => {
    requireUser(c);
    const id = certificateId(c);
    const cert = await asCaller(db, c, (sql) => certificateFor(sql, id, false));
    if (!cert) throw notFound('certificate');
    if (cert.revoked_at !== null) {
      throw new AppError(409, 'certificate_revoked', 'This certificate has been revoked: it has no credential.');
    }
    const jwt = await signCredential(await signingKey(), {
      certificateId: cert.id,
      userId: cert.user_id,
      courseSlug: cert.course_slug ?? cert.id,
      courseTitle: cert.course_title,
      instructorName: cert.instructor_name,
      issuedAt: cert.issued_at,
      siteUrl: site,
      platformName: config.platformName,
    });
    return c.body(jwt, 200, {
      'content-type': 'application/jwt',
      'content-disposition': `attachment; filename="certificate-${cert.code}.jwt"`,
      'cache-control': 'private, no-store',
    });
  });

  app.post('/admin/certificates/:id/revoke', async (c) => {
    requireUser(c);
    const id = certificateId(c);
    const { reason } = await jsonBody(c, revokeCertificateInput);
    return c.json(await asCaller(db, c, (sql) => revokeCertificate(sql, id, reason)));
  });

  return app;
}
