import { AssignView } from '../../components/company/assign/AssignView.tsx';
import { CompanyArea } from '../../components/company/CompanyArea.tsx';

/** /company/assignments: assign and unassign courses and bundles (components/company/assign/). */
export default function CompanyAssignmentsPage() {
  return (
    <CompanyArea section="Assignments">
      <AssignView />
    </CompanyArea>
  );
}
