/**
 * An invoice or credit note as an A4 PDF, with pdf-lib and the standard Helvetica fonts (no font
 * files, Web-standard code: runs on Node and Deno). Seller block, title and numbers, bill-to, an
 * item table whose descriptions wrap and which continues on new pages (header repeated), totals,
 * "Paid — thank you" under an invoice, "Page n of N" on every page. Every string is made drawable
 * first (text.ts). The same input gives the same bytes: no clock, no randomness (pdf-lib's
 * resource names come from a seeded generator), creation date = issuedAt.
 */
import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb, StandardFonts } from 'pdf-lib';
import { type CurrencyDisplay, formatMoney } from './money.ts';
import { type CanEncode, toWinAnsi, wrapText } from './text.ts';
import type { InvoiceDocument, SellerInfo } from './types.ts';

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const RIGHT = PAGE[0] - MARGIN;
const TOP = PAGE[1] - MARGIN;
/** Content stays above this; the page footer sits below it. */
const BOTTOM = 72;
const INK = rgb(0.11, 0.12, 0.15);
const MUTED = rgb(0.42, 0.45, 0.5);
const RULE = rgb(0.84, 0.86, 0.89);
const BAND = rgb(0.95, 0.96, 0.97);
const MAX_DESCRIPTION = 600;
const MAX_FIELD = 200;

interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
}
const COLUMNS: Column[] = [
  { label: 'Description', width: 200, align: 'left' },
  { label: 'Qty', width: 36, align: 'right' },
  { label: 'Unit price', width: 66, align: 'right' },
  { label: 'Discount', width: 62, align: 'right' },
  { label: 'Tax', width: 62, align: 'right' },
  { label: 'Total', width: 69.28, align: 'right' },
];
const CELL_PAD = 4;
const ROW_SIZE = 9.5;
const ROW_LEADING = 12;

const METHODS: Record<string, string> = { card: 'Card', paypal: 'PayPal', stripe_checkout: 'Stripe Checkout' };

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

interface Style {
  size: number;
  font?: PDFFont;
  color?: RGB;
}

/** The pages being written and the pen's height on the current one. */
class Writer {
  page!: PDFPage;
  y = TOP;
  readonly pages: PDFPage[] = [];
  private readonly glyphWidths = new Map<PDFFont, Map<string, number>>();
  private readonly fonts = new Map<PDFPage, PDFFont>();
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** The drawn width: glyph advances summed, no kerning (drawText applies none), cached per glyph. */
  width(text: string, { size, font = this.regular }: Style): number {
    let widths = this.glyphWidths.get(font);
    if (!widths) {
      widths = new Map();
      this.glyphWidths.set(font, widths);
    }
    let total = 0;
    for (const ch of text) {
      let glyph = widths.get(ch);
      if (glyph === undefined) {
        glyph = font.widthOfTextAtSize(ch, 1000);
        widths.set(ch, glyph);
      }
      total += glyph;
    }
    return (total * size) / 1000;
  }

  /** `text` must be clean (toWinAnsi). x is the left edge, or the right edge when align is 'right'. */
  text(text: string, x: number, y: number, style: Style, align: 'left' | 'right' = 'left'): void {
    if (text === '') return;
    const font = style.font ?? this.regular;
    const left = align === 'right' ? x - this.width(text, style) : x;
    // Set once per change: a font passed to drawText adds a resource entry on every call.
    if (this.fonts.get(this.page) !== font) {
      this.page.setFont(font);
      this.fonts.set(this.page, font);
    }
    this.page.drawText(text, { x: left, y, size: style.size, color: style.color ?? INK });
  }

  /** A one-line value in a box `width` wide: the size shrinks (to 5 pt) rather than overflow. */
  fitted(text: string, x: number, y: number, width: number, style: Style, align: 'left' | 'right'): void {
    let size = style.size;
    while (size > 5 && this.width(text, { ...style, size }) > width) size -= 0.5;
    this.text(text, x, y, { ...style, size }, align);
  }

  rule(y: number, color = RULE, thickness = 0.75): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: RIGHT, y }, thickness, color });
  }
}

