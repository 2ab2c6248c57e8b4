import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from './pdf.ts';
import { type PdfText, readPdfText } from './pdf-text.ts';
import { sampleInvoice, sampleSeller } from './sample.ts';
import type { InvoiceDocument, InvoiceLine } from './types.ts';

const texts = (pdf: PdfText) => pdf.pages.flat().map((t) => t.text);
const A4 = { width: 595.28, height: 841.89 };

function invoiceWith(lines: InvoiceLine[], extra: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const sum = (k: keyof InvoiceLine) => lines.reduce((s, l) => s + (l[k] as number), 0);
  return {
    ...sampleInvoice,
    lines,
    subtotal: lines.reduce((s, l) => s + l.quantity * l.unitAmount, 0),
    discount: sum('discount'),
    tax: sum('tax'),
    total: sum('total'),
    ...extra,
  };
}

describe('renderInvoicePdf', () => {
  it('writes an A4 invoice that pdf-lib reads back, with its metadata', async () => {
    const pdf = await readPdfText(await renderInvoicePdf(sampleInvoice, sampleSeller));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes).toEqual([A4]);
    expect(pdf.title).toBe('INV-2026-1122-001');
    expect(pdf.author).toBe('LMS Platform GmbH');
    expect(pdf.creationDate?.toISOString()).toBe('2026-11-22T10:15:00.000Z');
  });

  it('shows the seller, the number, the learner, the lines and the totals', async () => {
    const shown = texts(await readPdfText(await renderInvoicePdf(sampleInvoice, sampleSeller)));
    expect(shown).toEqual(
      expect.arrayContaining([
        'LMS Platform GmbH',
        'Torstraße 140',
        'Tax ID: DE123456789',
        'Invoice',
        'INV-2026-1122-001',
        '22 November 2026',
        '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f',
        'Card',
        'Zoë Ødegård',
        'Fjord Analytics AS',
        'zoe@example.com',
        'Accessible Web Design with SolidJS',
        '€39.00',
        '-€25.80',
        'VAT 19% (DE)',
        '€475.00',
        '-€36.60',
        '€83.30',
        '€521.70',
        'Paid — thank you',
        'INV-2026-1122-001 · Page 1 of 1',
      ]),
    );
    // Long descriptions wrap into the column: every word of every line is there, in order.
    const words = shown.join(' ');
    for (const line of sampleInvoice.lines) expect(words).toContain(line.description.split(' ').slice(-3).join(' '));
  });

  it('gives the same bytes for the same input', async () => {
    const a = await renderInvoicePdf(sampleInvoice, sampleSeller);
    const b = await renderInvoicePdf(structuredClone(sampleInvoice), structuredClone(sampleSeller));
    expect(a).toEqual(b);
  });

  it('writes a credit note in a currency without minor digits', async () => {
    const note = invoiceWith(
      [{ description: 'Refund: Data Bundle', quantity: 1, unitAmount: 12000, discount: 0, tax: 0, total: 12000 }],
      {
        number: 'CN-2026-1123-002',
        kind: 'credit_note',
        currency: 'JPY',
        relatesTo: 'INV-2026-1122-001',
        taxLabel: null,
        paymentMethod: 'paypal',
      },
    );
    const pdf = await readPdfText(await renderInvoicePdf(note, sampleSeller));
    expect(pdf.title).toBe('CN-2026-1123-002');
    const shown = texts(pdf);
    expect(shown).toEqual(
      expect.arrayContaining(['Credit note', 'CN-2026-1123-002', 'Corrects invoice', 'INV-2026-1122-001', 'PayPal']),
    );
    expect(shown).toEqual(expect.arrayContaining(['¥12,000', 'Total credited', 'Tax', '¥0']));
    expect(shown.some((t) => t.includes('.00'))).toBe(false);
    expect(shown).not.toContain('Paid — thank you');
    expect(shown.join(' ')).toContain('Credit note for invoice INV-2026-1122-001');
  });

  it('writes the ISO code where Helvetica has no currency symbol', async () => {
    const inr = invoiceWith(
      [{ description: 'Course', quantity: 1, unitAmount: 99900, discount: 0, tax: 0, total: 99900 }],
      {
        currency: 'INR',
      },
    );
    const shown = texts(await readPdfText(await renderInvoicePdf(inr, sampleSeller)));
    expect(shown).toContain('INR 999.00');
  });

  it('continues a long table on new pages, header repeated, nothing lost or below the footer', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      description:
        i % 7 === 0
          ? `Line ${i + 1}: a course with a long title that wraps over more than one line of the description column`
          : `Line ${i + 1}: course`,
      quantity: 1 + (i % 3),
      unitAmount: 1000 + i,
      discount: 0,
      tax: 0,
      total: (1 + (i % 3)) * (1000 + i),
    }));
    const pdf = await readPdfText(await renderInvoicePdf(invoiceWith(lines), sampleSeller));
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    const numbers = pdf.pages.flat().flatMap((t) => /^Line (\d+):/.exec(t.text)?.[1] ?? []);
    expect(numbers).toEqual(lines.map((_, i) => String(i + 1)));
    pdf.pages.forEach((page, i) => {
      const shown = page.map((t) => t.text);
      expect(shown).toContain(`INV-2026-1122-001 · Page ${i + 1} of ${pdf.pageCount}`);
      if (i > 0) expect(shown).toContain('Invoice INV-2026-1122-001 (continued)');
      // The footer is drawn last; the content stays above its rule (50 pt) and inside the margins.
      const footer = page.slice(-2);
      expect(footer.map((t) => t.text)).toEqual([
        'LMS Platform GmbH · billing@lms.example',
        expect.stringMatching(/Page/),
      ]);
      for (const t of footer) expect(t.y).toBe(36);
      for (const t of page.slice(0, -2)) {
        expect(t.y).toBeGreaterThan(50);
        expect(t.y).toBeLessThan(A4.height - 50);
        expect(t.x).toBeGreaterThanOrEqual(50);
      }
    });
    // Every page with rows has the table header.
    for (const page of pdf.pages.filter((p) => p.some((t) => /^Line \d+:/.test(t.text))))
      expect(page.map((t) => t.text)).toContain('Description');
    expect(texts(pdf)).toContain('Paid — thank you');
  });

  it('renders hostile text without crashing: very long, newlines, control characters, scripts Helvetica lacks', async () => {
    const hostile = `${'Ignore previous instructions\n\r\t\u0000\u0007\u001b[2J'.repeat(40)} ${'W'.repeat(3000)} 张伟 🙂 \u202egnp.exe`;
    const invoice = invoiceWith(
      [
        { description: hostile, quantity: 1, unitAmount: 100, discount: 0, tax: 0, total: 100 },
        { description: '', quantity: 1, unitAmount: 0, discount: 0, tax: 0, total: 0 },
        { description: '\n\n\t', quantity: 1, unitAmount: 0, discount: 0, tax: 0, total: 0 },
      ],
      {
        billTo: { name: '张伟 🙂\nZoë', email: 'a\u0000b@example.com', company: 'x'.repeat(5000) },
        taxLabel: 'VAT\n\u0000 19%',
        paymentMethod: '\u0007card\u202e',
      },
    );
    const bytes = await renderInvoicePdf(invoice, {
      ...sampleSeller,
      name: 'Seller\u0000 🙂',
      address: ['line\none', '北京'],
    });
    const pdf = await readPdfText(bytes);
    const shown = texts(pdf);
    expect(shown).toContain('?? ? Zoë');
    expect(shown).toContain('VAT 19%');
    expect(shown).toContain('Seller ?');
    for (const t of shown) expect(t).not.toMatch(/[\u0000-\u001f\u007f]/);
    // The description is cut, so the row stays on a page of its own at most.
    expect(shown.join('')).toContain('…');
    expect(pdf.pageCount).toBeLessThanOrEqual(2);
  });

  it('refuses an issue date that is not a date', async () => {
    await expect(renderInvoicePdf({ ...sampleInvoice, issuedAt: 'yesterday' }, sampleSeller)).rejects.toThrow(
      TypeError,
    );
  });
});
