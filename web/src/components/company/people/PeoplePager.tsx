import { For } from 'solid-js';
import { PAGE_SIZES, pageCount } from '../../../lib/company-people.ts';
import { formatCount } from '../../../lib/format.ts';

/** Page x of y, previous and next, and how many rows a page shows. */
export function PeoplePager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const pages = () => pageCount(props.total, props.pageSize);
  const first = () => Math.min(props.total, (props.page - 1) * props.pageSize + 1);
  const last = () => Math.min(props.total, props.page * props.pageSize);
  return (
    <nav class="people-pager" aria-label="Pages of people">
      <p class="muted small">
        Page {props.page} of {pages()} · people {formatCount(first())}–{formatCount(last())} of{' '}
        {formatCount(props.total)}
      </p>
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.onPage(Math.min(props.page - 1, pages()))}
      >
        Previous page
      </button>
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page >= pages()}
        onClick={() => props.onPage(props.page + 1)}
      >
        Next page
      </button>
      <label class="people-inline-field">
        <span>Rows per page</span>
        <select value={String(props.pageSize)} onChange={(e) => props.onPageSize(Number(e.currentTarget.value))}>
          <For each={[...new Set([...PAGE_SIZES, props.pageSize])].sort((a, b) => a - b)}>
            {(n) => <option value={String(n)}>{n}</option>}
          </For>
        </select>
      </label>
    </nav>
  );
}