export async function renderInvoicePdf(invoice: InvoiceDocument, seller: SellerInfo): Promise<Uint8Array> {
  const issued = new Date(invoice.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new TypeError(`issuedAt is not a date: ${String(invoice.issuedAt)}`);
  const creditNote = invoice.kind === 'credit_note';
  const title = creditNote ? 'Credit note' : 'Invoice';

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(invoice.number);
  doc.setAuthor(seller.name);
  doc.setSubject(`${title} ${invoice.number}`);
  doc.setCreator(seller.name);
  doc.setProducer('pdf-lib');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // Helvetica and Helvetica-Bold share one encoding (WinAnsi).
  const charset = new Set(regular.getCharacterSet());
  const canEncode: CanEncode = (cp) => charset.has(cp);
  const clean = (text: unknown, max = MAX_FIELD) => toWinAnsi(text, canEncode, max);
  const money = (minor: number) => {
    let display: CurrencyDisplay = 'symbol';
    let text = formatMoney(minor, invoice.currency);
    // A symbol Helvetica lacks (₹, ₩, ₫...): the ISO code instead.
    for (const ch of text) if (!canEncode(ch.codePointAt(0)!)) display = 'code';
    if (display === 'code') text = formatMoney(minor, invoice.currency, display);
    return clean(text);
  };

  const w = new Writer(doc, regular, bold);
  const number = clean(invoice.number, 64);
  w.newPage();

  // Seller (left) and the document's facts (right).
  let left = TOP - 16;
  for (const line of wrapText(clean(seller.name), 270, (s) => w.width(s, { size: 16, font: bold }))) {
    w.text(line, MARGIN, left, { size: 16, font: bold });
    left -= 19;
  }
  left += 3;
  const sellerLines = [...(seller.address ?? []), seller.email, seller.taxId ? `Tax ID: ${seller.taxId}` : ''];
  for (const raw of sellerLines) {
    const line = clean(raw);
    if (!line) continue;
    for (const part of wrapText(line, 270, (s) => w.width(s, { size: 9 }))) {
      w.text(part, MARGIN, left, { size: 9, color: MUTED });
      left -= 12;
    }
  }
  let right = TOP - 20;
  w.text(title, RIGHT, right, { size: 22, font: bold }, 'right');
  right -= 24;
  const facts: [string, string][] = [
    ['Number', number],
    ['Issued', dateFormat.format(issued)],
    ['Order', clean(invoice.orderId, 64)],
  ];
  if (invoice.paymentMethod)
    facts.push(['Payment', clean(METHODS[invoice.paymentMethod] ?? invoice.paymentMethod, 40)]);
  if (creditNote && invoice.relatesTo) facts.push(['Corrects invoice', clean(invoice.relatesTo, 64)]);
  for (const [label, value] of facts) {
    w.fitted(value, RIGHT, right, 182, { size: 9, font: bold }, 'right');
    w.text(label, RIGHT - 190, right, { size: 9, color: MUTED }, 'right');
    right -= 13;
  }
  w.y = Math.min(left, right) - 18;

  // Bill to.
  w.text('BILL TO', MARGIN, w.y, { size: 7.5, font: bold, color: MUTED });
  w.y -= 15;
  const billTo = [
    { text: clean(invoice.billTo?.name), style: { size: 11, font: bold } },
    { text: clean(invoice.billTo?.company), style: { size: 10 } },
    { text: clean(invoice.billTo?.email), style: { size: 10, color: MUTED } },
  ];
  for (const { text, style } of billTo) {
    if (!text) continue;
    for (const part of wrapText(text, 320, (s) => w.width(s, style))) {
      w.text(part, MARGIN, w.y, style);
      w.y -= style.size + 3;
    }
  }
  w.y -= 16;

  // The item table.
  const tableHeader = () => {
    w.page.drawRectangle({ x: MARGIN, y: w.y - 6, width: RIGHT - MARGIN, height: 20, color: BAND });
    let x = MARGIN;
    for (const c of COLUMNS) {
      const at = c.align === 'right' ? x + c.width - CELL_PAD : x + CELL_PAD;
      w.text(c.label, at, w.y, { size: 8.5, font: bold, color: MUTED }, c.align);
      x += c.width;
    }
    w.y -= 22;
  };
  const continuePage = () => {
    w.newPage();
    w.text(`${title} ${number} (continued)`, MARGIN, w.y - 11, { size: 11, font: bold });
    w.y -= 36;
  };
  tableHeader();
  const descWidth = COLUMNS[0]!.width - 2 * CELL_PAD;
  const fitsOnPage = Math.floor((TOP - 36 - 22 - BOTTOM - 8) / ROW_LEADING) + 1;
  const lines = Array.isArray(invoice.lines) ? invoice.lines : [];
  for (const line of lines) {
    let desc = wrapText(clean(line.description, MAX_DESCRIPTION), descWidth, (s) => w.width(s, { size: ROW_SIZE }));
    if (desc.length > fitsOnPage) desc = desc.slice(0, fitsOnPage);
    // The row's rule sits 8 pt under its last line, and must stay above BOTTOM.
    if (w.y - (desc.length - 1) * ROW_LEADING - 8 < BOTTOM) {
      continuePage();
      tableHeader();
    }
    desc.forEach((part, i) => {
      w.text(part, MARGIN + CELL_PAD, w.y - i * ROW_LEADING, { size: ROW_SIZE });
    });
    const cells = [
      clean(countFormat.format(line.quantity)),
      money(line.unitAmount),
      line.discount ? `-${money(line.discount)}` : money(0),
      money(line.tax),
      money(line.total),
    ];
    let x = MARGIN + COLUMNS[0]!.width;
    cells.forEach((cell, i) => {
      const c = COLUMNS[i + 1]!;
      w.fitted(cell, x + c.width - CELL_PAD, w.y, c.width - 2 * CELL_PAD, { size: ROW_SIZE }, 'right');
      x += c.width;
    });
    w.y -= (desc.length - 1) * ROW_LEADING + 8;
    w.rule(w.y);
    w.y -= 14;
  }
  if (lines.length === 0) {
    w.text('No items', MARGIN + CELL_PAD, w.y, { size: ROW_SIZE, color: MUTED });
    w.y -= 20;
  }

  // Totals, and the closing line: kept together on one page.
  if (w.y - 140 < BOTTOM) continuePage();
  w.y -= 8;
  const totals: [string, string][] = [
    ['Subtotal', money(invoice.subtotal)],
    ['Discount', invoice.discount ? `-${money(invoice.discount)}` : money(0)],
    [clean(invoice.taxLabel || 'Tax', 60), money(invoice.tax)],
  ];
  for (const [label, value] of totals) {
    w.fitted(label, RIGHT - 110, w.y, 170, { size: 10, color: MUTED }, 'right');
    w.fitted(value, RIGHT, w.y, 100, { size: 10 }, 'right');
    w.y -= 16;
  }
  w.page.drawLine({ start: { x: RIGHT - 280, y: w.y + 10 }, end: { x: RIGHT, y: w.y + 10 }, thickness: 1, color: INK });
  w.y -= 6;
  w.text(creditNote ? 'Total credited' : 'Total', RIGHT - 110, w.y, { size: 12, font: bold }, 'right');
  w.fitted(money(invoice.total), RIGHT, w.y, 100, { size: 12, font: bold }, 'right');
  w.y -= 40;
  if (creditNote) {
    const corrects = invoice.relatesTo ? ` for invoice ${clean(invoice.relatesTo, 64)}` : '';
    const note = `Credit note${corrects}: the amount is refunded to the original payment method.`;
    for (const part of wrapText(note, RIGHT - MARGIN, (s) => w.width(s, { size: 10 }))) {
      w.text(part, MARGIN, w.y, { size: 10 });
      w.y -= 13;
    }
  } else w.text('Paid \u2014 thank you', MARGIN, w.y, { size: 12, font: bold });

  // Page footers, once the page count is known.
  const sellerLine = clean([seller.name, seller.email].filter(Boolean).join(' \u00b7 '));
  w.pages.forEach((page, i) => {
    w.page = page;
    w.rule(BOTTOM - 22, RULE, 0.5);
    w.fitted(sellerLine, MARGIN, BOTTOM - 36, 300, { size: 8, color: MUTED }, 'left');
    w.text(
      `${number} \u00b7 Page ${i + 1} of ${w.pages.length}`,
      RIGHT,
      BOTTOM - 36,
      { size: 8, color: MUTED },
      'right',
    );
  });

  return doc.save();
}
