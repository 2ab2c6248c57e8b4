import { createSignal, For } from 'solid-js';
import { shareLinks } from '../../lib/blog-query.ts';

/** Share buttons as plain links (no third-party scripts), and a copy-link button. */
export function ShareLinks(props: { url: string; title: string }) {
  const [copied, setCopied] = createSignal('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('Link copied.');
    } catch {
      setCopied(`Copy this link: ${props.url}`);
    }
  };
  return (
    <nav class="share-links" aria-label="Share this post">
      <span class="share-label">Share:</span>
      <ul>
        <For each={shareLinks(props.url, props.title)}>
          {(l) => (
            <li>
              <a href={l.href} target="_blank" rel="noopener noreferrer" class="button button-small button-secondary">
                {l.name}
                <span class="sr-only"> (opens in a new tab)</span>
              </a>
            </li>
          )}
        </For>
        <li>
          <button type="button" class="button button-small button-secondary" onClick={() => void copy()}>
            Copy link
          </button>
        </li>
      </ul>
      <span role="status" class="small muted">
        {copied()}
      </span>
    </nav>
  );
}
