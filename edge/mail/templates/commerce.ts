import { layout, type MailContext, oneLine, type RenderedMail, safeLink, utcText } from './layout.ts';

/** Order mails: amounts arrive formatted (edge/commerce formats money), every value is escaped. */

export interface ReceiptVars {
  orderId: string;
  invoiceNumber: string;
  /** Formatted total, e.g. "€49.00". */
  total: string;
  items: string[];
  paidAt: string;
}

const orderLink = (orderId: string, ctx: MailContext) =>
  safeLink(`/orders/${encodeURIComponent(orderId)}`, ctx.siteUrl);

export const receipt = (v: ReceiptVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: `Your receipt and invoice ${oneLine(v.invoiceNumber)}`,
    heading: 'Thank you for your order',
    blocks: [
      { p: 'Your payment went through. Here is your receipt; the invoice is on your order page.' },
      {
        rows: [
          ['Invoice', v.invoiceNumber],
          ['Paid', utcText(v.paidAt)],
          ...v.items.map((item): [string, string] => ['Item', item]),
          ['Total', v.total],
        ],
      },
      { action: 'View order and invoice', href: orderLink(v.orderId, ctx) },
    ],
  });

export interface InvoiceVars {
  orderId: string;
  invoiceNumber: string;
  total: string;
  issuedAt: string;
}

export const invoice = (v: InvoiceVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: `Invoice ${oneLine(v.invoiceNumber)}`,
    heading: `Invoice ${v.invoiceNumber}`,
    blocks: [
      {
        rows: [
          ['Invoice', v.invoiceNumber],
          ['Issued', utcText(v.issuedAt)],
          ['Total', v.total],
        ],
      },
      { action: 'Download the invoice', href: orderLink(v.orderId, ctx) },
    ],
  });

export interface CreditNoteVars {
  orderId: string;
  creditNoteNumber: string;
  invoiceNumber: string;
  amount: string;
}

export const creditNote = (v: CreditNoteVars, ctx: MailContext): RenderedMail =>
  layout({
    ctx,
    subject: `Refund: credit note ${oneLine(v.creditNoteNumber)}`,
    heading: 'Your refund',
    blocks: [
      { p: 'We refunded part or all of your order. The credit note is on your order page.' },
      {
        rows: [
          ['Credit note', v.creditNoteNumber],
          ['For invoice', v.invoiceNumber],
          ['Refunded', v.amount],
        ],
      },
      { action: 'View order', href: orderLink(v.orderId, ctx) },
    ],
  });
