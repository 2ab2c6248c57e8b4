import type { Context } from 'hono';
import { refundInput } from '../../contract/checkout.ts';
import type { AdminRefundResult } from '../../contract/commerce-admin.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env } from '../../http/context.ts';
import { AppError, badRequest, notFound, toErrorBody } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { type PaymentProvider, PaymentProviderError } from '../../payments/port.ts';
import { requireAdmin } from './access.ts';
import { pgError, unprocessable } from './errors.ts';
import { creditNote, getOrder, type RefundableOrder, refundableOrder } from './order-queries.ts';

/**
 * The gateway's idempotency key for a refund: the order, what was refunded before, and this
 * amount. A retried request (a timeout, a double click) asks the gateway for the same refund and
 * private.refund_order records it once (its gateway refund id is unique); the next refund of
 * the order starts from a new refunded total, so it is a new key.
 */
export const refundKey = (o: RefundableOrder, amount: number) => `refund-${o.id}-${o.refunded}-${amount}`;

interface RefundRow {
  id: string;
  amount: number;
  currency: string;
  reason: string;
  kind: 'admin' | 'learner';
  status: 'pending' | 'succeeded' | 'failed';
  credit_note_id: string | null;
  created_at: string;
  processed_at: string | null;
}

const tooLarge = (left: number, currency: string) =>
  unprocessable('refund_too_large', `at most ${left} (minor units of ${currency}) is left to refund`, 'amount');

/** An error answer the caller may act on, including a gateway's 5xx (onError would hide it as a 500). */
const answer = (c: Context<Env>, status: 502 | 503, code: string, message: string) =>
  c.json(toErrorBody(new AppError(status, code, message)), status);

/**
 * POST /api/admin/orders/:id/refunds: the provider refunds the payment, then
 * private.refund_order (as service_role) records it in one transaction: the refund, the order's
 * and payment's status, the credit note and, for a full refund, the enrollments cancelled or the
 * unassigned seats revoked. 201 with the refund, its credit note and the order as it is now.
 */
export function refundHandler(db: Database, payments: () => PaymentProvider | null | undefined) {
  return async (c: Context<Env>) => {
    const adminId = await requireAdmin(db, c);
    const orderId = param(c, 'id', uuid, badRequest('order id must be a UUID'));
    const input = await jsonBody(c, refundInput);
    const order = await asCaller(db, c, (sql) => refundableOrder(sql, orderId));
    if (!order) throw notFound('order');
    if (order.status !== 'paid' && order.status !== 'partially_refunded') {
      throw new AppError(409, 'not_refundable', `only a paid order is refunded; this one is ${order.status}`);
    }
    const left = order.total - order.refunded;
    const amount = input.amount ?? left;
    if (amount > left) throw tooLarge(left, order.currency);
    if (!order.gatewayPaymentId) throw new AppError(409, 'not_refundable', 'this order has no payment to refund');

    const provider = payments();
    if (!provider) return answer(c, 503, 'payments_unavailable', 'no payment provider is configured');
    let gatewayRefund: string;
    try {
      const result = await provider.refund({
        paymentId: order.gatewayPaymentId,
        amount,
        currency: order.currency,
        idempotencyKey: refundKey(order, amount),
      });
      if (result.status === 'failed') {
        throw unprocessable('refund_failed', 'the payment provider could not refund this payment');
      }
      gatewayRefund = result.refundId;
    } catch (err) {
      if (!(err instanceof PaymentProviderError)) throw err;
      if (err.retryable)
        return answer(c, 502, 'payment_provider_unavailable', 'the payment provider did not answer; try again');
      throw unprocessable('refund_refused', `the payment provider refused the refund: ${err.message}`);
    }

    let refund: RefundRow;
    try {
      [refund] = (await db.asService((sql) =>
        sql.query<RefundRow>(
          `select r.id, r.amount, r.currency::text as currency, r.reason, r.kind, r.status, r.credit_note_id,
                  r.created_at, r.processed_at
           from private.refund_order($1, $2, $3, 'admin', $4, $5) r`,
          [order.id, amount, input.reason, adminId, gatewayRefund],
        ),
      )) as [RefundRow];
    } catch (err) {
      const pg = pgError(err);
      // Another refund got there first: what is left changed between the check and the record.
      if (pg?.code === 'P0001' && pg.message === 'refund_amount_invalid') throw tooLarge(left, order.currency);
      if (pg?.code === 'P0001' && pg.message === 'not_refundable') {
        throw new AppError(409, 'not_refundable', 'only a paid order is refunded');
      }
      throw err;
    }

    const result = await asCaller(db, c, async (sql) => ({
      note: refund.credit_note_id ? await creditNote(sql, refund.credit_note_id) : null,
      order: await getOrder(sql, order.id),
    }));
    if (!result.note || !result.order) throw new Error('the refund was recorded without its credit note');
    const body: AdminRefundResult = {
      refund: {
        id: refund.id,
        amount: refund.amount,
        currency: refund.currency,
        reason: refund.reason,
        kind: refund.kind,
        status: refund.status,
        createdAt: new Date(refund.created_at).toISOString(),
        processedAt: refund.processed_at ? new Date(refund.processed_at).toISOString() : null,
      },
      creditNote: result.note,
      order: result.order,
    };
    return c.json(body, 201);
  };
}
