import type { Database } from '../../db/port.ts';
import { formatMoney } from '../../invoices/money.ts';
import type { Mail, Mailer } from '../../mail/port.ts';
import { renderMail } from '../../mail/templates/index.ts';

export interface ReceiptMailDeps {
  db: Database;
  mailer?: Mailer;
  siteUrl: string;
  platformName: string;
}

interface InvoiceRow {
  number: string;
  order_id: string;
  email: string | null;
  currency: string;
  total: number;
  lines: { description?: string; quantity?: number; total?: number }[];
  issued_at: Date | string;
}

/** The receipt mail (kind 'receipt') for a paid order's invoice, with its number and a link to /orders/:id. */
export function receiptMail(to: string, row: InvoiceRow, ctx: { siteUrl: string; platformName: string }): Mail {
  const items = row.lines.map((l) => {
    const qty = (l.quantity ?? 1) > 1 ? ` × ${l.quantity}` : '';
    return `${l.description ?? ''}${qty}: ${formatMoney(l.total ?? 0, row.currency)}`;
  });
  const rendered = renderMail(
    'receipt',
    {
      orderId: row.order_id,
      invoiceNumber: row.number,
      total: formatMoney(row.total, row.currency),
      items,
      paidAt: new Date(row.issued_at).toISOString(),
    },
    ctx,
  );
  return { to, ...rendered, kind: 'receipt' };
}

/**
 * After a paid order committed: the buyer gets the receipt with the invoice number (bill_to's
 * address, as invoiced). Never throws: a mail that cannot be queued is logged, the order stands.
 */
export async function sendReceipt(deps: ReceiptMailDeps, orderId: string): Promise<boolean> {
  if (!deps.mailer) return false;
  try {
    const [row] = await deps.db.asService((sql) =>
      sql.query<InvoiceRow>('select * from private.order_receipt($1)', [orderId]),
    );
    if (!row?.email) return false;
    await deps.mailer.send(receiptMail(row.email, row, deps));
    return true;
  } catch (err) {
    console.error('checkout: the receipt mail was not sent', err instanceof Error ? err.message : err);
    return false;
  }
}
