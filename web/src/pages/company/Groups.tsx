import { CompanyArea } from '../../components/company/CompanyArea.tsx';
import { GroupsView } from '../../components/company/people/GroupsView.tsx';

/** /company/groups: the company's groups (components/company/people/). */
export default function CompanyGroupsPage() {
  return (
    <CompanyArea section="Groups">
      <GroupsView />
    </CompanyArea>
  );
}
