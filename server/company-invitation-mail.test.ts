import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../tests/support/db.ts';
import { signToken, testPayments } from '../tests/support/edge-harness.ts';
import { createHostApp } from './app.ts';
import { parseEnv } from './env.ts';

/** The Node host passes its outbox mailer to edge/: a company invitation shows in the dev outbox. */

const SECRET = 'host-mail-secret-host-mail-secret-00000';
const ADMIN = '00000000-0000-4000-8000-00000000e0a1';
const COMPANY = '80000000-0000-4000-8000-00000000e0a1';
const LOCAL = { host: 'localhost:8787', 'x-real-ip': '127.0.0.1' };

let t: TestDatabase;
beforeAll(async () => {
  t = await freshPglite();
  await t.db.runScript(`
    insert into auth.users (id, email, raw_user_meta_data) values
      ('${ADMIN}', 'outbox-admin@test.local', '{"first_name":"Olga","last_name":"Outbox"}');
    insert into public.companies (id, slug, name) values ('${COMPANY}', 'outbox-co', 'Outbox & Co');
    insert into public.company_members (company_id, user_id, role) values ('${COMPANY}', '${ADMIN}', 'admin');
  `);
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

describe('company invitation mail on the Node host', () => {
  it('lands in the dev outbox with the link the admin got', async () => {
    const app = await createHostApp({
      env: parseEnv({ DATA_DIR: '/tmp/unused' }),
      siteUrl: 'http://localhost:8787',
      port: 8787,
      db: t.db,
      jwtSecret: SECRET,
      webRoot: '/nonexistent',
      payments: testPayments(),
    });
    const token = await signToken(
      { sub: ADMIN, role: 'authenticated', aud: 'authenticated', email: 'outbox-admin@test.local' },
      SECRET,
    );
    const res = await app.request(`/api/companies/${COMPANY}/invitations`, {
      method: 'POST',
      headers: { ...LOCAL, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'newbie@test.local', name: 'Newbie' }),
    });
    expect(res.status).toBe(201);
    const invitation = (await res.json()) as { inviteLink: string; mailed: boolean };
    expect(invitation.mailed).toBe(true);
    expect(invitation.inviteLink).toMatch(/^http:\/\/localhost:8787\/join#token=/);

    const outbox = await app.request('/dev/api/outbox', { headers: LOCAL });
    const { items } = (await outbox.json()) as {
      items: { to: string; subject: string; text: string; html?: string; kind: string }[];
    };
    const mail = items.find((m) => m.kind === 'company_invitation');
    expect(mail).toMatchObject({
      to: 'newbie@test.local',
      subject: 'Olga Outbox invited you to Outbox & Co on Learnwell',
    });
    expect(mail!.text).toContain(invitation.inviteLink);
    expect(mail!.html).toContain('Outbox &amp; Co');
  });
});
