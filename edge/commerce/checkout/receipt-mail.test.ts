import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../../tests/support/edge-harness.ts';
import type { Mail } from '../../mail/port.ts';
import { buy, loadCommerceFixture, ownerQuery } from './test-fixture.ts';

/** A paid order mails its receipt with the invoice number and a link to /orders/:id, once. */

const sent: Mail[] = [];
let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness({ mailer: { send: async (m) => void sent.push(m) } });
  await loadCommerceFixture(h);
});
afterAll(() => h.close());

describe('the receipt mail', () => {
  it('goes to the buyer after the order is paid, with the invoice number and the order link', async () => {
    const orderId = await buy(h, ids.student, { items: [{ kind: 'course', id: ids.paid }] });
    const [invoice] = await ownerQuery<{ number: string; email: string }>(
      h,
      "select number, bill_to->>'email' as email from public.invoices where order_id = $1 and kind = 'invoice'",
      [orderId],
    );
    const receipts = sent.filter((m) => m.kind === 'receipt');
    expect(receipts).toHaveLength(1);
    const [mail] = receipts;
    expect(mail!.to).toBe(invoice!.email);
    expect(mail!.subject).toBe(`Your receipt and invoice ${invoice!.number}`);
    expect(mail!.text).toContain(`/orders/${orderId}`);
    expect(mail!.html).toContain(`/orders/${orderId}`);
    expect(mail!.text).toContain('$49.00');
    expect(mail!.headers).toBeUndefined(); // transactional: no unsubscribe
  });
});
