import { z } from 'zod';
import { formatMoney } from '../../edge/invoices/money.ts';
import { renderMail } from '../../edge/mail/templates/index.ts';
import type { MailContext } from '../../edge/mail/templates/layout.ts';
import type { Mail } from './port.ts';

/**
 * Order mail the database asks for in the transaction that paid or refunded an order
 * (private.fulfil_order and private.refund_order write private.mail_requests rows:
 * supabase/migrations/20261130000100_commerce_mail_requests.sql). Amounts arrive in minor units
 * with their currency and are formatted here, as on invoices. Transactional: no unsubscribe link.
 */

const currency = z.string().regex(/^[A-Z]{3}$/);
const minor = z.number().int().min(0).max(2_147_483_647);
const id = z.string().uuid();
const documentNumber = z.string().min(1).max(64);

const receiptVars = z.object({
  orderId: id,
  invoiceNumber: documentNumber,
  currency,
  total: minor,
  paidAt: z
    .string()
    .max(64)
    .refine((s) => !Number.isNaN(Date.parse(s))),
  lines: z
    .array(
      z.object({
        description: z.string().max(1000),
        quantity: z.number().int().min(1).max(1_000_000),
        total: minor,
      }),
    )
    .max(500),
});

const creditNoteVars = z.object({
  orderId: id,
  creditNoteNumber: documentNumber,
  invoiceNumber: documentNumber.nullable(),
  currency,
  amount: minor,
});

export const ORDER_TEMPLATES = ['receipt', 'credit_note'] as const;
export type OrderTemplate = (typeof ORDER_TEMPLATES)[number];
export const isOrderTemplate = (name: string): name is OrderTemplate =>
  (ORDER_TEMPLATES as readonly string[]).includes(name);

/** The mail for one order request to `to`, or why it cannot be built. */
export function orderMail(template: OrderTemplate, raw: unknown, to: string, ctx: MailContext): Mail | string {
  if (template === 'receipt') {
    const vars = receiptVars.safeParse(raw);
    if (!vars.success) return 'malformed vars';
    const v = vars.data;
    const rendered = renderMail(
      'receipt',
      {
        orderId: v.orderId,
        invoiceNumber: v.invoiceNumber,
        total: formatMoney(v.total, v.currency),
        items: v.lines.map(
          (l) => `${l.description}${l.quantity > 1 ? ` × ${l.quantity}` : ''}: ${formatMoney(l.total, v.currency)}`,
        ),
        paidAt: new Date(v.paidAt).toISOString(),
      },
      ctx,
    );
    return { to, ...rendered, kind: 'receipt' };
  }
  const vars = creditNoteVars.safeParse(raw);
  if (!vars.success) return 'malformed vars';
  const v = vars.data;
  const rendered = renderMail(
    'credit_note',
    {
      orderId: v.orderId,
      creditNoteNumber: v.creditNoteNumber,
      invoiceNumber: v.invoiceNumber ?? '—',
      amount: formatMoney(v.amount, v.currency),
    },
    ctx,
  );
  return { to, ...rendered, kind: 'credit_note' };
}
