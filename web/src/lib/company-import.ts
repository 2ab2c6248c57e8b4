import type { CompanyImportReport, CompanyImportRow, CompanyImportStatus } from '../../../edge/api-types.ts';

/**
 * An employee import file (`name,email,group`) on the client: read with the same CSV rules as the
 * server (edge/companies/csv.ts: RFC 4180, quoted fields may hold commas, quotes and line breaks,
 * CRLF/LF/CR end a record, a BOM is ignored, blank lines are no records), split into chunks of
 * whole records that each repeat the header, and the chunks' answers mapped back to the file's
 * lines and merged into one report. Pure.
 */

/** Data rows per request. */
export const IMPORT_CHUNK_ROWS = 250;
/** The most data rows one file may hold (the API's limit for one import). */
export const MAX_IMPORT_FILE_ROWS = 5000;

export const SAMPLE_IMPORT_CSV =
  'name,email,group\r\nAda Lovelace,ada@example.com,Engineering\r\nGrace Hopper,grace@example.com,Support\r\n';

/** The file cannot be used as a whole: the message says why (with the line when there is one). */
export class ImportFileProblem extends Error {}

export interface CsvRecordSpan {
  /** The physical line the record starts on (1-based). */
  line: number;
  /** Line breaks inside the record (quoted fields may hold some). */
  breaks: number;
  /** The record's text, without its line ending. */
  text: string;
  fields: string[];
}

const BOM = '\uFEFF';

/** Reads CSV text into records with their text and lines, by edge/companies/csv.ts's rules. */
export function scanCsv(input: string, maxRecords = Number.POSITIVE_INFINITY): CsvRecordSpan[] {
  const src = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecordSpan[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let quoted = false;
  let i = 0;
  const n = src.length;
  const fail = (at: number, message: string) => new ImportFileProblem(`Line ${at}: ${message}.`);
  const endRecord = (end: number) => {
    fields.push(field);
    field = '';
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) {
      if (records.length >= maxRecords) {
        throw new ImportFileProblem(
          `A file may hold at most ${(maxRecords - 1).toLocaleString('en-US')} rows besides the header.`,
        );
      }
      records.push({ line: recordLine, breaks: line - recordLine, text: src.slice(recordStart, end), fields });
    }
    fields = [];
    quoted = false;
  };
  while (i < n) {
    const ch = src[i]!;
    if (ch === '"') {
      if (field !== '') throw fail(line, 'a quote inside an unquoted field (quote the whole field)');
      quoted = true;
      const start = line;
      i++;
      for (;;) {
        if (i >= n) throw fail(start, 'a quoted field is never closed');
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
        throw fail(line, 'text after a closing quote (a quote inside a quoted field is written "")');
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
      endRecord(i);
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      recordStart = i;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord(n);
  return records;
}

export const IMPORT_COLUMNS = ['name', 'email', 'group'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** Column positions from the header (any order, any case; `group` may be left out), as the server reads it. */
export function headerColumns(fields: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  const wrong = () =>
    new ImportFileProblem(
      `The first row must be the header "name,email,group" (group may be left out); it was "${fields.join(',').slice(0, 200)}".`,
    );
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name) || columns.has(name as Column)) throw wrong();
    columns.set(name as Column, index);
  });
  if (!columns.has('name') || !columns.has('email')) throw wrong();
  return columns;
}

export interface PreviewRow {
  line: number;
  name: string;
  email: string;
  group: string;
}

export interface ImportChunk {
  /** A whole CSV file: the header, then this chunk's records. */
  csv: string;
  /** Data rows in the chunk. */
  rows: number;
  /** The chunk's line (as the server counts it) → the file's line. */
  lines: Map<number, number>;
  /**
   * Emails (trimmed, lower-cased) of rows in earlier chunks. The server finds duplicates within
   * one request only; a row repeating one of these is reported as a duplicate in the file.
   */
  seenBefore: Set<string>;
}

export interface ImportPlan {
  /** Data rows in the file. */
  total: number;
  preview: PreviewRow[];
  chunks: ImportChunk[];
}

/**
 * Reads a file and splits it into chunks of `size` data rows, each a full CSV with the header
 * line. A record is never split (a quoted field with line breaks stays whole). Throws
 * ImportFileProblem when the file cannot be used: malformed, no header, no rows, too many rows.
 */
