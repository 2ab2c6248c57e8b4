import { describe, expect, it } from 'vitest';
import { readPdfText } from '../edge/invoices/pdf-text.ts';
import { sampleInvoice, sampleSeller } from '../edge/invoices/sample.ts';
import { benchInvoices, formatInvoiceBench, renderWithPdfkit } from './invoices.ts';

describe('invoice bench', () => {
  it('draws the same invoice with pdfkit: one A4 page, the same metadata', async () => {
    const pdf = await readPdfText(await renderWithPdfkit(sampleInvoice, sampleSeller));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]!.width).toBeCloseTo(595.28, 1);
    expect(pdf.title).toBe(sampleInvoice.number);
    expect(pdf.author).toBe(sampleSeller.name);
  });

  it('measures both libraries in one run and prints their ratio', async () => {
    const rows = await benchInvoices(0.1, 20);
    expect(rows.map((r) => r.library)).toEqual(['pdf-lib', 'pdfkit']);
    for (const r of rows) {
      expect(r.measure.count).toBeGreaterThan(0);
      expect(r.bytes).toBeGreaterThan(1000);
    }
    const out = formatInvoiceBench([
      { library: 'pdf-lib', measure: { count: 100, rps: 300, p50: 3, p99: 6 }, bytes: 2700 },
      { library: 'pdfkit', measure: { count: 100, rps: 200, p50: 4.5, p99: 9 }, bytes: 3300 },
    ]);
    expect(out).toContain('ratio pdf-lib / pdfkit (PDFs/s): 1.50');
    expect(out).toMatch(/pdf-lib\s+300\s+3\.00\s+6\.00\s+2700/);
  });
});
