import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { CompanyList } from '../../components/admin/companies/CompanyList.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/bundles.css';
import '../../styles/company-reports.css';

/** /admin/companies: platform admins see every company, its seats and admins, and add seats or admins. */
export default function AdminCompaniesPage() {
  usePageTitle(() => 'Companies');
  return (
    <RequireAuth>
      <AdminGate title="Companies" class="container section admin admin-companies">
        <CompanyList />
      </AdminGate>
    </RequireAuth>
  );
}
