/**
 * `npm run bench:invoices` (and a part of `npm run bench`): invoice PDFs per second with pdf-lib
 * (edge/invoices/pdf.ts, what the API serves) beside pdfkit drawing the same document (same
 * layout, text, fonts, wrapping, compression) in the same run. The document is the realistic
 * five-line sample (edge/invoices/sample.ts); each library renders it one at a time in turns of
 * 250 ms, alternating, so both see the same machine load. pdfkit is Node-only: the bench runs
 * on Node, the pdf-lib renderer also runs on Deno.
 * Printed: PDFs/s, p50, p99, size, pages, and the ratio pdf-lib / pdfkit (PDFs/s).
 * Environment: BENCH_SECONDS (5) per library, BENCH_JSON=1 to print the figures as JSON too.
 */
import PDFKit from 'pdfkit';
import { formatMoney } from '../edge/invoices/money.ts';
import { renderInvoicePdf } from '../edge/invoices/pdf.ts';
import { sampleInvoice, sampleSeller } from '../edge/invoices/sample.ts';
import type { InvoiceDocument, SellerInfo } from '../edge/invoices/types.ts';
import { printBench } from './main.ts';
import { type Measure, measureInTurns } from './stats.ts';

const MARGIN = 50;
const COLUMNS = [
  { label: 'Description', width: 200, align: 'left' as const },
  { label: 'Qty', width: 36, align: 'right' as const },
  { label: 'Unit price', width: 66, align: 'right' as const },
  { label: 'Discount', width: 62, align: 'right' as const },
  { label: 'Tax', width: 62, align: 'right' as const },
  { label: 'Total', width: 69.28, align: 'right' as const },
];
const METHODS: Record<string, string> = { card: 'Card', paypal: 'PayPal', stripe_checkout: 'Stripe Checkout' };
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The same invoice as renderInvoicePdf draws it, with pdfkit. */
export function renderWithPdfkit(invoice: InvoiceDocument, seller: SellerInfo): Promise<Uint8Array> {
  const issued = new Date(invoice.issuedAt);
  const title = invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice';
  const doc = new PDFKit({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: invoice.number, Author: seller.name, Subject: `${title} ${invoice.number}`, CreationDate: issued },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (n: number) => formatMoney(n, invoice.currency);
  const right = doc.page.width - MARGIN;
  const width = right - MARGIN;
  const muted = '#6b7380';

  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1c1f26').text(seller.name, MARGIN, MARGIN, { width: 270 });
  doc.font('Helvetica').fontSize(9).fillColor(muted);
  for (const line of [...seller.address, seller.email, seller.taxId ? `Tax ID: ${seller.taxId}` : ''])
    if (line) doc.text(line, { width: 270 });
  const leftBottom = doc.y;
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#1c1f26').text(title, MARGIN, MARGIN, { width, align: 'right' });
  let y = doc.y + 4;
  const facts: [string, string][] = [
    ['Number', invoice.number],
    ['Issued', dateFormat.format(issued)],
    ['Order', invoice.orderId],
  ];
  if (invoice.paymentMethod) facts.push(['Payment', METHODS[invoice.paymentMethod] ?? invoice.paymentMethod]);
  for (const [label, value] of facts) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(muted)
      .text(label, MARGIN, y, { width: width - 190, align: 'right' });
    doc
      .font('Helvetica-Bold')
      .fillColor('#1c1f26')
      .text(value, right - 182, y, { width: 182, align: 'right' });
    y += 13;
  }
  y = Math.max(leftBottom, y) + 18;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(muted).text('BILL TO', MARGIN, y);
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#1c1f26').text(invoice.billTo.name, { width: 320 });
  doc.font('Helvetica').fontSize(10);
  if (invoice.billTo.company) doc.text(invoice.billTo.company, { width: 320 });
  doc.fillColor(muted).text(invoice.billTo.email, { width: 320 });
  y = doc.y + 16;

  const header = () => {
    doc.rect(MARGIN, y - 5, width, 20).fill('#f2f4f7');
    let x = MARGIN;
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(muted);
    for (const c of COLUMNS) {
      doc.text(c.label, x + 4, y, { width: c.width - 8, align: c.align, lineBreak: false });
      x += c.width;
    }
    y += 22;
  };
  header();
  doc.font('Helvetica').fontSize(9.5).fillColor('#1c1f26');
  for (const line of invoice.lines) {
    const height = doc.heightOfString(line.description, { width: COLUMNS[0]!.width - 8 });
    if (y + height + 8 > doc.page.height - 72) {
      doc.addPage();
      y = MARGIN;
      doc.font('Helvetica-Bold').fontSize(11).text(`${title} ${invoice.number} (continued)`, MARGIN, y);
      y += 24;
      header();
      doc.font('Helvetica').fontSize(9.5).fillColor('#1c1f26');
    }
    doc.text(line.description, MARGIN + 4, y, { width: COLUMNS[0]!.width - 8 });
    const cells = [
      String(line.quantity),
      money(line.unitAmount),
      line.discount ? `-${money(line.discount)}` : money(0),
      money(line.tax),
      money(line.total),
    ];
    let x = MARGIN + COLUMNS[0]!.width;
    cells.forEach((cell, i) => {
      const c = COLUMNS[i + 1]!;
      doc.text(cell, x + 4, y, { width: c.width - 8, align: 'right', lineBreak: false });
      x += c.width;
    });
    y += height + 4;
    doc.moveTo(MARGIN, y).lineTo(right, y).lineWidth(0.75).stroke('#d6dbe3');
    y += 10;
  }

  const totals: [string, string][] = [
    ['Subtotal', money(invoice.subtotal)],
    ['Discount', invoice.discount ? `-${money(invoice.discount)}` : money(0)],
    [invoice.taxLabel || 'Tax', money(invoice.tax)],
  ];
  y += 8;
  doc.font('Helvetica').fontSize(10);
  for (const [label, value] of totals) {
    doc.fillColor(muted).text(label, right - 280, y, { width: 170, align: 'right' });
    doc.fillColor('#1c1f26').text(value, right - 100, y, { width: 100, align: 'right' });
    y += 16;
  }
  doc
    .moveTo(right - 280, y)
    .lineTo(right, y)
    .lineWidth(1)
    .stroke('#1c1f26');
  y += 6;
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text('Total', right - 280, y, { width: 170, align: 'right' });
  doc.text(money(invoice.total), right - 100, y, { width: 100, align: 'right' });
  y += 40;
  if (invoice.kind === 'invoice') doc.text('Paid \u2014 thank you', MARGIN, y);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const footerY = doc.page.height - 44;
    doc.font('Helvetica').fontSize(8).fillColor(muted);
    doc.text(`${seller.name} \u00b7 ${seller.email}`, MARGIN, footerY, { lineBreak: false });
    doc.text(`${invoice.number} \u00b7 Page ${i + 1} of ${range.count}`, MARGIN, footerY, { width, align: 'right' });
  }
  doc.end();
  return done;
}

