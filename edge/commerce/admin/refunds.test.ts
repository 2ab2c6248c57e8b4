import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminHarness,
  admin,
  adminApp,
  makeAdminHarness,
  paidOrder,
} from '../../../tests/support/admin-commerce.ts';
import { engines, fresh, type TestDatabase } from '../../../tests/support/db.ts';
import { ids } from '../../../tests/support/edge-harness.ts';
import { adminOrder, adminRefundResult } from '../../contract/commerce-admin.ts';
import { type PaymentProvider, PaymentProviderError } from '../../payments/port.ts';
import { refundKey } from './refunds.ts';

/**
 * Refunds end to end: the local provider refunds the payment, private.refund_order records it
 * (as service_role), and the admin sees the order, its status and its credit note.
 */

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`admin refunds on ${engine}`, () => {
    let t: TestDatabase;
    let a: AdminHarness;
    const owner = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      a.h.db.asOwner((sql) => sql.query<T>(text, params));
    const refund = (orderId: string, body: unknown, who: string = ids.admin) =>
      a.call(who, 'POST', `/api/admin/orders/${orderId}/refunds`, body);
    const enrollment = async (userId: string) =>
      (
        await owner<{ status: string }>(
          'select status::text as status from public.enrollments where user_id = $1 and course_id = $2',
          [userId, ids.paid],
        )
      )[0]?.status;

    beforeAll(async () => {
      t = await fresh(engine);
      a = await makeAdminHarness({ db: t.db });
    }, 120_000);
    afterAll(async () => {
      await a?.close();
      await t?.drop();
    });

    it('refunds part of an order: money only, a credit note for the part, the rest still refundable', async () => {
      const order = await paidOrder(a.h, ids.student, 'refund-partial', { taxBps: 1900 });
      expect(await enrollment(ids.student)).toBe('active');
      const res = await refund(order, { amount: 1000, reason: 'Goodwill' });
      expect(res.status).toBe(201);
      const result = adminRefundResult.parse(res.body);
      expect(result.refund).toMatchObject({ amount: 1000, currency: 'USD', kind: 'admin', status: 'succeeded' });
      expect(result.creditNote).toMatchObject({ total: 1000, currency: 'USD' });
      expect(result.creditNote.number).toMatch(/^CN-\d{4}-\d{4}-\d{3}$/);
      expect(result.order).toMatchObject({ status: 'partially_refunded', total: 5831, refunded: 1000 });
      expect(result.order.creditNotes.map((n) => n.number)).toEqual([result.creditNote.number]);
      expect(await enrollment(ids.student)).toBe('active');

      const [row] = await owner<{ gateway_refund_id: string; requested_by: string }>(
        'select gateway_refund_id, requested_by from public.refunds where id = $1',
        [result.refund.id],
      );
      expect(row!.gateway_refund_id).toMatch(/^re_test_local_/);
      expect(row!.requested_by).toBe(ids.admin);
    });

    it('refuses more than is left (422 refund_too_large) and changes nothing', async () => {
      const order = (await a.call(ids.admin, 'GET', '/api/admin/orders?q=stu')).body.items[0];
      const res = await refund(order.id, { amount: 4832, reason: 'Too much' });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'refund_too_large', details: [{ path: 'amount' }] });
      expect(res.body.error.message).toContain('4831');
      const [n] = await owner<{ n: number }>('select count(*)::int as n from public.refunds where order_id = $1', [
        order.id,
      ]);
      expect(n!.n).toBe(1);
    });

    it('refunds the rest when no amount is given: the order is refunded and the enrollment cancelled', async () => {
      const order = (await a.call(ids.admin, 'GET', '/api/admin/orders?q=stu')).body.items[0];
      const res = await refund(order.id, { reason: 'Changed their mind' });
      expect(res.status).toBe(201);
      const result = adminRefundResult.parse(res.body);
      expect(result.refund.amount).toBe(4831);
      expect(result.order).toMatchObject({ status: 'refunded', refunded: 5831 });
      expect(result.order.creditNotes).toHaveLength(2);
      expect(await enrollment(ids.student)).toBe('cancelled');
      const [payment] = await owner<{ status: string }>('select status from public.payments where order_id = $1', [
        order.id,
      ]);
      expect(payment!.status).toBe('refunded');
      const again = await refund(order.id, { reason: 'Twice' });
      expect([again.status, again.body.error.code]).toEqual([409, 'not_refundable']);
    });

    it('refunds a whole order at once with its credit note for the whole order', async () => {
      const order = await paidOrder(a.h, ids.other, 'refund-full');
      expect(await enrollment(ids.other)).toBe('active');
      const res = await refund(order, { amount: 4900, reason: 'Duplicate purchase' });
      expect(res.status).toBe(201);
      const result = adminRefundResult.parse(res.body);
      expect(result.order.status).toBe('refunded');
      expect(result.creditNote.total).toBe(4900);
      const [note] = await owner<{ kind: string; lines: { description: string }[]; refund_id: string }>(
        'select kind, lines, refund_id from public.invoices where id = $1',
        [result.creditNote.id],
      );
      expect(note).toMatchObject({ kind: 'credit_note', refund_id: result.refund.id });
      expect(note!.lines.map((l) => l.description)).toEqual(['Pandas in Practice']);
      expect(await enrollment(ids.other)).toBe('cancelled');
    });

    it('revokes the unassigned seats of a corporate order refunded in full', async () => {
      const order = await paidOrder(a.h, ids.other, 'refund-seats', { seats: 5 });
      const res = await refund(order, { reason: 'Team cancelled' });
      expect(res.status).toBe(201);
      const [seats] = await owner<{ seats: number; seats_revoked: number; company_id: string }>(
        'select seats, seats_revoked, company_id from public.seat_purchases where order_id = $1',
        [order],
      );
      expect(seats).toEqual({ seats: 5, seats_revoked: 5, company_id: admin.company });
    });

    it('refuses an order that is not paid (409) or unknown (404), and bad bodies (400)', async () => {
      const pending = await paidOrder(a.h, ids.student, 'refund-pending', { pay: false });
      const res = await refund(pending, { reason: 'Nothing to refund' });
      expect([res.status, res.body.error.code]).toEqual([409, 'not_refundable']);
      expect((await refund('99999999-0000-4000-8000-000000000001', { reason: 'x' })).status).toBe(404);
      expect((await refund('nope', { reason: 'x' })).status).toBe(400);
      for (const bad of [
        {},
        { reason: '' },
        { reason: 'x', amount: 0 },
        { reason: 'x', amount: 1.5 },
        { reason: 'x', total: 1 },
      ]) {
        const r = await refund(pending, bad);
        expect([JSON.stringify(bad), r.status, r.body.error.code]).toEqual([JSON.stringify(bad), 400, 'bad_request']);
      }
    });

    it('asks the gateway with one key per refund: a retried request is the same gateway refund, recorded once', async () => {
      const order = await paidOrder(a.h, ids.teacher, 'refund-retry');
      const state = {
        id: order,
        status: 'paid' as const,
        currency: 'USD',
        total: 4900,
        refunded: 0,
        gatewayPaymentId: 'x',
      };
      expect(refundKey(state, 100)).toBe(refundKey({ ...state }, 100));
      expect(refundKey(state, 100)).not.toBe(refundKey({ ...state, refunded: 100 }, 100));
      const ask = () =>
        a.payments.refund({ paymentId: 'pi_x', amount: 100, currency: 'USD', idempotencyKey: refundKey(state, 100) });
      const first = await ask();
      expect((await ask()).refundId).toBe(first.refundId);
      const record = () =>
        a.h.db.asService((sql) =>
          sql.query<{ id: string }>("select id from private.refund_order($1, 100, 'retry', 'admin', $2, $3)", [
            order,
            ids.admin,
            first.refundId,
          ]),
        );
      const [r1] = await record();
      const [r2] = await record();
      expect(r2!.id).toBe(r1!.id);
      const listed = await a.call(ids.admin, 'GET', `/api/admin/orders?q=${order}`);
      expect(adminOrder.parse(listed.body.items[0]).refunded).toBe(100);
    });

    it('answers 422 when the provider refuses and 502 when it cannot be reached, recording nothing', async () => {
      const order = await paidOrder(a.h, ids.teacher, 'refund-refused');
      const cases = [
        [new PaymentProviderError('charge_already_refunded', 'already refunded', false), 422, 'refund_refused'],
        [new PaymentProviderError('api_connection_error', 'timeout', true), 502, 'payment_provider_unavailable'],
      ] as const;
      for (const [err, status, code] of cases) {
        const failing: PaymentProvider = { ...a.payments, refund: () => Promise.reject(err) };
        const res = await adminApp(a.h.db, failing).request(`/api/admin/orders/${order}/refunds`, {
          method: 'POST',
          headers: { ...(await a.h.as(ids.admin)), 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'Try' }),
        });
        expect([res.status, (await res.json()).error.code]).toEqual([status, code]);
      }
      const [n] = await owner<{ n: number }>('select count(*)::int as n from public.refunds where order_id = $1', [
        order,
      ]);
      expect(n!.n).toBe(0);
    });
  });
}
