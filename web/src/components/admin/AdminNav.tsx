import { A } from '@solidjs/router';
import { createUniqueId, For } from 'solid-js';
import { ADMIN_GROUPS } from './sections.ts';
import '../../styles/admin-nav.css';

/** The admin console's side navigation: every admin page, grouped; the current one marked for assistive tech too. */
export function AdminNav() {
  const id = createUniqueId();
  return (
    <nav class="admin-nav" aria-label="Admin console">
      <For each={ADMIN_GROUPS}>
        {(group, i) => (
          <div class="admin-nav-group">
            <span class="admin-nav-group-label" id={`${id}-${i()}`}>
              {group.label}
            </span>
            <ul aria-labelledby={`${id}-${i()}`}>
              <For each={group.sections}>
                {(section) => (
                  <li>
                    <A href={section.href} end={section.end} activeClass="active">
                      {section.label}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </For>
    </nav>
  );
}
