import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CompanyImportReport } from '../../../../../edge/api-types.ts';
import {
  ASSIGNMENT_LABELS,
  IMPORT_STATUS_LABELS,
  importReportCsv,
  invitationLinksText,
  needsAttention,
} from '../../../lib/company-import.ts';
import { formatCount, plural } from '../../../lib/format.ts';

const SUMMARY: { key: keyof CompanyImportReport['summary']; label: string }[] = [
  { key: 'invited', label: 'Invited' },
  { key: 'alreadyMember', label: 'Already members' },
  { key: 'alreadyInvited', label: 'Already invited' },
  { key: 'failed', label: 'Failed' },
  { key: 'assigned', label: 'Assigned' },
  { key: 'noSeat', label: 'No seat' },
];

/**
 * An import's answer: the counts, the rows (only those that need attention, or all), the new
 * invitation links to pass on, and the report as a CSV file.
 */
export function ImportReportView(props: {
  report: CompanyImportReport;
  /** True while rows are still coming in, or when the import stopped part-way. */
  partial: boolean;
  /** The corporate checkout for the seats the import lacked, when rows got no seat. */
  buyMoreSeats?: string | null;
  onDownload: (csv: string) => void;
}) {
  const [all, setAll] = createSignal(false);
  const [copied, setCopied] = createSignal('');
  const problems = () => props.report.rows.filter(needsAttention);
  const shown = () => (all() ? props.report.rows : problems());
  const links = () => invitationLinksText(props.report.rows);
  const linkCount = () => props.report.rows.filter((r) => r.inviteLink).length;
  const mailedText = () => {
    const mailed = props.report.rows.filter((r) => r.inviteLink && r.mailed).length;
    return `${formatCount(mailed)} of ${plural(linkCount(), 'invitation was', 'invitations were')} mailed.`;
  };
  const copy = async () => {
    setCopied('');
    try {
      await navigator.clipboard.writeText(links());
      setCopied(`Copied ${plural(linkCount(), 'invitation link', 'invitation links')}.`);
    } catch {
      setCopied('Could not copy: select the links and copy them yourself.');
    }
  };
  return (
    <section class="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title">{props.partial ? 'Import report (so far)' : 'Import report'}</h3>
      <dl class="import-summary">
        <For each={SUMMARY}>
          {(s) => (
            <div>
              <dt>{s.label}</dt>
              <dd>{formatCount(props.report.summary[s.key])}</dd>
            </div>
          )}
        </For>
      </dl>
      <Show when={props.buyMoreSeats}>
        {(link) => (
          <p class="notice notice-info">
            {plural(props.report.summary.noSeat, 'person', 'people')} got no seat: assign them once there are more.{' '}
            <A href={link()} class="button button-primary button-small">
              Buy more seats
            </A>
          </p>
        )}
      </Show>
      <fieldset class="import-filter">
        <legend>Rows to show</legend>
        <label>
          <input type="radio" name="import-rows" checked={!all()} onChange={() => setAll(false)} />
          {` Only problems (${formatCount(problems().length)})`}
        </label>
        <label>
          <input type="radio" name="import-rows" checked={all()} onChange={() => setAll(true)} />
          {` All rows (${formatCount(props.report.rows.length)})`}
        </label>
      </fieldset>
      <Show when={shown().length > 0} fallback={<p class="notice notice-success">No row needs attention.</p>}>
        <div class="table-scroll">
          <table class="company-table import-rows">
            <caption class="sr-only">
              {all() ? 'All rows of the import' : 'Rows of the import that need attention'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(r) => (
                  <tr classList={{ 'import-problem': needsAttention(r) }}>
                    <th scope="row">{r.line}</th>
                    <td>{r.email}</td>
                    <td>{r.name}</td>
                    <td>
                      <span>{IMPORT_STATUS_LABELS[r.status]}</span>
                      <Show when={r.inviteLink}>
                        <span class="muted">{r.mailed ? '; mailed' : '; not mailed'}</span>
                      </Show>
                      <Show when={r.assignment}>{(a) => <span class="muted">; {ASSIGNMENT_LABELS[a()]}</span>}</Show>
                    </td>
                    <td>{r.message}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={linkCount() > 0}>
        <div class="import-links">
          <h4>New invitation links</h4>
          <p class="muted">
            {mailedText()} Each link works once, for that email, for 14 days, and is shown only now: pass on those whose
            mail failed (listed first), or download the report.
          </p>
          <div class="field">
            <label for="import-links">Invitation links (email, then link; one a line)</label>
            <textarea id="import-links" readonly rows={Math.min(8, linkCount() + 1)} value={links()} />
          </div>
          <button type="button" class="button button-secondary" onClick={() => void copy()}>
            Copy all links
          </button>
          <p class="small" role="status">
            {copied()}
          </p>
        </div>
      </Show>
      <button
        type="button"
        class="button button-secondary"
        onClick={() => props.onDownload(importReportCsv(props.report.rows))}
      >
        Download the report (CSV)
      </button>
    </section>
  );
}
