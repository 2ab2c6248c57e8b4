import { createSignal } from 'solid-js';
import { errorMessage } from '../../../lib/api.ts';
import type { CompanyApi } from '../../../lib/company-api.ts';
import { useApp } from '../../../lib/context.ts';
import { plural } from '../../../lib/format.ts';
import { FormNotice, SelectField, TextField } from '../Fields.tsx';
import { COMPANY_FORM_LIMITS as COMPANY_LIMITS, seatCount } from './filter.ts';

export interface CourseChoice {
  id: string;
  title: string;
}

/** "Add seats" for one company: a course, a number of seats and a note (POST /api/admin/companies/:id/seats). */
export function AddSeatsForm(props: {
  companyId: string;
  companyName: string;
  calls: CompanyApi;
  courses: CourseChoice[] | null;
  onAdded: () => void;
}) {
  const { announce } = useApp();
  const [courseId, setCourseId] = createSignal('');
  const [seats, setSeats] = createSignal('');
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const id = (part: string) => `seats-${part}-${props.companyId}`;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const n = seatCount(seats(), COMPANY_LIMITS.seats);
    if (!courseId()) return setError('Choose a course.');
    if (n === null) return setError(`Enter a number of seats from 1 to ${COMPANY_LIMITS.seats}.`);
    setBusy(true);
    try {
      await props.calls.adminAddSeats(props.companyId, {
        courseId: courseId(),
        seats: n,
        note: note().trim() || undefined,
      });
      const title = props.courses?.find((c) => c.id === courseId())?.title ?? 'the course';
      const text = `Added ${plural(n, 'seat', 'seats')} of ${title} to ${props.companyName}.`;
      setDone(text);
      announce(text);
      setSeats('');
      setNote('');
      props.onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby={id('heading')} novalidate>
      <h4 id={id('heading')}>Add seats</h4>
      <SelectField
        id={id('course')}
        label="Course"
        value={courseId()}
        onValue={setCourseId}
        disabled={props.courses === null}
        options={[
          { value: '', label: props.courses === null ? 'Loading courses…' : 'Choose a course' },
          ...(props.courses ?? []).map((c) => ({ value: c.id, label: c.title })),
        ]}
      />
      <TextField
        id={id('count')}
        label="Seats"
        type="number"
        inputMode="numeric"
        min={1}
        max={COMPANY_LIMITS.seats}
        step={1}
        required
        value={seats()}
        onValue={setSeats}
      />
      <TextField
        id={id('note')}
        label="Note (optional)"
        maxLength={COMPANY_LIMITS.note}
        hint="Why the seats were added, for the company's records."
        value={note()}
        onValue={setNote}
      />
      <FormNotice id={id('error')} error={error()} success={done()} />
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Adding seats…' : 'Add seats'}
      </button>
    </form>
  );
}
