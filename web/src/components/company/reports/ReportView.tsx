import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { REPORT_VIEWS, reportView, type ReportView as View } from '../../../lib/company-reports.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { settle } from '../../../lib/queries.ts';
import { Async } from '../../Async.tsx';
import { Tabs } from '../../admin/Tabs.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { useCompany } from '../CompanyArea.tsx';
import { CourseReport } from './CourseReport.tsx';
import { EmployeeReport } from './EmployeeReport.tsx';
import { ExportCsv } from './ExportCsv.tsx';
import { GroupReport } from './GroupReport.tsx';
import '../../../styles/admin.css';
import '../../../styles/company-reports.css';

/**
 * The company's report (GET /api/companies/:id/report) in three views, chosen by tabs whose
 * state is in the URL (`?view=employees|courses|groups`), and its CSV export.
 */
export function ReportView() {
  const { company, api, version } = useCompany();
  const [params, setParams] = useSearchParams<{ view?: string }>();
  const view = () => reportView(params.view);
  const [attempt, setAttempt] = createSignal(0);
  const report = createAsync(() => {
    version();
    attempt();
    return settle(api.report(company().id));
  });
  return (
    <section aria-labelledby="reports-heading" class="company-reports">
      <div class="report-head">
        <h2 id="reports-heading">Reports</h2>
        <ExportCsv />
      </div>
      <Async
        data={report}
        retry={() => setAttempt((n) => n + 1)}
        fallback={<SkeletonBlock height={16} label="Loading the report…" />}
      >
        {(r) => (
          <>
            <p class="small muted">
              Learner data covers the courses {r().company.name} assigned. Made {formatDateTime(r().generatedAt)}.
            </p>
            <Tabs
              label="Report views"
              tabs={REPORT_VIEWS}
              selected={view()}
              onSelect={(id: View) => setParams({ view: id }, { replace: true })}
            >
              <Switch>
                <Match when={view() === 'employees'}>
                  <EmployeeReport report={r()} />
                </Match>
                <Match when={view() === 'courses'}>
                  <CourseReport report={r()} />
                </Match>
                <Match when={view() === 'groups'}>
                  <GroupReport report={r()} />
                </Match>
              </Switch>
            </Tabs>
          </>
        )}
      </Async>
    </section>
  );
}
