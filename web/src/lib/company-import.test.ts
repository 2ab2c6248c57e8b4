import { describe, expect, it } from 'vitest';
import type { CompanyImportReport, CompanyImportRow } from '../../../edge/api-types.ts';
import { parseCsv } from '../../../edge/companies/csv.ts';
import { readImportFile } from '../../../edge/companies/import-csv.ts';
import {
  csvCell,
  doneRowsText,
  EMPTY_IMPORT_REPORT,
  ImportFileProblem,
  importBuyMoreSeatsHref,
  importReportCsv,
  invitationLinksText,
  mapChunkReport,
  mergeImportReports,
  needsAttention,
  planImport,
  SAMPLE_IMPORT_CSV,
  scanCsv,
} from './company-import.ts';

const row = (over: Partial<CompanyImportRow>): CompanyImportRow => ({
  line: 2,
  email: 'a@x.test',
  name: 'A',
  status: 'invited',
  message: '',
  assignment: null,
  invitationId: null,
  inviteLink: null,
  mailed: false,
  ...over,
});

const TRICKY = [
  '\uFEFFname,email,group',
  '"Smith, Jo",jo@x.test,Sales',
  '',
  '"Multi',
  'line ""name""",multi@x.test,"Ops',
  'Team"',
  'Plain,plain@x.test,',
  '"",empty@x.test,\r"Carriage\rreturn",cr@x.test,Ops',
].join('\r\n');

describe('scanCsv', () => {
  it('reads records and lines exactly as the server does', () => {
    for (const text of [TRICKY, SAMPLE_IMPORT_CSV, 'a,b\n\n\nc,d', 'x\r\ny\rz\n', '""\n', 'a,"b\nc"\n\nd']) {
      expect(scanCsv(text).map((r) => ({ line: r.line, fields: r.fields }))).toEqual(parseCsv(text));
    }
  });

  it('keeps each record’s own text, line endings left out', () => {
    const records = scanCsv('name,email\r\n"A\nB",a@x.test\r\nC,c@x.test');
    expect(records.map((r) => [r.line, r.breaks, r.text])).toEqual([
      [1, 0, 'name,email'],
      [2, 1, '"A\nB",a@x.test'],
      [4, 0, 'C,c@x.test'],
    ]);
  });

  it('refuses malformed files with the line', () => {
    expect(() => scanCsv('name,email\nab"c,d')).toThrow(/Line 2: a quote inside an unquoted field/);
    expect(() => scanCsv('name,email\n\n"open,x\ny')).toThrow(/Line 3: a quoted field is never closed/);
    expect(() => scanCsv('"a"b,c')).toThrow(ImportFileProblem);
  });
});

describe('planImport', () => {
  it('needs a header and rows, and at most 5,000 rows', () => {
    expect(() => planImport('')).toThrow(/empty/);
    expect(() => planImport('name,email\n')).toThrow(/no rows/);
    expect(() => planImport('first,last\na,b')).toThrow(/header "name,email,group"/);
    const many = ['name,email', ...Array.from({ length: 5001 }, (_, i) => `P${i},p${i}@x.test`)].join('\n');
    expect(() => planImport(many)).toThrow(/at most 5,000 rows/);
    expect(planImport(many.split('\n').slice(0, 5001).join('\n')).total).toBe(5000);
  });

  it('previews the first rows by column name, any order', () => {
    const plan = planImport('Email,GROUP,Name\nb@x.test, Ops ,Bea\nc@x.test,,Cy', 250, 1);
    expect(plan.total).toBe(2);
    expect(plan.preview).toEqual([{ line: 2, name: 'Bea', email: 'b@x.test', group: 'Ops' }]);
  });

  it('splits into chunks of whole records, each a file the server reads to the same rows', () => {
    const body: string[] = [];
    for (let i = 0; i < 7; i++)
      body.push(i % 3 === 1 ? `"Name\n${i}",p${i}@x.test,"G\r\n${i}"` : `N${i},p${i}@x.test,G`);
    const text = `"name","email",group\r\n${body.join('\r\n\r\n')}`;
    const whole = readImportFile(text);
    const plan = planImport(text, 3);
    expect(plan.chunks.map((c) => c.rows)).toEqual([3, 3, 1]);
    const mapped = plan.chunks.flatMap((c) =>
      readImportFile(c.csv).rows.map((r) => ({ ...r, line: c.lines.get(r.line) })),
    );
    expect(mapped).toEqual(whole.rows);
  });

  it('maps lines when the header itself spans lines', () => {
    const text = 'name,"email",group\n"A\nA",a@x.test,\nB,b@x.test,';
    const plan = planImport(text, 1);
    expect(plan.chunks[1]!.csv).toBe('name,"email",group\nB,b@x.test,\n');
    expect([...plan.chunks[1]!.lines]).toEqual([[2, 4]]);
  });
});

