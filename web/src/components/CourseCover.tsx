import { Show } from 'solid-js';
import { placeholderCover } from '../lib/placeholder.ts';
import { safeContentUrl } from '../lib/safe-url.ts';

/** A course's thumbnail, or a generated gradient with its initials. Decorative: the title is next to it. */
export function CourseCover(props: { slug: string; title: string; thumbnailUrl: string | null; class?: string }) {
  const src = () => (props.thumbnailUrl ? safeContentUrl(props.thumbnailUrl) : null);
  return (
    <Show
      when={src()}
      fallback={
        <img
          class={`cover ${props.class ?? ''}`}
          src={placeholderCover(props.slug, props.title)}
          alt=""
          width="320"
          height="180"
        />
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
