import { createSignal, Show } from 'solid-js';
import { formatDate } from '../../../lib/format.ts';

/** An invitation link just made (new or resent): shown once, to pass on. */
export interface ShownLink {
  email: string;
  link: string;
  expiresAt: string;
  resent: boolean;
  /** Whether the server emailed it too (absent: it did not say). */
  mailed?: boolean;
}

/**
 * The invitation link, shown once: selectable text in a read-only field and a Copy button
 * (navigator.clipboard; when the browser refuses, the text is selected for copying by hand).
 */
export function InviteLink(props: { shown: ShownLink; onDone: () => void }) {
  const [copied, setCopied] = createSignal('');
  let field: HTMLInputElement | undefined;
  const copy = async () => {
    setCopied('');
    try {
      await navigator.clipboard.writeText(props.shown.link);
      setCopied('Link copied.');
    } catch {
      field?.select();
      setCopied('Could not copy: the link is selected, copy it with Ctrl+C.');
    }
  };
  return (
    <section class="notice notice-success people-link" aria-labelledby="people-link-heading">
      <h3 id="people-link-heading">
        {props.shown.resent ? 'Invitation sent again' : 'Invitation created'} for {props.shown.email}
      </h3>
      <p>
        <Show when={props.shown.mailed} fallback={<>Pass this link on to {props.shown.email}. </>}>
          We emailed this link to {props.shown.email}.{' '}
        </Show>
        It works once and until {formatDate(props.shown.expiresAt)}
        {props.shown.resent ? '; the earlier link no longer works.' : '.'} It is shown only now.
      </p>
      <div class="people-link-row">
        <label for="people-link-field">Invitation link</label>
        <input
          id="people-link-field"
          ref={field}
          type="text"
          readOnly
          value={props.shown.link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button-small button-primary" onClick={copy}>
          Copy link
        </button>
        <button type="button" class="button button-small button-ghost" onClick={() => props.onDone()}>
          Done
        </button>
      </div>
      <p class="small" role="status">
        {copied()}
      </p>
    </section>
  );
}
