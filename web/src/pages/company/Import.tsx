import { CompanyArea } from '../../components/company/CompanyArea.tsx';
import { ImportView } from '../../components/company/import/ImportView.tsx';

/** /company/import: bring people in from a CSV file (components/company/import/). */
export default function CompanyImportPage() {
  return (
    <CompanyArea section="Import">
      <ImportView />
    </CompanyArea>
  );
}
