/** A realistic five-line invoice and its seller: for tests, the invoice benchmark and previews. */
import type { InvoiceDocument, SellerInfo } from './types.ts';

export const sampleSeller: SellerInfo = {
  name: 'LMS Platform GmbH',
  address: ['Torstraße 140', '10119 Berlin', 'Germany'],
  email: 'billing@lms.example',
  taxId: 'DE123456789',
};

const line = (description: string, quantity: number, unitAmount: number, discount: number, tax: number) => ({
  description,
  quantity,
  unitAmount,
  discount,
  tax,
  total: quantity * unitAmount - discount + tax,
});

const lines = [
  line('TypeScript for Teams: types, generics and the compiler API', 1, 4900, 490, 838),
  line('Data Bundle: SQL, PostgreSQL performance and analytics (3 courses)', 1, 12900, 2580, 1961),
  line('Accessible Web Design with SolidJS', 1, 3900, 0, 741),
  line('Testing in Practice: vitest, property tests and end-to-end runs in Chromium', 1, 5900, 590, 1009),
  line('Live cohort: Security for Web Developers (6 weeks, Q&A and shared notes)', 1, 19900, 0, 3781),
];

export const sampleInvoice: InvoiceDocument = {
  number: 'INV-2026-1122-001',
  kind: 'invoice',
  issuedAt: '2026-11-22T10:15:00Z',
  currency: 'EUR',
  billTo: { name: 'Zoë Ødegård', email: 'zoe@example.com', company: 'Fjord Analytics AS' },
  lines,
  subtotal: lines.reduce((s, l) => s + l.quantity * l.unitAmount, 0),
  discount: lines.reduce((s, l) => s + l.discount, 0),
  tax: lines.reduce((s, l) => s + l.tax, 0),
  total: lines.reduce((s, l) => s + l.total, 0),
  taxLabel: 'VAT 19% (DE)',
  orderId: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f',
  paymentMethod: 'card',
};
