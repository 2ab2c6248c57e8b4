/** Previous and next page of an admin list, with where the reader is ("Page 2 of 5 (112 people)"). */
export function Pager(props: {
  label: string;
  page: number;
  pageSize: number;
  total: number;
  /** The counted thing: [singular, plural]. */
  noun: [string, string];
  go: (page: number) => void;
}) {
  const pages = () => Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav class="pager" aria-label={props.label}>
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.go(props.page - 1)}
      >
        Previous page
      </button>
      <span>
        Page {props.page} of {pages()} ({props.total} {props.total === 1 ? props.noun[0] : props.noun[1]})
      </span>
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page >= pages()}
        onClick={() => props.go(props.page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
