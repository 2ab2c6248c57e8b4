import { type JSX, Show } from 'solid-js';
import type { OverviewNumbers as Numbers } from '../../../lib/company-stats.ts';
import { formatCount } from '../../../lib/format.ts';

/** The overview's headline numbers, one tile each (a list: label after value, read in order). */
export function OverviewNumbers(props: { numbers: Numbers; seatsUsed: number; seatsBought: number }) {
  const n = () => props.numbers;
  return (
    <ul class="stat-grid company-stats" aria-label="Company in numbers">
      <Tile value={formatCount(n().employees)} label="Employees" />
      <Tile value={formatCount(n().pendingInvitations)} label="Pending invitations">
        <Show when={n().expiredInvitations > 0}>
          <span class="stat-note">{formatCount(n().expiredInvitations)} expired</span>
        </Show>
      </Tile>
      <Tile value={formatCount(n().active7)} label="Active learners, last 7 days" />
      <Tile value={formatCount(n().active30)} label="Active learners, last 30 days" />
      <Tile value={formatCount(n().coursesAssigned)} label="Courses assigned" />
      <Tile value={n().overallProgress === null ? '–' : `${n().overallProgress}%`} label="Overall progress" />
      <Tile value={formatCount(n().completedAssignments)} label="Completed assignments" />
      <Tile value={formatCount(n().overdueAssignments)} label="Overdue assignments" />
      <Tile value={`${formatCount(props.seatsUsed)} / ${formatCount(props.seatsBought)}`} label="Seats used / bought" />
    </ul>
  );
}

function Tile(props: { value: string; label: string; children?: JSX.Element }) {
  return (
    <li class="stat">
      <span class="stat-value">{props.value}</span>
      <span class="stat-label">{props.label}</span>
      {props.children}
    </li>
  );
}
