import { createSignal, For, Show } from 'solid-js';
import type { CompanyGroup, CompanyInvitation } from '../../../../../edge/api-types.ts';
import { errorMessage, isApiError } from '../../../lib/api.ts';
import { Field } from '../../Form.tsx';

/**
 * "Add person": invites by email (with a name and a group) through POST invitations. The link is
 * shown by the page (once); someone already in the company or already invited is said so, and an
 * open invitation can be sent again from here.
 */
export function AddPerson(props: {
  groups: CompanyGroup[];
  invite: (input: { email: string; name?: string; groupId?: string | null }) => Promise<CompanyInvitation>;
  onInvited: (invitation: CompanyInvitation) => void;
  /** Sends the open invitation of this email again (from the "already invited" message). */
  resendTo: (email: string) => Promise<void>;
}) {
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [group, setGroup] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [invitedAlready, setInvitedAlready] = createSignal<string | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const address = email().trim();
    setError(null);
    setInvitedAlready(null);
    if (!address.includes('@')) {
      setError('Enter an email address, such as name@example.com.');
      return;
    }
    setBusy(true);
    try {
      const invitation = await props.invite({
        email: address,
        name: name().trim() || undefined,
        groupId: group() || null,
      });
      setEmail('');
      setName('');
      props.onInvited(invitation);
    } catch (err) {
      if (isApiError(err, 'already_member')) setError(`${address} is already a member of this company.`);
      else if (isApiError(err, 'already_invited')) {
        setError(`${address} already has an open invitation. Send it again to get a new link.`);
        setInvitedAlready(address);
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const resend = async () => {
    const address = invitedAlready();
    if (!address) return;
    setBusy(true);
    try {
      await props.resendTo(address);
      setError(null);
      setInvitedAlready(null);
      setEmail('');
      setName('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="people-add">
      <summary>Add person</summary>
      <form class="people-add-form" onSubmit={submit} aria-describedby={error() ? 'people-add-error' : undefined}>
        <div class="field-row">
          <Field
            id="people-add-email"
            label="Email"
            type="email"
            required
            maxLength={254}
            autocomplete="off"
            value={email()}
            onValue={setEmail}
          />
          <Field id="people-add-name" label="Name (optional)" maxLength={200} value={name()} onValue={setName} />
          <div class="field">
            <label for="people-add-group">Group</label>
            <select id="people-add-group" value={group()} onChange={(e) => setGroup(e.currentTarget.value)}>
              <option value="">No group</option>
              <For each={props.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={error()}>
          <div class="notice notice-error" role="alert" id="people-add-error">
            <p>{error()}</p>
            <Show when={invitedAlready()}>
              <button type="button" class="button button-small button-secondary" disabled={busy()} onClick={resend}>
                Resend invitation
              </button>
            </Show>
          </div>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Inviting…' : 'Invite'}
        </button>
      </form>
    </details>
  );
}
