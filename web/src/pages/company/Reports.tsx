import { CompanyArea } from '../../components/company/CompanyArea.tsx';
import { ReportView } from '../../components/company/reports/ReportView.tsx';

/** /company/reports: the company admin's reports, by employee, course and group, with a CSV export. */
export default function CompanyReportsPage() {
  return (
    <CompanyArea section="Reports">
      <ReportView />
    </CompanyArea>
  );
}
