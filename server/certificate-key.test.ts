import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningJwk } from '../edge/certificates/keys.ts';
import { freshPglite, type TestDatabase } from '../tests/support/db.ts';
import { ids, signToken, testPayments } from '../tests/support/edge-harness.ts';
import { createHostApp } from './app.ts';
import { CERTIFICATE_KEY_FILE, certificateSigningKey } from './certificate-key.ts';
import { parseEnv } from './env.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lms-cert-key-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the certificate signing key', () => {
  it('is generated once into the data dir (0600) and the same key is used after a restart', async () => {
    const dir = tempDir();
    const first = await certificateSigningKey({ DATA_DIR: dir });
    const path = join(dir, CERTIFICATE_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const again = await certificateSigningKey({ DATA_DIR: dir });
    expect(again.kid).toBe(first.kid);
  });

  it('comes from CERTIFICATE_SIGNING_KEY when set (nothing written)', async () => {
    const dir = tempDir();
    const jwk = await generateSigningJwk();
    const key = await certificateSigningKey({ DATA_DIR: dir, CERTIFICATE_SIGNING_KEY: JSON.stringify(jwk) });
    expect(key.publicJwk.x).toBe(jwk.x);
    expect(() => statSync(join(dir, CERTIFICATE_KEY_FILE))).toThrow();
  });

  it('fails clearly on a damaged key file, and on a bad CERTIFICATE_SIGNING_KEY at boot', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, CERTIFICATE_KEY_FILE), 'garbage');
    await expect(certificateSigningKey({ DATA_DIR: dir })).rejects.toThrow(/does not hold a private JWK/);
    expect(() => parseEnv({ CERTIFICATE_SIGNING_KEY: '{"kty":"EC"}' })).toThrow(/CERTIFICATE_SIGNING_KEY/);
  });
});

describe('GET /.well-known/jwks.json on the Node host', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshPglite();
  });
  afterAll(() => t.drop());

  it("publishes the key that signs the API's credentials, cacheable for an hour", async () => {
    const SECRET = 'host-test-secret-host-test-secret-000000';
    const certificateKey = await certificateSigningKey({ DATA_DIR: tempDir() });
    const app = await createHostApp({
      env: parseEnv({ DATA_DIR: '/tmp/unused' }),
      siteUrl: 'https://learn.example.com',
      port: 8787,
      db: t.db,
      jwtSecret: SECRET,
      webRoot: '/nonexistent',
      payments: testPayments(),
      certificateKey,
    });
    await t.db.runScript(`
      insert into auth.users (id, email, raw_user_meta_data)
        values ('${ids.student}', 'ada@test.local', '{"first_name":"Ada","last_name":"Lovelace"}');
      insert into public.instructors (id, user_id, display_name) values ('${ids.instructor}', '${ids.student}', 'Ada L');
      insert into public.courses (id, slug, title, instructor_id, status, published_at)
        values ('${ids.free}', 'intro-to-html', 'Intro to HTML', '${ids.instructor}', 'published', now());
      insert into public.enrollments (user_id, course_id, status) values ('${ids.student}', '${ids.free}', 'completed');`);
    const [cert] = await t.db.asOwner((sql) => sql.query<{ id: string }>('select id from public.certificates'));

    const res = await app.request('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const jwks = await res.json();
    expect(jwks).toEqual({ keys: [certificateKey.publicJwk] });

    const token = await signToken({ sub: ids.student, role: 'authenticated', aud: 'authenticated' }, SECRET);
    const credential = await app.request(`/api/certificates/${cert!.id}/credential`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(credential.status).toBe(200);
    const { payload } = await jwtVerify(await credential.text(), createLocalJWKSet(jwks), {
      issuer: 'https://learn.example.com',
    });
    expect(payload.jti).toBe(`urn:uuid:${cert!.id}`);
  });
});
