import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CompanyGroup } from '../../../../../edge/api-types.ts';
import { errorMessage } from '../../../lib/api.ts';
import { withParam } from '../../../lib/company-people.ts';
import { plural } from '../../../lib/format.ts';

/**
 * What to do with the selected members: move them to a group (or to none), or assign them
 * learning on the Assignments page (`?users=<id,id>`).
 */
export function SelectionBar(props: {
  selected: string[];
  groups: CompanyGroup[];
  assignmentsHref: string;
  onMove: (groupId: string | null) => Promise<void>;
  onClear: () => void;
}) {
  const [target, setTarget] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const move = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onMove(target() === 'none' ? null : target());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="people-selection" aria-label="Selected people">
      <p class="people-selection-count">{plural(props.selected.length, 'person', 'people')} selected</p>
      <form class="people-move" onSubmit={move}>
        <label class="people-inline-field">
          <span>Move to group</span>
          <select value={target()} required onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="" disabled>
              Choose a group
            </option>
            <For each={props.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
            <option value="none">No group</option>
          </select>
        </label>
        <button type="submit" class="button button-small button-primary" disabled={busy() || !target()}>
          {busy() ? 'Moving…' : 'Move'}
        </button>
      </form>
      <A
        class="button button-small button-secondary"
        href={withParam(props.assignmentsHref, 'users', props.selected.join(','))}
      >
        Assign learning
      </A>
      <button type="button" class="button button-small button-ghost" onClick={() => props.onClear()}>
        Clear selection
      </button>
      <Show when={error()}>
        <p class="people-row-error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
