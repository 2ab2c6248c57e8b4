import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Certificates: issued by the database when an enrollment completes. GET /api/certificates (the
 * caller's), GET /api/certificates/:id/pdf (application/pdf), GET /api/certificates/:id/credential
 * (the Open Badges 3.0 credential as a signed JWT, application/jwt), the public
 * GET /api/certificates/verify/:code, and POST /api/admin/certificates/:id/revoke (admins).
 * The credential's key is published at GET /.well-known/jwks.json.
 */

/** 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX': 96 random bits as uppercase hex in six groups. */
export const CERTIFICATE_CODE_PATTERN = '^[0-9A-F]{4}(-[0-9A-F]{4}){5}$';
export const certificateCode = z.string().regex(new RegExp(CERTIFICATE_CODE_PATTERN), 'must be a certificate code');

export const certificateSummary = z.strictObject({
  id: uuid,
  code: certificateCode,
  /** slug: null when the course is no longer public (the title is the snapshot taken at issue). */
  course: z.strictObject({ slug: slug.nullable(), title: z.string() }),
  learnerName: z.string(),
  instructorName: z.string(),
  issuedAt: isoDateTime,
  revoked: z.boolean(),
});

export const certificateList = z.strictObject({ items: z.array(certificateSummary) });

/** GET /api/certificates/verify/:code for a real code (any other: 404). Minimal data only. */
export const certificateVerification = z.strictObject({
  valid: z.boolean(),
  revoked: z.boolean(),
  learner: z.string(),
  course: z.string(),
  issuedAt: isoDateTime,
});

export const revokeCertificateInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const revokedCertificate = z.strictObject({
  id: uuid,
  revokedAt: isoDateTime,
  revokedReason: z.string(),
});

export type CertificateSummary = z.infer<typeof certificateSummary>;
export type CertificateList = z.infer<typeof certificateList>;
export type CertificateVerification = z.infer<typeof certificateVerification>;
export type RevokeCertificateInput = z.infer<typeof revokeCertificateInput>;
export type RevokedCertificate = z.infer<typeof revokedCertificate>;
