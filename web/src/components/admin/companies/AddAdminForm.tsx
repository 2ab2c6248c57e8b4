import { createSignal } from 'solid-js';
import { errorMessage, isApiError } from '../../../lib/api.ts';
import type { CompanyApi } from '../../../lib/company-api.ts';
import { useApp } from '../../../lib/context.ts';
import { FormNotice, TextField } from '../Fields.tsx';
import { COMPANY_FORM_LIMITS as COMPANY_LIMITS } from './filter.ts';

/** "Add admin" for one company: an existing account's email (POST /api/admin/companies/:id/admins). */
export function AddAdminForm(props: {
  companyId: string;
  companyName: string;
  calls: CompanyApi;
  onAdded: () => void;
}) {
  const { announce } = useApp();
  const [email, setEmail] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const id = (part: string) => `admin-${part}-${props.companyId}`;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const address = email().trim();
    if (!address.includes('@')) return setError('Enter the email address of an existing account.');
    setBusy(true);
    try {
      const added = await props.calls.adminAddAdmin(props.companyId, address);
      const text = `${added.email} is now an admin of ${props.companyName}.`;
      setDone(text);
      announce(text);
      setEmail('');
      props.onAdded();
    } catch (err) {
      setError(
        isApiError(err, 'user_not_found')
          ? `No account uses ${address}. Ask the person to create an account first, then add them.`
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby={id('heading')} novalidate>
      <h4 id={id('heading')}>Add admin</h4>
      <TextField
        id={id('email')}
        label="Email"
        type="email"
        autocomplete="off"
        maxLength={COMPANY_LIMITS.email}
        required
        value={email()}
        onValue={setEmail}
      />
      <FormNotice id={id('error')} error={error()} success={done()} />
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Adding admin…' : 'Add admin'}
      </button>
    </form>
  );
}
