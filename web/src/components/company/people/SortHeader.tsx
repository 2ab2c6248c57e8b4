import { ariaSort, type MemberSort, type PeopleState } from '../../../lib/company-people.ts';

/** A column header that sorts the table: a button in the <th>, which carries aria-sort. */
export function SortHeader(props: {
  state: PeopleState;
  sort: MemberSort;
  label: string;
  onSort: (sort: MemberSort) => void;
}) {
  const current = () => ariaSort(props.state, props.sort);
  return (
    <th scope="col" aria-sort={current()}>
      <button type="button" class="people-sort" onClick={() => props.onSort(props.sort)}>
        {props.label}
        <span class="people-sort-arrow" aria-hidden="true">
          {current() === 'ascending' ? '▲' : current() === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
