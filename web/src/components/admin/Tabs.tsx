import { For, type JSX } from 'solid-js';

export interface TabDef<Id extends string> {
  id: Id;
  label: string;
}

/**
 * An ARIA tablist (automatic activation): the selected tab is in the tab order, the arrow keys,
 * Home and End move between tabs and select them; the panel follows, labelled by its tab.
 */
export function Tabs<Id extends string>(props: {
  label: string;
  tabs: readonly TabDef<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  children: JSX.Element;
}) {
  const buttons = new Map<Id, HTMLButtonElement>();
  const move = (e: KeyboardEvent) => {
    const ids = props.tabs.map((t) => t.id);
    const at = ids.indexOf(props.selected);
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % ids.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + ids.length) % ids.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? ids.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    props.onSelect(ids[next]!);
    buttons.get(ids[next]!)?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} class="tablist" on:keydown={move}>
        <For each={props.tabs}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              class="tab"
              aria-selected={props.selected === tab.id ? 'true' : 'false'}
              aria-controls={props.selected === tab.id ? `panel-${tab.id}` : undefined}
              tabindex={props.selected === tab.id ? 0 : -1}
              ref={(el) => buttons.set(tab.id, el)}
              onClick={() => props.onSelect(tab.id)}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>
      <div role="tabpanel" id={`panel-${props.selected}`} aria-labelledby={`tab-${props.selected}`} class="tabpanel">
        {props.children}
      </div>
    </div>
  );
}