export interface InvoiceBenchRow {
  library: 'pdf-lib' | 'pdfkit';
  measure: Measure;
  bytes: number;
}

type Render = (invoice: InvoiceDocument, seller: SellerInfo) => Promise<Uint8Array>;
const LIBRARIES: [InvoiceBenchRow['library'], Render][] = [
  ['pdf-lib', renderInvoicePdf],
  ['pdfkit', renderWithPdfkit],
];

/** Each library renders the sample one at a time, in alternating 250 ms turns, `seconds` in all each (after 1 s of warm-up). */
export async function benchInvoices(seconds: number, turnMs = 250): Promise<InvoiceBenchRow[]> {
  const bytes: number[] = [];
  for (const [, render] of LIBRARIES) bytes.push((await render(sampleInvoice, sampleSeller)).length);
  const measures = await measureInTurns(
    LIBRARIES.map(
      ([, render]) =>
        () =>
          render(sampleInvoice, sampleSeller),
    ),
    seconds,
    turnMs,
  );
  return LIBRARIES.map(([library], i) => ({ library, measure: measures[i]!, bytes: bytes[i]! }));
}

export function formatInvoiceBench(rows: InvoiceBenchRow[]): string {
  const head = `${'invoice PDF'.padEnd(12)} ${'PDFs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'bytes'.padStart(7)}`;
  const lines = rows.map(
    (r) =>
      `${r.library.padEnd(12)} ${r.measure.rps.toFixed(0).padStart(8)} ${r.measure.p50.toFixed(2).padStart(8)} ${r.measure.p99.toFixed(2).padStart(8)} ${String(r.bytes).padStart(7)}`,
  );
  const pdfLib = rows.find((r) => r.library === 'pdf-lib');
  const pdfkit = rows.find((r) => r.library === 'pdfkit');
  const ratio = pdfLib && pdfkit ? (pdfLib.measure.rps / pdfkit.measure.rps).toFixed(2) : '-';
  return [
    'invoice PDFs (the 5-line sample, A4, Helvetica, one at a time)',
    '--------------------------------------------------------------',
    head,
    ...lines,
    `  ratio pdf-lib / pdfkit (PDFs/s): ${ratio}`,
  ].join('\n');
}

if (import.meta.main) await printBench(benchInvoices, formatInvoiceBench);
