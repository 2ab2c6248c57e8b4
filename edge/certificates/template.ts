/**
 * The certificate's static parts, rendered ONCE per platform name with pdf-lib: an A4 landscape
 * page with its borders, the title, the labels, the rules the fields sit on and the platform's
 * name, in the standard fonts (nothing to embed but their names: runs on Node and Deno). The
 * saved bytes are the template every certificate is stamped onto (stamp.ts), so each PDF costs a
 * parse, a few text runs and a QR code, not a page layout. The fonts are registered on the page
 * under fixed resource names, which the stamp's content stream uses.
 */
import { PDFDocument, type PDFFont, PDFName, rgb, StandardFonts } from 'pdf-lib';
import { type CanEncode, toWinAnsi } from '../invoices/text.ts';

/** Where everything sits, in points from the bottom left (shared with the benchmark's pdfkit copy). */
export const LAYOUT = {
  page: [841.89, 595.28] as [number, number],
  center: 420.945,
  outer: 22,
  inner: 32,
  platformY: 520,
  titleY: 462,
  certifiesY: 418,
  nameY: 362,
  nameRuleY: 350,
  nameWidth: 620,
  completedY: 318,
  courseY: 280,
  courseLeading: 24,
  courseWidth: 640,
  dateX: 90,
  instructorX: 330,
  fieldY: 168,
  fieldRuleY: 160,
  fieldLabelY: 146,
  fieldWidth: 200,
  codeY: 96,
  codeLabelY: 112,
  urlY: 82,
  qrX: 660,
  qrY: 86,
  qrSize: 104,
  qrLabelY: 72,
} as const;

export const COLORS = {
  ink: [0.11, 0.12, 0.15],
  muted: [0.42, 0.45, 0.5],
  accent: [0.13, 0.27, 0.55],
  gold: [0.72, 0.58, 0.24],
} as const;

/** The fonts' resource names on the template's page, used by the stamp's content stream. */
export const FONT_NAMES = { sans: 'CertSans', sansBold: 'CertSansBold', serif: 'CertSerif' } as const;

export interface CertificateTemplate {
  /** The saved one-page PDF. */
  bytes: Uint8Array;
  /** For measuring and encoding the stamped text (their widths and WinAnsi codes). */
  fonts: { sans: PDFFont; sansBold: PDFFont; serif: PDFFont };
  /** Makes any text drawable by these fonts (WinAnsi), at most `max` characters. */
  clean: (text: unknown, max?: number) => string;
  platformName: string;
}

const color = (c: readonly [number, number, number]) => rgb(c[0], c[1], c[2]);

export async function buildCertificateTemplate(platformName: string): Promise<CertificateTemplate> {
  const L = LAYOUT;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('pdf-lib');
  doc.setCreator(platformName);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  const sansBold = await doc.embedFont(StandardFonts.HelveticaBold);
  const serif = await doc.embedFont(StandardFonts.TimesRomanBold);
  const charset = new Set(sans.getCharacterSet());
  const canEncode: CanEncode = (cp) => charset.has(cp);
  const clean = (text: unknown, max = 200) => toWinAnsi(text, canEncode, max);

  const page = doc.addPage(L.page);
  const [width, height] = L.page;
  page.drawRectangle({
    x: L.outer,
    y: L.outer,
    width: width - 2 * L.outer,
    height: height - 2 * L.outer,
    borderColor: color(COLORS.accent),
    borderWidth: 3,
  });
  page.drawRectangle({
    x: L.inner,
    y: L.inner,
    width: width - 2 * L.inner,
    height: height - 2 * L.inner,
    borderColor: color(COLORS.gold),
    borderWidth: 0.75,
  });
  const centered = (text: string, y: number, font: PDFFont, size: number, c: readonly [number, number, number]) => {
    page.drawText(text, { x: L.center - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: color(c) });
  };
  centered(clean(platformName, 80).toUpperCase(), L.platformY, sansBold, 13, COLORS.accent);
  centered('Certificate of Completion', L.titleY, serif, 34, COLORS.ink);
  centered('This certifies that', L.certifiesY, sans, 13, COLORS.muted);
  centered('has successfully completed the course', L.completedY, sans, 13, COLORS.muted);
  const rule = (x1: number, x2: number, y: number) =>
    page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.75, color: color(COLORS.gold) });
  rule(L.center - L.nameWidth / 2, L.center + L.nameWidth / 2, L.nameRuleY);
  rule(L.dateX, L.dateX + L.fieldWidth, L.fieldRuleY);
  rule(L.instructorX, L.instructorX + L.fieldWidth, L.fieldRuleY);
  const label = (text: string, x: number, y: number) =>
    page.drawText(text, { x, y, size: 9, font: sans, color: color(COLORS.muted) });
  label('Date of issue', L.dateX, L.fieldLabelY);
  label('Instructor', L.instructorX, L.fieldLabelY);
  label('Verification code', L.dateX, L.codeLabelY);
  const scan = 'Scan to verify';
  label(scan, L.qrX + (L.qrSize - sans.widthOfTextAtSize(scan, 9)) / 2, L.qrLabelY);

  // Fixed names for the stamp (pdf-lib's own names for them carry a random suffix).
  page.node.setFontDictionary(PDFName.of(FONT_NAMES.sans), sans.ref);
  page.node.setFontDictionary(PDFName.of(FONT_NAMES.sansBold), sansBold.ref);
  page.node.setFontDictionary(PDFName.of(FONT_NAMES.serif), serif.ref);
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, fonts: { sans, sansBold, serif }, clean, platformName };
}

const cache = new Map<string, Promise<CertificateTemplate>>();

/** The template for a platform name, built on first use and kept (a few, one per name). */
export function certificateTemplate(platformName: string): Promise<CertificateTemplate> {
  let template = cache.get(platformName);
  if (!template) {
    if (cache.size >= 8) cache.clear();
    template = buildCertificateTemplate(platformName);
    cache.set(platformName, template);
    template.catch(() => cache.delete(platformName));
  }
  return template;
}
