/**
 * `npm run bench:certificates` (and a part of `npm run bench`): certificate PDFs per second with
 * pdf-lib the way the API makes them (edge/certificates: the static parts rendered once as a
 * template, each learner's fields and QR code stamped onto a copy) beside pdfkit drawing the same
 * certificate from scratch (same page, borders, text, fonts, QR rectangles, compression) in the
 * same run. Each library renders one at a time in alternating turns of 250 ms, so both see the
 * same machine load. pdfkit is Node-only: the bench runs on Node.
 * Printed: PDFs/s, p50, p99, size, and the ratio pdf-lib / pdfkit (PDFs/s); the goal is >= 1.0.
 * Environment: BENCH_SECONDS (5) per library, BENCH_JSON=1 to print the figures as JSON too.
 */
import PDFKit from 'pdfkit';
import { qrMatrix, qrRuns } from '../edge/certificates/qr.ts';
import { type CertificateFields, renderCertificatePdf, stampLayout } from '../edge/certificates/stamp.ts';
import { type CertificateTemplate, COLORS, certificateTemplate, LAYOUT } from '../edge/certificates/template.ts';
import { printBench } from './main.ts';
import { type Measure, measureInTurns } from './stats.ts';

export const PLATFORM = 'Demo Learning';
export const sampleCertificate: CertificateFields = {
  learnerName: 'Zoë Ødegård-Lindqvist',
  courseTitle: 'Pandas in Practice: Clean, Reshape and Analyse Real-World Data',
  instructorName: 'Tea Cher',
  issuedAt: '2026-11-20T10:30:00Z',
  code: '3F9A-0C1D-77E2-B4A8-19C0-5D6E',
  verifyUrl: 'http://localhost:8787/verify/3F9A-0C1D-77E2-B4A8-19C0-5D6E',
};

