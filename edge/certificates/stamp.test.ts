import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../invoices/pdf-text.ts';
import { qrMatrix, qrRuns } from './qr.ts';
import { type CertificateFields, renderCertificatePdf, stampCertificate } from './stamp.ts';
import { buildCertificateTemplate, certificateTemplate, LAYOUT } from './template.ts';

const fields: CertificateFields = {
  learnerName: 'Zoë Ødegård',
  courseTitle: 'Intro to HTML',
  instructorName: 'Tea Cher',
  issuedAt: '2026-11-20T10:30:00Z',
  code: '3F9A-0C1D-77E2-B4A8-19C0-5D6E',
  verifyUrl: 'https://learn.example.com/verify/3F9A-0C1D-77E2-B4A8-19C0-5D6E',
};

/** The page's content streams, decoded, as text. */
async function contentOf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const latin1 = new TextDecoder('latin1');
  return refs
    .map((r) => (r instanceof PDFRef ? doc.context.lookup(r) : r))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => latin1.decode(decodePDFRawStream(s).decode()))
    .join('\n');
}

/** The QR code as drawn: every `x y w h re` inside the QR's box, turned back into modules. */
function drawnMatrix(content: string, size: number): boolean[][] {
  const module = LAYOUT.qrSize / size;
  const top = LAYOUT.qrY + LAYOUT.qrSize;
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) {
    const [x, y, w, h] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (x < LAYOUT.qrX - 0.01 || y < LAYOUT.qrY - 0.01 || x > LAYOUT.qrX + LAYOUT.qrSize) continue;
    expect(h).toBeCloseTo(module, 2);
    const row = Math.round((top - y) / module) - 1;
    const col = Math.round((x - LAYOUT.qrX) / module);
    for (let c = col; c < col + Math.round(w / module); c++) grid[row]![c] = true;
  }
  return grid;
}

describe('certificate PDF (template + stamp)', () => {
  it('holds the learner, course, date, instructor, code and verification URL as text', async () => {
    const pdf = await readPdfText(await renderCertificatePdf(fields, 'Learnwell'));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]!.width).toBeCloseTo(841.89, 1);
    expect(pdf.title).toBe(`Certificate ${fields.code}`);
    expect(pdf.author).toBe('Learnwell');
    expect(pdf.creationDate?.toISOString()).toBe('2026-11-20T10:30:00.000Z');
    const texts = pdf.pages[0]!.map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'LEARNWELL',
        'Certificate of Completion',
        'Zoë Ødegård',
        'Intro to HTML',
        '20 November 2026',
        'Tea Cher',
        fields.code,
        fields.verifyUrl,
      ]),
    );
  });

  it('draws the QR code of the verification URL: the same modules as qrcode-generator', async () => {
    const bytes = await renderCertificatePdf(fields, 'Learnwell');
    const qr = qrcode(0, 'M');
    qr.addData(fields.verifyUrl, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    const expected = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
    expect(drawnMatrix(await contentOf(bytes), n)).toEqual(expected);
    expect(qrMatrix(fields.verifyUrl)).toEqual(expected);
  });

  it('merges dark modules into runs that cover exactly the dark modules', () => {
    const matrix = [
      [true, true, false, true],
      [false, false, false, false],
      [true, true, true, true],
    ];
    expect(qrRuns(matrix)).toEqual([
      { row: 0, col: 0, width: 2 },
      { row: 0, col: 3, width: 1 },
      { row: 2, col: 0, width: 4 },
    ]);
  });

  it('renders the static parts once: the template is shared, each stamp is a copy', async () => {
    const a = await certificateTemplate('Learnwell');
    expect(await certificateTemplate('Learnwell')).toBe(a);
    const before = a.bytes.slice();
    const one = await stampCertificate(a, fields);
    const two = await stampCertificate(a, { ...fields, learnerName: 'Someone Else' });
    expect(a.bytes).toEqual(before);
    const texts = async (b: Uint8Array) => (await readPdfText(b)).pages[0]!.map((t) => t.text);
    expect(await texts(one)).not.toContain('Someone Else');
    expect(await texts(two)).toContain('Someone Else');
    expect(await texts(two)).not.toContain('Zoë Ødegård');
  });

  it('is deterministic: the same fields give the same bytes', async () => {
    const t = await buildCertificateTemplate('Learnwell');
    expect(await stampCertificate(t, fields)).toEqual(await stampCertificate(t, fields));
  });

  it('draws any name: unencodable characters fold or show as ?, long titles wrap to two lines', async () => {
    const long = 'Advanced Distributed Systems Engineering '.repeat(8);
    const pdf = await readPdfText(
      await renderCertificatePdf({ ...fields, learnerName: 'Łukasz 王 \u202e😀', courseTitle: long }, 'Learnwell'),
    );
    const shown = pdf.pages[0]!;
    expect(shown.map((t) => t.text)).toContain('Lukasz ? ?');
    const courseLines = shown.filter((t) => t.text.startsWith('Advanced') || t.text.endsWith('\u2026'));
    expect(courseLines.length).toBeLessThanOrEqual(2);
    for (const t of shown) expect(t.x).toBeGreaterThanOrEqual(LAYOUT.inner);
  });

  it('refuses a date that is not one', async () => {
    await expect(renderCertificatePdf({ ...fields, issuedAt: 'soon' }, 'Learnwell')).rejects.toThrow(/not a date/);
  });
});
