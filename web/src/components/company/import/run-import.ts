import type { CompanyImportReport } from '../../../../../edge/api-types.ts';
import { type ImportPlan, mapChunkReport, mergeImportReports } from '../../../lib/company-import.ts';

export interface ImportRunState {
  /** Data rows the server has answered for. */
  done: number;
  /** Chunks answered. */
  chunksDone: number;
  report: CompanyImportReport | null;
}

/**
 * Sends the plan's chunks one after another (`send` posts one CSV), reporting after each; the
 * first failure stops the run and is thrown with what was done so far kept in `onChunk`'s last call.
 */
export async function runImport(
  plan: ImportPlan,
  send: (csv: string) => Promise<CompanyImportReport>,
  onChunk: (state: ImportRunState) => void,
): Promise<ImportRunState> {
  let state: ImportRunState = { done: 0, chunksDone: 0, report: null };
  for (const chunk of plan.chunks) {
    const answer = mapChunkReport(await send(chunk.csv), chunk);
    state = {
      done: state.done + chunk.rows,
      chunksDone: state.chunksDone + 1,
      report: state.report ? mergeImportReports(state.report, answer) : answer,
    };
    onChunk(state);
  }
  return state;
}
