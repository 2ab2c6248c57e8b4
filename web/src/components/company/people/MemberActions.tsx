import { createSignal, Match, Show, Switch } from 'solid-js';
import type { CompanyMemberRow } from '../../../../../edge/api-types.ts';
import { errorMessage, isApiError } from '../../../lib/api.ts';
import { displayName } from '../../../lib/company-people.ts';
import { ConfirmButton } from '../../admin/ConfirmButton.tsx';

export interface RowActionHandlers {
  remove: (row: CompanyMemberRow) => Promise<void>;
  resend: (row: CompanyMemberRow) => Promise<void>;
  revoke: (row: CompanyMemberRow) => Promise<void>;
}

/**
 * A row's actions: a member can be removed (their seats are freed, their records stay); a
 * pending invitation can be sent again (a new link) or revoked. Removed members have none.
 */
export function MemberActions(props: { row: CompanyMemberRow; actions: RowActionHandlers }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const name = () => displayName(props.row);
  const run = async (fn: () => Promise<void>, failure: (err: unknown) => string = errorMessage) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(failure(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const removeFailure = (err: unknown) =>
    isApiError(err, 'last_admin')
      ? `${name()} is the company's only admin and cannot be removed. Ask for another admin first.`
      : errorMessage(err);
  return (
    <div class="people-actions">
      <Switch>
        <Match when={props.row.kind === 'member' && props.row.status === 'active'}>
          <ConfirmButton
            label="Remove"
            what={name()}
            confirmLabel="Confirm remove"
            busy={busy()}
            question={
              <>
                Remove {name()} from the company? Their seats are freed and they lose access to the courses the company
                assigned; their progress, quiz results and certificates stay in your reports.
              </>
            }
            onConfirm={() => run(() => props.actions.remove(props.row), removeFailure)}
          />
        </Match>
        <Match when={props.row.kind === 'invitation'}>
          <button
            type="button"
            class="button button-small button-secondary"
            aria-disabled={busy() ? 'true' : undefined}
            onClick={() => !busy() && run(() => props.actions.resend(props.row))}
          >
            Resend
            <span class="sr-only"> the invitation to {name()}</span>
          </button>
          <ConfirmButton
            label="Revoke"
            what={`the invitation to ${name()}`}
            confirmLabel="Confirm revoke"
            busy={busy()}
            question={
              <>Revoke the invitation to {props.row.email}? The link stops working and the seats it held are freed.</>
            }
            onConfirm={() => run(() => props.actions.revoke(props.row))}
          />
        </Match>
      </Switch>
      <Show when={error()}>
        <p class="people-row-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
