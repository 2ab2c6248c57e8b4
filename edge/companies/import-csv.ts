import { CsvSyntaxError, CsvTooLongError, parseCsv } from './csv.ts';

/**
 * An employee import file (`name,email,group`) read into rows for the database's import
 * function. Header names are matched case-insensitively and in any order; `group` may be left
 * out. A wrong header, a malformed file or too many rows refuse the whole file (ImportFileError,
 * a 400); a row the edge can already tell is unusable (too many fields, a value too long or
 * holding a NUL) is reported on its own and the rest go on.
 */

/** The most employee rows one import takes. */
export const MAX_IMPORT_ROWS = 5000;
/** The largest import body, in bytes (1 MiB). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Longest values the edge passes on; longer ones fail their row. */
export const IMPORT_LIMITS = { name: 200, email: 254, group: 100 } as const;

export const IMPORT_COLUMNS = ['name', 'email', 'group'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export class ImportFileError extends Error {
  readonly code: 'invalid_header' | 'invalid_csv' | 'too_many_rows' | 'empty_file';
  constructor(code: ImportFileError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export interface ImportRow {
  /** The file's line the row starts on (the header is line 1). */
  line: number;
  name: string;
  email: string;
  group: string | null;
}

export interface ImportRowProblem {
  line: number;
  email: string;
  message: string;
}

export interface ImportFile {
  rows: ImportRow[];
  /** Rows refused before the database saw them. */
  problems: ImportRowProblem[];
}

const show = (fields: string[]) => JSON.stringify(fields.join(',').slice(0, 200));

function headerColumns(fields: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  const wrong = () =>
    new ImportFileError(
      'invalid_header',
      `the first row must be the header "name,email,group" (group may be left out); it was ${show(fields)}`,
    );
  fields.forEach((raw, index) => {
    const name = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name) || columns.has(name as Column)) throw wrong();
    columns.set(name as Column, index);
  });
  if (!columns.has('name') || !columns.has('email')) throw wrong();
  return columns;
}

function rowProblem(name: string, email: string, group: string): string | null {
  if ([name, email, group].some((v) => v.includes('\u0000'))) return 'a value holds a NUL character';
  if (name.length > IMPORT_LIMITS.name) return `the name is longer than ${IMPORT_LIMITS.name} characters`;
  if (email.length > IMPORT_LIMITS.email) return `the email is longer than ${IMPORT_LIMITS.email} characters`;
  if (group.length > IMPORT_LIMITS.group) return `the group is longer than ${IMPORT_LIMITS.group} characters`;
  return null;
}

/** Reads an import file; throws ImportFileError when the file as a whole cannot be used. */
export function readImportFile(text: string): ImportFile {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text, MAX_IMPORT_ROWS + 1);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new ImportFileError('invalid_csv', `the file is not valid CSV: ${err.message}`);
    if (err instanceof CsvTooLongError) {
      throw new ImportFileError(
        'too_many_rows',
        `an import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows`,
      );
    }
    throw err;
  }
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('empty_file', 'the file is empty: send a header "name,email,group" and rows');
  const columns = headerColumns(header.fields);
  const at = (fields: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const rows: ImportRow[] = [];
  const problems: ImportRowProblem[] = [];
  for (const { line, fields } of data) {
    const name = at(fields, 'name');
    const email = at(fields, 'email');
    const group = at(fields, 'group');
    const problem =
      fields.length > header.fields.length
        ? `the row has ${fields.length} fields, the header ${header.fields.length} (quote values that hold commas)`
        : rowProblem(name, email, group);
    if (problem)
      problems.push({ line, email: email.replaceAll('\u0000', '').slice(0, IMPORT_LIMITS.email), message: problem });
    else rows.push({ line, name, email, group: group === '' ? null : group });
  }
  return { rows, problems };
}
