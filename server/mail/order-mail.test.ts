import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness, paidOrder } from '../../tests/support/admin-commerce.ts';
import { ids } from '../../tests/support/edge-harness.ts';
import { outboxMailer } from './outbox.ts';
import type { Mail } from './port.ts';
import { type MailQueue, startMailQueue } from './queue.ts';
import { drainMailRequests, type RequestDeps } from './requests.ts';

/**
 * Order mail through the mail port: a paid order and a refund ask for their mail in the same
 * transaction (private.mail_requests); the host renders it and hands it to the transport, SMTP or
 * the embedded outbox alike. Once per order or refund, whoever drains.
 */

const SITE = 'https://learn.test';
let a: AdminHarness;
let queue: MailQueue;
let deps: RequestDeps;
const sent: Mail[] = [];

beforeAll(async () => {
  a = await makeAdminHarness();
  queue = await startMailQueue({
    db: a.h.db,
    // What an SMTP transport would get, and the outbox as the embedded default writes it.
    transport: {
      send: async (m) => {
        sent.push(m);
        await outboxMailer(a.h.db).send(m);
      },
    },
    retryDelay: 1,
  });
  deps = {
    db: a.h.db,
    queue,
    ctx: { siteUrl: SITE, platformName: 'Learnwell' },
    secret: 's'.repeat(40),
    log: () => {},
  };
}, 120_000);
afterAll(async () => {
  await queue?.stop();
  await a?.close();
});

const owner = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  a.h.db.asOwner((sql) => sql.query<T>(text, params));

async function deliver(): Promise<Mail[]> {
  const before = sent.length;
  await drainMailRequests(deps);
  await queue.settle(5000);
  return sent.slice(before);
}

describe('order mail', () => {
  it('sends the receipt of a paid order once, with the invoice number, amounts and the order link', async () => {
    const orderId = await paidOrder(a.h, ids.student, 'mail-receipt');
    const [invoice] = await owner<{ number: string; email: string }>(
      "select number, bill_to->>'email' as email from public.invoices where order_id = $1 and kind = 'invoice'",
      [orderId],
    );
    const mails = (await deliver()).filter((m) => m.kind === 'receipt');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.to).toBe(invoice!.email);
    expect(mail!.subject).toBe(`Your receipt and invoice ${invoice!.number}`);
    expect(mail!.text).toContain(`${SITE}/orders/${orderId}`);
    expect(mail!.html).toContain(`${SITE}/orders/${orderId}`);
    expect(mail!.text).toContain('Item: Pandas in Practice: $49.00\nTotal: $49.00');
    expect(mail!.headers).toBeUndefined(); // transactional: no unsubscribe

    // Drained once: nothing more for this order, and the outbox holds exactly one receipt.
    expect(await deliver()).toEqual([]);
    const [row] = await owner<{ n: number }>(
      "select count(*)::int as n from private.mail_outbox where kind = 'receipt' and subject like '%' || $1",
      [invoice!.number],
    );
    expect(row!.n).toBe(1);
  });

  it('sends the credit note of a refund with the refunded amount and the invoice it corrects', async () => {
    const orderId = await paidOrder(a.h, ids.other, 'mail-refund');
    await deliver();
    const res = await a.call(ids.admin, 'POST', `/api/admin/orders/${orderId}/refunds`, {
      amount: 1000,
      reason: 'Goodwill',
    });
    expect(res.status).toBe(201);
    const [docs] = await owner<{ invoice: string; note: string }>(
      `select (select number from public.invoices where order_id = $1 and kind = 'invoice') as invoice,
              (select number from public.invoices where order_id = $1 and kind = 'credit_note') as note`,
      [orderId],
    );
    const mails = await deliver();
    expect(mails.map((m) => m.kind)).toEqual(['credit_note']);
    const [mail] = mails;
    expect(mail!.to).toBe('other@test.local');
    expect(mail!.subject).toBe(`Refund: credit note ${docs!.note}`);
    expect(mail!.text).toContain(docs!.invoice);
    expect(mail!.text).toContain('$10.00');
    expect(mail!.text).toContain(`${SITE}/orders/${orderId}`);
  });

  it('skips a request whose vars were tampered with, and sends the rest', async () => {
    const logged: string[] = [];
    await owner(
      `insert into private.mail_requests (user_id, template, vars) values
         ($1, 'receipt', '{"orderId": "x", "total": -1}'),
         ($1, 'credit_note', '{"orderId": "00000000-0000-4000-8000-000000000001", "creditNoteNumber": "CN-1",
           "invoiceNumber": null, "currency": "usd", "amount": 100}')`,
      [ids.student],
    );
    const before = sent.length;
    expect(await drainMailRequests({ ...deps, log: (l) => logged.push(l) })).toBe(2);
    await queue.settle(5000);
    expect(sent.length).toBe(before);
    expect(logged).toEqual([
      expect.stringContaining('(receipt): malformed vars'),
      expect.stringContaining('(credit_note): malformed vars'),
    ]);
  });
});
