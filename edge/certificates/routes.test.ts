import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import type { CertificateList, CertificateVerification } from '../api-types.ts';
import { certificateList, certificateVerification } from '../contract/certificates.ts';
import { readPdfText } from '../invoices/pdf-text.ts';

/**
 * The certificate routes over a real database: a completed enrollment issues the certificate
 * (the database's trigger), then the owner lists it, downloads its PDF and credential, anyone
 * verifies its code, an admin revokes it. Others get 404s, never someone else's certificate.
 */

const CODE = /^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/;

for (const engine of engines()) {
  describe(`certificates on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let certId: string;
    let code: string;

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      // Completing an enrollment is what issues a certificate (a trigger, as the table owner here).
      await t.db.runScript(`
      insert into public.enrollments (user_id, course_id, status, completed_at)
      values ('${ids.student}', '${ids.free}', 'completed', now());
      insert into public.enrollments (user_id, course_id, status) values ('${ids.other}', '${ids.free}', 'active');`);
      const [row] = await t.db.asOwner((sql) =>
        sql.query<{ id: string; code: string }>('select id, code from public.certificates where user_id = $1', [
          ids.student,
        ]),
      );
      certId = row!.id;
      code = row!.code;
    });
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const get = async (path: string, userId: string | null = null) =>
      h.app.request(path, { headers: userId ? await h.as(userId) : {} });
    const revoke = async (id: string, userId: string | null, body: unknown = { reason: 'Academic misconduct' }) =>
      h.app.request(`/api/admin/certificates/${id}/revoke`, {
        method: 'POST',
        headers: { ...(userId ? await h.as(userId) : {}), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it("lists the caller's own certificates (and only theirs)", async () => {
      expect(code).toMatch(CODE);
      const res = await get('/api/certificates', ids.student);
      expect(res.status).toBe(200);
      const list = certificateList.parse(await res.json()) as CertificateList;
      expect(list.items).toEqual([
        {
          id: certId,
          code,
          course: { slug: 'intro-to-html', title: 'Intro to HTML' },
          learnerName: 'Stu Dent',
          instructorName: 'Tea Cher',
          issuedAt: expect.stringMatching(/^\d{4}-/),
          revoked: false,
        },
      ]);
      for (const who of [ids.other, ids.teacher, ids.admin]) {
        expect(((await (await get('/api/certificates', who)).json()) as CertificateList).items).toEqual([]);
      }
      expect((await get('/api/certificates')).status).toBe(401);
    });

    it('gives the owner (and an admin) the PDF, which holds the name and code', async () => {
      for (const who of [ids.student, ids.admin]) {
        const res = await get(`/api/certificates/${certId}/pdf`, who);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="certificate-${code}.pdf"`);
        const texts = (await readPdfText(new Uint8Array(await res.arrayBuffer()))).pages[0]!.map((s) => s.text);
        expect(texts).toEqual(
          expect.arrayContaining([
            'Stu Dent',
            'Intro to HTML',
            'Tea Cher',
            code,
            `http://localhost:8787/verify/${code}`,
          ]),
        );
      }
    });

    it("answers 404 for another user's certificate (no IDOR), the course's instructor included", async () => {
      for (const who of [ids.other, ids.teacher]) {
        for (const what of ['pdf', 'credential']) {
          const res = await get(`/api/certificates/${certId}/${what}`, who);
          expect(res.status, `${who} ${what}`).toBe(404);
          expect((await res.json()).error.code).toBe('not_found');
        }
      }
      expect((await get(`/api/certificates/${certId}/credential`, ids.admin)).status).toBe(404);
      expect((await get(`/api/certificates/${crypto.randomUUID()}/pdf`, ids.student)).status).toBe(404);
      expect((await get('/api/certificates/not-a-uuid/pdf', ids.student)).status).toBe(400);
      expect((await get(`/api/certificates/${certId}/pdf`)).status).toBe(401);
    });

    it('gives the owner an Open Badges 3.0 credential that verifies against the published JWKS', async () => {
      const res = await get(`/api/certificates/${certId}/credential`, ids.student);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/jwt');
      const jwt = await res.text();
      const jwksRes = await get('/api/.well-known/jwks.json');
      expect(jwksRes.headers.get('cache-control')).toBe('public, max-age=3600');
      const jwks = await jwksRes.json();
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0].d).toBeUndefined();
      expect(decodeProtectedHeader(jwt).kid).toBe(jwks.keys[0].kid);
      const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
        issuer: 'http://localhost:8787',
        subject: `urn:uuid:${ids.student}`,
      });
      expect(payload.jti).toBe(`urn:uuid:${certId}`);
      const vc = payload.vc as { type: string[]; credentialSubject: { achievement: { name: string } } };
      expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(vc.credentialSubject.achievement.name).toBe('Intro to HTML');
    });

    it('verifies a real code publicly, in any case, with minimal data', async () => {
      for (const c of [code, code.toLowerCase()]) {
        const res = await get(`/api/certificates/verify/${c}`);
        expect(res.status).toBe(200);
        const body = certificateVerification.parse(await res.json()) as CertificateVerification;
        expect(body).toEqual({
          valid: true,
          revoked: false,
          learner: 'Stu Dent',
          course: 'Intro to HTML',
          issuedAt: expect.stringMatching(/^\d{4}-/),
        });
      }
    });

    it('answers the same 404 for unknown, malformed and forged codes', async () => {
      const flipped = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
      const answers = await Promise.all(
        ['0000-0000-0000-0000-0000-0000', flipped, 'nonsense', `${code}-0000`, 'x'.repeat(300), "'%20or%201=1--"].map(
          async (c) => {
            const res = await get(`/api/certificates/verify/${c}`);
            return { status: res.status, body: await res.json() };
          },
        ),
      );
      for (const a of answers) {
        expect(a).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'certificate not found' } } });
      }
    });

    it('lets only an admin revoke; the code then verifies as revoked and the credential is withheld', async () => {
      for (const who of [ids.student, ids.teacher]) {
        const res = await revoke(certId, who);
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('not_admin');
      }
      expect((await revoke(certId, null)).status).toBe(401);
      expect((await revoke(certId, ids.admin, { reason: '' })).status).toBe(400);
      expect((await revoke(certId, ids.admin, { reason: 'x', extra: 1 })).status).toBe(400);
      expect((await revoke('nope', ids.admin)).status).toBe(400);
      const missing = await revoke(crypto.randomUUID(), ids.admin);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('certificate_not_found');

      const res = await revoke(certId, ids.admin);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: certId, revokedReason: 'Academic misconduct' });
      const verified = await (await get(`/api/certificates/verify/${code}`)).json();
      expect(verified).toMatchObject({ valid: false, revoked: true, learner: 'Stu Dent' });
      const list = (await (await get('/api/certificates', ids.student)).json()) as CertificateList;
      expect(list.items[0]!.revoked).toBe(true);
      const credential = await get(`/api/certificates/${certId}/credential`, ids.student);
      expect(credential.status).toBe(409);
      expect((await credential.json()).error.code).toBe('certificate_revoked');
    });
  });
}
