import { describe, expect, it } from 'vitest';
import { type Server, start } from './http-server.ts';

/**
 * Pre-registration takeover (AUTH_AUTOCONFIRM=false): an attacker signs up with the victim's
 * address and a password of theirs, and waits for the victim to confirm the address. Over
 * real HTTP, with the real supabase-js client, the links taken from the outbox.
 */

const VICTIM = 'victim@example.com';
const ATTACKER_PASSWORD = 'attacker chose this';
const VICTIM_PASSWORD = 'victim chose this';

async function mailLinks(srv: Server, to: string, pattern: RegExp): Promise<string[]> {
  const mails = (await srv.outbox.list()).filter((m) => m.to === to).reverse(); // oldest first
  return mails.flatMap((m) => pattern.exec(m.text)?.[0] ?? []).map(srv.local);
}
const verifyLinks = (srv: Server) => mailLinks(srv, VICTIM, /http:\/\/localhost:8787\/auth\/v1\/verify\?\S+/);

/** Follows a mail link as a browser would; the 303's fragment says whether it worked. */
async function follow(link: string): Promise<URLSearchParams> {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
}

// Each test starts a server on a freshly migrated PGlite: slow on a loaded machine.
describe('pre-registration takeover', { timeout: 120_000 }, () => {
  it("a later sign-up replaces the unconfirmed one: the victim's link, password and metadata win", async () => {
    const srv = await start({ autoconfirm: false });
    const attacker = await srv
      .client()
      .auth.signUp({ email: VICTIM, password: ATTACKER_PASSWORD, options: { data: { name: 'Mallory' } } });
    expect(attacker.error).toBeNull();
    srv.clock.advance(61_000);

    const victim = await srv
      .client()
      .auth.signUp({ email: VICTIM, password: VICTIM_PASSWORD, options: { data: { name: 'Vic' } } });
    expect(victim.error).toBeNull();
    const [attackerLink, victimLink] = await verifyLinks(srv);
    expect(victimLink).toBeDefined();

    // The link mailed for the attacker's sign-up is dead.
    expect(Object.fromEntries(await follow(attackerLink!))).toMatchObject({ error_code: 'otp_expired' });
    // The victim confirms through the link mailed for their own sign-up.
    const confirmed = await follow(victimLink!);
    expect(confirmed.get('access_token')).toBeTruthy();

    const asAttacker = await srv.client().auth.signInWithPassword({ email: VICTIM, password: ATTACKER_PASSWORD });
    expect(asAttacker.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    expect(asAttacker.data.session).toBeNull();
    const asVictim = await srv.client().auth.signInWithPassword({ email: VICTIM, password: VICTIM_PASSWORD });
    expect(asVictim.error).toBeNull();
    expect(asVictim.data.user?.user_metadata).toEqual({ name: 'Vic' });
  });

  it('a sign-up within a minute of the last mail changes nothing and says to wait (429)', async () => {
    const srv = await start({ autoconfirm: false });
    await srv.client().auth.signUp({ email: VICTIM, password: ATTACKER_PASSWORD });
    srv.clock.advance(10_000);
    const again = await srv.client().auth.signUp({ email: VICTIM, password: VICTIM_PASSWORD });
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    // The one live link still confirms the first sign-up's password, not the refused one's.
    const [link] = await verifyLinks(srv);
    expect((await follow(link!)).get('access_token')).toBeTruthy();
    const refused = await srv.client().auth.signInWithPassword({ email: VICTIM, password: VICTIM_PASSWORD });
    expect(refused.error?.code).toBe('invalid_credentials');
  });

  it("a PKCE flow started by the attacker's sign-up does not survive the victim's", async () => {
    const srv = await start({ autoconfirm: false });
    const attacker = srv.client({ flowType: 'pkce' });
    await attacker.auth.signUp({ email: VICTIM, password: ATTACKER_PASSWORD });
    srv.clock.advance(61_000);
    await srv.client().auth.signUp({ email: VICTIM, password: VICTIM_PASSWORD });
    const [, victimLink] = await verifyLinks(srv);
    // The victim's (implicit-flow) link answers with a session, not with a code for the attacker's flow.
    const confirmed = await follow(victimLink!);
    expect(confirmed.get('access_token')).toBeTruthy();
    expect(await srv.db.asOwner((sql) => sql.query('select 1 from auth.flow_state'))).toHaveLength(0);
  });

  it('a recovery link that confirms a pre-registered address does not keep the password set before it', async () => {
    const srv = await start({ autoconfirm: false });
    await srv.client().auth.signUp({ email: VICTIM, password: ATTACKER_PASSWORD });
    // The victim, who never signed up, asks for a reset and follows the link.
    const browser = srv.client();
    expect((await browser.auth.resetPasswordForEmail(VICTIM)).error).toBeNull();
    const [link] = await mailLinks(srv, VICTIM, /http:\/\/localhost:8787\/reset-password\?\S+/);
    const verified = await browser.auth.verifyOtp({
      token_hash: new URL(link!).searchParams.get('token_hash')!,
      type: 'recovery',
    });
    expect(verified.error).toBeNull();

    const asAttacker = await srv.client().auth.signInWithPassword({ email: VICTIM, password: ATTACKER_PASSWORD });
    expect(asAttacker.error?.code).toBe('invalid_credentials');
    expect((await browser.auth.updateUser({ password: VICTIM_PASSWORD })).error).toBeNull();
    expect((await srv.client().auth.signInWithPassword({ email: VICTIM, password: VICTIM_PASSWORD })).error).toBeNull();
  });
});
