import { CompanyArea } from '../../components/company/CompanyArea.tsx';
import { PeopleView } from '../../components/company/people/PeopleView.tsx';

/** /company/people: the company's employees and invitations (components/company/people/). */
export default function CompanyPeoplePage() {
  return (
    <CompanyArea section="People">
      <PeopleView />
    </CompanyArea>
  );
}
