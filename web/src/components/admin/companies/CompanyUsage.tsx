import { createSignal, Show } from 'solid-js';
import type { AdminCompany } from '../../../../../edge/api-types.ts';
import { errorMessage } from '../../../lib/api.ts';
import type { CompanyApi } from '../../../lib/company-api.ts';
import '../../../styles/company-usage.css';

/**
 * A company's usage for the platform admin: seats in use, active learners (30 days), the
 * enrollments its assignments made and their completions; and its report (the company admins'
 * per-employee and per-course report) as a CSV download.
 */
export function CompanyUsage(props: { company: AdminCompany; calls: CompanyApi }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const u = () => props.company.usage;
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const today = new Date().toISOString().slice(0, 10);
      await props.calls.downloadReportCsv(props.company.id, `${props.company.slug}-report-${today}.csv`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="company-usage">
      <dl class="company-usage-stats">
        <div>
          <dt>Seats used</dt>
          <dd>
            {u().seatsUsed} of {u().seatsTotal}
          </dd>
        </div>
        <div>
          <dt>Active learners (30 days)</dt>
          <dd>{u().activeLearners30d}</dd>
        </div>
        <div>
          <dt>Enrollments from assignments</dt>
          <dd>{u().assignedEnrollments}</dd>
        </div>
        <div>
          <dt>Completions</dt>
          <dd>{u().completions}</dd>
        </div>
      </dl>
      <button type="button" class="button button-small button-secondary" disabled={busy()} onClick={download}>
        {busy() ? 'Preparing report…' : `Download ${props.company.name}'s report (CSV)`}
      </button>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
