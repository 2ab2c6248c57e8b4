/**
 * CSV as RFC 4180 writes it, both ways: a strict reader for imports (quoted fields may hold
 * commas, quotes and line breaks; CRLF, LF or CR end a record; a UTF-8 BOM is ignored) and a
 * writer for exports that spreadsheets open safely (formula injection neutralised). Pure.
 */

/** A malformed file: the reader cannot tell where its records are, so nothing of it is used. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/** The reader stopped: the file holds more records than it may. */
export class CsvTooLongError extends Error {
  readonly max: number;
  constructor(max: number) {
    super(`a file may hold at most ${max.toLocaleString('en-US')} rows`);
    this.max = max;
  }
}

export interface CsvRecord {
  /** The physical line the record starts on (1-based), as a text editor counts it. */
  line: number;
  fields: string[];
}

const BOM = '\uFEFF';

/**
 * Reads CSV text into records. Throws CsvSyntaxError for an unterminated quoted field or a
 * quote where RFC 4180 allows none, and CsvTooLongError once more than `maxRecords` records
 * were read (blank lines are not records and do not count).
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvRecord[] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = src.length;
  // Whether the record had a quoted field: `""` alone on a line is a record, a blank line is not.
  let quotedInRecord = false;
  const endRecord = () => {
    fields.push(field);
    field = '';
    // A blank line (one empty, unquoted field) is no record.
    if (!(fields.length === 1 && fields[0] === '' && !quotedInRecord)) {
      if (records.length >= maxRecords) throw new CsvTooLongError(maxRecords);
      records.push({ line: recordLine, fields });
    }
    fields = [];
    quotedInRecord = false;
  };
  while (i < n) {
    const ch = src[i]!;
    if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
      quotedInRecord = true;
      const start = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(start, 'a quoted field is never closed');
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && src[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, 'text after a closing quote (a quote inside a quoted field is written "")');
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0 || quotedInRecord) endRecord();
  return records;
}

/** Characters that make a spreadsheet read a cell as a formula (or hide what follows them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a text that starts like a formula (= + - @ TAB CR) gets a leading single quote, so
 * spreadsheets show it as text; then it is quoted when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value == null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a UTF-8 BOM (so spreadsheets read non-ASCII right), then CRLF-terminated records. */
export function csvFile(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const out = [BOM, header.map(csvCell).join(','), '\r\n'];
  for (const row of rows) out.push(row.map(csvCell).join(','), '\r\n');
  return out.join('');
}
