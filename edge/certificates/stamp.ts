/**
 * One learner's certificate: a copy of the template (template.ts, loaded from its saved bytes)
 * with one content stream added that draws the learner's fields (name, course, date, instructor,
 * verification code and URL) and the QR code of the verification URL as rectangles (one per run
 * of dark modules, filled as one path). Text is shown with the template's fonts under their fixed
 * names, WinAnsi-encoded by the same font objects that measure it. The same input gives the same
 * bytes: no clock, no randomness; creation date = issuedAt.
 */
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { wrapText } from '../invoices/text.ts';
import { qrMatrix, qrRuns } from './qr.ts';
import { type CertificateTemplate, COLORS, certificateTemplate, FONT_NAMES, LAYOUT } from './template.ts';

export interface CertificateFields {
  learnerName: string;
  courseTitle: string;
  instructorName: string;
  issuedAt: Date | string;
  code: string;
  /** `<siteUrl>/verify/<code>`: printed and encoded in the QR code. */
  verifyUrl: string;
}

export const certificateDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A number as a content stream writes it: at most 3 decimals, no exponent. */
const n = (v: number) => String(Math.round(v * 1000) / 1000);
const rgbOp = (c: readonly [number, number, number]) => `${c[0]} ${c[1]} ${c[2]} rg`;

/** The text lines a stamp shows, fitted to their boxes: shared with the benchmark's pdfkit copy. */
export interface StampLayout {
  name: { text: string; size: number };
  course: { lines: string[]; size: number };
  date: string;
  instructor: { text: string; size: number };
  code: string;
  url: { text: string; size: number };
}

function fit(font: PDFFont, text: string, size: number, min: number, width: number): number {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > width) s -= 1;
  return s;
}

export function stampLayout(template: CertificateTemplate, fields: CertificateFields): StampLayout {
  const { fonts, clean } = template;
  const L = LAYOUT;
  const issued = new Date(fields.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new TypeError(`issuedAt is not a date: ${String(fields.issuedAt)}`);
  const name = clean(fields.learnerName, 120) || 'Learner';
  const course = clean(fields.courseTitle, 240) || 'Course';
  let courseSize = 22;
  let lines = wrapText(course, L.courseWidth, (s) => fonts.sansBold.widthOfTextAtSize(s, courseSize));
  while (lines.length > 2 && courseSize > 12) {
    courseSize -= 2;
    lines = wrapText(course, L.courseWidth, (s) => fonts.sansBold.widthOfTextAtSize(s, courseSize));
  }
  if (lines.length > 2) lines = [lines[0]!, `${lines[1]!.replace(/\S{0,3}$/, '').trimEnd()}\u2026`];
  const instructor = clean(fields.instructorName, 120);
  const url = clean(fields.verifyUrl, 300);
  return {
    name: { text: name, size: fit(fonts.serif, name, 36, 14, L.nameWidth) },
    course: { lines, size: courseSize },
    date: certificateDate.format(issued),
    instructor: { text: instructor, size: fit(fonts.sans, instructor, 13, 7, L.fieldWidth) },
    code: clean(fields.code, 64),
    url: { text: url, size: fit(fonts.sans, url, 8, 5, 480) },
  };
}

/** The content stream that draws the fields and the QR code onto the template's page. */
export function stampOperators(template: CertificateTemplate, layout: StampLayout, verifyUrl: string): string {
  const { fonts } = template;
  const L = LAYOUT;
  const ops: string[] = ['q'];
  const text = (font: PDFFont, name: string, s: string, x: number, y: number, size: number, color: string) => {
    if (!s) return;
    ops.push(`BT /${name} ${n(size)} Tf ${color} 1 0 0 1 ${n(x)} ${n(y)} Tm ${font.encodeText(s).toString()} Tj ET`);
  };
  const centered = (font: PDFFont, name: string, s: string, y: number, size: number, color: string) =>
    text(font, name, s, L.center - font.widthOfTextAtSize(s, size) / 2, y, size, color);
  const ink = rgbOp(COLORS.ink);
  const muted = rgbOp(COLORS.muted);
  centered(fonts.serif, FONT_NAMES.serif, layout.name.text, L.nameY, layout.name.size, ink);
  layout.course.lines.forEach((line, i) => {
    centered(fonts.sansBold, FONT_NAMES.sansBold, line, L.courseY - i * L.courseLeading, layout.course.size, ink);
  });
  text(fonts.sans, FONT_NAMES.sans, layout.date, L.dateX, L.fieldY, 13, ink);
  text(fonts.sans, FONT_NAMES.sans, layout.instructor.text, L.instructorX, L.fieldY, layout.instructor.size, ink);
  text(fonts.sansBold, FONT_NAMES.sansBold, layout.code, L.dateX, L.codeY, 11, ink);
  text(fonts.sans, FONT_NAMES.sans, layout.url.text, L.dateX, L.urlY, layout.url.size, muted);

  // The QR code: one rectangle per run of dark modules, all filled at once.
  const matrix = qrMatrix(verifyUrl);
  const module = L.qrSize / matrix.length;
  const top = L.qrY + L.qrSize;
  ops.push(rgbOp(COLORS.ink));
  for (const run of qrRuns(matrix)) {
    ops.push(
      `${n(L.qrX + run.col * module)} ${n(top - (run.row + 1) * module)} ${n(run.width * module)} ${n(module)} re`,
    );
  }
  ops.push('f', 'Q');
  return ops.join('\n');
}

/** Stamps one learner's fields onto a copy of the template. */
export async function stampCertificate(template: CertificateTemplate, fields: CertificateFields): Promise<Uint8Array> {
  const layout = stampLayout(template, fields);
  const doc = await PDFDocument.load(template.bytes, { updateMetadata: false });
  const issued = new Date(fields.issuedAt);
  doc.setTitle(`Certificate ${layout.code}`);
  doc.setSubject(`${layout.name.text} completed ${template.clean(fields.courseTitle, 240)}`);
  doc.setAuthor(template.clean(template.platformName, 80));
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const stream = doc.context.flateStream(stampOperators(template, layout, fields.verifyUrl));
  doc.getPage(0).node.addContentStream(doc.context.register(stream));
  return doc.save({ useObjectStreams: false });
}

/** The certificate PDF for a platform: its template is built once and kept (template.ts). */
export async function renderCertificatePdf(fields: CertificateFields, platformName: string): Promise<Uint8Array> {
  return stampCertificate(await certificateTemplate(platformName), fields);
}
