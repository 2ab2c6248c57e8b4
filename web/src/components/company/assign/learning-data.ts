import { createAsync } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { CompanyReport } from '../../../../../edge/api-types.ts';
import { bundlesApi } from '../../../lib/bundles-api.ts';
import { type LearningItem, learningItems } from '../../../lib/company-assign.ts';
import { useApp } from '../../../lib/context.ts';
import { settle } from '../../../lib/queries.ts';
import { useCompany } from '../CompanyArea.tsx';

export interface LearningData {
  report: CompanyReport;
  /** What the company may assign: its seat pools and the bundles they cover. */
  items: LearningItem[];
}

/**
 * The company's report and what it may assign (GET /api/companies/:id/report and GET /api/bundles),
 * read again whenever the area's data changes (`version()`) or the user retries.
 */
export function useLearningData() {
  const { api } = useApp();
  const { company, api: client, version } = useCompany();
  const [attempt, setAttempt] = createSignal(0);
  const data = createAsync(() => {
    version();
    attempt();
    const id = company().id;
    return settle(
      Promise.all([client.report(id), bundlesApi(api).bundles('')]).then(
        ([report, bundles]): LearningData => ({ report, items: learningItems(report.seats, bundles.items) }),
      ),
    );
  });
  return { data, retry: () => setAttempt((n) => n + 1) };
}
