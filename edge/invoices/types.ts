/** What an invoice or credit note PDF shows: the invoices row plus the order's facts. Amounts are integer minor units. */
export interface InvoiceLine {
  description: string;
  quantity: number;
  unitAmount: number;
  discount: number;
  tax: number;
  total: number;
}

export interface InvoiceDocument {
  /** 'INV-2026-1122-001', or 'CN-2026-1122-001' for a credit note. */
  number: string;
  kind: 'invoice' | 'credit_note';
  /** ISO timestamp (or a Date): the date printed and the PDF's creation date. */
  issuedAt: string | Date;
  /** ISO 4217 code, e.g. 'EUR'. */
  currency: string;
  billTo: { name: string; email: string; company?: string | null };
  lines: InvoiceLine[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  /** e.g. 'VAT 19% (DE)'; 'Tax' when absent. */
  taxLabel?: string | null;
  orderId: string;
  /** e.g. 'card', 'paypal', 'stripe_checkout'. */
  paymentMethod?: string | null;
  /** The invoice number a credit note corrects. */
  relatesTo?: string | null;
}

export interface SellerInfo {
  name: string;
  address: string[];
  email: string;
  taxId?: string | null;
}
