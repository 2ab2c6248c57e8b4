import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, ImportFileError, MAX_IMPORT_ROWS, readImportFile } from './import-csv.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ImportFileError ? err.code : 'other';
  }
  return 'none';
};

describe('readImportFile', () => {
  it('reads name,email,group rows, trimming values, with the line of each', () => {
    const file = readImportFile(
      '\uFEFFName, EMAIL ,Group\r\n Ada Lovelace ,ada@example.com,Engineering\r\nBob,bob@example.com,\r\n',
    );
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      { line: 2, name: 'Ada Lovelace', email: 'ada@example.com', group: 'Engineering' },
      { line: 3, name: 'Bob', email: 'bob@example.com', group: null },
    ]);
  });

  it('takes the columns in any order, and no group column', () => {
    expect(readImportFile('email,name\nx@example.com,X').rows).toEqual([
      { line: 2, name: 'X', email: 'x@example.com', group: null },
    ]);
    expect(readImportFile('group,email,name\nSales,y@example.com,Y').rows[0]).toEqual({
      line: 2,
      name: 'Y',
      email: 'y@example.com',
      group: 'Sales',
    });
  });

  it('keeps quoted commas, quotes, line breaks, formulas and non-ASCII verbatim', () => {
    const text =
      'name,email,group\n"Smith, ""Jo""\nJr",jo@example.com,"R&D, Berlin"\n"=cmd|\' /C calc\'!A0",f@example.com,Zoë\n';
    const file = readImportFile(text);
    expect(file.rows.map((r) => [r.line, r.name, r.group])).toEqual([
      [2, 'Smith, "Jo"\nJr', 'R&D, Berlin'],
      [4, "=cmd|' /C calc'!A0", 'Zoë'],
    ]);
  });

  it('refuses a wrong header with a clear message', () => {
    expect(codeOf(() => readImportFile('first,last,mail\na,b,c'))).toBe('invalid_header');
    expect(codeOf(() => readImportFile('name,email,email\na,b,c'))).toBe('invalid_header');
    expect(codeOf(() => readImportFile('name,group\na,b'))).toBe('invalid_header');
    expect(() => readImportFile('Ada,ada@example.com,Eng\n')).toThrow(
      /the first row must be the header "name,email,group"/,
    );
  });

  it('refuses an empty file, malformed CSV and too many rows', () => {
    expect(codeOf(() => readImportFile(''))).toBe('empty_file');
    expect(codeOf(() => readImportFile('\uFEFF\r\n\r\n'))).toBe('empty_file');
    expect(codeOf(() => readImportFile('name,email\n"Ada,ada@example.com\n'))).toBe('invalid_csv');
    const rows = (n: number) =>
      `name,email\n${Array.from({ length: n }, (_, i) => `P${i},p${i}@example.com`).join('\n')}`;
    expect(readImportFile(rows(MAX_IMPORT_ROWS)).rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(codeOf(() => readImportFile(rows(MAX_IMPORT_ROWS + 1)))).toBe('too_many_rows');
  });

  it('reports rows with extra fields, overlong values or NUL on their own and keeps the rest', () => {
    const long = 'x'.repeat(IMPORT_LIMITS.name + 1);
    const file = readImportFile(
      `name,email,group\nA,a@example.com,Eng,extra\n${long},b@example.com,\nC\u0000,c@example.com,\nD,d@example.com,Eng\n`,
    );
    expect(file.rows.map((r) => r.email)).toEqual(['d@example.com']);
    expect(file.problems.map((p) => [p.line, p.email])).toEqual([
      [2, 'a@example.com'],
      [3, 'b@example.com'],
      [4, 'c@example.com'],
    ]);
    expect(file.problems[0]!.message).toMatch(/4 fields, the header 3/);
    expect(file.problems[1]!.message).toMatch(/longer than 200/);
    expect(file.problems[2]!.message).toMatch(/NUL/);
  });

  it('reads a short row as empty trailing values (the database reports a missing email)', () => {
    expect(readImportFile('name,email,group\nOnly').rows).toEqual([{ line: 2, name: 'Only', email: '', group: null }]);
  });
});
