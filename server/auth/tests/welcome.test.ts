import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { linkToken, PASSWORD, SITE, useAuthDb } from './support.ts';

/** A sign-up confirmed by its mail link gets the welcome mail (rendered from edge/mail/templates). */

for (const engine of engines()) {
  describe(`on ${engine}`, () => {
    const setup = useAuthDb(engine);

    it('mails the welcome once the sign-up link is followed, not before', async () => {
      const h = await setup({ autoconfirm: false });
      await h.call('POST', '/signup', {
        body: { email: 'ada@example.com', password: PASSWORD, data: { first_name: 'Ada <b>' } },
      });
      const [confirm] = await h.outbox();
      expect((await h.outbox()).map((m) => m.kind)).toEqual(['signup']);

      const res = await h.call('GET', `/verify?token=${linkToken(confirm!, 'token')}&type=signup`);
      expect(res.status).toBe(303);
      await expect.poll(async () => (await h.outbox()).map((m) => m.kind)).toContain('welcome');
      const welcome = (await h.outbox()).find((m) => m.kind === 'welcome')!;
      expect(welcome).toMatchObject({ to: 'ada@example.com', subject: 'Welcome to Learnwell' });
      expect(welcome.html).toContain('Welcome, Ada &lt;b&gt;!');
      expect(welcome.text).toContain(`${SITE}/courses`);
    });
  });
}
