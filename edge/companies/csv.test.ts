import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTooLongError, csvCell, csvFile, parseCsv } from './csv.ts';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF or CR line ends and skips blank lines', () => {
    expect(fields('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\r\nc,d\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('\n\na\n\n')).toEqual([['a']]);
    expect(fields('')).toEqual([]);
  });

  it('ignores a leading UTF-8 BOM', () => {
    expect(fields('\uFEFFname,email\n')).toEqual([['name', 'email']]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(fields('"Smith, Jo","say ""hi""","two\r\nlines"\nx,,""')).toEqual([
      ['Smith, Jo', 'say "hi"', 'two\r\nlines'],
      ['x', '', ''],
    ]);
    // `""` alone is a record with one empty field, not a blank line.
    expect(fields('""\n')).toEqual([['']]);
    expect(fields('a,\n')).toEqual([['a', '']]);
  });

  it('keeps non-ASCII text as it is', () => {
    expect(fields('Zoë Ñúñez,zoe@example.com,Vertrieb 東京\n')).toEqual([
      ['Zoë Ñúñez', 'zoe@example.com', 'Vertrieb 東京'],
    ]);
  });

  it('counts lines for each record, line breaks inside quotes included', () => {
    const records = parseCsv('h\n"a\nb"\r\nc\n\nd');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('refuses an unterminated quote and stray quotes, naming the line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('a\nBob "B" Smith,x')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1: text after a closing quote/);
  });

  it('stops once more than maxRecords records were read', () => {
    expect(parseCsv('a\nb\nc\n', 3)).toHaveLength(3);
    expect(() => parseCsv('a\nb\nc\nd\n', 3)).toThrow(CsvTooLongError);
  });

  it('reads back what csvFile writes', () => {
    const rows = [
      ['Smith, Jo', 'say "hi"', 'two\nlines'],
      ['Zoë', '', 'x'],
    ];
    expect(fields(csvFile(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows]);
  });
});

describe('csvCell', () => {
  it('neutralises cells that start like a formula with a single quote', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTAB')).toBe("'\tTAB");
    expect(csvCell('\rCR')).toBe('"\'\rCR"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes cells with commas, quotes or line breaks per RFC 4180', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes empty cells for null and numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('Zoë 東京')).toBe('Zoë 東京');
  });
});

describe('csvFile', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csvFile(['name', 'note'], [['Zoë', '=1+1']])).toBe("\uFEFFname,note\r\nZoë,'=1+1\r\n");
    expect(csvFile(['only'], [])).toBe('\uFEFFonly\r\n');
  });
});
