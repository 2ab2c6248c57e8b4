import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import { commerceConfig } from '../commerce/checkout/config.ts';
import { companyImportReport, companyInvitation } from '../contract/companies.ts';
import type { Mail, Mailer } from '../mail/port.ts';
import { escapeHtml, expiryText, invitationMail } from './invitation-mail.ts';

const ADMIN = '00000000-0000-4000-8000-00000000d0a1';
const OTHER_ADMIN = '00000000-0000-4000-8000-00000000d0b1';
const COMPANY = '80000000-0000-4000-8000-00000000d0a1';
const OTHER = '80000000-0000-4000-8000-00000000d0b1';
const SITE = 'https://learn.example';

const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${ADMIN}', 'mail-admin@test.local', '{"first_name":"Ann","last_name":"<b>Boss</b>"}'),
  ('${OTHER_ADMIN}', 'mail-other@test.local', '{}');
insert into public.companies (id, slug, name) values
  ('${COMPANY}', 'mail-co', 'Tom & Jerry <Ltd>'), ('${OTHER}', 'mail-other', 'Other Co');
insert into public.company_members (company_id, user_id, role) values
  ('${COMPANY}', '${ADMIN}', 'admin'), ('${OTHER}', '${OTHER_ADMIN}', 'admin');
insert into public.seat_purchases (company_id, course_id, seats, note) values ('${COMPANY}', '${ids.free}', 1, 'fixture');
`;

describe('the invitation mail', () => {
  const input = {
    to: 'new@test.local',
    inviter: { adminName: 'Ann <script>', companyName: 'Acme "&" Co\r\nBcc: x@evil.test' },
    platformName: 'Learnwell',
    link: `${SITE}/join#token=abc&x="1"`,
    expiresAt: '2026-12-08T10:30:00.000Z',
  };

  it('names the admin, the company and the platform, with the link and the expiry', () => {
    const mail = invitationMail(input);
    expect(mail.kind).toBe('company_invitation');
    expect(mail.to).toBe('new@test.local');
    expect(mail.subject).toBe('Ann <script> invited you to Acme "&" Co Bcc: x@evil.test on Learnwell');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain(input.link);
    expect(mail.text).toContain('expires on 2026-12-08 10:30 UTC');
  });

  it('escapes the user text in the HTML part', () => {
    const html = invitationMail(input).html!;
    expect(html).not.toContain('<script>');
    expect(html).toContain('Ann &lt;script&gt;');
    expect(html).toContain('Acme &quot;&amp;&quot; Co Bcc: x@evil.test');
    expect(html).toContain('href="https://learn.example/join#token=abc&amp;x=&quot;1&quot;"');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it("falls back to the company's name when the admin has none", () => {
    const mail = invitationMail({ ...input, inviter: { adminName: '  ', companyName: 'Globex' } });
    expect(mail.subject).toBe('Globex invited you to Globex on Learnwell');
    expect(expiryText('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04 UTC');
  });
});

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`invitation mails through the API on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    let app: ReturnType<typeof createApp>;
    const sent: Mail[] = [];
    let failing = false;
    const mailer: Mailer = {
      async send(mail) {
        if (failing) throw new Error('smtp down');
        sent.push(mail);
      },
    };

    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
      app = createApp({
        db: h.db,
        verifier: hs256Verifier(TEST_SECRET),
        publicConfig: () => ({ mode: 'embedded', supabaseUrl: SITE, supabaseAnonKey: 'anon', devOutbox: false }),
        payments: testPayments(),
        commerce: commerceConfig({ SELLER_NAME: 'Learnwell' }, SITE),
        mailer,
      });
    }, 180_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    const send = async (path: string, who: string, body?: unknown, type = 'application/json') => {
      const res = await app.request(`/api${path}`, {
        method: 'POST',
        headers: { ...(await h.as(who)), ...(body === undefined ? {} : { 'content-type': type }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const token = (link: string) => decodeURIComponent(link.split('#token=')[1]!);

    it('mails the invitation on create and on resend, with the link the admin also gets', async () => {
      sent.length = 0;
      const created = await send(`/companies/${COMPANY}/invitations`, ADMIN, { email: 'Mia@test.local', name: 'Mia' });
      expect(created.status).toBe(201);
      const invitation = companyInvitation.parse(created.json);
      expect(invitation.mailed).toBe(true);
      expect(sent).toHaveLength(1);
      const [mail] = sent;
      expect(mail).toMatchObject({
        to: 'mia@test.local',
        kind: 'company_invitation',
        subject: 'Ann <b>Boss</b> invited you to Tom & Jerry <Ltd> on Learnwell',
      });
      expect(mail!.text).toContain(invitation.inviteLink);
      expect(mail!.text).toContain(expiryText(invitation.expiresAt));
      expect(mail!.html).toContain('Ann &lt;b&gt;Boss&lt;/b&gt;');
      expect(mail!.html).toContain('Tom &amp; Jerry &lt;Ltd&gt;');
      expect(invitation.inviteLink.startsWith(`${SITE}/join#token=`)).toBe(true);

      const resent = companyInvitation.parse(
        (await send(`/companies/${COMPANY}/invitations/${invitation.id}/resend`, ADMIN)).json,
      );
      expect(resent.mailed).toBe(true);
      expect(sent).toHaveLength(2);
      expect(sent[1]!.text).toContain(resent.inviteLink);
      expect(token(resent.inviteLink)).not.toBe(token(invitation.inviteLink));
    });

    it('keeps the invitation when the mail fails: mailed false, the link still answered', async () => {
      sent.length = 0;
      failing = true;
      try {
        const created = await send(`/companies/${COMPANY}/invitations`, ADMIN, { email: 'down@test.local' });
        expect(created.status).toBe(201);
        const invitation = companyInvitation.parse(created.json);
        expect(invitation.mailed).toBe(false);
        expect(invitation.inviteLink).toContain('#token=');
        const [row] = await h.db.asOwner((sql) =>
          sql.query<{ n: number }>(
            'select count(*)::int as n from public.company_invitations where id = $1 and revoked_at is null',
            [invitation.id],
          ),
        );
        expect(Number(row!.n)).toBe(1);
        const again = await send(`/companies/${COMPANY}/invitations`, ADMIN, { email: 'down@test.local' });
        expect(again.status).toBe(409);
      } finally {
        failing = false;
      }
      expect(sent).toHaveLength(0);
    });

    it('mails each new invitation of an import, and nothing for the other rows', async () => {
      sent.length = 0;
      const csv = 'name,email,group\nAl,al@test.local,Ops\nBo,bo@test.local,\nBad,not-an-email,\nMia,mia@test.local,\n';
      const res = await send(`/companies/${COMPANY}/imports?assign=${ids.free}`, ADMIN, csv, 'text/csv');
      expect(res.status).toBe(200);
      const report = companyImportReport.parse(res.json);
      const byEmail = Object.fromEntries(report.rows.map((r) => [r.email, r]));
      // One seat: Al takes it, Bo is invited without one (still a new invitation, so mailed).
      expect(byEmail['al@test.local']).toMatchObject({ status: 'invited', mailed: true });
      expect(byEmail['bo@test.local']).toMatchObject({ status: 'no_seat', mailed: true });
      expect(byEmail['not-an-email']).toMatchObject({ status: 'invalid_email', mailed: false, inviteLink: null });
      // Mia's invitation is older (she is invited, but left without a seat): no new mail.
      expect(byEmail['mia@test.local']).toMatchObject({ status: 'no_seat', mailed: false, inviteLink: null });
      expect(sent.map((m) => m.to).sort()).toEqual(['al@test.local', 'bo@test.local']);
      for (const m of sent) {
        const row = byEmail[m.to]!;
        expect(m.text).toContain(row.inviteLink!);
        expect(m.kind).toBe('company_invitation');
      }

      sent.length = 0;
      const again = companyImportReport.parse(
        (await send(`/companies/${COMPANY}/imports?assign=${ids.free}`, ADMIN, csv, 'text/csv')).json,
      );
      expect(again.rows.every((r) => !r.mailed)).toBe(true);
      expect(sent).toHaveLength(0);
    });

    it('sends nothing for a stranger, who gets the 404 of a company that does not exist', async () => {
      sent.length = 0;
      expect((await send(`/companies/${COMPANY}/invitations`, OTHER_ADMIN, { email: 'x@test.local' })).status).toBe(
        404,
      );
      expect(
        (await send(`/companies/${COMPANY}/imports`, OTHER_ADMIN, 'name,email\nX,x@test.local\n', 'text/csv')).status,
      ).toBe(404);
      expect(sent).toHaveLength(0);
    });
  });
}
