import { createSignal } from 'solid-js';
import { groupNameError } from './group-errors.ts';

/** Creates a group by name; a name in use or not valid is said next to the field. */
export function NewGroupForm(props: { create: (name: string) => Promise<void> }) {
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = name().trim();
    setError(null);
    if (!value) {
      setError('Enter a name for the group.');
      return;
    }
    setBusy(true);
    try {
      await props.create(value);
      setName('');
    } catch (err) {
      setError(groupNameError(err, value));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="groups-new" onSubmit={submit} novalidate>
      <div class="field">
        <label for="groups-new-name">New group name</label>
        <input
          id="groups-new-name"
          maxLength={100}
          value={name()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'groups-new-error' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <p class="field-error people-row-error" id="groups-new-error" role="alert">
          {error() ?? ''}
        </p>
      </div>
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create group'}
      </button>
    </form>
  );
}