const hex = (c: readonly [number, number, number]) =>
  `#${c
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** The same certificate as the template and the stamp draw it, with pdfkit, from scratch. */
export function renderWithPdfkit(template: CertificateTemplate, fields: CertificateFields): Promise<Uint8Array> {
  const L = LAYOUT;
  const layout = stampLayout(template, fields);
  const [width, height] = L.page;
  const issued = new Date(fields.issuedAt);
  const doc = new PDFKit({
    size: [width, height],
    margin: 0,
    info: {
      Title: `Certificate ${layout.code}`,
      Author: PLATFORM,
      Subject: `${layout.name.text} completed ${fields.courseTitle}`,
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit places text by the top of its line box: from a baseline, up by the font's ascender.
  const at = (font: string, size: number, baseline: number) => {
    doc.font(font).fontSize(size);
    return height - baseline - (doc.currentLineHeight(false) * 0.78 || size * 0.75);
  };
  const text = (s: string, font: string, size: number, x: number, baseline: number, color: string) => {
    if (!s) return;
    const y = at(font, size, baseline);
    doc.fillColor(color).text(s, x, y, { lineBreak: false });
  };
  const centered = (s: string, font: string, size: number, baseline: number, color: string) => {
    doc.font(font).fontSize(size);
    text(s, font, size, L.center - doc.widthOfString(s) / 2, baseline, color);
  };
  const ink = hex(COLORS.ink);
  const muted = hex(COLORS.muted);
  doc
    .lineWidth(3)
    .rect(L.outer, L.outer, width - 2 * L.outer, height - 2 * L.outer)
    .stroke(hex(COLORS.accent));
  doc
    .lineWidth(0.75)
    .rect(L.inner, L.inner, width - 2 * L.inner, height - 2 * L.inner)
    .stroke(hex(COLORS.gold));
  centered(PLATFORM.toUpperCase(), 'Helvetica-Bold', 13, L.platformY, hex(COLORS.accent));
  centered('Certificate of Completion', 'Times-Bold', 34, L.titleY, ink);
  centered('This certifies that', 'Helvetica', 13, L.certifiesY, muted);
  centered('has successfully completed the course', 'Helvetica', 13, L.completedY, muted);
  const rule = (x1: number, x2: number, y: number) =>
    doc
      .lineWidth(0.75)
      .moveTo(x1, height - y)
      .lineTo(x2, height - y)
      .stroke(hex(COLORS.gold));
  rule(L.center - L.nameWidth / 2, L.center + L.nameWidth / 2, L.nameRuleY);
  rule(L.dateX, L.dateX + L.fieldWidth, L.fieldRuleY);
  rule(L.instructorX, L.instructorX + L.fieldWidth, L.fieldRuleY);
  text('Date of issue', 'Helvetica', 9, L.dateX, L.fieldLabelY, muted);
  text('Instructor', 'Helvetica', 9, L.instructorX, L.fieldLabelY, muted);
  text('Verification code', 'Helvetica', 9, L.dateX, L.codeLabelY, muted);
  doc.font('Helvetica').fontSize(9);
  text(
    'Scan to verify',
    'Helvetica',
    9,
    L.qrX + (L.qrSize - doc.widthOfString('Scan to verify')) / 2,
    L.qrLabelY,
    muted,
  );

  centered(layout.name.text, 'Times-Bold', layout.name.size, L.nameY, ink);
  layout.course.lines.forEach((line, i) => {
    centered(line, 'Helvetica-Bold', layout.course.size, L.courseY - i * L.courseLeading, ink);
  });
  text(layout.date, 'Helvetica', 13, L.dateX, L.fieldY, ink);
  text(layout.instructor.text, 'Helvetica', layout.instructor.size, L.instructorX, L.fieldY, ink);
  text(layout.code, 'Helvetica-Bold', 11, L.dateX, L.codeY, ink);
  text(layout.url.text, 'Helvetica', layout.url.size, L.dateX, L.urlY, muted);
  const matrix = qrMatrix(fields.verifyUrl);
  const module = L.qrSize / matrix.length;
  const top = height - (L.qrY + L.qrSize);
  for (const run of qrRuns(matrix))
    doc.rect(L.qrX + run.col * module, top + run.row * module, run.width * module, module);
  doc.fill(ink);
  doc.end();
  return done;
}

export interface CertificateBenchRow {
  library: 'pdf-lib' | 'pdfkit';
  measure: Measure;
  bytes: number;
}

/** Each library renders the sample one at a time, in alternating turns of `turnMs`, `seconds` in all each (after warm-up). */
export async function benchCertificates(seconds: number, turnMs = 250): Promise<CertificateBenchRow[]> {
  const template = await certificateTemplate(PLATFORM);
  const libraries: [CertificateBenchRow['library'], () => Promise<Uint8Array>][] = [
    ['pdf-lib', () => renderCertificatePdf(sampleCertificate, PLATFORM)],
    ['pdfkit', () => renderWithPdfkit(template, sampleCertificate)],
  ];
  const bytes: number[] = [];
  for (const [, render] of libraries) bytes.push((await render()).length);
  const measures = await measureInTurns(
    libraries.map(([, render]) => render),
    seconds,
    turnMs,
  );
  return libraries.map(([library], i) => ({ library, measure: measures[i]!, bytes: bytes[i]! }));
}

export function formatCertificateBench(rows: CertificateBenchRow[]): string {
  const head = `${'certificate'.padEnd(12)} ${'PDFs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'bytes'.padStart(7)}`;
  const lines = rows.map(
    (r) =>
      `${r.library.padEnd(12)} ${r.measure.rps.toFixed(0).padStart(8)} ${r.measure.p50.toFixed(2).padStart(8)} ${r.measure.p99.toFixed(2).padStart(8)} ${String(r.bytes).padStart(7)}`,
  );
  const pdfLib = rows.find((r) => r.library === 'pdf-lib');
  const pdfkit = rows.find((r) => r.library === 'pdfkit');
  const ratio = pdfLib && pdfkit ? pdfLib.measure.rps / pdfkit.measure.rps : Number.NaN;
  return [
    'certificate PDFs (A4 landscape, standard fonts, QR code; pdf-lib: template + stamp)',
    '-----------------------------------------------------------------------------------',
    head,
    ...lines,
    `  ratio pdf-lib / pdfkit (PDFs/s): ${Number.isNaN(ratio) ? '-' : ratio.toFixed(2)} (goal >= 1.00: ${ratio >= 1 ? 'OK' : 'MISS'})`,
  ].join('\n');
}

if (import.meta.main) await printBench(benchCertificates, formatCertificateBench);
