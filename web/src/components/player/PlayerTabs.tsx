import { For, type JSX } from 'solid-js';
import { PLAYER_TABS, type PlayerTab, tabIndexAfterKey } from '../../lib/player.ts';

export const tabId = (tab: PlayerTab) => `player-tab-${tab}`;
export const panelId = (tab: PlayerTab) => `player-panel-${tab}`;

/**
 * The player's tabs (WAI-ARIA tabs with automatic activation): one tab stop, arrow keys move
 * between tabs and select them, Home and End jump to the ends.
 */
export function PlayerTabs(props: { selected: PlayerTab; onSelect: (tab: PlayerTab) => void }) {
  const buttons: HTMLButtonElement[] = [];
  const onKeyDown: JSX.EventHandler<HTMLDivElement, KeyboardEvent> = (e) => {
    const current = PLAYER_TABS.findIndex((t) => t.id === props.selected);
    const next = tabIndexAfterKey(current, e.key, PLAYER_TABS.length);
    if (next === null) return;
    e.preventDefault();
    props.onSelect(PLAYER_TABS[next]!.id);
    buttons[next]?.focus();
  };
  return (
    <div class="player-tabs" role="tablist" aria-label="Course tools" onKeyDown={onKeyDown}>
      <For each={PLAYER_TABS}>
        {(tab, i) => (
          <button
            type="button"
            role="tab"
            ref={(el) => {
              buttons[i()] = el;
            }}
            id={tabId(tab.id)}
            aria-selected={props.selected === tab.id}
            aria-controls={panelId(tab.id)}
            tabIndex={props.selected === tab.id ? 0 : -1}
            class="player-tab"
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  );
}

/** The panel of the selected tab. */
export function TabPanel(props: { tab: PlayerTab; children: JSX.Element }) {
  return (
    <div class="player-panel" role="tabpanel" id={panelId(props.tab)} aria-labelledby={tabId(props.tab)}>
      {props.children}
    </div>
  );
}
