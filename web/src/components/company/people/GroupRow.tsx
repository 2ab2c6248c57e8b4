import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { CompanyGroup } from '../../../../../edge/api-types.ts';
import { errorMessage } from '../../../lib/api.ts';
import { withParam } from '../../../lib/company-people.ts';
import { plural } from '../../../lib/format.ts';
import { ConfirmButton } from '../../admin/ConfirmButton.tsx';
import { groupNameError } from './group-errors.ts';

/**
 * One group: its name (renamed in place: Enter saves, Escape cancels), its people, links to see
 * them and assign them learning, and delete (confirmed; the people keep their records).
 */
export function GroupRow(props: {
  group: CompanyGroup;
  peopleHref: string;
  assignmentsHref: string;
  rename: (name: string) => Promise<void>;
  remove: () => Promise<void>;
}) {
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const inputId = () => `group-name-${props.group.id}`;
  const errorId = () => `group-error-${props.group.id}`;
  let renameButton: HTMLButtonElement | undefined;
  let input: HTMLInputElement | undefined;
  const open = () => {
    setDraft(props.group.name);
    setError(null);
    setEditing(true);
    queueMicrotask(() => input?.select());
  };
  const close = () => {
    setEditing(false);
    setError(null);
    queueMicrotask(() => renameButton?.focus());
  };
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const name = draft().trim();
    if (!name) {
      setError('Enter a name for the group.');
      return;
    }
    if (name === props.group.name) {
      close();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.rename(name);
      close();
    } catch (err) {
      setError(groupNameError(err, name));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.remove();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">
        <Show when={editing()} fallback={props.group.name}>
          <form class="groups-rename" onSubmit={save} novalidate>
            <label for={inputId()}>New name for {props.group.name}</label>
            <input
              id={inputId()}
              ref={input}
              maxLength={100}
              value={draft()}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={error() ? errorId() : undefined}
              onInput={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  close();
                }
              }}
            />
            <span class="groups-rename-buttons">
              <button type="submit" class="button button-small button-primary" disabled={busy()}>
                Save
              </button>
              <button type="button" class="button button-small button-ghost" onClick={close}>
                Cancel
              </button>
            </span>
          </form>
        </Show>
        <Show when={error()}>
          <p class="people-row-error" id={errorId()} role="alert">
            {error()}
          </p>
        </Show>
      </th>
      <td>{plural(props.group.members, 'person', 'people')}</td>
      <td>
        <div class="people-actions">
          <A href={withParam(props.peopleHref, 'group', props.group.id)}>
            See people<span class="sr-only"> in {props.group.name}</span>
          </A>
          <A href={withParam(props.assignmentsHref, 'group', props.group.id)}>
            Assign learning<span class="sr-only"> to {props.group.name}</span>
          </A>
          <Show when={!editing()}>
            <button type="button" class="button button-small button-secondary" ref={renameButton} onClick={open}>
              Rename<span class="sr-only"> {props.group.name}</span>
            </button>
          </Show>
          <ConfirmButton
            label="Delete"
            what={props.group.name}
            confirmLabel="Confirm delete"
            busy={busy()}
            question={
              <>
                Delete the group {props.group.name}? Its {plural(props.group.members, 'person', 'people')} stay in the
                company with their records and learning, in “No group”.
              </>
            }
            onConfirm={remove}
          />
        </div>
      </td>
    </tr>
  );
}
