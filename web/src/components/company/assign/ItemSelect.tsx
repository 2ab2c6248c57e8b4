import { For, Show } from 'solid-js';
import { itemLabel, type LearningItem } from '../../../lib/company-assign.ts';

/**
 * A course or bundle of the company, each with its free seats: the courses it holds seat pools
 * of, then the bundles whose courses all have pools (the fewest free seats over their courses).
 */
export function ItemSelect(props: {
  id: string;
  label: string;
  items: LearningItem[];
  value: string;
  onChange: (id: string) => void;
  /** The option for "none" (e.g. "Nobody: invite only"); without it a choice is required. */
  none?: string;
  describedBy?: string;
}) {
  const courses = () => props.items.filter((i) => i.kind === 'course');
  const bundles = () => props.items.filter((i) => i.kind === 'bundle');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        required={!props.none}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{props.none ?? 'Choose a course or bundle'}</option>
        <Show when={courses().length > 0}>
          <optgroup label="Courses">
            <For each={courses()}>
              {(item) => (
                <option value={item.id} selected={item.id === props.value}>
                  {itemLabel(item)}
                </option>
              )}
            </For>
          </optgroup>
        </Show>
        <Show when={bundles().length > 0}>
          <optgroup label="Bundles">
            <For each={bundles()}>
              {(item) => (
                <option value={item.id} selected={item.id === props.value}>
                  {itemLabel(item)}
                </option>
              )}
            </For>
          </optgroup>
        </Show>
      </select>
    </div>
  );
}
