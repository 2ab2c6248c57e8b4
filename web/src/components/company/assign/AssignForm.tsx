import { useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CompanyAssignInput, CompanyAssignResponse } from '../../../../../edge/api-types.ts';
import { errorMessage } from '../../../lib/api.ts';
import { assignablePeople, groupLabel, parseIdList, preselectedKeys, targetsOf } from '../../../lib/company-assign.ts';
import { ErrorMessage } from '../../Notices.tsx';
import { useCompany } from '../CompanyArea.tsx';
import { AssignResults } from './AssignResults.tsx';
import { ItemSelect } from './ItemSelect.tsx';
import type { LearningData } from './learning-data.ts';
import { PeoplePicker } from './PeoplePicker.tsx';

type Target = 'group' | 'people';

/**
 * Assign a course or bundle to a group or to chosen people, with an optional due date. The URL
 * may preselect: `?group=<id>` or `?users=<id>,<id>` (user or invitation ids).
 */
export function AssignForm(props: { data: LearningData }) {
  const { company, api, changed } = useCompany();
  const [params] = useSearchParams<{ users?: string; group?: string }>();
  const people = () => assignablePeople(props.data.report.members);
  const groups = () => props.data.report.groups;
  const urlGroup = groups().find((g) => g.id === params.group?.toLowerCase())?.id ?? '';
  const urlPeople = preselectedKeys(people(), parseIdList(params.users));
  const [target, setTarget] = createSignal<Target>(urlGroup && urlPeople.length === 0 ? 'group' : 'people');
  const [group, setGroup] = createSignal(urlGroup);
  const [selected, setSelected] = createSignal<Set<string>>(new Set(urlPeople));
  const [item, setItem] = createSignal('');
  const [due, setDue] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [answer, setAnswer] = createSignal<{ answer: CompanyAssignResponse; item: string } | null>(null);

  const check = (): string | null => {
    if (!item()) return 'Choose a course or bundle to assign.';
    if (target() === 'group' && !group()) return 'Choose a group.';
    if (target() === 'people' && selected().size === 0) return 'Select at least one person.';
    return null;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    const problem = check();
    if (problem) {
      setError(problem);
      return;
    }
    const chosen = props.data.items.find((i) => i.id === item())!;
    const input: CompanyAssignInput = {
      ...(chosen.kind === 'course' ? { courseId: chosen.id } : { bundleId: chosen.id }),
      ...(target() === 'group' ? { groupId: group() } : targetsOf(selected(), people())),
      dueAt: due() || null,
    };
    setBusy(true);
    try {
      const result = await api.assign(company().id, input);
      setAnswer({ answer: result, item: chosen.title });
      changed();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="assign" aria-labelledby="assign-title">
      <h2 id="assign-title">Assign learning</h2>
      <Show
        when={props.data.items.length > 0}
        fallback={<p class="empty-state">The company has no seats yet: buy seats of a course or bundle first.</p>}
      >
        <form class="assign-form" onSubmit={(e) => void submit(e)} novalidate>
          <div class="field-row">
            <ItemSelect
              id="assign-item"
              label="Course or bundle"
              items={props.data.items}
              value={item()}
              onChange={setItem}
            />
            <div class="field">
              <label for="assign-due">Due date (optional)</label>
              <input id="assign-due" type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
            </div>
          </div>
          <fieldset class="assign-target">
            <legend>Assign to</legend>
            <label>
              <input
                type="radio"
                name="assign-target"
                checked={target() === 'group'}
                onChange={() => setTarget('group')}
              />
              {' A group'}
            </label>
            <label>
              <input
                type="radio"
                name="assign-target"
                checked={target() === 'people'}
                onChange={() => setTarget('people')}
              />
              {' Selected people'}
            </label>
          </fieldset>
          <Show when={target() === 'group'}>
            <div class="field">
              <label for="assign-group">Group</label>
              <select id="assign-group" onChange={(e) => setGroup(e.currentTarget.value)}>
                <option value="">Choose a group</option>
                <For each={groups()}>
                  {(g) => (
                    <option value={g.id} selected={g.id === group()}>
                      {groupLabel(g, people())}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Show>
          <Show when={target() === 'people'}>
            <PeoplePicker people={people()} selected={selected()} onChange={setSelected} />
          </Show>
          <ErrorMessage message={error()} />
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Assigning…' : 'Assign'}
          </button>
        </form>
      </Show>
      <div role="status" aria-live="polite">
        <Show when={answer()}>{(a) => <AssignResults answer={a().answer} people={people()} item={a().item} />}</Show>
      </div>
    </section>
  );
}
