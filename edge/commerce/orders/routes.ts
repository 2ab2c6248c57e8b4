import { type Context, Hono } from 'hono';
import { type OrderDetail, refundRequestInput } from '../../contract/checkout.ts';
import { uuid } from '../../contract/primitives.ts';
import type { Database } from '../../db/port.ts';
import { asCaller, type Env, requireUser } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import { renderInvoicePdf } from '../../invoices/pdf.ts';
import type { InvoiceDocument } from '../../invoices/types.ts';
import { type PaymentProvider, PaymentProviderError } from '../../payments/port.ts';
import type { CommerceConfig } from '../checkout/config.ts';
import { providerFailure } from '../provider-failure.ts';
import { learnerRefund } from './policy.ts';
import { invoiceById, listOrders, orderFacts, orderInvoice, orderRecords, refundOrder } from './queries.ts';

export interface OrderDeps {
  db: Database;
  payments: PaymentProvider;
  config: CommerceConfig;
  now: () => Date;
}

/**
 * Orders and invoices for the buyer (and a company admin, for their company's): the list, one
 * order with its payments, documents and refunds, the documents as PDFs, and the learner's refund
 * request within the policy.
 */
export function orderRoutes(deps: OrderDeps): Hono<Env> {
  const { db } = deps;
  const app = new Hono<Env>();
  const orderId = (c: Context<Env>) => param(c, 'id', uuid, badRequest('order id must be a UUID'));

  app.get('/orders', async (c) => {
    const userId = requireUser(c);
    return c.json({ items: await asCaller(db, c, (sql) => listOrders(sql, userId)) });
  });

  const detail = async (c: Context<Env>, viewerId: string, id: string): Promise<OrderDetail | null> =>
    asCaller(db, c, async (sql) => {
      const facts = await orderFacts(sql, id);
      if (!facts) return null;
      const records = await orderRecords(sql, id);
      const refundable = learnerRefund(
        {
          viewerId,
          buyerId: facts.userId,
          kind: facts.summary.kind,
          status: facts.summary.status,
          total: facts.summary.total,
          paidAt: facts.summary.paidAt,
          progress: facts.progress,
        },
        deps.config.refundPolicy,
        deps.now(),
      );
      return { ...facts.summary, ...records, refundable };
    });

  app.get('/orders/:id', async (c) => {
    const userId = requireUser(c);
    const order = await detail(c, userId, orderId(c));
    if (!order) throw notFound('order');
    return c.json(order);
  });

  const pdf = async (c: Context<Env>, doc: InvoiceDocument) => {
    const bytes = await renderInvoicePdf(doc, deps.config.seller);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${doc.number}.pdf"`,
      'cache-control': 'private, no-store',
    });
  };

  app.get('/orders/:id/invoice.pdf', async (c) => {
    requireUser(c);
    const id = orderId(c);
    const doc = await asCaller(db, c, (sql) => orderInvoice(sql, id));
    if (!doc) throw notFound('invoice');
    return pdf(c, doc);
  });

  app.get('/invoices/:id/pdf', async (c) => {
    requireUser(c);
    const id = param(c, 'id', uuid, badRequest('invoice id must be a UUID'));
    const doc = await asCaller(db, c, (sql) => invoiceById(sql, id));
    if (!doc) throw notFound('invoice');
    return pdf(c, doc);
  });

  app.post('/orders/:id/refund-request', async (c) => {
    const userId = requireUser(c);
    const id = orderId(c);
    const { reason } = await jsonBody(c, refundRequestInput);
    const facts = await asCaller(db, c, (sql) => orderFacts(sql, id));
    if (!facts) throw notFound('order');
    const verdict = learnerRefund(
      {
        viewerId: userId,
        buyerId: facts.userId,
        kind: facts.summary.kind,
        status: facts.summary.status,
        total: facts.summary.total,
        paidAt: facts.summary.paidAt,
        progress: facts.progress,
      },
      deps.config.refundPolicy,
      deps.now(),
    );
    if (!verdict.allowed) throw new AppError(422, 'refund_not_allowed', verdict.reason ?? 'not refundable');
    if (!facts.gatewayPaymentId) {
      throw new AppError(422, 'refund_not_allowed', 'There is no payment to refund for this order.');
    }
    let gatewayRefundId: string;
    try {
      // One learner refund per order: the key makes a retried request the same refund at the gateway.
      const refund = await deps.payments.refund({
        paymentId: facts.gatewayPaymentId,
        amount: facts.summary.total - facts.refunded,
        currency: facts.summary.currency,
        idempotencyKey: `refund-${id}-learner`,
      });
      if (refund.status === 'failed') {
        return c.json(
          { error: { code: 'refund_failed', message: 'the payment provider could not refund this payment' } },
          502,
        );
      }
      gatewayRefundId = refund.refundId;
    } catch (err) {
      if (err instanceof PaymentProviderError) return providerFailure(c, err);
      throw err;
    }
    try {
      await db.asService((sql) => refundOrder(sql, { orderId: id, reason, requestedBy: userId, gatewayRefundId }));
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      if (e?.code === 'P0001' && (e.message === 'not_refundable' || e.message === 'refund_amount_invalid')) {
        throw new AppError(422, 'refund_not_allowed', 'This order has already been refunded.');
      }
      throw err;
    }
    const order = await detail(c, userId, id);
    return c.json(order);
  });

  return app;
}
