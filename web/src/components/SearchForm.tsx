/**
 * A page's search box: a labelled search input and its button, a `role=search` landmark. The page
 * keeps the text (`value`, `onInput`) and decides what a search does (`onSearch`).
 */
export function SearchForm(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
  onSearch: (e: SubmitEvent) => void;
  /** The API's limit for this search (200 unless told). */
  maxLength?: number;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers we support; a form with role=search is the same landmark
    <form role="search" class="search-form" onSubmit={(e) => props.onSearch(e)}>
      <label for={props.id} class="sr-only">
        {props.label}
      </label>
      <input
        id={props.id}
        type="search"
        name="q"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 200}
        autocomplete="off"
      />
      <button type="submit" class="button button-primary">
        Search
      </button>
    </form>
  );
}