export function planImport(text: string, size = IMPORT_CHUNK_ROWS, previewRows = 5): ImportPlan {
  const records = scanCsv(text, MAX_IMPORT_FILE_ROWS + 1);
  const [header, ...data] = records;
  if (!header) throw new ImportFileProblem('The file is empty: it needs the header "name,email,group" and rows.');
  const columns = headerColumns(header.fields);
  if (data.length === 0) throw new ImportFileProblem('The file has a header but no rows.');
  const at = (fields: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const preview = data.slice(0, previewRows).map((r) => ({
    line: r.line,
    name: at(r.fields, 'name'),
    email: at(r.fields, 'email'),
    group: at(r.fields, 'group'),
  }));
  const chunks: ImportChunk[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < data.length; start += size) {
    const part = data.slice(start, start + size);
    const seenBefore = new Set(seen);
    for (const r of part) seen.add(at(r.fields, 'email').toLowerCase());
    const lines = new Map<number, number>();
    let chunkLine = 1 + header.breaks + 1;
    for (const r of part) {
      lines.set(chunkLine, r.line);
      chunkLine += r.breaks + 1;
    }
    const csv = `${header.text}\n${part.map((r) => r.text).join('\n')}\n`;
    chunks.push({ csv, rows: part.length, lines, seenBefore });
  }
  return { total: data.length, preview, chunks };
}

/** The server's words for a duplicate (private.import_company_members). */
export const DUPLICATE_MESSAGE = 'the same email is on an earlier row';

/**
 * A chunk's answer with each row's `line` turned into the file's line, and rows repeating an
 * email of an earlier chunk (the server saw them as already invited or already a member, since
 * the earlier chunk had just imported them) reported as the server reports a duplicate within
 * one file: `duplicate_in_file`, counted as failed.
 */
export function mapChunkReport(report: CompanyImportReport, chunk: ImportChunk): CompanyImportReport {
  const summary = { ...report.summary };
  const rows = report.rows.map((r): CompanyImportRow => {
    const line = chunk.lines.get(r.line) ?? r.line;
    const repeated =
      (r.status === 'already_invited' || r.status === 'already_member') &&
      chunk.seenBefore.has(r.email.trim().toLowerCase());
    if (!repeated) return { ...r, line };
    if (r.status === 'already_invited') summary.alreadyInvited -= 1;
    else summary.alreadyMember -= 1;
    summary.failed += 1;
    if (r.assignment === 'assigned') summary.assigned -= 1;
    if (r.assignment === 'no_seat') summary.noSeat -= 1;
    return { ...r, line, status: 'duplicate_in_file', message: DUPLICATE_MESSAGE, assignment: null };
  });
  return { rows, summary };
}

export const EMPTY_IMPORT_REPORT: CompanyImportReport = {
  rows: [],
  summary: { invited: 0, alreadyMember: 0, alreadyInvited: 0, failed: 0, assigned: 0, noSeat: 0 },
};

/** Two reports as one: rows one after the other, counts added. */
export function mergeImportReports(a: CompanyImportReport, b: CompanyImportReport): CompanyImportReport {
  const s = a.summary;
  const t = b.summary;
  return {
    rows: [...a.rows, ...b.rows],
    summary: {
      invited: s.invited + t.invited,
      alreadyMember: s.alreadyMember + t.alreadyMember,
      alreadyInvited: s.alreadyInvited + t.alreadyInvited,
      failed: s.failed + t.failed,
      assigned: s.assigned + t.assigned,
      noSeat: s.noSeat + t.noSeat,
    },
  };
}

export const IMPORT_STATUS_LABELS: Record<CompanyImportStatus, string> = {
  invited: 'Invited',
  already_member: 'Already a member',
  already_invited: 'Already invited',
  invalid_email: 'Invalid email',
  invalid_name: 'Invalid name',
  invalid_group: 'Invalid group',
  duplicate_in_file: 'Duplicate in file',
  no_seat: 'No seat',
  invalid_row: 'Invalid row',
};

export const ASSIGNMENT_LABELS: Record<NonNullable<CompanyImportRow['assignment']>, string> = {
  assigned: 'Assigned',
  already_assigned: 'Already assigned',
  no_seat: 'No seat',
};

const FINE: readonly CompanyImportStatus[] = ['invited', 'already_member', 'already_invited'];

/** Whether a row needs the admin's attention: it failed, or its person got no seat. */
export function needsAttention(row: CompanyImportRow): boolean {
  return !FINE.includes(row.status) || row.assignment === 'no_seat';
}

/**
 * The corporate checkout for the seats an import lacked, for the company imported into:
 * `/checkout?course=<id>&seats=<n>&company=<company id>` (or `?bundle=`), `n` the rows that got no
 * seat (as the assignment answer's "Buy more seats" link); null when nothing was assigned or every
 * row got its seat.
 */
export function importBuyMoreSeatsHref(
  company: string,
  item: { kind: 'course' | 'bundle'; id: string } | null,
  report: CompanyImportReport,
): string | null {
  const missing = report.summary.noSeat;
  if (!item || missing <= 0) return null;
  return `/checkout?${item.kind}=${encodeURIComponent(item.id)}&seats=${missing}&company=${encodeURIComponent(company)}`;
}

/** "Lines 2–251" for the rows done before a failure, from the file's chunks. */
export function doneRowsText(plan: ImportPlan, chunksDone: number): string {
  const rows = plan.chunks.slice(0, chunksDone).reduce((n, c) => n + c.rows, 0);
  if (rows === 0) return 'No rows were imported.';
  const lines = plan.chunks.slice(0, chunksDone).flatMap((c) => [...c.lines.values()]);
  const last = lines[lines.length - 1]!;
  return `Rows 1–${rows.toLocaleString('en-US')} (lines ${lines[0]}–${last}) were imported.`;
}

/** `name@x.com <link>` per new invitation, one a line (those whose mail failed first). */
export function invitationLinksText(rows: CompanyImportRow[]): string {
  return rows
    .filter((r) => r.inviteLink)
    .sort((a, b) => Number(a.mailed) - Number(b.mailed))
    .map((r) => `${r.email} ${r.inviteLink}`)
    .join('\n');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell spreadsheets open as text (as edge/companies/csv.ts writes them). */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const IMPORT_REPORT_HEADER = [
  'Line',
  'Name',
  'Email',
  'Status',
  'Assignment',
  'Message',
  'Invitation link',
  'Invitation mailed',
];

/** The report as a CSV file: BOM, CRLF records, every cell formula-safe. */
export function importReportCsv(rows: CompanyImportRow[]): string {
  const out = [BOM, IMPORT_REPORT_HEADER.map(csvCell).join(','), '\r\n'];
  for (const r of rows) {
    const cells = [
      r.line,
      r.name,
      r.email,
      IMPORT_STATUS_LABELS[r.status],
      r.assignment ? ASSIGNMENT_LABELS[r.assignment] : '',
      r.message,
      r.inviteLink,
      r.inviteLink ? (r.mailed ? 'yes' : 'no') : '',
    ];
    out.push(cells.map(csvCell).join(','), '\r\n');
  }
  return out.join('');
}
