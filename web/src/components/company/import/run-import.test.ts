import { describe, expect, it } from 'vitest';
import type { CompanyImportReport } from '../../../../../edge/api-types.ts';
import { readImportFile } from '../../../../../edge/companies/import-csv.ts';
import { doneRowsText, EMPTY_IMPORT_REPORT, planImport } from '../../../lib/company-import.ts';
import { type ImportRunState, runImport } from './run-import.ts';

/** A stand-in for the server's reading of one chunk: every row invited, at its chunk line. */
function answer(csv: string): CompanyImportReport {
  const { rows } = readImportFile(csv);
  return {
    rows: rows.map((r) => ({
      line: r.line,
      email: r.email,
      name: r.name,
      status: 'invited',
      message: '',
      assignment: null,
      invitationId: null,
      inviteLink: null,
      mailed: false,
    })),
    summary: { ...EMPTY_IMPORT_REPORT.summary, invited: rows.length },
  };
}

const file = ['name,email', ...Array.from({ length: 7 }, (_, i) => `"P\n${i}",p${i}@x.test`)].join('\n');

describe('runImport', () => {
  it('sends the chunks in order and reports the file’s lines after each', async () => {
    const plan = planImport(file, 3);
    const seen: ImportRunState[] = [];
    const sent: string[] = [];
    const end = await runImport(
      plan,
      async (csv) => {
        sent.push(csv);
        return answer(csv);
      },
      (s) => seen.push(s),
    );
    expect(sent).toHaveLength(3);
    expect(seen.map((s) => s.done)).toEqual([3, 6, 7]);
    expect(end.report!.summary.invited).toBe(7);
    expect(end.report!.rows.map((r) => r.line)).toEqual([2, 4, 6, 8, 10, 12, 14]);
  });

  it('stops at the first failure, with what was done kept', async () => {
    const plan = planImport(file, 3);
    let last: ImportRunState | null = null;
    let calls = 0;
    const run = runImport(
      plan,
      async (csv) => {
        calls++;
        if (calls === 2) throw new Error('payload too large');
        return answer(csv);
      },
      (s) => {
        last = s;
      },
    );
    await expect(run).rejects.toThrow('payload too large');
    expect(calls).toBe(2);
    expect(last!.done).toBe(3);
    expect(doneRowsText(plan, last!.chunksDone)).toBe('Rows 1–3 (lines 2–6) were imported.');
  });
});
