import { createEffect, createSignal, For, on, onCleanup } from 'solid-js';
import type { CompanyGroup } from '../../../../../edge/api-types.ts';
import { MEMBER_STATUSES, type PeopleState, STATUS_LABELS } from '../../../lib/company-people.ts';

const DEBOUNCE_MS = 350;

/**
 * Search (sent a moment after typing stops, or at once on Enter) and the group and status
 * filters. The box follows the URL when it changes from elsewhere (back button, "Clear filters").
 */
export function PeopleFilters(props: {
  state: PeopleState;
  groups: CompanyGroup[];
  onChange: (patch: Partial<PeopleState>) => void;
}) {
  const [text, setText] = createSignal(props.state.q);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  onCleanup(stop);
  createEffect(
    on(
      () => props.state.q,
      (q) => {
        if (q !== text().trim()) setText(q);
      },
      { defer: true },
    ),
  );
  const send = () => {
    stop();
    const q = text().trim();
    if (q !== props.state.q) props.onChange({ q });
  };
  return (
    <form
      class="people-filters"
      aria-label="Search and filter people"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div class="field">
        <label for="people-search">Search people</label>
        <input
          id="people-search"
          type="search"
          maxLength={200}
          value={text()}
          placeholder="Name, email or group"
          onInput={(e) => {
            setText(e.currentTarget.value);
            stop();
            timer = setTimeout(send, DEBOUNCE_MS);
          }}
        />
      </div>
      <div class="field">
        <label for="people-group">Group</label>
        <select
          id="people-group"
          value={props.state.group}
          onChange={(e) => props.onChange({ group: e.currentTarget.value })}
        >
          <option value="">All groups</option>
          <option value="none">No group</option>
          <For each={props.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="people-status">Status</label>
        <select
          id="people-status"
          value={props.state.status}
          onChange={(e) => props.onChange({ status: e.currentTarget.value as PeopleState['status'] })}
        >
          <option value="">Any status</option>
          <For each={MEMBER_STATUSES}>{(s) => <option value={s}>{STATUS_LABELS[s]}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button button-secondary people-search-button">
        Search
      </button>
    </form>
  );
}
