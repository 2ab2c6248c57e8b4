/**
 * The QR code of a verification URL as a module matrix (true = dark), from qrcode-generator:
 * the smallest version that holds it at error correction level M. Drawn as rectangles by the PDF
 * stamp (stamp.ts) and by the benchmark's pdfkit certificate, so both draw the same modules.
 */
import qrcode from 'qrcode-generator';

export type QrMatrix = boolean[][];

export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const rows: QrMatrix = [];
  for (let r = 0; r < n; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < n; c++) row.push(qr.isDark(r, c));
    rows.push(row);
  }
  return rows;
}

/** A rectangle in module units: row r, columns c..c+width-1 (runs of dark modules, one per run). */
export interface QrRun {
  row: number;
  col: number;
  width: number;
}

/** The dark modules merged into horizontal runs: a third as many rectangles to draw. */
export function qrRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  matrix.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const dark = c < row.length && row[c];
      if (dark && start < 0) start = c;
      else if (!dark && start >= 0) {
        runs.push({ row: r, col: start, width: c - start });
        start = -1;
      }
    }
  });
  return runs;
}