describe('reports', () => {
  const report = (rows: CompanyImportRow[], invited: number): CompanyImportReport => ({
    rows,
    summary: { ...EMPTY_IMPORT_REPORT.summary, invited, failed: 1 },
  });

  it('maps a chunk’s lines back to the file and merges the counts', () => {
    const plan = planImport(['name,email', 'A,a@x.test', 'B,b@x.test', 'C,c@x.test'].join('\n'), 2);
    const second = mapChunkReport(report([row({ line: 2, email: 'c@x.test' })], 1), plan.chunks[1]!);
    expect(second.rows[0]!.line).toBe(4);
    const merged = mergeImportReports(report([row({ line: 2 })], 2), second);
    expect(merged.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(merged.summary).toEqual({ ...EMPTY_IMPORT_REPORT.summary, invited: 3, failed: 2 });
    expect(doneRowsText(plan, 1)).toBe('Rows 1–2 (lines 2–3) were imported.');
    expect(doneRowsText(plan, 0)).toBe('No rows were imported.');
  });

  it('reports a row repeating an email of an earlier chunk as a duplicate in the file', () => {
    const plan = planImport(['name,email', 'A,a@x.test', 'B,b@x.test', 'A again, A@X.test '].join('\n'), 2);
    expect([...plan.chunks[1]!.seenBefore]).toEqual(['a@x.test', 'b@x.test']);
    // The server saw the repeat as already invited: the first chunk had just invited that email.
    const answer: CompanyImportReport = {
      rows: [row({ line: 2, email: 'A@X.test', status: 'already_invited', assignment: 'already_assigned' })],
      summary: { ...EMPTY_IMPORT_REPORT.summary, alreadyInvited: 1 },
    };
    const mapped = mapChunkReport(answer, plan.chunks[1]!);
    expect(mapped.rows[0]).toMatchObject({
      line: 4,
      status: 'duplicate_in_file',
      message: 'the same email is on an earlier row',
      assignment: null,
    });
    expect(mapped.summary).toEqual({ ...EMPTY_IMPORT_REPORT.summary, failed: 1 });
    // Within a chunk the server's own answer stands.
    expect(plan.chunks[0]!.seenBefore.size).toBe(0);
  });

  it('flags failed rows and rows without a seat', () => {
    expect(needsAttention(row({ status: 'already_invited' }))).toBe(false);
    expect(needsAttention(row({ status: 'invalid_email' }))).toBe(true);
    expect(needsAttention(row({ status: 'already_member', assignment: 'no_seat' }))).toBe(true);
  });

  it('lists new invitation links and writes a formula-safe CSV', () => {
    const rows = [
      row({ line: 4, email: 'm@x.test', inviteLink: 'http://h/join#token=m', mailed: true }),
      row({ name: "=cmd|' /C calc'!A0", inviteLink: 'http://h/join#token=t' }),
      row({ line: 3, email: 'bad', status: 'invalid_email', message: 'not an email address, "really"' }),
    ];
    expect(invitationLinksText(rows)).toBe('a@x.test http://h/join#token=t\nm@x.test http://h/join#token=m');
    const csv = importReportCsv(rows);
    expect(csv.startsWith('\uFEFFLine,Name,Email,Status')).toBe(true);
    expect(csv).toContain("2,'=cmd|' /C calc'!A0,a@x.test,Invited,,,http://h/join#token=t,no\r\n");
    expect(csv).toContain('4,A,m@x.test,Invited,,,http://h/join#token=m,yes\r\n');
    expect(csv).toContain('3,A,bad,Invalid email,,"not an email address, ""really"""');
    expect(parseCsv(csv)).toHaveLength(4);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-')).toBe("'-");
  });
});

describe('importBuyMoreSeatsHref', () => {
  const report = (noSeat: number): CompanyImportReport => ({
    rows: [],
    summary: { ...EMPTY_IMPORT_REPORT.summary, noSeat },
  });
  it('goes to the corporate checkout for the seats the import lacked, for the company imported into', () => {
    expect(importBuyMoreSeatsHref('co-1', { kind: 'bundle', id: 'b-1' }, report(3))).toBe(
      '/checkout?bundle=b-1&seats=3&company=co-1',
    );
    expect(importBuyMoreSeatsHref('co 2', { kind: 'course', id: 'c 1' }, report(1))).toBe(
      '/checkout?course=c%201&seats=1&company=co%202',
    );
  });
  it('is null when nothing was assigned or every row got its seat', () => {
    expect(importBuyMoreSeatsHref('co-1', null, report(2))).toBeNull();
    expect(importBuyMoreSeatsHref('co-1', { kind: 'course', id: 'c' }, report(0))).toBeNull();
  });
});
