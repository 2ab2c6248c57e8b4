import { Show } from 'solid-js';
import { coverColors } from '../lib/placeholder.ts';
import { safeContentUrl } from '../lib/safe-url.ts';

/**
 * A course's thumbnail, or a gradient with its initials drawn in CSS (cheap to paint: no image to
 * fetch, parse or decode). Decorative: the title is next to it. Both take a 16:9 box.
 */
export function CourseCover(props: { slug: string; title: string; thumbnailUrl: string | null; class?: string }) {
  const src = () => (props.thumbnailUrl ? safeContentUrl(props.thumbnailUrl) : null);
  const colors = () => coverColors(props.slug, props.title);
  return (
    <Show
      when={src()}
      fallback={
        <div
          class={`cover cover-generated ${props.class ?? ''}`}
          style={{ '--cover-from': colors().from, '--cover-to': colors().to }}
          aria-hidden="true"
        >
          <span>{colors().text}</span>
        </div>
      }
    >
      {(url) => (
        <img
          class={`cover ${props.class ?? ''}`}
          src={url()}
          alt=""
          width="320"
          height="180"
          loading="lazy"
          decoding="async"
        />
      )}
    </Show>
  );
}
