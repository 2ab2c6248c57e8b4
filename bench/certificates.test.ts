import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../edge/certificates/stamp.ts';
import { certificateTemplate } from '../edge/certificates/template.ts';
import { readPdfText } from '../edge/invoices/pdf-text.ts';
import {
  benchCertificates,
  formatCertificateBench,
  PLATFORM,
  renderWithPdfkit,
  sampleCertificate,
} from './certificates.ts';

describe('certificate bench', () => {
  it('draws the same certificate with pdfkit: one landscape A4 page, the same metadata', async () => {
    const kit = await readPdfText(await renderWithPdfkit(await certificateTemplate(PLATFORM), sampleCertificate));
    const lib = await readPdfText(await renderCertificatePdf(sampleCertificate, PLATFORM));
    expect(kit.pageCount).toBe(1);
    expect(kit.pageSizes).toEqual(lib.pageSizes);
    expect(kit.title).toBe(lib.title);
    expect(kit.author).toBe(lib.author);
  });

  it('measures both libraries in one run and prints their ratio against the goal', async () => {
    const rows = await benchCertificates(0.1, 20);
    expect(rows.map((r) => r.library)).toEqual(['pdf-lib', 'pdfkit']);
    for (const r of rows) {
      expect(r.measure.count).toBeGreaterThan(0);
      expect(r.bytes).toBeGreaterThan(1000);
    }
    const out = formatCertificateBench([
      { library: 'pdf-lib', measure: { count: 100, rps: 390, p50: 2.4, p99: 5 }, bytes: 4500 },
      { library: 'pdfkit', measure: { count: 100, rps: 300, p50: 3.2, p99: 5.4 }, bytes: 4200 },
    ]);
    expect(out).toContain('ratio pdf-lib / pdfkit (PDFs/s): 1.30 (goal >= 1.00: OK)');
    expect(out).toMatch(/pdf-lib\s+390\s+2\.40\s+5\.00\s+4500/);
  });
});
