import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { OB3_CONTEXT, openBadgeCredential, signCredential } from './credential.ts';
import { generateSigningJwk, importSigningKey, jwksOf, parsePrivateJwk, signingKeyEnv } from './keys.ts';

const input = {
  certificateId: '70000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000001',
  courseSlug: 'intro-to-html',
  courseTitle: 'Intro to HTML',
  instructorName: 'Tea Cher',
  issuedAt: '2026-11-20T10:30:00.000Z',
  siteUrl: 'https://learn.example.com/',
  platformName: 'Learnwell',
};

describe('Open Badges 3.0 credential (VC-JWT)', () => {
  it('has the OpenBadgeCredential shape', () => {
    const vc = openBadgeCredential(input);
    expect(vc['@context']).toEqual([...OB3_CONTEXT]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(`urn:uuid:${input.certificateId}`);
    expect(vc.issuer).toEqual({
      id: 'https://learn.example.com',
      type: ['Profile'],
      name: 'Learnwell',
      url: 'https://learn.example.com',
    });
    expect(vc.validFrom).toBe('2026-11-20T10:30:00Z');
    expect(vc.credentialSubject.id).toBe(`urn:uuid:${input.userId}`);
    expect(vc.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(vc.credentialSubject.achievement).toMatchObject({
      id: 'https://learn.example.com/courses/intro-to-html#certificate',
      type: ['Achievement'],
      name: 'Intro to HTML',
    });
    expect(vc.credentialSubject.achievement.criteria.narrative.length).toBeGreaterThan(10);
  });

  it('is signed with the key published in the JWKS, and its claims match the credential', async () => {
    const key = await importSigningKey(await generateSigningJwk());
    const jwt = await signCredential(key, input);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwksOf(key)), {
      issuer: 'https://learn.example.com',
      subject: `urn:uuid:${input.userId}`,
      currentDate: new Date('2026-12-01T00:00:00Z'),
    });
    expect(payload.jti).toBe(`urn:uuid:${input.certificateId}`);
    expect(payload.nbf).toBe(Date.parse(input.issuedAt) / 1000);
    expect(payload.vc).toEqual(openBadgeCredential(input));
  });

  it('fails verification when tampered with or checked against another key', async () => {
    const key = await importSigningKey(await generateSigningJwk());
    const jwt = await signCredential(key, input);
    const [h, p, s] = jwt.split('.');
    const claims = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(p!.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)),
      ),
    );
    claims.vc.credentialSubject.achievement.name = 'Brain Surgery';
    const forged = `${h}.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${s}`;
    await expect(jwtVerify(forged, createLocalJWKSet(jwksOf(key)))).rejects.toThrow(/signature/);
    const other = await importSigningKey(await generateSigningJwk());
    const otherWithSameKid = { keys: [{ ...other.publicJwk, kid: key.kid }] };
    await expect(jwtVerify(jwt, createLocalJWKSet(otherWithSameKid))).rejects.toThrow(/signature/);
  });

  it('signs with Ed25519 too (EdDSA)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const key = await importSigningKey(await exportJWK(privateKey));
    expect(key.alg).toBe('EdDSA');
    const jwt = await signCredential(key, input);
    await expect(jwtVerify(jwt, createLocalJWKSet(jwksOf(key)))).resolves.toBeTruthy();
  });
});

describe('signing keys', () => {
  it('publishes only the public half, under a stable kid (the RFC 7638 thumbprint)', async () => {
    const jwk = await generateSigningJwk();
    const a = await importSigningKey(jwk);
    const b = await importSigningKey(JSON.stringify(jwk));
    expect(a.kid).toBe(b.kid);
    expect(a.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [pub] = jwksOf(a).keys;
    expect(pub).toEqual({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: a.kid, alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(jwksOf(a))).not.toContain(jwk.d!);
  });

  it('refuses what is not a private P-256 or Ed25519 JWK, with a clear message', async () => {
    const jwk = await generateSigningJwk();
    expect(() => parsePrivateJwk('not json')).toThrow(/private JWK/);
    expect(() => parsePrivateJwk({ ...jwk, d: undefined })).toThrow(/with "d"/);
    expect(() => parsePrivateJwk({ kty: 'RSA', n: 'abc', e: 'AQAB', d: 'x' })).toThrow(/P-256/);
    expect(signingKeyEnv.safeParse(JSON.stringify(jwk)).success).toBe(true);
    expect(signingKeyEnv.safeParse('{"kty":"oct","k":"abc"}').success).toBe(false);
  });
});
