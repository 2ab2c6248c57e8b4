import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CompanyAssignResponse } from '../../../../../edge/api-types.ts';
import { assignSummaryText, type Person, resultLines } from '../../../lib/company-assign.ts';
import { sentence } from '../../../lib/format.ts';

/** An assignment's answer: the counts, one line per person, and "Buy more seats" when seats ran out. */
export function AssignResults(props: { answer: CompanyAssignResponse; people: Person[]; item: string }) {
  const lines = () => resultLines(props.answer, props.people);
  return (
    <section class="assign-results" aria-labelledby="assign-results-title">
      <h3 id="assign-results-title">Results: {props.item}</h3>
      <p>{assignSummaryText(props.answer)}</p>
      <Show when={props.answer.buyMoreSeats}>
        {(link) => (
          <p class="notice notice-info">
            Some people got no seat.{' '}
            <A href={link()} class="button button-primary button-small">
              Buy more seats
            </A>
          </p>
        )}
      </Show>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Result per person</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Email</th>
              <th scope="col">Result</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            <For each={lines()}>
              {(l) => (
                <tr classList={{ 'import-problem': l.status === 'no_seat' || l.status === 'not_member' }}>
                  <th scope="row">{l.who}</th>
                  <td>{l.email}</td>
                  <td>{l.label}</td>
                  <td>{sentence(l.message)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
