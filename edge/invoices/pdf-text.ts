/**
 * Reads back a PDF written with pdf-lib's standard fonts (as renderInvoicePdf writes it): its
 * metadata and, per page, each string shown with its position and size, decoded from WinAnsi,
 * so tests can assert what an invoice says and where. Not a general PDF text extractor.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

export interface ShownText {
  text: string;
  /** The baseline's start, in points from the page's bottom left corner. */
  x: number;
  y: number;
  size: number;
}

export interface PdfText {
  pageCount: number;
  /** Width and height in points. */
  pageSizes: { width: number; height: number }[];
  title: string | undefined;
  author: string | undefined;
  creationDate: Date | undefined;
  /** Per page, the strings shown, in drawing order. */
  pages: ShownText[][];
}

/** WinAnsi (Windows-1252) bytes 0x80..0x9F; the rest is Latin-1. (Node's TextDecoder reads this range as Latin-1.) */
const HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const winAnsiChar = (byte: number) => (byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte));

/** The operators and hex strings are ASCII: any one-byte decoding reads them. */
const ascii = new TextDecoder('latin1');
/** pdf-lib's drawText: `/Font size Tf ... 1 0 0 1 x y Tm <hex> Tj`. */
const SHOWN = /\/\S+\s+(-?[\d.]+)\s+Tf[^<]*?1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\s*<([0-9A-Fa-f\s]*)>\s*Tj/g;

function hexToText(hex: string): string {
  const clean = hex.replace(/\s/g, '');
  let out = '';
  for (let i = 0; i < clean.length; i += 2)
    out += winAnsiChar(Number.parseInt(clean.slice(i, i + 2).padEnd(2, '0'), 16));
  return out;
}

function contentBytes(doc: PDFDocument, obj: PDFObject | undefined): Uint8Array[] {
  const resolved = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((o) => contentBytes(doc, o));
  if (resolved instanceof PDFRawStream) return [decodePDFRawStream(resolved).decode()];
  return [];
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) =>
    contentBytes(doc, page.node.Contents()).flatMap((b) =>
      [...ascii.decode(b).matchAll(SHOWN)].map((m) => ({
        text: hexToText(m[4]!),
        x: Number(m[2]),
        y: Number(m[3]),
        size: Number(m[1]),
      })),
    ),
  );
  return {
    pageCount: doc.getPageCount(),
    pageSizes: doc.getPages().map((p) => p.getSize()),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    creationDate: doc.getCreationDate(),
    pages,
  };
}
