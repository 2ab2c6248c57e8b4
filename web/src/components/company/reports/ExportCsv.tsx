import { createSignal, Show } from 'solid-js';
import { errorMessage } from '../../../lib/api.ts';
import { reportFileName } from '../../../lib/company-reports.ts';
import { useApp } from '../../../lib/context.ts';
import { useCompany } from '../CompanyArea.tsx';

/** "Export CSV": the same report as a spreadsheet-safe CSV file (`<slug>-report-<date>.csv`). */
export function ExportCsv() {
  const { company, api } = useCompany();
  const { announce } = useApp();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const exportCsv = async () => {
    setBusy(true);
    setError(null);
    try {
      const name = reportFileName(company().slug, new Date());
      await api.downloadReportCsv(company().id, name);
      announce(`The report was saved as ${name}.`);
    } catch (err) {
      setError(`The export failed: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="report-export">
      <button type="button" class="button button-secondary" disabled={busy()} onClick={exportCsv}>
        {busy() ? 'Exporting…' : 'Export CSV'}
      </button>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
