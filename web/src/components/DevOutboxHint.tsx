import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import { showDevOutbox } from '../lib/dev-outbox.ts';

/** In embedded mode mail is not delivered: it waits in the dev outbox. */
export function DevOutboxHint() {
  const { config } = useApp();
  return (
    <Show when={showDevOutbox(config, location.hostname)}>
      <p class="notice notice-info">
        This server runs in local mode and does not deliver email. Read the message in the{' '}
        <A href="/dev/outbox">dev outbox</A>.
      </p>
    </Show>
  );
}
