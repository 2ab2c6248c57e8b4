// The payment webhook under attack and fault (issue 8): forged, stale and replayed events, events
// out of order or twice at once, amounts that do not match, and a handler that throws. On PGlite
// and on PostgreSQL (where two deliveries really run at once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../../tests/support/db.ts';
import {
  type EdgeHarness,
  ids,
  makeEdgeHarness,
  TEST_WEBHOOK_SECRET,
  testPayments,
} from '../../../tests/support/edge-harness.ts';
import { checkoutResponse } from '../../contract/checkout.ts';
import type { PaymentOutcome } from '../../payments/local.ts';
import { signStripePayload } from '../../payments/webhook.ts';
import { checkout, enrollmentOf, loadCommerceFixture, orderRow, ownerQuery, sessionOf } from './test-fixture.ts';

const provider = testPayments();

for (const engine of engines()) {
  describe(`POST /api/payments/webhook on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await loadCommerceFixture(h);
    });
    afterAll(() => t.drop());

    /** A pending order of `userId` for the pricey course, and its session. */
    const pendingOrder = async (userId: string) => {
      const { orderId, checkoutUrl } = checkoutResponse.parse(
        await (await checkout(h, userId, { items: [{ kind: 'course', id: ids.pricey }] })).json(),
      );
      return { orderId, sessionId: sessionOf(checkoutUrl) };
    };

    const event = (
      o: { orderId: string; sessionId: string },
      outcome: PaymentOutcome,
      amount = 19900,
      currency = 'USD',
    ) => provider.paymentEvent({ ...o, amount, currency, outcome, method: 'card' });

    const deliver = (payload: string, signature: string | null) =>
      h.app.request('/api/payments/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
        body: payload,
      });

    const eventCount = async () =>
      (await ownerQuery<{ n: number }>(h, 'select count(*)::int as n from public.payment_events'))[0]!.n;

    it('fulfils a signed paid event: 200 {received: true}, paid, enrolled', async () => {
      const o = await pendingOrder(ids.student);
      const e = await event(o, 'paid');
      const res = await deliver(e.payload, e.signature);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true });
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'paid' });
      expect(await enrollmentOf(h, ids.student, ids.pricey)).toMatchObject({ status: 'active', source: 'purchase' });
    });

    it('refuses a bad signature, a changed body, no signature and a timestamp older than 5 minutes; nothing changes', async () => {
      const o = await pendingOrder(ids.other);
      const e = await event(o, 'paid');
      const before = await eventCount();
      const forged = await signStripePayload(e.payload, 'whsec_not_the_secret_0123456789');
      const stale = await signStripePayload(e.payload, TEST_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301);
      const attempts: [string, string | null][] = [
        [e.payload, forged],
        [e.payload.replace('"amount_total": 19900', '"amount_total": 1'), e.signature],
        [`${e.payload} `, e.signature],
        [e.payload, null],
        [e.payload, stale],
        [e.payload, 't=1,v1=abc'],
      ];
      for (const [payload, signature] of attempts) {
        const res = await deliver(payload, signature);
        expect(res.status).toBe(400);
        expect((await res.json()).error.code).toBe('bad_signature');
      }
      expect(await eventCount()).toBe(before);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'pending' });
      expect(await enrollmentOf(h, ids.other, ids.pricey)).toBeNull();
    });

    it('enrolls once when the same event comes twice, and twice at once', async () => {
      const o = await pendingOrder(ids.other);
      const e = await event(o, 'paid');
      const [a, b] = await Promise.all([deliver(e.payload, e.signature), deliver(e.payload, e.signature)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const again = await deliver(e.payload, e.signature);
      expect(again.status).toBe(200);
      const [row] = await ownerQuery<{ events: number; invoices: number; enrollments: number; mails: number }>(
        h,
        `select (select count(*)::int from public.payment_events where id = $2) as events,
                (select count(*)::int from public.invoices where order_id = $1) as invoices,
                (select count(*)::int from public.enrollments where user_id = $3 and course_id = $4) as enrollments,
                (select count(*)::int from private.mail_requests where template = 'receipt' and vars->>'orderId' = $1::text) as mails`,
        [o.orderId, e.event.id, ids.other, ids.pricey],
      );
      expect(row).toEqual({ events: 1, invoices: 1, enrollments: 1, mails: 1 });
    });

    it('ends right when events come out of order: failed then paid is paid; paid then failed stays paid', async () => {
      const o = await pendingOrder(ids.admin);
      const failed = await event(o, 'declined');
      const paid = await event(o, 'paid');
      expect((await deliver(failed.payload, failed.signature)).status).toBe(200);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'failed' });
      expect((await deliver(paid.payload, paid.signature)).status).toBe(200);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'paid' });
      const late = await event(o, 'insufficient_funds');
      expect((await deliver(late.payload, late.signature)).status).toBe(200);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'paid' });
      expect(await enrollmentOf(h, ids.admin, ids.pricey)).toMatchObject({ status: 'active' });
    });

    it('changes nothing when the amount or the currency does not match the order', async () => {
      const o = await pendingOrder(ids.teacher);
      for (const e of [await event(o, 'paid', 100), await event(o, 'paid', 19900, 'EUR')]) {
        const res = await deliver(e.payload, e.signature);
        expect(res.status).toBe(200);
        const [ev] = await ownerQuery<{ outcome: string }>(
          h,
          'select outcome from public.payment_events where id = $1',
          [e.event.id],
        );
        expect(ev!.outcome).toBe('mismatch');
      }
      // seats: the teacher administers a company, but this one-seat order is theirs.
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'pending' });
      expect(await enrollmentOf(h, ids.teacher, ids.pricey)).toBeNull();
    });

    it('acknowledges events it does not act on (another type, no such order)', async () => {
      const payload = JSON.stringify({
        id: 'evt_test_other_type',
        object: 'event',
        type: 'customer.created',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        api_version: null,
        data: { object: { id: 'cus_1', object: 'customer' } },
      });
      const res = await deliver(payload, await signStripePayload(payload, TEST_WEBHOOK_SECRET));
      expect(res.status).toBe(200);
      const ghost = await event(
        { orderId: '99999999-0000-4000-8000-000000000000', sessionId: 'cs_test_local_ghost' },
        'paid',
      );
      expect((await deliver(ghost.payload, ghost.signature)).status).toBe(200);
      const rows = await ownerQuery<{ id: string; outcome: string; order_id: string | null }>(
        h,
        'select id, outcome, order_id from public.payment_events where id in ($1, $2) order by id',
        ['evt_test_other_type', ghost.event.id],
      );
      expect(rows.map((r) => r.outcome)).toEqual(['ignored', 'ignored']);
    });

    it('rolls back a handler that throws, and the retry of the same event succeeds', async () => {
      const o = await pendingOrder(ids.student);
      const e = await event(o, 'paid');
      // A fault inside fulfilment: the invoice insert fails once.
      await h.db.runScript(`
        create table public.fault_once (fired boolean not null);
        alter table public.fault_once enable row level security;
        create function public.fail_invoice_once() returns trigger language plpgsql as $$
        begin
          if not exists (select 1 from public.fault_once) then
            raise exception 'injected fault';
          end if;
          return new;
        end $$;
        create trigger invoices_fault before insert on public.invoices
          for each row execute function public.fail_invoice_once();
      `);
      const failed = await deliver(e.payload, e.signature);
      expect(failed.status).toBe(500);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'pending' });
      expect(
        (
          await ownerQuery<{ n: number }>(h, 'select count(*)::int as n from public.payment_events where id = $1', [
            e.event.id,
          ])
        )[0]!.n,
      ).toBe(0);
      expect(await enrollmentOf(h, ids.student, ids.pricey)).toMatchObject({ status: 'active' }); // from the first test

      await h.db.runScript('insert into public.fault_once values (true)');
      const retried = await deliver(e.payload, e.signature);
      expect(retried.status).toBe(200);
      expect(await orderRow(h, o.orderId)).toMatchObject({ status: 'paid' });
      await h.db.runScript(`
        drop trigger invoices_fault on public.invoices;
        drop function public.fail_invoice_once();
        drop table public.fault_once;
      `);
    });
  });
}
