import { createSignal, For, Show } from 'solid-js';
import { filterPeople, type Person } from '../../../lib/company-assign.ts';
import { formatCount, plural } from '../../../lib/format.ts';

/** How many people the list draws at once (the filter narrows it). */
const SHOWN = 200;

/**
 * A filterable checkbox list of members and pending invitations. The selection is kept while
 * the filter changes; "Select all shown" takes every person the filter shows.
 */
export function PeoplePicker(props: {
  people: Person[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}) {
  const [q, setQ] = createSignal('');
  const matching = () => filterPeople(props.people, q());
  const shown = () => matching().slice(0, SHOWN);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(key);
    else next.delete(key);
    props.onChange(next);
  };
  return (
    <fieldset class="people-picker">
      <legend>People</legend>
      <div class="field">
        <label for="people-filter">Filter people</label>
        <input
          id="people-filter"
          type="search"
          value={q()}
          placeholder="Name, email or group"
          onInput={(e) => setQ(e.currentTarget.value)}
        />
      </div>
      <div class="people-picker-tools">
        <p class="small" aria-live="polite">
          {formatCount(props.selected.size)} selected; {plural(matching().length, 'person', 'people')} shown
          {matching().length > SHOWN ? ` (the first ${SHOWN}: filter to find more)` : ''}
        </p>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => props.onChange(new Set([...props.selected, ...shown().map((p) => p.key)]))}
        >
          Select all shown
        </button>
        <button type="button" class="button button-ghost button-small" onClick={() => props.onChange(new Set())}>
          Clear selection
        </button>
      </div>
      <Show when={shown().length > 0} fallback={<p class="muted">Nobody matches the filter.</p>}>
        <ul class="people-picker-list">
          <For each={shown()}>
            {(p) => (
              <li>
                <label>
                  <input
                    type="checkbox"
                    checked={props.selected.has(p.key)}
                    onChange={(e) => toggle(p.key, e.currentTarget.checked)}
                  />
                  <span>
                    {p.name || p.email}
                    <span class="muted small">
                      {' '}
                      {p.name ? p.email : ''}
                      {p.group ? ` · ${p.group.name}` : ''}
                      {p.kind === 'invitation' ? ' · invited' : ''}
                    </span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </fieldset>
  );
}
